/* eval.c -- the evaluator: TLA+ expressions on concrete values.
 *
 * Design.  ev_eval is a recursive walk over the resolved AST with three
 * pieces of context: the states (cur, next, and whether we are inside a
 * prime), the environment of bound names, and the value of `@` (Ctx and
 * Env, evalint.h).  The environment is a linked list of frames allocated
 * on the C stack by the construct that binds them (quantifiers, set and
 * function constructors, operator calls), so binding costs no heap
 * allocation; frames outlive every use because evaluation is strictly
 * nested.  Operator arguments are thunks (expression + caller
 * environment), evaluated on first use and cached outside primes: TLA+
 * operators substitute their arguments, so `Op(a) == a'` applied to `x`
 * means `x'`.
 *
 * This file holds the walk itself -- a closed constant-level
 * subexpression (closed.h) is evaluated once and kept in Expr.cache --,
 * the routing of each AST node and built-in operator to the file of its
 * construct family (evalint.h lists them), names (constants, variables,
 * bound names; a definition goes to call.c), the Boolean connectives and
 * equality, the errors, the helpers on values every family uses, the
 * run's state (ev_run), the level scopes and the public entry points for
 * expressions.  The hottest steps -- the Expr.cache test, the Boolean
 * check, the lookup of a bound name -- are inline in evalint.h, so that
 * the split into files costs no calls on that path. */
#include "evalint.h"

#include <assert.h>

#include "builtin.h"
#include "closed.h"

EvalRun ev_run = {
    .assign_epoch = 1, .level = -1, .natives = true, .state_memo = true};

static _Noreturn void eval_vfail(Expr *e, int code, const char *fmt,
                                 va_list ap) {
  char buf[2048];
  vsnprintf(buf, sizeof buf, fmt, ap);
  fail_at(e ? e->loc : (Loc){0}, code, "%s", buf);
}

void ev_fail(Expr *e, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  eval_vfail(e, EXIT_EVAL, fmt, ap);
}

void ev_unsupported(Expr *e, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  eval_vfail(e, EXIT_OTHER, fmt, ap);
}

char *ev_show(const Value *v) {
  char *s = val_to_string(v);
  if (strlen(s) > 300) {
    s[297] = s[298] = s[299] = '.';
    s[300] = 0;
  }
  return s;
}

/* ---- small helpers on values ---- */

void ev_not_bool(Expr *e, Value *v, const char *what) {
  ev_fail(e, "%s should be a Boolean, but is %s", what, ev_show(v));
}

void ev_int(Expr *e, Value *v, mpz_t out, const char *what) {
  if (v->kind != V_INT)
    ev_fail(e, "%s should be an integer, but is %s", what, ev_show(v));
  val_get_mpz(v, out);
}

Value *ev_int_result(mpz_t z) {
  Value *v = val_int_mpz(z);
  mpz_clear(z);
  return v;
}

/* TLC refuses to compare values of unrelated kinds (a number with a
 * string, say); a model value may be compared with anything. */
bool ev_comparable(const Value *a, const Value *b) {
  if (a->kind == b->kind || a->kind == V_MODEL || b->kind == V_MODEL)
    return true;
  return val_is_set(a) && val_is_set(b);
}

/* A function whose domain holds something that is not a string (strings
 * are contiguous in the order of keys: the two ends tell). */
static bool has_other_keys(const Value *v) {
  return v->kind == V_FUN && v->u.fun.n > 0 && !val_is_record(v);
}

bool ev_equal(Expr *e, Value *a, Value *b) {
  if (a == b)
    return true;
  if (!ev_comparable(a, b))
    ev_fail(e, "attempted to compare %s with %s", ev_show(a), ev_show(b));
  /* TLC cannot turn a tuple or a function over numbers into a record (or
   * back) to compare them: "Attempted to check equality of record". */
  if ((val_is_record(a) && has_other_keys(b)) ||
      (val_is_record(b) && has_other_keys(a)))
    ev_fail(e,
            "attempted to check equality of record %s with non-record "
            "%s",
            ev_show(val_is_record(a) ? a : b),
            ev_show(val_is_record(a) ? b : a));
  if (val_is_set(a) && val_is_set(b) && a->kind != b->kind) {
    mpz_t na, nb;
    mpz_inits(na, nb, NULL);
    bool fa = val_set_card(a, na), fb = val_set_card(b, nb);
    bool eq =
        fa && fb && mpz_cmp(na, nb) == 0 &&
        (a->kind == V_SET ? val_set_subseteq(a, b) : val_set_subseteq(b, a));
    mpz_clears(na, nb, NULL);
    if (!fa || !fb)
      ev_fail(e, "cannot compare the infinite set %s", ev_show(fa ? b : a));
    return eq;
  }
  return false;
}

