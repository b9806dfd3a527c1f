/* encode.c -- TLA+ expressions and actions as symbolic values.
 *
 * Design.  The encoder mirrors the evaluator (src/eval.c) construct by
 * construct, but computes SymVals instead of Values.  Three ideas carry it:
 *
 * 1. Closed constant subexpressions (constant level, no free bound names)
 *    are computed by the concrete evaluator once and turned into symbolic
 *    constants, so everything TLC can compute from the config alone costs
 *    nothing here and agrees with the explicit engine by construction.
 * 2. Actions are encoded against a partial next state: per variable, a
 *    value and an "assigned" Bool term.  `x' = e` on an unassigned x'
 *    assigns, on an assigned one tests; where assignment depends on the
 *    branch taken the flag is symbolic and the value an ite.  Branches
 *    (\/, \E, IF, CASE) are encoded from the same incoming partial state
 *    and merged under fresh selectors.
 * 3. A path condition (pc) tracks when TLC would actually evaluate the
 *    current subexpression (after the conjuncts to its left hold, inside
 *    the taken IF branch, ...); an evaluation error there is recorded as
 *    the well-definedness condition pc /\ <error>.
 *
 * Bound names are frames on the C stack, as in the evaluator; operator
 * arguments are passed by name (thunks), cached outside primes. */
#include "encode.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "community.h"
#include "eval.h"
#include "instance.h"
#include "registers.h"
#include "reccall.h"
#include "strcase.h"

#define MAX_CELLS 100000 /* cells a constructed symbolic set may have */
#define MAX_UNFOLD 400   /* nested calls while unfolding recursion */
#define MAX_SYM_UNFOLD 32 /* unfoldings of one definition past a symbolic
                           * condition */
#define MAX_FUNCS 4096   /* elements of a built [S -> T] or [a : S, ...] */
#define MAX_REC_CASES 16 /* values a split argument of a recursive call may
                          * take (rec_apply) */

typedef struct Bind {
  uint32_t id;
  SymVal *v;
  Expr *thunk;
  struct Bind *tenv;
  SymVal *cache;
  struct Bind *up;
  SymVal *at; /* the value of `@` where the thunk was made */
  uint64_t epoch; /* with cache: Enc.nxt_epoch it holds in, 0 = always */
  /* With cache: the errors its encoding records, relative to its own
   * evaluation (path condition TRUE); every use records them again under
   * the path condition of that use. */
  WdErr *errs;
  size_t nerrs;
  /* A parameter of a memoised recursive call (rec_apply): its reads are
   * logged with this key, so that the call knows when it reads it. */
  TermId *use;
  /* With cache: the reads of such parameters its encoding logged,
   * relative to its own evaluation, replayed at every use. */
  struct UseRec *uses;
  size_t nuses;
} Bind;

/* A read of a memoised call's parameter (key: its Bind's use) under the
 * path condition cond. */
typedef struct UseRec {
  TermId *key;
  TermId cond;
} UseRec;

/* The frames of a LET's parameterless definitions have this id and the
 * definition's body as thunk (as in eval.c). */
#define LET_FRAME (UINT32_MAX - 64)

typedef struct Pick {
  SymVal *val, *set;
} Pick;

struct Enc {
  const Spec *spec;
  TermMgr *tm;
  int nvars;
  SymVal **cur;  /* the current state (NULL while encoding Init) */
  SymVal **nxt;  /* partial next state (Init: the state being built) */
  TermId *asg;   /* assigned flags for nxt */
  /* Bumped at every change of nxt/asg, and at every read of nxt: a thunk
   * whose encoding read the partial next state is cached only until it
   * changes (in Init(v) == \E k \in 0..1 : v = k /\ v < 1, v stands for
   * a variable Init is assigning, with another value in each branch). */
  uint64_t nxt_epoch, nxt_reads;
  bool init_mode;
  bool primed;
  SymVal *at;
  TermId pc;
  WdErrVec *errs;
  int depth;
  unsigned branchings; /* action-level branchings encoded (ENABLED) */
  /* The definitions being unfolded, innermost last, each with the path
   * condition at its call. */
  VEC(struct Active { Def *d; TermId pc; }) active;
  SymVal **const_cache; /* by constant index */
  /* Values of parameterless module-level definitions of constant or state
   * level in the current state, by definition id; valid while `gen` and
   * `cur` are those recorded (see def_memo_get). */
  struct {
    SymVal **vals;
    uint32_t *gen;
    SymVal ***cur;
  } defs;
  uint32_t gen; /* bumped by every entry point */
  int max_seq_len;  /* longest sequence a choice from Seq(S) makes */
  /* Names bound to fresh members by \E in actions (exists_choice), with
   * their values, since the last entry point. */
  VEC(uint32_t) choice_ids;
  VEC(SymVal *) choice_vals;
  int seq_choices;  /* choices from Seq(S) encoded so far */
  /* TLCGet("level") (encode.h): the frame of the current state, the level
   * variable of each frame (TERM_NONE until used), and the ranges of the
   * variables made since enc_take_axioms. */
  int frame;
  VEC(TermId) levels;
  VEC(TermId) level_list;
  VEC(TermId) axioms;
  /* A TLCGet that reads a register (registers.h), once looked for. */
  bool reg_known;
  const Expr *reg_read;
  /* Members picked by an oracle from a set whose cells all hold (a
   * constant set): the pick is one of its keys, whatever the oracle, so
   * it is in that set (enc_in answers TRUE without a disjunction over
   * the keys). */
  VEC(Pick) picks;
  /* Recursive calls (rec_apply): the memo of their encodings in the
   * current entry point, the splits still allowed below the call being
   * encoded, and the log of parameter reads. */
  CallMemo *rec;
  int rec_budget;
  VEC(UseRec) uselog;
  /* The calls being encoded (each a definition and its arguments), and
   * the lowest index in it that a cut since the innermost was entered
   * refers to (INT_MAX: none): a value computed below a cut that refers
   * to an enclosing call depends on that call being under way. */
  VEC(struct RecFrame { Def *d; SymVal **args; int budget; }) rec_stack;
  int rec_low;
  /* Memo of closed constant subexpressions: expr -> value or NOT_CONST. */
  struct {
    Expr **keys;
    Value **vals;
    size_t cap, len;
  } memo;
  /* For --stats: the terms made while each definition that may assign
   * (an action) was being unfolded, outermost application only. */
  VEC(EncDefTerms) def_terms;
};

static Value not_const_marker;
#define NOT_CONST (&not_const_marker)

static SymVal *enc(Enc *E, Expr *e, Bind *env);
static SymVal *enc_funset(Enc *E, Expr *e, Bind *env);
static SymVal *enc_recset(Enc *E, Expr *e, Bind *env);
static TermId enc_act(Enc *E, Expr *e, Bind *env);
static SymVal *enc_enabled(Enc *E, Expr *e, Bind *env);
static TermId level_var(Enc *E);
static TermId level_compare(Enc *E, bool strict, TermId a, TermId b);

