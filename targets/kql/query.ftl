<#-- A rule's query: the profile's source (table, function or filtered table) and the predicate; a bare predicate in an open profile. -->
<#if has_source>${source}
| where ${predicate}<#else>${predicate}</#if>