/* Elements of a set value, for enumeration. */
Value *ev_enum_set(Expr *e, Value *s) {
  if (s->kind == V_SET)
    return s;
  if (!val_is_set(s))
    ev_fail(e, "expected a set, but got %s", ev_show(s));
  Value *x = val_set_enum(s);
  if (!x && s->kind == V_INFSET)
    ev_fail(e, "cannot enumerate the infinite set %s", ev_show(s));
  if (!x)
    ev_unsupported(e,
                   "cannot enumerate the very large set %s (more "
                   "elements than brink enumerates)",
                   ev_show(s));
  return x;
}

Value *ev_need_seq(Expr *e, Value *v, const char *op) {
  if (v->kind != V_FUN || !val_is_seq(v))
    ev_fail(e, "the argument of %s should be a sequence, but is %s", op,
            ev_show(v));
  return v;
}

Value *ev_need_set(Expr *e, Value *v) {
  if (v->kind != V_SET) {
    if (val_is_set(v)) {
      Value *x = val_set_enum(v);
      if (x)
        return x;
    }
    ev_fail(e, "expected a finite set, but got %s", ev_show(v));
  }
  return v;
}

/* ---- environments ---- */

Value *ev_env_value(Ctx *c, Env *b) {
  if (b->v)
    return b->v;
  if (ev_cache_valid(b) && !c->primed)
    return b->cache;
  /* `@` is lexical: an argument means the `@` of where it was written. */
  Value *saved = c->at;
  uint64_t reads = ev_run.target_reads;
  c->at = b->at;
  Value *v = ev_eval(c, b->thunk, b->tenv);
  c->at = saved;
  if (!c->primed) {
    b->cache = v;
    b->epoch = ev_run.target_reads == reads ? 0 : ev_run.assign_epoch;
  }
  return v;
}

/* ---- the walk ---- */

/* Expr.cache of a node that is not a closed constant (evalint.h). */
char ev_not_const_mark;
#define NOT_CONST ((void *)&ev_not_const_mark)

Value *ev_eval_first(Ctx *c, Expr *e, Env *env) {
  if (e->kind == EX_NUM || e->kind == EX_STR || e->kind == EX_BOOL || !c->spec)
    return ev_node(c, e, env);
  if (!closed_const(c->spec, e)) {
    e->cache = NOT_CONST;
    return ev_node(c, e, env);
  }
  Value *v = ev_node(c, e, env);
  e->cache = v;
  return v;
}

static Value *eval_const(Ctx *c, Expr *e, Decl *d, Env *env) {
  const Spec *s = c->spec;
  if (s->const_vals[d->index])
    return s->const_vals[d->index];
  if (s->const_defs[d->index])
    return ev_call_def(c, e, s->const_defs[d->index], env);
  ev_fail(e, "constant '%s' has no value", sym_str(d->name));
}

static Value *eval_var(Ctx *c, Expr *e, Decl *d) {
  Value *v;
  if (c->primed) {
    if (!c->next)
      ev_fail(e, "'%s'' cannot be evaluated here: no next state",
              sym_str(d->name));
    v = c->next[d->index];
    if (c->next == c->target)
      ev_run.target_reads++;
    if (!v)
      ev_fail(e, "%s' is read before it is given a value", sym_str(d->name));
  } else {
    if (!c->cur)
      ev_fail(e, "variable '%s' cannot be evaluated here", sym_str(d->name));
    v = c->cur[d->index];
    if (c->cur == c->target)
      ev_run.target_reads++;
    if (!v)
      ev_fail(e, "variable '%s' is read before it is given a value",
              sym_str(d->name));
  }
  return v;
}

