<#-- The events of every rule the correlation references, with its name, group-by columns and
     value; a referenced correlation is a local function returning the times its condition held. -->
<#list functions as f>
let ${f.name} = () {
${f.body}
};
</#list>
let _events = materialize(union
<#list sources as s>
    (${s.source}
<#if s.filtered>
    | where ${s.predicate}
</#if>
    | project _time = ${s.time}, _rule = ${s.rule}<#list s.groups as g>, ${g.name} = ${g.expr}</#list><#if s.has_value>, _value = ${s.value}</#if>)<#sep>,</#sep>
</#list>
    );
