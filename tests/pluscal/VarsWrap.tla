---- MODULE VarsWrap ----
EXTENDS Naturals
(* --algorithm VarsWrap {
variables alphabetical = 0, bureaucratic = 0, cartographer = 0,
          deliberately = 0, evangelistic = 0, fundamentals = 0;
define { Total == alphabetical + bureaucratic }
procedure Reset(granularity = 0)
variables hypothetical = 0, ab = 0;
{ r1: alphabetical := granularity + hypothetical; return }
{ m1: call Reset(1) }
} *)
====
