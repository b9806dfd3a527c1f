/* symbreak.h -- one behaviour of each class of renamings.
 *
 * When the spec is symmetric in the elements u_1 < ... < u_n of a
 * constant set (symmetric.h), a behaviour and its renamings violate the
 * same invariants at the same depth, so the symbolic engine may confine
 * the search to one of each class: a lex-leader.  Each element u_i has a
 * column over the frames, its row in frame j being the tuple of u_i \in
 * x for the set-valued variables x (in declaration order; FALSE < TRUE).
 * Exchanging u_i and u_{i+1} exchanges their columns, so the least
 * behaviour of a class (frames compared in order, in each the columns in
 * order) has column i lexicographically at most column i+1, frames 0..k:
 * the constraint asserted for frame k is that column i's row is at most
 * column i+1's wherever their rows agreed in frames 0..k-1.  Any
 * behaviour can be renamed to satisfy it (sort its columns), so an
 * unsatisfiable query stays unsatisfiable without it, and a satisfiable
 * one yields a real behaviour, which the evaluator replays as any other. */
#ifndef BRINK_SYMBREAK_H
#define BRINK_SYMBREAK_H

#include "spec.h"
#include "symval.h"

typedef struct SymBreak SymBreak;

/* NULL when the spec is not symmetric in any constant set. */
SymBreak *sb_new(const Spec *sp);
void sb_delete(SymBreak *s);
/* The constant the spec is symmetric in and its number of elements. */
Sym sb_constant(const SymBreak *s, int *n);
/* The constraint on the next frame (frames 0, 1, ... in turn). */
TermId sb_frame(SymBreak *s, SymVal *const *state);

#endif
