/* lasso.h -- liveness in the symbolic engine: lasso-shaped bounded model
 * checking (Biere, Cimatti, Clarke and Zhu, 1999).
 *
 * For each temporal PROPERTY conjunct, shortest lassos first, the solver
 * is asked for frames s0..sk whose steps are Next or stuttering steps and
 * whose last frame equals an earlier one (the loop), on which the
 * fairness holds and the property's negation (temporal.h's normal form)
 * is true.  A lasso found is decoded and replayed with the evaluator
 * before it is printed, as TLC prints one (exit 13); one that does not
 * replay is an internal error (exit 255).  A form the encoder cannot take
 * leaves liveness unchecked (checked.h), with a located reason. */
#ifndef BRINK_LASSO_H
#define BRINK_LASSO_H

#include "checked.h"
#include "solver.h"
#include "spec.h"

/* How lasso_check runs: max_seq_len as enc_set_max_seq_len (-1: the
 * encoder's default); debug_ask: each query's answer on stderr;
 * debug_lasso: the states of a lasso that does not replay on stderr;
 * corrupt_model: for the test suite, the decoded lasso's first state is
 * corrupted, which the replay must catch. */
typedef struct CvPlan CvPlan;
typedef struct SymVal SymVal;

/* The safety unrolling's frames s_0 .. s_K (nframes = K + 1), which a
 * search whose steps are all Next's takes instead of encoding its own
 * (lasso.c, "the unrolling's frames").  facts[i] is what the unrolling
 * asserted once frame tags[i] existed: it holds in every behaviour of
 * which frames 0 .. tags[i] are the states.  choice_*: the steps' choices
 * (enc_choices), for the replay's witnesses.  solver: the unrolling's own
 * solver, with the facts asserted as they are, when they cut no lasso
 * (every state within K steps starts a path to depth K: the deadlock was
 * checked and there is no CONSTRAINT, or the unrolling found no dead end,
 * driver.c); NULL: they are asserted on the
 * lasso's solver each under its frame's being a state.  seq_bound:
 * enc_seq_bound of the unrolling's encoder. */
typedef struct LassoFrames {
  SymVal ***frames;
  size_t nframes;
  const TermId *facts;
  const int *tags;
  size_t nfacts;
  const uint32_t *choice_ids;
  SymVal *const *choice_vals;
  size_t nchoices;
  Solver *solver;
  int seq_bound;
} LassoFrames;

typedef struct LassoOptions {
  int max_seq_len;
  bool debug_ask, debug_lasso, corrupt_model;
  /* The safety unrolling's characteristic vectors (charvec.h), when it
   * checked all K steps with them: no frame within K steps overflows, so
   * the lasso's frames take the same vectors.  NULL: lists of cells. */
  const CvPlan *cv;
  bool no_freshen; /* --no-freshen */
  bool stats;      /* --stats: a line per bound (bmcstats.h) */
  /* A fresh solver on tm, like the one lasso_check is given: each
   * temporal property after the first is searched on one of its own. */
  Solver *(*new_solver)(void *arg, TermMgr *tm);
  void *solver_arg;
  bool no_trim; /* --no-trim: frames keep the cells no behaviour fills */
  bool no_pack; /* --no-pack: frames keep every computed-key cell */
  bool lazy_enabled; /* --test-lazy-enabled: every fairness condition's
                      * ENABLED left to refinement (fair_enabled) */
  const LassoFrames *frames; /* NULL: the search encodes its frames */
} LassoOptions;

/* Looks for a lasso of 1..K steps.  Returns EXIT_OK when there is none
 * (by->liveness set) or when liveness was left unchecked (by->liveness
 * false, by->liveness_why saying why), EXIT_LIVENESS after printing a
 * counterexample, EXIT_OTHER after an internal error or a solver that
 * gave up.  The solver (fresh, on tm) is deleted, as are those it makes
 * with opt->new_solver; opt->frames->solver is not. */
int lasso_check(const Spec *spec, TermMgr *tm, Solver *solver, int K,
                const LassoOptions *opt, Checks *by);

#endif
