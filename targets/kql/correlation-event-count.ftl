<#-- event_count: events of the group in any window of the timespan (sliding, exact). -->
<#include "correlation-events.ftl">
let _anchors = _events;
let _spans = _events | project <#list groups as g>${g}, </#list>_start = _time, _end = _time;
<#include "correlation-sweep.ftl">
