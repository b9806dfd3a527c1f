/* eval.c -- the evaluator: TLA+ expressions on concrete values.
 *
 * Design.  eval() is a recursive walk over the resolved AST with three
 * pieces of context: the states (cur, next, and whether we are inside a
 * prime), the environment of bound names, and the value of `@`.  The
 * environment is a linked list of frames allocated on the C stack by the
 * construct that binds them (quantifiers, set and function constructors,
 * operator calls), so binding costs no heap allocation; frames outlive
 * every use because evaluation is strictly nested.  Operator arguments are
 * thunks (expression + caller environment), evaluated on first use and
 * cached outside primes: TLA+ operators substitute their arguments, so
 * `Op(a) == a'` applied to `x` means `x'`.
 *
 * Sets that are never enumerated -- Seq(S), SUBSET S, [S -> T], [a : S],
 * Nat, Int, STRING -- are tested for membership directly (eval_in) and
 * built only when something needs their elements.
 *
 * The second half enumerates states the way TLC does (enum_*): a
 * conjunction is processed left to right with a continuation of pending
 * conjuncts; `x' = e` assigns an unassigned x', `x' \in S` branches over S,
 * disjunctions and \E branch, anything else is a guard. */
#include "eval.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "builtin.h"
#include "instance.h"
#include "native.h"

#define MAX_DEPTH 20000
#define MAX_ENUM 20000000 /* elements a constructed set may have */

typedef struct Env {
  uint32_t id;
  Value *v;          /* the bound value, or NULL for a thunk */
  Expr *thunk;       /* operator argument (by name) */
  struct Env *tenv;  /* the thunk's environment */
  Value *cache;      /* thunk value outside primes */
  struct Env *up;
  Value *at;         /* the value of `@` where the thunk was made */
  uint64_t epoch;    /* assign_epoch when cache was stored */
} Env;

/* Enumeration gives variables of the state being built (Ctx.target)
 * values one by one and takes them back on backtracking; assign_epoch is
 * bumped at each change and target_reads at each read of that state.  A
 * thunk whose evaluation read it keeps its cached value only in the epoch
 * it was computed in (in Init(v) == \E k \in 0..1 : v = k /\ v < 1, the
 * argument s of v has a new value in every branch); epoch 0 marks a value
 * that holds for the whole enumeration. */
static uint64_t assign_epoch = 1;
static uint64_t target_reads;

static bool cache_valid(const Env *b) {
  return b->cache && (b->epoch == 0 || b->epoch == assign_epoch);
}

typedef struct Ctx {
  const Spec *spec;
  Value **cur;
  Value **next;
  bool primed;
  Value *at;
  int depth;
  int level; /* TLCGet("level") of the current state; 0 if unknown */
  /* Enumeration: which array receives assignments (cur in Init, next in
   * Next). */
  Value **target;
} Ctx;

static Value *eval(Ctx *c, Expr *e, Env *env);

static _Noreturn void eval_vfail(Expr *e, int code, const char *fmt,
                                  va_list ap) {
  char buf[2048];
  vsnprintf(buf, sizeof buf, fmt, ap);
  fail_at(e ? e->loc : (Loc){0}, code, "%s", buf);
}

