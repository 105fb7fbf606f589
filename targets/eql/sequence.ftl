<#-- temporal_ordered: the rules' events in order within maxspan of the first, each joined on its own group-by fields. -->
sequence with maxspan=${timespan}
<#list sources as source>  [any where ${source.predicate}]<#if source.has_by> by <#list source.by as field>${field}<#sep>, </#list></#if>
</#list>
