---- MODULE Options ----
EXTENDS Naturals
(* PlusCal options (-sf) *)
(* --algorithm Options
variables turn = 1, crit = {};
define
  Safe == crit = {} \/ \E i \in {1, 2} : crit = {i}
end define;
process p \in {1, 2}
variable other = 3 - self;
begin
  ncs: while TRUE do
  e:     await turn = self;
  cs:    crit := {self};
  x:     crit := {};
         turn := other;
       end while;
end process;
end algorithm; *)
====
