/* cadical.c -- the bit-blasting back end: terms -> AIG -> CNF -> CaDiCaL.
 *
 * Pipeline.  Each asserted term is blasted (blast.h) into AIG literals;
 * the cone of the literals asserted is turned into Tseitin clauses the
 * first time a clause needs it (an AIG node gets a SAT variable and its
 * three clauses once), and the clauses go straight into ONE incremental
 * CaDiCaL instance per Solver.  Asserted conjunctions are split into one
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

#include <assert.h>
#include <ccadical.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "aig.h"
#include "blast.h"
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
  CCaDiCaL *sat;
  int *var_of; /* by AIG node: SAT variable, 0 = not in the CNF yet */
  size_t var_cap;
  int nvars;
  VEC(CadRoot) poisoned; /* asserted roots with poison */
  size_t linked;         /* of those, linked to act */
  int act;               /* "no asserted root is poisoned", 0 = none yet */
  VEC(int) clauses;      /* every clause, 0-terminated (dumping only) */
  size_t nclauses;  /* clauses added */
  VEC(int) assumed; /* SAT literals of the last query */
  /* For the whole run. */
  VEC(TermId) asserted;
  CadModel model;
  TermEval *ev;
  unsigned timeout_ms;
  double deadline;
  TermId unbounded;
  char *error;
  char *reason;
  char *desc;
  char *cav;
} CadSolver;

static double cad_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

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
  return stop_requested() || (s->deadline > 0 && cad_now() > s->deadline);
}

/* ---- the instance ---- */

static void cad_clause(CadSolver *s, const int *lits, size_t n) {
  for (size_t i = 0; i < n; i++)
    ccadical_add(s->sat, lits[i]);
  ccadical_add(s->sat, 0);
  s->nclauses++;
  if (s->dump_path) {
    for (size_t i = 0; i < n; i++)
      VEC_PUSH(s->clauses, lits[i]);
    VEC_PUSH(s->clauses, 0);
  }
}

static void cad_instance_new(CadSolver *s) {
  s->aig = aig_new();
  s->bl = blast_new(s->base.tm, s->aig, s->var_width, s->cap);
  s->sat = ccadical_init();
  ccadical_set_option(s->sat, "quiet", 1); /* it prints to stdout */
  ccadical_set_terminate(s->sat, s, cad_terminate);
  s->nvars = 1;
  int one = 1;
  cad_clause(s, &one, 1); /* variable 1 is TRUE */
}

static void cad_instance_free(CadSolver *s) {
  if (s->bl) {
    TermId u = blast_unbounded_var(s->bl);
    if (u && !s->unbounded)
      s->unbounded = u;
  }
  blast_delete(s->bl);
  aig_delete(s->aig);
  if (s->sat)
    ccadical_release(s->sat);
  free(s->var_of);
  s->bl = NULL;
  s->aig = NULL;
  s->sat = NULL;
  s->var_of = NULL;
  s->var_cap = 0;
  s->poisoned.len = 0;
  s->linked = 0;
  s->act = 0;
  s->clauses.len = 0;
  s->nclauses = 0;
  s->assumed.len = 0;
}

static void cad_reserve_nodes(CadSolver *s) {
  size_t need = aig_num_nodes(s->aig);
  if (need <= s->var_cap)
    return;
  size_t ncap = s->var_cap ? 2 * s->var_cap : 4096;
  while (ncap < need)
    ncap *= 2;
  s->var_of = xrealloc(s->var_of, ncap * sizeof *s->var_of);
  memset(s->var_of + s->var_cap, 0, (ncap - s->var_cap) * sizeof *s->var_of);
  s->var_cap = ncap;
}

/* The SAT literal of a node already in the CNF. */
static int cad_lit_of(const CadSolver *s, AigLit a) {
  uint32_t n = aig_node(a);
  int v = n == 0 ? -1 : s->var_of[n]; /* node 0 is FALSE = -TRUE */
  assert(v != 0);
  return aig_sign(a) ? -v : v;
}

/* The inputs of node n's gate: an ITE r = c ? t : e when n is
 * !(c & t') & !(!c & e') (then t = !t', e = !e'; an XOR is the case
 * t = !e) and neither inner AND is in the CNF yet; else the AND of its
 * two fanins.  Returns the number of inputs (3 or 2) in in[]. */
static int cad_gate(const CadSolver *s, uint32_t n, AigLit in[3]) {
  AigLit c0 = aig_child(s->aig, n, 0), c1 = aig_child(s->aig, n, 1);
  in[0] = c0;
  in[1] = c1;
  uint32_t m0 = aig_node(c0), m1 = aig_node(c1);
  if (!aig_sign(c0) || !aig_sign(c1) || !aig_is_and(s->aig, m0) ||
      !aig_is_and(s->aig, m1) || s->var_of[m0] || s->var_of[m1])
    return 2;
  AigLit x[2] = {aig_child(s->aig, m0, 0), aig_child(s->aig, m0, 1)};
  AigLit y[2] = {aig_child(s->aig, m1, 0), aig_child(s->aig, m1, 1)};
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      if (x[i] == aig_not(y[j])) {
        in[0] = x[i];
        in[1] = aig_not(x[1 - i]);
        in[2] = aig_not(y[1 - j]);
        return 3;
      }
  return 2;
}

