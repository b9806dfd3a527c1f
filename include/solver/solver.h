/* solver.h -- the back-end interface: a small vtable per solver.
 *
 * A Solver holds one incremental query over the terms of one TermMgr:
 * assertions accumulate; check() asks for satisfiability of everything
 * asserted together with the given assumption literals (Bool terms), which
 * hold only for that call.  After SOLVER_SAT, value_* read the model for any
 * term built from asserted variables (variables the model leaves free get a
 * default value, consistently).  A Solver never calls exit(); a failure
 * inside the solver library is SOLVER_UNKNOWN with a reason.
 *
 * Back ends: Z3 (solver/z3.c); CaDiCaL through bit-blasting
 * (solver/cadical.c, which documents how integers become bit-vectors and
 * why its answers stay answers about Int); `auto` (solver/auto.c), which
 * starts on CaDiCaL and moves to Z3 when a query has an integer the
 * bit-blaster cannot bound; and a decorator that writes the query as
 * SMT-LIB 2 (solver/smt2.c). */
#ifndef BRINK_SOLVER_H
#define BRINK_SOLVER_H

#include <gmp.h>
#include <time.h>

#include "term.h"

typedef enum SolverResult {
  SOLVER_SAT,
  SOLVER_UNSAT,
  SOLVER_UNKNOWN,
} SolverResult;

typedef struct Solver Solver;

/* What a back end reports for --stats (the stats op): cumulative times
 * since it was created, in CPU seconds of the process (solver_clock: on a
 * shared machine wall-clock times stretch with the load), and the size of
 * what it holds now.  A count a back end does not have is -1 (Z3 has no
 * AIG and no CNF of its own). */
typedef struct SolverStats {
  double translate_s; /* terms into the back end's form: AIG and CNF, or
                         Z3 ASTs */
  double solve_s;     /* inside the SAT or SMT search */
  long checks;        /* check() calls */
  long terms;         /* terms translated so far */
  long aig_nodes;
  long clauses;
  long vars; /* SAT variables */
} SolverStats;

typedef struct SolverOps {
  const char *name;
  void (*assert_term)(Solver *s, TermId t);
  SolverResult (*check)(Solver *s, const TermId *assumptions, size_t n);
  bool (*value_bool)(Solver *s, TermId t);
  void (*value_int)(Solver *s, TermId t, mpz_t out);
  const char *(*reason_unknown)(Solver *s);
  void (*set_timeout_ms)(Solver *s, unsigned ms); /* 0 = none */
  void (*destroy)(Solver *s);
  /* Optional (NULL: not provided).  describe: the solver as the run's
   * summary names it ("cadical, integers widened to 64 bits").  caveat:
   * NULL, or what an UNSAT answer does not cover.  partial_model: after
   * SOLVER_UNKNOWN, whether value_* read a model the solver cannot vouch
   * for (one that reaches an overflow), to show where it happens. */
  const char *(*describe)(Solver *s);
  const char *(*caveat)(Solver *s);
  bool (*partial_model)(Solver *s);
  /* Optional: fills the counters it has (the caller set all to -1). */
  void (*stats)(Solver *s, SolverStats *out);
  /* Optional: bounds the effort of the next check() only, which answers
   * SOLVER_UNKNOWN when the bound is reached.  The unit is CaDiCaL's
   * conflicts; Z3 converts it to its resource limit (rlimit).  Both are
   * counts, not times, so a bounded check gives the same answer on a busy
   * machine as on an idle one. */
  void (*limit_next)(Solver *s, unsigned conflicts);
  /* Optional (NULL: false): an integer gets the bits its bounds need, so
   * tighter bounds make the query smaller (the bit-blaster; not Z3). */
  bool (*sized_ints)(Solver *s);
} SolverOps;

struct Solver {
  const SolverOps *ops;
  TermMgr *tm;
};

/* Options of the bit-blasting back end. */
typedef struct CadicalOptions {
  unsigned int_width;   /* bits of integers without known bounds, and the
                           first cap on computed ones; 0: the default */
  const char *dump_cnf; /* write the final CNF there (destroy), or NULL */
} CadicalOptions;

Solver *solver_z3_new(TermMgr *tm);
Solver *solver_cadical_new(TermMgr *tm, const CadicalOptions *o);
Solver *solver_auto_new(TermMgr *tm, const CadicalOptions *o);
/* Wraps inner (taking ownership): the query is also recorded and written
 * to path as SMT-LIB 2 when the solver is destroyed. */
Solver *solver_smt2_dump_new(Solver *inner, const char *path);

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
static inline const char *solver_describe(Solver *s) {
  return s->ops->describe ? s->ops->describe(s) : s->ops->name;
}
static inline const char *solver_caveat(Solver *s) {
  return s->ops->caveat ? s->ops->caveat(s) : NULL;
}
static inline bool solver_partial_model(Solver *s) {
  return s->ops->partial_model && s->ops->partial_model(s);
}
/* For a question whose answer only saves work later (never one that a
 * verdict rests on): the next check gives up as SOLVER_UNKNOWN after about
 * this many conflicts.  A back end without limit_next ignores it. */
static inline void solver_limit_next(Solver *s, unsigned conflicts) {
  if (s->ops->limit_next)
    s->ops->limit_next(s, conflicts);
}
/* After SOLVER_SAT: t with each of vars (Bool or Int variables) replaced
 * by its value in the model, as a constant (solver/model.c). */
TermId solver_model_subst(Solver *s, TermId t, const TermId *vars,
                          size_t n);
static inline bool solver_sized_ints(Solver *s) {
  return s->ops->sized_ints && s->ops->sized_ints(s);
}
/* The clock of SolverStats: the process's CPU time in seconds. */
static inline double solver_clock(void) {
  return (double)clock() / CLOCKS_PER_SEC;
}

/* False when the back end keeps no counters. */
static inline bool solver_stats(Solver *s, SolverStats *out) {
  *out = (SolverStats){-1, -1, -1, -1, -1, -1, -1};
  if (!s->ops->stats)
    return false;
  s->ops->stats(s, out);
  return true;
}
static inline void solver_delete(Solver *s) {
  if (s)
    s->ops->destroy(s);
}

#endif
