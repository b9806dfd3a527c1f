---- MODULE string_added_to_int ----
EXTENDS Naturals
CONSTANT Name
Greeting == "hello"
Total == Greeting + 1
====
