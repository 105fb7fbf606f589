<#-- A detection rule: the search (profile source, then search terms), then one where clause. -->
${search}<#list commands as command>
${command}</#list>
