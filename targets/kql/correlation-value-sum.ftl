<#-- value_sum: the sum of the value over any window of the timespan (sliding, exact). -->
<#include "correlation-events.ftl">
<#include "correlation-weights.ftl">
| extend _n = row_cumsum(_w, <#list groups as g>${g} != prev(${g})<#sep> or </#list>)
| where _d == 0
| where ${condition}
<#include "correlation-result.ftl">
