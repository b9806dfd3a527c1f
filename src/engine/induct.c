/* induct.c -- invariants proved by one step from a state of a frame's
 * shape (induct.h).
 *
 * The state: frame k-1's symbolic values with every term that is not a
 * constant replaced by a fresh variable (one per distinct term, so values
 * the frame shares stay shared), an integer's with the bounds
 * term_int_bounds gives the term it replaces.  Assigning each variable
 * the value its term has in a behaviour gives that behaviour's state, so
 * every state frame k-1 holds is one of these, and a property of all of
 * them is a property of frame k-1's.  Constants stay: the shape, the
 * constant keys of characteristic vectors and records, and whatever the
 * encoder decides from them are the frame's own.  A frame with an
 * integer without finite bounds (whose fresh variable the bit-blaster
 * would limit to its width) is not tried.
 *
 * The question, on a solver of its own made for each depth: the fresh
 * state satisfies the CONSTRAINTs and every part (proved in frame k-1:
 * true and free of evaluation errors), its Next step has no evaluation
 * error (the unrolling asked that of frame k-1's steps) and, when sets are
 * characteristic vectors, no member outside them (the unrolling asks that
 * of frame k); then each part is asked in turn, with the parts proved
 * before it asserted.  A question is bounded to INDUCT_EFFORT conflicts,
 * so a part that is not inductive costs little; its answer comes from the
 * unrolling as before.  A part that was not proved is not tried again for
 * 2, 4, 8, then 16 depths, and a depth where no part is due encodes
 * nothing.  The "no member outside the vectors" assumption makes a proved
 * part a lemma for frame k only where frame k has no such member: the
 * driver asserts it so, and its own question for those members stays.  The encoder runs on an Enc of its own, under a
 * recovery point: an encoding that fails turns induction off for the run,
 * silently (the unrolling meets the same construct and reports it).
 *
 * induct_no_step_errors asks the same kind of question of one state: can
 * a state of frame k's shape in which every part holds have an evaluation
 * error in its CONSTRAINTs, or in its Next step where they hold?  "No"
 * spares the unrolling that question (TypeOK usually rules out a record
 * field that is not there, or a function applied outside its domain). */
#include "induct.h"

#include "encode.h"
#include "stop.h"

/* Conflicts allowed to each part's question. */
#define INDUCT_EFFORT 2000

struct Induct {
  const Spec *spec;
  TermMgr *tm;
  const CvPlan *cv;
  Solver *(*mk)(void *arg, TermMgr *tm);
  void *arg;
  int max_seq_len; /* enc_set_max_seq_len's, or -1 */
  bool off;        /* an encoding failed */
  size_t nparts;
  int *fails; /* per part: failures in a row */
  int *due;   /* per part: the first depth to try it at again */
};

Induct *induct_new(const Spec *spec, TermMgr *tm, const CvPlan *cv,
                   int max_seq_len, Solver *(*mk)(void *arg, TermMgr *tm),
                   void *arg) {
  Induct *in = xcalloc(1, sizeof *in);
  in->max_seq_len = max_seq_len;
  in->spec = spec;
  in->tm = tm;
  in->cv = cv;
  in->mk = mk;
  in->arg = arg;
  return in;
}

void induct_delete(Induct *in) {
  if (!in)
    return;
  free(in->fails);
  free(in->due);
  free(in);
}

/* ---- the fresh state ---- */

typedef struct Fresh {
  TermMgr *tm;
  TermId *memo; /* by term id, for ids below n: its variable, or 0 */
  TermId n;
  bool refuse; /* a value this module does not copy */
} Fresh;

static TermId fresh_term(Fresh *f, TermId t) {
  TermKind k = term_kind(f->tm, t);
  if (k == TERM_TRUE || k == TERM_FALSE || k == TERM_INTCONST)
    return t;
  if (t < f->n && f->memo[t])
    return f->memo[t];
  Sort so = term_sort(f->tm, t);
  TermId v = term_mk_fresh(f->tm, "ind", so);
  if (so == SORT_INT) {
    mpz_t lo, hi;
    mpz_inits(lo, hi, NULL);
    if (term_int_bounds(f->tm, t, lo, hi))
      term_var_set_bounds(f->tm, v, lo, hi);
    else
      f->refuse = true;
    mpz_clears(lo, hi, NULL);
  }
  if (t < f->n)
    f->memo[t] = v;
  return v;
}

