/* encode.c -- the encoder's core: the dispatch over expressions, the
 * checks every construct shares, TLCGet("level") and the entry points.
 *
 * Design.  The encoder mirrors the evaluator (src/eval.c) construct by
 * construct, but computes SymVals instead of Values.  Three ideas carry it:
 *
 * 1. Closed constant subexpressions (constant level, no free bound names)
 *    are computed by the concrete evaluator once and turned into symbolic
 *    constants (closed.c), so everything TLC can compute from the config
 *    alone costs nothing here and agrees with the explicit engine by
 *    construction.
 * 2. Actions are encoded against a partial next state: per variable, a
 *    value and an "assigned" Bool term.  `x' = e` on an unassigned x'
 *    assigns, on an assigned one tests; where assignment depends on the
 *    branch taken the flag is symbolic and the value an ite.  Branches
 *    (\/, \E, IF, CASE) are encoded from the same incoming partial state
 *    and merged under fresh selectors (action.c).
 * 3. A path condition (pc) tracks when TLC would actually evaluate the
 *    current subexpression (after the conjuncts to its left hold, inside
 *    the taken IF branch, ...); an evaluation error there is recorded as
 *    the well-definedness condition pc /\ <error> (wd, below).
 *
 * Bound names are frames on the C stack, as in the evaluator (bind.c);
 * operator arguments are passed by name (thunks), cached outside primes.
 * The construct families live in files named like the evaluator's (quant,
 * set, fun, seq, call, builtin, action, choice, enabled, decode); they
 * share the state and helpers declared in encint.h.  enc() below is the one
 * dispatch: each case either is a few lines or calls its family's file. */
#include "encint.h"

