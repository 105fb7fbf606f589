<#-- value_percentile: Kusto has no sliding percentile, so fixed buckets of the timespan (the compiler warns). -->
<#include "correlation-events.ftl">
_events
| where isnotnull(_value)
| summarize _n = percentile(_value, ${percentile}) by <#list groups as g>${g}, </#list>_t = bin(_time, ${timespan})
| where ${condition}
<#include "correlation-result.ftl">
