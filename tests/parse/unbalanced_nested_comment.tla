---- MODULE unbalanced_nested_comment ----
(* outer (* inner *) the outer comment is never closed
A == 1
====