_Noreturn void unsupported(Expr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void unsupported(Expr *e, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  fail_at(e->loc, EXIT_OTHER, "symbolic engine: %s", buf);
}

void wd_code(Enc *E, TermId cond, Expr *at, const char *msg,
             int code) {
  TermId c = term_mk_and2(T, E->pc, cond);
  if (term_is_false(T, c))
    return;
  WdErr w = {c, at->loc, msg, code};
  VEC_PUSH(*E->errs, w);
}

void wd(Enc *E, TermId cond, Expr *at, const char *msg) {
  wd_code(E, cond, at, msg, EXIT_EVAL);
}

/* a = b: the Bool term, with the error recorded for when the two are of
 * kinds TLC refuses to compare. */
TermId eq_checked(Enc *E, Expr *e, SymVal *a, SymVal *b) {
  wd(E, sv_eq_error(a, b), e,
     "values of different kinds are compared (TLC compares only a model "
     "value with a value of another kind)");
  return sv_equal(a, b);
}

/* The encoder at work (for the kind checks below, which record an error
 * when a mixture of kinds may not be of the kind needed). */
static Enc *cur_enc;

/* v as a value of kind k: the alternative of that kind of a mixture, with
 * the error recorded for when v is of another kind. */
SymVal *take_kind(Expr *e, SymVal *v, SvKind k, const char *what) {
  if (v->kind == k || v == sv_any())
    return v;
  TermId active;
  SymVal *alt = sv_alt(v, k, &active);
  if (!cur_enc)
    unsupported(e, "%s was expected here", what);
  /* An error wherever this is reached as another kind (TLC's too). */
  wd(cur_enc, term_mk_not(sv_mgr(), active), e,
     xsprintf("%s was expected here, but the value is of another kind",
              what));
  return alt ? alt : sv_any();
}

TermId as_bool(Expr *e, SymVal *v) {
  v = take_kind(e, v, SV_BOOL, "a Boolean");
  if (v->kind != SV_BOOL)
    unsupported(e, "a Boolean was expected here");
  return v->t;
}

/* sv_any() (the value of an expression that is an error wherever it is
 * reached) passes as a value of any kind: the error is already recorded. */
TermId as_int(Expr *e, SymVal *v) {
  if (v == sv_any())
    return term_mk_int_si(sv_mgr(), 0);
  v = take_kind(e, v, SV_INT, "an integer");
  if (v == sv_any())
    return term_mk_int_si(sv_mgr(), 0);
  if (v->kind != SV_INT)
    unsupported(e, "an integer was expected here");
  return v->t;
}

SymVal *enc_need_set(Expr *e, SymVal *v) {
  if (v == sv_any())
    return sv_set(NULL, 0);
  v = take_kind(e, v, SV_SET, "a set");
  if (v == sv_any())
    return sv_set(NULL, 0);
  if (v->kind != SV_SET)
    unsupported(e, "a finite set was expected here");
  return v;
}

SymVal *ite_or_fail(Expr *e, TermId c, SymVal *a, SymVal *b) {
  SymVal *r = sv_ite(c, a, b);
  if (!r)
    unsupported(e, "the two branches give values of different kinds (say, a "
                   "record and a model value); the symbolic engine does not "
                   "support values of mixed kinds yet");
  return r;
}

/* The level variable of the current frame (encode.h); frame 0 has level 1. */
TermId level_var(Enc *E) {
  int k = E->frame;
  if (k == 0)
    return term_mk_int_si(T, 1);
  while (E->levels.len <= (size_t)k)
    VEC_PUSH(E->levels, TERM_NONE);
  if (E->levels.data[k] == TERM_NONE) {
    TermId v = term_mk_fresh(T, "tlc_level", SORT_INT);
    mpz_t lo, hi;
    mpz_init_set_si(lo, 1);
    mpz_init_set_si(hi, (long)k + 1);
    term_var_set_bounds(T, v, lo, hi);
    mpz_clears(lo, hi, NULL);
    VEC_PUSH(E->axioms, term_mk_le(T, term_mk_int_si(T, 1), v));
    VEC_PUSH(E->axioms, term_mk_le(T, v, term_mk_int_si(T, (long)k + 1)));
    VEC_PUSH(E->level_list, v);
    E->levels.data[k] = v;
  }
  return E->levels.data[k];
}

/* a < b (strict) or a <= b, folded to a constant when one side is a level
 * variable and the other a constant its range decides (level < 20 at
 * length 5): v < c always when hi < c, never when lo >= c; c < v always
 * when c < lo, never when c >= hi; for <= each test is shifted by one. */
TermId level_compare(Enc *E, bool strict, TermId a, TermId b) {
  TermId r = strict ? term_mk_lt(T, a, b) : term_mk_le(T, a, b);
  bool avar = false, bvar = false;
  for (size_t i = 0; i < E->level_list.len; i++) {
    avar = avar || E->level_list.data[i] == a;
    bvar = bvar || E->level_list.data[i] == b;
  }
  if (!(avar && term_is_int_const(T, b)) && !(bvar && term_is_int_const(T, a)))
    return r;
  mpz_t lo, hi, c;
  mpz_inits(lo, hi, c, NULL);
  term_var_bounds(T, avar ? a : b, lo, hi);
  term_int_value(T, avar ? b : a, c);
  int t = strict ? 0 : 1;
  if (avar)
    r = mpz_cmp(hi, c) < t ? term_true(T) : mpz_cmp(lo, c) >= t ? term_false(T) : r;
  else
    r = mpz_cmp(c, lo) < t ? term_true(T) : mpz_cmp(c, hi) >= t ? term_false(T) : r;
  mpz_clears(lo, hi, c, NULL);
  return r;
}

TermId enc_any_error(TermMgr *tm, const WdErrVec *errs, size_t from,
                     size_t to) {
  VEC(TermId) conds = {0};
  for (size_t i = from; i < to; i++)
    VEC_PUSH(conds, errs->data[i].cond);
  TermId r = term_mk_or(tm, conds.data, (uint32_t)conds.len);
  VEC_FREE(conds);
  return r;
}

size_t enc_level_vars(const Enc *E, const TermId **vars) {
  *vars = E->level_list.data;
  return E->level_list.len;
}

TermId enc_take_axioms(Enc *E) {
  TermId a = term_mk_and(T, E->axioms.data, E->axioms.len);
  E->axioms.len = 0;
  return a;
}

static SymVal *enc_op(Enc *E, Expr *e, Bind *env) {
  switch (e->ref.kind) {
  case REF_CONST:
    return enc_const(E, e, e->ref.u.decl, env);
  case REF_VAR:
    return enc_var(E, e, e->ref.u.decl);
  case REF_BINDER: {
    Bind *b = bind_find(env, e->ref.u.binder->id);
    if (!b)
      unsupported(e, "internal error: '%s' is not bound", sym_str(e->name));
    if (e->ref.u.binder->arity > 0)
      return enc_call_op_param(E, e, b, env);
    return bind_value(E, b);
  }
  case REF_DEF:
    return enc_call_def(E, e, e->ref.u.def, env);
  case REF_BUILTIN:
    return enc_builtin(E, e, env);
  default:
    unsupported(e, "unresolved name '%s'", sym_str(e->name));
  }
}

/* Does the subscript v of [A]_v or <<A>>_v (e->args[1]) change? */
SymVal *enc_changed(Enc *E, Expr *e, Bind *env) {
  if (E->primed)
    unsupported(e, "an action inside a primed expression");
  SymVal *before = enc(E, e->args[1], env);
  E->primed = true;
  SymVal *after = enc(E, e->args[1], env);
  E->primed = false;
  return sv_bool(term_mk_not(T, sv_equal(before, after)));
}

SymVal *enc(Enc *E, Expr *e, Bind *env) {
  switch (e->kind) {
  case EX_NUM: {
    mpz_t z;
    mpz_init_set_str(z, e->num, 10);
    SymVal *v = sv_int(term_mk_int(T, z));
    mpz_clear(z);
    return v;
  }
  case EX_STR:
    return sv_from_value(val_str(e->str));
  case EX_BOOL:
    return sv_bool(term_mk_bool(T, e->boolean));
  default:
    break;
  }
  if (e->kind != EX_OP || e->ref.kind == REF_DEF || e->ref.kind == REF_BUILTIN) {
    Value *cv = closed_value(E, e);
    if (cv) {
      SymVal *s = sv_from_value(cv);
      if (s)
        return s;
    }
  }
  switch (e->kind) {
  case EX_OP:
    return enc_op(E, e, env);
  case EX_IF: {
    TermId c = as_bool(e->args[0], enc(E, e->args[0], env));
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, c);
    SymVal *x = term_is_false(T, c) ? NULL : enc(E, e->args[1], env);
    E->pc = term_mk_and2(T, saved, term_mk_not(T, c));
    SymVal *y = term_is_true(T, c) ? NULL : enc(E, e->args[2], env);
    E->pc = saved;
    if (!x)
      return y;
    if (!y)
      return x;
    return ite_or_fail(e, c, x, y);
  }
  case EX_CASE: {
    TermId saved = E->pc;
    TermId none = term_true(T);
    VEC(TermId) guards = {0};
    VEC(SymVal *) vals = {0};
    for (int i = 0; i < e->narms; i++) {
      E->pc = term_mk_and2(T, saved, none);
      TermId g = as_bool(e->arms[i].guard, enc(E, e->arms[i].guard, env));
      E->pc = term_mk_and2(T, E->pc, g);
      VEC_PUSH(guards, g);
      VEC_PUSH(vals, enc(E, e->arms[i].value, env));
      none = term_mk_and2(T, none, term_mk_not(T, g));
    }
    SymVal *r = NULL;
    E->pc = term_mk_and2(T, saved, none);
    if (e->other)
      r = enc(E, e->other, env);
    else
      wd(E, term_true(T), e, "no arm of this CASE applies");
    E->pc = saved;
    for (size_t i = guards.len; i-- > 0;)
      r = r ? ite_or_fail(e, guards.data[i], vals.data[i], r) : vals.data[i];
    VEC_FREE(guards);
    VEC_FREE(vals);
    return r;
  }
  case EX_LET: {
    Bind frames[e->ndefs > 0 ? e->ndefs : 1];
    return enc(E, e->body, let_frames(E, e, env, frames));
  }
  case EX_LABEL:
    return enc(E, e->body, env);
  case EX_FORALL:
  case EX_EXISTS: {
    if (e->nbounds == 1 && e->bounds[0].nnames == 1 && !e->bounds[0].tuple &&
        e->bounds[0].set)
      return enc_quant_ordered(E, e, env);
    QAcc q = {e->body, e->kind == EX_FORALL, term_true(T), {0}, {0}, 0};
    expand(E, e, e->bounds, e->nbounds, env, q_elem, &q);
    TermId r = q.forall ? term_mk_and(T, q.parts.data, q.parts.len)
                        : term_mk_or(T, q.parts.data, q.parts.len);
    VEC_FREE(q.parts);
    return sv_bool(r);
  }
  case EX_CHOOSE:
    return enc_choose(E, e, env);
  case EX_SET_ENUM: {
    SvCell *cells = xmalloc(((size_t)e->nargs + 1) * sizeof *cells);
    for (int i = 0; i < e->nargs; i++)
      cells[i] = (SvCell){enc(E, e->args[i], env), term_true(T), NULL};
    SymVal *r = sv_set(cells, (uint32_t)e->nargs);
    free(cells);
    return r;
  }
  case EX_SET_FILTER: {
    if (e->bounds[0].tuple)
      return enc_tuple_filter(E, e, env);
    if (e->bounds[0].nnames != 1)
      unsupported(e, "a set filter binds one name or one tuple pattern");
    QAcc q = {e->body, false, 0, {0}, {0}, 1};
    expand(E, e, e->bounds, 1, env, filter_elem, &q);
    SymVal *r = sv_set(q.cells.data, (uint32_t)q.cells.len);
    VEC_FREE(q.cells);
    return r;
  }
  case EX_SET_MAP: {
    QAcc q = {e->body, false, 0, {0}, {0}, 0};
    expand(E, e, e->bounds, e->nbounds, env, map_elem, &q);
    SymVal *r = sv_set(q.cells.data, (uint32_t)q.cells.len);
    /* {e : x \in S} has a cell per member of S and, with e not constant,
     * symbolic elements: over the values they can take (when not many
     * more than the cells) it is canonical, each value once, so that a
     * function on it ([{e : ...} -> T]) has a cell per value, read
     * directly at a constant, and \A over it reads one cell per value. */
    r = sv_set_by_bounds(r, 2 * r->n + 8);
    VEC_FREE(q.cells);
    return r;
  }
  case EX_FUNC: {
    for (int i = 0; i < e->nbounds; i++)
      if (e->bounds[i].tuple)
        unsupported(e, "tuple patterns in a function constructor are not "
                       "supported yet");
    QAcc q = {e->body, false, 0, {0}, {0}, count_names(e->bounds, e->nbounds)};
    expand(E, e, e->bounds, e->nbounds, env, func_elem, &q);
    SymVal *r = sv_fun(q.cells.data, (uint32_t)q.cells.len);
    VEC_FREE(q.cells);
    return r;
  }
  case EX_RECORD: {
    SvCell *cells = xmalloc(((size_t)e->nargs + 1) * sizeof *cells);
    for (int i = 0; i < e->nargs; i++)
      cells[i] = (SvCell){sv_from_value(val_str(e->fields[i])), term_true(T),
                          enc(E, e->args[i], env)};
    SymVal *r = sv_fun(cells, (uint32_t)e->nargs);
    free(cells);
    return r;
  }
  case EX_TUPLE: {
    SymVal **v = xmalloc(((size_t)e->nargs + 1) * sizeof *v);
    for (int i = 0; i < e->nargs; i++)
      v[i] = enc(E, e->args[i], env);
    SymVal *r = mk_tuple(v, (uint32_t)e->nargs);
    free(v);
    return r;
  }
  case EX_FAPP: {
    Expr *fe = e->args[0];
    if (fe->kind == EX_OP && fe->ref.kind == REF_DEF &&
        fe->ref.u.def->kind == DEF_FUN && fe->ref.u.def->nbounds == 1 &&
        fe->ref.u.def->bounds[0].nnames == 1 && e->nargs == 2 &&
        !fe->ref.u.def->bounds[0].tuple) {
      /* A (possibly recursive) function definition applied directly:
       * unfold its body at the argument. */
      Def *d = fe->ref.u.def;
      SymVal *x = enc(E, e->args[1], env);
      TermId in = enc_in(E, e, x, d->bounds[0].set, env);
      wd(E, term_mk_not(T, in), e,
         "a function is applied to an argument outside its domain");
      /* A recursive application whose argument the bounds place outside
       * the domain is an error wherever it is reached (recorded above):
       * its value is never used, and the unfolding ends here. */
      if (unfolding(E, d) && never_holds(E, in))
        return sv_any();
      if (!unfold_enter(E, e, d))
        return sv_any();
      Bind f = {.id = d->bounds[0].names[0].id, .v = x, .up = env};
      SymVal *r = enc(E, d->body, &f);
      unfold_leave(E);
      return r;
    }
    SymVal *f = enc(E, fe, env);
    return apply_checked(E, e, f, fapp_key(E, e->args + 1, e->nargs - 1, env));
  }
  case EX_DOT:
    return apply_checked(E, e, enc(E, e->args[0], env),
                         sv_from_value(val_str(e->field)));
  case EX_EXCEPT: {
    SymVal *f = enc(E, e->args[0], env);
    for (int i = 0; i < e->nupdates; i++)
      f = enc_except_path(E, e, f, &e->updates[i], 0, env);
    return f;
  }
  case EX_BOX_ACT:
  case EX_DIA_ACT: {
    /* [A]_v is UNCHANGED v \/ A, <<A>>_v is A /\ ~UNCHANGED v; TLC
     * compares v first for [A]_v and evaluates A first for <<A>>_v. */
    bool box = e->kind == EX_BOX_ACT;
    TermId saved = E->pc, a = TERM_NONE;
    if (!box) {
      a = as_bool(e->args[0], enc(E, e->args[0], env));
      E->pc = term_mk_and2(T, saved, a);
    }
    TermId changed = as_bool(e, enc_changed(E, e, env));
    E->pc = saved;
    if (!box)
      return sv_bool(term_mk_and2(T, a, changed));
    E->pc = term_mk_and2(T, saved, changed);
    a = as_bool(e->args[0], enc(E, e->args[0], env));
    E->pc = saved;
    return sv_bool(term_mk_or2(T, term_mk_not(T, changed), a));
  }
  case EX_AT:
    if (!E->at)
      unsupported(e, "'@' outside an EXCEPT value");
    return E->at;
  case EX_FUNSET:
    return enc_funset(E, e, env);
  case EX_RECSET:
    return enc_recset(E, e, env);
  default:
    unsupported(e, "this construct (%s) is not supported by the symbolic "
                   "engine yet",
                ast_kind_name(e->kind));
  }
}

