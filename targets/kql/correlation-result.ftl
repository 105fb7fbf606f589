<#-- One row per group (first and last time the condition held, the largest value), or, for a
     correlation that another one references, every row at which it held. -->
<#if anchors>
| project <#list groups as g>${g}, </#list>_t
<#else>
| summarize first_time = min(_t), last_time = max(_t), value = max(_n) by <#list groups as g>${g}<#sep>, </#list>
</#if>
