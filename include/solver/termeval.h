/* termeval.h -- terms evaluated over the integers under an assignment.
 *
 * The bit-blasting back end reads its models this way: the SAT model gives
 * every variable a value, and every other term's value is computed here
 * with GMP, exactly, whatever width its bits had.  Semantics are term.h's
 * (floor DIV and MOD), with one convention for the undefined case b = 0:
 * a DIV 0 = 0 and a MOD 0 = a, the blaster's (bv.h).  Values are memoised
 * by term id until term_eval_reset, which a new assignment calls for.
 * Evaluation uses an explicit stack, so deep terms are fine. */
#ifndef BRINK_TERMEVAL_H
#define BRINK_TERMEVAL_H

#include "term.h"

typedef struct TermEvalVars {
  bool (*get_bool)(void *arg, TermId var);
  void (*get_int)(void *arg, TermId var, mpz_t out);
  void *arg;
  /* Optional: the value of a DIV or MOD term whose divisor is 0, for a
   * back end that leaves it to the solver (Z3); NULL: the convention
   * above. */
  void (*get_div0)(void *arg, TermId t, mpz_t out);
} TermEvalVars;

typedef struct TermEval TermEval;

TermEval *term_eval_new(const TermMgr *tm, TermEvalVars vars);
void term_eval_delete(TermEval *e);
/* Forgets every memoised value (the assignment changed). */
void term_eval_reset(TermEval *e);
bool term_eval_bool(TermEval *e, TermId t);
void term_eval_int(TermEval *e, TermId t, mpz_t out);

#endif