/* An evaluation error of the spec (exit 75, as TLC). */
static _Noreturn void eval_fail(Expr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static _Noreturn void eval_fail(Expr *e, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  eval_vfail(e, EXIT_EVAL, fmt, ap);
}

/* A construct the evaluator does not implement: a refusal (exit 255), not
 * an evaluation error of the spec. */
static _Noreturn void eval_unsupported(Expr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static _Noreturn void eval_unsupported(Expr *e, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  eval_vfail(e, EXIT_OTHER, fmt, ap);
}

static char *show(const Value *v) {
  char *s = val_to_string(v);
  if (strlen(s) > 300) {
    s[297] = s[298] = s[299] = '.';
    s[300] = 0;
  }
  return s;
}

/* ---- small helpers on values ---- */

static bool get_bool(Expr *e, Value *v, const char *what) {
  if (v->kind != V_BOOL)
    eval_fail(e, "%s should be a Boolean, but is %s", what, show(v));
  return v->u.b;
}

static void get_int(Expr *e, Value *v, mpz_t out, const char *what) {
  if (v->kind != V_INT)
    eval_fail(e, "%s should be an integer, but is %s", what, show(v));
  val_get_mpz(v, out);
}

static Value *int_result(mpz_t z) {
  Value *v = val_int_mpz(z);
  mpz_clear(z);
  return v;
}

/* TLC refuses to compare values of unrelated kinds (a number with a
 * string, say); a model value may be compared with anything. */
static bool comparable(const Value *a, const Value *b) {
  if (a->kind == b->kind || a->kind == V_MODEL || b->kind == V_MODEL)
    return true;
  return val_is_set(a) && val_is_set(b);
}

/* A function whose domain holds something that is not a string (strings
 * are contiguous in the order of keys: the two ends tell). */
static bool has_other_keys(const Value *v) {
  return v->kind == V_FUN && v->u.fun.n > 0 && !val_is_record(v);
}

static bool values_equal(Expr *e, Value *a, Value *b) {
  if (a == b)
    return true;
  if (!comparable(a, b))
    eval_fail(e, "attempted to compare %s with %s", show(a), show(b));
  /* TLC cannot turn a tuple or a function over numbers into a record (or
   * back) to compare them: "Attempted to check equality of record". */
  if ((val_is_record(a) && has_other_keys(b)) ||
      (val_is_record(b) && has_other_keys(a)))
    eval_fail(e, "attempted to check equality of record %s with non-record "
                 "%s",
              show(val_is_record(a) ? a : b), show(val_is_record(a) ? b : a));
  if (val_is_set(a) && val_is_set(b) && a->kind != b->kind) {
    mpz_t na, nb;
    mpz_inits(na, nb, NULL);
    bool fa = val_set_card(a, na), fb = val_set_card(b, nb);
    bool eq = fa && fb && mpz_cmp(na, nb) == 0 &&
              (a->kind == V_SET ? val_set_subseteq(a, b)
                                : val_set_subseteq(b, a));
    mpz_clears(na, nb, NULL);
    if (!fa || !fb)
      eval_fail(e, "cannot compare the infinite set %s", show(fa ? b : a));
    return eq;
  }
  return false;
}

/* Elements of a set value, for enumeration. */
static Value *enum_set(Expr *e, Value *s) {
  if (s->kind == V_SET)
    return s;
  if (!val_is_set(s))
    eval_fail(e, "expected a set, but got %s", show(s));
  Value *x = val_set_enum(s);
  if (!x && s->kind == V_INFSET)
    eval_fail(e, "cannot enumerate the infinite set %s", show(s));
  if (!x)
    eval_unsupported(e, "cannot enumerate the very large set %s (more "
                        "elements than brink enumerates)",
                     show(s));
  return x;
}

static Value *mk_seq(Value **vals, size_t n) { return val_tuple(vals, n); }

static Value *need_seq(Expr *e, Value *v, const char *op) {
  if (v->kind != V_FUN || !val_is_seq(v))
    eval_fail(e, "the argument of %s should be a sequence, but is %s", op,
              show(v));
  return v;
}

/* ---- environments ---- */

static Env *env_find(Env *env, uint32_t id) {
  for (; env; env = env->up)
    if (env->id == id)
      return env;
  return NULL;
}

static Value *env_value(Ctx *c, Env *b) {
  if (b->v)
    return b->v;
  if (cache_valid(b) && !c->primed)
    return b->cache;
  /* `@` is lexical: an argument means the `@` of where it was written. */
  Value *saved = c->at;
  uint64_t reads = target_reads;
  c->at = b->at;
  Value *v = eval(c, b->thunk, b->tenv);
  c->at = saved;
  if (!c->primed) {
    b->cache = v;
    b->epoch = target_reads == reads ? 0 : assign_epoch;
  }
  return v;
}

/* ---- bound-variable iteration ---- */

/* Calls body for every assignment of the bounds; body returns false to
 * stop early.  The frames live on this function's stack. */
typedef bool (*BindFn)(Ctx *c, Env *env, void *arg);

static bool bind_rec(Ctx *c, Expr *at, Bound *b, int nb, int i, int j,
                     Env *env, BindFn fn, void *arg);

/* Candidate values for names bound by \E over sets the evaluator cannot
 * enumerate (eval_set_witnesses). */
typedef struct Witnesses {
  uint32_t id;
  Value **vals;
  size_t n;
} Witnesses;
static struct {
  Witnesses *w;
  size_t n;
} witnesses;

void eval_set_witnesses(const uint32_t *ids, Value *const *vals, size_t n) {
  for (size_t i = 0; i < witnesses.n; i++)
    free(witnesses.w[i].vals);
  free(witnesses.w);
  witnesses.w = NULL;
  witnesses.n = 0;
  for (size_t i = 0; i < n; i++) {
    size_t k = 0;
    while (k < witnesses.n && witnesses.w[k].id != ids[i])
      k++;
    if (k == witnesses.n) {
      witnesses.w = xrealloc(witnesses.w, (k + 1) * sizeof *witnesses.w);
      witnesses.w[k] = (Witnesses){ids[i], NULL, 0};
      witnesses.n++;
    }
    Witnesses *w = &witnesses.w[k];
    bool dup = false;
    for (size_t m = 0; m < w->n && !dup; m++)
      dup = val_eq(w->vals[m], vals[i]);
    if (dup)
      continue;
    w->vals = xrealloc(w->vals, (w->n + 1) * sizeof *w->vals);
    w->vals[w->n++] = vals[i];
  }
}

static bool eval_in(Ctx *c, Expr *e, Value *x, Expr *set, Env *env);

static const Witnesses *witnesses_for(uint32_t id) {
  for (size_t i = 0; i < witnesses.n; i++)
    if (witnesses.w[i].id == id)
      return &witnesses.w[i];
  return NULL;
}

static bool bind_names(Ctx *c, Expr *at, Bound *b, int nb, int i, Env *env,
                       BindFn fn, void *arg) {
  if (i == nb)
    return fn(c, env, arg);
  return bind_rec(c, at, b, nb, i, 0, env, fn, arg);
}

static bool bind_rec(Ctx *c, Expr *at, Bound *b, int nb, int i, int j,
                     Env *env, BindFn fn, void *arg) {
  Bound *bd = &b[i];
  if (!bd->set)
    eval_fail(at, "an unbounded quantifier cannot be evaluated; write "
                  "\\E x \\in S instead");
  if (bd->tuple) {
    Value *s = enum_set(bd->set, eval(c, bd->set, env));
    for (uint32_t k = 0; k < s->u.set.n; k++) {
      Value *t = s->u.set.elems[k];
      if (t->kind != V_FUN || !val_is_seq(t) || t->u.fun.n != (uint32_t)bd->nnames)
        eval_fail(bd->set, "a tuple of %d elements was expected, but got %s",
                  bd->nnames, show(t));
      Env frames[16];
      if (bd->nnames > 16)
        eval_fail(at, "too many names in a tuple pattern");
      Env *cur = env;
      for (int n = 0; n < bd->nnames; n++) {
        frames[n] = (Env){bd->names[n].id, t->u.fun.vals[n], NULL, NULL, NULL, cur, NULL, 0};
        cur = &frames[n];
      }
      if (!bind_names(c, at, b, nb, i + 1, cur, fn, arg))
        return false;
    }
    return true;
  }
  /* Each name of `x, y \in S` ranges over S independently.  The set is
   * evaluated in the environment outside the names. */
  const Witnesses *w = witnesses_for(bd->names[j].id);
  if (w) {
    /* Replay of a symbolic trace: the solver's choices for this name
     * that are members of S come first, so that S need not be enumerated
     * (it may be infinite) when one of them settles the quantifier. */
    for (size_t k = 0; k < w->n; k++) {
      if (!eval_in(c, bd->set, w->vals[k], bd->set, env))
        continue;
      Env f = {bd->names[j].id, w->vals[k], NULL, NULL, NULL, env, NULL, 0};
      bool go = j + 1 < bd->nnames
                    ? bind_rec(c, at, b, nb, i, j + 1, &f, fn, arg)
                    : bind_names(c, at, b, nb, i + 1, &f, fn, arg);
      if (!go)
        return false;
    }
  }
  Value *s = eval(c, bd->set, env);
  if (s->kind == V_INTERVAL) {
    mpz_t z;
    mpz_init_set(z, s->z);
    bool go = true;
    for (; go && mpz_cmp(z, s->z2) <= 0; mpz_add_ui(z, z, 1)) {
      Env f = {bd->names[j].id, val_int_mpz(z), NULL, NULL, NULL, env, NULL, 0};
      go = j + 1 < bd->nnames ? bind_rec(c, at, b, nb, i, j + 1, &f, fn, arg)
                              : bind_names(c, at, b, nb, i + 1, &f, fn, arg);
    }
    mpz_clear(z);
    return go;
  }
  s = enum_set(bd->set, s);
  for (uint32_t k = 0; k < s->u.set.n; k++) {
    Env f = {bd->names[j].id, s->u.set.elems[k], NULL, NULL, NULL, env, NULL, 0};
    bool go = j + 1 < bd->nnames
                  ? bind_rec(c, at, b, nb, i, j + 1, &f, fn, arg)
                  : bind_names(c, at, b, nb, i + 1, &f, fn, arg);
    if (!go)
      return false;
  }
  return true;
}

/* ---- quantifiers and constructors ---- */

typedef struct QArg {
  Expr *body;
  bool result;
  bool want; /* stop when the body evaluates to this */
  VEC(Value *) acc;
  Value *found;
  Bound *bound; /* set filter over a tuple pattern */
} QArg;

static bool q_body(Ctx *c, Env *env, void *p) {
  QArg *q = p;
  bool b = get_bool(q->body, eval(c, q->body, env), "the body of a quantifier");
  if (b == q->want) {
    q->result = q->want;
    return false;
  }
  return true;
}

static bool map_body(Ctx *c, Env *env, void *p) {
  QArg *q = p;
  VEC_PUSH(q->acc, eval(c, q->body, env));
  if (q->acc.len > MAX_ENUM)
    eval_unsupported(q->body, "a set of more than %d elements would be built "
                              "(brink's limit on a constructed value)",
                     MAX_ENUM);
  return true;
}

static Value *bounds_key(Bound *b, int nb, Env *env);

static bool filter_body(Ctx *c, Env *env, void *p) {
  QArg *q = p;
  if (get_bool(q->body, eval(c, q->body, env), "the condition of a set filter"))
    VEC_PUSH(q->acc, q->bound ? bounds_key(q->bound, 1, env) : env->v);
  return true;
}

typedef struct FunArg {
  Expr *body;
  Bound *bounds;
  int nbounds;
  VEC(Value *) keys;
  VEC(Value *) vals;
} FunArg;

/* The domain key a function constructor's bounds denote in env: one name
 * gives its value, a tuple pattern the tuple, several names or bounds the
 * tuple of those parts. */
static Value *bounds_key(Bound *b, int nb, Env *env) {
  int total = 0;
  for (int i = 0; i < nb; i++)
    total += b[i].nnames;
  Value *flat[64];
  if (total > 64)
    return NULL;
  Env *e = env;
  for (int i = total - 1; i >= 0; i--, e = e->up)
    flat[i] = e->v;
  Value *parts[64];
  int np = 0, k = 0;
  for (int i = 0; i < nb; i++) {
    if (b[i].tuple) {
      parts[np++] = mk_seq(flat + k, (size_t)b[i].nnames);
      k += b[i].nnames;
    } else {
      for (int j = 0; j < b[i].nnames; j++)
        parts[np++] = flat[k++];
    }
  }
  return np == 1 ? parts[0] : mk_seq(parts, (size_t)np);
}

static bool fun_body(Ctx *c, Env *env, void *p) {
  FunArg *f = p;
  Value *key = bounds_key(f->bounds, f->nbounds, env);
  if (!key)
    eval_fail(f->body, "too many bound names");
  VEC_PUSH(f->keys, key);
  VEC_PUSH(f->vals, eval(c, f->body, env));
  if (f->keys.len > MAX_ENUM)
    eval_unsupported(f->body, "a function of more than %d arguments would be "
                              "built (brink's limit on a constructed value)",
                     MAX_ENUM);
  return true;
}

static Value *make_fun(Expr *at, FunArg *f) {
  Value *v = val_fun(f->keys.data, f->vals.data, f->keys.len);
  VEC_FREE(f->keys);
  VEC_FREE(f->vals);
  if (!v)
    eval_fail(at, "internal error: a function constructor produced the same "
                  "argument twice");
  return v;
}

/* The domain key of a function constructed over bounds that bind a
 * tuple pattern is that tuple; a flat list of names gives a tuple key. */
static Value *eval_func(Ctx *c, Expr *e, Env *env) {
  FunArg f = {e->body, e->bounds, e->nbounds, {0}, {0}};
  bind_names(c, e, e->bounds, e->nbounds, 0, env, fun_body, &f);
  return make_fun(e, &f);
}

/* [S -> T] as an explicit set of functions. */
static Value *fun_set(Expr *e, Value *dom, Value *cod) {
  dom = enum_set(e, dom);
  cod = enum_set(e, cod);
  size_t n = dom->u.set.n, m = cod->u.set.n;
  double total = 1;
  for (size_t i = 0; i < n; i++)
    total *= (double)m;
  if (total > MAX_ENUM)
    eval_unsupported(e, "[S -> T] has %.0f elements: more than brink "
                        "enumerates (%d)",
                     total, MAX_ENUM);
  VEC(Value *) out = {0};
  size_t *idx = xcalloc(n + 1, sizeof *idx);
  Value **vals = xmalloc((n + 1) * sizeof *vals);
  if (m > 0 || n == 0) {
    for (;;) {
      for (size_t i = 0; i < n; i++)
        vals[i] = cod->u.set.elems[idx[i]];
      VEC_PUSH(out, val_fun(dom->u.set.elems, vals, n));
      size_t i = 0;
      while (i < n && ++idx[i] == m)
        idx[i++] = 0;
      if (i == n)
        break;
    }
  }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(idx);
  free(vals);
  return r;
}

static Value *subset_set(Expr *e, Value *s) {
  s = enum_set(e, s);
  size_t n = s->u.set.n;
  if (n > 20)
    eval_fail(e, "SUBSET of a set of %zu elements is too large to enumerate",
              n);
  VEC(Value *) out = {0};
  Value **buf = xmalloc((n + 1) * sizeof *buf);
  for (uint64_t mask = 0; mask < (1ull << n); mask++) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
      if (mask & (1ull << i))
        buf[k++] = s->u.set.elems[i];
    VEC_PUSH(out, val_set(buf, k));
  }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(buf);
  return r;
}

static Value *record_set(Ctx *c, Expr *e, Env *env) {
  int n = e->nargs;
  Value **sets = xmalloc((size_t)n * sizeof *sets);
  double total = 1;
  for (int i = 0; i < n; i++) {
    sets[i] = enum_set(e->args[i], eval(c, e->args[i], env));
    total *= sets[i]->u.set.n;
  }
  if (total > MAX_ENUM)
    eval_unsupported(e, "the record set has %.0f elements: more than brink "
                        "enumerates (%d)",
                     total, MAX_ENUM);
  VEC(Value *) out = {0};
  size_t *idx = xcalloc((size_t)n, sizeof *idx);
  Value **vals = xmalloc((size_t)n * sizeof *vals);
  if (total > 0)
    for (;;) {
      for (int i = 0; i < n; i++)
        vals[i] = sets[i]->u.set.elems[idx[i]];
      Value *r = val_record(e->fields, vals, (size_t)n);
      if (!r)
        eval_fail(e, "a field name occurs twice in this record set");
      VEC_PUSH(out, r);
      int i = 0;
      while (i < n && ++idx[i] == sets[i]->u.set.n)
        idx[i++] = 0;
      if (i == n)
        break;
    }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(idx);
  free(vals);
  free(sets);
  return r;
}

static Value *cross_product(Expr *e, Value **sets, int n) {
  double total = 1;
  for (int i = 0; i < n; i++) {
    sets[i] = enum_set(e, sets[i]);
    total *= sets[i]->u.set.n;
  }
  if (total > MAX_ENUM)
    eval_unsupported(e, "the product has %.0f elements: more than brink "
                        "enumerates (%d)",
                     total, MAX_ENUM);
  VEC(Value *) out = {0};
  size_t *idx = xcalloc((size_t)n, sizeof *idx);
  Value **vals = xmalloc((size_t)n * sizeof *vals);
  if (total > 0)
    for (;;) {
      for (int i = 0; i < n; i++)
        vals[i] = sets[i]->u.set.elems[idx[i]];
      VEC_PUSH(out, mk_seq(vals, (size_t)n));
      int i = n - 1;
      while (i >= 0 && ++idx[i] == sets[i]->u.set.n)
        idx[i--] = 0;
      if (i < 0)
        break;
    }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(idx);
  free(vals);
  return r;
}

/* ---- membership, with lazily described sets ---- */

static bool eval_in(Ctx *c, Expr *e, Value *x, Expr *set, Env *env);

static bool in_value(Expr *e, Value *x, Value *s) {
  if (!val_is_set(s))
    eval_fail(e, "the right side of \\in should be a set, but is %s", show(s));
  /* TLC cannot decide `"a" \in Nat` or `1 \in STRING`: an error (exit 75),
   * as TLC_MODULE_CHECK_MEMBER_OF; an untyped model value is in none. */
  if (s->kind == V_INFSET && x->kind != V_MODEL &&
      x->kind != (s->u.inf == INF_STRING ? V_STR : V_INT))
    eval_fail(e, "attempted to check if the value %s is an element of %s",
              show(x), s->u.inf == INF_NAT   ? "Nat"
                       : s->u.inf == INF_INT ? "Int"
                                             : "STRING");
  return val_set_mem(s, x);
}

/* Binds d's parameters to the argument expressions (by name, in env) in
 * frames, which has room for d->nparams; returns the innermost frame.
 * The frames extend the caller's chain: a LET definition passed as an
 * operator argument and applied inside the callee finds the names bound
 * around its LET there. */
static Env *param_frames(Ctx *c, Def *d, Expr **args, Env *env,
                         Env *frames) {
  Env *cur = env;
  for (int i = 0; i < d->nparams; i++) {
    frames[i] = (Env){d->params[i].id, NULL, args[i], env, NULL, cur, c->at, 0};
    cur = &frames[i];
  }
  return cur;
}

/* Is membership in this set expression decided without building the set
 * (which may be infinite: {p \in Seq(S) : ...}, [a : Nat])? */
static bool lazy_set_form(Expr *set) {
  switch (set->kind) {
  case EX_SET_FILTER:
  case EX_FUNSET:
  case EX_RECSET:
    return true;
  case EX_OP:
    if (set->ref.kind == REF_DEF)
      return set->ref.u.def->kind == DEF_OP;
    if (set->ref.kind != REF_BUILTIN)
      return false;
    switch (set->ref.u.builtin) {
    case B_SEQ:
    case B_SUBSET:
    case B_UNION:
    case B_SETMINUS:
    case B_CUP:
    case B_CAP:
    case B_TIMES:
      return true;
    default:
      return false;
    }
  default:
    return false;
  }
}

static bool eval_in(Ctx *c, Expr *e, Value *x, Expr *set, Env *env) {
  /* x \in Op(a): membership in Op's body, with its parameters bound, when
   * that body is a set described lazily. */
  if (set->kind == EX_OP && set->ref.kind == REF_DEF && c->spec &&
      !spec_def_value(c->spec, set->ref.u.def)) {
    Def *d = spec_effective_def(c->spec, set->ref.u.def);
    bool cached = d->id < c->spec->ndefs && c->spec->def_cache[d->id];
    if (d->kind == DEF_OP && !cached && d->nparams == set->nargs &&
        lazy_set_form(d->body) && c->depth < MAX_DEPTH &&
        !stack_nearly_full()) {
      c->depth++;
      Env frames[d->nparams > 0 ? d->nparams : 1];
      bool r = eval_in(c, e, x, d->body,
                       param_frames(c, d, set->args, env, frames));
      c->depth--;
      return r;
    }
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN) {
    switch (set->ref.u.builtin) {
    case B_SEQ: {
      if (x->kind != V_FUN || !val_is_seq(x))
        return false;
      for (uint32_t i = 0; i < x->u.fun.n; i++)
        if (!eval_in(c, e, x->u.fun.vals[i], set->args[0], env))
          return false;
      return true;
    }
    case B_SUBSET: {
      if (x->kind != V_SET)
        return false;
      for (uint32_t i = 0; i < x->u.set.n; i++)
        if (!eval_in(c, e, x->u.set.elems[i], set->args[0], env))
          return false;
      return true;
    }
    /* Set operators on sets that may be infinite (Nat \ {0}). */
    case B_SETMINUS:
      return eval_in(c, e, x, set->args[0], env) &&
             !eval_in(c, e, x, set->args[1], env);
    case B_CUP:
      return eval_in(c, e, x, set->args[0], env) ||
             eval_in(c, e, x, set->args[1], env);
    case B_CAP:
      return eval_in(c, e, x, set->args[0], env) &&
             eval_in(c, e, x, set->args[1], env);
    case B_TIMES:
      /* <<a, b>> \in S \X T, also for infinite S and T. */
      if (x->kind != V_FUN || !val_is_seq(x) ||
          x->u.fun.n != (uint32_t)set->nargs)
        return false;
      for (int i = 0; i < set->nargs; i++)
        if (!eval_in(c, e, x->u.fun.vals[i], set->args[i], env))
          return false;
      return true;
    case B_UNION:
      /* x \in UNION {A, B}: membership in each, which may be infinite. */
      if (set->args[0]->kind == EX_SET_ENUM) {
        Expr *en = set->args[0];
        for (int i = 0; i < en->nargs; i++)
          if (eval_in(c, e, x, en->args[i], env))
            return true;
        return false;
      }
      break;
    default:
      break;
    }
  }
  if (set->kind == EX_SET_FILTER && !set->bounds[0].tuple &&
      set->bounds[0].nnames == 1) {
    /* x \in {y \in S : P}  is  x \in S /\ P(x), also for infinite S. */
    if (!eval_in(c, e, x, set->bounds[0].set, env))
      return false;
    Env f = {set->bounds[0].names[0].id, x, NULL, NULL, NULL, env, NULL, 0};
    return get_bool(set->body, eval(c, set->body, &f),
                    "the condition of a set filter");
  }
  if (set->kind == EX_FUNSET) {
    if (x->kind != V_FUN)
      return false;
    Value *dom = eval(c, set->args[0], env);
    if (!values_equal(set, val_fun_domain(x), dom))
      return false;
    for (uint32_t i = 0; i < x->u.fun.n; i++)
      if (!eval_in(c, e, x->u.fun.vals[i], set->args[1], env))
        return false;
    return true;
  }
  if (set->kind == EX_RECSET) {
    if (x->kind != V_FUN || x->u.fun.n != (uint32_t)set->nargs)
      return false;
    for (int i = 0; i < set->nargs; i++) {
      Value *fv = val_fun_apply(x, val_str(set->fields[i]));
      if (!fv || !eval_in(c, e, fv, set->args[i], env))
        return false;
    }
    return true;
  }
  return in_value(e, x, eval(c, set, env));
}

/* Does eval_in decide membership in `set` other than by evaluating it to
 * a value (so that it needs the element itself)?  Mirrors eval_in. */
static bool in_needs_element(Ctx *c, Expr *set) {
  switch (set->kind) {
  case EX_SET_FILTER:
  case EX_FUNSET:
  case EX_RECSET:
    return true;
  case EX_OP:
    if (set->ref.kind == REF_DEF) {
      if (!c->spec || spec_def_value(c->spec, set->ref.u.def))
        return false;
      Def *d = spec_effective_def(c->spec, set->ref.u.def);
      return d->kind == DEF_OP && lazy_set_form(d->body);
    }
    return set->ref.kind == REF_BUILTIN && lazy_set_form(set);
  default:
    return false;
  }
}

/* <<a, b, ...>> \in S.  The test <<v, c>> \in Edges(dag) is common in
 * inner loops: when S is a finite set, the tuple is looked for without
 * being made. */
static bool tuple_in(Ctx *c, Expr *e, Expr *tup, Expr *set, Env *env) {
  int n = tup->nargs;
  Value *buf[n > 0 ? n : 1];
  for (int i = 0; i < n; i++)
    buf[i] = eval(c, tup->args[i], env);
  if (in_needs_element(c, set))
    return eval_in(c, e, mk_seq(buf, (size_t)n), set, env);
  Value *s = eval(c, set, env);
  if (s->kind == V_SET)
    return val_set_has_tuple(s, buf, (size_t)n);
  return in_value(e, mk_seq(buf, (size_t)n), s);
}

/* ---- function application and EXCEPT ---- */

static Value *apply(Expr *e, Value *f, Value *arg) {
  if (f->kind != V_FUN)
    eval_fail(e, "attempted to apply %s, which is not a function, to %s",
              show(f), show(arg));
  Value *r = val_fun_apply(f, arg);
  if (!r)
    eval_fail(e,
              "attempted to apply the function %s to the argument %s, which "
              "is not in its domain",
              show(f), show(arg));
  return r;
}

static Value *fapp_arg(Ctx *c, Expr **args, int n, Env *env) {
  if (n == 1)
    return eval(c, args[0], env);
  Value *parts[16];
  if (n > 16)
    eval_fail(args[0], "too many arguments");
  for (int i = 0; i < n; i++)
    parts[i] = eval(c, args[i], env);
  return mk_seq(parts, (size_t)n);
}

static Value *except_path(Ctx *c, Expr *e, Value *f, ExceptUpdate *u, int i,
                          Env *env) {
  if (i == u->npath) {
    Value *saved = c->at;
    c->at = f;
    Value *v = eval(c, u->value, env);
    c->at = saved;
    return v;
  }
  ExceptStep *st = &u->path[i];
  Value *key = st->is_field ? val_str(st->field)
                            : fapp_arg(c, st->args, st->nargs, env);
  if (f->kind == V_FUN && !val_fun_apply(f, key) &&
      (f->u.fun.n == 0 || comparable(key, f->u.fun.keys[0]))) {
    /* [f EXCEPT ![k] = v] with k outside DOMAIN f is f (the definition is
     * [x \in DOMAIN f |-> IF x = k THEN v ELSE f[x]]); TLC warns and goes
     * on, and so do we, once per run.  A key of another kind than the
     * domain's is an error, as in TLC. */
    static bool warned;
    if (!warned) {
      warned = true;
      char *k = show(key);
      diag_warning(e->loc,
                   "EXCEPT updates %s, which is not in the domain of the "
                   "function; the function is left unchanged there",
                   k);
      free(k);
    }
    return f;
  }
  Value *old = apply(e, f, key);
  return val_fun_update(f, key, except_path(c, e, old, u, i + 1, env));
}

/* ---- operator application ---- */

static Value *call_def(Ctx *c, Expr *e, Def *d, Env *env);
static Value *eval_builtin(Ctx *c, Expr *e, Env *env);

/* TLCGet("level") reads so far: a constant-level function definition whose
 * value read the level depends on the state after all, and is not cached. */
static uint64_t level_reads;

/* ---- definitions evaluated once, or memoised by the variables they read
 *
 * A module-level definition without parameters of constant level has one
 * value in a run (for given constants), and is evaluated once, as TLC does.
 * One whose level is state is a
 * function of the variables it mentions (through the definitions it uses):
 * the same values give the same value, whichever state they were read from,
 * primed or not.  The search evaluates such definitions again and again with
 * equal values -- every disjunct of Next reading the same helper, a primed
 * predicate evaluated once per candidate successor -- so their values are
 * kept in a table keyed by the definition and the (hash-consed, hence
 * pointer-comparable) values of the variables it reads.  The table has a
 * fixed size and a new entry replaces an old one, so its memory stays
 * bounded.  A definition whose value is not a function of the state, or
 * whose evaluation has an effect, is evaluated every time (TLC gives these
 * operators state level for the same reason): one that mentions
 * TLCGet, TLCSet, Print, PrintT, RandomElement, Any, JavaTime, ENABLED, a
 * prime, an instance, or an operator of the I/O or random modules. */

enum { READS_UNKNOWN, READS_PURE, READS_IMPURE, READS_BUSY };

typedef struct DefReads {
  uint8_t status;  /* READS_* */
  uint32_t n;      /* variables read */
  uint32_t *vars;  /* their indexes in the state */
} DefReads;

static VEC(DefReads) def_reads; /* by Def.id */

/* One computation of a definition's reads.  A definition it uses that is
 * not recursive has its own reads computed once (def_reads_of, recursing)
 * and merged, so a chain D_i == D_{i-1} + 1 costs linear time; recursive
 * definitions, and one met again while its reads are being computed, are
 * walked in place, `seen` (shared by all computations, marked with each
 * computation's generation) cutting the cycles. */
typedef struct ReadWalk {
  const Spec *sp;
  uint32_t gen;
  bool pure;
  VEC(uint32_t) vars;
} ReadWalk;

static VEC(uint32_t) reads_seen; /* Def.id -> generation when visited */
static uint32_t reads_gen;

static void walk_reads(ReadWalk *w, Expr *e);
static const DefReads *def_reads_of(const Spec *sp, Def *d);

static void add_read(ReadWalk *w, uint32_t ix) {
  for (size_t i = 0; i < w->vars.len; i++)
    if (w->vars.data[i] == ix)
      return;
  VEC_PUSH(w->vars, ix);
}

static bool impure_module(const Def *d) {
  const Def *o = d->origin ? d->origin : d;
  if (!o->module || !o->module->builtin)
    return false;
  static const char *const mods[] = {"IOUtils", "CSV", "Json",
                                     "Randomization", "TLCExt"};
  const char *m = sym_str(o->module->name);
  for (size_t i = 0; i < sizeof mods / sizeof *mods; i++)
    if (strcmp(m, mods[i]) == 0)
      return true;
  return false;
}

static void walk_def_reads(ReadWalk *w, Def *d) {
  if (!w->pure)
    return;
  while (reads_seen.len <= d->id)
    VEC_PUSH(reads_seen, 0);
  if (reads_seen.data[d->id] == w->gen)
    return;
  reads_seen.data[d->id] = w->gen;
  if (d->kind == DEF_INSTANCE || impure_module(d)) {
    w->pure = false;
    return;
  }
  bool busy = d->id < def_reads.len && def_reads.data[d->id].status == READS_BUSY;
  if (!d->recursive && !busy) {
    const DefReads *r = def_reads_of(w->sp, d);
    if (!r) {
      w->pure = false;
      return;
    }
    for (uint32_t i = 0; i < r->n; i++)
      add_read(w, r->vars[i]);
    return;
  }
  for (int i = 0; i < d->nbounds; i++)
    walk_reads(w, d->bounds[i].set);
  walk_reads(w, d->body);
}

static bool walk_child_reads(Expr *e, void *w) {
  walk_reads(w, e);
  return ((ReadWalk *)w)->pure;
}

static void walk_reads(ReadWalk *w, Expr *e) {
  if (!e || !w->pure)
    return;
  if (e->kind == EX_OP) {
    if (e->npath > 0) {
      w->pure = false;
      return;
    }
    switch (e->ref.kind) {
    case REF_VAR:
      add_read(w, (uint32_t)((Decl *)e->ref.u.decl)->index);
      break;
    case REF_BUILTIN:
      switch (e->ref.u.builtin) {
      case B_TLCGET: case B_TLCSET: case B_PRINT: case B_PRINTT:
      case B_RANDOMELEMENT: case B_ANY: case B_JAVATIME: case B_ENABLED:
      case B_PRIME: case B_UNCHANGED:
        w->pure = false;
        return;
      default:
        break;
      }
      break;
    case REF_DEF: {
      Def *d = spec_applied_def(w->sp, e);
      if (d)
        walk_def_reads(w, d);
      else if (!spec_def_value(w->sp, e->ref.u.def))
        walk_def_reads(w, e->ref.u.def);
      break;
    }
    default:
      break;
    }
  }
  ast_each_child(e, walk_child_reads, w);
}

/* The variables definition d reads (through the definitions it uses), or
 * NULL when its value is not a function of them and of its arguments. */
static const DefReads *def_reads_of(const Spec *sp, Def *d) {
  /* Definition ids are per program (programs are never freed). */
  static const Program *owner;
  if (owner != sp->prog) {
    for (size_t i = 0; i < def_reads.len; i++)
      free(def_reads.data[i].vars);
    def_reads.len = 0;
    owner = sp->prog;
  }
  while (def_reads.len <= d->id)
    VEC_PUSH(def_reads, (DefReads){0});
  if (def_reads.data[d->id].status == READS_UNKNOWN) {
    def_reads.data[d->id].status = READS_BUSY;
    ReadWalk w = {sp, ++reads_gen, true, {0}};
    /* d itself is walked in place (it is busy); its uses recurse. */
    walk_def_reads(&w, d);
    DefReads *r = &def_reads.data[d->id]; /* the table may have moved */
    r->status = w.pure ? READS_PURE : READS_IMPURE;
    r->n = (uint32_t)w.vars.len;
    r->vars = w.vars.data; /* taken over */
  }
  DefReads *r = &def_reads.data[d->id];
  return r->status == READS_PURE ? r : NULL;
}

bool eval_def_pure(const Spec *sp, Def *d) {
  return def_reads_of(sp, d) != NULL;
}

/* The variables a module-level definition without parameters of constant
 * or state level reads, or NULL when it is not evaluated once or
 * memoised. */
static const DefReads *reads_of(const Spec *sp, Def *d) {
  if (!d->module || d->kind != DEF_OP || d->nparams != 0 ||
      d->level > LEVEL_STATE)
    return NULL;
  return def_reads_of(sp, d);
}

#define STATE_MEMO_SIZE 4096 /* entries; a power of 2 */

typedef struct StateMemo {
  const Spec *sp;
  const Def *d;
  uint32_t n;
  Value **key; /* the values read, n of them (capacity cap) */
  uint32_t cap;
  Value *v;
} StateMemo;

static StateMemo state_memo[STATE_MEMO_SIZE];

/* Fills key with the values d reads in the state c reads from; false when
 * one of them has no value yet (a primed variable not yet assigned). */
static bool memo_key(Ctx *c, const DefReads *r, Value **key, uint64_t *h) {
  Value **st = c->primed ? c->next : c->cur;
  if (!st)
    return false;
  if (st == c->target)
    target_reads++;
  for (uint32_t i = 0; i < r->n; i++) {
    key[i] = st[r->vars[i]];
    if (!key[i])
      return false;
    *h = (*h ^ val_hash(key[i])) * 0x100000001b3ull;
  }
  return true;
}

static StateMemo *memo_slot(const Spec *sp, const Def *d, Value **key,
                            uint32_t n, uint64_t h, bool *hit) {
  StateMemo *m = &state_memo[(h ^ (h >> 29)) & (STATE_MEMO_SIZE - 1)];
  *hit = m->v && m->sp == sp && m->d == d && m->n == n &&
         memcmp(m->key, key, n * sizeof *key) == 0;
  return m;
}

void eval_forget_state_memo(void) {
  for (size_t i = 0; i < STATE_MEMO_SIZE; i++)
    state_memo[i].v = NULL;
}

static void memo_store(StateMemo *m, const Spec *sp, const Def *d,
                       Value **key, uint32_t n, Value *v) {
  if (m->cap < n) {
    m->key = xrealloc(m->key, n * sizeof *m->key);
    m->cap = n;
  }
  memcpy(m->key, key, n * sizeof *key);
  m->sp = sp;
  m->d = d;
  m->n = n;
  m->v = v;
}

/* LET definitions without parameters are evaluated at most once per
 * evaluation of their LET, as TLC binds them to lazy values: the LET
 * pushes a thunk frame marked LET_FRAME for each (eval_node), and a use
 * of the definition finds it by the definition's body. */
#define LET_FRAME (UINT32_MAX - 64)

static Env *let_frame(Env *env, const Def *d) {
  for (; env; env = env->up)
    if (env->id == LET_FRAME && env->thunk == d->body)
      return env;
  return NULL;
}

/* ---- native implementations (native.h) ---- */

static Value *apply_op_arg(Ctx *c, Expr *site, Expr *op, Value **vals, int n,
                           Env *env);

struct NativeCall {
  Ctx *c;
  Expr *e;
  Env *env;
};

static bool natives_on = true;
static bool memo_on = true;
static bool may_write;

void eval_set_natives(bool on) { natives_on = on; }

void eval_set_state_memo(bool on) { memo_on = on; }

bool eval_set_may_write(bool on) {
  bool old = may_write;
  may_write = on;
  return old;
}

Value *native_arg(NativeCall *nc, int i) {
  return eval(nc->c, nc->e->args[i], nc->env);
}

Value *native_apply(NativeCall *nc, int i, Value **vals, int n) {
  return apply_op_arg(nc->c, nc->e, nc->e->args[i], vals, n, nc->env);
}

bool native_test(NativeCall *nc, int i, Value **vals, int n,
                 const char *what) {
  return get_bool(nc->e, native_apply(nc, i, vals, n), what);
}

void native_fail(NativeCall *nc, const char *fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  eval_fail(nc->e, "%s", buf);
}

const char *native_spec_dir(NativeCall *nc) {
  return nc->c->spec && nc->c->spec->prog ? nc->c->spec->prog->dir : NULL;
}

bool native_may_write(NativeCall *nc) { return may_write; }

/* The native of definition d (NULL if none), found once per definition:
 * only a definition of a module that comes with brink has one. */
/* The second argument of the last Assert that failed, as TLC prints it. */
static char *assert_message;

const char *eval_assert_message(void) { return assert_message; }

static NativeFn native_of(const Spec *sp, Def *d) {
  static VEC(uint8_t) known;  /* by Def.id: 0 unknown, 1 none, 2 found */
  static VEC(NativeFn) fns;
  static const Program *owner; /* ids are per program */
  if (owner != sp->prog) {
    known.len = fns.len = 0;
    owner = sp->prog;
  }
  if (d->id < known.len && known.data[d->id])
    return known.data[d->id] == 2 ? fns.data[d->id] : NULL;
  while (known.len <= d->id) {
    VEC_PUSH(known, 0);
    VEC_PUSH(fns, NULL);
  }
  Def *o = d->origin ? d->origin : d;
  NativeFn f = NULL;
  if (o->module && o->module->builtin && o->kind == DEF_OP &&
      o->nparams == d->nparams)
    f = native_lookup(sym_str(o->module->name), sym_str(o->name), o->nparams);
  known.data[d->id] = f ? 2 : 1;
  fns.data[d->id] = f;
  return f;
}

static Value *call_def(Ctx *c, Expr *e, Def *d, Env *env) {
  const Spec *sp = c->spec;
  if (!d->module && d->kind == DEF_OP && d->nparams == 0) {
    Env *f = let_frame(env, d);
    if (f)
      return env_value(c, f);
  }
  if (!spec_names_instance_copy(sp, e, d)) {
    Value *given = spec_def_value(sp, d);
    if (given)
      return given;
    d = spec_effective_def(sp, d);
  }
  if (d->kind == DEF_FUN) {
    bool cache = d->module && d->level == LEVEL_CONST && d->id < sp->ndefs;
    if (cache && sp->def_cache[d->id])
      return sp->def_cache[d->id];
    FunArg f = {d->body, d->bounds, d->nbounds, {0}, {0}};
    uint64_t reads = level_reads;
    bind_names(c, e, d->bounds, d->nbounds, 0, env, fun_body, &f);
    Value *v = make_fun(e, &f);
    if (cache && level_reads == reads)
      sp->def_cache[d->id] = v;
    return v;
  }
  if (d->kind != DEF_OP)
    eval_fail(e, "'%s' cannot be evaluated", sym_str(d->name));
  if (natives_on && d->module) {
    NativeFn f = native_of(sp, d);
    if (f) {
      NativeCall nc = {c, e, env};
      return f(&nc);
    }
  }
  const DefReads *r = reads_of(sp, d);
  bool cache = r && d->level == LEVEL_CONST && d->id < sp->ndefs;
  if (cache && sp->def_cache[d->id])
    return sp->def_cache[d->id];
  if (!memo_on || d->level != LEVEL_STATE)
    r = NULL;
  StateMemo *slot = NULL;
  Value *keybuf[r && r->n ? r->n : 1];
  if (r && r->n) {
    uint64_t h = d->id * 0x9e3779b97f4a7c15ull;
    bool hit;
    if (memo_key(c, r, keybuf, &h)) {
      slot = memo_slot(sp, d, keybuf, r->n, h, &hit);
      if (hit)
        return slot->v;
    }
  }
  if (++c->depth > MAX_DEPTH || stack_nearly_full())
    eval_fail(e, "recursion deeper than %d calls, or too deep for the stack "
                 "(in '%s')",
              c->depth > MAX_DEPTH ? MAX_DEPTH : c->depth, sym_str(d->name));
  Env frames[d->nparams > 0 ? d->nparams : 1];
  Value *v = eval(c, d->body, param_frames(c, d, e->args, env, frames));
  c->depth--;
  if (cache)
    sp->def_cache[d->id] = v;
  if (slot)
    memo_store(slot, sp, d, keybuf, r->n, v);
  return v;
}

/* Applies an operator-valued parameter (bound to a name or a LAMBDA). */
static Value *call_op_param(Ctx *c, Expr *e, Env *b, Env *env) {
  Expr *op = b->thunk;
  if (op->kind == EX_LAMBDA) {
    Bound *bd = &op->bounds[0];
    Env frames[bd->nnames > 0 ? bd->nnames : 1];
    Env *cur = b->tenv;
    for (int i = 0; i < bd->nnames; i++) {
      frames[i] = (Env){bd->names[i].id, NULL, e->args[i], env, NULL, cur,
                        c->at, 0};
      cur = &frames[i];
    }
    return eval(c, op->body, cur);
  }
  /* A name: apply it to e's arguments as if written in its place. */
  Expr call = *op;
  call.args = e->args;
  call.nargs = e->nargs;
  call.loc = e->loc;
  if (op->ref.kind == REF_DEF)
    return call_def(c, &call, op->ref.u.def, env);
  if (op->ref.kind == REF_BUILTIN)
    return eval_builtin(c, &call, env);
  if (op->ref.kind == REF_BINDER) {
    Env *bb = env_find(b->tenv, op->ref.u.binder->id);
    if (bb)
      return call_op_param(c, &call, bb, env);
  }
  eval_fail(e, "cannot apply this operator argument");
}

static Value *eval_const(Ctx *c, Expr *e, Decl *d, Env *env) {
  const Spec *s = c->spec;
  if (s->const_vals[d->index])
    return s->const_vals[d->index];
  if (s->const_defs[d->index])
    return call_def(c, e, s->const_defs[d->index], env);
  eval_fail(e, "constant '%s' has no value", sym_str(d->name));
}

static Value *eval_var(Ctx *c, Expr *e, Decl *d) {
  Value *v;
  if (c->primed) {
    if (!c->next)
      eval_fail(e, "'%s'' cannot be evaluated here: no next state",
                sym_str(d->name));
    v = c->next[d->index];
    if (c->next == c->target)
      target_reads++;
    if (!v)
      eval_fail(e, "%s' is read before it is given a value",
                sym_str(d->name));
  } else {
    if (!c->cur)
      eval_fail(e, "variable '%s' cannot be evaluated here",
                sym_str(d->name));
    v = c->cur[d->index];
    if (c->cur == c->target)
      target_reads++;
    if (!v)
      eval_fail(e, "variable '%s' is read before it is given a value",
                sym_str(d->name));
  }
  return v;
}

static Value *eval_op(Ctx *c, Expr *e, Env *env) {
  switch (e->ref.kind) {
  case REF_CONST:
    return eval_const(c, e, e->ref.u.decl, env);
  case REF_VAR:
    return eval_var(c, e, e->ref.u.decl);
  case REF_BINDER: {
    Env *b = env_find(env, e->ref.u.binder->id);
    if (!b)
      eval_fail(e, "internal error: '%s' is not bound", sym_str(e->name));
    if (e->ref.u.binder->arity > 0)
      return call_op_param(c, e, b, env);
    return env_value(c, b);
  }
  case REF_DEF:
    return call_def(c, e, e->ref.u.def, env);
  case REF_BUILTIN:
    return eval_builtin(c, e, env);
  default:
    eval_fail(e, "internal error: unresolved name '%s'", sym_str(e->name));
  }
}

/* ---- built-in operators ---- */

static Value *arith(Ctx *c, Expr *e, Env *env, int op) {
  mpz_t a, b, r;
  Value *va = eval(c, e->args[0], env), *vb = eval(c, e->args[1], env);
  int64_t x, y;
  /* Fast path for small integers. */
  if (val_int_fits(va, &x) && val_int_fits(vb, &y) && x > -(1ll << 31) &&
      x < (1ll << 31) && y > -(1ll << 31) && y < (1ll << 31)) {
    switch (op) {
    case B_PLUS:
      return val_int(x + y);
    case B_MINUS:
      return val_int(x - y);
    case B_MUL:
      return val_int(x * y);
    case B_LT:
      return val_bool(x < y);
    case B_GT:
      return val_bool(x > y);
    case B_LE:
      return val_bool(x <= y);
    case B_GE:
      return val_bool(x >= y);
    case B_RANGE:
      return val_interval_si(x, y);
    case B_DIV: /* floored, as mpz_fdiv_q */
      if (y != 0) {
        int64_t q = x / y;
        if (x % y != 0 && (x < 0) != (y < 0))
          q--;
        return val_int(q);
      }
      break;
    case B_POW:
      if (y >= 0 && y < 64 && !(x == 0 && y == 0)) {
        int64_t r = 1;
        bool over = false;
        for (int64_t i = 0; i < y && !over; i++)
          over = __builtin_mul_overflow(r, x, &r);
        if (!over)
          return val_int(r);
      }
      break;
    case B_MOD: /* in 0..y-1, as mpz_fdiv_r for y > 0 */
      if (y > 0) {
        int64_t r = x % y;
        return val_int(r < 0 ? r + y : r);
      }
      break;
    default:
      break;
    }
  }
  mpz_inits(a, b, r, NULL);
  get_int(e->args[0], va, a, "the left operand");
  get_int(e->args[1], vb, b, "the right operand");
  Value *res = NULL;
  switch (op) {
  case B_PLUS:
    mpz_add(r, a, b);
    break;
  case B_MINUS:
    mpz_sub(r, a, b);
    break;
  case B_MUL:
    mpz_mul(r, a, b);
    break;
  case B_DIV:
    if (mpz_sgn(b) == 0)
      eval_fail(e, "division by zero in \\div");
    mpz_fdiv_q(r, a, b);
    break;
  case B_MOD:
    if (mpz_sgn(b) <= 0)
      eval_fail(e, "the second argument of %% should be a positive number, "
                   "but is %s", show(vb));
    mpz_fdiv_r(r, a, b);
    break;
  case B_POW:
    if (mpz_sgn(b) < 0)
      eval_fail(e, "negative exponent in ^");
    if (!mpz_fits_ulong_p(b) || mpz_get_ui(b) > 100000)
      eval_fail(e, "exponent too large in ^");
    if (mpz_sgn(a) == 0 && mpz_sgn(b) == 0)
      eval_fail(e, "0^0 is undefined");
    mpz_pow_ui(r, a, mpz_get_ui(b));
    break;
  case B_LT:
    res = val_bool(mpz_cmp(a, b) < 0);
    break;
  case B_GT:
    res = val_bool(mpz_cmp(a, b) > 0);
    break;
  case B_LE:
    res = val_bool(mpz_cmp(a, b) <= 0);
    break;
  case B_GE:
    res = val_bool(mpz_cmp(a, b) >= 0);
    break;
  case B_RANGE:
    res = val_interval(a, b);
    break;
  }
  if (!res)
    res = val_int_mpz(r);
  mpz_clears(a, b, r, NULL);
  return res;
}

static Value *need_set(Expr *e, Value *v) {
  if (v->kind != V_SET) {
    if (val_is_set(v)) {
      Value *x = val_set_enum(v);
      if (x)
        return x;
    }
    eval_fail(e, "expected a finite set, but got %s", show(v));
  }
  return v;
}

static bool eval_enabled(Ctx *c, Expr *action, Env *env);

/* ---- built-ins of the TLC module and friends ---- */

/* Applies the operator argument `op` (a name or a LAMBDA written in env)
 * to values, as if `op(v1, ..., vn)` were written at `site`: the values
 * are bound to synthetic argument names, and the call goes the way of any
 * operator parameter's (call_op_param). */
static Value *apply_op_arg(Ctx *c, Expr *site, Expr *op, Value **vals, int n,
                           Env *env) {
  if (n > AST_MAX_VALUE_ARGS)
    eval_fail(site, "too many arguments for an operator argument");
  Expr argv[AST_MAX_VALUE_ARGS], *args[AST_MAX_VALUE_ARGS], call;
  ast_value_call(site, n, argv, args, &call);
  Env frames[AST_MAX_VALUE_ARGS];
  Env *cur = env;
  for (int i = 0; i < n; i++) {
    frames[i] = (Env){ast_value_arg_id(i), vals[i], NULL, NULL, NULL, cur, NULL, 0};
    cur = &frames[i];
  }
  Env b = {0, NULL, op, env, NULL, NULL, c->at, 0};
  return call_op_param(c, &call, &b, cur);
}

static Value *select_seq(Ctx *c, Expr *e, Env *env) {
  Value *s = need_seq(e, eval(c, e->args[0], env), "SelectSeq");
  VEC(Value *) out = {0};
  for (uint32_t i = 0; i < s->u.fun.n; i++) {
    Value *x = s->u.fun.vals[i];
    if (get_bool(e, apply_op_arg(c, e, e->args[1], &x, 1, env),
                 "the test of SelectSeq"))
      VEC_PUSH(out, x);
  }
  Value *r = mk_seq(out.data, out.len);
  VEC_FREE(out);
  return r;
}

/* SortSeq(s, Op): s ordered so that Op(a, b) holds for each a placed
 * before b where Op distinguishes them; stable (insertion sort, so each
 * comparison is one application of Op). */
static Value *sort_seq(Ctx *c, Expr *e, Env *env) {
  Value *s = need_seq(e, eval(c, e->args[0], env), "SortSeq");
  uint32_t n = s->u.fun.n;
  Value **v = xmalloc((n ? n : 1) * sizeof *v);
  for (uint32_t i = 0; i < n; i++) {
    Value *x = s->u.fun.vals[i];
    uint32_t j = i;
    for (; j > 0; j--) {
      Value *pair[2] = {x, v[j - 1]};
      if (!get_bool(e, apply_op_arg(c, e, e->args[1], pair, 2, env),
                    "the comparison of SortSeq"))
        break;
      v[j] = v[j - 1];
    }
    v[j] = x;
  }
  Value *r = mk_seq(v, n);
  free(v);
  return r;
}

/* All bijections of S onto itself, as functions. */
static Value *permutations(Ctx *c, Expr *e, Env *env) {
  Value *s = enum_set(e, eval(c, e->args[0], env));
  uint32_t n = s->u.set.n;
  if (n > 10)
    eval_fail(e, "Permutations of a set of %u elements: too many (%u! "
                 "functions)", n, n);
  Value **keys = s->u.set.elems;
  uint32_t *perm = xmalloc((n ? n : 1) * sizeof *perm);
  Value **vals = xmalloc((n ? n : 1) * sizeof *vals);
  for (uint32_t i = 0; i < n; i++)
    perm[i] = i;
  VEC(Value *) out = {0};
  for (;;) {
    for (uint32_t i = 0; i < n; i++)
      vals[i] = keys[perm[i]];
    VEC_PUSH(out, val_fun(keys, vals, n));
    /* Next permutation in lexicographic order. */
    int i = (int)n - 2;
    while (i >= 0 && perm[i] > perm[i + 1])
      i--;
    if (i < 0)
      break;
    int j = (int)n - 1;
    while (perm[j] < perm[i])
      j--;
    uint32_t t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
    for (int a = i + 1, b = (int)n - 1; a < b; a++, b--) {
      t = perm[a];
      perm[a] = perm[b];
      perm[b] = t;
    }
  }
  Value *r = val_set(out.data, out.len);
  VEC_FREE(out);
  free(perm);
  free(vals);
  return r;
}

/* TLCSet(i, v) registers, one per positive integer i, for the run. */
static VEC(Value *) tlc_registers;

static int64_t register_index(Expr *e, Value *k) {
  int64_t i;
  if (!val_int_fits(k, &i) || i < 1 || i > 1000000)
    eval_unsupported(e, "TLCGet/TLCSet: register %s is not supported (brink has "
                 "the integer registers 1..1000000 and TLCGet(\"level\"))",
              show(k));
  return i;
}

/* TLCGet's view of the checker (eval.h). */
static SearchConfig search_config;
static bool have_search_config;
static SearchStatsFn stats_fn;
static void *stats_arg;
static double run_start;

void eval_set_search_config(const SearchConfig *cfg) {
  have_search_config = cfg != NULL;
  if (cfg)
    search_config = *cfg;
  run_start = util_now();
}

void eval_set_search_stats(SearchStatsFn fn, void *arg) {
  stats_fn = fn;
  stats_arg = arg;
}

static Value *record_of(const char *const *names, Value **vals, size_t n) {
  Sym syms[8];
  for (size_t i = 0; i < n; i++)
    syms[i] = sym_intern(names[i]);
  return val_record(syms, vals, n);
}

static SearchStats search_stats(Expr *e, const char *key) {
  if (!have_search_config)
    eval_fail(e, "TLCGet(\"%s\") describes TLC's breadth-first search; "
                 "brink knows it only with --engine explicit", key);
  if (!search_config.counts && strcmp(key, "config") != 0)
    eval_fail(e, "TLCGet(\"%s\") counts the states of a breadth-first "
                 "search; brink knows it only with --engine explicit", key);
  SearchStats st = {0, 0, 0, 0};
  if (stats_fn)
    stats_fn(stats_arg, &st);
  return st;
}

static Value *tlc_get(Ctx *c, Expr *e, Env *env) {
  Value *k = eval(c, e->args[0], env);
  if (k->kind == V_STR) {
    const char *what = sym_str(k->u.str);
    if (strcmp(what, "level") == 0) {
      level_reads++;
      if (c->level < 0)
        eval_fail(e, "TLCGet(\"level\") is only known while checking "
                     "states with --engine explicit");
      return val_int(c->level);
    }
    if (strcmp(what, "config") == 0) {
      search_stats(e, what);
      static const char *const names[] = {"mode", "depth", "deadlock",
                                          "worker"};
      Value *vals[] = {val_str(sym_intern(search_config.mode)),
                       val_int(search_config.depth),
                       val_bool(search_config.deadlock), val_int(1)};
      return record_of(names, vals, 4);
    }
    int64_t duration = 0;
    if (have_search_config)
      duration = (int64_t)(util_now() - run_start);
    if (strcmp(what, "duration") == 0) {
      search_stats(e, what);
      return val_int(duration);
    }
    static const char *const stat_names[] = {"queue", "distinct", "generated",
                                             "diameter", "duration"};
    for (int i = 0; i < 5; i++)
      if (strcmp(what, stat_names[i]) == 0 || strcmp(what, "stats") == 0) {
        SearchStats st = search_stats(e, what);
        Value *vals[] = {val_int((int64_t)st.queue), val_int((int64_t)st.distinct),
                         val_int((int64_t)st.generated), val_int(st.diameter),
                         val_int(duration)};
        if (strcmp(what, "stats") == 0)
          return record_of(stat_names, vals, 5);
        return vals[i];
      }
    eval_unsupported(e, "TLCGet(\"%s\") is not supported by brink (it knows "
                 "\"level\", \"config\", \"stats\", \"diameter\", "
                 "\"distinct\", \"generated\", \"queue\", \"duration\" "
                 "and the registers TLCSet writes)",
              what);
  }
  int64_t i = register_index(e, k);
  if ((size_t)i >= tlc_registers.len || !tlc_registers.data[i])
    eval_fail(e, "TLCGet(%lld): no value was set with TLCSet", (long long)i);
  return tlc_registers.data[i];
}

static Value *tlc_set(Ctx *c, Expr *e, Env *env) {
  Value *k = eval(c, e->args[0], env);
  if (k->kind == V_STR)
    eval_unsupported(e, "TLCSet(\"%s\", ...) is not supported by brink yet",
              sym_str(k->u.str));
  int64_t i = register_index(e, k);
  Value *v = eval(c, e->args[1], env);
  while (tlc_registers.len <= (size_t)i)
    VEC_PUSH(tlc_registers, NULL);
  tlc_registers.data[i] = v;
  return val_bool(true);
}

static Value *eval_builtin(Ctx *c, Expr *e, Env *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_EQ:
  case B_NEQ: {
    /* Operands left to right (C leaves argument order unspecified; TLC's
     * order decides which error is reported). */
    Value *x = eval(c, a[0], env);
    Value *y = eval(c, a[1], env);
    return val_bool(values_equal(e, x, y) == (b == B_EQ));
  }
  case B_AND:
    for (int i = 0; i < e->nargs; i++)
      if (!get_bool(a[i], eval(c, a[i], env), "a conjunct"))
        return val_bool(false);
    return val_bool(true);
  case B_OR:
    for (int i = 0; i < e->nargs; i++)
      if (get_bool(a[i], eval(c, a[i], env), "a disjunct"))
        return val_bool(true);
    return val_bool(false);
  case B_NOT:
    return val_bool(!get_bool(a[0], eval(c, a[0], env), "the operand of ~"));
  case B_IMPLIES:
    if (!get_bool(a[0], eval(c, a[0], env), "the left side of =>"))
      return val_bool(true);
    return val_bool(get_bool(a[1], eval(c, a[1], env), "the right side of =>"));
  case B_EQUIV: {
    bool x = get_bool(a[0], eval(c, a[0], env), "an operand of <=>");
    bool y = get_bool(a[1], eval(c, a[1], env), "an operand of <=>");
    return val_bool(x == y);
  }
  case B_IN:
  case B_NOTIN: {
    bool in = a[0]->kind == EX_TUPLE ? tuple_in(c, e, a[0], a[1], env)
                                     : eval_in(c, e, eval(c, a[0], env), a[1],
                                               env);
    return val_bool(b == B_IN ? in : !in);
  }
  case B_CUP:
  case B_CAP:
  case B_SETMINUS: {
    Value *x = need_set(a[0], eval(c, a[0], env));
    Value *y = need_set(a[1], eval(c, a[1], env));
    return b == B_CUP   ? val_set_union(x, y)
           : b == B_CAP ? val_set_inter(x, y)
                        : val_set_minus(x, y);
  }
  case B_SUBSETEQ: {
    Value *x = need_set(a[0], eval(c, a[0], env));
    for (uint32_t i = 0; i < x->u.set.n; i++)
      if (!eval_in(c, e, x->u.set.elems[i], a[1], env))
        return val_bool(false);
    return val_bool(true);
  }
  case B_SUBSET:
    return subset_set(e, eval(c, a[0], env));
  case B_UNION: {
    Value *s = need_set(a[0], eval(c, a[0], env));
    Value *r = val_empty_set();
    for (uint32_t i = 0; i < s->u.set.n; i++)
      r = val_set_union(r, need_set(a[0], s->u.set.elems[i]));
    return r;
  }
  case B_DOMAIN: {
    Value *f = eval(c, a[0], env);
    if (f->kind != V_FUN)
      eval_fail(e, "DOMAIN is applied to %s, which is not a function",
                show(f));
    return val_fun_domain(f);
  }
  case B_PRIME: {
    if (c->primed)
      eval_fail(e, "a primed expression is primed again");
    c->primed = true;
    Value *v = eval(c, a[0], env);
    c->primed = false;
    return v;
  }
  case B_UNCHANGED: {
    if (c->primed)
      eval_fail(e, "UNCHANGED inside a primed expression");
    Value *before = eval(c, a[0], env);
    c->primed = true;
    Value *after = eval(c, a[0], env);
    c->primed = false;
    return val_bool(before == after);
  }
  case B_ENABLED:
    if (inst_enabled_refused(e))
      fail_at(e->loc, EXIT_OTHER, ENABLED_REFUSAL);
    return val_bool(eval_enabled(c, a[0], env));
  case B_BOX:
  case B_DIAMOND:
  case B_LEADSTO:
    eval_fail(e, "a temporal formula cannot be evaluated on a state");
  case B_BOOLEAN: {
    Value *bs[2] = {val_bool(false), val_bool(true)};
    return val_set(bs, 2);
  }
  case B_STRING:
    return val_infset(INF_STRING);
  case B_TIMES: {
    Value *sets[16];
    if (e->nargs > 16)
      eval_fail(e, "too many factors in \\X");
    for (int i = 0; i < e->nargs; i++)
      sets[i] = eval(c, a[i], env);
    return cross_product(e, sets, e->nargs);
  }
  case B_NAT:
    return val_infset(INF_NAT);
  case B_INT:
    return val_infset(INF_INT);
  case B_PLUS:
  case B_MINUS:
  case B_MUL:
  case B_POW:
  case B_LT:
  case B_GT:
  case B_LE:
  case B_GE:
  case B_DIV:
  case B_MOD:
  case B_RANGE:
    return arith(c, e, env, b);
  case B_NEG: {
    mpz_t z;
    mpz_init(z);
    get_int(a[0], eval(c, a[0], env), z, "the operand of unary -");
    mpz_neg(z, z);
    return int_result(z);
  }
  case B_SEQ:
    eval_fail(e, "Seq(S) is infinite: it can only appear on the right of "
                 "\\in");
  case B_LEN: {
    Value *s = eval(c, a[0], env);
    if (s->kind == V_STR) /* TLC: a string is a sequence of characters */
      return val_int((int64_t)strlen(sym_str(s->u.str)));
    s = need_seq(e, s, "Len");
    return val_int(s->u.fun.n);
  }
  case B_CONCAT: {
    Value *s = eval(c, a[0], env), *t = eval(c, a[1], env);
    if (s->kind == V_STR && t->kind == V_STR) {
      char *st = xsprintf("%s%s", sym_str(s->u.str), sym_str(t->u.str));
      Value *r = val_str(sym_intern(st));
      free(st);
      return r;
    }
    s = need_seq(e, s, "\\o");
    t = need_seq(e, t, "\\o");
    size_t n = s->u.fun.n + t->u.fun.n;
    Value **v = xmalloc((n + 1) * sizeof *v);
    memcpy(v, s->u.fun.vals, s->u.fun.n * sizeof *v);
    memcpy(v + s->u.fun.n, t->u.fun.vals, t->u.fun.n * sizeof *v);
    Value *r = mk_seq(v, n);
    free(v);
    return r;
  }
  case B_APPEND: {
    Value *s = need_seq(e, eval(c, a[0], env), "Append");
    size_t n = s->u.fun.n + 1;
    Value **v = xmalloc(n * sizeof *v);
    memcpy(v, s->u.fun.vals, s->u.fun.n * sizeof *v);
    v[n - 1] = eval(c, a[1], env);
    Value *r = mk_seq(v, n);
    free(v);
    return r;
  }
  case B_HEAD: {
    Value *s = need_seq(e, eval(c, a[0], env), "Head");
    if (s->u.fun.n == 0)
      eval_fail(e, "Head of the empty sequence");
    return s->u.fun.vals[0];
  }
  case B_TAIL: {
    Value *s = eval(c, a[0], env);
    if (s->kind == V_STR) { /* TLC: the string without its first character */
      const char *str = sym_str(s->u.str);
      if (!*str)
        eval_fail(e, "Tail of the empty string");
      return val_str(sym_intern(str + 1));
    }
    s = need_seq(e, s, "Tail");
    if (s->u.fun.n == 0)
      eval_fail(e, "Tail of the empty sequence");
    return mk_seq(s->u.fun.vals + 1, s->u.fun.n - 1);
  }
  case B_SUBSEQ: {
    Value *s = eval(c, a[0], env);
    int64_t m, n;
    if (!val_int_fits(eval(c, a[1], env), &m) ||
        !val_int_fits(eval(c, a[2], env), &n))
      eval_fail(e, "SubSeq needs integer bounds");
    if (s->kind == V_STR) {
      const char *str = sym_str(s->u.str);
      int64_t len = (int64_t)strlen(str);
      if (n < m)
        return val_str(sym_intern(""));
      if (m < 1 || n > len)
        eval_fail(e, "SubSeq bounds %lld..%lld are outside 1..%lld",
                  (long long)m, (long long)n, (long long)len);
      return val_str(sym_intern_n(str + m - 1, (size_t)(n - m + 1)));
    }
    s = need_seq(e, s, "SubSeq");
    if (n < m)
      return mk_seq(NULL, 0);
    if (m < 1 || n > (int64_t)s->u.fun.n)
      eval_fail(e, "SubSeq bounds %lld..%lld are outside 1..%u",
                (long long)m, (long long)n, s->u.fun.n);
    return mk_seq(s->u.fun.vals + m - 1, (size_t)(n - m + 1));
  }
  case B_ISFINITESET: {
    Value *s = eval(c, a[0], env);
    return val_bool(s->kind == V_SET || s->kind == V_INTERVAL);
  }
  case B_CARDINALITY: {
    Value *s = eval(c, a[0], env);
    if (!val_is_set(s))
      eval_fail(e, "Cardinality of %s, which is not a set", show(s));
    mpz_t z;
    mpz_init(z);
    if (!val_set_card(s, z))
      eval_fail(e, "Cardinality of the infinite set %s", show(s));
    return int_result(z);
  }
  case B_SINGLETON_FN: {
    Value *k = eval(c, a[0], env), *v = eval(c, a[1], env);
    return val_fun(&k, &v, 1);
  }
  case B_MERGE_FN: {
    Value *f = eval(c, a[0], env), *g = eval(c, a[1], env);
    if (f->kind != V_FUN || g->kind != V_FUN)
      eval_fail(e, "@@ needs two functions");
    VEC(Value *) ks = {0};
    VEC(Value *) vs = {0};
    for (uint32_t i = 0; i < f->u.fun.n; i++) {
      VEC_PUSH(ks, f->u.fun.keys[i]);
      VEC_PUSH(vs, f->u.fun.vals[i]);
    }
    for (uint32_t i = 0; i < g->u.fun.n; i++)
      if (!val_fun_apply(f, g->u.fun.keys[i])) {
        VEC_PUSH(ks, g->u.fun.keys[i]);
        VEC_PUSH(vs, g->u.fun.vals[i]);
      }
    Value *r = val_fun(ks.data, vs.data, ks.len);
    VEC_FREE(ks);
    VEC_FREE(vs);
    return r;
  }
  case B_PRINT:
  case B_PRINTT: {
    Value *v = eval(c, a[0], env);
    char *s = val_to_string(v);
    printf("%s\n", s);
    free(s);
    fflush(stdout);
    return b == B_PRINT ? eval(c, a[1], env) : val_bool(true);
  }
  case B_ASSERT: {
    if (get_bool(a[0], eval(c, a[0], env), "the first argument of Assert"))
      return val_bool(true);
    Value *msg = eval(c, a[1], env);
    /* brink's own module definitions (src/modules) report an operator
     * they do not support, or a misuse TLC reports as an evaluation
     * error, through Assert: that is an evaluation error, not a failed
     * assertion of the spec. */
    const char *path = src_path(e->loc.file);
    if (path && strncmp(path, "<brink>/", 8) == 0 && msg->kind == V_STR)
      fail_at(e->loc, EXIT_EVAL, "%s", sym_str(msg->u.str));
    char *s = val_to_string(msg);
    free(assert_message);
    assert_message = xstrdup(s);
    fail_at(e->loc, EXIT_ASSERT,
            "the first argument of Assert evaluated to FALSE; the second "
            "argument was: %s",
            s);
  }
  case B_SELECTSEQ:
    return select_seq(c, e, env);
  case B_SORTSEQ:
    return sort_seq(c, e, env);
  case B_PERMUTATIONS:
    return permutations(c, e, env);
  case B_TLCGET:
    return tlc_get(c, e, env);
  case B_TLCSET:
    return tlc_set(c, e, env);
  case B_TLCEVAL:
    return eval(c, a[0], env);
  case B_RANDOMELEMENT: {
    /* TLC picks at random; brink picks the least element, so that runs
     * are reproducible. */
    Value *set = enum_set(e, eval(c, a[0], env));
    if (set->u.set.n == 0)
      eval_fail(e, "RandomElement of the empty set");
    return set->u.set.elems[0];
  }
  case B_JAVATIME:
    return val_int((long)time(NULL));
  case B_ANY:
    eval_unsupported(e, "TLC's Any is not supported by brink yet");
  case B_REAL:
  case B_INFINITY:
  case B_RDIV:
    eval_unsupported(e, "real numbers are not supported");
  case B_TOSTRING: {
    char *s = val_to_string(eval(c, a[0], env));
    Value *r = val_str(sym_intern(s));
    free(s);
    return r;
  }
  }
  eval_unsupported(e, "the operator '%s' is not supported yet", sym_str(e->name));
}

