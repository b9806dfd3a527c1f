/* driver.h -- the checking engines as the CLI runs them.
 *
 * Only the driver sees all three layers (src/, encode/, solver/): it
 * unrolls the spec with encode/, asks the solver, decodes and replays
 * counterexamples, and prints results in TLC's words.  Each function
 * returns a TLC exit code. */
#ifndef BRINK_DRIVER_H
#define BRINK_DRIVER_H

#include "spec.h"

typedef struct CheckOptions {
  int length;         /* steps to unroll (symbolic) / max depth (explicit) */
  const char *backend; /* "z3", "cadical", "auto" */
  bool length_given;
  int max_seq_len; /* choices from Seq(S); -1 = the encoder's default */
  unsigned int_width;    /* cadical: bits of unbounded integers (0: default) */
  const char *dump_cnf;  /* write the CNF there (cadical), or NULL */
  const char *dump_smt2; /* write the query there as SMT-LIB 2, or NULL */
  bool safety_only; /* --safety-only: temporal properties and fairness are
                     * left unchecked on purpose (checked.h) */
  bool stats;       /* --stats: per-depth time and sizes on stderr
                     * (symbolic engine; driver.c) */
  bool debug_ask;   /* --debug-ask: each solver query's time and answer on
                     * stderr (symbolic engine) */
  bool debug_lasso; /* --debug-lasso: a lasso that does not replay is
                     * printed on stderr */
  bool corrupt_model; /* --test-corrupt-model: the test suite's fault
                       * injection, a wrong counterexample the replay
                       * must catch */
  bool no_charvec; /* --no-charvec: set variables stay lists of cells */
  bool no_freshen; /* --no-freshen: frames' Bool terms are not cut */
  bool no_state_memo; /* --no-state-memo: the evaluator's per-state memo
                       * of state-level definitions off (explicit) */
  unsigned long long memory_budget; /* --memory-budget: bytes the explicit
                                     * engine stops before (0: none) */
  bool no_symmetry; /* --no-symmetry: no lex-leader constraints
                     * (symbreak.h) */
  bool no_trim;     /* --no-trim: frames keep cells that cannot be members
                     * (driver.c's trim_frame) */
  bool induct;      /* --induct: invariants first asked of one step
                     * (induct.h) */
  bool no_pack;     /* --no-pack: frames keep every cell with a computed key
                     * (packcells.h) */
  bool no_tighten;  /* --no-tighten: frames' integers keep their terms'
                     * bounds (tighten.h) */
  bool lazy_enabled; /* --test-lazy-enabled: every fairness ENABLED left
                     * to the lasso search's refinement (lasso.c) */
  bool lasso_own_frames; /* --lasso-own-frames: the lasso search encodes
                          * its frames (lasso.h's LassoFrames) */
  bool lasso_replay; /* --test-lasso-replay: never on the unrolling's
                      * solver */
} CheckOptions;

int check_symbolic(const Spec *spec, const CheckOptions *opt);
int check_explicit(const Spec *spec, const CheckOptions *opt);

#endif
