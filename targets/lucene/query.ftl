<#-- A rule's query string: the predicate alone (the index is part of the rule or data view). -->
${predicate}
