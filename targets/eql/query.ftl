<#-- A rule's EQL query: events of any category matching the predicate. -->
any where ${predicate}
