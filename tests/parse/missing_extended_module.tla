---- MODULE missing_extended_module ----
EXTENDS NoSuchModule
====
