<#-- value_count: distinct values in any window of the timespan (sliding, exact). The
     occurrences of one value closer than the timespan merge into one span, so each value
     counts once in every window it appears in. -->
<#include "correlation-events.ftl">
let _anchors = _events | where isnotempty(_value);
let _spans = _anchors
    | sort by <#list groups as g>${g} asc, </#list>_value asc, _time asc
    | extend _session = row_window_session(_time, 36500d, ${timespan}, <#list groups as g>${g} != prev(${g}) or </#list>_value != prev(_value))
    | summarize _start = min(_time), _end = max(_time) by <#list groups as g>${g}, </#list>_value, _session;
<#include "correlation-sweep.ftl">
