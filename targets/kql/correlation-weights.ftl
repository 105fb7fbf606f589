<#-- Every event with a value adds it from its time to its time plus the timespan; anchors (d = 0) sit after the additions of their own time. -->
let _valued = _events | where isnotnull(_value);
union
    (_valued | project <#list groups as g>${g}, </#list>_t = _time, _d = 1, _w = _value),
    (_valued | project <#list groups as g>${g}, </#list>_t = _time + ${timespan}, _d = -1, _w = -_value),
    (_valued | project <#list groups as g>${g}, </#list>_t = _time, _d = 0, _w = 0.0)
| sort by <#list groups as g>${g} asc, </#list>_t asc, _d desc