/* f[args] for a function definition f[x \in S, <<y, z>> \in T] == body:
 * the argument (evaluated in argenv) is split into one part per name (or
 * tuple pattern), each part checked against its bound set, and the body
 * evaluated with the names bound (in env, where f is defined).  NULL when
 * the definition has too many names. */
static Value *apply_fun_def(Ctx *c, Expr *e, Def *d, Env *argenv,
                            Env *env) {
  enum { MAXN = 16 };
  int nparts = 0, nnames = 0;
  for (int i = 0; i < d->nbounds; i++) {
    nparts += d->bounds[i].tuple ? 1 : d->bounds[i].nnames;
    nnames += d->bounds[i].nnames;
  }
  if (nparts > MAXN || nnames > MAXN)
    return NULL;
  Value *arg = fapp_arg(c, e->args + 1, e->nargs - 1, argenv);
  Value *parts[MAXN];
  if (nparts == 1) {
    parts[0] = arg;
  } else {
    if (arg->kind != V_FUN || !val_is_seq(arg) ||
        arg->u.fun.n != (uint32_t)nparts)
      eval_fail(e, "attempted to apply the function %s to %s, which is not "
                   "in its domain (%d arguments expected)",
                sym_str(d->name), show(arg), nparts);
    for (int i = 0; i < nparts; i++)
      parts[i] = arg->u.fun.vals[i];
  }
  Env frames[MAXN];
  Env *cur = env;
  int k = 0, f = 0;
  for (int i = 0; i < d->nbounds; i++) {
    Bound *bd = &d->bounds[i];
    for (int j = 0; j < (bd->tuple ? 1 : bd->nnames); j++, k++) {
      Value *p = parts[k];
      if (!eval_in(c, e, p, bd->set, env))
        eval_fail(e, "attempted to apply the function %s to %s, which is "
                     "not in its domain",
                  sym_str(d->name), show(arg));
      if (!bd->tuple) {
        frames[f] = (Env){bd->names[j].id, p, NULL, NULL, NULL, cur, NULL, 0};
        cur = &frames[f++];
        continue;
      }
      if (p->kind != V_FUN || !val_is_seq(p) ||
          p->u.fun.n != (uint32_t)bd->nnames)
        eval_fail(e, "the argument %s does not match the tuple pattern",
                  show(p));
      for (int n = 0; n < bd->nnames; n++) {
        frames[f] = (Env){bd->names[n].id, p->u.fun.vals[n], NULL, NULL,
                          NULL, cur, NULL, 0};
        cur = &frames[f++];
      }
    }
  }
  if (++c->depth > MAX_DEPTH || stack_nearly_full())
    eval_fail(e, "recursion deeper than %d calls, or too deep for the stack "
                 "(in '%s')",
              c->depth > MAX_DEPTH ? MAX_DEPTH : c->depth, sym_str(d->name));
  Value *v = eval(c, d->body, cur);
  c->depth--;
  return v;
}

