/* encint.h -- the encoder's private interface: the state of one encoding
 * (Enc), bound-name frames (Bind), and the functions the construct files
 * of encode/ call in one another.
 *
 * Representation.  An Enc encodes one entry point at a time (enc_init,
 * enc_next, enc_pred, ...): cur is the current state, nxt/asg the partial
 * next state being built with its "assigned" flags, pc the path condition
 * under which the expression being encoded is evaluated, errs the
 * well-definedness conditions recorded so far.  Everything else is a cache
 * (definitions, closed constants, recursive calls) or bookkeeping for
 * refusals and --stats.  A Bind is a frame of bound names on the C stack:
 * a value, or a thunk (an expression and its environment) encoded at first
 * use and cached.  Functions are named as in the single file they came
 * from; each file's part below is its own family's. */
#ifndef BRINK_ENCINT_H
#define BRINK_ENCINT_H

#include "encode.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "eval.h"
#include "reccall.h"
#include "strcase.h"

#define MAX_CELLS 100000 /* cells a constructed symbolic set may have */
#define MAX_UNFOLD 400   /* nested calls while unfolding recursion */
#define MAX_SYM_UNFOLD                                                         \
  32                   /* unfoldings of one definition past a symbolic         \
                        * condition */
#define MAX_FUNCS 4096 /* elements of a built [S -> T] or [a : S, ...] */
#define MAX_REC_CASES                                                          \
  16 /* values a split argument of a recursive call may                        \
      * take (rec_apply) */