/* A name: a constant, a variable, a bound name, a definition, a built-in. */
static Value *op_node(Ctx *c, Expr *e, Env *env) {
  switch (e->ref.kind) {
  case REF_CONST:
    return eval_const(c, e, e->ref.u.decl, env);
  case REF_VAR:
    return eval_var(c, e, e->ref.u.decl);
  case REF_BINDER: {
    Env *b = ev_env_find(env, e->ref.u.binder->id);
    if (!b)
      ev_fail(e, "internal error: '%s' is not bound", sym_str(e->name));
    if (e->ref.u.binder->arity > 0)
      return ev_call_op_param(c, e, b, env);
    return ev_env_value(c, b);
  }
  case REF_DEF:
    return ev_call_def(c, e, e->ref.u.def, env);
  case REF_BUILTIN:
    return ev_builtin(c, e, env);
  default:
    ev_fail(e, "internal error: unresolved name '%s'", sym_str(e->name));
  }
}

Value *ev_node(Ctx *c, Expr *e, Env *env) {
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
    return op_node(c, e, env);
  case EX_IF:
    if (ev_bool(e->args[0], ev_eval(c, e->args[0], env), "the IF condition"))
      return ev_eval(c, e->args[1], env);
    return ev_eval(c, e->args[2], env);
  case EX_CASE:
    for (int i = 0; i < e->narms; i++)
      if (ev_bool(e->arms[i].guard, ev_eval(c, e->arms[i].guard, env),
                  "a CASE guard"))
        return ev_eval(c, e->arms[i].value, env);
    if (e->other)
      return ev_eval(c, e->other, env);
    ev_fail(e, "no arm of this CASE applies");
  case EX_LABEL:
    return ev_eval(c, e->body, env);
  case EX_LET:
    return ev_let_node(c, e, env);
  case EX_FORALL:
  case EX_EXISTS:
  case EX_CHOOSE:
  case EX_SET_FILTER:
  case EX_SET_MAP:
    return ev_quant_node(c, e, env);
  case EX_SET_ENUM:
    return ev_set_node(c, e, env);
  case EX_TUPLE:
    return ev_seq_node(c, e, env);
  case EX_FAPP:
    return ev_fapp_node(c, e, env);
  case EX_FUNC:
  case EX_FUNSET:
  case EX_RECORD:
  case EX_RECSET:
  case EX_DOT:
  case EX_EXCEPT:
  case EX_AT:
    return ev_fun_node(c, e, env);
  case EX_BOX_ACT:
  case EX_DIA_ACT:
    return ev_action_node(c, e, env);
  case EX_DECIMAL:
    ev_unsupported(e, "real numbers are not supported");
  default:
    ev_fail(e, "this construct (%s) cannot be evaluated on states",
            ast_kind_name(e->kind));
  }
}

/* ---- built-in operators: the connectives here, the rest by family ---- */