static _Noreturn void unsupported(Expr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static _Noreturn void unsupported(Expr *e, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  fail_at(e->loc, EXIT_OTHER, "symbolic engine: %s", buf);
}

#define T (E->tm)

static void wd_code(Enc *E, TermId cond, Expr *at, const char *msg,
                    int code) {
  TermId c = term_mk_and2(T, E->pc, cond);
  if (term_is_false(T, c))
    return;
  WdErr w = {c, at->loc, msg, code};
  VEC_PUSH(*E->errs, w);
}

static void wd(Enc *E, TermId cond, Expr *at, const char *msg) {
  wd_code(E, cond, at, msg, EXIT_EVAL);
}

/* a = b: the Bool term, with the error recorded for when the two are of
 * kinds TLC refuses to compare. */
static TermId eq_checked(Enc *E, Expr *e, SymVal *a, SymVal *b) {
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
static SymVal *take_kind(Expr *e, SymVal *v, SvKind k, const char *what) {
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

static TermId as_bool(Expr *e, SymVal *v) {
  v = take_kind(e, v, SV_BOOL, "a Boolean");
  if (v->kind != SV_BOOL)
    unsupported(e, "a Boolean was expected here");
  return v->t;
}

/* sv_any() (the value of an expression that is an error wherever it is
 * reached) passes as a value of any kind: the error is already recorded. */
static TermId as_int(Expr *e, SymVal *v) {
  if (v == sv_any())
    return term_mk_int_si(sv_mgr(), 0);
  v = take_kind(e, v, SV_INT, "an integer");
  if (v == sv_any())
    return term_mk_int_si(sv_mgr(), 0);
  if (v->kind != SV_INT)
    unsupported(e, "an integer was expected here");
  return v->t;
}

static SymVal *need_set(Expr *e, SymVal *v) {
  if (v == sv_any())
    return sv_set(NULL, 0);
  v = take_kind(e, v, SV_SET, "a set");
  if (v == sv_any())
    return sv_set(NULL, 0);
  if (v->kind != SV_SET)
    unsupported(e, "a finite set was expected here");
  return v;
}

static SymVal *ite_or_fail(Expr *e, TermId c, SymVal *a, SymVal *b) {
  SymVal *r = sv_ite(c, a, b);
  if (!r)
    unsupported(e, "the two branches give values of different kinds (say, a "
                   "record and a model value); the symbolic engine does not "
                   "support values of mixed kinds yet");
  return r;
}

/* ---- closed constant subexpressions ---- */

typedef VEC(uint32_t) IdVec;

static bool bound_has(IdVec *b, uint32_t id) {
  for (size_t i = 0; i < b->len; i++)
    if (b->data[i] == id)
      return true;
  return false;
}

static void bind_bounds(IdVec *b, Bound *bs, int n) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < bs[i].nnames; j++)
      VEC_PUSH(*b, bs[i].names[j].id);
}

static bool closed_rec(const Spec *sp, Expr *e, IdVec *bound, int depth) {
  if (!e)
    return true;
  if (depth > 200)
    return false;
  size_t mark = bound->len;
  bool ok = true;
  if (e->kind == EX_OP) {
    if (e->ref.kind == REF_BINDER && !bound_has(bound, e->ref.u.binder->id))
      return false;
    if (e->ref.kind == REF_VAR)
      return false;
    /* A definition whose value is not a function of the state and the
     * constants (TLCGet("level"), RandomElement, ...) is not a constant. */
    if (e->ref.kind == REF_DEF && e->ref.u.def->module &&
        !eval_def_pure(sp, e->ref.u.def))
      return false;
    if (e->ref.kind == REF_DEF && !e->ref.u.def->module) {
      Def *d = e->ref.u.def; /* a LET definition: look inside */
      bind_bounds(bound, d->bounds, d->nbounds);
      for (int i = 0; i < d->nparams; i++)
        VEC_PUSH(*bound, d->params[i].id);
      ok = closed_rec(sp, d->body, bound, depth + 1);
      bound->len = mark;
      if (!ok)
        return false;
    }
    if (e->ref.kind == REF_BUILTIN &&
        (e->ref.u.builtin == B_PRIME || e->ref.u.builtin == B_UNCHANGED ||
         e->ref.u.builtin == B_ENABLED || e->ref.u.builtin == B_PRINT ||
         e->ref.u.builtin == B_PRINTT ||
         (e->ref.u.builtin == B_TLCGET && e->args[0]->kind == EX_STR &&
          !strcmp(sym_str(e->args[0]->str), "level"))))
      return false;
  }
  if (e->kind == EX_AT)
    return false;
  for (int i = 0; ok && i < e->nbounds; i++)
    ok = closed_rec(sp, e->bounds[i].set, bound, depth + 1);
  bind_bounds(bound, e->bounds, e->nbounds);
  for (int i = 0; ok && i < e->nargs; i++)
    ok = closed_rec(sp, e->args[i], bound, depth + 1);
  ok = ok && closed_rec(sp, e->body, bound, depth + 1);
  for (int i = 0; ok && i < e->narms; i++)
    ok = closed_rec(sp, e->arms[i].guard, bound, depth + 1) &&
         closed_rec(sp, e->arms[i].value, bound, depth + 1);
  ok = ok && closed_rec(sp, e->other, bound, depth + 1);
  for (int i = 0; ok && i < e->nupdates; i++) {
    ExceptUpdate *u = &e->updates[i];
    if (!closed_rec(sp, u->value, bound, depth + 1))
      ok = false; /* `@` inside makes it non-closed anyway */
    for (int s = 0; ok && s < u->npath; s++)
      for (int k = 0; ok && k < u->path[s].nargs; k++)
        ok = closed_rec(sp, u->path[s].args[k], bound, depth + 1);
  }
  for (int i = 0; ok && i < e->ndefs; i++) {
    Def *d = e->defs[i];
    size_t m2 = bound->len;
    for (int k = 0; k < d->nparams; k++)
      VEC_PUSH(*bound, d->params[k].id);
    bind_bounds(bound, d->bounds, d->nbounds);
    ok = closed_rec(sp, d->body, bound, depth + 1);
    bound->len = m2;
  }
  bound->len = mark;
  return ok;
}

static Value *memo_get(Enc *E, Expr *e) {
  if (!E->memo.cap)
    return NULL;
  size_t i = hash_mix(0, (uintptr_t)e) & (E->memo.cap - 1);
  while (E->memo.keys[i]) {
    if (E->memo.keys[i] == e)
      return E->memo.vals[i];
    i = (i + 1) & (E->memo.cap - 1);
  }
  return NULL;
}

static void memo_put(Enc *E, Expr *e, Value *v) {
  if (2 * (E->memo.len + 1) > E->memo.cap) {
    size_t ncap = E->memo.cap ? 2 * E->memo.cap : 1024;
    Expr **nk = xcalloc(ncap, sizeof *nk);
    Value **nv = xcalloc(ncap, sizeof *nv);
    for (size_t i = 0; i < E->memo.cap; i++)
      if (E->memo.keys[i]) {
        size_t j = hash_mix(0, (uintptr_t)E->memo.keys[i]) & (ncap - 1);
        while (nk[j])
          j = (j + 1) & (ncap - 1);
        nk[j] = E->memo.keys[i];
        nv[j] = E->memo.vals[i];
      }
    free(E->memo.keys);
    free(E->memo.vals);
    E->memo.keys = nk;
    E->memo.vals = nv;
    E->memo.cap = ncap;
  }
  size_t i = hash_mix(0, (uintptr_t)e) & (E->memo.cap - 1);
  while (E->memo.keys[i])
    i = (i + 1) & (E->memo.cap - 1);
  E->memo.keys[i] = e;
  E->memo.vals[i] = v;
  E->memo.len++;
}

/* The value of e when it is closed and constant-level and the evaluator
 * can compute it; NULL otherwise. */
static Value *closed_value(Enc *E, Expr *e) {
  Value *m = memo_get(E, e);
  if (m)
    return m == NOT_CONST ? NULL : m;
  Value *v = NOT_CONST;
  IdVec bound = {0};
  if (expr_level(e) == LEVEL_CONST && closed_rec(E->spec, e, &bound, 0)) {
    EvalState st = {E->spec, NULL, NULL};
    FailPoint fp;
    FILE *devnull = fopen("/dev/null", "w");
    void *old = diag_set_stream(devnull);
    if (fail_push(&fp) == 0) {
      Value *x = eval_expr(&st, e);
      fail_pop(&fp);
      /* Infinite sets stay symbolic-only (membership tests). */
      if (x->kind != V_INFSET && x->kind != V_INTERVAL)
        v = x;
    }
    diag_set_stream(old);
    if (devnull)
      fclose(devnull);
  }
  VEC_FREE(bound);
  memo_put(E, e, v);
  return v == NOT_CONST ? NULL : v;
}

/* ---- bound names ---- */

static Bind *bind_find(Bind *b, uint32_t id) {
  for (; b; b = b->up)
    if (b->id == id)
      return b;
  return NULL;
}

/* Binds d's parameters to the argument expressions (by name: thunks in
 * env) in frames, which has room for d->nparams; returns the innermost. */
static Bind *bind_params(Enc *E, Def *d, Expr **args, Bind *env,
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

static void merge_errs(Enc *E, size_t from) {
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
static SymVal *bind_value(Enc *E, Bind *b) {
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
static Bind *let_frames(Enc *E, Expr *e, Bind *env, Bind *frames) {
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

static Bind *let_frame(Bind *env, const Def *d) {
  for (; env; env = env->up)
    if (env->id == LET_FRAME && env->thunk == d->body)
      return env;
  return NULL;
}

/* The order in which TLC visits a set's elements: value order.  Cells with
 * constant keys are sorted by their values (stable, so a key that occurs
 * twice keeps its first cell first); symbolic keys keep cell order, which
 * can only differ from TLC's in which of two errors is met first. */
static uint32_t *value_order(const SymVal *s) {
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
static Bind *bind_tuple(Enc *E, Bound *bd, SymVal *t, TermId mem, Bind *env,
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

/* Expands the bounds `x \in S, y \in T` into all combinations of cells:
 * fn is called with the frames bound and the membership condition. */
typedef void (*ExpandFn)(Enc *E, Bind *env, TermId mem, void *arg);

static void expand_rec(Enc *E, Expr *at, Bound *b, int nb, int i, int j,
                       Bind *env, TermId mem, ExpandFn fn, void *arg) {
  if (i == nb) {
    fn(E, env, mem, arg);
    return;
  }
  Bound *bd = &b[i];
  if (!bd->set)
    unsupported(at, "unbounded quantifiers cannot be encoded");
  SymVal *s = need_set(bd->set, enc(E, bd->set, env));
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

static void expand(Enc *E, Expr *at, Bound *b, int nb, Bind *env, ExpandFn fn,
                   void *arg) {
  expand_rec(E, at, b, nb, 0, 0, env, term_true(T), fn, arg);
}

/* The tuple of the names a function constructor binds (its domain key). */
static SymVal *bound_key(Bind *env, int nnames) {
  if (nnames == 1)
    return env->v;
  SvCell cells[16];
  Bind *b = env;
  for (int i = nnames - 1; i >= 0; i--, b = b->up)
    cells[i] = (SvCell){sv_int(term_mk_int_si(sv_mgr(), i + 1)),
                        term_true(sv_mgr()), b->v};
  return sv_fun(cells, (uint32_t)nnames);
}

static int count_names(Bound *b, int nb) {
  int n = 0;
  for (int i = 0; i < nb; i++)
    n += b[i].nnames;
  return n;
}

/* ---- quantifiers and constructors ---- */

typedef struct QAcc {
  Expr *body;
  bool forall;
  TermId prefix; /* all earlier elements left the result undecided */
  VEC(TermId) parts;
  VEC(SvCell) cells;
  int nnames;
} QAcc;

static void q_elem(Enc *E, Bind *env, TermId mem, void *arg) {
  QAcc *q = arg;
  TermId saved = E->pc;
  E->pc = term_mk_and(T, (TermId[]){saved, q->prefix, mem}, 3);
  TermId p = as_bool(q->body, enc(E, q->body, env));
  E->pc = saved;
  if (q->forall) {
    TermId part = term_mk_implies(T, mem, p);
    VEC_PUSH(q->parts, part);
    q->prefix = term_mk_and2(T, q->prefix, part);
  } else {
    TermId part = term_mk_and2(T, mem, p);
    VEC_PUSH(q->parts, part);
    q->prefix = term_mk_and2(T, q->prefix, term_mk_not(T, part));
  }
}

/* \A x \in S : P and \E x \in S : P with errors found in TLC's order.
 * TLC visits S in value order and stops at the first element that decides
 * the result; an error in P at element j happens only if no element before
 * j decided it.  With symbolic keys that order is not known while
 * encoding, so every body is encoded first and each body's errors are then
 * conditioned on "no member smaller than this one was decisive", where
 * "smaller" is cell order when the keys are constants (value_order sorted
 * them) and TLC's value order (sv_lt, cell order breaking ties)
 * otherwise. */
static SymVal *enc_quant_ordered(Enc *E, Expr *e, Bind *env) {
  bool forall = e->kind == EX_FORALL;
  Bound *bd = &e->bounds[0];
  SymVal *s = need_set(bd->set, enc(E, bd->set, env));
  uint32_t *ord = value_order(s);
  uint32_t n = s->n;
  TermId *decisive = xcalloc(n + 1, sizeof *decisive);
  size_t *err_from = xcalloc(n + 2, sizeof *err_from);
  VEC(TermId) parts = {0};
  bool consts = true;
  for (uint32_t o = 0; o < n && consts; o++) {
    Value *v;
    consts = sv_is_const(s->cells[o].key, &v);
  }
  for (uint32_t o = 0; o < n; o++) {
    SvCell *c = &s->cells[ord[o]];
    Bind f = {.id = bd->names[0].id, .v = c->key, .up = env};
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, c->mem);
    err_from[o] = E->errs->len;
    TermId p = as_bool(e->body, enc(E, e->body, &f));
    E->pc = saved;
    TermId part = forall ? term_mk_implies(T, c->mem, p)
                         : term_mk_and2(T, c->mem, p);
    VEC_PUSH(parts, part);
    decisive[o] = forall ? term_mk_not(T, part) : part;
  }
  err_from[n] = E->errs->len;
  for (uint32_t o = 0; o < n; o++) {
    if (err_from[o] == err_from[o + 1])
      continue;
    SymVal *kj = s->cells[ord[o]].key;
    VEC(TermId) none = {0};
    for (uint32_t i = 0; i < n; i++) {
      if (i == o)
        continue;
      TermId before = term_mk_bool(T, i < o);
      if (!consts) {
        SymVal *ki = s->cells[ord[i]].key;
        before = term_mk_or2(T, sv_lt(ki, kj),
                             term_mk_and2(T, before, sv_equal(ki, kj)));
      }
      VEC_PUSH(none, term_mk_implies(T, before, term_mk_not(T, decisive[i])));
    }
    TermId first = term_mk_and(T, none.data, none.len);
    VEC_FREE(none);
    for (size_t k = err_from[o]; k < err_from[o + 1]; k++)
      E->errs->data[k].cond = term_mk_and2(T, E->errs->data[k].cond, first);
  }
  TermId r = forall ? term_mk_and(T, parts.data, parts.len)
                    : term_mk_or(T, parts.data, parts.len);
  VEC_FREE(parts);
  free(decisive);
  free(err_from);
  free(ord);
  return sv_bool(r);
}

static void filter_elem(Enc *E, Bind *env, TermId mem, void *arg) {
  QAcc *q = arg;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, mem);
  TermId p = as_bool(q->body, enc(E, q->body, env));
  E->pc = saved;
  SvCell c = {env->v, term_mk_and2(T, mem, p), NULL};
  VEC_PUSH(q->cells, c);
}

/* {<<a, b>> \in S : P}: the elements of S whose components satisfy P. */
static SymVal *enc_tuple_filter(Enc *E, Expr *e, Bind *env) {
  Bound *bd = &e->bounds[0];
  SymVal *s = need_set(bd->set, enc(E, bd->set, env));
  uint32_t *ord = value_order(s);
  VEC(SvCell) out = {0};
  for (uint32_t o = 0; o < s->n; o++) {
    SvCell c = s->cells[ord[o]];
    if (term_is_false(T, c.mem))
      continue;
    Bind frames[16];
    Bind *cur = bind_tuple(E, bd, c.key, c.mem, env, frames);
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, c.mem);
    TermId p = as_bool(e->body, enc(E, e->body, cur));
    E->pc = saved;
    c.mem = term_mk_and2(T, c.mem, p);
    VEC_PUSH(out, c);
  }
  free(ord);
  SymVal *r = sv_set(out.data, (uint32_t)out.len);
  VEC_FREE(out);
  return r;
}

static void map_elem(Enc *E, Bind *env, TermId mem, void *arg) {
  QAcc *q = arg;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, mem);
  SymVal *v = enc(E, q->body, env);
  E->pc = saved;
  SvCell c = {v, mem, NULL};
  VEC_PUSH(q->cells, c);
  if (q->cells.len > MAX_CELLS)
    unsupported(q->body, "a set of more than %d elements would be built",
                MAX_CELLS);
}

static void func_elem(Enc *E, Bind *env, TermId mem, void *arg) {
  QAcc *q = arg;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, mem);
  SymVal *v = enc(E, q->body, env);
  E->pc = saved;
  SvCell c = {bound_key(env, q->nnames), mem, v};
  VEC_PUSH(q->cells, c);
}

/* CHOOSE x \in s : P over symbolic elements: the member satisfying P that
 * comes first in TLC's value order (sv_lt), which is TLC's choice.  TLC
 * evaluates P element by element in that order and stops at the first
 * witness, so an error in P at one element is recorded for when no
 * element before it is a witness. */
static SymVal *choose_least(Enc *E, Expr *e, SymVal *s, Bind *env) {
  Bound *bd = &e->bounds[0];
  uint32_t n = s->n;
  TermId *hit = xmalloc((n + 1) * sizeof *hit);
  size_t *err_from = xmalloc((n + 2) * sizeof *err_from);
  TermId saved = E->pc;
  for (uint32_t i = 0; i < n; i++) {
    Bind f = {.id = bd->names[0].id, .v = s->cells[i].key, .up = env};
    E->pc = term_mk_and2(T, saved, s->cells[i].mem);
    err_from[i] = E->errs->len;
    TermId p = as_bool(e->body, enc(E, e->body, &f));
    hit[i] = term_mk_and2(T, s->cells[i].mem, p);
  }
  err_from[n] = E->errs->len;
  E->pc = saved;
  /* before[i][j]: cell j is visited before cell i (ties by cell order). */
  TermId *before = xmalloc(((size_t)n * n + 1) * sizeof *before);
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t j = 0; j < n; j++) {
      SymVal *ki = s->cells[i].key, *kj = s->cells[j].key;
      TermId b = term_false(T);
      if (j != i) {
        b = sv_lt(kj, ki);
        if (j < i)
          b = term_mk_or2(T, b, sv_equal(kj, ki));
      }
      before[(size_t)i * n + j] = b;
    }
  TermId none = term_true(T);
  SymVal *r = NULL;
  for (uint32_t i = n; i-- > 0;) {
    VEC(TermId) first = {0};
    for (uint32_t j = 0; j < n; j++)
      if (j != i)
        VEC_PUSH(first, term_mk_implies(T, before[(size_t)i * n + j],
                                        term_mk_not(T, hit[j])));
    TermId no_earlier = term_mk_and(T, first.data, first.len);
    VEC_FREE(first);
    for (size_t k = err_from[i]; k < err_from[i + 1]; k++)
      E->errs->data[k].cond = term_mk_and2(T, E->errs->data[k].cond,
                                           no_earlier);
    TermId least = term_mk_and2(T, hit[i], no_earlier);
    r = r ? ite_or_fail(e, least, s->cells[i].key, r) : s->cells[i].key;
    none = term_mk_and2(T, none, term_mk_not(T, hit[i]));
  }
  wd(E, none, e, "CHOOSE found no element satisfying its condition");
  free(before);
  free(err_from);
  free(hit);
  return r ? r : sv_any();
}

static SymVal *enc_choose(Enc *E, Expr *e, Bind *env) {
  Bound *bd = &e->bounds[0];
  if (!bd->set || bd->tuple || bd->nnames != 1)
    unsupported(e, "CHOOSE must have the form CHOOSE x \\in S : P");
  SymVal *s = need_set(bd->set, enc(E, bd->set, env));
  /* The least witness in TLC's order: constant cells are sorted here;
   * symbolic ones are compared by the solver (choose_least). */
  bool consts = true;
  for (uint32_t i = 0; i < s->n && consts; i++) {
    Value *v;
    consts = sv_is_const(s->cells[i].key, &v);
  }
  if (!consts)
    return choose_least(E, e, s, env);
  SymVal *r = NULL;
  TermId none = term_true(T);
  VEC(TermId) hits = {0};
  uint32_t *ord = value_order(s);
  SvCell *sorted = xmalloc((s->n + 1) * sizeof *sorted);
  for (uint32_t i = 0; i < s->n; i++)
    sorted[i] = s->cells[ord[i]];
  free(ord);
  s = sv_set(sorted, s->n);
  free(sorted);
  for (uint32_t i = 0; i < s->n; i++) {
    Bind f = {.id = bd->names[0].id, .v = s->cells[i].key, .up = env};
    TermId saved = E->pc;
    E->pc = term_mk_and(T, (TermId[]){saved, none, s->cells[i].mem}, 3);
    TermId p = as_bool(e->body, enc(E, e->body, &f));
    E->pc = saved;
    TermId hit = term_mk_and2(T, s->cells[i].mem, p);
    VEC_PUSH(hits, hit);
    none = term_mk_and2(T, none, term_mk_not(T, hit));
  }
  for (size_t i = hits.len; i-- > 0;)
    r = r ? ite_or_fail(e, hits.data[i], s->cells[i].key, r)
          : s->cells[i].key;
  wd(E, none, e, "CHOOSE found no element satisfying its condition");
  VEC_FREE(hits);
  if (!r) /* CHOOSE from the empty set: the error is recorded */
    r = sv_any();
  return r;
}

/* ---- membership with lazily described sets ---- */

/* Is the body of a definition a set form that enc_in (or fresh_member,
 * when choosing) decides without building the set?  Only then do they look
 * through the definition; otherwise the set is built, and when it is a
 * constant, built once by the evaluator. */
static bool decomposed_set_form(const Spec *sp, Expr *b, bool choosing,
                                int depth) {
  if (depth > 16)
    return false;
  switch (b->kind) {
  case EX_RECSET:
  case EX_FUNSET:
  case EX_SET_FILTER:
    return true;
  case EX_SET_MAP: /* a member is e(y) for a member y: only when choosing */
    return choosing;
  case EX_OP:
    if (b->ref.kind == REF_DEF && !spec_def_value(sp, b->ref.u.def)) {
      Def *d = spec_effective_def(sp, b->ref.u.def);
      return d->kind == DEF_OP &&
             decomposed_set_form(sp, d->body, choosing, depth + 1);
    }
    if (b->ref.kind != REF_BUILTIN)
      return false;
    switch (b->ref.u.builtin) {
    case B_SUBSET:
    case B_RANGE:
    case B_SEQ:
      return true;
    case B_NAT:
    case B_INT:
    case B_STRING:
    case B_SETMINUS:
    case B_CUP:
    case B_CAP:
    case B_TIMES:
      return !choosing;
    case B_UNION:
      return !choosing && b->args[0]->kind == EX_SET_ENUM;
    default:
      return false;
    }
  default:
    return false;
  }
}

/* The definition whose body enc_in (or fresh_member, when choosing) should
 * look at instead of building the set `set` names; NULL when there is none
 * or the unfolding is too deep. */
static Def *set_form_def(Enc *E, Expr *set, bool choosing) {
  if (set->kind != EX_OP || set->ref.kind != REF_DEF ||
      !decomposed_set_form(E->spec, set, choosing, 0))
    return NULL;
  Def *d = spec_effective_def(E->spec, set->ref.u.def);
  return d->nparams == set->nargs && E->depth < MAX_UNFOLD ? d : NULL;
}

static TermId enc_in(Enc *E, Expr *e, SymVal *x, Expr *set, Bind *env);

/* Is the filter {y \in S : P} better taken as the constant it is: is it
 * closed and constant-level, while S is a set that enc_in (choosing false)
 * or fresh_member (true) would build whole anyway?  Then the evaluator
 * filters S element by element, and the encoding meets only the members
 * (SortedSeqs == {s \in Seq(Values) : ...}, Seq bounded by a definition
 * in the config: 1286 sorted sequences rather than 488280). */
static bool filter_as_const(Enc *E, Expr *filter, bool choosing) {
  Expr *s = filter->bounds[0].set;
  if (!s || decomposed_set_form(E->spec, s, choosing, 0))
    return false;
  if (choosing && s->kind == EX_OP && s->ref.kind == REF_BUILTIN &&
      (s->ref.u.builtin == B_NAT || s->ref.u.builtin == B_INT))
    return false; /* fresh_member chooses from those without building */
  return closed_value(E, filter) != NULL;
}

static TermId all_in(Enc *E, Expr *e, SymVal *f, Expr *set, Bind *env) {
  VEC(TermId) parts = {0};
  for (uint32_t i = 0; i < f->n; i++) {
    SymVal *v = f->kind == SV_FUN ? f->cells[i].val : f->cells[i].key;
    VEC_PUSH(parts,
             term_mk_implies(T, f->cells[i].mem, enc_in(E, e, v, set, env)));
  }
  TermId r = term_mk_and(T, parts.data, parts.len);
  VEC_FREE(parts);
  return r;
}

/* Is the function f a sequence: is its domain 1..n for n the number of its
 * (distinct) keys?  *len receives n. */
static TermId seq_shape(Enc *E, Expr *e, SymVal *f, TermId *len) {
  *len = sv_card(sv_domain(f));
  VEC(TermId) parts = {0};
  for (uint32_t i = 0; i < f->n; i++) {
    SymVal *k = f->cells[i].key;
    if (k->kind != SV_INT) {
      VEC_PUSH(parts, term_mk_not(T, f->cells[i].mem));
      continue;
    }
    TermId in = term_mk_and2(T, term_mk_le(T, term_mk_int_si(T, 1), k->t),
                             term_mk_le(T, k->t, *len));
    VEC_PUSH(parts, term_mk_implies(T, f->cells[i].mem, in));
  }
  TermId r = term_mk_and(T, parts.data, parts.len);
  VEC_FREE(parts);
  return r;
}

/* `"a" \in Nat`, `1 \in STRING`: TLC cannot decide them and stops with an
 * evaluation error (the evaluator's in_value); a model value is simply
 * not a member.  Records the error for when x, not of the set's kind, is
 * a string (for Nat and Int) or anything but a model value. */
static void not_member_error(Enc *E, Expr *e, SymVal *x, bool strings,
                             Expr *set) {
  TermId cond = term_true(T);
  if (x->kind == SV_ATOM) {
    VEC(TermId) alts = {0};
    for (int i = 0; i < sv_atom_count(); i++)
      if ((sv_atom_value(i)->kind == V_STR) != strings)
        VEC_PUSH(alts, term_mk_eq(T, x->t, term_mk_int_si(T, i)));
    cond = term_mk_or(T, alts.data, alts.len);
    VEC_FREE(alts);
  }
  wd(E, cond, e,
     xsprintf("attempted to check if a value of another kind is an element "
              "of %s", sym_str(set->name)));
}

static TermId enc_in(Enc *E, Expr *e, SymVal *x, Expr *set, Bind *env) {
  if (x->kind == SV_MIX) {
    /* Member as whichever kind it is. */
    VEC(TermId) alts = {0};
    for (uint32_t i = 0; i < x->n; i++) {
      TermId saved = E->pc;
      E->pc = term_mk_and2(T, saved, x->cells[i].mem);
      TermId in = enc_in(E, e, x->cells[i].key, set, env);
      E->pc = saved;
      VEC_PUSH(alts, term_mk_and2(T, x->cells[i].mem, in));
    }
    TermId r = term_mk_or(T, alts.data, alts.len);
    VEC_FREE(alts);
    return r;
  }
  Def *d = set_form_def(E, set, false);
  if (d) {
    /* Through a definition to the set expression it names, so that
     * x \in [a : 0..100, b : 0..100] is decided field by field rather than
     * against ten thousand records. */
    Bind frames[d->nparams > 0 ? d->nparams : 1];
    Bind *cur = bind_params(E, d, set->args, env, frames);
    E->depth++;
    TermId r = enc_in(E, e, x, d->body, cur);
    E->depth--;
    return r;
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN) {
    switch (set->ref.u.builtin) {
    case B_RANGE: {
      TermId lo = as_int(set->args[0], enc(E, set->args[0], env));
      TermId hi = as_int(set->args[1], enc(E, set->args[1], env));
      if (x->kind != SV_INT) /* not a member, as in the evaluator */
        return term_false(T);
      return term_mk_and2(T, term_mk_le(T, lo, x->t), term_mk_le(T, x->t, hi));
    }
    case B_NAT:
    case B_INT:
      if (x->kind != SV_INT) {
        not_member_error(E, e, x, false, set);
        return term_false(T);
      }
      if (set->ref.u.builtin == B_INT)
        return term_true(T);
      return term_mk_le(T, term_mk_int_si(T, 0), x->t);
    case B_STRING: {
      if (x->kind != SV_ATOM) {
        not_member_error(E, e, x, true, set);
        return term_false(T);
      }
      VEC(TermId) alts = {0};
      for (int i = 0; i < sv_atom_count(); i++)
        if (sv_atom_value(i)->kind == V_STR)
          VEC_PUSH(alts, term_mk_eq(T, x->t, term_mk_int_si(T, i)));
      TermId r = term_mk_or(T, alts.data, alts.len);
      VEC_FREE(alts);
      return r;
    }
    case B_SUBSET:
      if (x->kind != SV_SET)
        return term_false(T);
      return all_in(E, e, x, set->args[0], env);
    case B_SEQ: {
      if (x->kind != SV_FUN)
        return term_false(T);
      TermId len;
      return term_mk_and2(T, seq_shape(E, e, x, &len),
                          all_in(E, e, x, set->args[0], env));
    }
    /* Set operators over sets that may be infinite. */
    case B_SETMINUS:
      return term_mk_and2(T, enc_in(E, e, x, set->args[0], env),
                          term_mk_not(T, enc_in(E, e, x, set->args[1], env)));
    case B_CUP:
      return term_mk_or2(T, enc_in(E, e, x, set->args[0], env),
                         enc_in(E, e, x, set->args[1], env));
    case B_CAP:
      return term_mk_and2(T, enc_in(E, e, x, set->args[0], env),
                          enc_in(E, e, x, set->args[1], env));
    case B_UNION:
      /* x \in UNION {A, B, ...}: in one of them, each decided lazily. */
      if (set->args[0]->kind == EX_SET_ENUM) {
        Expr *en = set->args[0];
        VEC(TermId) alts = {0};
        for (int i = 0; i < en->nargs; i++)
          VEC_PUSH(alts, enc_in(E, e, x, en->args[i], env));
        TermId r = term_mk_or(T, alts.data, alts.len);
        VEC_FREE(alts);
        return r;
      }
      break;
    case B_TIMES: {
      /* <<a, b>> \in S \X T: a tuple of the right length, factor by
       * factor. */
      if (x->kind != SV_FUN)
        return term_false(T);
      SvCell *pos = xmalloc(((size_t)set->nargs + 1) * sizeof *pos);
      for (int i = 0; i < set->nargs; i++)
        pos[i] = (SvCell){sv_int(term_mk_int_si(T, i + 1)), term_true(T),
                          NULL};
      VEC(TermId) parts = {0};
      VEC_PUSH(parts, sv_equal(sv_domain(x),
                               sv_set(pos, (uint32_t)set->nargs)));
      free(pos);
      for (int i = 0; i < set->nargs; i++) {
        TermId def;
        SymVal *xi = sv_apply(x, sv_int(term_mk_int_si(T, i + 1)), &def);
        VEC_PUSH(parts, xi ? term_mk_and2(T, def, enc_in(E, e, xi,
                                                           set->args[i], env))
                           : term_false(T));
      }
      TermId r = term_mk_and(T, parts.data, parts.len);
      VEC_FREE(parts);
      return r;
    }
    default:
      break;
    }
  }
  if (set->kind == EX_SET_FILTER && !set->bounds[0].tuple &&
      set->bounds[0].nnames == 1 && !filter_as_const(E, set, false)) {
    TermId in = enc_in(E, e, x, set->bounds[0].set, env);
    Bind f = {.id = set->bounds[0].names[0].id, .v = x, .up = env};
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, in);
    TermId p = as_bool(set->body, enc(E, set->body, &f));
    E->pc = saved;
    return term_mk_and2(T, in, p);
  }
  if (set->kind == EX_FUNSET) {
    if (x->kind != SV_FUN)
      return term_false(T);
    SymVal *dom = need_set(set->args[0], enc(E, set->args[0], env));
    TermId d = sv_equal(sv_domain(x), dom);
    return term_mk_and2(T, d, all_in(E, e, x, set->args[1], env));
  }
  if (set->kind == EX_RECSET) {
    if (x->kind != SV_FUN)
      return term_false(T);
    VEC(TermId) parts = {0};
    /* The domain is exactly the field names. */
    SvCell *cells = xmalloc(((size_t)set->nargs + 1) * sizeof *cells);
    for (int i = 0; i < set->nargs; i++)
      cells[i] = (SvCell){sv_from_value(val_str(set->fields[i])), term_true(T),
                          NULL};
    VEC_PUSH(parts, sv_equal(sv_domain(x), sv_set(cells, (uint32_t)set->nargs)));
    free(cells);
    for (int i = 0; i < set->nargs; i++) {
      TermId def;
      SymVal *fv = sv_apply(x, sv_from_value(val_str(set->fields[i])), &def);
      if (fv)
        VEC_PUSH(parts, term_mk_and2(T, def, enc_in(E, e, fv, set->args[i], env)));
      else
        VEC_PUSH(parts, term_false(T));
    }
    TermId r = term_mk_and(T, parts.data, parts.len);
    VEC_FREE(parts);
    return r;
  }
  SymVal *s = need_set(set, enc(E, set, env));
  for (size_t i = 0; i < E->picks.len; i++) {
    Pick *p = &E->picks.data[i];
    if ((p->val == x || sv_same(p->val, x)) &&
        (p->set == s || sv_same(p->set, s)))
      return term_true(T);
  }
  return sv_mem(x, s);
}

/* ---- function application ---- */

static SymVal *apply_checked(Enc *E, Expr *e, SymVal *f, SymVal *x) {
  if (f == sv_any())
    return f;
  f = take_kind(e, f, SV_FUN, "a function");
  if (f == sv_any())
    return f;
  if (f->kind != SV_FUN)
    unsupported(e, "a function was expected here");
  TermId def;
  SymVal *r = sv_apply(f, x, &def);
  wd(E, term_mk_not(T, def), e,
     "a function is applied to an argument outside its domain");
  if (!r) {
    /* Never defined: the error is recorded (under the path condition);
     * any value stands in for the result. */
    r = f->n ? f->cells[0].val : sv_any();
  }
  return r;
}

static SymVal *fapp_key(Enc *E, Expr **args, int n, Bind *env) {
  if (n == 1)
    return enc(E, args[0], env);
  SvCell cells[16];
  if (n > 16)
    unsupported(args[0], "too many arguments");
  for (int i = 0; i < n; i++)
    cells[i] = (SvCell){sv_int(term_mk_int_si(T, i + 1)), term_true(T),
                        enc(E, args[i], env)};
  return sv_fun(cells, (uint32_t)n);
}

static SymVal *except_path(Enc *E, Expr *e, SymVal *f, ExceptUpdate *u, int i,
                           Bind *env) {
  if (i == u->npath) {
    SymVal *saved = E->at;
    E->at = f;
    SymVal *v = enc(E, u->value, env);
    E->at = saved;
    return v;
  }
  ExceptStep *st = &u->path[i];
  f = take_kind(e, f, SV_FUN, "a function"); /* of a mixture, say */
  if (f == sv_any())
    return f;
  SymVal *key = st->is_field ? sv_from_value(val_str(st->field))
                             : fapp_key(E, st->args, st->nargs, env);
  if (f->kind != SV_FUN)
    unsupported(e, "a function was expected here");
  /* A key outside DOMAIN f leaves f unchanged (as in the evaluator): the
   * rest of the path is encoded only where the key is in the domain. */
  TermId def;
  SymVal *old = sv_apply(f, key, &def);
  if (!old)
    return f;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, def);
  SymVal *nv = except_path(E, e, old, u, i + 1, env);
  E->pc = saved;
  return sv_update(f, key, nv);
}

