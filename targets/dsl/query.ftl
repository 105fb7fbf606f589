<#-- A rule's search body: the predicate as the query. -->
{"query":${predicate}}
