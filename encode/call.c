/* call.c -- variables, constants, operator calls, LET and recursion.
 *
 * A call of a user definition binds its parameters to thunks (bind.c) and
 * encodes the body; parameterless module-level definitions of constant or
 * state level are memoised per state.  Unfolding is bounded (MAX_UNFOLD
 * nested calls, MAX_SYM_UNFOLD past a symbolic condition) and refused past
 * the bound.  Recursive operators on symbolic arguments are encoded by
 * value with a memo (reccall.h, described below), operator parameters and
 * LAMBDAs are applied by name, and some operators of the shipped community
 * modules have direct encodings (community.c, comm_call) (the twin of
 * src/eval's call.c). */
#include "encint.h"

static SymVal *rec_apply(Enc *E, Expr *e, Def *d, SymVal **args,
                         TermId *use);

SymVal *enc_var(Enc *E, Expr *e, Decl *d) {
  if (E->primed || E->init_mode) {
    if (!E->nxt)
      unsupported(e, "%s' cannot be used here", sym_str(d->name));
    E->nxt_reads++;
    if (term_is_false(T, E->asg[d->index]) || !E->nxt[d->index]) {
      wd(E, term_true(T), e,
         E->init_mode ? "a variable is read before Init gives it a value"
                      : "a primed variable is read before it is given a value");
      /* The error is recorded; continue with the current value. */
      if (E->cur && E->cur[d->index])
        return E->cur[d->index];
      unsupported(e, "'%s' is read before it is given a value",
                  sym_str(d->name));
    }
    wd(E, term_mk_not(T, E->asg[d->index]), e,
       "a primed variable is read before it is given a value");
    return E->nxt[d->index];
  }
  if (!E->cur)
    unsupported(e, "variable '%s' cannot be used here", sym_str(d->name));
  return E->cur[d->index];
}

SymVal *enc_const(Enc *E, Expr *e, Decl *d, Bind *env) {
  const Spec *s = E->spec;
  if (s->const_vals[d->index]) {
    if (!E->const_cache[d->index]) {
      SymVal *v = sv_from_value(s->const_vals[d->index]);
      if (!v)
        unsupported(e, "constant '%s' has a value the symbolic engine cannot "
                       "represent", sym_str(d->name));
      E->const_cache[d->index] = v;
    }
    return E->const_cache[d->index];
  }
  return enc_call_def(E, e, s->const_defs[d->index], env);
}

/* A parameterless module-level definition of constant or state level has
 * one value per state: in an unprimed context its encoding in the current
 * state is reused (VotedFor-style predicates call such a definition once
 * per quantifier instance).  LET definitions (no module) see bound names
 * and are not memoised; neither are values read through primes or while
 * Init builds the state, where the partial next state is involved. */
static bool def_memo_ok(const Enc *E, const Def *d) {
  return d->module && d->nparams == 0 && d->level <= 1 &&
         (d->kind == DEF_OP || d->kind == DEF_FUN) && !E->primed &&
         !E->init_mode && E->cur && d->id < E->spec->ndefs;
}

/* Recursion is unfolded while the encoding follows it.  A recursion whose
 * end the encoding sees (Sum[i - 1] down to a constant 0) may go
 * MAX_UNFOLD calls deep.  One whose end depends on a symbolic condition
 * (IF R2 = R THEN R ELSE Grow(R2)) is unfolded MAX_SYM_UNFOLD times past
 * the first such condition; the path that would need more is recorded as
 * a refusal (EXIT_OTHER), which the solver reports only if a reachable
 * state takes it.  So a recursion that semantically ends within the bound
 * (a fixpoint over a finite set, a maximum by removing elements) is exact,
 * and one that does not is never answered wrongly. */
