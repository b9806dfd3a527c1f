---- MODULE annotation_too_general ----
EXTENDS Naturals
\* @type: (a) => a;
Inc(x) == x + 1
====
