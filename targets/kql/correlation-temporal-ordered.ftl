<#-- temporal_ordered: the rules in order within the timespan (exact). For each first event, the
     earliest later match of each next rule is kept, which is the best continuation. -->
<#include "correlation-events.ftl">
_events
| where _rule == ${first_rule}
| project <#list groups as g>${g}, </#list>_start = _time, _last = _time
<#list later_rules as r>
| join kind=inner (_events | where _rule == ${r} | project <#list groups as g>${g}, </#list>_next = _time) on <#list groups as g>${g}<#sep>, </#list>
| where _next >= _last and _next - _start <= ${timespan}
| summarize _last = min(_next) by <#list groups as g>${g}, </#list>_start
</#list>
<#if anchors>
| project <#list groups as g>${g}, </#list>_t = _last
<#else>
| summarize first_time = min(_start), last_time = max(_last), value = count() by <#list groups as g>${g}<#sep>, </#list>
</#if>