bool unfold_enter(Enc *E, Expr *e, Def *d) {
  int same = 0;
  TermId outer = TERM_NONE;
  for (size_t i = 0; i < E->active.len; i++)
    if (E->active.data[i].d == d) {
      if (!same)
        outer = E->active.data[i].pc;
      same++;
    }
  bool deep = E->depth >= MAX_UNFOLD || stack_nearly_full() ||
              (same >= MAX_SYM_UNFOLD && outer != E->pc);
  if (!deep) {
    E->depth++;
    VEC_PUSH(E->active, ((struct Active){d, E->pc}));
    return true;
  }
  if (!E->errs)
    unsupported(e, "recursion in '%s' unfolds too deeply", sym_str(d->name));
  E->rec_low = 0; /* a cut that depends on the calls under way */
  wd_code(E, term_true(T), e,
          xsprintf("symbolic engine: recursion in '%s' goes deeper here "
                   "than the encoding unfolds it (%d calls, or %d past a "
                   "symbolic condition); use --engine explicit",
                   sym_str(d->name), MAX_UNFOLD, MAX_SYM_UNFOLD),
          EXIT_OTHER);
  return false;
}

/* Is d being unfolded (a call of d encloses this one)? */
bool unfolding(const Enc *E, const Def *d) {
  for (size_t i = 0; i < E->active.len; i++)
    if (E->active.data[i].d == d)
      return true;
  return false;
}

/* Does the Bool term t fail whatever its variables are, by the integer
 * bounds of its comparisons (term_int_bounds)?  False when unsure. */
bool never_holds(Enc *E, TermId t) {
  if (term_is_false(T, t))
    return true;
  TermKind k = term_kind(T, t);
  if (k == TERM_AND) {
    for (uint32_t i = 0; i < term_nargs(T, t); i++)
      if (never_holds(E, term_arg(T, t, i)))
        return true;
    return false;
  }
  if (k != TERM_LE && k != TERM_LT)
    return false;
  mpz_t alo, ahi, blo, bhi;
  mpz_inits(alo, ahi, blo, bhi, NULL);
  bool r = term_int_bounds(T, term_arg(T, t, 0), alo, ahi) &&
           term_int_bounds(T, term_arg(T, t, 1), blo, bhi);
  /* a <= b fails when a's least value exceeds b's greatest. */
  int c = r ? mpz_cmp(alo, bhi) : 0;
  r = r && (k == TERM_LE ? c > 0 : c >= 0);
  mpz_clears(alo, ahi, blo, bhi, NULL);
  return r;
}

void unfold_leave(Enc *E) {
  E->depth--;
  E->active.len--;
}

/* ---- recursive operators on symbolic arguments ----
 *
 * A call of a RECURSIVE module-level operator of constant or state level,
 * outside primes, is encoded by value (reccall.h): the arguments first,
 * then, when one is a scalar that takes a few constant values (rc_cases),
 * or a mixture of such scalars (a node or NIL, rc_split_cases), an ite over
 * calls with each of those values, and otherwise the body with
 * the parameters bound to the values, encoded once per distinct arguments
 * (the memo, valid for the state of the entry point) with the path
 * condition TRUE.  Each split spends one unit of rec_budget (MAX_SYM_UNFOLD
 * per entry point), and the path that would need more is refused
 * (EXIT_OTHER), as unfold_enter refuses one; the memo is keyed by the
 * budget left too, so that an entry is a function of its key alone.  Equal
 * calls below a split then meet in the memo, so Balance(ledger, h) calling
 * itself twice at ledger[h].previous costs one encoding per hash and level
 * instead of two to the depth.  A split replaces every argument that is
 * the split term by the case's constant (x & y == And(x, y, 0, x) splits
 * once, not once per copy of x).
 *
 * A scalar argument with too many values to split stays symbolic, and the
 * call is memoised all the same: Bits' x & d at a symbolic tower x, met
 * by several conjuncts and actions of one step, was encoded anew each
 * time (Hanoi, 12 steps: encoding 1.9 of 2.8 s, 0.2 s a step, now 0.03).
 * Such a recursion is bounded as unfold_enter bounds others: MAX_SYM_UNFOLD
 * calls of the definition once a symbolic condition lies between the
 * outermost of them and the call (the frame's sym flag: a split, an IF on
 * a symbolic test, each call's path condition starting at TRUE), else
 * MAX_UNFOLD.  That cut depends on the calls from the outermost one on,
 * which are then not memoised (rec_low); the outermost is.
 *
 * A call that meets the same call under way with the same budget (no
 * split between them) is a path on which TLC's evaluation, deterministic,
 * would never end; the encoding refuses it.  Such a cut describes the call
 * it meets: a value computed below it is its own call's value only while
 * that call is under way, so it is not memoised (rec_low), except by the
 * call met itself.  Cuts by depth (MAX_UNFOLD, the stack) depend on the
 * calls under way too.
 *
 * TLC evaluates an argument only where the body reads it, so the errors
 * encoding an argument records are conditioned on that: the body's reads
 * of each parameter are logged (bind_value, E->uselog) and collected into
 * a use condition, which the memo keeps with the value. */