/* ---- the main dispatch ---- */

static bool choose_body(Ctx *c, Env *env, void *p) {
  QArg *q = p;
  if (get_bool(q->body, eval(c, q->body, env), "the body of CHOOSE")) {
    q->found = env->v;
    return false;
  }
  return true;
}

/* ---- constant subexpressions ----
 *
 * A closed, constant-level subexpression without side effects
 * ({-1, 0, 1} \X {-1, 0, 1}, 0 .. N + 1, a set filter over constants) has
 * one value for the whole run: it is evaluated once and kept in Expr.cache.
 * NOT_CONST marks the nodes that are not such (Expr.cache NULL: not yet
 * decided).  Closed means: no variable, no name bound outside the node, no
 * definition whose body may see such names (LET definitions, instance
 * copies), and no built-in with an effect or a run-time answer (TLCGet,
 * TLCSet, Print, JavaTime) reachable through the definitions it calls. */
static char not_const_mark;
#define NOT_CONST ((void *)&not_const_mark)

static VEC(uint8_t) def_purity; /* by Def.id: 0 unknown, 1 pure, 2 not, 3 busy */

static bool builtin_pure(int b) {
  switch (b) {
  case B_TLCGET:
  case B_TLCSET:
  case B_PRINT:
  case B_PRINTT:
  case B_JAVATIME:
  case B_ANY:
  case B_PRIME:
  case B_UNCHANGED:
  case B_ENABLED:
  case B_BOX:
  case B_DIAMOND:
  case B_LEADSTO:
    return false;
  default:
    return true;
  }
}

