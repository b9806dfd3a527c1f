/* bitblast.c -- the bit-blasting back end: terms -> AIG -> CNF -> SAT.
 *
 * This file is the back end's policy (the Solver of solver.h): what is
 * asserted, how overflow is handled, when the instance is rebuilt wider.
 * The steps are modules of their own: blast.h (terms to AIG literals over
 * bit-vectors, bv.h), cnf.h (the Tseitin CNF of the asserted cone), sat.h
 * (the SAT interface; sat_cadical.c is CaDiCaL's adapter).
 *
 * Pipeline.  Each asserted term is blasted into AIG literals; the cone of
 * the literals asserted is turned into Tseitin clauses the first time a
 * clause needs it, and the clauses go straight into ONE incremental SAT
 * instance per Solver.  Asserted conjunctions are split into one
 * clause per conjunct, asserted disjunctions become one clause.  SAT
 * variable 1 is the constant TRUE.  check() solves under the assumptions'
 * literals; nothing is ever retracted, so learnt clauses carry over from
 * frame to frame.  No variable is frozen: CaDiCaL restores an eliminated
 * variable by itself when a later clause or assumption uses it (IPASIR
 * semantics), and freezing every variable was slower (DistributedCounterCAS
 * at 20 steps: 3.9 s instead of 1.8 s; 3-process Paxos at 13: 9.2 s
 * instead of 8.4 s), as were turning elimination or inprocessing off.
 *
 * Integers and overflow -- the semantics.  Integers are two's-complement
 * bit-vectors.  A term whose range is known (from its constants and from
 * the bounds the encoder gives the variables it constrains itself) gets
 * exactly the bits that range needs, up to a cap; then its value is always
 * exact.  An Int variable without known bounds (a choice from Nat or Int)
 * gets int_width bits and cannot take other values: that limitation is
 * reported by the caveat op (the driver prints it with every negative
 * answer; `--backend auto` avoids it by moving to Z3).  A term whose range
 * needs more bits than the cap is cut to the cap and carries an overflow
 * literal; Bool terms above it carry a poison literal (blast.h: Kleene
 * propagation, so an overflow on a path not taken does not poison).
 *   An assertion or assumption t is added as val(t) OR poison(t).  Every
 * assignment under which all of them hold mathematically (and whose
 * variables fit their bits) is then a model of the CNF, so UNSAT is an
 * answer about Int.  A SAT model is genuine when no root is poisoned in it
 * -- or when a poisoned root still holds, evaluated exactly with GMP
 * (termeval.h).  Otherwise the query is asked again with every poison
 * literal assumed false (one activation literal for the assertions'); a
 * model of that is genuine.  When there is none, some answer may hinge on
 * a value beyond the cap: the CNF is rebuilt from the recorded assertions
 * with the cap doubled (up to CAD_MAX_CAP bits) and the query asked anew.
 * Past the largest cap the answer is SOLVER_UNKNOWN, the reason names the
 * overflow and the width, and the poisoned model stays readable
 * (partial_model) so that the driver can show the path to the overflow.
 *   Model values (value_bool, value_int) are always computed exactly from
 * the variables' values, never read from cut bits.
 *
 * DIV and MOD by 0 are undefined in TLA+ and guarded by the encoder; here
 * a DIV 0 = 0 and a MOD 0 = a (any fixed choice is sound once guarded). */
#include "solver.h"
#include "stop.h"

#include <limits.h>
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "aig.h"
#include "blast.h"
#include "cnf.h"
#include "sat.h"
#include "termeval.h"

#define CAD_DEFAULT_WIDTH 32
#define CAD_MAX_CAP 512

/* A root whose poison is not the constant FALSE. */
typedef struct CadRoot {
  TermId t;
  AigLit poison;
} CadRoot;

typedef enum CadModel { CAD_NO_MODEL, CAD_MODEL, CAD_PARTIAL } CadModel;