static bool rec_memo_ok(const Enc *E, const Expr *e, const Def *d) {
  if (!d->recursive || !d->module || d->kind != DEF_OP || d->nparams == 0 ||
      d->nparams != e->nargs || d->level > LEVEL_STATE || E->primed ||
      E->init_mode || !E->cur || !E->errs)
    return false;
  for (int i = 0; i < d->nparams; i++)
    if (d->params[i].arity > 0)
      return false;
  return true;
}

/* Records the refusal of the path here and that values computed below the
 * call at index low of rec_stack (0: all) depend on the context. */
static SymVal *rec_cut(Enc *E, Expr *e, int low, const char *msg,
                       TermId *use, int n) {
  wd_code(E, term_true(T), e, msg, EXIT_OTHER);
  if (low < E->rec_low)
    E->rec_low = low;
  for (int i = 0; i < n; i++)
    use[i] = term_false(T);
  return sv_any();
}

/* d at args, split on the cases of args[at]: case k holds when is[k] and
 * makes args[at] the constant vals[k]; when the cases are not exact (some
 * came from bounds), the path outside them is refused. */
static SymVal *rec_split(Enc *E, Expr *e, Def *d, SymVal **args, TermId *use,
                         int at, const TermId *is, SymVal *const *vals,
                         uint32_t nc, bool exact) {
  int n = d->nparams;
  if (E->rec_budget <= 0)
    return rec_cut(E, e, INT_MAX,
                   xsprintf("symbolic engine: recursion in '%s' goes deeper "
                            "here than the encoding unfolds it (%d calls "
                            "past a symbolic argument); use --engine "
                            "explicit",
                            sym_str(d->name), MAX_SYM_UNFOLD),
                   use, n);
  for (int i = 0; i < n; i++)
    use[i] = term_false(T);
  E->rec_budget--;
  TermId saved = E->pc;
  SymVal *x = args[at];
  SymVal **argv = xmalloc((size_t)n * sizeof *argv);
  memcpy(argv, args, (size_t)n * sizeof *argv);
  TermId *u = xmalloc((size_t)n * sizeof *u);
  VEC(TermId) none = {0};
  SymVal *r = NULL;
  for (uint32_t k = nc; k-- > 0;) {
    VEC_PUSH(none, term_mk_not(T, is[k]));
    if (term_is_false(T, is[k]))
      continue;
    E->pc = term_mk_and2(T, saved, is[k]);
    /* Every argument that is the value split on (x & y == And(x, y, 0,
     * x)) is that constant here too. */
    for (int i = 0; i < n; i++)
      argv[i] = i == at || sv_same(args[i], x) ? vals[k] : args[i];
    SymVal *v = rec_apply(E, e, d, argv, u);
    for (int i = 0; i < n; i++)
      use[i] = term_mk_or2(T, use[i], term_mk_and2(T, is[k], u[i]));
    /* The last case is the default: exact, the argument is one of them. */
    r = r ? ite_or_fail(e, is[k], v, r) : v;
  }
  E->pc = saved;
  if (!exact)
    wd_code(E, term_mk_and(T, none.data, (uint32_t)none.len), e,
            xsprintf("symbolic engine: an argument of '%s' lies outside the "
                     "bounds the encoding assumed for it; use --engine "
                     "explicit",
                     sym_str(d->name)),
            EXIT_OTHER);
  E->rec_budget++;
  VEC_FREE(none);
  free(argv);
  free(u);
  return r ? r : sv_any();
}

static bool rec_same(const Def *d, SymVal **a, SymVal **b) {
  for (int i = 0; i < d->nparams; i++)
    if (!sv_same(a[i], b[i]))
      return false;
  return true;
}

/* Collects the log of reads since ufrom (all of them reads of the
 * parameters bound to use[0..n)) into use, and drops it. */