typedef struct Bind {
  uint32_t id;
  SymVal *v;
  Expr *thunk;
  struct Bind *tenv;
  SymVal *cache;
  struct Bind *up;
  SymVal *at;     /* the value of `@` where the thunk was made */
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
  SymVal **cur; /* the current state (NULL while encoding Init) */
  SymVal **nxt; /* partial next state (Init: the state being built) */
  TermId *asg;  /* assigned flags for nxt */
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
  uint32_t gen;    /* bumped by every entry point */
  int max_seq_len; /* longest sequence a choice from Seq(S) makes */
  /* Names bound to fresh members by \E in actions (exists_choice), with
   * their values, since the last entry point. */
  VEC(uint32_t) choice_ids;
  VEC(SymVal *) choice_vals;
  int seq_choices; /* choices from Seq(S) encoded so far */
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
   * to an enclosing call depends on that call being under way.  sym: the
   * call was made past a symbolic condition in the body of the call
   * enclosing it (a split, an IF on a symbolic test). */
  VEC(struct RecFrame {
    Def *d;
    SymVal **args;
    int budget;
    bool sym;
  }) rec_stack;
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

#define T (E->tm)

/* Expands the bounds `x \in S, y \in T` into all combinations of cells:
 * fn is called with the frames bound and the membership condition. */
typedef void (*ExpandFn)(Enc *E, Bind *env, TermId mem, void *arg);

typedef struct QAcc {
  Expr *body;
  bool forall;
  TermId prefix; /* all earlier elements left the result undecided */
  VEC(TermId) parts;
  VEC(SvCell) cells;
  int nnames;
} QAcc;

typedef struct SeqView {
  uint32_t n;
  TermId *mem;  /* mem[i]: position i+1 is in the domain */
  SymVal **val; /* val[i]: the element there (any value when not) */
} SeqView;

typedef struct Snap {
  SymVal **nxt;
  TermId *asg;
} Snap;

/* The branches of a disjunction being merged. */
typedef struct Branches {
  VEC(TermId) guards;
  VEC(Snap) states;
} Branches;

typedef struct ExArg {
  Expr *body;
  Branches *br;
  const Snap *in;
} ExArg;

/* ---- encode.c ---- */

_Noreturn void unsupported(Expr *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void wd_code(Enc *E, TermId cond, Expr *at, const char *msg, int code);
void wd(Enc *E, TermId cond, Expr *at, const char *msg);
TermId eq_checked(Enc *E, Expr *e, SymVal *a, SymVal *b);
SymVal *take_kind(Expr *e, SymVal *v, SvKind k, const char *what);
TermId as_bool(Expr *e, SymVal *v);
TermId as_int(Expr *e, SymVal *v);
SymVal *enc_need_set(Expr *e, SymVal *v);
SymVal *ite_or_fail(Expr *e, TermId c, SymVal *a, SymVal *b);
TermId level_var(Enc *E);
TermId level_compare(Enc *E, bool strict, TermId a, TermId b);
SymVal *enc_changed(Enc *E, Expr *e, Bind *env);
SymVal *enc(Enc *E, Expr *e, Bind *env);

/* ---- closed.c ---- */

Value *closed_value(Enc *E, Expr *e);

/* ---- bind.c ---- */

Bind *bind_find(Bind *b, uint32_t id);
Bind *bind_params(Enc *E, Def *d, Expr **args, Bind *env, Bind *frames);
void merge_errs(Enc *E, size_t from);
SymVal *bind_value(Enc *E, Bind *b);
Bind *let_frames(Enc *E, Expr *e, Bind *env, Bind *frames);
Bind *enc_let_frame(Bind *env, const Def *d);
uint32_t *value_order(const SymVal *s);
Bind *bind_tuple(Enc *E, Bound *bd, SymVal *t, TermId mem, Bind *env,
                 Bind *frames);
void expand(Enc *E, Expr *at, Bound *b, int nb, Bind *env, ExpandFn fn,
            void *arg);
SymVal *bound_key(Bind *env, int nnames);
int count_names(Bound *b, int nb);

/* ---- quant.c ---- */

void q_elem(Enc *E, Bind *env, TermId mem, void *arg);
SymVal *enc_quant_ordered(Enc *E, Expr *e, Bind *env);
void filter_elem(Enc *E, Bind *env, TermId mem, void *arg);
SymVal *enc_tuple_filter(Enc *E, Expr *e, Bind *env);
void map_elem(Enc *E, Bind *env, TermId mem, void *arg);
void func_elem(Enc *E, Bind *env, TermId mem, void *arg);
SymVal *enc_choose(Enc *E, Expr *e, Bind *env);

/* ---- set.c ---- */

Def *set_form_def(Enc *E, Expr *set, bool choosing);
bool filter_as_const(Enc *E, Expr *filter, bool choosing);
TermId all_in(Enc *E, Expr *e, SymVal *f, Expr *set, Bind *env);
TermId seq_shape(Enc *E, Expr *e, SymVal *f, TermId *len);
TermId enc_in(Enc *E, Expr *e, SymVal *x, Expr *set, Bind *env);
SymVal *set_op(Enc *E, Expr *e, int op, SymVal *a, SymVal *b);
SymVal *enc_range(Enc *E, Expr *e, SymVal *lo, SymVal *hi);

/* ---- fun.c ---- */

SymVal *apply_checked(Enc *E, Expr *e, SymVal *f, SymVal *x);
SymVal *fapp_key(Enc *E, Expr **args, int n, Bind *env);
SymVal *enc_except_path(Enc *E, Expr *e, SymVal *f, ExceptUpdate *u, int i,
                        Bind *env);
SymVal *enc_funset(Enc *E, Expr *e, Bind *env);
SymVal *enc_recset(Enc *E, Expr *e, Bind *env);

/* ---- seq.c ---- */

SeqView seq_view(Enc *E, Expr *e, SymVal *s, const char *what);
void seq_view_free(SeqView *v);
SymVal *mk_tuple(SymVal **vals, uint32_t n);
TermId seq_len(const SeqView *v);
SymVal *seq_append(Enc *E, Expr *e, SymVal *s, SymVal *x);
SymVal *seq_concat(Enc *E, Expr *e, SymVal *s, SymVal *t);
SymVal *seq_tail(Enc *E, Expr *e, SymVal *s);
SymVal *str_cases(Enc *E, Expr *e, SymVal **args, int n, StrOp op, void *arg,
                  const char *what);
Value *str_len(Value **s, void *arg);
Value *str_tail(Value **s, void *arg);
SymVal *str_concat(Enc *E, Expr *e, SymVal **s);
SymVal *str_subseq(Enc *E, Expr *e, SymVal *s, TermId m, TermId n);
bool int_const_keys(const SymVal *s);
SymVal *seq_head(Enc *E, Expr *e, SymVal *s);
SymVal *seq_subseq(Enc *E, Expr *e, SymVal *s, TermId m, TermId n);
SymVal *seq_select(Enc *E, Expr *e, SymVal *s, Bind *env);

/* ---- call.c ---- */

SymVal *enc_var(Enc *E, Expr *e, Decl *d);
SymVal *enc_const(Enc *E, Expr *e, Decl *d, Bind *env);
bool unfold_enter(Enc *E, Expr *e, Def *d);
bool unfolding(const Enc *E, const Def *d);
bool never_holds(Enc *E, TermId t);
void unfold_leave(Enc *E);
SymVal *enc_call_def(Enc *E, Expr *e, Def *d, Bind *env);
SymVal *enc_call_op_param(Enc *E, Expr *e, Bind *b, Bind *env);
SymVal *apply_op_value(Enc *E, Expr *site, Expr *op, SymVal **vals, int n,
                       Bind *env);

/* ---- builtin.c ---- */

SymVal *enc_builtin(Enc *E, Expr *e, Bind *env);

/* ---- action.c ---- */

void snap_restore(Enc *E, const Snap *s);
void branch_add(Enc *E, Branches *br, TermId g);
TermId enc_act(Enc *E, Expr *e, Bind *env);

/* ---- choice.c ---- */

SymVal *fresh_member(Enc *E, Expr *set, Bind *env, TermId *ok);
void exists_branch(Enc *E, Bind *env, TermId mem, void *arg);
bool symbolic_choice(const Spec *sp, Expr *e);
TermId exists_choice(Enc *E, Expr *e, Bind *env);

/* ---- community.c ---- */

/* The call e of the shipped definition d through its direct encoding, or
 * NULL when it has none or declines (d is then unfolded). */
SymVal *comm_call(Enc *E, Expr *e, Def *d, Bind *env);

/* ---- enabled.c ---- */

SymVal *enc_enabled(Enc *E, Expr *e, Bind *env);
/* ENABLED e's action from the current state with its choices left free
 * (enc_enabled_guard); TERM_NONE for an instance's ENABLED. */
TermId enc_enabled_guard_of(Enc *E, Expr *e, Bind *env, TermId *mark);

#endif
