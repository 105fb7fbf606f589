<#-- Exact sliding window: every span adds 1 from its start to its end plus the timespan; the
     running sum at each anchor event is the number of spans in [anchor - timespan, anchor]. -->
union
    (_spans | project <#list groups as g>${g}, </#list>_t = _start, _d = 1),
    (_spans | project <#list groups as g>${g}, </#list>_t = _end + ${timespan}, _d = -1),
    (_anchors | project <#list groups as g>${g}, </#list>_t = _time, _d = 0)
| sort by <#list groups as g>${g} asc, </#list>_t asc, _d desc
| extend _n = row_cumsum(_d, <#list groups as g>${g} != prev(${g})<#sep> or </#list>)
| where _d == 0
| where ${condition}
<#include "correlation-result.ftl">