static bool def_pure(const Spec *sp, Def *d);

/* Does e reach no impure built-in (through the definitions it calls)? */
static bool expr_pure(const Spec *sp, Expr *e, int depth) {
  if (!e)
    return true;
  if (depth > 500)
    return false;
  if (e->kind == EX_OP) {
    if (e->ref.kind == REF_BUILTIN && !builtin_pure(e->ref.u.builtin))
      return false;
    if (e->ref.kind == REF_DEF && !def_pure(sp, e->ref.u.def))
      return false;
    if (e->ref.kind == REF_CONST && sp->const_defs[e->ref.u.decl->index] &&
        !def_pure(sp, sp->const_defs[e->ref.u.decl->index]))
      return false;
    for (int i = 0; i < e->npath; i++)
      for (int k = 0; k < e->path_nargs[i]; k++)
        if (!expr_pure(sp, e->path_args[i][k], depth + 1))
          return false;
  }
  for (int i = 0; i < e->nargs; i++)
    if (!expr_pure(sp, e->args[i], depth + 1))
      return false;
  for (int i = 0; i < e->nbounds; i++)
    if (!expr_pure(sp, e->bounds[i].set, depth + 1))
      return false;
  for (int i = 0; i < e->narms; i++)
    if (!expr_pure(sp, e->arms[i].guard, depth + 1) ||
        !expr_pure(sp, e->arms[i].value, depth + 1))
      return false;
  for (int i = 0; i < e->nupdates; i++) {
    ExceptUpdate *u = &e->updates[i];
    for (int k = 0; k < u->npath; k++)
      for (int j = 0; j < u->path[k].nargs; j++)
        if (!expr_pure(sp, u->path[k].args[j], depth + 1))
          return false;
    if (!expr_pure(sp, u->value, depth + 1))
      return false;
  }
  for (int i = 0; i < e->ndefs; i++)
    if (!def_pure(sp, e->defs[i]))
      return false;
  return expr_pure(sp, e->other, depth + 1) && expr_pure(sp, e->body, depth + 1);
}