/* ---- entry points ---- */

Enc *enc_new(const Spec *spec, TermMgr *tm) {
  Enc *E = xcalloc(1, sizeof *E);
  E->nxt_epoch = 1;
  E->spec = spec;
  E->tm = tm;
  E->nvars = spec->nvars;
  E->const_cache = xcalloc(spec->prog->consts.len + 1, sizeof *E->const_cache);
  E->defs.vals = xcalloc(spec->ndefs + 1, sizeof *E->defs.vals);
  E->defs.gen = xcalloc(spec->ndefs + 1, sizeof *E->defs.gen);
  E->defs.cur = xcalloc(spec->ndefs + 1, sizeof *E->defs.cur);
  E->gen = 1;
  E->max_seq_len = ENC_DEFAULT_MAX_SEQ_LEN;
  E->rec = cm_new();
  sv_set_mgr(tm);
  return E;
}

/* Frees what the encoder owns: its caches and work lists.  The symbolic
 * values and terms it made belong to the run (symval.h) and the term
 * manager, and outlive it. */
void enc_delete(Enc *E) {
  if (!E)
    return;
  free(E->const_cache);
  free(E->defs.vals);
  free(E->defs.gen);
  free(E->defs.cur);
  cm_delete(E->rec);
  VEC_FREE(E->active);
  VEC_FREE(E->choice_ids);
  VEC_FREE(E->choice_vals);
  VEC_FREE(E->levels);
  VEC_FREE(E->level_list);
  VEC_FREE(E->axioms);
  VEC_FREE(E->picks);
  VEC_FREE(E->uselog);
  VEC_FREE(E->rec_stack);
  free(E->memo.keys);
  free(E->memo.vals);
  VEC_FREE(E->def_terms);
  free(E);
}

