---- MODULE invalid_hex_digit ----
A == \hFG
====
