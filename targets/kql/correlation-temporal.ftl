<#-- temporal: which rules matched in any window of the timespan (sliding, exact); one running count per rule. -->
<#include "correlation-events.ftl">
union
    (_events | project <#list groups as g>${g}, </#list>_rule, _t = _time, _d = 1),
    (_events | project <#list groups as g>${g}, </#list>_rule, _t = _time + ${timespan}, _d = -1),
    (_events | project <#list groups as g>${g}, </#list>_rule = "", _t = _time, _d = 0)
| sort by <#list groups as g>${g} asc, </#list>_t asc, _d desc
| extend <#list counters as c>${c.name} = row_cumsum(iff(_rule == ${c.rule}, _d, 0), <#list groups as g>${g} != prev(${g})<#sep> or </#list>)<#sep>, </#sep></#list>
| where _d == 0
| extend _n = <#list counters as c>iff(${c.name} > 0, 1, 0)<#sep> + </#list>
| where ${condition}
<#include "correlation-result.ftl">