static TermId finish_state(Enc *E, Expr *root, TermId g, SymVal ***out,
                           const char *what) {
  TermId all = term_true(T);
  for (int v = 0; v < E->nvars; v++) {
    TermId a = E->asg[v];
    Decl *d = E->spec->prog->vars.data[v];
    if (term_is_false(T, a) || !E->nxt[v]) {
      TermId saved = E->pc;
      E->pc = term_true(T);
      wd(E, g, root, xsprintf("the %s is not completely specified: variable "
                              "'%s' is not given a value",
                              what, sym_str(d->name)));
      E->pc = saved;
      /* No branch assigns it, so g is refuted (or the error above is
       * reported); keep a value of the right kind for later encoding. */
      if (!E->nxt[v])
        E->nxt[v] = E->cur ? E->cur[v] : sv_bool(term_false(T));
      all = term_mk_and2(T, all, term_false(T));
      continue;
    }
    if (!term_is_true(T, a)) {
      TermId saved = E->pc;
      E->pc = term_true(T);
      wd(E, term_mk_and2(T, g, term_mk_not(T, a)), root,
         xsprintf("the %s is not completely specified: variable '%s' is not "
                  "given a value",
                  what, sym_str(d->name)));
      E->pc = saved;
    }
    all = term_mk_and2(T, all, a);
  }
  *out = E->nxt;
  E->nxt = NULL;
  E->asg = NULL;
  return term_mk_and2(T, g, all);
}

