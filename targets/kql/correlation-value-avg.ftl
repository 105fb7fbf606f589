<#-- value_avg: the mean of the value over any window of the timespan (sliding, exact). -->
<#include "correlation-events.ftl">
<#include "correlation-weights.ftl">
| extend _sum = row_cumsum(_w, <#list groups as g>${g} != prev(${g})<#sep> or </#list>), _count = row_cumsum(_d, <#list groups as g>${g} != prev(${g})<#sep> or </#list>)
| where _d == 0
| extend _n = _sum / _count
| where ${condition}
<#include "correlation-result.ftl">