Value *ev_builtin(Ctx *c, Expr *e, Env *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_EQ:
  case B_NEQ: {
    /* Operands left to right (C leaves argument order unspecified; TLC's
     * order decides which error is reported). */
    Value *x = ev_eval(c, a[0], env);
    Value *y = ev_eval(c, a[1], env);
    return val_bool(ev_equal(e, x, y) == (b == B_EQ));
  }
  case B_AND:
    for (int i = 0; i < e->nargs; i++)
      if (!ev_bool(a[i], ev_eval(c, a[i], env), "a conjunct"))
        return val_bool(false);
    return val_bool(true);
  case B_OR:
    for (int i = 0; i < e->nargs; i++)
      if (ev_bool(a[i], ev_eval(c, a[i], env), "a disjunct"))
        return val_bool(true);
    return val_bool(false);
  case B_NOT:
    return val_bool(!ev_bool(a[0], ev_eval(c, a[0], env), "the operand of ~"));
  case B_IMPLIES:
    if (!ev_bool(a[0], ev_eval(c, a[0], env), "the left side of =>"))
      return val_bool(true);
    return val_bool(
        ev_bool(a[1], ev_eval(c, a[1], env), "the right side of =>"));
  case B_EQUIV: {
    bool x = ev_bool(a[0], ev_eval(c, a[0], env), "an operand of <=>");
    bool y = ev_bool(a[1], ev_eval(c, a[1], env), "an operand of <=>");
    return val_bool(x == y);
  }
  case B_BOX:
  case B_DIAMOND:
  case B_LEADSTO:
    ev_fail(e, "a temporal formula cannot be evaluated on a state");
  case B_REAL:
  case B_INFINITY:
  case B_RDIV:
    ev_unsupported(e, "real numbers are not supported");
  case B_IN:
  case B_NOTIN:
  case B_CUP:
  case B_CAP:
  case B_SETMINUS:
  case B_SUBSETEQ:
  case B_SUBSET:
  case B_UNION:
  case B_BOOLEAN:
  case B_STRING:
  case B_TIMES:
  case B_NAT:
  case B_INT:
  case B_SEQ:
  case B_ISFINITESET:
  case B_CARDINALITY:
    return ev_set_op(c, e, env);
  case B_DOMAIN:
  case B_SINGLETON_FN:
  case B_MERGE_FN:
    return ev_fun_op(c, e, env);
  case B_PRIME:
  case B_UNCHANGED:
    return ev_action_op(c, e, env);
  case B_ENABLED:
    return ev_enabled_op(c, e, env);
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
  case B_NEG:
    return ev_arith_op(c, e, env);
  case B_LEN:
  case B_CONCAT:
  case B_APPEND:
  case B_HEAD:
  case B_TAIL:
  case B_SUBSEQ:
  case B_SELECTSEQ:
  case B_SORTSEQ:
    return ev_seq_op(c, e, env);
  case B_PRINT:
  case B_PRINTT:
  case B_ASSERT:
  case B_PERMUTATIONS:
  case B_TLCGET:
  case B_TLCSET:
  case B_TLCEVAL:
  case B_RANDOMELEMENT:
  case B_JAVATIME:
  case B_ANY:
  case B_TOSTRING:
    return ev_tlc_op(c, e, env);
  }
  ev_unsupported(e, "the operator '%s' is not supported yet", sym_str(e->name));
}

/* ---- settings and public entry points ---- */

void eval_set_natives(bool on) { ev_run.natives = on; }

void eval_set_state_memo(bool on) { ev_run.state_memo = on; }

bool eval_set_may_write(bool on) {
  bool old = ev_run.may_write;
  ev_run.may_write = on;
  return old;
}

int eval_set_level(int level) {
  int old = ev_run.level;
  ev_run.level = level;
  return old;
}

EvalLevel eval_level_enter(int level) {
  EvalLevel l = {ev_run.level, ++ev_run.level_scopes};
  ev_run.level = level;
  return l;
}

/* An evaluation error may unwind past the leave of an inner scope (to a
 * recovery point inside this one): leaving this scope closes those too. */
void eval_level_leave(EvalLevel l) {
  assert(l.depth >= 1 && l.depth <= ev_run.level_scopes);
  ev_run.level_scopes = l.depth - 1;
  ev_run.level = l.saved;
}

void ev_ctx_init(Ctx *c, const EvalState *st) {
  memset(c, 0, sizeof *c);
  c->level = ev_run.level;
  c->spec = st->spec;
  c->cur = (Value **)st->cur;
  c->next = (Value **)st->next;
}

Value *eval_expr(const EvalState *st, Expr *e) {
  Ctx c;
  ev_ctx_init(&c, st);
  return ev_eval(&c, e, NULL);
}

Value *eval_const_quiet(const Spec *sp, Expr *e) {
  EvalState st = {sp, NULL, NULL};
  FailPoint fp;
  void *old = diag_mute();
  Value *v = NULL;
  if (fail_push(&fp) == 0) {
    v = eval_expr(&st, e);
    fail_pop(&fp);
  }
  diag_unmute(old);
  return v;
}

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
  ev_ctx_init(&c, st);
  Env frames[16];
  EnvPool pool = {frames, 0, 16, {0}};
  Env *env = env_of_binds(b, &pool);
  Value *v = ev_eval(&c, e, env);
  for (size_t i = 0; i < pool.heap.len; i++)
    free(pool.heap.data[i]);
  VEC_FREE(pool.heap);
  return v;
}

bool eval_bool(const EvalState *st, Expr *e, const char *what) {
  Ctx c;
  ev_ctx_init(&c, st);
  return ev_bool(e, ev_eval(&c, e, NULL), what);
}
