---- MODULE set_elements_of_two_types ----
Mixed == {1, "one"}
====