static void rec_collect_uses(Enc *E, size_t ufrom, TermId *use, int n) {
  for (size_t k = ufrom; k < E->uselog.len; k++) {
    UseRec *u = &E->uselog.data[k];
    assert(u->key >= use && u->key < use + n);
    *u->key = term_mk_or2(T, *u->key, u->cond);
  }
  E->uselog.len = ufrom;
}

static Bind *rec_bind(Def *d, SymVal **args, TermId *use, Bind *frames) {
  Bind *cur = NULL;
  for (int i = 0; i < d->nparams; i++) {
    use[i] = term_false(sv_mgr());
    frames[i] = (Bind){.id = d->params[i].id, .v = args[i], .use = &use[i],
                       .up = cur};
    cur = &frames[i];
  }
  return cur;
}

/* d at the values args; in use[i] when the body reads args[i], relative to
 * the call. */
static SymVal *rec_apply(Enc *E, Expr *e, Def *d, SymVal **args,
                         TermId *use) {
  int n = d->nparams;
  TermId is[MAX_REC_CASES];
  SymVal *vals[MAX_REC_CASES];
  uint32_t nc;
  bool exact;
  for (int i = 0; i < n; i++)
    if (rc_split_cases(args[i], MAX_REC_CASES, is, vals, &nc, &exact))
      return rec_split(E, e, d, args, use, i, is, vals, nc, exact);
  bool symbolic = false;
  for (int i = 0; i < n; i++)
    symbolic |= args[i]->kind <= SV_ATOM && !term_is_int_const(T, args[i]->t) &&
                !term_is_true(T, args[i]->t) && !term_is_false(T, args[i]->t);
  CmKey key = {d, E->cur, E->rec_budget, args, (uint32_t)n};
  const CmEntry *hit = cm_find(E->rec, &key);
  if (hit) {
    for (size_t i = 0; i < hit->nerrs; i++)
      wd_code(E, hit->errs[i].cond, &(Expr){.loc = hit->errs[i].loc},
              hit->errs[i].msg, hit->errs[i].code);
    memcpy(use, hit->uses, (size_t)n * sizeof *use);
    return hit->val;
  }
  for (size_t j = 0; j < E->rec_stack.len; j++)
    if (E->rec_stack.data[j].d == d &&
        E->rec_stack.data[j].budget == E->rec_budget &&
        rec_same(d, E->rec_stack.data[j].args, args))
      return rec_cut(E, e, (int)j,
                     xsprintf("symbolic engine: '%s' calls itself here with "
                              "the arguments of a call under way, so its "
                              "evaluation would not end; use --engine "
                              "explicit",
                              sym_str(d->name)),
                     use, n);
  /* A recursion over symbolic sets or functions (Grow(R \cup ...)) that
   * no split steers is unfolded MAX_SYM_UNFOLD times, as unfold_enter
   * would; one over constants only, up to MAX_UNFOLD.  One with a
   * symbolic scalar argument (too many cases to split) is unfolded as
   * unfold_enter would too: MAX_SYM_UNFOLD calls of d deep once a
   * symbolic condition lies between the outermost of them and here, else
   * up to MAX_UNFOLD.  That cut depends on the calls from the outermost
   * call of d on, so they are not memoised, but the outermost is. */
  int same = 0, outer = -1, count = 0;
  bool past = !term_is_true(T, E->pc);
  for (size_t j = 0; j < E->rec_stack.len; j++) {
    const struct RecFrame *f = &E->rec_stack.data[j];
    same += f->d == d && f->budget == E->rec_budget;
    if (f->d == d && outer < 0)
      outer = (int)j;
    count += f->d == d;
    past |= outer >= 0 && (int)j > outer && f->sym;
  }
  bool consts = true;
  for (int i = 0; i < n && consts; i++) {
    Value *ignored;
    consts = sv_is_const(args[i], &ignored);
  }
  bool deep = E->depth >= MAX_UNFOLD || stack_nearly_full();
  bool sym_deep = symbolic ? count >= MAX_SYM_UNFOLD && past
                           : same >= MAX_SYM_UNFOLD && !consts;
  if (deep || sym_deep)
    return rec_cut(E, e, !deep && symbolic ? outer : 0,
                   xsprintf("symbolic engine: recursion in '%s' goes deeper "
                            "here than the encoding unfolds it (%d calls, or "
                            "%d past a symbolic condition); use --engine "
                            "explicit",
                            sym_str(d->name), MAX_UNFOLD, MAX_SYM_UNFOLD),
                   use, n);
  for (int i = 0; i < n; i++)
    use[i] = term_false(T);
  TermId saved_pc = E->pc;
  E->pc = term_true(T);
  size_t from = E->errs->len, ufrom = E->uselog.len;
  E->depth++;
  int me = (int)E->rec_stack.len, low = E->rec_low;
  VEC_PUSH(E->rec_stack, ((struct RecFrame){d, args, E->rec_budget,
                                             !term_is_true(T, saved_pc)}));
  E->rec_low = INT_MAX;
  Bind *frames = xcalloc((size_t)n, sizeof *frames);
  SymVal *r = enc(E, d->body, rec_bind(d, args, use, frames));
  E->depth--;
  E->rec_stack.len--;
  bool own = E->rec_low >= me; /* no cut refers to an enclosing call */
  if (!own && E->rec_low < low)
    low = E->rec_low;
  E->rec_low = low;
  E->pc = saved_pc;
  /* The log since ufrom holds reads of this call's parameters only: the
   * body sees no other names. */
  rec_collect_uses(E, ufrom, use, n);
  free(frames);
  merge_errs(E, from);
  if (own) {
    CmEntry ent = {r, E->errs->data + from, E->errs->len - from, use};
    cm_put(E->rec, &key, &ent);
  }
  for (size_t i = from; i < E->errs->len; i++)
    E->errs->data[i].cond = term_mk_and2(T, saved_pc, E->errs->data[i].cond);
  return r;
}

