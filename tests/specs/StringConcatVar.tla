---- MODULE StringConcatVar ----
\* s \o "a" with s a string-valued variable: TLC concatenates strings.
EXTENDS Naturals, Sequences
VARIABLE s
Init == s = ""
Next == s' = s \o "a"
Inv == Len(s) < 2
InvCat == s \o "x" # "aax"
====
