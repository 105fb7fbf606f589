<#-- value_sum: the sum of the value over any window of the timespan (sliding, exact). -->
<#include "correlation-events.ftl">
<#include "correlation-weights.ftl">
| extend _n = row_cumsum(_w, <#list groups as g>${g} != prev(${g})<#sep> or </#list>)
| where _d == 0
| where ${condition}
| summarize first_time = min(_t), last_time = max(_t), value = max(_n) by <#list groups as g>${g}<#sep>, </#list>
