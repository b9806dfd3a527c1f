/* encode.h -- TLA+ to terms: states, Init, Next and predicates.
 *
 * A symbolic state is an array of SymVal*, one per variable (Decl.index).
 * enc_init encodes Init and enc_next one step of Next from a given state,
 * the way TLC evaluates them: conjuncts left to right, `x' = e` assigns an
 * x' that is not yet assigned (and tests it otherwise), `x' \in S` chooses,
 * disjunctions and \E branch.  Branches are merged with fresh selector
 * variables, and whether a variable is assigned is itself a term, so the
 * result is one state and one guard: the step is possible exactly when the
 * guard holds for some value of the selectors.
 *
 * Evaluation errors TLC would report on some path -- a function applied
 * outside its domain, CHOOSE with no witness, division by zero, a state
 * left incompletely specified -- are collected as well-definedness
 * conditions (WdErr): a term that holds when the error happens.  The
 * caller asks the solver for them like properties.
 *
 * An unsupported construct unwinds with fail_at(..., EXIT_OTHER, ...) to
 * the caller's recovery point, naming the construct and its location. */
#ifndef BRINK_ENCODE_H
#define BRINK_ENCODE_H

#include "spec.h"
#include "symval.h"

typedef struct WdErr {
  TermId cond;
  Loc loc;
  const char *msg;
  int code; /* the exit code TLC gives for it (75, or 14 for Assert) */
} WdErr;
typedef VEC(WdErr) WdErrVec;

/* Whether one of errs[from, to) occurs: their conditions' disjunction,
 * built at once (term_mk_or2 in a loop re-flattens an ever longer one). */
TermId enc_any_error(TermMgr *tm, const WdErrVec *errs, size_t from,
                     size_t to);

typedef struct Enc Enc;

Enc *enc_new(const Spec *spec, TermMgr *tm);
/* Frees e and what it owns (NULL is allowed); the terms and symbolic
 * values it made stay with the manager and the run. */
void enc_delete(Enc *e);
/* Encodes Init; *state receives the initial symbolic state. */
/* A choice from Seq(S) (x' \in Seq(S), \E s \in Seq(S)) is a sequence
 * of at most n elements (default ENC_DEFAULT_MAX_SEQ_LEN); enc_seq_bound
 * is that n once such a choice has been encoded, else 0, so that a
 * verdict can say what it covers. */
#define ENC_DEFAULT_MAX_SEQ_LEN 4
void enc_set_max_seq_len(Enc *e, int n);
int enc_seq_bound(const Enc *e);

/* TLCGet("level"): TLC's level of a state is its distance from the initial
 * states plus one, which the unrolling does not give (a state in frame k
 * may be reachable in fewer steps).  The encoder gives the level of the
 * state it reads as current a variable of its own per frame, known only to
 * lie in 1..frame+1; the entry points below take the frame of the state
 * they read as current (enc_init: frame 0).  A comparison the range decides folds to a constant (level < 20
 * at length 5); otherwise the variable remains, and enc_level_vars lists
 * the variables made so far, so that the caller can refuse an answer that
 * depends on one.  enc_take_axioms returns (and forgets) the conjunction
 * of the ranges of the variables made since the last call, to be asserted
 * before the next query. */
size_t enc_level_vars(const Enc *e, const TermId **vars);
TermId enc_take_axioms(Enc *e);

/* The names that the last enc_init / enc_next bound by \E to symbolic
 * choices (over Nat, Int, SUBSET S, [S -> T], Seq(S)), as binder ids and
 * values: decoded, they are the witnesses a replay needs. */
size_t enc_choices(const Enc *e, const uint32_t **ids, SymVal *const **vals);

TermId enc_init(Enc *e, SymVal ***state, WdErrVec *errs);
/* For --stats: the terms made while each definition that may assign (an
 * action, named by its definition) was unfolded by enc_init and enc_next
 * since enc_new; an application inside another of the same name counts
 * once.  Nested definitions count inside their callers too. */
typedef struct EncDefTerms {
  Sym name;
  uint64_t terms;
  bool active; /* being unfolded now */
} EncDefTerms;
size_t enc_def_terms(const Enc *e, const EncDefTerms **out);
/* Encodes one step of Next from cur, the state of the given frame; *next
 * receives the successor. */
TermId enc_next(Enc *e, int frame, SymVal **cur, SymVal ***next,
                WdErrVec *errs);
/* ∃ over the choices in g made since mark, by expansion over their
 * finite ranges as for ENABLED: with g enc_next's guard and mark the term
 * count before it, whether the step is possible from a state, over that
 * frame's variables alone.  TERM_NONE when a choice has no small finite
 * range or the expansion would make more than max_terms terms. */
TermId enc_exists_choices(Enc *e, TermId g, TermId mark, uint32_t max_terms);
/* A state predicate on cur (next NULL) or an action predicate on the step
 * cur -> next, as a Bool term; cur is the state of the given frame. */
TermId enc_pred(Enc *e, int frame, Expr *p, SymVal **cur, SymVal **next,
                WdErrVec *errs);
/* enc_pred with the names of env (eval.h: a temporal formula's atom under
 * \A over a constant set, a definition's parameters) bound. */
struct EvalBind;
TermId enc_pred_in(Enc *e, int frame, Expr *p, SymVal **cur, SymVal **next,
                   const struct EvalBind *env, WdErrVec *errs);
/* The action a on the step cur -> next, for a place where it occurs only
 * positively (a fairness condition's <<A>>_v step): as enc_pred_in, but
 * encoded as a step is, so that \E over a large set makes a fresh member
 * (choice.c) where enc_pred expands the set: the result holds for some
 * values of those choices exactly when a holds. */
TermId enc_step_pred_in(Enc *e, int frame, Expr *a, SymVal **cur,
                        SymVal **next, const struct EvalBind *env,
                        WdErrVec *errs);
/* ENABLED e (an ENABLED expression) on cur with the action's choices left
 * free: a guard g such that ENABLED e holds exactly when g holds for some
 * values of the choice variables below g made from *mark on (term ids >=
 * *mark).  TERM_NONE for an instance's ENABLED, which only enc_pred
 * takes.  Errors of the action go to errs, conditioned as a step's. */
TermId enc_enabled_guard(Enc *e, int frame, Expr *en, SymVal **cur,
                         const struct EvalBind *env, WdErrVec *errs,
                         TermId *mark);
/* [A]_v on the step cur -> next: v is unchanged or A holds (a PROPERTY
 * conjunct [][A]_v). */
TermId enc_action_prop(Enc *e, int frame, Expr *a, Expr *sub, SymVal **cur,
                       SymVal **next, WdErrVec *errs);

/* Reading a satisfying assignment back. */
typedef struct ModelReader {
  bool (*get_bool)(void *arg, TermId t);
  void (*get_int)(void *arg, TermId t, mpz_t out);
  void *arg;
} ModelReader;
Value *enc_decode(const SymVal *s, const ModelReader *r);
/* The model's values of the encoder's choices (enc_choices: ids and their
 * symbolic values), given to the evaluator as the witnesses it tries
 * first for those names when it replays a trace (eval_set_witnesses). */
void enc_decode_witnesses(const uint32_t *ids, SymVal *const *vals,
                          size_t n, const ModelReader *r);

#endif