/* ---- sequences ----
 *
 * A sequence is a function whose cells are keyed by the constants 1..n in
 * order and whose memberships are prefix-closed (cell i+1 is a member only
 * if cell i is): its length is the number of member cells, so a sequence
 * that grows and shrinks keeps a fixed number of cells, one more per
 * Append on the path to it.  Operations build such functions again; a
 * function that is not a sequence where one is needed is an evaluation
 * error, as in TLC. */

typedef struct SeqView {
  uint32_t n;
  TermId *mem;   /* mem[i]: position i+1 is in the domain */
  SymVal **val;  /* val[i]: the element there (any value when not) */
} SeqView;

/* The sequence s by position.  Records the error that s is not a
 * sequence; a function with keys that are not constants is unsupported. */
static SeqView seq_view(Enc *E, Expr *e, SymVal *s, const char *what) {
  s = take_kind(e, s, SV_FUN, "a sequence");
  if (s == sv_any())
    s = sv_fun(NULL, 0);
  if (s->kind != SV_FUN)
    unsupported(e, "%s needs a sequence", what);
  SeqView v = {0, xcalloc(s->n + 1, sizeof(TermId)),
               xcalloc(s->n + 1, sizeof(SymVal *))};
  int64_t *key = xmalloc((s->n + 1) * sizeof *key);
  for (uint32_t i = 0; i < s->n; i++) {
    Value *k;
    if (!sv_is_const(s->cells[i].key, &k))
      unsupported(e, "%s of a function with symbolic keys is not supported "
                     "by the symbolic engine yet",
                  what);
    if (!val_int_fits(k, &key[i]) || key[i] < 1 || key[i] > (int64_t)s->n)
      key[i] = 0;
  }
  /* Positions 1..n that have a cell (the first cell for a key wins). */
  for (uint32_t p = 1; p <= s->n; p++) {
    uint32_t c = 0;
    while (c < s->n && key[c] != (int64_t)p)
      c++;
    if (c == s->n)
      break;
    v.mem[v.n] = s->cells[c].mem;
    v.val[v.n] = s->cells[c].val;
    v.n++;
  }
  /* Not a sequence: a member beyond the positions, or a gap. */
  VEC(TermId) bad = {0};
  for (uint32_t i = 0; i < s->n; i++)
    if (key[i] == 0 || key[i] > (int64_t)v.n)
      VEC_PUSH(bad, s->cells[i].mem);
  for (uint32_t i = 1; i < v.n; i++)
    VEC_PUSH(bad, term_mk_and2(T, v.mem[i], term_mk_not(T, v.mem[i - 1])));
  wd(E, term_mk_or(T, bad.data, bad.len), e,
     xsprintf("the argument of %s is not a sequence", what));
  VEC_FREE(bad);
  free(key);
  return v;
}

static void seq_view_free(SeqView *v) {
  free(v->mem);
  free(v->val);
}

static SymVal *mk_seq(const TermId *mem, SymVal **vals, uint32_t n) {
  SvCell *cells = xmalloc((n + 1) * sizeof *cells);
  for (uint32_t i = 0; i < n; i++)
    cells[i] = (SvCell){sv_int(term_mk_int_si(sv_mgr(), (long)i + 1)), mem[i], vals[i]};
  SymVal *r = sv_fun(cells, n);
  free(cells);
  return r;
}

static SymVal *mk_tuple(SymVal **vals, uint32_t n) {
  TermId *mem = xmalloc((n + 1) * sizeof *mem);
  for (uint32_t i = 0; i < n; i++)
    mem[i] = term_true(sv_mgr());
  SymVal *r = mk_seq(mem, vals, n);
  free(mem);
  return r;
}

/* at[p] for p = 0..n: the length of the sequence is exactly p. */
static TermId *seq_len_is(const SeqView *v) {
  TermId *at = xmalloc((v->n + 1) * sizeof *at);
  for (uint32_t p = 0; p <= v->n; p++) {
    TermId upto = p > 0 ? v->mem[p - 1] : term_true(sv_mgr());
    TermId next = p < v->n ? term_mk_not(sv_mgr(), v->mem[p]) : term_true(sv_mgr());
    at[p] = term_mk_and2(sv_mgr(), upto, next);
  }
  return at;
}

static TermId seq_len(const SeqView *v) {
  TermId sum = term_mk_int_si(sv_mgr(), 0);
  for (uint32_t i = 0; i < v->n; i++)
    sum = term_mk_add(sv_mgr(), sum, term_mk_ite(sv_mgr(), v->mem[i], term_mk_int_si(sv_mgr(), 1),
                                          term_mk_int_si(sv_mgr(), 0)));
  return sum;
}

static SymVal *seq_ite(Expr *e, TermId c, SymVal *a, SymVal *b) {
  if (!a)
    return b;
  if (!b)
    return a;
  return ite_or_fail(e, c, a, b);
}

static SymVal *seq_append(Enc *E, Expr *e, SymVal *s, SymVal *x) {
  SeqView v = seq_view(E, e, s, "Append");
  TermId *mem = xmalloc((v.n + 2) * sizeof *mem);
  SymVal **val = xmalloc((v.n + 2) * sizeof *val);
  for (uint32_t i = 0; i <= v.n; i++) {
    TermId before = i > 0 ? v.mem[i - 1] : term_true(T);
    if (i < v.n) {
      mem[i] = term_mk_or2(T, v.mem[i], before);
      val[i] = seq_ite(e, v.mem[i], v.val[i], x);
    } else {
      mem[i] = before;
      val[i] = x;
    }
  }
  SymVal *r = mk_seq(mem, val, v.n + 1);
  free(mem);
  free(val);
  seq_view_free(&v);
  return r;
}

static SymVal *seq_concat(Enc *E, Expr *e, SymVal *s, SymVal *t) {
  SeqView a = seq_view(E, e, s, "\\o");
  SeqView b = seq_view(E, e, t, "\\o");
  TermId *len_a = seq_len_is(&a);
  uint32_t n = a.n + b.n;
  TermId *mem = xmalloc((n + 1) * sizeof *mem);
  SymVal **val = xmalloc((n + 1) * sizeof *val);
  for (uint32_t k = 0; k < n; k++) {
    /* Position k+1 holds b's element j+1 when Len(a) = k - j. */
    SymVal *from_b = NULL;
    VEC(TermId) in_b = {0};
    for (uint32_t j = b.n; j-- > 0;) {
      if (j > k || k - j > a.n)
        continue;
      TermId c = len_a[k - j];
      VEC_PUSH(in_b, term_mk_and2(T, c, b.mem[j]));
      from_b = from_b ? seq_ite(e, c, b.val[j], from_b) : b.val[j];
    }
    TermId mb = term_mk_or(T, in_b.data, in_b.len);
    VEC_FREE(in_b);
    if (k < a.n) {
      mem[k] = term_mk_or2(T, a.mem[k], mb);
      val[k] = seq_ite(e, a.mem[k], a.val[k], from_b);
    } else {
      mem[k] = mb;
      val[k] = from_b;
    }
    if (!val[k]) /* never a member; any value of the right kind */
      val[k] = k < a.n ? a.val[k] : b.val[0];
  }
  SymVal *r = mk_seq(mem, val, n);
  free(mem);
  free(val);
  free(len_a);
  seq_view_free(&a);
  seq_view_free(&b);
  return r;
}

static SymVal *seq_tail(Enc *E, Expr *e, SymVal *s) {
  SeqView v = seq_view(E, e, s, "Tail");
  wd(E, v.n ? term_mk_not(T, v.mem[0]) : term_true(T), e,
     "Tail of the empty sequence");
  SymVal *r = mk_seq(v.n ? v.mem + 1 : v.mem, v.n ? v.val + 1 : v.val,
                     v.n ? v.n - 1 : 0);
  seq_view_free(&v);
  return r;
}

