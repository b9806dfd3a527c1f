------------------------------- MODULE Folds -------------------------------
(***************************************************************************)
(* brink's own definition of the community module Folds (the interface of *)
(* tlaplus/CommunityModules, written anew for brink).                      *)
(*                                                                         *)
(* MapThenFoldSet is the generic fold that FoldSet (FiniteSetsExt),        *)
(* FoldFunction (Functions) and FoldSeq (SequencesExt) are built on.       *)
(***************************************************************************)

(***************************************************************************)
(* MapThenFoldSet(op, base, f, choose, S) combines the images f(x) of all  *)
(* x in the finite set S with op, starting from base.  The elements are    *)
(* taken in the order given by choose: x1 == choose(S) is taken first,     *)
(* x2 == choose(S \ {x1}) next, and so on, and the result is               *)
(*                                                                         *)
(*    op(f(x1), op(f(x2), ... op(f(xn), base) ...))                        *)
(*                                                                         *)
(* When choose leaves the order open (e.g. CHOOSE x \in T : TRUE), op      *)
(* should be associative and commutative.                                  *)
(*                                                                         *)
(*   MapThenFoldSet(LAMBDA a, b : a + b, 0, LAMBDA x : 2 * x,              *)
(*                  LAMBDA T : CHOOSE x \in T : TRUE, {1, 2, 3}) = 12      *)
(***************************************************************************)
MapThenFoldSet(op(_,_), base, f(_), choose(_), S) ==
  LET RECURSIVE Rest(_)
      Rest(T) == IF T = {} THEN base
                 ELSE LET x == choose(T)
                      IN  op(f(x), Rest(T \ {x}))
  IN  Rest(S)

=============================================================================