/* A definition being analysed counts as impure (recursion is not cached). */
static bool def_pure(const Spec *sp, Def *d) {
  if (spec_def_value(sp, d))
    return true;
  d = spec_effective_def(sp, d);
  if (d->kind == DEF_INSTANCE)
    return false;
  while (def_purity.len <= d->id)
    VEC_PUSH(def_purity, 0);
  if (def_purity.data[d->id])
    return def_purity.data[d->id] == 1;
  def_purity.data[d->id] = 3;
  bool ok = expr_pure(sp, d->body, 0);
  for (int i = 0; ok && i < d->nbounds; i++)
    ok = expr_pure(sp, d->bounds[i].set, 0);
  def_purity.data[d->id] = ok ? 1 : 2;
  return ok;
}

typedef struct BoundIds {
  uint32_t id[64];
  int n;
} BoundIds;

static bool bound_has(const BoundIds *b, uint32_t id) {
  for (int i = 0; i < b->n; i++)
    if (b->id[i] == id)
      return true;
  return false;
}

static bool const_closed(const Spec *sp, Expr *e, BoundIds *b, int depth);

/* An operator argument that is an operator (a name of arity > 0, or a
 * LAMBDA) is not a value. */
static bool value_arg(Expr *a) {
  if (a->kind == EX_LAMBDA)
    return false;
  if (a->kind == EX_OP && a->nargs == 0) {
    if (a->ref.kind == REF_DEF && a->ref.u.def->nparams > 0)
      return false;
    if (a->ref.kind == REF_BUILTIN && builtin_info[a->ref.u.builtin].arity != 0)
      return false;
    if (a->ref.kind == REF_BINDER && a->ref.u.binder->arity > 0)
      return false;
  }
  return true;
}

static bool closed_list(const Spec *sp, Expr **es, int n, BoundIds *b,
                        int depth) {
  for (int i = 0; i < n; i++)
    if (!value_arg(es[i]) || !const_closed(sp, es[i], b, depth + 1))
      return false;
  return true;
}

/* Are the bounds' sets closed, and then the body with their names? */
static bool closed_binding(const Spec *sp, Expr *e, BoundIds *b, int depth) {
  int mark = b->n;
  bool ok = true;
  for (int i = 0; ok && i < e->nbounds; i++) {
    Bound *bd = &e->bounds[i];
    ok = bd->set && const_closed(sp, bd->set, b, depth + 1) &&
         b->n + bd->nnames <= 64;
    for (int k = 0; ok && k < bd->nnames; k++)
      b->id[b->n++] = bd->names[k].id;
  }
  ok = ok && const_closed(sp, e->body, b, depth + 1);
  b->n = mark;
  return ok;
}

static bool const_closed(const Spec *sp, Expr *e, BoundIds *b, int depth) {
  if (depth > 200)
    return false;
  switch (e->kind) {
  case EX_NUM:
  case EX_STR:
  case EX_BOOL:
    return true;
  case EX_OP: {
    if (e->npath)
      return false;
    switch (e->ref.kind) {
    case REF_BINDER:
      return e->nargs == 0 && e->ref.u.binder->arity == 0 &&
             bound_has(b, e->ref.u.binder->id);
    case REF_CONST:
      return e->nargs == 0 && sp->const_vals[e->ref.u.decl->index];
    case REF_DEF: {
      Def *d = e->ref.u.def;
      if (!d->module || d->origin || e->nargs != d->nparams)
        return false;
      if (!spec_def_value(sp, d)) {
        Def *ed = spec_effective_def(sp, d);
        if (!ed->module || ed->origin || ed->kind == DEF_INSTANCE ||
            ed->level != LEVEL_CONST || !def_pure(sp, ed))
          return false;
      }
      return closed_list(sp, e->args, e->nargs, b, depth);
    }
    case REF_BUILTIN: {
      int op = e->ref.u.builtin;
      int ar = builtin_info[op].arity;
      if (!builtin_pure(op) || (ar >= 0 && ar != e->nargs) ||
          (ar < 0 && e->nargs == 0))
        return false;
      for (int i = 0; i < e->nargs; i++)
        if (builtin_op_param(op, i) > 0)
          return false;
      return closed_list(sp, e->args, e->nargs, b, depth);
    }
    default:
      return false;
    }
  }
  case EX_IF:
  case EX_SET_ENUM:
  case EX_FUNSET:
  case EX_RECORD:
  case EX_RECSET:
  case EX_TUPLE:
  case EX_FAPP:
  case EX_DOT:
    return closed_list(sp, e->args, e->nargs, b, depth);
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      if (!const_closed(sp, e->arms[i].guard, b, depth + 1) ||
          !const_closed(sp, e->arms[i].value, b, depth + 1))
        return false;
    return !e->other || const_closed(sp, e->other, b, depth + 1);
  case EX_FORALL:
  case EX_EXISTS:
  case EX_CHOOSE:
  case EX_SET_FILTER:
  case EX_SET_MAP:
  case EX_FUNC:
    return closed_binding(sp, e, b, depth);
  default:
    /* LET, EXCEPT (@), LAMBDA, labels, temporal forms: not cached. */
    return false;
  }
}

static Value *eval_node(Ctx *c, Expr *e, Env *env);

static Value *eval(Ctx *c, Expr *e, Env *env) {
  void *k = e->cache;
  if (k)
    return k != NOT_CONST ? k : eval_node(c, e, env);
  if (e->kind == EX_NUM || e->kind == EX_STR || e->kind == EX_BOOL ||
      !c->spec)
    return eval_node(c, e, env);
  BoundIds b;
  b.n = 0;
  if (!const_closed(c->spec, e, &b, 0)) {
    e->cache = NOT_CONST;
    return eval_node(c, e, env);
  }
  Value *v = eval_node(c, e, env);
  e->cache = v;
  return v;
}

