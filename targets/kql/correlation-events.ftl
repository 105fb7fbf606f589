<#-- The events of every rule the correlation references, with its name, group-by columns and value. -->
let _events = materialize(union
<#list sources as s>
    (${s.source}
    | where ${s.predicate}
    | project _time = ${time}, _rule = ${s.rule}<#list s.groups as g>, ${g.name} = ${g.expr}</#list><#if s.has_value>, _value = ${s.value}</#if>)<#sep>,</#sep>
</#list>
    );
