<#-- temporal over event_count/value_count correlations: each counted per inner bucket, then the members seen per outer bucket and group. -->
FROM ${index}
| WHERE <#list sources as source>(${source.predicate})<#sep> OR </#list>
<#list evals as eval>| EVAL ${eval}
</#list>| EVAL _bucket = DATE_TRUNC(${timespan}, @timestamp), _inner = DATE_TRUNC(${inner_timespan}, @timestamp)
| STATS ${inner_aggregate} BY _bucket, _inner<#list groups as group>, ${group}</#list>
<#list hits as hit>| EVAL ${hit}
</#list>| STATS ${outer_aggregate} BY _bucket<#list groups as group>, ${group}</#list>
| EVAL ${total}
| WHERE ${condition}