static Value *eval_node(Ctx *c, Expr *e, Env *env) {
  switch (e->kind) {
  case EX_NUM:
    if (!e->cache)
      e->cache = val_int_str(e->num);
    return e->cache;
  case EX_STR:
    return val_str(e->str);
  case EX_BOOL:
    return val_bool(e->boolean);
  case EX_OP:
    return eval_op(c, e, env);
  case EX_IF:
    if (get_bool(e->args[0], eval(c, e->args[0], env), "the IF condition"))
      return eval(c, e->args[1], env);
    return eval(c, e->args[2], env);
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      if (get_bool(e->arms[i].guard, eval(c, e->arms[i].guard, env),
                   "a CASE guard"))
        return eval(c, e->arms[i].value, env);
    if (e->other)
      return eval(c, e->other, env);
    eval_fail(e, "no arm of this CASE applies");
  case EX_LET: {
    int n = 0;
    for (int i = 0; i < e->ndefs; i++)
      n += e->defs[i]->kind == DEF_OP && e->defs[i]->nparams == 0;
    if (n == 0)
      return eval(c, e->body, env);
    Env frames[n];
    Env *cur = env;
    for (int i = 0, k = 0; i < e->ndefs; i++) {
      Def *d = e->defs[i];
      if (d->kind != DEF_OP || d->nparams != 0)
        continue;
      frames[k] = (Env){LET_FRAME, NULL, d->body, NULL, NULL, cur, c->at, 0};
      cur = &frames[k++];
    }
    /* Each definition sees the others (and itself, as RECURSIVE allows). */
    for (int k = 0; k < n; k++)
      frames[k].tenv = cur;
    return eval(c, e->body, cur);
  }
  case EX_FORALL:
  case EX_EXISTS: {
    bool forall = e->kind == EX_FORALL;
    QArg q = {e->body, forall, !forall, {0}, NULL, NULL};
    bind_names(c, e, e->bounds, e->nbounds, 0, env, q_body, &q);
    return val_bool(q.result);
  }
  case EX_CHOOSE: {
    if (e->bounds[0].tuple || e->bounds[0].nnames != 1)
      eval_unsupported(e, "CHOOSE over a tuple pattern is not supported yet");
    QArg q = {e->body, false, true, {0}, NULL, NULL};
    bind_names(c, e, e->bounds, 1, 0, env, choose_body, &q);
    if (!q.found)
      eval_fail(e, "CHOOSE found no element satisfying its condition");
    return q.found;
  }
  case EX_SET_ENUM: {
    Value *buf[e->nargs > 0 ? e->nargs : 1];
    for (int i = 0; i < e->nargs; i++)
      buf[i] = eval(c, e->args[i], env);
    return val_set(buf, (size_t)e->nargs);
  }
  case EX_SET_FILTER: {
    if (!e->bounds[0].tuple && e->bounds[0].nnames != 1)
      eval_fail(e, "a set filter binds one name or one tuple pattern");
    QArg q = {e->body, false, false, {0}, NULL, NULL};
    if (e->bounds[0].tuple)
      q.bound = &e->bounds[0];
    bind_names(c, e, e->bounds, 1, 0, env, filter_body, &q);
    Value *r = val_set(q.acc.data, q.acc.len);
    VEC_FREE(q.acc);
    return r;
  }
  case EX_SET_MAP: {
    QArg q = {e->body, false, false, {0}, NULL, NULL};
    bind_names(c, e, e->bounds, e->nbounds, 0, env, map_body, &q);
    Value *r = val_set(q.acc.data, q.acc.len);
    VEC_FREE(q.acc);
    return r;
  }
  case EX_FUNC:
    return eval_func(c, e, env);
  case EX_FUNSET:
    {
      Value *dom = eval(c, e->args[0], env);
      Value *cod = eval(c, e->args[1], env);
      return fun_set(e, dom, cod);
    }
  case EX_RECORD: {
    Value *buf[e->nargs > 0 ? e->nargs : 1];
    for (int i = 0; i < e->nargs; i++)
      buf[i] = eval(c, e->args[i], env);
    Value *r = val_record(e->fields, buf, (size_t)e->nargs);
    if (!r)
      eval_fail(e, "a field name occurs twice in this record");
    return r;
  }
  case EX_RECSET:
    return record_set(c, e, env);
  case EX_TUPLE: {
    Value *buf[e->nargs > 0 ? e->nargs : 1];
    for (int i = 0; i < e->nargs; i++)
      buf[i] = eval(c, e->args[i], env);
    return mk_seq(buf, (size_t)e->nargs);
  }
  case EX_FAPP: {
    Expr *fe = e->args[0];
    /* A function definition applied directly: evaluate its body at the
     * argument instead of building the whole (perhaps infinite, perhaps
     * recursive) function, as TLC does. */
    Env *fenv = env;
    /* An operator argument that names a function definition (Sum(sc, S)
     * applying f[x]) is applied the same way, in the argument's scope. */
    for (int guard = 0; guard < 100 && fe->kind == EX_OP &&
                        fe->ref.kind == REF_BINDER && fe->nargs == 0 &&
                        fe->ref.u.binder->arity == 0;
         guard++) {
      Env *b = env_find(fenv, fe->ref.u.binder->id);
      if (!b || b->v || !b->thunk || (cache_valid(b) && !c->primed))
        break;
      fe = b->thunk;
      fenv = b->tenv;
    }
    if (fe->kind == EX_OP && fe->ref.kind == REF_DEF && fe->nargs == 0 &&
        fe->ref.u.def->kind == DEF_FUN &&
        !(c->spec &&
          (spec_def_value(c->spec, fe->ref.u.def) ||
           spec_effective_def(c->spec, fe->ref.u.def) != fe->ref.u.def))) {
      Def *d = fe->ref.u.def;
      const Spec *sp = c->spec;
      bool cached = sp && d->id < sp->ndefs && sp->def_cache[d->id];
      Value *v = cached ? NULL : apply_fun_def(c, e, d, env, fenv);
      if (v)
        return v;
    }
    fe = e->args[0];
    Value *f = eval(c, fe, env);
    return apply(e, f, fapp_arg(c, e->args + 1, e->nargs - 1, env));
  }
  case EX_DOT: {
    Value *r = eval(c, e->args[0], env);
    if (r->kind != V_FUN)
      eval_fail(e, "attempted to select the field '%s' of %s, which is not a "
                   "record", sym_str(e->field), show(r));
    Value *v = val_fun_apply(r, val_str(e->field));
    if (!v)
      eval_fail(e, "the record %s has no field '%s'", show(r),
                sym_str(e->field));
    return v;
  }
  case EX_EXCEPT: {
    Value *f = eval(c, e->args[0], env);
    for (int i = 0; i < e->nupdates; i++)
      f = except_path(c, e, f, &e->updates[i], 0, env);
    return f;
  }
  case EX_AT:
    if (!c->at)
      eval_fail(e, "'@' outside an EXCEPT value");
    return c->at;
  case EX_LABEL:
    return eval(c, e->body, env);
  case EX_BOX_ACT:
  case EX_DIA_ACT: {
    /* [A]_v is A \/ UNCHANGED v, <<A>>_v is A /\ ~UNCHANGED v; TLC
     * compares v first for [A]_v and evaluates A first for <<A>>_v. */
    bool box = e->kind == EX_BOX_ACT;
    if (!box && !get_bool(e->args[0], eval(c, e->args[0], env), "an action"))
      return val_bool(false);
    if (c->primed)
      eval_fail(e, "an action inside a primed expression");
    Value *before = eval(c, e->args[1], env);
    c->primed = true;
    Value *after = eval(c, e->args[1], env);
    c->primed = false;
    if (!box)
      return val_bool(before != after);
    if (before == after)
      return val_bool(true);
    return val_bool(get_bool(e->args[0], eval(c, e->args[0], env), "an action"));
  }
  case EX_DECIMAL:
    eval_unsupported(e, "real numbers are not supported");
  default:
    eval_fail(e, "this construct (%s) cannot be evaluated on states",
              ast_kind_name(e->kind));
  }
}

/* ---- public entry points for expressions ---- */

static int current_level = -1;

int eval_set_level(int level) {
  int old = current_level;
  current_level = level;
  return old;
}

static void ctx_init(Ctx *c, const EvalState *st) {
  memset(c, 0, sizeof *c);
  c->level = current_level;
  c->spec = st->spec;
  c->cur = (Value **)st->cur;
  c->next = (Value **)st->next;
}

Value *eval_expr(const EvalState *st, Expr *e) {
  Ctx c;
  ctx_init(&c, st);
  return eval(&c, e, NULL);
}

/* The frames of b, heap-allocated (they live as long as the call). */
/* The frames of b, from pool (n used of cap; heap-allocated when it is
 * full).  They live as long as the call. */
typedef struct EnvPool {
  Env *frames;
  int n, cap;
  VEC(Env *) heap;
} EnvPool;

static Env *env_of_binds(const EvalBind *b, EnvPool *p) {
  if (!b)
    return NULL;
  Env *f;
  if (p->n < p->cap) {
    f = &p->frames[p->n++];
    memset(f, 0, sizeof *f);
  } else {
    f = xcalloc(1, sizeof *f);
    VEC_PUSH(p->heap, f);
  }
  f->id = b->id;
  f->v = b->value;
  f->thunk = b->value ? NULL : b->expr;
  f->tenv = b->value ? NULL : env_of_binds(b->env, p);
  f->up = env_of_binds(b->up, p);
  return f;
}

Value *eval_expr_in(const EvalState *st, Expr *e, const EvalBind *b) {
  Ctx c;
  ctx_init(&c, st);
  Env frames[16];
  EnvPool pool = {frames, 0, 16, {0}};
  Env *env = env_of_binds(b, &pool);
  Value *v = eval(&c, e, env);
  for (size_t i = 0; i < pool.heap.len; i++)
    free(pool.heap.data[i]);
  VEC_FREE(pool.heap);
  return v;
}

bool eval_bool(const EvalState *st, Expr *e, const char *what) {
  Ctx c;
  ctx_init(&c, st);
  return get_bool(e, eval(&c, e, NULL), what);
}

/* Walks an action's path: \E binds (any binding that makes the rest hold
 * will do), a definition call binds its parameters, a disjunction goes
 * into the chosen disjunct. */
typedef struct PathArg {
  const Action *a;
  int i;
  bool holds;
} PathArg;

static bool path_holds(Ctx *c, const Action *a, int i, Env *env);

static bool path_body(Ctx *c, Env *env, void *p) {
  PathArg *pa = p;
  if (path_holds(c, pa->a, pa->i, env)) {
    pa->holds = true;
    return false;
  }
  return true;
}

/* eval_action_params: the path index of the action's definition call, and
 * where the values of its arguments go once the rest of the path holds. */
static struct {
  int at;
  Value **out;
  int max, n;
} params_capture = {-1, NULL, 0, 0};

static bool path_holds(Ctx *c, const Action *a, int i, Env *env) {
  if (i == a->npath)
    return get_bool(a->leaf, eval(c, a->leaf, env), "an action");
  Expr *n = a->path[i].node;
  switch (n->kind) {
  case EX_EXISTS: {
    PathArg pa = {a, i + 1, false};
    bind_names(c, n, n->bounds, n->nbounds, 0, env, path_body, &pa);
    return pa.holds;
  }
  case EX_LET:
    return path_holds(c, a, i + 1, env);
  case EX_OP:
    if (n->ref.kind == REF_DEF) {
      Def *d = n->ref.u.def;
      Env frames[d->nparams > 0 ? d->nparams : 1];
      Env *cur = env;
      for (int k = 0; k < d->nparams; k++) {
        frames[k] =
            (Env){d->params[k].id, NULL, n->args[k], env, NULL, cur, c->at, 0};
        cur = &frames[k];
      }
      bool holds = path_holds(c, a, i + 1, cur);
      if (holds && i == params_capture.at) /* the \E bindings still live */
        for (int k = 0; k < d->nparams && k < params_capture.max; k++)
          params_capture.out[params_capture.n++] = eval(c, n->args[k], env);
      return holds;
    }
    return path_holds(c, a, i + 1, env); /* a disjunction: "\/" */
  default:
    return path_holds(c, a, i + 1, env);
  }
}

bool eval_action_holds(const EvalState *st, const Action *a) {
  Ctx c;
  ctx_init(&c, st);
  return path_holds(&c, a, 0, NULL);
}

int eval_action_params(const EvalState *st, const Action *a, Value **out,
                       int max, const Def **def) {
  int at = -1;
  for (int i = 0; i < a->npath; i++) {
    Expr *n = a->path[i].node;
    if (n->kind == EX_OP && n->ref.kind == REF_DEF)
      at = i;
  }
  *def = at >= 0 ? a->path[at].node->ref.u.def : NULL;
  Ctx c;
  ctx_init(&c, st);
  params_capture.at = at;
  params_capture.out = out;
  params_capture.max = max;
  params_capture.n = 0;
  bool holds = path_holds(&c, a, 0, NULL);
  params_capture.at = -1;
  return holds ? params_capture.n : -1;
}

/* ---- enumeration of states (TLC's way) ---- */

typedef struct Pending {
  Expr *e;
  Env *env;
  struct Pending *next;
} Pending;

typedef struct Gen {
  Ctx c;
  StateFn fn;
  void *arg;
  bool stop;
  bool enabled_mode; /* ENABLED: any partial successor will do */
  bool found;
  int nvars;
  int nassigned; /* target variables given a value so far */
  const char *what; /* "initial state" or "successor state" */
  Expr *root;
} Gen;

static void enum_expr(Gen *g, Expr *e, Env *env, Pending *rest);

static void enum_rest(Gen *g, Pending *rest) {
  if (g->stop)
    return;
  if (rest && g->nassigned == g->nvars && !g->enabled_mode) {
    /* Every variable has its value: the conjuncts left are only tested,
     * once each, as TLC does (a true disjunction there is one state). */
    for (Pending *p = rest; p; p = p->next)
      if (!get_bool(p->e, eval(&g->c, p->e, p->env), "this conjunct"))
        return;
    rest = NULL;
  }
  if (rest) {
    enum_expr(g, rest->e, rest->env, rest->next);
    return;
  }
  if (g->enabled_mode) {
    g->found = true;
    g->stop = true;
    return;
  }
  for (int i = 0; i < g->nvars; i++)
    if (!g->c.target[i]) {
      const Spec *s = g->c.spec;
      fail_at(g->root->loc, EXIT_EVAL,
              "the %s is not completely specified: variable '%s' is not "
              "given a value",
              g->what, sym_str(s->prog->vars.data[i]->name));
    }
  if (!g->fn(g->arg, g->c.target))
    g->stop = true;
}

/* Is e an assignable variable reference: x' in Next, x in Init?  An
 * operator parameter is looked through to the argument it stands for. */
static Decl *assign_target(Gen *g, Expr *e, Env *env) {
  bool init = g->c.target == g->c.cur;
  for (int guard = 0; guard < 100 && e->kind == EX_OP &&
                      e->ref.kind == REF_BINDER && e->ref.u.binder->arity == 0;
       guard++) {
    Env *b = env_find(env, e->ref.u.binder->id);
    if (!b || !b->thunk)
      return NULL;
    e = b->thunk;
    env = b->tenv;
  }
  if (init) {
    if (e->kind == EX_OP && e->ref.kind == REF_VAR)
      return e->ref.u.decl;
    return NULL;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_PRIME) {
    /* x', or v' for a parameter v standing for x (Set(v, e) == v' = e). */
    Expr *x = e->args[0];
    for (int guard = 0; guard < 100 && x->kind == EX_OP &&
                        x->ref.kind == REF_BINDER &&
                        x->ref.u.binder->arity == 0;
         guard++) {
      Env *b = env_find(env, x->ref.u.binder->id);
      if (!b || !b->thunk)
        return NULL;
      x = b->thunk;
      env = b->tenv;
    }
    if (x->kind == EX_OP && x->ref.kind == REF_VAR)
      return x->ref.u.decl;
  }
  return NULL;
}

static void enum_assign(Gen *g, Decl *d, Value *v, Pending *rest) {
  Value **slot = &g->c.target[d->index];
  if (*slot) {
    if (*slot == v)
      enum_rest(g, rest);
    return;
  }
  *slot = v;
  g->nassigned++;
  assign_epoch++;
  enum_rest(g, rest);
  *slot = NULL;
  g->nassigned--;
  assign_epoch++;
}

typedef struct EnumBind {
  Gen *g;
  Expr *body;
  Pending *rest;
} EnumBind;

static bool enum_bind_body(Ctx *c, Env *env, void *p) {
  EnumBind *eb = p;
  enum_expr(eb->g, eb->body, env, eb->rest);
  return !eb->g->stop;
}

/* ---- \E r \in SUBSET S bounded by its first conjuncts ----
 *
 * An action that chooses a subset and first thing requires r \subseteq X
 * or Y \subseteq r, for X and Y that do not mention r (bosco's Receive:
 * \E r \in SUBSET (P \X M) : r \subseteq sent \cup ... /\ rcvd[self]
 * \subseteq r), has as witnesses only the sets between the union of the Ys
 * and the elements of S in every X.  Those are enumerated instead of all of
 * SUBSET S: the same successors, without evaluating the body for subsets
 * that its first conjuncts reject.  The body is still evaluated whole for
 * each set enumerated, so these only need to include every witness. */

static bool lacks_binder(Expr *e, void *id) {
  if (e->kind == EX_OP && e->ref.kind == REF_BINDER &&
      e->ref.u.binder->id == *(uint32_t *)id)
    return false;
  return ast_each_child(e, lacks_binder, id);
}

static bool is_binder(Expr *e, uint32_t id) {
  return e->kind == EX_OP && e->ref.kind == REF_BINDER &&
         e->ref.u.binder->id == id;
}

/* The leading conjuncts of e (through nested /\), at most max. */
static int leading_conjuncts(Expr *e, Expr **out, int n, int max) {
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_AND) {
    for (int i = 0; i < e->nargs && n < max; i++)
      n = leading_conjuncts(e->args[i], out, n, max);
    return n;
  }
  if (n < max)
    out[n++] = e;
  return n;
}