static SymVal *apply_checked(Enc *E, Expr *e, SymVal *f, SymVal *x);

/* ---- strings as sequences (TLC's Len, \o, Tail and SubSeq) ----
 *
 * On symbolic strings by cases over the strings met so far (strcase.h);
 * the errors TLC reports on some case are recorded for it, and an index
 * of no string the encoding knows is a refusal where it is reachable. */

static SymVal *str_cases(Enc *E, Expr *e, SymVal **args, int n, StrOp op,
                         void *arg, const char *what) {
  StrCases sc;
  if (!strcase_apply(args, n, op, arg, &sc))
    unsupported(e, "%s of symbolic strings: more than %d combinations of "
                   "the strings they may be",
                what, STRCASE_MAX);
  wd(E, sc.failed, e,
     xsprintf("%s is applied outside its domain (the empty string, or "
              "bounds outside the string)",
              what));
  wd(E, sc.model, e,
     xsprintf("%s is applied to a model value, which is not a string", what));
  TermId known[3] = {sc.ok, sc.failed, sc.model};
  wd_code(E, term_mk_not(T, term_mk_or(T, known, 3)), e,
          xsprintf("symbolic engine: %s of a string the encoding has not met "
                   "(not supported yet)",
                   what),
          EXIT_OTHER);
  return sc.val ? sc.val : sv_any();
}

static Value *str_len(Value **s, void *arg) {
  return val_int((int64_t)strlen(sym_str(s[0]->u.str)));
}

static Value *str_tail(Value **s, void *arg) {
  const char *str = sym_str(s[0]->u.str);
  return *str ? val_str(sym_intern(str + 1)) : NULL;
}

static Value *str_cat(Value **s, void *arg) {
  char *st = xsprintf("%s%s", sym_str(s[0]->u.str), sym_str(s[1]->u.str));
  Value *r = val_str(sym_intern(st));
  free(st);
  return r;
}

/* s \o t with a string on one side: TLC concatenates two strings and
 * refuses a string with anything else. */
static SymVal *str_concat(Enc *E, Expr *e, SymVal **s) {
  if (s[0]->kind == SV_ATOM && s[1]->kind == SV_ATOM)
    return str_cases(E, e, s, 2, str_cat, NULL, "\\o");
  if (s[0]->kind == SV_MIX || s[1]->kind == SV_MIX)
    unsupported(e, "\\o of a string and a value whose kind depends on the "
                   "path");
  if (s[0] == sv_any() || s[1] == sv_any())
    return sv_any();
  wd(E, term_true(T), e,
     "\\o of a string and a value that is not a string");
  return sv_any();
}

static Value *str_sub(Value **s, void *arg) {
  const int64_t *mn = arg;
  const char *str = sym_str(s[0]->u.str);
  int64_t len = (int64_t)strlen(str);
  if (mn[1] < mn[0])
    return val_str(sym_intern(""));
  if (mn[0] < 1 || mn[1] > len)
    return NULL;
  return val_str(sym_intern_n(str + mn[0] - 1, (size_t)(mn[1] - mn[0] + 1)));
}

/* The bounds of an Int term that folds or has known bounds, within
 * STR_BOUNDS values; false otherwise. */
#define STR_BOUNDS 64
static bool small_range(TermId t, int64_t *lo, int64_t *hi) {
  mpz_t l, h;
  mpz_inits(l, h, NULL);
  bool ok = term_int_bounds(sv_mgr(), t, l, h) && mpz_fits_slong_p(l) &&
            mpz_fits_slong_p(h);
  if (ok) {
    *lo = mpz_get_si(l);
    *hi = mpz_get_si(h);
    ok = *hi - *lo < STR_BOUNDS;
  }
  mpz_clears(l, h, NULL);
  return ok;
}

/* SubSeq(s, m, n) on a string: by cases over the values of m and n too,
 * when their ranges are small (each case encoded under its own path
 * condition, so its errors hold only there). */
static SymVal *str_subseq(Enc *E, Expr *e, SymVal *s, TermId m, TermId n) {
  int64_t mlo, mhi, nlo, nhi;
  if (!small_range(m, &mlo, &mhi) || !small_range(n, &nlo, &nhi) ||
      (mhi - mlo + 1) * (nhi - nlo + 1) > STR_BOUNDS)
    unsupported(e, "SubSeq of a string with bounds of more than %d "
                   "combinations of values",
                STR_BOUNDS);
  SymVal *r = NULL;
  TermId saved = E->pc;
  for (int64_t i = mhi; i >= mlo; i--)
    for (int64_t j = nhi; j >= nlo; j--) {
      int64_t mn[2] = {i, j};
      TermId c = term_mk_and2(T, term_mk_eq(T, m, term_mk_int_si(T, i)),
                              term_mk_eq(T, n, term_mk_int_si(T, j)));
      if (term_is_false(T, c))
        continue;
      E->pc = term_mk_and2(T, saved, c);
      SymVal *v = str_cases(E, e, &s, 1, str_sub, mn, "SubSeq");
      E->pc = saved;
      r = !r || v == sv_any() ? (r ? r : v) : sv_ite(c, v, r);
    }
  return r ? r : sv_any();
}

/* Are all of the function's keys integer constants (seq_view's case)? */
static bool int_const_keys(const SymVal *s) {
  for (uint32_t i = 0; i < s->n; i++)
    if (s->cells[i].key->kind != SV_INT ||
        !term_is_int_const(sv_mgr(), s->cells[i].key->t))
      return false;
  return true;
}

static SymVal *seq_head(Enc *E, Expr *e, SymVal *s) {
  s = take_kind(e, s, SV_FUN, "a sequence");
  if (s == sv_any())
    return s;
  if (s->kind == SV_FUN && !int_const_keys(s)) /* s[1], as far as it goes */
    return apply_checked(E, e, s, sv_int(term_mk_int_si(T, 1)));
  SeqView v = seq_view(E, e, s, "Head");
  wd(E, v.n ? term_mk_not(T, v.mem[0]) : term_true(T), e,
     "Head of the empty sequence");
  SymVal *r = v.n ? v.val[0] : sv_any();
  seq_view_free(&v);
  return r;
}

/* SubSeq(s, m, n) == [i \in 1..(1+n-m) |-> s[i+m-1]]. */
static SymVal *seq_subseq(Enc *E, Expr *e, SymVal *s, TermId m, TermId n) {
  SeqView v = seq_view(E, e, s, "SubSeq");
  TermId one = term_mk_int_si(T, 1);
  TermId len = seq_len(&v);
  TermId nonempty = term_mk_le(T, m, n);
  wd(E, term_mk_and2(T, nonempty,
                     term_mk_or2(T, term_mk_lt(T, m, one),
                                 term_mk_lt(T, len, n))),
     e, "SubSeq(s, m, n) with m..n not within 1..Len(s)");
  TermId count = term_mk_add(T, term_mk_sub(T, n, m), one);
  TermId *mem = xmalloc((v.n + 1) * sizeof *mem);
  SymVal **val = xmalloc((v.n + 1) * sizeof *val);
  for (uint32_t i = 0; i < v.n; i++) {
    TermId pos = term_mk_int_si(T, (long)i + 1);
    mem[i] = term_mk_le(T, pos, count);
    /* s[i + m]: position i + m (1-based i+1, so index i + m - 1 + 1). */
    TermId at = term_mk_add(T, m, term_mk_int_si(T, (long)i));
    SymVal *x = NULL;
    for (uint32_t q = v.n; q-- > 0;)
      x = seq_ite(e, term_mk_eq(T, at, term_mk_int_si(T, (long)q + 1)),
                  v.val[q], x);
    val[i] = x ? x : v.val[i];
  }
  SymVal *r = mk_seq(mem, val, v.n);
  free(mem);
  free(val);
  seq_view_free(&v);
  return r;
}

/* ---- operators ---- */

static SymVal *call_def(Enc *E, Expr *e, Def *d, Bind *env);