/* The call e of d (rec_memo_ok) by value.  The arguments are encoded here,
 * where the call is; what that records (errors, reads of an enclosing
 * call's parameters) happens in TLC only when the body reads the
 * argument, so it is conditioned on the argument's use condition. */
static SymVal *rec_call(Enc *E, Expr *e, Def *d, Bind *env) {
  int n = d->nparams;
  SymVal **args = xmalloc((size_t)n * sizeof *args);
  size_t *efrom = xmalloc(((size_t)n + 1) * sizeof *efrom);
  size_t *ufrom = xmalloc(((size_t)n + 1) * sizeof *ufrom);
  for (int i = 0; i < n; i++) {
    efrom[i] = E->errs->len;
    ufrom[i] = E->uselog.len;
    args[i] = enc(E, e->args[i], env);
  }
  efrom[n] = E->errs->len;
  ufrom[n] = E->uselog.len;
  size_t nae = efrom[n] - efrom[0];
  WdErr *aerr = xmalloc((nae + 1) * sizeof *aerr);
  if (nae)
    memcpy(aerr, E->errs->data + efrom[0], nae * sizeof *aerr);
  E->errs->len = efrom[0];
  TermId *use = xmalloc((size_t)n * sizeof *use);
  SymVal *r = rec_apply(E, e, d, args, use);
  for (int i = 0; i < n; i++) {
    for (size_t k = efrom[i]; k < efrom[i + 1]; k++) {
      WdErr w = aerr[k - efrom[0]];
      w.cond = term_mk_and2(T, w.cond, use[i]);
      if (!term_is_false(T, w.cond))
        VEC_PUSH(*E->errs, w);
    }
    for (size_t k = ufrom[i]; k < ufrom[i + 1]; k++)
      E->uselog.data[k].cond =
          term_mk_and2(T, E->uselog.data[k].cond, use[i]);
  }
  free(aerr);
  free(use);
  free(efrom);
  free(ufrom);
  free(args);
  return r;
}