static bool subset_exists(Ctx *c, Expr *e, Env *env, EnumBind *eb) {
  Bound *bd = &e->bounds[0];
  if (e->nbounds != 1 || bd->nnames != 1 || bd->tuple || !bd->set ||
      bd->set->kind != EX_OP || bd->set->ref.kind != REF_BUILTIN ||
      bd->set->ref.u.builtin != B_SUBSET)
    return false;
  uint32_t id = bd->names[0].id;
  Expr *conj[16], *upper[16], *lower[16];
  int n = leading_conjuncts(e->body, conj, 0, 16), nu = 0, nl = 0;
  for (int i = 0; i < n; i++) {
    Expr *k = conj[i];
    if (k->kind != EX_OP || k->ref.kind != REF_BUILTIN ||
        k->ref.u.builtin != B_SUBSETEQ)
      break;
    if (is_binder(k->args[0], id) && lacks_binder(k->args[1], &id))
      upper[nu++] = k->args[1];
    else if (is_binder(k->args[1], id) && lacks_binder(k->args[0], &id))
      lower[nl++] = k->args[0];
    else
      break;
  }
  if (nu + nl == 0)
    return false;
  Expr *base = bd->set->args[0];
  Value *all = enum_set(base, eval(c, base, env));
  VEC(Value *) room = {0}; /* elements of S in every X */
  for (uint32_t i = 0; i < all->u.set.n; i++) {
    bool in = true;
    for (int u = 0; u < nu && in; u++)
      in = eval_in(c, e, all->u.set.elems[i], upper[u], env);
    if (in)
      VEC_PUSH(room, all->u.set.elems[i]);
  }
  Value *top = val_set(room.data, room.len);
  VEC_FREE(room);
  Value *least = val_empty_set();
  for (int l = 0; l < nl; l++)
    least = val_set_union(least, need_set(lower[l], eval(c, lower[l], env)));
  if (!val_set_subseteq(least, top))
    return true; /* no subset lies between them */
  Value *free_ = val_set_minus(top, least);
  size_t m = free_->u.set.n;
  if (m > 20)
    eval_fail(bd->set, "SUBSET of a set of %zu elements is too large to "
                       "enumerate",
              m);
  Value **buf = xmalloc((m + least->u.set.n + 1) * sizeof *buf);
  for (uint64_t mask = 0; mask < (1ull << m) && !eb->g->stop; mask++) {
    size_t k = 0;
    for (uint32_t i = 0; i < least->u.set.n; i++)
      buf[k++] = least->u.set.elems[i];
    for (size_t i = 0; i < m; i++)
      if (mask & (1ull << i))
        buf[k++] = free_->u.set.elems[i];
    Env f = {id, val_set(buf, k), NULL, NULL, NULL, env, NULL, 0};
    enum_bind_body(c, &f, eb);
  }
  free(buf);
  return true;
}

/* ---- \A x \in S : P in an action ----
 *
 * TLC reads it as the conjunction of P for each x, each conjunct
 * enumerated in turn (so P may assign, and a true disjunction in P gives
 * its state twice).  The bindings are collected first, each as a copy of
 * its frames on the heap above the quantifier's environment. */

typedef struct ForallBinds {
  Env *base;
  VEC(Env *) envs; /* one per binding: its innermost frame */
  VEC(Env *) frames;
} ForallBinds;

static bool forall_collect(Ctx *c, Env *env, void *p) {
  (void)c;
  ForallBinds *fb = p;
  Env *top = NULL, **link = &top;
  for (Env *f = env; f != fb->base; f = f->up) {
    Env *copy = xmalloc(sizeof *copy);
    *copy = *f;
    *link = copy;
    link = &copy->up;
    VEC_PUSH(fb->frames, copy);
  }
  *link = fb->base;
  VEC_PUSH(fb->envs, top ? top : fb->base);
  return true;
}

static void enum_forall(Gen *g, Expr *e, Env *env, Pending *rest) {
  ForallBinds fb = {env, {0}, {0}};
  bind_names(&g->c, e, e->bounds, e->nbounds, 0, env, forall_collect, &fb);
  size_t n = fb.envs.len;
  if (n == 0) {
    enum_rest(g, rest);
  } else {
    Pending *items = xmalloc(n * sizeof *items);
    Pending *chain = rest;
    for (size_t i = n - 1; i > 0; i--) {
      items[i] = (Pending){e->body, fb.envs.data[i], chain};
      chain = &items[i];
    }
    enum_expr(g, e->body, fb.envs.data[0], chain);
    free(items);
  }
  for (size_t i = 0; i < fb.frames.len; i++)
    free(fb.frames.data[i]);
  VEC_FREE(fb.frames);
  VEC_FREE(fb.envs);
}

static void enum_unchanged(Gen *g, Expr *e, Env *env, Pending *rest) {
  if (e->kind == EX_TUPLE) {
    if (e->nargs == 0) {
      enum_rest(g, rest);
      return;
    }
    /* UNCHANGED <<x, y, z>> of plain variables (PlusCal writes these on
     * every action): assign them all at once. */
    bool vars = g->c.target == g->c.next && e->nargs <= 64;
    for (int i = 0; vars && i < e->nargs; i++)
      vars = e->args[i]->kind == EX_OP && e->args[i]->ref.kind == REF_VAR;
    if (vars) {
      int set[64], nset = 0;
      bool ok = true;
      for (int i = 0; ok && i < e->nargs; i++) {
        int v = e->args[i]->ref.u.decl->index;
        if (!g->c.target[v]) {
          g->c.target[v] = g->c.cur[v];
          set[nset++] = v;
          g->nassigned++;
          assign_epoch++;
        } else {
          ok = g->c.target[v] == g->c.cur[v];
        }
      }
      if (ok)
        enum_rest(g, rest);
      g->nassigned -= nset;
      while (nset > 0)
        g->c.target[set[--nset]] = NULL;
      assign_epoch++;
      return;
    }
    Pending *chain = rest;
    Pending items[e->nargs];
    Expr wrappers[e->nargs];
    for (int i = e->nargs - 1; i >= 0; i--) {
      wrappers[i] = *e;
      wrappers[i].kind = EX_OP;
      wrappers[i].ref.kind = REF_BUILTIN;
      wrappers[i].ref.u.builtin = B_UNCHANGED;
      wrappers[i].args = &e->args[i];
      wrappers[i].nargs = 1;
      items[i] = (Pending){&wrappers[i], env, chain};
      chain = &items[i];
    }
    enum_rest(g, chain);
    return;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_VAR && g->c.target == g->c.next) {
    Decl *d = e->ref.u.decl;
    enum_assign(g, d, g->c.cur[d->index], rest);
    return;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_DEF &&
      e->ref.u.def->kind == DEF_OP && e->ref.u.def->nparams == 0) {
    enum_unchanged(g, e->ref.u.def->body, env, rest);
    return;
  }
  /* Anything else: a guard comparing the values. */
  Ctx *c = &g->c;
  Value *before = eval(c, e, env);
  c->primed = true;
  Value *after = eval(c, e, env);
  c->primed = false;
  if (before == after)
    enum_rest(g, rest);
}

/* Does TLC enumerate the body of the definition e applies, rather than
 * test its value?  It does for every definition of the spec's modules,
 * except a constant with no parameters (evaluated once at the start) and
 * one given a value in the model; the operators of the standard modules
 * are built into TLC, like brink's natives.  This shapes only how many
 * states are generated (a true disjunction in a guard gives its state
 * twice), not which. */
static bool enum_opens(Gen *g, Expr *e) {
  if (e->kind != EX_OP || e->ref.kind != REF_DEF)
    return false;
  Def *d = spec_applied_def(g->c.spec, e);
  if (!d || !d->module || d->module->builtin || native_of(g->c.spec, d))
    return false;
  return !(d->nparams == 0 && d->level == LEVEL_CONST);
}

static void enum_expr(Gen *g, Expr *e, Env *env, Pending *rest) {
  if (g->stop)
    return;
  Ctx *c = &g->c;
  switch (e->kind) {
  case EX_OP:
    if (e->ref.kind == REF_BUILTIN) {
      switch (e->ref.u.builtin) {
      case B_AND: {
        /* The first conjunct is enumerated even when every variable has
         * its value already; the later ones are tested then (enum_rest). */
        Pending items[e->nargs];
        Pending *chain = rest;
        for (int i = e->nargs - 1; i > 0; i--) {
          items[i] = (Pending){e->args[i], env, chain};
          chain = &items[i];
        }
        enum_expr(g, e->args[0], env, chain);
        return;
      }
      case B_OR:
        for (int i = 0; i < e->nargs && !g->stop; i++)
          enum_expr(g, e->args[i], env, rest);
        return;
      case B_IMPLIES:
        /* P => Q: Q enumerated when P holds (TLC). */
        if (get_bool(e->args[0], eval(c, e->args[0], env),
                     "the left side of =>"))
          enum_expr(g, e->args[1], env, rest);
        else
          enum_rest(g, rest);
        return;
      case B_EQ: {
        Decl *d = assign_target(g, e->args[0], env);
        if (d && !c->target[d->index]) {
          enum_assign(g, d, eval(c, e->args[1], env), rest);
          return;
        }
        break;
      }
      case B_IN: {
        Decl *d = assign_target(g, e->args[0], env);
        if (d && !c->target[d->index]) {
          Value *s = enum_set(e->args[1], eval(c, e->args[1], env));
          for (uint32_t i = 0; i < s->u.set.n && !g->stop; i++)
            enum_assign(g, d, s->u.set.elems[i], rest);
          return;
        }
        break;
      }
      case B_UNCHANGED:
        if (g->c.target == g->c.next) {
          enum_unchanged(g, e->args[0], env, rest);
          return;
        }
        break;
      default:
        break;
      }
    } else if (e->ref.kind == REF_BINDER && e->ref.u.binder->arity == 0) {
      /* An operator parameter stands for its argument: enumerate that
       * (NoStutter(A) == s = top /\ A /\ s' = s, applied to an action),
       * as TLC does with an argument not evaluated yet. */
      Env *b = env_find(env, e->ref.u.binder->id);
      if (b && !b->v && b->thunk && !cache_valid(b)) {
        if (++c->depth > MAX_DEPTH || stack_nearly_full())
          eval_fail(e, "recursion deeper than %d calls, or too deep for the "
                       "stack",
                    MAX_DEPTH);
        enum_expr(g, b->thunk, b->tenv, rest);
        c->depth--;
        return;
      }
    } else if (spec_may_assign(g->c.spec, e, g->c.target == g->c.cur) ||
               enum_opens(g, e)) {
      /* Expand definitions that may assign (action level in Next, state
       * level in Init) so their conjuncts are seen, and the others TLC
       * expands (see enum_opens). */
      Def *d = spec_applied_def(g->c.spec, e);
      Env frames[d->nparams > 0 ? d->nparams : 1];
      Env *cur = env;
      for (int k = 0; k < d->nparams; k++) {
        frames[k] =
            (Env){d->params[k].id, NULL, e->args[k], env, NULL, cur, c->at, 0};
        cur = &frames[k];
      }
      if (++c->depth > MAX_DEPTH || stack_nearly_full())
        eval_fail(e, "recursion deeper than %d calls, or too deep for the "
                     "stack",
                  MAX_DEPTH);
      enum_expr(g, d->body, cur, rest);
      c->depth--;
      return;
    }
    break;
  case EX_EXISTS: {
    EnumBind eb = {g, e->body, rest};
    if (!subset_exists(c, e, env, &eb))
      bind_names(c, e, e->bounds, e->nbounds, 0, env, enum_bind_body, &eb);
    return;
  }
  case EX_FORALL:
    enum_forall(g, e, env, rest);
    return;
  case EX_IF:
    if (get_bool(e->args[0], eval(c, e->args[0], env), "the IF condition"))
      enum_expr(g, e->args[1], env, rest);
    else
      enum_expr(g, e->args[2], env, rest);
    return;
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      if (get_bool(e->arms[i].guard, eval(c, e->arms[i].guard, env),
                   "a CASE guard")) {
        enum_expr(g, e->arms[i].value, env, rest);
        return;
      }
    if (e->other)
      enum_expr(g, e->other, env, rest);
    else
      eval_fail(e, "no arm of this CASE applies");
    return;
  case EX_LET:
  case EX_LABEL:
    enum_expr(g, e->body, env, rest);
    return;
  case EX_BOX_ACT:
    /* [A]_v: A, or v unchanged (TLC's order). */
    if (g->c.target == g->c.next) {
      enum_expr(g, e->args[0], env, rest);
      if (!g->stop)
        enum_unchanged(g, e->args[1], env, rest);
      return;
    }
    break;
  case EX_DIA_ACT:
    /* <<A>>_v: A, then v must change. */
    if (g->c.target == g->c.next) {
      Expr unch = *e, changed = *e, *unch_arg = &unch;
      unch.kind = changed.kind = EX_OP;
      unch.ref.kind = changed.ref.kind = REF_BUILTIN;
      unch.ref.u.builtin = B_UNCHANGED;
      unch.args = &e->args[1];
      unch.nargs = 1;
      changed.ref.u.builtin = B_NOT;
      changed.args = &unch_arg;
      changed.nargs = 1;
      Pending then = {&changed, env, rest};
      enum_expr(g, e->args[0], env, &then);
      return;
    }
    break;
  default:
    break;
  }
  /* A guard. */
  if (get_bool(e, eval(c, e, env), "this conjunct"))
    enum_rest(g, rest);
}

/* ENABLED A: some next state satisfies A from the current one.  Variables
 * A leaves unassigned may take any value, so they do not matter. */
static bool eval_enabled(Ctx *c, Expr *action, Env *env) {
  if (c->primed || !c->cur)
    eval_fail(action, "ENABLED needs a current state");
  Gen g;
  memset(&g, 0, sizeof g);
  g.nvars = c->spec->nvars;
  Value **next = xcalloc((size_t)g.nvars + 1, sizeof *next);
  g.c.spec = c->spec;
  g.c.level = c->level;
  g.c.cur = c->cur;
  g.c.next = next;
  g.c.target = next;
  g.c.depth = c->depth;
  g.enabled_mode = true;
  g.what = "successor state";
  g.root = action;
  enum_expr(&g, action, env, NULL);
  free(next);
  return g.found;
}

void eval_init_states(const Spec *spec, StateFn fn, void *arg) {
  Gen g;
  memset(&g, 0, sizeof g);
  g.nvars = spec->nvars;
  Value **state = xcalloc((size_t)g.nvars + 1, sizeof *state);
  g.c.spec = spec;
  g.c.level = current_level;
  g.c.cur = state;
  g.c.target = state;
  g.fn = fn;
  g.arg = arg;
  g.what = "initial state";
  g.root = spec->init;
  enum_expr(&g, spec->init, NULL, NULL);
  free(state);
}

static bool note_successor(void *arg, Value **state) {
  (void)state;
  *(bool *)arg = true;
  return false;
}

bool eval_has_successor(const Spec *spec, Value *const *cur) {
  bool any = false;
  eval_successors(spec, cur, note_successor, &any);
  return any;
}

void eval_successors(const Spec *spec, Value *const *cur, StateFn fn,
                     void *arg) {
  Gen g;
  memset(&g, 0, sizeof g);
  g.nvars = spec->nvars;
  Value **next = xcalloc((size_t)g.nvars + 1, sizeof *next);
  g.c.spec = spec;
  g.c.level = current_level;
  g.c.cur = (Value **)cur;
  g.c.next = next;
  g.c.target = next;
  g.fn = fn;
  g.arg = arg;
  g.what = "successor state";
  g.root = spec->next;
  enum_expr(&g, spec->next, NULL, NULL);
  free(next);
}