static SymVal *enc_var(Enc *E, Expr *e, Decl *d) {
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

static SymVal *enc_const(Enc *E, Expr *e, Decl *d, Bind *env) {
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
  return call_def(E, e, s->const_defs[d->index], env);
}

static SymVal *call_op_param(Enc *E, Expr *e, Bind *b, Bind *env);
static SymVal *enc_builtin(Enc *E, Expr *e, Bind *env);

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
static bool unfold_enter(Enc *E, Expr *e, Def *d) {
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
static bool unfolding(const Enc *E, const Def *d) {
  for (size_t i = 0; i < E->active.len; i++)
    if (E->active.data[i].d == d)
      return true;
  return false;
}

/* Does the Bool term t fail whatever its variables are, by the integer
 * bounds of its comparisons (term_int_bounds)?  False when unsure. */
static bool never_holds(Enc *E, TermId t) {
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

static void unfold_leave(Enc *E) {
  E->depth--;
  E->active.len--;
}

/* ---- community-module encodings (community.h) ---- */

static SymVal *apply_op_value(Enc *E, Expr *site, Expr *op, SymVal **vals,
                              int n, Bind *env);

#define COMM_MAX_ARGS 8

struct CommCall {
  Enc *E;
  Expr *e;
  const Def *d;
  Bind *env;
  SymVal *args[COMM_MAX_ARGS];
};

const Def *comm_def(const CommCall *c) { return c->d; }

Expr *comm_site(const CommCall *c) { return c->e; }

SymVal *comm_arg(CommCall *c, int i) {
  if (!c->args[i])
    c->args[i] = enc(c->E, c->e->args[i], c->env);
  return c->args[i];
}

SymVal *comm_apply_op(CommCall *c, int i, SymVal **vals, int n,
                      TermId when) {
  Enc *E = c->E;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, when);
  SymVal *r = apply_op_value(E, c->e, c->e->args[i], vals, n, c->env);
  E->pc = saved;
  return r;
}

SymVal *comm_apply_fun(CommCall *c, SymVal *f, SymVal *x, TermId when) {
  Enc *E = c->E;
  if (f->kind != SV_FUN)
    return NULL;
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, when);
  SymVal *r = apply_checked(E, c->e, f, x);
  E->pc = saved;
  return r;
}

void comm_error(CommCall *c, TermId cond, const char *msg, int code) {
  if (!c->E->errs)
    unsupported(c->e, "%s", msg);
  wd_code(c->E, cond, c->e, msg, code);
}

/* The call e of the shipped definition d through its encoding, or NULL
 * when it has none or declines (d is then unfolded). */
static SymVal *comm_call(Enc *E, Expr *e, Def *d, Bind *env) {
  CommFn f = comm_lookup(d);
  if (!f)
    return NULL;
  CommCall c = {E, e, d, env, {0}};
  return f(&c);
}

/* ---- recursive operators on symbolic arguments ----
 *
 * A call of a RECURSIVE module-level operator of constant or state level,
 * outside primes, is encoded by value (reccall.h): the arguments first,
 * then, when one is a scalar that takes a few constant values (rc_cases),
 * an ite over calls with each of those values, and otherwise the body with
 * the parameters bound to the values, encoded once per distinct arguments
 * (the memo, valid for the state of the entry point) with the path
 * condition TRUE.  Each split spends one unit of rec_budget (MAX_SYM_UNFOLD
 * per entry point), and the path that would need more is refused
 * (EXIT_OTHER), as unfold_enter refuses one; the memo is keyed by the
 * budget left too, so that an entry is a function of its key alone.  Equal
 * calls below a split then meet in the memo, so Balance(ledger, h) calling
 * itself twice at ledger[h].previous costs one encoding per hash and level
 * instead of two to the depth.
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

static SymVal *rec_apply(Enc *E, Expr *e, Def *d, SymVal **args,
                         TermId *use);

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

/* d at args, split on the cases of args[at]. */
static SymVal *rec_split(Enc *E, Expr *e, Def *d, SymVal **args, TermId *use,
                         int at, const TermId *cases, uint32_t nc,
                         bool exact) {
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
    TermId is = x->kind == SV_BOOL
                    ? (term_is_true(T, cases[k]) ? x->t : term_mk_not(T, x->t))
                    : term_mk_eq(T, x->t, cases[k]);
    VEC_PUSH(none, term_mk_not(T, is));
    if (term_is_false(T, is))
      continue;
    E->pc = term_mk_and2(T, saved, is);
    argv[at] = x->kind == SV_BOOL  ? sv_bool(cases[k])
               : x->kind == SV_INT ? sv_int(cases[k])
                                   : sv_atom(cases[k]);
    SymVal *v = rec_apply(E, e, d, argv, u);
    for (int i = 0; i < n; i++)
      use[i] = term_mk_or2(T, use[i], term_mk_and2(T, is, u[i]));
    /* The last case is the default: exact, the argument is one of them. */
    r = r ? ite_or_fail(e, is, v, r) : v;
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

/* d at args with a symbolic scalar among them: the body where the call
 * is, unfolded as unfold_enter allows. */
static SymVal *rec_unfold(Enc *E, Expr *e, Def *d, SymVal **args,
                          TermId *use) {
  int n = d->nparams;
  size_t ufrom = E->uselog.len;
  if (!unfold_enter(E, e, d)) {
    for (int i = 0; i < n; i++)
      use[i] = term_false(T);
    return sv_any();
  }
  Bind *frames = xcalloc((size_t)n, sizeof *frames);
  SymVal *r = enc(E, d->body, rec_bind(d, args, use, frames));
  unfold_leave(E);
  rec_collect_uses(E, ufrom, use, n);
  free(frames);
  return r;
}

/* d at the values args; in use[i] when the body reads args[i], relative to
 * the call. */
static SymVal *rec_apply(Enc *E, Expr *e, Def *d, SymVal **args,
                         TermId *use) {
  int n = d->nparams;
  TermId cases[MAX_REC_CASES];
  uint32_t nc;
  bool exact;
  for (int i = 0; i < n; i++)
    if (rc_cases(args[i], MAX_REC_CASES, cases, &nc, &exact))
      return rec_split(E, e, d, args, use, i, cases, nc, exact);
  /* With a symbolic scalar argument left (too many cases), the call
   * unfolds as any other, under the path condition where it is
   * (unfold_enter: MAX_SYM_UNFOLD past a symbolic condition), and is not
   * memoised: equal arguments are rare there. */
  bool symbolic = false;
  for (int i = 0; i < n; i++)
    symbolic |= args[i]->kind <= SV_ATOM && !term_is_int_const(T, args[i]->t) &&
                !term_is_true(T, args[i]->t) && !term_is_false(T, args[i]->t);
  if (symbolic)
    return rec_unfold(E, e, d, args, use);
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
   * would; one over constants only, up to MAX_UNFOLD. */
  int same = 0;
  for (size_t j = 0; j < E->rec_stack.len; j++)
    same += E->rec_stack.data[j].d == d &&
            E->rec_stack.data[j].budget == E->rec_budget;
  bool consts = true;
  for (int i = 0; i < n && consts; i++) {
    Value *ignored;
    consts = sv_is_const(args[i], &ignored);
  }
  if (E->depth >= MAX_UNFOLD || stack_nearly_full() ||
      (same >= MAX_SYM_UNFOLD && !consts))
    return rec_cut(E, e, 0,
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
  VEC_PUSH(E->rec_stack, ((struct RecFrame){d, args, E->rec_budget}));
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

static SymVal *call_def(Enc *E, Expr *e, Def *d, Bind *env) {
  const Spec *sp = E->spec;
  if (!d->module && d->kind == DEF_OP && d->nparams == 0) {
    Bind *f = let_frame(env, d);
    if (f)
      return bind_value(E, f);
  }
  if (!spec_names_instance_copy(sp, e, d)) { /* as the evaluator does */
    Value *given = spec_def_value(sp, d);
    if (given)
      return sv_from_value(given);
    d = spec_effective_def(sp, d);
  }
  if (d->kind == DEF_OP && d->module && d->nparams <= COMM_MAX_ARGS) {
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

static SymVal *call_op_param(Enc *E, Expr *e, Bind *b, Bind *env) {
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
    return call_def(E, &call, op->ref.u.def, env);
  if (op->ref.kind == REF_BUILTIN)
    return enc_builtin(E, &call, env);
  if (op->ref.kind == REF_BINDER && op->nargs == 0) {
    /* A parameter passed on (F(op(_,_)) == G(op)): the operator it is
     * bound to, where the argument was given. */
    Bind *up = bind_find(b->tenv, op->ref.u.binder->id);
    if (up && up->thunk && !up->v && ++E->depth <= MAX_UNFOLD) {
      SymVal *r = call_op_param(E, e, up, env);
      E->depth--;
      return r;
    }
  }
  unsupported(e, "this operator argument cannot be encoded");
}

/* Applies the operator argument `op` (a LAMBDA, a definition's name or an
 * operator parameter) to values already encoded, as eval.c's apply_op_arg
 * does, through the same synthetic call (ast_value_call). */
static SymVal *apply_op_value(Enc *E, Expr *site, Expr *op, SymVal **vals,
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
  return call_op_param(E, &call, &b, cur);
}

/* SelectSeq(s, Test): element i goes to position c_i, the number of
 * elements up to i that pass the test. */
static SymVal *seq_select(Enc *E, Expr *e, SymVal *s, Bind *env) {
  SeqView v = seq_view(E, e, s, "SelectSeq");
  TermId *keep = xmalloc((v.n + 1) * sizeof *keep);
  TermId *count = xmalloc((v.n + 1) * sizeof *count);
  TermId saved = E->pc;
  TermId c = term_mk_int_si(T, 0);
  for (uint32_t i = 0; i < v.n; i++) {
    E->pc = term_mk_and2(T, saved, v.mem[i]);
    SymVal *x = v.val[i];
    TermId t = as_bool(e, apply_op_value(E, e, e->args[1], &x, 1, env));
    keep[i] = term_mk_and2(T, v.mem[i], t);
    c = term_mk_add(T, c, term_mk_ite(T, keep[i], term_mk_int_si(T, 1),
                                      term_mk_int_si(T, 0)));
    count[i] = c;
  }
  E->pc = saved;
  TermId *mem = xmalloc((v.n + 1) * sizeof *mem);
  SymVal **val = xmalloc((v.n + 1) * sizeof *val);
  for (uint32_t r = 0; r < v.n; r++) {
    TermId pos = term_mk_int_si(T, (long)r + 1);
    VEC(TermId) here = {0};
    SymVal *x = NULL;
    for (uint32_t i = v.n; i-- > r;) {
      TermId h = term_mk_and2(T, keep[i], term_mk_eq(T, count[i], pos));
      VEC_PUSH(here, h);
      x = seq_ite(e, h, v.val[i], x);
    }
    mem[r] = term_mk_or(T, here.data, here.len);
    VEC_FREE(here);
    val[r] = x ? x : v.val[r];
  }
  SymVal *res = mk_seq(mem, val, v.n);
  free(mem);
  free(val);
  free(keep);
  free(count);
  seq_view_free(&v);
  return res;
}

/* ---- sets of functions and records, built ----
 *
 * [S -> T] outside \in (compared, counted, quantified over) is built as
 * the explicit set of its functions when it is small.  Each function has
 * one cell per cell of S, with S's key and membership; a combination picks
 * for every cell of S either a cell of T (when both are members) or, where
 * S's cell may be absent, no value.  A combination is an element when its
 * picks are consistent with the memberships, so a symbolic S or T gives
 * the functions on S's actual members into T's, each once per choice of
 * cells.  [a : S, b : T] is the same with constant field names. */

/* Choices per cell: the cells of the codomain, plus "absent" when the
 * domain cell may not be a member.  Fails when the product exceeds
 * MAX_FUNCS. */
static size_t combos(Expr *e, const uint32_t *nchoice, uint32_t n,
                     const char *what) {
  size_t total = 1;
  for (uint32_t i = 0; i < n; i++) {
    total *= nchoice[i];
    if (total > MAX_FUNCS)
      unsupported(e, "%s has more than %d elements here; the symbolic "
                     "engine builds it only when small (x \\in %s and \\E x "
                     "\\in %s in an action are decided without building it)",
                  what, MAX_FUNCS, what, what);
  }
  return total;
}

/* Builds the functions with keys keys[i] (membership kmem[i]) whose value
 * at key i is one of the cells of vals[i]. */
static SymVal *build_funs(Expr *e, SymVal **keys, TermId *kmem,
                          SymVal **vals, uint32_t n, const char *what) {
  uint32_t *nchoice = xmalloc((n + 1) * sizeof *nchoice);
  for (uint32_t i = 0; i < n; i++)
    nchoice[i] = vals[i]->n + (term_is_true(sv_mgr(), kmem[i]) ? 0 : 1);
  size_t total = combos(e, nchoice, n, what);
  uint32_t *pick = xcalloc(n + 1, sizeof *pick);
  SvCell *cells = xmalloc((n + 1) * sizeof *cells);
  VEC(SvCell) out = {0};
  for (size_t c = 0; c < total; c++) {
    TermId ok = term_true(sv_mgr());
    for (uint32_t i = 0; i < n && !term_is_false(sv_mgr(), ok); i++) {
      SymVal *t = vals[i];
      if (pick[i] < t->n) {
        TermId parts[3] = {ok, kmem[i], t->cells[pick[i]].mem};
        ok = term_mk_and(sv_mgr(), parts, 3);
        cells[i] = (SvCell){keys[i], kmem[i], t->cells[pick[i]].key};
      } else { /* absent: any value stands in */
        ok = term_mk_and2(sv_mgr(), ok, term_mk_not(sv_mgr(), kmem[i]));
        cells[i] = (SvCell){keys[i], kmem[i],
                            t->n ? t->cells[0].key : sv_any()};
      }
    }
    if (!term_is_false(sv_mgr(), ok))
      VEC_PUSH(out, ((SvCell){sv_fun(cells, n), ok, NULL}));
    for (uint32_t i = 0; i < n && ++pick[i] == nchoice[i]; i++)
      pick[i] = 0;
  }
  SymVal *r = sv_set(out.data, (uint32_t)out.len);
  VEC_FREE(out);
  free(cells);
  free(pick);
  free(nchoice);
  return r;
}

static SymVal *enc_funset(Enc *E, Expr *e, Bind *env) {
  SymVal *dom = need_set(e->args[0], enc(E, e->args[0], env));
  SymVal *cod = need_set(e->args[1], enc(E, e->args[1], env));
  uint32_t n = dom->n;
  SymVal **keys = xmalloc((n + 1) * sizeof *keys);
  SymVal **vals = xmalloc((n + 1) * sizeof *vals);
  TermId *kmem = xmalloc((n + 1) * sizeof *kmem);
  for (uint32_t i = 0; i < n; i++) {
    keys[i] = dom->cells[i].key;
    kmem[i] = dom->cells[i].mem;
    vals[i] = cod;
  }
  SymVal *r = build_funs(e, keys, kmem, vals, n, "[S -> T]");
  free(keys);
  free(vals);
  free(kmem);
  return r;
}

static SymVal *enc_recset(Enc *E, Expr *e, Bind *env) {
  uint32_t n = (uint32_t)e->nargs;
  SymVal **keys = xmalloc((n + 1) * sizeof *keys);
  SymVal **vals = xmalloc((n + 1) * sizeof *vals);
  TermId *kmem = xmalloc((n + 1) * sizeof *kmem);
  for (uint32_t i = 0; i < n; i++) {
    keys[i] = sv_from_value(val_str(e->fields[i]));
    kmem[i] = term_true(T);
    vals[i] = need_set(e->args[i], enc(E, e->args[i], env));
  }
  SymVal *r = build_funs(e, keys, kmem, vals, n, "[a : S, ...]");
  free(keys);
  free(vals);
  free(kmem);
  return r;
}

static SymVal *set_op(Enc *E, Expr *e, int op, SymVal *a, SymVal *b) {
  a = need_set(e->args[0], a); /* the set alternative of a mixture */
  b = need_set(e->args[1], b);
  VEC(SvCell) out = {0};
  if (op == B_CUP) {
    for (uint32_t i = 0; i < a->n; i++)
      VEC_PUSH(out, a->cells[i]);
    for (uint32_t j = 0; j < b->n; j++) {
      int same = -1;
      for (uint32_t i = 0; i < a->n && same < 0; i++)
        if (sv_same(a->cells[i].key, b->cells[j].key))
          same = (int)i;
      if (same >= 0)
        out.data[same].mem = term_mk_or2(T, out.data[same].mem, b->cells[j].mem);
      else
        VEC_PUSH(out, b->cells[j]);
    }
  } else {
    for (uint32_t i = 0; i < a->n; i++) {
      SvCell c = a->cells[i];
      TermId in_b = sv_mem(c.key, b);
      c.mem = term_mk_and2(T, c.mem, op == B_CAP ? in_b : term_mk_not(T, in_b));
      VEC_PUSH(out, c);
    }
  }
  SymVal *r = sv_set(out.data, (uint32_t)out.len);
  VEC_FREE(out);
  return r;
}

/* a..b.  With constant bounds, the constant set; otherwise a set over the
 * integers the bounds can reach (term_int_bounds), each cell a member when
 * it lies between them. */
static SymVal *enc_range(Enc *E, Expr *e, SymVal *lo, SymVal *hi) {
  TermId a_t = as_int(e->args[0], lo), b_t = as_int(e->args[1], hi);
  mpz_t a, b, ahi, blo, size;
  mpz_inits(a, b, ahi, blo, size, NULL);
  bool bounded = term_int_bounds(T, a_t, a, ahi) &&
                 term_int_bounds(T, b_t, blo, b);
  bool constant = bounded && mpz_cmp(a, ahi) == 0 && mpz_cmp(blo, b) == 0;
  mpz_sub(size, b, a);
  bool big = bounded && mpz_cmp_si(size, MAX_CELLS) > 0;
  SymVal *r = NULL;
  if (constant && !big) {
    r = sv_from_value(val_interval(a, b));
  } else if (bounded && !big) {
    VEC(SvCell) cells = {0};
    mpz_t i;
    mpz_init(i);
    for (mpz_set(i, a); mpz_cmp(i, b) <= 0; mpz_add_ui(i, i, 1)) {
      TermId k = term_mk_int(T, i);
      TermId mem = term_mk_and2(T, term_mk_le(T, a_t, k), term_mk_le(T, k, b_t));
      VEC_PUSH(cells, ((SvCell){sv_int(k), mem, NULL}));
    }
    mpz_clear(i);
    r = sv_set(cells.data, (uint32_t)cells.len);
    VEC_FREE(cells);
  }
  mpz_clears(a, b, ahi, blo, size, NULL);
  if (!bounded)
    unsupported(e, "a range a..b whose bounds are not bounded by constants "
                   "is not supported by the symbolic engine");
  if (big)
    unsupported(e, "the range can have more than %d elements", MAX_CELLS);
  return r;
}

/* x ^ y as a product of y copies of x, for each exponent y can take
 * (term_int_bounds), up to MAX_POW; a negative exponent and 0 ^ 0 are
 * errors, as in the evaluator. */
#define MAX_POW 64
#define MAX_CONST_POW_BITS 65536 /* a constant x ^ y computed exactly */

static SymVal *enc_pow(Enc *E, Expr *e, TermId x, TermId y) {
  TermId zero = term_mk_int_si(T, 0);
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  if (term_is_int_const(T, x) && term_is_int_const(T, y)) {
    /* Constants: exactly, with GMP (2^n in a recursion over n). */
    term_int_value(T, x, lo);
    term_int_value(T, y, hi);
    bool ok = mpz_sgn(hi) > 0 || (mpz_sgn(hi) == 0 && mpz_sgn(lo) != 0);
    if (ok && mpz_cmp_ui(hi, MAX_CONST_POW_BITS) <= 0 &&
        (mpz_cmpabs_ui(lo, 1) <= 0 ||
         mpz_sizeinbase(lo, 2) * mpz_get_ui(hi) <= MAX_CONST_POW_BITS)) {
      mpz_pow_ui(lo, lo, mpz_get_ui(hi));
      TermId r = term_mk_int(T, lo);
      mpz_clears(lo, hi, NULL);
      return sv_int(r);
    }
  }
  bool bounded = term_int_bounds(T, y, lo, hi);
  if (bounded && mpz_sgn(lo) < 0)
    mpz_set_ui(lo, 0);
  /* Exponents past MAX_POW are refused where a reachable state needs one
   * (a path condition may rule them out); outside a check that collects
   * such conditions, at once. */
  bool over = bounded && mpz_cmp_si(hi, MAX_POW) > 0;
  bool small = bounded && mpz_cmp_si(lo, MAX_POW) <= 0 && (!over || E->errs);
  long from = small ? mpz_get_si(lo) : 0;
  long to = small ? (over ? MAX_POW : mpz_get_si(hi)) : -1;
  mpz_clears(lo, hi, NULL);
  if (!bounded)
    unsupported(e, "x ^ y needs an exponent bounded by constants in the "
                   "symbolic engine");
  if (!small)
    unsupported(e, "x ^ y with an exponent that may exceed %d is not "
                   "supported by the symbolic engine",
                MAX_POW);
  if (over)
    wd_code(E, term_mk_lt(T, term_mk_int_si(T, MAX_POW), y), e,
            xsprintf("symbolic engine: x ^ y with an exponent above %d is "
                     "not supported; use --engine explicit",
                     MAX_POW),
            EXIT_OTHER);
  wd(E, term_mk_lt(T, y, zero), e, "negative exponent in ^");
  wd(E, term_mk_and2(T, term_mk_eq(T, y, zero), term_mk_eq(T, x, zero)), e,
     "0^0 is undefined");
  TermId r = zero, p = term_mk_int_si(T, 1);
  for (long k = 0; k <= to; k++) {
    if (k >= from)
      r = k == from ? p
                    : term_mk_ite(T, term_mk_eq(T, y, term_mk_int_si(T, k)), p,
                                  r);
    p = term_mk_mul(T, p, x);
  }
  return sv_int(r);
}

static SymVal *enc_arith(Enc *E, Expr *e, int op, Bind *env) {
  SymVal *a = enc(E, e->args[0], env), *b = enc(E, e->args[1], env);
  if (op == B_RANGE)
    return enc_range(E, e, a, b);
  TermId x = as_int(e->args[0], a), y = as_int(e->args[1], b);
  switch (op) {
  case B_PLUS:
    return sv_int(term_mk_add(T, x, y));
  case B_MINUS:
    return sv_int(term_mk_sub(T, x, y));
  case B_MUL:
    return sv_int(term_mk_mul(T, x, y));
  case B_DIV:
    wd(E, term_mk_eq(T, y, term_mk_int_si(T, 0)), e, "division by zero");
    return sv_int(term_mk_div(T, x, y));
  case B_MOD:
    wd(E, term_mk_le(T, y, term_mk_int_si(T, 0)), e,
       "the second argument of % is not positive");
    return sv_int(term_mk_mod(T, x, y));
  case B_POW:
    return enc_pow(E, e, x, y);
  case B_LT:
    return sv_bool(level_compare(E, true, x, y));
  case B_GT:
    return sv_bool(level_compare(E, true, y, x));
  case B_LE:
    return sv_bool(level_compare(E, false, x, y));
  case B_GE:
    return sv_bool(level_compare(E, false, y, x));
  }
  unsupported(e, "unknown arithmetic operator");
}

static SymVal *enc_builtin(Enc *E, Expr *e, Bind *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_EQ:
  case B_NEQ: {
    /* Left to right, as TLC evaluates (C's argument order is not). */
    SymVal *x = enc(E, a[0], env);
    SymVal *y = enc(E, a[1], env);
    TermId r = eq_checked(E, e, x, y);
    return sv_bool(b == B_EQ ? r : term_mk_not(T, r));
  }
  case B_AND:
  case B_OR: {
    /* Short-circuit: later operands are evaluated only when earlier ones
     * left the result open. */
    TermId saved = E->pc;
    VEC(TermId) parts = {0};
    for (int i = 0; i < e->nargs; i++) {
      TermId p = as_bool(a[i], enc(E, a[i], env));
      VEC_PUSH(parts, p);
      E->pc = term_mk_and2(T, E->pc, b == B_AND ? p : term_mk_not(T, p));
    }
    E->pc = saved;
    TermId r = b == B_AND ? term_mk_and(T, parts.data, parts.len)
                          : term_mk_or(T, parts.data, parts.len);
    VEC_FREE(parts);
    return sv_bool(r);
  }
  case B_NOT:
    return sv_bool(term_mk_not(T, as_bool(a[0], enc(E, a[0], env))));
  case B_IMPLIES: {
    TermId p = as_bool(a[0], enc(E, a[0], env));
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, p);
    TermId q = as_bool(a[1], enc(E, a[1], env));
    E->pc = saved;
    return sv_bool(term_mk_implies(T, p, q));
  }
  case B_EQUIV:
    {
      TermId x = as_bool(a[0], enc(E, a[0], env));
      TermId y = as_bool(a[1], enc(E, a[1], env));
      return sv_bool(term_mk_iff(T, x, y));
    }
  case B_IN:
  case B_NOTIN: {
    TermId r = enc_in(E, e, enc(E, a[0], env), a[1], env);
    return sv_bool(b == B_IN ? r : term_mk_not(T, r));
  }
  case B_CUP:
  case B_CAP:
  case B_SETMINUS:
    {
      SymVal *x = enc(E, a[0], env);
      SymVal *y = enc(E, a[1], env);
      return set_op(E, e, b, x, y);
    }
  case B_SUBSETEQ: {
    SymVal *x = need_set(a[0], enc(E, a[0], env));
    return sv_bool(all_in(E, e, x, a[1], env));
  }
  case B_UNION: {
    SymVal *s = need_set(a[0], enc(E, a[0], env));
    VEC(SvCell) out = {0};
    for (uint32_t i = 0; i < s->n; i++) {
      SymVal *in = need_set(a[0], s->cells[i].key);
      for (uint32_t j = 0; j < in->n; j++) {
        SvCell c = in->cells[j];
        c.mem = term_mk_and2(T, s->cells[i].mem, c.mem);
        VEC_PUSH(out, c);
      }
    }
    SymVal *r = sv_set(out.data, (uint32_t)out.len);
    VEC_FREE(out);
    return r;
  }
  case B_SUBSET: {
    SymVal *s = need_set(a[0], enc(E, a[0], env));
    if (s->n > 12)
      unsupported(e, "SUBSET of a symbolic set of %u cells is too large; it "
                     "is supported on the right of \\in",
                  s->n);
    VEC(SvCell) out = {0};
    for (uint32_t mask = 0; mask < (1u << s->n); mask++) {
      SvCell *cells = xmalloc((s->n + 1) * sizeof *cells);
      TermId ok = term_true(T);
      for (uint32_t i = 0; i < s->n; i++) {
        bool in = mask & (1u << i);
        cells[i] = (SvCell){s->cells[i].key, in ? s->cells[i].mem : term_false(T),
                            NULL};
        /* Only subsets of actual members count once. */
        if (in)
          ok = term_mk_and2(T, ok, s->cells[i].mem);
      }
      SvCell c = {sv_set(cells, s->n), ok, NULL};
      free(cells);
      VEC_PUSH(out, c);
    }
    SymVal *r = sv_set(out.data, (uint32_t)out.len);
    VEC_FREE(out);
    return r;
  }
  case B_DOMAIN: {
    SymVal *f = enc(E, a[0], env);
    if (f->kind != SV_FUN)
      unsupported(e, "DOMAIN of something that is not a function");
    return sv_domain(f);
  }
  case B_PRIME: {
    if (E->primed)
      unsupported(e, "a primed expression is primed again");
    E->primed = true;
    SymVal *v = enc(E, a[0], env);
    E->primed = false;
    return v;
  }
  case B_UNCHANGED: {
    SymVal *before = enc(E, a[0], env);
    E->primed = true;
    SymVal *after = enc(E, a[0], env);
    E->primed = false;
    return sv_bool(sv_equal(before, after));
  }
  case B_BOOLEAN:
    return sv_from_value(val_set((Value *[]){val_bool(false), val_bool(true)}, 2));
  case B_TIMES: {
    /* The cartesian product of the factors' cells. */
    int n = e->nargs;
    SymVal *sets[16];
    if (n > 16)
      unsupported(e, "too many factors");
    size_t total = 1;
    for (int i = 0; i < n; i++) {
      sets[i] = need_set(a[i], enc(E, a[i], env));
      total *= sets[i]->n ? sets[i]->n : 1;
      if (total > MAX_CELLS)
        unsupported(e, "the product is too large");
    }
    VEC(SvCell) out = {0};
    uint32_t idx[16] = {0};
    bool empty = false;
    for (int i = 0; i < n; i++)
      empty |= sets[i]->n == 0;
    while (!empty) {
      SymVal *vals[16];
      TermId mem = term_true(T);
      for (int i = 0; i < n; i++) {
        vals[i] = sets[i]->cells[idx[i]].key;
        mem = term_mk_and2(T, mem, sets[i]->cells[idx[i]].mem);
      }
      SvCell c = {mk_tuple(vals, (uint32_t)n), mem, NULL};
      VEC_PUSH(out, c);
      int i = n - 1;
      while (i >= 0 && ++idx[i] == sets[i]->n)
        idx[i--] = 0;
      if (i < 0)
        break;
    }
    SymVal *r = sv_set(out.data, (uint32_t)out.len);
    VEC_FREE(out);
    return r;
  }
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
    return enc_arith(E, e, b, env);
  case B_NEG:
    return sv_int(term_mk_neg(T, as_int(a[0], enc(E, a[0], env))));
  case B_LEN: {
    SymVal *s = enc(E, a[0], env);
    if (s->kind == SV_ATOM)
      return str_cases(E, e, &s, 1, str_len, NULL, "Len");
    if (s->kind == SV_FUN && !int_const_keys(s)) {
      TermId len;
      wd(E, term_mk_not(T, seq_shape(E, e, s, &len)), e,
         "the argument of Len is not a sequence");
      return sv_int(len);
    }
    SeqView v = seq_view(E, e, s, "Len");
    TermId len = seq_len(&v);
    seq_view_free(&v);
    return sv_int(len);
  }
  case B_APPEND: {
    SymVal *s = enc(E, a[0], env);
    return seq_append(E, e, s, enc(E, a[1], env));
  }
  case B_CONCAT: {
    SymVal *s[2] = {enc(E, a[0], env), enc(E, a[1], env)};
    if (s[0]->kind == SV_ATOM || s[1]->kind == SV_ATOM)
      return str_concat(E, e, s);
    return seq_concat(E, e, s[0], s[1]);
  }
  case B_HEAD:
    return seq_head(E, e, enc(E, a[0], env));
  case B_TAIL: {
    SymVal *s = enc(E, a[0], env);
    if (s->kind == SV_ATOM)
      return str_cases(E, e, &s, 1, str_tail, NULL, "Tail");
    return seq_tail(E, e, s);
  }
  case B_SUBSEQ: {
    SymVal *s = enc(E, a[0], env);
    TermId m = as_int(a[1], enc(E, a[1], env));
    TermId n = as_int(a[2], enc(E, a[2], env));
    if (s->kind == SV_ATOM)
      return str_subseq(E, e, s, m, n);
    return seq_subseq(E, e, s, m, n);
  }
  case B_SELECTSEQ:
    return seq_select(E, e, enc(E, a[0], env), env);
  case B_ISFINITESET:
    return sv_bool(term_true(T));
  case B_CARDINALITY: {
    SymVal *s = need_set(a[0], enc(E, a[0], env));
    return sv_int(sv_card(s));
  }
  case B_SINGLETON_FN: {
    SymVal *k = enc(E, a[0], env);
    SymVal *v = enc(E, a[1], env);
    SvCell c = {k, term_true(T), v};
    return sv_fun(&c, 1);
  }
  case B_MERGE_FN: {
    SymVal *f = enc(E, a[0], env), *g = enc(E, a[1], env);
    if (f->kind != SV_FUN || g->kind != SV_FUN)
      unsupported(e, "@@ needs two functions");
    VEC(SvCell) out = {0};
    for (uint32_t i = 0; i < f->n; i++)
      VEC_PUSH(out, f->cells[i]);
    SymVal *df = sv_domain(f);
    for (uint32_t j = 0; j < g->n; j++) {
      SvCell c = g->cells[j];
      c.mem = term_mk_and2(T, c.mem, term_mk_not(T, sv_mem(c.key, df)));
      if (!term_is_false(T, c.mem))
        VEC_PUSH(out, c);
    }
    SymVal *r = sv_fun(out.data, (uint32_t)out.len);
    VEC_FREE(out);
    return r;
  }
  case B_PRINT:
    return enc(E, a[1], env);
  case B_PRINTT:
    return sv_bool(term_true(T));
  case B_ASSERT: {
    TermId c = as_bool(a[0], enc(E, a[0], env));
    wd_code(E, term_mk_not(T, c), e,
            "the first argument of Assert evaluated to FALSE", EXIT_ASSERT);
    return sv_bool(term_true(T));
  }
  case B_NAT:
  case B_INT:
  case B_STRING:
  case B_SEQ:
    unsupported(e, "the infinite set '%s' can only be used on the right of "
                   "\\in",
                sym_str(e->name));
  case B_ENABLED:
    if (inst_enabled_refused(e))
      fail_at(e->loc, EXIT_OTHER, ENABLED_REFUSAL);
    return enc_enabled(E, e, env);
  case B_TLCSET: {
    /* Sound to take as TRUE only when no register is read where the
     * engine checks or explores (registers.h); a string key ("exit",
     * "pause") acts on TLC's search and is refused where reached. */
    Value *k = closed_value(E, a[0]);
    if (!E->errs)
      unsupported(e, "TLCSet cannot be used here by the symbolic engine");
    if (k && k->kind == V_STR) {
      wd_code(E, term_true(T), e,
              xsprintf("TLCSet(\"%s\", ...) acts on TLC's search, which the "
                       "symbolic engine does not model; use --engine "
                       "explicit",
                       sym_str(k->u.str)),
              EXIT_OTHER);
      return sv_bool(term_true(T));
    }
    if (!E->reg_known) {
      E->reg_read = registers_first_read(E->spec);
      E->reg_known = true;
    }
    if (E->reg_read) {
      char where[512];
      unsupported(e, "TLCSet writes a register that TLCGet reads (at %s); the "
                     "symbolic engine does not model TLC's registers; use "
                     "--engine explicit",
                  loc_str(E->reg_read->loc, where, sizeof where));
    }
    SymVal *key = enc(E, a[0], env);
    if (key->kind != SV_INT)
      unsupported(e, "TLCSet with a key that is not an integer is not "
                     "supported by the symbolic engine");
    (void)enc(E, a[1], env); /* evaluated, as TLC does: its errors count */
    return sv_bool(term_true(T));
  }
  case B_TLCGET: {
    Value *k = closed_value(E, a[0]);
    if (!k || k->kind != V_STR || strcmp(sym_str(k->u.str), "level") != 0)
      unsupported(e, "TLCGet(%s) reads TLC's registers or its search "
                     "statistics, which the symbolic engine does not model; "
                     "use --engine explicit",
                  k ? val_to_string(k) : "a value that is not constant");
    /* 0 while Init is evaluated, as in TLC; otherwise the current state's
     * level, known to lie in 1..frame+1 (encode.h). */
    if (E->init_mode)
      return sv_int(term_mk_int_si(T, 0));
    if (E->primed || !E->cur)
      unsupported(e, "TLCGet(\"level\") of a next state is not supported by "
                     "the symbolic engine; use --engine explicit");
    return sv_int(level_var(E));
  }
  default:
    unsupported(e, "the operator '%s' is not supported by the symbolic "
                   "engine yet",
                sym_str(e->name));
  }
}

/* The level variable of the current frame (encode.h); frame 0 has level 1. */
static TermId level_var(Enc *E) {
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
static TermId level_compare(Enc *E, bool strict, TermId a, TermId b) {
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

void enc_set_frame(Enc *E, int frame) { E->frame = frame; }

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
      return call_op_param(E, e, b, env);
    return bind_value(E, b);
  }
  case REF_DEF:
    return call_def(E, e, e->ref.u.def, env);
  case REF_BUILTIN:
    return enc_builtin(E, e, env);
  default:
    unsupported(e, "unresolved name '%s'", sym_str(e->name));
  }
}

/* Does the subscript v of [A]_v or <<A>>_v (e->args[1]) change? */
static SymVal *enc_changed(Enc *E, Expr *e, Bind *env) {
  if (E->primed)
    unsupported(e, "an action inside a primed expression");
  SymVal *before = enc(E, e->args[1], env);
  E->primed = true;
  SymVal *after = enc(E, e->args[1], env);
  E->primed = false;
  return sv_bool(term_mk_not(T, sv_equal(before, after)));
}

static SymVal *enc(Enc *E, Expr *e, Bind *env) {
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
      f = except_path(E, e, f, &e->updates[i], 0, env);
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

/* ---- actions ---- */

typedef struct Snap {
  SymVal **nxt;
  TermId *asg;
} Snap;

static Snap snap_take(Enc *E) {
  Snap s;
  s.nxt = xmalloc(((size_t)E->nvars + 1) * sizeof *s.nxt);
  s.asg = xmalloc(((size_t)E->nvars + 1) * sizeof *s.asg);
  memcpy(s.nxt, E->nxt, (size_t)E->nvars * sizeof *s.nxt);
  memcpy(s.asg, E->asg, (size_t)E->nvars * sizeof *s.asg);
  return s;
}

static void snap_restore(Enc *E, const Snap *s) {
  E->nxt_epoch++;
  memcpy(E->nxt, s->nxt, (size_t)E->nvars * sizeof *s->nxt);
  memcpy(E->asg, s->asg, (size_t)E->nvars * sizeof *s->asg);
}

static void snap_free(Snap *s) {
  free(s->nxt);
  free(s->asg);
}

/* The branches of a disjunction being merged. */
typedef struct Branches {
  VEC(TermId) guards;
  VEC(Snap) states;
} Branches;

static void branch_add(Enc *E, Branches *br, TermId g) {
  if (term_is_false(T, g))
    return;
  VEC_PUSH(br->guards, g);
  VEC_PUSH(br->states, snap_take(E));
}

/* Do the branches end in the same partial state? */
static bool branches_alike(Enc *E, Branches *br) {
  Snap *last = &br->states.data[br->states.len - 1];
  for (size_t i = 0; i + 1 < br->states.len; i++)
    for (int v = 0; v < E->nvars; v++) {
      Snap *s = &br->states.data[i];
      if (s->asg[v] != last->asg[v])
        return false;
      if (s->nxt[v] != last->nxt[v] &&
          (!s->nxt[v] || !last->nxt[v] || !sv_same(s->nxt[v], last->nxt[v])))
        return false;
    }
  return true;
}

/* Merges the branches into E's partial state under fresh selectors; the
 * last branch is taken when no selector before it is.  Branches that end
 * in the same state (guards: \/ in a condition, \E x \in S : P) need no
 * selector: the guard is the disjunction. */
static TermId branch_merge(Enc *E, Expr *at, Branches *br, const Snap *in) {
  size_t n = br->guards.len;
  if (n == 0) {
    snap_restore(E, in);
    return term_false(T);
  }
  snap_restore(E, &br->states.data[n - 1]);
  TermId g = br->guards.data[n - 1];
  if (n > 1 && branches_alike(E, br)) {
    g = term_mk_or(T, br->guards.data, (uint32_t)n);
    n = 0; /* nothing to merge */
  }
  for (size_t i = n > 0 ? n - 1 : 0; i-- > 0;) {
    TermId sel = term_mk_fresh(T, "sel", SORT_BOOL);
    Snap *s = &br->states.data[i];
    for (int v = 0; v < E->nvars; v++) {
      if (s->nxt[v] != E->nxt[v]) {
        if (!s->nxt[v])
          ; /* unassigned in branch i: keep the other value */
        else if (!E->nxt[v])
          E->nxt[v] = s->nxt[v];
        else
          E->nxt[v] = ite_or_fail(at, sel, s->nxt[v], E->nxt[v]);
      }
      E->asg[v] = term_mk_ite(T, sel, s->asg[v], E->asg[v]);
    }
    g = term_mk_ite(T, sel, br->guards.data[i], g);
  }
  E->nxt_epoch++;
  for (size_t i = 0; i < br->states.len; i++)
    snap_free(&br->states.data[i]);
  VEC_FREE(br->guards);
  VEC_FREE(br->states);
  return g;
}

/* `x' = v` (or `x = v` in Init): assigns or tests. */
static TermId assign(Enc *E, Expr *at, Decl *d, SymVal *v) {
  int i = d->index;
  TermId a = E->asg[i];
  E->nxt_epoch++;
  if (term_is_false(T, a) || !E->nxt[i]) {
    E->nxt[i] = v;
    E->asg[i] = term_true(T);
    return term_true(T);
  }
  TermId saved = E->pc; /* a test only where x' is already assigned */
  E->pc = term_mk_and2(T, saved, a);
  TermId eq = eq_checked(E, at, E->nxt[i], v);
  E->pc = saved;
  if (term_is_true(T, a))
    return eq;
  E->nxt[i] = ite_or_fail(at, a, E->nxt[i], v);
  E->asg[i] = term_true(T);
  return term_mk_implies(T, a, eq);
}

static Decl *assign_target(Enc *E, Expr *e, Bind *env) {
  for (int guard = 0; guard < 100 && e->kind == EX_OP &&
                      e->ref.kind == REF_BINDER && e->ref.u.binder->arity == 0;
       guard++) {
    Bind *b = bind_find(env, e->ref.u.binder->id);
    if (!b || !b->thunk)
      return NULL;
    e = b->thunk;
    env = b->tenv;
  }
  if (E->init_mode)
    return e->kind == EX_OP && e->ref.kind == REF_VAR ? e->ref.u.decl : NULL;
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_PRIME) {
    /* x', or v' for a parameter v standing for x. */
    Expr *x = e->args[0];
    for (int guard = 0; guard < 100 && x->kind == EX_OP &&
                        x->ref.kind == REF_BINDER &&
                        x->ref.u.binder->arity == 0;
         guard++) {
      Bind *b = bind_find(env, x->ref.u.binder->id);
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

/* A fresh element of the set described by `set` (for x' \in set); *ok
 * receives the condition that it is a member. */
/* Does the set map {e : ...} bind plain names (no tuple patterns), each
 * from a set? */
static bool map_by_names(const Expr *set) {
  for (int i = 0; i < set->nbounds; i++)
    if (set->bounds[i].tuple || !set->bounds[i].set)
      return false;
  return true;
}

static SymVal *fresh_member(Enc *E, Expr *set, Bind *env, TermId *ok) {
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN &&
      set->ref.u.builtin == B_SUBSET) {
    SymVal *s = need_set(set->args[0], enc(E, set->args[0], env));
    SvCell *cells = xmalloc((s->n + 1) * sizeof *cells);
    for (uint32_t i = 0; i < s->n; i++)
      cells[i] = (SvCell){s->cells[i].key,
                          term_mk_and2(T, s->cells[i].mem,
                                       term_mk_fresh(T, "sub", SORT_BOOL)),
                          NULL};
    SymVal *r = sv_set(cells, s->n);
    free(cells);
    *ok = term_true(T);
    return r;
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN &&
      set->ref.u.builtin == B_SEQ) {
    /* A sequence of at most max_seq_len elements: its length is a fresh
     * integer and element i a fresh member of S, used when i <= length. */
    int L = E->max_seq_len;
    E->seq_choices++;
    TermId len = term_mk_fresh(T, "len", SORT_INT);
    mpz_t lo, hi;
    mpz_init_set_si(lo, 0);
    mpz_init_set_si(hi, L);
    term_var_set_bounds(T, len, lo, hi);
    mpz_clears(lo, hi, NULL);
    TermId all = term_mk_and2(T, term_mk_le(T, term_mk_int_si(T, 0), len),
                              term_mk_le(T, len, term_mk_int_si(T, L)));
    SvCell *cells = xmalloc(((size_t)L + 1) * sizeof *cells);
    for (int i = 0; i < L; i++) {
      TermId used = term_mk_le(T, term_mk_int_si(T, i + 1), len), k;
      SymVal *v = fresh_member(E, set->args[0], env, &k);
      if (!v) { /* Seq({}) = {<<>>} */
        L = i;
        all = term_mk_and2(T, all, term_mk_le(T, len, term_mk_int_si(T, i)));
        break;
      }
      cells[i] = (SvCell){sv_int(term_mk_int_si(T, i + 1)), used, v};
      all = term_mk_and2(T, all, term_mk_implies(T, used, k));
    }
    SymVal *r = sv_fun(cells, (uint32_t)L);
    free(cells);
    *ok = all;
    return r;
  }
  if (set->kind == EX_FUNSET) {
    SymVal *dom = need_set(set->args[0], enc(E, set->args[0], env));
    SvCell *cells = xmalloc((dom->n + 1) * sizeof *cells);
    TermId all = term_true(T);
    for (uint32_t i = 0; i < dom->n; i++) {
      TermId k;
      cells[i] = (SvCell){dom->cells[i].key, dom->cells[i].mem,
                          fresh_member(E, set->args[1], env, &k)};
      all = term_mk_and2(T, all, term_mk_implies(T, dom->cells[i].mem, k));
    }
    SymVal *r = sv_fun(cells, dom->n);
    free(cells);
    *ok = all;
    return r;
  }
  if (set->kind == EX_RECSET) {
    SvCell *cells = xmalloc(((size_t)set->nargs + 1) * sizeof *cells);
    TermId all = term_true(T);
    for (int i = 0; i < set->nargs; i++) {
      TermId k;
      cells[i] = (SvCell){sv_from_value(val_str(set->fields[i])), term_true(T),
                          fresh_member(E, set->args[i], env, &k)};
      all = term_mk_and2(T, all, k);
    }
    SymVal *r = sv_fun(cells, (uint32_t)set->nargs);
    free(cells);
    *ok = all;
    return r;
  }
  Def *d = set_form_def(E, set, true);
  if (d) {
    /* Through a definition to the set expression it names. */
    Bind frames[d->nparams > 0 ? d->nparams : 1];
    Bind *cur = bind_params(E, d, set->args, env, frames);
    E->depth++;
    SymVal *r = fresh_member(E, d->body, cur, ok);
    E->depth--;
    return r;
  }
  if (set->kind == EX_SET_MAP && map_by_names(set)) {
    /* x \in {e : y \in S, z \in T}: e at fresh members y of S and z of
     * T.  An error in e at any members is found, as TLC, which builds the
     * whole set, finds it: the members are free. */
    int n = count_names(set->bounds, set->nbounds);
    Bind *frames = xcalloc((size_t)n + 1, sizeof *frames);
    Bind *cur = env;
    TermId all = term_true(T);
    int k = 0;
    for (int i = 0; i < set->nbounds; i++)
      for (int j = 0; j < set->bounds[i].nnames; j++) {
        TermId in;
        SymVal *v = fresh_member(E, set->bounds[i].set, env, &in);
        if (!v) {
          free(frames);
          *ok = term_false(T);
          return NULL;
        }
        all = term_mk_and2(T, all, in);
        frames[k] = (Bind){.id = set->bounds[i].names[j].id, .v = v,
                           .up = cur};
        cur = &frames[k++];
      }
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, all);
    SymVal *r = enc(E, set->body, cur);
    E->pc = saved;
    free(frames);
    *ok = all;
    return r;
  }
  if (set->kind == EX_SET_FILTER && set->nbounds == 1 &&
      !set->bounds[0].tuple && set->bounds[0].nnames == 1 &&
      !filter_as_const(E, set, true)) {
    /* x \in {y \in S : P}: a member of S for which P holds. */
    TermId in;
    SymVal *v = fresh_member(E, set->bounds[0].set, env, &in);
    if (!v) {
      *ok = term_false(T);
      return NULL;
    }
    Bind f = {.id = set->bounds[0].names[0].id, .v = v, .up = env};
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, in);
    TermId p = as_bool(set->body, enc(E, set->body, &f));
    E->pc = saved;
    *ok = term_mk_and2(T, in, p);
    return v;
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN &&
      (set->ref.u.builtin == B_NAT || set->ref.u.builtin == B_INT)) {
    TermId v = term_mk_fresh(T, "elem", SORT_INT);
    *ok = set->ref.u.builtin == B_NAT ? term_mk_le(T, term_mk_int_si(T, 0), v)
                                      : term_true(T);
    return sv_int(v);
  }
  if (set->kind == EX_OP && set->ref.kind == REF_BUILTIN &&
      set->ref.u.builtin == B_RANGE) {
    /* An integer between the bounds. */
    TermId lo = as_int(set->args[0], enc(E, set->args[0], env));
    TermId hi = as_int(set->args[1], enc(E, set->args[1], env));
    TermId v = term_mk_fresh(T, "elem", SORT_INT);
    *ok = term_mk_and2(T, term_mk_le(T, lo, v), term_mk_le(T, v, hi));
    mpz_t a, b, a2, b2;
    mpz_inits(a, b, a2, b2, NULL);
    if (term_int_bounds(T, lo, a, a2) && term_int_bounds(T, hi, b2, b))
      term_var_set_bounds(T, v, a, b);
    mpz_clears(a, b, a2, b2, NULL);
    return sv_int(v);
  }
  SymVal *s = need_set(set, enc(E, set, env));
  if (s->n == 0) {
    *ok = term_false(T);
    return NULL;
  }
  if (s->n > 2 && (s->cells[0].key->kind == SV_INT ||
                   s->cells[0].key->kind == SV_ATOM)) {
    /* Integers, strings or model values: a fresh scalar equal to a member,
     * without an ite over the cells. */
    SvKind k = s->cells[0].key->kind;
    bool scalar = true;
    for (uint32_t i = 0; i < s->n && scalar; i++)
      scalar = s->cells[i].key->kind == k;
    if (scalar) {
      TermId v = term_mk_fresh(T, "elem", SORT_INT);
      SymVal *r = k == SV_INT ? sv_int(v) : sv_atom(v);
      /* Its bounds are those of the elements (for ranges over it). */
      mpz_t lo, hi, cl, ch;
      mpz_inits(lo, hi, cl, ch, NULL);
      bool known = true;
      for (uint32_t i = 0; i < s->n && known; i++) {
        known = term_int_bounds(T, s->cells[i].key->t, cl, ch);
        if (i == 0 || mpz_cmp(cl, lo) < 0)
          mpz_set(lo, cl);
        if (i == 0 || mpz_cmp(ch, hi) > 0)
          mpz_set(hi, ch);
      }
      if (known)
        term_var_set_bounds(T, v, lo, hi);
      mpz_clears(lo, hi, cl, ch, NULL);
      VEC(TermId) alts = {0};
      for (uint32_t i = 0; i < s->n; i++)
        VEC_PUSH(alts, term_mk_and2(T, s->cells[i].mem,
                                    term_mk_eq(T, v, s->cells[i].key->t)));
      *ok = term_mk_or(T, alts.data, alts.len);
      VEC_FREE(alts);
      return r;
    }
  }
  /* An oracle picks one cell; it must be a member. */
  TermId o = term_mk_fresh(T, "pick", SORT_INT);
  mpz_t lo, hi; /* it is a cell index (the bit-blaster's width) */
  mpz_init_set_ui(lo, 0);
  mpz_init_set_ui(hi, s->n - 1);
  term_var_set_bounds(T, o, lo, hi);
  mpz_clears(lo, hi, NULL);
  SymVal *r = s->cells[s->n - 1].key;
  VEC(TermId) conds = {0};
  for (uint32_t i = 0; i < s->n; i++) {
    TermId is_i = term_mk_eq(T, o, term_mk_int_si(T, (long)i));
    VEC_PUSH(conds, term_mk_and2(T, is_i, s->cells[i].mem));
  }
  for (uint32_t i = s->n - 1; i-- > 0;) {
    TermId is_i = term_mk_eq(T, o, term_mk_int_si(T, (long)i));
    r = ite_or_fail(set, is_i, s->cells[i].key, r);
  }
  *ok = term_mk_or(T, conds.data, conds.len);
  bool all = true;
  for (uint32_t i = 0; i < s->n && all; i++)
    all = term_is_true(T, s->cells[i].mem);
  if (all)
    VEC_PUSH(E->picks, ((Pick){r, s}));
  VEC_FREE(conds);
  return r;
}

typedef struct ExArg {
  Expr *body;
  Branches *br;
  const Snap *in;
} ExArg;

static void exists_branch(Enc *E, Bind *env, TermId mem, void *arg) {
  ExArg *x = arg;
  snap_restore(E, x->in);
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, mem);
  TermId g = enc_act(E, x->body, env);
  E->pc = saved;
  branch_add(E, x->br, term_mk_and2(T, mem, g));
}

/* Is s a set that \E in an action chooses from symbolically (as Apalache
 * does) rather than by a branch per element: Nat or Int, which cannot be
 * expanded, or SUBSET T, [S -> T] or Seq(S), whose expansion is
 * exponential in T or S; possibly filtered ({f \in [S -> T] : P}),
 * mapped ({e : f \in [S -> T]}) or behind definitions. */
static bool choice_set(const Spec *sp, Expr *s, int depth) {
  if (depth > 16)
    return false;
  if (s->kind == EX_FUNSET)
    return true;
  if (s->kind == EX_SET_FILTER && s->nbounds == 1 && !s->bounds[0].tuple &&
      s->bounds[0].nnames == 1)
    return choice_set(sp, s->bounds[0].set, depth + 1);
  if (s->kind == EX_SET_MAP && map_by_names(s)) {
    /* {e : y \in S}: when some S is one (PermsOf(s) == {s ** f : f \in
     * Automorphisms(DOMAIN s)}). */
    for (int i = 0; i < s->nbounds; i++)
      if (choice_set(sp, s->bounds[i].set, depth + 1))
        return true;
    return false;
  }
  if (s->kind != EX_OP)
    return false;
  if (s->ref.kind == REF_BUILTIN)
    switch (s->ref.u.builtin) {
    case B_NAT:
    case B_INT:
    case B_SUBSET:
    case B_SEQ:
      return true;
    default:
      return false;
    }
  if (s->ref.kind == REF_DEF && !spec_def_value(sp, s->ref.u.def)) {
    Def *d = spec_effective_def(sp, s->ref.u.def);
    return d->kind == DEF_OP && d->nparams == s->nargs &&
           choice_set(sp, d->body, depth + 1);
  }
  return false;
}

/* Does \E e in an action choose its names symbolically: each a fresh
 * member of its set (fresh_member)?  When one of its sets is a choice set
 * and none is a tuple pattern or unbounded. */
static bool symbolic_choice(const Spec *sp, Expr *e) {
  bool any = false;
  for (int i = 0; i < e->nbounds; i++) {
    Bound *b = &e->bounds[i];
    if (!b->set || b->tuple)
      return false;
    any |= choice_set(sp, b->set, 0);
  }
  return any;
}

static TermId exists_choice(Enc *E, Expr *e, Bind *env) {
  int n = count_names(e->bounds, e->nbounds);
  Bind *frames = xcalloc((size_t)n + 1, sizeof *frames);
  Bind *cur = env;
  TermId ok = term_true(T);
  int k = 0;
  for (int i = 0; i < e->nbounds; i++) {
    Bound *b = &e->bounds[i];
    for (int j = 0; j < b->nnames; j++) {
      TermId in;
      SymVal *v = fresh_member(E, b->set, cur, &in);
      if (!v) {
        free(frames);
        return term_false(T);
      }
      ok = term_mk_and2(T, ok, in);
      VEC_PUSH(E->choice_ids, b->names[j].id);
      VEC_PUSH(E->choice_vals, v);
      frames[k] = (Bind){.id = b->names[j].id, .v = v, .up = cur};
      cur = &frames[k++];
    }
  }
  TermId saved = E->pc;
  E->pc = term_mk_and2(T, saved, ok);
  TermId g = enc_act(E, e->body, cur);
  E->pc = saved;
  free(frames);
  return term_mk_and2(T, ok, g);
}

/* Does the argument bound by b stand for an action, looking through
 * parameters passed on (Twice(A) == Guarded(Guarded(A)))? */
static bool thunk_is_action(Bind *b) {
  for (int hops = 0; hops < 64; hops++) {
    Expr *t = b->thunk;
    if (t->kind == EX_OP && t->ref.kind == REF_BINDER && t->nargs == 0) {
      Bind *up = bind_find(b->tenv, t->ref.u.binder->id);
      if (up && up->thunk && !up->v) {
        b = up;
        continue;
      }
    }
    return expr_level(t) >= LEVEL_ACTION;
  }
  return false;
}

static TermId enc_unchanged(Enc *E, Expr *e, Expr *at, Bind *env) {
  if (e->kind == EX_TUPLE) {
    TermId g = term_true(T);
    for (int i = 0; i < e->nargs; i++)
      g = term_mk_and2(T, g, enc_unchanged(E, e->args[i], at, env));
    return g;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_VAR && !E->init_mode) {
    Decl *d = e->ref.u.decl;
    return assign(E, at, d, E->cur[d->index]);
  }
  if (e->kind == EX_OP && e->ref.kind == REF_DEF &&
      e->ref.u.def->kind == DEF_OP && e->ref.u.def->nparams == 0)
    return enc_unchanged(E, e->ref.u.def->body, at, env);
  SymVal *before = enc(E, e, env);
  E->primed = true;
  SymVal *after = enc(E, e, env);
  E->primed = false;
  return sv_equal(before, after);
}

/* A non-recursive operator applied inside P' for a state predicate P: it
 * is unfolded there as well (an \E in its body chooses symbolically). */
static bool primed_predicate(Enc *E, Expr *e) {
  if (!E->primed || e->ref.kind != REF_DEF)
    return false;
  Def *d = spec_applied_def(E->spec, e);
  return d && d->kind == DEF_OP && !d->recursive;
}

static EncDefTerms *def_terms_find(Enc *E, Sym name) {
  for (size_t i = 0; i < E->def_terms.len; i++)
    if (E->def_terms.data[i].name == name)
      return &E->def_terms.data[i];
  return NULL;
}

/* The entry of an outermost application of name, now active; NULL when
 * an application of it is being unfolded already. */
static EncDefTerms *def_terms_enter(Enc *E, Sym name) {
  EncDefTerms *dt = def_terms_find(E, name);
  if (!dt) {
    VEC_PUSH(E->def_terms, ((EncDefTerms){name, 0, false}));
    dt = &VEC_LAST(E->def_terms);
  }
  if (dt->active)
    return NULL;
  dt->active = true;
  return dt;
}

size_t enc_def_terms(const Enc *E, const EncDefTerms **out) {
  *out = E->def_terms.data;
  return E->def_terms.len;
}

static TermId enc_act(Enc *E, Expr *e, Bind *env) {
  switch (e->kind) {
  case EX_OP:
    if (e->ref.kind == REF_BUILTIN) {
      switch (e->ref.u.builtin) {
      case B_AND: {
        TermId saved = E->pc, g = term_true(T);
        for (int i = 0; i < e->nargs; i++) {
          E->pc = term_mk_and2(T, saved, g);
          g = term_mk_and2(T, g, enc_act(E, e->args[i], env));
          if (term_is_false(T, g))
            break;
        }
        E->pc = saved;
        return g;
      }
      case B_OR: {
        E->branchings++;
        Snap in = snap_take(E);
        Branches br = {{0}, {0}};
        for (int i = 0; i < e->nargs; i++) {
          snap_restore(E, &in);
          TermId g = enc_act(E, e->args[i], env);
          branch_add(E, &br, g);
        }
        TermId g = branch_merge(E, e, &br, &in);
        snap_free(&in);
        return g;
      }
      case B_EQ: {
        Decl *d = assign_target(E, e->args[0], env);
        if (d && !term_is_true(T, E->asg[d->index]))
          return assign(E, e, d, enc(E, e->args[1], env));
        break;
      }
      case B_IN: {
        Decl *d = assign_target(E, e->args[0], env);
        if (d && !term_is_true(T, E->asg[d->index])) {
          TermId ok;
          E->branchings++;
          SymVal *v = fresh_member(E, e->args[1], env, &ok);
          if (!v)
            return term_false(T);
          return term_mk_and2(T, ok, assign(E, e, d, v));
        }
        break;
      }
      case B_UNCHANGED:
        if (!E->init_mode)
          return enc_unchanged(E, e->args[0], e, env);
        break;
      case B_PRIME:
        /* P' for a state predicate P (InnerSerial's Serializable'): P is
         * walked as an action in the next state, so that an \E in it
         * chooses symbolically like one in an action. */
        if (!E->primed && !E->init_mode &&
            expr_level(e->args[0]) <= LEVEL_STATE) {
          E->primed = true;
          TermId g = enc_act(E, e->args[0], env);
          E->primed = false;
          return g;
        }
        break;
      default:
        break;
      }
    } else if (e->ref.kind == REF_BINDER && e->nargs == 0 &&
               e->ref.u.binder->arity == 0) {
      /* A parameter standing for an action (Guarded(A) == ok /\ A): the
       * argument is enumerated where it is used, as TLC does. */
      Bind *b = bind_find(env, e->ref.u.binder->id);
      if (b && b->thunk && !b->v && thunk_is_action(b)) {
        SymVal *saved_at = E->at;
        E->at = b->at;
        TermId g = enc_act(E, b->thunk, b->tenv);
        E->at = saved_at;
        return g;
      }
    } else if (spec_may_assign(E->spec, e, E->init_mode) ||
               primed_predicate(E, e)) {
      Def *d = spec_applied_def(E->spec, e);
      if (++E->depth > MAX_UNFOLD)
        unsupported(e, "recursion in '%s' unfolds more than %d times",
                    sym_str(d->name), MAX_UNFOLD);
      Bind frames[d->nparams > 0 ? d->nparams : 1];
      Bind *cur = bind_params(E, d, e->args, env, frames);
      EncDefTerms *dt = def_terms_enter(E, d->name);
      uint32_t before = term_count(T);
      TermId g = enc_act(E, d->body, cur);
      if (dt) {
        dt = def_terms_find(E, d->name); /* the vector may have moved */
        dt->terms += term_count(T) - before;
        dt->active = false;
      }
      E->depth--;
      return g;
    }
    break;
  case EX_EXISTS: {
    E->branchings++;
    if (symbolic_choice(E->spec, e))
      return exists_choice(E, e, env);
    Snap in = snap_take(E);
    Branches br = {{0}, {0}};
    ExArg x = {e->body, &br, &in};
    expand(E, e, e->bounds, e->nbounds, env, exists_branch, &x);
    TermId g = branch_merge(E, e, &br, &in);
    snap_free(&in);
    return g;
  }
  case EX_IF: {
    TermId c = as_bool(e->args[0], enc(E, e->args[0], env));
    Snap in = snap_take(E);
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, c);
    TermId ga = enc_act(E, e->args[1], env);
    Snap sa = snap_take(E);
    snap_restore(E, &in);
    E->pc = term_mk_and2(T, saved, term_mk_not(T, c));
    TermId gb = enc_act(E, e->args[2], env);
    E->pc = saved;
    for (int v = 0; v < E->nvars; v++) {
      if (sa.nxt[v] != E->nxt[v]) {
        if (!E->nxt[v])
          E->nxt[v] = sa.nxt[v];
        else if (sa.nxt[v])
          E->nxt[v] = ite_or_fail(e, c, sa.nxt[v], E->nxt[v]);
      }
      E->asg[v] = term_mk_ite(T, c, sa.asg[v], E->asg[v]);
    }
    E->nxt_epoch++;
    snap_free(&in);
    snap_free(&sa);
    return term_mk_ite(T, c, ga, gb);
  }
  case EX_CASE: {
    /* As nested IFs; a missing OTHER with no arm true is an error. */
    Snap in = snap_take(E);
    Branches br = {{0}, {0}};
    TermId saved = E->pc, none = term_true(T);
    for (int i = 0; i < e->narms; i++) {
      snap_restore(E, &in);
      E->pc = term_mk_and2(T, saved, none);
      TermId g = as_bool(e->arms[i].guard, enc(E, e->arms[i].guard, env));
      E->pc = term_mk_and2(T, E->pc, g);
      TermId a = enc_act(E, e->arms[i].value, env);
      branch_add(E, &br, term_mk_and2(T, g, a));
      none = term_mk_and2(T, none, term_mk_not(T, g));
    }
    snap_restore(E, &in);
    E->pc = term_mk_and2(T, saved, none);
    if (e->other)
      branch_add(E, &br, term_mk_and2(T, none, enc_act(E, e->other, env)));
    else
      wd(E, term_true(T), e, "no arm of this CASE applies");
    E->pc = saved;
    /* The arms are exclusive (first true guard wins), so the merge under
     * free selectors is exact: each guard includes "no earlier arm". */
    TermId g = branch_merge(E, e, &br, &in);
    snap_free(&in);
    return g;
  }
  case EX_LET: {
    Bind frames[e->ndefs > 0 ? e->ndefs : 1];
    return enc_act(E, e->body, let_frames(E, e, env, frames));
  }
  case EX_BOX_ACT: {
    /* [A]_v: A, or v unchanged, as two branches. */
    if (E->init_mode)
      break;
    E->branchings++;
    Snap in = snap_take(E);
    Branches br = {{0}, {0}};
    branch_add(E, &br, enc_act(E, e->args[0], env));
    snap_restore(E, &in);
    branch_add(E, &br, enc_unchanged(E, e->args[1], e, env));
    TermId g = branch_merge(E, e, &br, &in);
    snap_free(&in);
    return g;
  }
  case EX_DIA_ACT: {
    /* <<A>>_v: A, and then v changes. */
    if (E->init_mode)
      break;
    TermId saved = E->pc;
    TermId g = enc_act(E, e->args[0], env);
    E->pc = term_mk_and2(T, saved, g);
    TermId changed = as_bool(e, enc_changed(E, e, env));
    E->pc = saved;
    return term_mk_and2(T, g, changed);
  }
  case EX_LABEL:
    return enc_act(E, e->body, env);
  default:
    break;
  }
  return as_bool(e, enc(E, e, env));
}

/* ---- ENABLED ----
 *
 * ENABLED A holds in a state when A has a successor there: A is encoded
 * from the current state into a partial next state of its own, as a step
 * is, and its guard is true for some values of the choice variables the
 * encoding made (selectors, picks, elements).  An existential is exact
 * only where it occurs positively, and ENABLED is as often negated (~ENABLED
 * A in a guard, an invariant ~ENABLED Next <=> Done), so the choices are
 * eliminated: the guard becomes the disjunction of its instances over each
 * choice variable's finite range.  Choices from an infinite set, or too
 * many of them, are refused.
 *
 * TLC evaluates ENABLED by enumerating A's successors and stops at the
 * first one; an evaluation error inside A happens only before that.  When
 * A does not branch (no \/, \E or x' \in S at the level of actions) there
 * is one path, whose success comes last, so its errors are recorded as
 * they are.  Otherwise an error is recorded where A is not enabled (the
 * enumeration is then complete); one that could only come with A enabled
 * depends on the enumeration order, and is recorded as a refusal
 * (EXIT_OTHER) for the solver to find if it is reachable, never as a
 * verdict. */

#define MAX_CHOICE_RANGE 4096     /* values one choice variable may take */
#define MAX_ENABLED_TERMS 2000000 /* terms the elimination may create */

/* Eliminating one choice variable v from a Bool term: ∃v.t, pushed
 * inward where v does not occur everywhere (through \/, through an ite
 * whose condition does not mention v, to the conjuncts of a conjunction
 * that mention it), and expanded over v's values where it must be.
 * A term mentioning v was made after v (hash-consing builds children
 * first), so ids below v need no look. */
typedef struct Elim {
  TermMgr *tm;
  TermId v;
  const TermId *vals;
  size_t nvals;
  uint32_t size;  /* room in occ and memo */
  uint8_t *occ;   /* by id - v: 0 unknown, 1 v absent, 2 v present */
  TermId *memo;   /* by id - v: the result */
} Elim;

/* Makes room in the memo arrays for the terms made so far. */
static void elim_grow(Elim *x) {
  uint32_t size = term_count(x->tm) - x->v + 1;
  if (size <= x->size)
    return;
  x->occ = xrealloc(x->occ, size);
  memset(x->occ + x->size, 0, size - x->size);
  x->memo = xrealloc(x->memo, size * sizeof *x->memo);
  memset(x->memo + x->size, 0, (size - x->size) * sizeof *x->memo);
  x->size = size;
}

static bool elim_occurs(Elim *x, TermId t) {
  if (t < x->v)
    return false;
  if (t == x->v)
    return true;
  uint32_t i = t - x->v;
  if (i >= x->size)
    elim_grow(x);
  if (!x->occ[i]) {
    bool r = false;
    for (uint32_t k = 0; k < term_nargs(x->tm, t) && !r; k++)
      r = elim_occurs(x, term_arg(x->tm, t, k));
    x->occ[i] = r ? 2 : 1;
  }
  return x->occ[i] == 2;
}

static TermId elim(Elim *x, TermId t) {
  if (!elim_occurs(x, t))
    return t;
  uint32_t i = t - x->v;
  if (x->memo[i])
    return x->memo[i];
  TermMgr *tm = x->tm;
  TermKind k = term_kind(tm, t);
  uint32_t n = term_nargs(tm, t);
  TermId r = TERM_NONE;
  if (k == TERM_OR) {
    TermId *a = xmalloc((n + 1) * sizeof *a);
    for (uint32_t j = 0; j < n; j++)
      a[j] = elim(x, term_arg(tm, t, j));
    r = term_mk_or(tm, a, n);
    free(a);
  } else if (k == TERM_ITE && term_sort(tm, t) == SORT_BOOL &&
             !elim_occurs(x, term_arg(tm, t, 0))) {
    r = term_mk_ite(tm, term_arg(tm, t, 0), elim(x, term_arg(tm, t, 1)),
                    elim(x, term_arg(tm, t, 2)));
  } else if (k == TERM_AND) {
    /* (∃v. the conjuncts with v) /\ the others */
    TermId *with = xmalloc((n + 1) * sizeof *with);
    TermId *rest = xmalloc((n + 2) * sizeof *rest);
    uint32_t nw = 0, nr = 0;
    for (uint32_t j = 0; j < n; j++) {
      TermId c = term_arg(tm, t, j);
      if (elim_occurs(x, c))
        with[nw++] = c;
      else
        rest[nr++] = c;
    }
    if (nw == 1)
      rest[nr++] = elim(x, with[0]);
    else if (nr > 0)
      rest[nr++] = elim(x, term_mk_and(tm, with, nw));
    if (nw == 1 || nr > 0)
      r = term_mk_and(tm, rest, nr);
    free(with);
    free(rest);
  }
  if (!r) {
    TermId *a = xmalloc((x->nvals + 1) * sizeof *a);
    for (size_t j = 0; j < x->nvals; j++)
      a[j] = term_subst(tm, t, &x->v, &x->vals[j], 1);
    r = term_mk_or(tm, a, (uint32_t)x->nvals);
    free(a);
  }
  x->memo[i] = r;
  return r;
}

/* ∃ over the choice variables of g (those made since mark), latest first:
 * the selectors of a disjunction, made after its branches, split the term
 * into the branches, in which the branches' own choices are then local. */
static TermId exists_choices(Enc *E, Expr *at, TermId g, TermId mark) {
  TermId *vars;
  size_t n;
  term_vars_since(T, g, mark, &vars, &n);
  uint32_t start = term_count(T);
  mpz_t lo, hi, c;
  mpz_inits(lo, hi, c, NULL);
  VEC(TermId) vals = {0};
  for (size_t i = n; i-- > 0;) {
    TermId v = vars[i];
    vals.len = 0;
    if (term_sort(T, v) == SORT_BOOL) {
      VEC_PUSH(vals, term_false(T));
      VEC_PUSH(vals, term_true(T));
    } else {
      bool ok = term_var_bounds(T, v, lo, hi);
      mpz_sub(c, hi, lo);
      if (!ok || mpz_cmp_si(c, MAX_CHOICE_RANGE) >= 0) {
        free(vars);
        unsupported(at, "ENABLED of an action that chooses from an infinite "
                        "or very large set (more than %d values) cannot be "
                        "encoded",
                    MAX_CHOICE_RANGE);
      }
      for (mpz_set(c, lo); mpz_cmp(c, hi) <= 0; mpz_add_ui(c, c, 1))
        VEC_PUSH(vals, term_mk_int(T, c));
    }
    Elim x = {T, v, vals.data, vals.len, 0, NULL, NULL};
    elim_grow(&x);
    g = elim(&x, g);
    free(x.occ);
    free(x.memo);
    if (term_count(T) - start > MAX_ENABLED_TERMS) {
      free(vars);
      unsupported(at, "ENABLED of this action has too many combinations of "
                      "choices to encode (more than %d terms)",
                  MAX_ENABLED_TERMS);
    }
  }
  VEC_FREE(vals);
  free(vars);
  mpz_clears(lo, hi, c, NULL);
  return g;
}

static SymVal *enc_enabled(Enc *E, Expr *e, Bind *env) {
  if (E->primed || E->init_mode || !E->cur)
    unsupported(e, "ENABLED needs a current state (not in Init, nor under a "
                   "prime)");
  SymVal **nxt = E->nxt;
  TermId *asg = E->asg;
  E->nxt = xcalloc((size_t)E->nvars + 1, sizeof *E->nxt);
  E->asg = xmalloc(((size_t)E->nvars + 1) * sizeof *E->asg);
  for (int v = 0; v < E->nvars; v++)
    E->asg[v] = term_false(T);
  E->nxt_epoch++;
  TermId mark = term_count(T);
  size_t err_from = E->errs->len;
  unsigned branchings = E->branchings;
  TermId g = enc_act(E, e->args[0], env);
  bool one_path = E->branchings == branchings;
  free(E->nxt);
  free(E->asg);
  E->nxt = nxt;
  E->asg = asg;
  E->nxt_epoch++;
  TermId en = exists_choices(E, e, g, mark);
  size_t err_to = one_path ? err_from : E->errs->len;
  for (size_t i = err_from; i < err_to; i++) {
    WdErr w = E->errs->data[i];
    E->errs->data[i].cond = term_mk_and2(T, w.cond, term_mk_not(T, en));
    w.cond = term_mk_and2(T, w.cond, en);
    w.code = EXIT_OTHER;
    w.msg = xsprintf("%s -- inside ENABLED where the action also has a "
                     "successor; whether TLC meets this error depends on the "
                     "order it enumerates successors in, which the symbolic "
                     "engine does not follow (use --engine explicit)",
                     w.msg);
    if (!term_is_false(T, w.cond))
      VEC_PUSH(*E->errs, w);
  }
  return sv_bool(en);
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
  start(E, errs);
  E->cur = NULL;
  E->init_mode = true;
  TermId g = enc_act(E, E->spec->init, NULL);
  E->init_mode = false;
  return finish_state(E, E->spec->init, g, state, "initial state");
}

TermId enc_next(Enc *E, SymVal **cur, SymVal ***next, WdErrVec *errs) {
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

TermId enc_pred(Enc *E, Expr *p, SymVal **cur, SymVal **next, WdErrVec *errs) {
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

TermId enc_pred_in(Enc *E, Expr *p, SymVal **cur, SymVal **next,
                   const struct EvalBind *env, WdErrVec *errs) {
  pred_start(E, cur, errs);
  return pred_with_next(E, p, next, from_eval_binds(p, env));
}

TermId enc_action_prop(Enc *E, Expr *a, Expr *sub, SymVal **cur,
                       SymVal **next, WdErrVec *errs) {
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

/* ---- decoding ---- */

Value *enc_decode(const SymVal *s, const ModelReader *r) {
  switch (s->kind) {
  case SV_MIX:
    for (uint32_t i = 0; i < s->n; i++)
      if (r->get_bool(r->arg, s->cells[i].mem))
        return enc_decode(s->cells[i].key, r);
    return NULL;
  case SV_BOOL:
    return val_bool(r->get_bool(r->arg, s->t));
  case SV_INT:
  case SV_ATOM: {
    mpz_t z;
    mpz_init(z);
    r->get_int(r->arg, s->t, z);
    Value *v;
    if (s->kind == SV_INT)
      v = val_int_mpz(z);
    else
      v = mpz_fits_sint_p(z) ? sv_atom_value((int)mpz_get_si(z)) : NULL;
    mpz_clear(z);
    return v;
  }
  case SV_SET:
  case SV_FUN: {
    VEC(Value *) ks = {0};
    VEC(Value *) vs = {0};
    for (uint32_t i = 0; i < s->n; i++) {
      if (!r->get_bool(r->arg, s->cells[i].mem))
        continue;
      Value *k = enc_decode(s->cells[i].key, r);
      if (!k)
        return NULL;
      if (s->kind == SV_FUN) {
        bool dup = false;
        for (size_t j = 0; j < ks.len && !dup; j++)
          dup = ks.data[j] == k;
        if (dup)
          continue; /* the first cell for a key wins, as in sv_apply */
        Value *v = enc_decode(s->cells[i].val, r);
        if (!v)
          return NULL;
        VEC_PUSH(vs, v);
      }
      VEC_PUSH(ks, k);
    }
    Value *v = s->kind == SV_SET ? val_set(ks.data, ks.len)
                                 : val_fun(ks.data, vs.data, ks.len);
    VEC_FREE(ks);
    VEC_FREE(vs);
    return v;
  }
  }
  return NULL;
}
