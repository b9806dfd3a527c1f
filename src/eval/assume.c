/* assume.c -- checking the ASSUMEs of a spec with the evaluator.
 *
 * Design.  Each assumption is evaluated as a constant-level expression
 * under its own recovery point, with TLCGet("level") 0 as in TLC; the
 * first false one is reported with TLC's message
 * (spec_print_false_assumption) and exit code EXIT_ASSUME, the first
 * that fails to evaluate with EXIT_EVAL (or the code of its failure).
 * This lives in the evaluator's layer, not beside the binding of the
 * config to the spec (spec.c), so that the model layer does not call the
 * evaluator. */
#include "evalint.h"

/* 1 when the assumption holds, 0 when it is false, -code when evaluating
 * it failed. */
static int assumption_holds(const Spec *spec, Expr *a) {
  EvalState st = {spec, NULL, NULL};
  FailPoint fp;
  if (fail_push(&fp))
    return -(fp.code ? fp.code : EXIT_EVAL);
  bool ok = eval_bool(&st, a, "an ASSUME");
  fail_pop(&fp);
  return ok;
}

int eval_check_assumptions(const Spec *spec) {
  for (size_t i = 0; i < spec->assumes.len; i++) {
    Expr *a = spec->assumes.data[i];
    /* TLCGet("level") is 0 in an ASSUME (TLC). */
    EvalLevel l = eval_level_enter(0);
    int r = assumption_holds(spec, a);
    eval_level_leave(l);
    if (r < 0) {
      fprintf(stdout, "Error: evaluating an assumption failed (see above).\n");
      return -r;
    }
    if (!r) {
      spec_print_false_assumption(a->loc);
      return EXIT_ASSUME;
    }
  }
  return 0;
}