typedef struct CadSolver {
  Solver base; /* must be first */
  uint32_t var_width, cap;
  char *dump_path;
  /* The current instance, rebuilt when the cap is widened. */
  Aig *aig;
  Blaster *bl;
  Sat *sat;
  Cnf *cnf;
  VEC(CadRoot) poisoned; /* asserted roots with poison */
  size_t linked;         /* of those, linked to act */
  int act;               /* "no asserted root is poisoned", 0 = none yet */
  VEC(int) assumed;      /* SAT literals of the last query */
  /* For the whole run. */
  VEC(TermId) asserted;
  CadModel model;
  TermEval *ev;
  unsigned timeout_ms;
  double deadline;
  unsigned conflict_limit; /* for the next check only; 0 = none */
  TermId unbounded;
  char *error;
  char *reason;
  char *desc;
  char *cav;
  /* For --stats: time in the calls (busy_s) and in the SAT search. */
  double busy_s, solve_s;
  long checks;
} CadSolver;

static void cad_set_reason(CadSolver *s, char *msg) {
  free(s->reason);
  s->reason = msg;
}

static void cad_fail(CadSolver *s, const char *msg) {
  if (!s->error)
    s->error = xstrdup(msg);
}

static int cad_terminate(void *arg) {
  CadSolver *s = arg;
  return stop_requested() || (s->deadline > 0 && util_now() > s->deadline);
}

/* ---- the instance ---- */

static void cad_instance_new(CadSolver *s) {
  s->aig = aig_new();
  s->bl = blast_new(s->base.tm, s->aig, s->var_width, s->cap);
  s->sat = sat_cadical_new();
  sat_set_terminate(s->sat, s, cad_terminate);
  s->cnf = cnf_new(s->aig, s->sat, s->dump_path != NULL);
}

static void cad_instance_free(CadSolver *s) {
  if (s->bl) {
    TermId u = blast_unbounded_var(s->bl);
    if (u && !s->unbounded)
      s->unbounded = u;
  }
  blast_delete(s->bl);
  cnf_delete(s->cnf);
  aig_delete(s->aig);
  sat_delete(s->sat);
  s->bl = NULL;
  s->aig = NULL;
  s->sat = NULL;
  s->cnf = NULL;
  s->poisoned.len = 0;
  s->linked = 0;
  s->act = 0;
  s->assumed.len = 0;
}

/* Asserts the domains of the variables blasted since the last call. */
static void cad_assert_side(CadSolver *s) {
  size_t n;
  const AigLit *side = blast_take_side(s->bl, &n);
  for (size_t i = 0; i < n; i++)
    cnf_assert(s->cnf, side[i]);
}

static void cad_blast_bool(CadSolver *s, TermId t, AigLit *val,
                           AigLit *poison) {
  blast_bool(s->bl, t, val, poison);
  if (blast_error(s->bl))
    cad_fail(s, blast_error(s->bl));
  cad_assert_side(s);
}

static void cad_assert_root(CadSolver *s, TermId t) {
  AigLit val, poison;
  cad_blast_bool(s, t, &val, &poison);
  if (poison == AIG_FALSE) {
    cnf_assert(s->cnf, val);
    return;
  }
  cnf_assert(s->cnf, aig_or(s->aig, val, poison));
  cnf_lit(s->cnf, poison); /* in the CNF, so that the model gives its value */
  VEC_PUSH(s->poisoned, ((CadRoot){t, poison}));
}

/* A new instance with the cap widened to cap, holding every assertion. */
static void cad_rebuild(CadSolver *s, uint32_t cap) {
  cad_instance_free(s);
  s->cap = cap;
  cad_instance_new(s);
  for (size_t i = 0; i < s->asserted.len; i++)
    cad_assert_root(s, s->asserted.data[i]);
}

/* ---- models ---- */

static bool cad_model_lit(const CadSolver *s, AigLit a) {
  return cnf_model_lit(s->cnf, a);
}

static bool cad_var_bool(void *arg, TermId v) {
  CadSolver *s = arg;
  const AigLit *bits;
  uint32_t w;
  if (!blast_var_bits(s->bl, v, &bits, &w))
    return false;
  return cad_model_lit(s, bits[0]);
}