/* The context of an expression evaluated in the state cur (no next state
 * yet). */
static void pred_start(Enc *E, SymVal **cur, WdErrVec *errs) {
  cur_enc = E;
  E->gen++;
  E->errs = errs;
  E->pc = term_true(T);
  E->cur = cur;
  E->nxt = NULL;
  E->asg = NULL;
  E->primed = false;
  E->init_mode = false;
  E->depth = 0;
  E->active.len = 0;
  cm_clear(E->rec);
  E->rec_budget = MAX_SYM_UNFOLD;
  E->uselog.len = 0;
  E->rec_stack.len = 0;
  E->rec_low = INT_MAX;
}

/* The context of Init or Next: an empty next state to build. */
static void start(Enc *E, WdErrVec *errs) {
  pred_start(E, NULL, errs);
  E->choice_ids.len = 0;
  E->choice_vals.len = 0;
  E->nxt = xcalloc((size_t)E->nvars + 1, sizeof *E->nxt);
  E->asg = xmalloc(((size_t)E->nvars + 1) * sizeof *E->asg);
  for (int v = 0; v < E->nvars; v++)
    E->asg[v] = term_false(T);
  E->at = NULL;
}

void enc_set_max_seq_len(Enc *E, int n) { E->max_seq_len = n; }

size_t enc_choices(const Enc *E, const uint32_t **ids, SymVal *const **vals) {
  *ids = E->choice_ids.data;
  *vals = E->choice_vals.data;
  return E->choice_ids.len;
}