SymVal *enc_call_def(Enc *E, Expr *e, Def *d, Bind *env) {
  const Spec *sp = E->spec;
  if (!d->module && d->kind == DEF_OP && d->nparams == 0) {
    Bind *f = enc_let_frame(env, d);
    if (f)
      return bind_value(E, f);
  }
  if (!spec_names_instance_copy(sp, e, d)) { /* as the evaluator does */
    Value *given = spec_def_value(sp, d);
    if (given)
      return sv_from_value(given);
    d = spec_effective_def(sp, d);
  }
  if (d->kind == DEF_OP && d->module) {
    SymVal *r = comm_call(E, e, d, env);
    if (r)
      return r;
  }
  if (rec_memo_ok(E, e, d))
    return rec_call(E, e, d, env);
  bool memo = def_memo_ok(E, d);
  if (memo && E->defs.vals[d->id] && E->defs.gen[d->id] == E->gen &&
      E->defs.cur[d->id] == E->cur)
    return E->defs.vals[d->id];
  size_t nerrs = E->errs ? E->errs->len : 0;
  if (!unfold_enter(E, e, d))
    return sv_any();
  SymVal *r;
  if (d->kind == DEF_FUN) {
    QAcc q = {d->body, false, 0, {0}, {0}, count_names(d->bounds, d->nbounds)};
    expand(E, e, d->bounds, d->nbounds, env, func_elem, &q);
    r = sv_fun(q.cells.data, (uint32_t)q.cells.len);
    VEC_FREE(q.cells);
  } else if (d->kind == DEF_OP) {
    Bind frames[d->nparams > 0 ? d->nparams : 1];
    Bind *cur = bind_params(E, d, e->args, env, frames);
    r = enc(E, d->body, cur);
  } else {
    unsupported(e, "'%s' cannot be encoded", sym_str(d->name));
  }
  unfold_leave(E);
  /* Errors found on the way are conditioned on the current path, so a
   * value whose encoding recorded any is not reused on another path. */
  if (memo && (E->errs ? E->errs->len : 0) == nerrs) {
    E->defs.vals[d->id] = r;
    E->defs.gen[d->id] = E->gen;
    E->defs.cur[d->id] = E->cur;
  }
  return r;
}

SymVal *enc_call_op_param(Enc *E, Expr *e, Bind *b, Bind *env) {
  Expr *op = b->thunk;
  if (op->kind == EX_LAMBDA) {
    Bound *bd = &op->bounds[0];
    Bind frames[bd->nnames > 0 ? bd->nnames : 1];
    Bind *cur = b->tenv;
    for (int i = 0; i < bd->nnames; i++) {
      frames[i] =
          (Bind){.id = bd->names[i].id, .thunk = e->args[i], .tenv = env,
                 .up = cur, .at = E->at};
      cur = &frames[i];
    }
    return enc(E, op->body, cur);
  }
  Expr call = *op;
  call.args = e->args;
  call.nargs = e->nargs;
  call.loc = e->loc;
  if (op->ref.kind == REF_DEF)
    return enc_call_def(E, &call, op->ref.u.def, env);
  if (op->ref.kind == REF_BUILTIN)
    return enc_builtin(E, &call, env);
  if (op->ref.kind == REF_BINDER && op->nargs == 0) {
    /* A parameter passed on (F(op(_,_)) == G(op)): the operator it is
     * bound to, where the argument was given. */
    Bind *up = bind_find(b->tenv, op->ref.u.binder->id);
    if (up && up->thunk && !up->v && ++E->depth <= MAX_UNFOLD) {
      SymVal *r = enc_call_op_param(E, e, up, env);
      E->depth--;
      return r;
    }
  }
  unsupported(e, "this operator argument cannot be encoded");
}

/* Applies the operator argument `op` (a LAMBDA, a definition's name or an
 * operator parameter) to values already encoded, as eval.c's apply_op_arg
 * does, through the same synthetic call (ast_value_call). */
SymVal *apply_op_value(Enc *E, Expr *site, Expr *op, SymVal **vals,
                       int n, Bind *env) {
  if (n > AST_MAX_VALUE_ARGS)
    unsupported(site, "too many arguments for an operator argument");
  Expr argv[AST_MAX_VALUE_ARGS], *args[AST_MAX_VALUE_ARGS], call;
  ast_value_call(site, n, argv, args, &call);
  Bind frames[AST_MAX_VALUE_ARGS];
  Bind *cur = env;
  for (int i = 0; i < n; i++) {
    frames[i] = (Bind){.id = ast_value_arg_id(i), .v = vals[i], .up = cur};
    cur = &frames[i];
  }
  Bind b = {.thunk = op, .tenv = env, .at = E->at};
  return enc_call_op_param(E, &call, &b, cur);
}