static void cad_var_int(void *arg, TermId v, mpz_t out) {
  CadSolver *s = arg;
  const AigLit *bits;
  uint32_t w;
  mpz_set_ui(out, 0);
  if (!blast_var_bits(s->bl, v, &bits, &w))
    return;
  for (uint32_t i = 0; i < w; i++)
    if (cad_model_lit(s, bits[i]))
      mpz_setbit(out, i);
  if (mpz_tstbit(out, w - 1)) { /* negative */
    mpz_t m;
    mpz_init_set_ui(m, 1);
    mpz_mul_2exp(m, m, w);
    mpz_sub(out, out, m);
    mpz_clear(m);
  }
}

/* Does the current model satisfy every poisoned root exactly? */
static bool cad_genuine(CadSolver *s, const CadRoot *extra, size_t nextra) {
  term_eval_reset(s->ev);
  for (size_t k = 0; k < s->poisoned.len + nextra; k++) {
    const CadRoot *r = k < s->poisoned.len ? &s->poisoned.data[k]
                                           : &extra[k - s->poisoned.len];
    if (cad_model_lit(s, r->poison) && !term_eval_bool(s->ev, r->t))
      return false;
  }
  return true;
}

/* ---- solving ---- */

/* SAT_SAT, SAT_UNSAT, or SAT_UNKNOWN (interrupted). */
static int cad_solve(CadSolver *s, const int *lits, size_t n) {
  s->assumed.len = 0;
  for (size_t i = 0; i < n; i++) {
    sat_assume(s->sat, lits[i]);
    VEC_PUSH(s->assumed, lits[i]);
  }
  if (s->conflict_limit)
    sat_limit_conflicts(s->sat, (int)s->conflict_limit);
  double t0 = solver_clock();
  int r = sat_solve(s->sat);
  s->solve_s += solver_clock() - t0;
  return r;
}

/* Why a solve answered SAT_UNKNOWN. */
static char *cad_interrupted(const CadSolver *s) {
  if (s->conflict_limit && !stop_requested() &&
      !(s->deadline > 0 && util_now() > s->deadline))
    return xsprintf("conflict limit (%u) reached", s->conflict_limit);
  return xstrdup("timeout (cadical interrupted)");
}

static SolverResult cad_unknown(CadSolver *s, char *why) {
  cad_set_reason(s, why);
  return SOLVER_UNKNOWN;
}

static SolverResult cad_check_timed(CadSolver *s, const TermId *assumptions,
                                    size_t n);

static SolverResult cad_check(Solver *base, const TermId *assumptions,
                              size_t n) {
  CadSolver *s = (CadSolver *)base;
  double t0 = solver_clock();
  SolverResult r = cad_check_timed(s, assumptions, n);
  s->conflict_limit = 0;
  s->busy_s += solver_clock() - t0;
  s->checks++;
  return r;
}