int enc_seq_bound(const Enc *E) {
  return E->seq_choices ? E->max_seq_len : 0;
}

TermId enc_init(Enc *E, SymVal ***state, WdErrVec *errs) {
  E->frame = 0;
  start(E, errs);
  E->cur = NULL;
  E->init_mode = true;
  TermId g = enc_act(E, E->spec->init, NULL);
  E->init_mode = false;
  return finish_state(E, E->spec->init, g, state, "initial state");
}

TermId enc_next(Enc *E, int frame, SymVal **cur, SymVal ***next,
                WdErrVec *errs) {
  E->frame = frame;
  start(E, errs);
  E->cur = cur;
  TermId g = enc_act(E, E->spec->next, NULL);
  return finish_state(E, E->spec->next, g, next, "successor state");
}

/* p after pred_start, with the next state given when p is an action. */
static TermId pred_with_next(Enc *E, Expr *p, SymVal **next, Bind *env) {
  E->nxt = next;
  TermId *asg = NULL;
  if (next) {
    asg = xmalloc(((size_t)E->nvars + 1) * sizeof *asg);
    for (int v = 0; v < E->nvars; v++)
      asg[v] = term_true(T);
  }
  E->asg = asg;
  TermId r = as_bool(p, enc(E, p, env));
  free(asg);
  E->nxt = NULL;
  E->asg = NULL;
  return r;
}

