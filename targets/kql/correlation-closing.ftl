<#-- Conditions that can turn false as events arrive (lt, lte, eq, neq) are only known when a
     window is over: a group's window opens at its first event and closes a timespan later; the
     next event after that opens the next one. A window still open when the query runs is left
     for a later run. -->
<#include "correlation-events.ftl">
_events
| sort by <#list groups as g>${g} asc, </#list>_time asc
| extend _window = row_window_session(_time, ${timespan}, 36500d, <#list groups as g>${g} != prev(${g})<#sep> or </#list>)
| summarize _n = ${aggregate}, _start = min(_time), _t = max(_time) by <#list groups as g>${g}, </#list>_window
| where _start + ${timespan} < now()
| where ${condition}
<#include "correlation-result.ftl">
