/*
 * The subset of Splunk's Search Processing Language that the spl target emits, for the test
 * interpreter and the structural check. It is deliberately strict: a command, function or
 * token outside this subset is a syntax error, so an emitted query that strays from the
 * subset (or a value that escapes its quotes) fails the tests.
 *
 * Precedence follows Splunk: in search expressions NOT binds tightest, then OR, then AND
 * (explicit or implied by juxtaposition); in eval expressions the usual NOT, AND, OR order.
 */
grammar SplQuery;

query : pipeline EOF ;

pipeline
  : search=searchExpr (PIPE command)*                                  # searchPipeline
  | PIPE generating (PIPE command)*                                    # generatingPipeline
  ;

generating
  : MULTISEARCH (LBRACK subsearch RBRACK)+                             # multisearch
  | TSTATS option* aggregation (COMMA? aggregation)* FROM source=option (WHERE searchExpr)? byClause?  # tstats
  ;

subsearch : SEARCH searchExpr (PIPE command)* ;

command
  : SEARCH searchExpr                                                  # searchCommand
  | WHERE evalExpr                                                     # whereCommand
  | EVAL assignment (COMMA assignment)*                                # evalCommand
  | SORT limit=NUMBER sortKey                                          # sortCommand
  | STREAMSTATS option* aggregation (COMMA aggregation)* byClause?     # streamstatsCommand
  | STATS aggregation (COMMA aggregation)* byClause?                   # statsCommand
  | BIN fieldName option                                               # binCommand
  | RENAME from=fieldPattern AS to=fieldPattern                        # renameCommand
  ;

sortKey : (PLUS | MINUS)? fieldName ;

option : key=WORD EQ value=optionValue ;

optionValue : DURATION | NUMBER | WORD ;

aggregation : function=WORD (LPAREN argument=fieldName RPAREN)? (AS alias=fieldName)? ;

byClause : BY fieldName+ ;

fieldPattern : WORD STAR? | STAR ;

assignment : fieldName EQ evalExpr ;

searchExpr : orExpr (AND? orExpr)* ;

orExpr : notExpr (OR notExpr)* ;

notExpr
  : NOT notExpr                                                        # searchNot
  | LPAREN searchExpr RPAREN                                           # searchGroup
  | fieldName EQ searchValue                                           # searchEquals
  | fieldName IN LPAREN STRING (COMMA STRING)* RPAREN                  # searchIn
  | STRING                                                             # searchKeyword
  | STAR                                                               # searchAll
  ;

searchValue : STRING | NUMBER | STAR ;

evalExpr
  : LPAREN evalExpr RPAREN                                             # evalGroup
  | name=WORD LPAREN (evalExpr (COMMA evalExpr)*)? RPAREN              # evalCall
  | QFIELD                                                             # evalQuotedField
  | STRING                                                             # evalString
  | NUMBER                                                             # evalNumber
  | WORD                                                               # evalBareField
  | MINUS evalExpr                                                     # evalNegate
  | left=evalExpr op=(PLUS | MINUS | DOT) right=evalExpr               # evalArithmetic
  | left=evalExpr op=(EQ | EQEQ | NEQ | LT | LE | GT | GE) right=evalExpr  # evalCompare
  | NOT evalExpr                                                       # evalNot
  | left=evalExpr AND right=evalExpr                                   # evalAnd
  | left=evalExpr OR right=evalExpr                                    # evalOr
  ;

fieldName : WORD | SEARCH | WHERE | EVAL | SORT | STATS | STREAMSTATS | BIN | RENAME | FROM ;

// Commands and keywords (Splunk's Boolean operators are upper case; command names lower case).
MULTISEARCH : 'multisearch' ;
TSTATS : 'tstats' ;
SEARCH : 'search' ;
WHERE : 'where' ;
EVAL : 'eval' ;
SORT : 'sort' ;
STREAMSTATS : 'streamstats' ;
STATS : 'stats' ;
BIN : 'bin' ;
RENAME : 'rename' ;
FROM : 'from' ;
BY : 'by' ;
AS : 'as' ;
AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
IN : 'IN' ;

PIPE : '|' ;
LBRACK : '[' ;
RBRACK : ']' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA : ',' ;
EQEQ : '==' ;
NEQ : '!=' ;
LE : '<=' ;
GE : '>=' ;
EQ : '=' ;
LT : '<' ;
GT : '>' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
DOT : '.' ;

// A string holds no raw line break: the target spells control characters as escapes.
STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
QFIELD : '\'' ~['\\\r\n|]+ '\'' ;
DURATION : [0-9]+ [a-z]+ ;
NUMBER : [0-9]+ ('.' [0-9]+)? ;
WORD : [A-Za-z_] [A-Za-z0-9_.]* ;

// Line breaks separate pipeline stages for readability; Splunk treats them as spaces.
WS : [ \t\r\n]+ -> skip ;
