/* bind.c -- bound names: frames, thunks, LET frames and bound expansion.
 *
 * A bound name is a Bind frame on the C stack, linked to its enclosing
 * frames, as in the evaluator.  A frame holds either a value (a quantified
 * element, a recursive call's argument) or a thunk: an operator argument
 * or a LET definition, encoded at its first use (bind_value) and cached
 * outside primes together with the errors and parameter reads its encoding
 * recorded, which every later use replays under its own path condition.
 * expand() enumerates the combinations of the cells of bounds `x \in S, y
 * \in T` in TLC's value order, calling back with the frames bound and the
 * membership condition; quantifiers, set and function constructors and
 * \E in actions are written on it. */
#include "encint.h"

Bind *bind_find(Bind *b, uint32_t id) {
  for (; b; b = b->up)
    if (b->id == id)
      return b;
  return NULL;
}

/* Binds d's parameters to the argument expressions (by name: thunks in
 * env) in frames, which has room for d->nparams; returns the innermost. */
Bind *bind_params(Enc *E, Def *d, Expr **args, Bind *env,
                  Bind *frames) {
  Bind *cur = env;
  for (int i = 0; i < d->nparams; i++) {
    frames[i] = (Bind){.id = d->params[i].id, .thunk = args[i], .tenv = env,
                       .up = cur, .at = E->at};
    cur = &frames[i];
  }
  return cur;
}

static bool same_err(const WdErr *a, const WdErr *b) {
  return a->code == b->code && !memcmp(&a->loc, &b->loc, sizeof a->loc) &&
         (a->msg == b->msg || !strcmp(a->msg, b->msg));
}

/* Merges the errors [from, len) that share a location and message into one
 * (the disjunction of their conditions), so that an error site inside a
 * value used many times (a LET definition in a recursion) stays one entry
 * however often the value is reused. */
typedef VEC(TermId) TermVec;

void merge_errs(Enc *E, size_t from) {
  WdErrVec *v = E->errs;
  size_t out = from;
  /* The conditions of each kept entry are collected and or-ed once: or-ing
   * them one by one re-flattens an ever longer disjunction. */
  VEC(TermVec) conds = {0};
  for (size_t i = from; i < v->len; i++) {
    size_t j = from;
    while (j < out && !same_err(&v->data[j], &v->data[i]))
      j++;
    if (j == out) {
      v->data[out++] = v->data[i];
      VEC_PUSH(conds, ((TermVec){0}));
    }
    VEC_PUSH(conds.data[j - from], v->data[i].cond);
  }
  for (size_t j = from; j < out; j++) {
    TermVec *c = &conds.data[j - from];
    if (c->len > 1)
      v->data[j].cond = term_mk_or(T, c->data, (uint32_t)c->len);
    VEC_FREE(*c);
  }
  VEC_FREE(conds);
  v->len = out;
}

/* The value of a name bound by b: encoded once per frame (outside primes),
 * as TLC evaluates an argument or a LET definition lazily at most once. */
SymVal *bind_value(Enc *E, Bind *b) {
  if (b->v) {
    if (b->use)
      VEC_PUSH(E->uselog, ((UseRec){b->use, E->pc}));
    return b->v;
  }
  if (b->cache && !E->primed &&
      (b->epoch == 0 || b->epoch == E->nxt_epoch)) {
    for (size_t i = 0; i < b->nerrs; i++)
      wd_code(E, b->errs[i].cond, &(Expr){.loc = b->errs[i].loc},
              b->errs[i].msg, b->errs[i].code);
    for (size_t i = 0; i < b->nuses; i++)
      VEC_PUSH(E->uselog, ((UseRec){b->uses[i].key,
                                    term_mk_and2(T, E->pc, b->uses[i].cond)}));
    return b->cache;
  }
  SymVal *saved = E->at; /* `@` is lexical, as in the evaluator */
  TermId saved_pc = E->pc;
  E->at = b->at;
  E->pc = term_true(T);
  size_t from = E->errs ? E->errs->len : 0;
  size_t ufrom = E->uselog.len;
  uint64_t reads = E->nxt_reads;
  SymVal *v = enc(E, b->thunk, b->tenv);
  E->at = saved;
  E->pc = saved_pc;
  if (E->errs)
    merge_errs(E, from);
  size_t to = E->errs ? E->errs->len : 0;
  if (!E->primed) {
    b->cache = v;
    b->epoch = E->nxt_reads == reads ? 0 : E->nxt_epoch;
    b->nerrs = to - from;
    b->errs = xmalloc((b->nerrs + 1) * sizeof *b->errs);
    if (b->nerrs)
      memcpy(b->errs, E->errs->data + from, b->nerrs * sizeof *b->errs);
    b->nuses = E->uselog.len - ufrom;
    b->uses = xmalloc((b->nuses + 1) * sizeof *b->uses);
    if (b->nuses)
      memcpy(b->uses, E->uselog.data + ufrom, b->nuses * sizeof *b->uses);
  }
  for (size_t i = from; i < to; i++)
    E->errs->data[i].cond = term_mk_and2(T, saved_pc, E->errs->data[i].cond);
  for (size_t i = ufrom; i < E->uselog.len; i++)
    E->uselog.data[i].cond = term_mk_and2(T, saved_pc, E->uselog.data[i].cond);
  return v;
}

/* Frames for the parameterless definitions of the LET e (of constant or
 * state level: one that reads primed variables is encoded at each use, its
 * value depending on the partial next state); returns the innermost. */
