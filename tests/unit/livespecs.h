/* livespecs.h -- the tiny specs the liveness suites share: t92 checks the
 * explicit engine on them, t97 the symbolic engine and the two engines
 * against each other.  Each is the body of a module M (header and footer
 * added by the suite). */
#ifndef BRINK_TEST_LIVESPECS_H
#define BRINK_TEST_LIVESPECS_H

/* x climbs 0, 1, 2 and stops. */
#define COUNTER                                                                \
  "EXTENDS Naturals\n"                                                         \
  "VARIABLE x\n"                                                               \
  "Init == x = 0\n"                                                            \
  "Next == x < 2 /\\ x' = x + 1\n"                                             \
  "Spec == Init /\\ [][Next]_x\n"                                              \
  "Fair == Spec /\\ WF_x(Next)\n"                                              \
  "A == INSTANCE Abs WITH c <- x\n"                                            \
  "B == INSTANCE AbsE WITH d <- (x = 2)\n"                                     \
  "RefSpec == Init /\\ [][Next]_x /\\ (x = 0 => WF_x(Next))\n"

/* x alternates 0, 1, 0, ... */
#define CYCLE                                                                  \
  "EXTENDS Naturals\n"                                                         \
  "VARIABLE x\n"                                                               \
  "Init == x = 0\n"                                                            \
  "Next == x' = 1 - x\n"                                                       \
  "Spec == Init /\\ [][Next]_x\n"                                              \
  "Fair == Spec /\\ WF_x(Next)\n"

/* Act is enabled only while b holds, and b keeps toggling: WF does not
 * make Act happen, SF does. */
#define TOGGLE                                                                 \
  "VARIABLES b, acted\n"                                                       \
  "vars == <<b, acted>>\n"                                                     \
  "Init == b = FALSE /\\ acted = FALSE\n"                                      \
  "Toggle == b' = ~b /\\ UNCHANGED acted\n"                                    \
  "Act == b /\\ ~acted /\\ acted' = TRUE /\\ UNCHANGED b\n"                    \
  "Next == Toggle \\/ Act\n"                                                   \
  "WFSpec == Init /\\ [][Next]_vars /\\ WF_vars(Toggle) /\\ WF_vars(Act)\n"    \
  "SFSpec == Init /\\ [][Next]_vars /\\ WF_vars(Toggle) /\\ SF_vars(Act)\n"

/* Processes each finish once. */
#define PROCS                                                                  \
  "EXTENDS Naturals, TLC\n"                                                    \
  "CONSTANT P\n"                                                               \
  "VARIABLE done\n"                                                            \
  "Init == done = [p \\in P |-> FALSE]\n"                                      \
  "Finish(p) == ~done[p] /\\ done' = [done EXCEPT ![p] = TRUE]\n"              \
  "Next == \\E p \\in P : Finish(p)\n"                                         \
  "AllFair == Init /\\ [][Next]_done /\\ \\A p \\in P : WF_done(Finish(p))\n"  \
  "OneFair == Init /\\ [][Next]_done /\\ WF_done(Finish(CHOOSE p \\in P : "    \
  "TRUE))\n"                                                                   \
  "Sym == Permutations(P)\n"                                                   \
  "Done(p) == <>done[p]\n"                                                     \
  "GuardFair == Init /\\ [][Next]_done /\\ \\A p \\in P : "                    \
  "WF_done(~done[p] /\\ Finish(p))\n"                                          \
  "ExFair == Init /\\ [][Next]_done /\\ WF_done(\\E p \\in P : Finish(p))\n"     \
  "NoFair == Init /\\ [][Next]_done /\\ \\A p \\in P : "                       \
  "WF_done(1 = 2 /\\ Finish(p))\n"

/* Down is enabled at x = 1, where Next does not allow it: a behaviour that
 * stops at 1 is unfair to Down.  Under the constraint Small, Up's step
 * from 1 leaves the graph, but Up is still enabled at 1. */
#define UPDOWN                                                                 \
  "EXTENDS Naturals\n"                                                         \
  "VARIABLE x\n"                                                               \
  "Init == x = 0\n"                                                            \
  "Up == x < 3 /\\ x' = x + 1\n"                                               \
  "Down == x > 0 /\\ x' = x - 1\n"                                             \
  "Next == Up \\/ (x # 1 /\\ Down)\n"                                          \
  "DownFair == Init /\\ [][Next]_x /\\ WF_x(Down)\n"                            \
  "UpFair == Init /\\ [][Next]_x /\\ WF_x(Up)\n"                               \
  "Small == x < 2\n"

/* PlusCal's shape: Node, a disjunct of Next, is a disjunction of labelled
 * steps, each a guard and several assignments; WF_vars(Node) keeps pc
 * moving. */
#define STEPS                                                                  \
  "EXTENDS Naturals\n"                                                         \
  "VARIABLES pc, x\n"                                                          \
  "vars == <<pc, x>>\n"                                                        \
  "Init == pc = 0 /\\ x = 0\n"                                                 \
  "A == pc = 0 /\\ pc' = 1 /\\ x' = x\n"                                       \
  "B == pc = 1 /\\ pc' = 0 /\\ x' = (x + 1) % 3\n"                             \
  "Node == A \\/ B\n"                                                          \
  "Next == Node \\/ (pc = 2 /\\ UNCHANGED vars)\n"                              \
  "Spec == Init /\\ [][Next]_vars\n"                                           \
  "Fair == Spec /\\ WF_vars(Node)\n"

#endif