static SolverResult cad_check_timed(CadSolver *s, const TermId *assumptions,
                                    size_t n) {
  s->model = CAD_NO_MODEL;
  if (s->error)
    return cad_unknown(s, xstrdup(s->error));
  s->deadline = s->timeout_ms ? util_now() + s->timeout_ms / 1000.0 : 0;
  VEC(int) lits = {0};
  VEC(CadRoot) extra = {0};
  SolverResult res;
  for (;;) {
    lits.len = extra.len = 0;
    for (size_t i = 0; i < n; i++) {
      AigLit val, poison;
      cad_blast_bool(s, assumptions[i], &val, &poison);
      if (poison != AIG_FALSE) {
        VEC_PUSH(extra, ((CadRoot){assumptions[i], poison}));
        cnf_lit(s->cnf, poison);
        val = aig_or(s->aig, val, poison);
      }
      VEC_PUSH(lits, cnf_lit(s->cnf, val));
    }
    if (s->error) {
      res = cad_unknown(s, xstrdup(s->error));
      break;
    }
    int r = cad_solve(s, lits.data, lits.len);
    if (r == SAT_UNKNOWN) {
      res = cad_unknown(s, cad_interrupted(s));
      break;
    }
    if (r == SAT_UNSAT) {
      res = SOLVER_UNSAT;
      break;
    }
    if (cad_genuine(s, extra.data, extra.len)) {
      s->model = CAD_MODEL;
      res = SOLVER_SAT;
      break;
    }
    /* Ask again with no root poisoned. */
    size_t base_len = lits.len;
    if (!s->act)
      s->act = cnf_fresh(s->cnf);
    for (; s->linked < s->poisoned.len; s->linked++) {
      int cl[2] = {-s->act, -cnf_lit(s->cnf, s->poisoned.data[s->linked].poison)};
      cnf_clause(s->cnf, cl, 2);
    }
    VEC_PUSH(lits, s->act);
    for (size_t i = 0; i < extra.len; i++)
      VEC_PUSH(lits, -cnf_lit(s->cnf, extra.data[i].poison));
    r = cad_solve(s, lits.data, lits.len);
    if (r == SAT_UNKNOWN) {
      res = cad_unknown(s, cad_interrupted(s));
      break;
    }
    if (r == SAT_SAT) {
      s->model = CAD_MODEL;
      res = SOLVER_SAT;
      break;
    }
    assert(blast_cut(s->bl));
    if (s->cap < CAD_MAX_CAP) {
      uint32_t cap = 2 * s->cap < CAD_MAX_CAP ? 2 * s->cap : CAD_MAX_CAP;
      cad_rebuild(s, cap);
      continue;
    }
    /* The overflow stays: keep a poisoned model to show the path. */
    r = cad_solve(s, lits.data, base_len);
    if (r == SAT_SAT)
      s->model = CAD_PARTIAL;
    res = cad_unknown(
        s, xsprintf("integer overflow: the answer depends on integers beyond "
                    "%u bits, the widest the cadical back end tries (use "
                    "--backend z3)",
                    s->cap));
    break;
  }
  VEC_FREE(lits);
  VEC_FREE(extra);
  if (s->model != CAD_NO_MODEL)
    term_eval_reset(s->ev);
  return res;
}

static bool cad_value_bool(Solver *base, TermId t) {
  CadSolver *s = (CadSolver *)base;
  assert(s->model != CAD_NO_MODEL && "value read without a model");
  if (s->model == CAD_NO_MODEL)
    return false;
  return term_eval_bool(s->ev, t);
}

static void cad_value_int(Solver *base, TermId t, mpz_t out) {
  CadSolver *s = (CadSolver *)base;
  assert(s->model != CAD_NO_MODEL && "value read without a model");
  mpz_set_ui(out, 0);
  if (s->model != CAD_NO_MODEL)
    term_eval_int(s->ev, t, out);
}

static void cad_assert_term(Solver *base, TermId t) {
  CadSolver *s = (CadSolver *)base;
  s->model = CAD_NO_MODEL;
  VEC_PUSH(s->asserted, t);
  double t0 = solver_clock();
  if (!s->error)
    cad_assert_root(s, t);
  s->busy_s += solver_clock() - t0;
}

/* Translation is the time in the calls outside the SAT search: blasting,
 * Tseitin clauses, rebuilds, the exact evaluation of poisoned models. */
static void cad_stats(Solver *base, SolverStats *out) {
  CadSolver *s = (CadSolver *)base;
  out->translate_s = s->busy_s - s->solve_s;
  out->solve_s = s->solve_s;
  out->checks = s->checks;
  if (s->aig) {
    out->aig_nodes = aig_num_nodes(s->aig);
    out->vars = cnf_num_vars(s->cnf);
    out->clauses = (long)cnf_num_clauses(s->cnf);
  }
}

static const char *cad_reason_unknown(Solver *base) {
  CadSolver *s = (CadSolver *)base;
  return s->reason ? s->reason : "unknown";
}

static void cad_set_timeout_ms(Solver *base, unsigned ms) {
  ((CadSolver *)base)->timeout_ms = ms;
}

static bool cad_sized_ints(Solver *base) {
  (void)base;
  return true;
}

static void cad_limit_next(Solver *base, unsigned conflicts) {
  ((CadSolver *)base)->conflict_limit = conflicts < INT_MAX ? conflicts : 0;
}

