<#-- A rule's ES|QL query: the log source's indices with the metadata Kibana rules need, then the predicate. -->
FROM ${index} METADATA _id, _index, _version
| WHERE ${predicate}
