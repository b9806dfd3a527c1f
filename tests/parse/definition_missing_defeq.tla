---- MODULE definition_missing_defeq ----
Foo(x) x + 1
====