static TermId fresh_leaf(void *arg, TermId t) { return fresh_term(arg, t); }

static SymVal *fresh_val(Fresh *f, SymVal *s) {
  Value *cv;
  if (sv_is_const(s, &cv))
    return s;
  return sv_map_terms(s, fresh_leaf, f);
}

/* A state of prev's shape, or NULL when prev has a value not copied. */
static SymVal **fresh_state(TermMgr *tm, SymVal *const *prev, int nvars) {
  Fresh f = {.tm = tm, .n = term_count(tm)};
  f.memo = xcalloc(f.n ? f.n : 1, sizeof *f.memo);
  SymVal **s = xcalloc((size_t)nvars + 1, sizeof *s);
  for (int v = 0; v < nvars && !f.refuse; v++)
    s[v] = prev[v] ? fresh_val(&f, prev[v]) : NULL;
  free(f.memo);
  if (f.refuse) {
    free(s);
    return NULL;
  }
  return s;
}

/* ---- the question ---- */

/* An encoder of the question's own, with the unrolling's settings. */
static Enc *new_enc(const Induct *in) {
  Enc *e = enc_new(in->spec, in->tm);
  if (in->max_seq_len >= 0)
    enc_set_max_seq_len(e, in->max_seq_len);
  return e;
}

/* None of errs occurs. */
static TermId no_error(TermMgr *tm, const WdErrVec *errs) {
  return term_mk_not(tm, enc_any_error(tm, errs, 0, errs->len));
}

/* The parts of frame k (k >= 1), as the driver lists them: "holds" per
 * part on the step cur -> next (state parts read next), each with its
 * evaluation errors folded in as failure. */
static size_t parts(Enc *e, const Spec *spec, int k, SymVal **cur,
                    SymVal **next, TermId *holds, size_t max) {
  TermMgr *tm = sv_mgr();
  size_t n = 0;
  WdErrVec errs = {0};
  for (size_t i = 0; i < spec->invariants.len && n < max; i++) {
    errs.len = 0;
    TermId h = enc_pred(e, k, spec->invariants.data[i].expr, next, NULL, &errs);
    holds[n++] = term_mk_and2(tm, h, no_error(tm, &errs));
  }
  for (size_t i = 0; i < spec->properties.len && n < max; i++) {
    const Property *p = &spec->properties.data[i];
    TermId h = TERM_NONE;
    errs.len = 0;
    if (p->kind == PROP_ALWAYS)
      h = enc_pred(e, k, p->expr, next, NULL, &errs);
    else if (p->kind == PROP_ACTION)
      h = enc_action_prop(e, k - 1, p->expr, p->sub, cur, next, &errs);
    if (h)
      holds[n++] = term_mk_and2(tm, h, no_error(tm, &errs));
  }
  VEC_FREE(errs);
  return n;
}

/* The state parts (invariants, []P) of the state of frame k, with no
 * evaluation error. */
static TermId state_parts(Enc *e, const Spec *spec, int k, SymVal **st) {
  TermMgr *tm = sv_mgr();
  VEC(TermId) all = {0};
  WdErrVec errs = {0};
  for (size_t i = 0; i < spec->invariants.len; i++)
    VEC_PUSH(all, enc_pred(e, k, spec->invariants.data[i].expr, st, NULL,
                           &errs));
  for (size_t i = 0; i < spec->properties.len; i++)
    if (spec->properties.data[i].kind == PROP_ALWAYS)
      VEC_PUSH(all, enc_pred(e, k, spec->properties.data[i].expr, st, NULL,
                             &errs));
  VEC_PUSH(all, no_error(tm, &errs));
  TermId r = term_mk_and(tm, all.data, all.len);
  VEC_FREE(all);
  VEC_FREE(errs);
  return r;
}

static bool ask_part(Induct *in, Solver *s, TermId fails) {
  if (term_is_false(in->tm, fails))
    return true;
  TermId a = term_mk_fresh(in->tm, "induct", SORT_BOOL);
  solver_assert(s, term_mk_implies(in->tm, a, fails));
  solver_limit_next(s, INDUCT_EFFORT);
  return solver_check(s, &a, 1) == SOLVER_UNSAT;
}

