<#-- event_count, value_count, temporal: the rules' events, per fixed bucket and group, against the condition. -->
FROM ${index}
| WHERE <#list sources as source>(${source.predicate})<#sep> OR </#list>
<#list evals as eval>| EVAL ${eval}
</#list>| EVAL _bucket = DATE_TRUNC(${timespan}, @timestamp)
| STATS ${aggregate} BY _bucket<#list groups as group>, ${group}</#list>
<#if has_total>| EVAL ${total}
</#if>| WHERE ${condition}