/* The clauses of variable x defined as the gate over in[] (cad_gate). */
static void cad_define(CadSolver *s, int x, const AigLit *in, int k) {
  if (k == 2) {
    int c0 = cad_lit_of(s, in[0]), c1 = cad_lit_of(s, in[1]);
    int cl[3] = {-x, c0};
    cad_clause(s, cl, 2);
    cl[1] = c1;
    cad_clause(s, cl, 2);
    cl[0] = x;
    cl[1] = -c0;
    cl[2] = -c1;
    cad_clause(s, cl, 3);
    return;
  }
  int c = cad_lit_of(s, in[0]), t = cad_lit_of(s, in[1]),
      e = cad_lit_of(s, in[2]);
  int cls[6][3] = {{-x, -c, t}, {-x, c, e}, {x, -c, -t},
                   {x, c, -e},  {-x, t, e}, {x, -t, -e}};
  /* the last two are implied, and useless for an XOR (t = -e) */
  int ncl = t == -e ? 4 : 6;
  for (int i = 0; i < ncl; i++)
    cad_clause(s, cls[i], 3);
}

/* The SAT literal of a, after putting a's cone into the CNF: one variable
 * per gate (cad_gate) and its clauses. */
static int cad_lit(CadSolver *s, AigLit a) {
  cad_reserve_nodes(s);
  uint32_t root = aig_node(a);
  if (root == 0 || s->var_of[root])
    return cad_lit_of(s, a);
  VEC(uint32_t) stack = {0};
  VEC_PUSH(stack, root);
  while (stack.len) {
    uint32_t n = VEC_LAST(stack);
    if (s->var_of[n]) {
      stack.len--;
      continue;
    }
    if (aig_is_input(s->aig, n)) {
      s->var_of[n] = ++s->nvars;
      stack.len--;
      continue;
    }
    AigLit in[3];
    int k = cad_gate(s, n, in);
    bool ready = true;
    for (int i = 0; i < k; i++) {
      uint32_t c = aig_node(in[i]);
      if (c && !s->var_of[c]) {
        VEC_PUSH(stack, c);
        ready = false;
      }
    }
    if (!ready)
      continue;
    stack.len--;
    s->var_of[n] = ++s->nvars;
    cad_define(s, s->var_of[n], in, k);
  }
  VEC_FREE(stack);
  return cad_lit_of(s, a);
}

/* Asserts literal a: a conjunction as its conjuncts, a negated
 * conjunction as one clause of its negated conjuncts (flattened through
 * nested negated conjunctions, up to CAD_MAX_CLAUSE literals). */
#define CAD_MAX_CLAUSE 64
static void cad_assert_lit(CadSolver *s, AigLit a) {
  VEC(AigLit) todo = {0};
  VEC(AigLit) disj = {0};
  VEC(int) cl = {0};
  VEC_PUSH(todo, a);
  while (todo.len) {
    AigLit x = VEC_POP(todo);
    if (x == AIG_TRUE)
      continue;
    uint32_t n = aig_node(x);
    if (!aig_sign(x) && aig_is_and(s->aig, n)) {
      VEC_PUSH(todo, aig_child(s->aig, n, 0));
      VEC_PUSH(todo, aig_child(s->aig, n, 1));
      continue;
    }
    /* one clause: the disjuncts of x */
    disj.len = cl.len = 0;
    VEC_PUSH(disj, x);
    bool taut = false;
    while (disj.len && !taut) {
      AigLit d = VEC_POP(disj);
      uint32_t m = aig_node(d);
      if (d == AIG_FALSE)
        continue;
      if (d == AIG_TRUE) {
        taut = true;
        break;
      }
      if (aig_sign(d) && aig_is_and(s->aig, m) &&
          cl.len + disj.len + 2 <= CAD_MAX_CLAUSE) {
        VEC_PUSH(disj, aig_not(aig_child(s->aig, m, 0)));
        VEC_PUSH(disj, aig_not(aig_child(s->aig, m, 1)));
        continue;
      }
      VEC_PUSH(cl, cad_lit(s, d));
    }
    if (!taut)
      cad_clause(s, cl.data, cl.len); /* empty: the assertions are UNSAT */
  }
  VEC_FREE(todo);
  VEC_FREE(disj);
  VEC_FREE(cl);
}