void induct_step(Induct *in, int k, SymVal *const *prev, bool *proved,
                 size_t n) {
  for (size_t i = 0; i < n; i++)
    proved[i] = false;
  const Spec *spec = in->spec;
  if (in->off || k < 1 || n == 0)
    return;
  if (in->nparts != n) { /* the first depth */
    free(in->fails);
    free(in->due);
    in->nparts = n;
    in->fails = xcalloc(n, sizeof *in->fails);
    in->due = xcalloc(n, sizeof *in->due);
  }
  bool any = false;
  for (size_t i = 0; i < n; i++)
    any = any || in->due[i] <= k;
  if (!any)
    return;
  SymVal **cur = fresh_state(in->tm, prev, spec->nvars);
  if (!cur)
    return;
  TermMgr *tm = in->tm;
  /* Set after the recovery point, read after a jump to it: volatile. */
  Enc *volatile e = NULL;
  Solver *volatile s = NULL;
  TermId *after = xcalloc(n, sizeof *after);
  void *mute = diag_mute();
  FailPoint fp;
  if (fail_push(&fp)) {
    in->off = true; /* the unrolling reports what failed */
    for (size_t i = 0; i < n; i++)
      proved[i] = false;
    goto done;
  }
  e = new_enc(in);
  WdErrVec errs = {0};
  VEC(TermId) facts = {0};
  for (size_t i = 0; i < spec->constraints.len; i++)
    VEC_PUSH(facts, enc_pred(e, k - 1, spec->constraints.data[i].expr, cur,
                             NULL, &errs));
  VEC_PUSH(facts, state_parts(e, spec, k - 1, cur));
  SymVal **next;
  VEC_PUSH(facts, enc_next(e, k - 1, cur, &next, &errs));
  VEC_PUSH(facts, no_error(tm, &errs));
  VEC_FREE(errs);
  VEC_PUSH(facts, term_mk_not(tm, cv_rewrite_state(in->cv, next)));
  size_t m = parts(e, spec, k, cur, next, after, n);
  VEC_PUSH(facts, enc_take_axioms(e));
  if (m == n) {
    s = in->mk(in->arg, tm);
    solver_assert(s, term_mk_and(tm, facts.data, facts.len));
    for (size_t i = 0; i < n && !stop_requested(); i++) {
      if (in->due[i] > k)
        continue;
      proved[i] = ask_part(in, s, term_mk_not(tm, after[i]));
      if (proved[i]) {
        in->fails[i] = 0;
        solver_assert(s, after[i]);
      } else {
        if (in->fails[i] < 4)
          in->fails[i]++;
        in->due[i] = k + (1 << in->fails[i]);
      }
    }
  }
  VEC_FREE(facts);
  fail_pop(&fp);
done:
  diag_unmute(mute);
  solver_delete(s);
  enc_delete(e);
  free(after);
  free(cur);
}

bool induct_no_step_errors(Induct *in, int k, SymVal *const *frame) {
  const Spec *spec = in->spec;
  if (in->off)
    return false;
  SymVal **cur = fresh_state(in->tm, frame, spec->nvars);
  if (!cur)
    return false;
  TermMgr *tm = in->tm;
  Enc *volatile e = NULL;
  Solver *volatile s = NULL;
  volatile bool none = false;
  void *mute = diag_mute();
  FailPoint fp;
  if (fail_push(&fp)) {
    in->off = true;
    none = false;
    goto done;
  }
  e = new_enc(in);
  WdErrVec errs = {0};
  VEC(TermId) keep = {0};
  for (size_t i = 0; i < spec->constraints.len; i++)
    VEC_PUSH(keep, enc_pred(e, k, spec->constraints.data[i].expr, cur, NULL,
                            &errs));
  size_t ncons = errs.len;
  TermId parts = state_parts(e, spec, k, cur);
  SymVal **next;
  (void)enc_next(e, k, cur, &next, &errs);
  TermId cons_err = enc_any_error(tm, &errs, 0, ncons);
  TermId step_err = term_mk_and2(tm, term_mk_and(tm, keep.data, keep.len),
                                 enc_any_error(tm, &errs, ncons, errs.len));
  VEC_FREE(keep);
  VEC_FREE(errs);
  s = in->mk(in->arg, tm);
  solver_assert(s, term_mk_and2(tm, parts, enc_take_axioms(e)));
  none = ask_part(in, s, term_mk_or2(tm, cons_err, step_err));
  fail_pop(&fp);
done:
  diag_unmute(mute);
  solver_delete(s);
  enc_delete(e);
  free(cur);
  return none;
}