Bind *let_frames(Enc *E, Expr *e, Bind *env, Bind *frames) {
  Bind *cur = env;
  for (int i = 0; i < e->ndefs; i++) {
    Def *d = e->defs[i];
    frames[i] = (Bind){0};
    if (d->kind != DEF_OP || d->nparams > 0 || d->level > LEVEL_STATE)
      continue;
    frames[i] = (Bind){.id = LET_FRAME, .thunk = d->body, .tenv = env,
                       .up = cur, .at = E->at};
    cur = &frames[i];
  }
  return cur;
}

Bind *enc_let_frame(Bind *env, const Def *d) {
  for (; env; env = env->up)
    if (env->id == LET_FRAME && env->thunk == d->body)
      return env;
  return NULL;
}

/* The order in which TLC visits a set's elements: value order.  Cells with
 * constant keys are sorted by their values (stable, so a key that occurs
 * twice keeps its first cell first); symbolic keys keep cell order, which
 * can only differ from TLC's in which of two errors is met first. */
uint32_t *value_order(const SymVal *s) {
  uint32_t *ord = xmalloc((s->n + 1) * sizeof *ord);
  Value **keys = xcalloc(s->n + 1, sizeof *keys);
  bool all_const = true;
  for (uint32_t i = 0; i < s->n; i++) {
    ord[i] = i;
    if (all_const && !sv_is_const(s->cells[i].key, &keys[i]))
      all_const = false;
  }
  if (all_const) /* insertion sort: sets here are small */
    for (uint32_t i = 1; i < s->n; i++) {
      uint32_t x = ord[i], j = i;
      while (j > 0 && val_cmp(keys[ord[j - 1]], keys[x]) > 0) {
        ord[j] = ord[j - 1];
        j--;
      }
      ord[j] = x;
    }
  free(keys);
  return ord;
}

/* Binds the names of the tuple pattern <<a, b, ...>> of bd to the
 * components of t (frames has room for 16), recording the error for when
 * t, reached where mem holds, is not a tuple of that many elements. */
Bind *bind_tuple(Enc *E, Bound *bd, SymVal *t, TermId mem, Bind *env,
                 Bind *frames) {
  uint32_t n = (uint32_t)bd->nnames;
  if (n > 16)
    unsupported(bd->set, "too many names in a tuple pattern");
  TermId active;
  SymVal *f = t == sv_any() ? NULL : sv_alt(t, SV_FUN, &active);
  TermId shape = term_false(T);
  SvCell pos[16];
  for (uint32_t i = 0; i < n; i++)
    pos[i] = (SvCell){sv_int(term_mk_int_si(T, i + 1)), term_true(T), NULL};
  if (f)
    shape = term_mk_and2(T, active, sv_equal(sv_domain(f), sv_set(pos, n)));
  wd(E, term_mk_and2(T, mem, term_mk_not(T, shape)), bd->set,
     xsprintf("a tuple of %u elements was expected here", n));
  Bind *cur = env;
  for (uint32_t i = 0; i < n; i++) {
    TermId def;
    SymVal *v = f ? sv_apply(f, pos[i].key, &def) : NULL;
    frames[i] = (Bind){.id = bd->names[i].id, .v = v ? v : sv_any(),
                       .up = cur};
    cur = &frames[i];
  }
  return cur;
}

static void expand_rec(Enc *E, Expr *at, Bound *b, int nb, int i, int j,
                       Bind *env, TermId mem, ExpandFn fn, void *arg) {
  if (i == nb) {
    fn(E, env, mem, arg);
    return;
  }
  Bound *bd = &b[i];
  if (!bd->set)
    unsupported(at, "unbounded quantifiers cannot be encoded");
  SymVal *s = enc_need_set(bd->set, enc(E, bd->set, env));
  if (bd->tuple) {
    uint32_t *ord = value_order(s);
    for (uint32_t o = 0; o < s->n; o++) {
      SvCell *c = &s->cells[ord[o]];
      TermId m = term_mk_and2(T, mem, c->mem);
      if (term_is_false(T, m))
        continue;
      Bind frames[16];
      Bind *cur = bind_tuple(E, bd, c->key, m, env, frames);
      expand_rec(E, at, b, nb, i + 1, 0, cur, m, fn, arg);
    }
    free(ord);
    return;
  }
  uint32_t *ord = value_order(s);
  for (uint32_t o = 0; o < s->n; o++) {
    uint32_t k = ord[o];
    TermId m = term_mk_and2(T, mem, s->cells[k].mem);
    if (term_is_false(T, m))
      continue;
    Bind f = {.id = bd->names[j].id, .v = s->cells[k].key, .up = env};
    if (j + 1 < bd->nnames)
      expand_rec(E, at, b, nb, i, j + 1, &f, m, fn, arg);
    else
      expand_rec(E, at, b, nb, i + 1, 0, &f, m, fn, arg);
  }
  free(ord);
}

void expand(Enc *E, Expr *at, Bound *b, int nb, Bind *env, ExpandFn fn,
            void *arg) {
  expand_rec(E, at, b, nb, 0, 0, env, term_true(T), fn, arg);
}

/* The tuple of the names a function constructor binds (its domain key). */
SymVal *bound_key(Bind *env, int nnames) {
  if (nnames == 1)
    return env->v;
  SvCell cells[16];
  Bind *b = env;
  for (int i = nnames - 1; i >= 0; i--, b = b->up)
    cells[i] = (SvCell){sv_int(term_mk_int_si(sv_mgr(), i + 1)),
                        term_true(sv_mgr()), b->v};
  return sv_fun(cells, (uint32_t)nnames);
}

int count_names(Bound *b, int nb) {
  int n = 0;
  for (int i = 0; i < nb; i++)
    n += b[i].nnames;
  return n;
}
