/* solver.h -- the back-end interface: a small vtable per solver.
 *
 * A Solver holds one incremental query over the terms of one TermMgr:
 * assertions accumulate; check() asks for satisfiability of everything
 * asserted together with the given assumption literals (Bool terms), which
 * hold only for that call.  After SOLVER_SAT, value_* read the model for any
 * term built from asserted variables (variables the model leaves free get a
 * default value, consistently).  A Solver never calls exit(); a failure
 * inside the solver library is SOLVER_UNKNOWN with a reason. */
#ifndef BRINK_SOLVER_H
#define BRINK_SOLVER_H

#include <gmp.h>

#include "term.h"

typedef enum SolverResult {
  SOLVER_SAT,
  SOLVER_UNSAT,
  SOLVER_UNKNOWN,
} SolverResult;

typedef struct Solver Solver;

typedef struct SolverOps {
  const char *name;
  void (*assert_term)(Solver *s, TermId t);
  SolverResult (*check)(Solver *s, const TermId *assumptions, size_t n);
  bool (*value_bool)(Solver *s, TermId t);
  void (*value_int)(Solver *s, TermId t, mpz_t out);
  const char *(*reason_unknown)(Solver *s);
  void (*set_timeout_ms)(Solver *s, unsigned ms); /* 0 = none */
  void (*destroy)(Solver *s);
} SolverOps;

struct Solver {
  const SolverOps *ops;
  TermMgr *tm;
};

Solver *solver_z3_new(TermMgr *tm);

static inline void solver_assert(Solver *s, TermId t) {
  s->ops->assert_term(s, t);
}
static inline SolverResult solver_check(Solver *s, const TermId *a, size_t n) {
  return s->ops->check(s, a, n);
}
static inline bool solver_value_bool(Solver *s, TermId t) {
  return s->ops->value_bool(s, t);
}
static inline void solver_value_int(Solver *s, TermId t, mpz_t out) {
  s->ops->value_int(s, t, out);
}
static inline void solver_delete(Solver *s) {
  if (s)
    s->ops->destroy(s);
}

#endif
