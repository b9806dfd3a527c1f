/* sat.h -- the SAT solver interface of the bit-blasting back end.
 *
 * IPASIR-shaped and small, so that an adapter per SAT solver is a short
 * file (sat_cadical.c): clauses are added literal by literal and closed by
 * 0; literals are non-zero ints, -l the negation of l; assumptions hold for
 * the next solve only.  The instance is incremental: clauses are never
 * retracted, and a variable eliminated by the solver comes back when a
 * later clause or assumption uses it (IPASIR semantics). */
#ifndef BRINK_SAT_H
#define BRINK_SAT_H

enum { SAT_UNKNOWN = 0, SAT_SAT = 10, SAT_UNSAT = 20 };

typedef struct Sat Sat;

typedef struct SatOps {
  const char *name;
  void (*add)(Sat *s, int lit); /* 0 closes the clause */
  void (*assume)(Sat *s, int lit);
  int (*solve)(Sat *s); /* SAT_SAT, SAT_UNSAT, or SAT_UNKNOWN (stopped) */
  /* After SAT_SAT: > 0 when literal lit is true in the model. */
  int (*val)(Sat *s, int lit);
  /* fn(arg) is polled during solve; non-zero stops it (SAT_UNKNOWN). */
  void (*set_terminate)(Sat *s, void *arg, int (*fn)(void *arg));
  /* The next solve gives up (SAT_UNKNOWN) after this many conflicts. */
  void (*limit_conflicts)(Sat *s, int conflicts);
  void (*destroy)(Sat *s);
} SatOps;

struct Sat {
  const SatOps *ops;
};

Sat *sat_cadical_new(void);

static inline void sat_add(Sat *s, int lit) { s->ops->add(s, lit); }
static inline void sat_assume(Sat *s, int lit) { s->ops->assume(s, lit); }
static inline int sat_solve(Sat *s) { return s->ops->solve(s); }
static inline int sat_val(Sat *s, int lit) { return s->ops->val(s, lit); }
static inline void sat_set_terminate(Sat *s, void *arg, int (*fn)(void *)) {
  s->ops->set_terminate(s, arg, fn);
}
static inline void sat_limit_conflicts(Sat *s, int conflicts) {
  s->ops->limit_conflicts(s, conflicts);
}
static inline void sat_delete(Sat *s) {
  if (s)
    s->ops->destroy(s);
}

#endif
