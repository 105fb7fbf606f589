/*
 * The Sigma condition language (specification v2.1, with pySigma's precedence):
 * or < and < not < "x of" < parentheses. Keywords are lower case only; an upper-case
 * "AND" lexes as an identifier and is reported by the builder's error listener.
 */
grammar SigmaCondition;

standaloneCondition : condition EOF ;

condition : orExpression ;

orExpression : terms+=andExpression (OR terms+=andExpression)* ;

andExpression : terms+=notExpression (AND terms+=notExpression)* ;

notExpression
    : NOT operand=notExpression   # negation
    | primary                     # positive
    ;

primary
    : quantifier OF target        # quantified
    | LPAREN condition RPAREN     # group
    | IDENTIFIER                  # reference
    ;

quantifier : ONE | ANY | ALL ;

target
    : THEM                        # them
    | (IDENTIFIER | PATTERN)      # pattern
    ;

// Keywords come first so that, at equal length, they win over IDENTIFIER;
// "and_filter" is still one IDENTIFIER because the longest match wins.
AND : 'and' ;
OR : 'or' ;
NOT : 'not' ;
OF : 'of' ;
ONE : '1' ;
ANY : 'any' ;
ALL : 'all' ;
THEM : 'them' ;
LPAREN : '(' ;
RPAREN : ')' ;

IDENTIFIER : [A-Za-z0-9_\-]+ ;
PATTERN : [A-Za-z0-9_\-]* '*' [A-Za-z0-9_\-*]* ;

WHITESPACE : [ \t\r\n]+ -> skip ;
UNEXPECTED : . ;