TermId enc_pred(Enc *E, int frame, Expr *p, SymVal **cur, SymVal **next,
                WdErrVec *errs) {
  E->frame = frame;
  pred_start(E, cur, errs);
  return pred_with_next(E, p, next, NULL);
}

/* The evaluator's bindings (eval.h) as encoder bindings, made afresh for
 * each call: a thunk's cached value belongs to the state it was read in. */
static Bind *from_eval_binds(Expr *at, const EvalBind *b) {
  if (!b)
    return NULL;
  Bind *r = xcalloc(1, sizeof *r);
  r->id = b->id;
  if (b->value) {
    r->v = sv_from_value(b->value);
    if (!r->v)
      unsupported(at, "a name bound in this temporal formula has a value "
                      "(an infinite set) that cannot be encoded");
  } else {
    r->thunk = b->expr;
    r->tenv = from_eval_binds(at, b->env);
  }
  r->up = from_eval_binds(at, b->up);
  return r;
}

TermId enc_pred_in(Enc *E, int frame, Expr *p, SymVal **cur, SymVal **next,
                   const struct EvalBind *env, WdErrVec *errs) {
  E->frame = frame;
  pred_start(E, cur, errs);
  return pred_with_next(E, p, next, from_eval_binds(p, env));
}

TermId enc_step_pred_in(Enc *E, int frame, Expr *a, SymVal **cur,
                        SymVal **next, const struct EvalBind *env,
                        WdErrVec *errs) {
  E->frame = frame;
  pred_start(E, cur, errs);
  /* Every x' given: `x' = e` tests, as in pred_with_next; a copy, since
   * branches merge their values into it. */
  E->nxt = xcalloc((size_t)E->nvars + 1, sizeof *E->nxt);
  E->asg = xmalloc(((size_t)E->nvars + 1) * sizeof *E->asg);
  for (int v = 0; v < E->nvars; v++) {
    E->nxt[v] = next[v];
    E->asg[v] = term_true(T);
  }
  E->nxt_epoch++;
  TermId r = enc_act(E, a, from_eval_binds(a, env));
  free(E->nxt);
  free(E->asg);
  E->nxt = NULL;
  E->asg = NULL;
  E->nxt_epoch++;
  return r;
}

TermId enc_enabled_guard(Enc *E, int frame, Expr *e, SymVal **cur,
                         const struct EvalBind *env, WdErrVec *errs,
                         TermId *mark) {
  E->frame = frame;
  pred_start(E, cur, errs);
  return enc_enabled_guard_of(E, e, from_eval_binds(e, env), mark);
}

TermId enc_action_prop(Enc *E, int frame, Expr *a, Expr *sub, SymVal **cur,
                       SymVal **next, WdErrVec *errs) {
  E->frame = frame;
  pred_start(E, cur, errs);
  SymVal *v0 = enc(E, sub, NULL);
  pred_start(E, next, errs);
  SymVal *v1 = enc(E, sub, NULL);
  TermId same = eq_checked(E, sub, v0, v1);
  /* As in TLC, A is evaluated (and its errors happen) only on a step that
   * changes v. */
  pred_start(E, cur, errs);
  E->pc = term_mk_not(T, same);
  return term_mk_or2(T, same, pred_with_next(E, a, next, NULL));
}
