---- MODULE annotation_unreadable_is_warning ----
\* @type: Integer;
CONSTANT N
====