static TermId cad_unbounded(const CadSolver *s) {
  if (s->unbounded)
    return s->unbounded;
  return s->bl ? blast_unbounded_var(s->bl) : TERM_NONE;
}

static const char *cad_describe(Solver *base) {
  CadSolver *s = (CadSolver *)base;
  free(s->desc);
  char *wide = s->cap > s->var_width
                   ? xsprintf(", integers widened to %u bits", s->cap)
                   : xstrdup("");
  if (cad_unbounded(s))
    s->desc = xsprintf("cadical%s, integers chosen from Nat or Int limited "
                       "to %u bits",
                       wide, s->var_width);
  else
    s->desc = xsprintf("cadical%s", wide);
  free(wide);
  return s->desc;
}

static const char *cad_caveat(Solver *base) {
  CadSolver *s = (CadSolver *)base;
  if (!cad_unbounded(s))
    return NULL;
  free(s->cav);
  s->cav = xsprintf(
      "the cadical back end gives integers chosen from Nat or Int only %u "
      "bits (-2^%u .. 2^%u-1); behaviours that need larger ones are not "
      "covered (--int-width N widens them; --backend z3 covers them all)",
      s->var_width, s->var_width - 1, s->var_width - 1);
  return s->cav;
}

static bool cad_partial_model(Solver *base) {
  return ((CadSolver *)base)->model == CAD_PARTIAL;
}

/* Writes the CNF of the current instance in DIMACS, the last query's
 * assumptions as unit clauses after a comment that says so. */
static void cad_dump(CadSolver *s) {
  FILE *f = fopen(s->dump_path, "w");
  if (!f) {
    fprintf(stderr, "brink: cannot write the CNF to %s: %s\n", s->dump_path,
            strerror(errno));
    return;
  }
  char *header = xsprintf(
      "c brink: the CNF of the cadical back end at the end of the run\n"
      "c (integers cut at %u bits; variable 1 is TRUE).  The last %zu "
      "clauses are the\nc assumptions of the last query, as unit "
      "clauses.\n",
      s->cap, s->assumed.len);
  cnf_dump(s->cnf, f, header, s->assumed.data, s->assumed.len);
  free(header);
  if (fclose(f) != 0)
    fprintf(stderr, "brink: cannot write the CNF to %s: %s\n", s->dump_path,
            strerror(errno));
}

static void cad_destroy(Solver *base) {
  CadSolver *s = (CadSolver *)base;
  if (s->dump_path && s->sat)
    cad_dump(s);
  cad_instance_free(s);
  term_eval_delete(s->ev);
  VEC_FREE(s->poisoned);
  VEC_FREE(s->assumed);
  VEC_FREE(s->asserted);
  free(s->dump_path);
  free(s->error);
  free(s->reason);
  free(s->desc);
  free(s->cav);
  free(s);
}

static const SolverOps cad_ops = {
    .name = "cadical",
    .assert_term = cad_assert_term,
    .check = cad_check,
    .value_bool = cad_value_bool,
    .value_int = cad_value_int,
    .reason_unknown = cad_reason_unknown,
    .set_timeout_ms = cad_set_timeout_ms,
    .limit_next = cad_limit_next,
    .sized_ints = cad_sized_ints,
    .destroy = cad_destroy,
    .describe = cad_describe,
    .caveat = cad_caveat,
    .partial_model = cad_partial_model,
    .stats = cad_stats,
};

Solver *solver_cadical_new(TermMgr *tm, const CadicalOptions *o) {
  CadSolver *s = xcalloc(1, sizeof *s);
  s->base.ops = &cad_ops;
  s->base.tm = tm;
  s->var_width = o && o->int_width ? o->int_width : CAD_DEFAULT_WIDTH;
  if (s->var_width > CAD_MAX_CAP)
    s->var_width = CAD_MAX_CAP;
  s->cap = s->var_width;
  s->dump_path = o && o->dump_cnf ? xstrdup(o->dump_cnf) : NULL;
  s->ev = term_eval_new(tm, (TermEvalVars){cad_var_bool, cad_var_int, s, NULL});
  cad_instance_new(s);
  return &s->base;
}
