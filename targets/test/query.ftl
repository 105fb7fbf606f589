<#-- The test dialect's frame: WHERE and the predicate. -->
WHERE ${predicate}