/* Asserts the domains of the variables blasted since the last call. */
static void cad_assert_side(CadSolver *s) {
  size_t n;
  const AigLit *side = blast_take_side(s->bl, &n);
  for (size_t i = 0; i < n; i++)
    cad_assert_lit(s, side[i]);
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
    cad_assert_lit(s, val);
    return;
  }
  cad_assert_lit(s, aig_or(s->aig, val, poison));
  cad_lit(s, poison); /* in the CNF, so that the model gives its value */
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

/* The model's value of AIG literal a, which is in the CNF or an input
 * (an input no clause mentions is false). */
static bool cad_model_lit(const CadSolver *s, AigLit a) {
  uint32_t n = aig_node(a);
  if (n == 0)
    return aig_sign(a);
  if (n >= s->var_cap || !s->var_of[n]) {
    assert(aig_is_input(s->aig, n));
    return aig_sign(a);
  }
  return ccadical_val(s->sat, cad_lit_of(s, a)) > 0;
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

/* 10 SAT, 20 UNSAT, 0 unknown (interrupted). */
static int cad_solve(CadSolver *s, const int *lits, size_t n) {
  s->assumed.len = 0;
  for (size_t i = 0; i < n; i++) {
    ccadical_assume(s->sat, lits[i]);
    VEC_PUSH(s->assumed, lits[i]);
  }
  return ccadical_solve(s->sat);
}

static SolverResult cad_unknown(CadSolver *s, char *why) {
  cad_set_reason(s, why);
  return SOLVER_UNKNOWN;
}

static SolverResult cad_check(Solver *base, const TermId *assumptions,
                              size_t n) {
  CadSolver *s = (CadSolver *)base;
  s->model = CAD_NO_MODEL;
  if (s->error)
    return cad_unknown(s, xstrdup(s->error));
  s->deadline = s->timeout_ms ? cad_now() + s->timeout_ms / 1000.0 : 0;
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
        cad_lit(s, poison);
        val = aig_or(s->aig, val, poison);
      }
      VEC_PUSH(lits, cad_lit(s, val));
    }
    if (s->error) {
      res = cad_unknown(s, xstrdup(s->error));
      break;
    }
    int r = cad_solve(s, lits.data, lits.len);
    if (r == 0) {
      res = cad_unknown(s, xstrdup("timeout (cadical interrupted)"));
      break;
    }
    if (r == 20) {
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
    if (!s->act) {
      s->act = cad_lit(s, aig_input(s->aig));
    }
    for (; s->linked < s->poisoned.len; s->linked++) {
      int cl[2] = {-s->act, -cad_lit(s, s->poisoned.data[s->linked].poison)};
      cad_clause(s, cl, 2);
    }
    VEC_PUSH(lits, s->act);
    for (size_t i = 0; i < extra.len; i++)
      VEC_PUSH(lits, -cad_lit(s, extra.data[i].poison));
    r = cad_solve(s, lits.data, lits.len);
    if (r == 0) {
      res = cad_unknown(s, xstrdup("timeout (cadical interrupted)"));
      break;
    }
    if (r == 10) {
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
    if (r == 10)
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
  if (!s->error)
    cad_assert_root(s, t);
}

static const char *cad_reason_unknown(Solver *base) {
  CadSolver *s = (CadSolver *)base;
  return s->reason ? s->reason : "unknown";
}

static void cad_set_timeout_ms(Solver *base, unsigned ms) {
  ((CadSolver *)base)->timeout_ms = ms;
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
  fprintf(f,
          "c brink: the CNF of the cadical back end at the end of the run\n"
          "c (integers cut at %u bits; variable 1 is TRUE).  The last %zu "
          "clauses are the\nc assumptions of the last query, as unit "
          "clauses.\n",
          s->cap, s->assumed.len);
  fprintf(f, "p cnf %d %zu\n", s->nvars, s->nclauses + s->assumed.len);
  for (size_t i = 0; i < s->clauses.len; i++)
    fprintf(f, s->clauses.data[i] ? "%d " : "%d\n", s->clauses.data[i]);
  fprintf(f, "c assumptions of the last query\n");
  for (size_t i = 0; i < s->assumed.len; i++)
    fprintf(f, "%d 0\n", s->assumed.data[i]);
  if (fclose(f) != 0)
    fprintf(stderr, "brink: cannot write the CNF to %s: %s\n", s->dump_path,
            strerror(errno));
}

static void cad_destroy(Solver *base) {
  CadSolver *s = (CadSolver *)base;
  if (getenv("BRINK_DEBUG_CAD") && s->aig)
    fprintf(stderr, "cadical: %u AIG nodes, %d variables, %zu clauses\n",
            aig_num_nodes(s->aig), s->nvars, s->nclauses);
  if (s->dump_path && s->sat)
    cad_dump(s);
  cad_instance_free(s);
  term_eval_delete(s->ev);
  VEC_FREE(s->poisoned);
  VEC_FREE(s->clauses);
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
    .destroy = cad_destroy,
    .describe = cad_describe,
    .caveat = cad_caveat,
    .partial_model = cad_partial_model,
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
