/* temporal.h -- temporal formulas in a normal form over atoms.
 *
 * A PROPERTY conjunct (or its negation) becomes a formula in negation
 * normal form built from TRUE, FALSE, literals (an atom or its negation),
 * binary /\ and \/, [] and <>.  Atoms are the formula's largest
 * non-temporal parts, evaluated by the evaluator with the bindings of the
 * quantifiers and definitions they were found under (eval.h's EvalBind):
 *   - state atoms: state predicates, ENABLED included, evaluated on a state;
 *   - action atoms: actions (<<A>>_v, [A]_v, or any action), evaluated on a
 *     step s -> s' of the behaviour.
 * Definitions (with parameters: passed by name), LET, IF on a constant or
 * a state predicate, \A and \E over constant sets (instantiated: the set
 * is evaluated once), =>, <=>, ~>, WF and SF (by their definitions) are
 * expanded; INSTANCE'd definitions are ordinary copies (instance.h), so a
 * refinement Abstract!Spec is expanded like any formula.  Anything else
 * temporal (\AA, \EE, CASE with temporal arms, a state-dependent set under
 * a temporal quantifier) is a located refusal: fail_at(..., EXIT_OTHER).
 *
 * Fairness (the SPECIFICATION's WF/SF conjuncts, under \A over constant
 * sets, conjunctions, definitions and constant implications) becomes a
 * list of conditions, each a pair of atoms: ENABLED <<A>>_v (a state atom)
 * and <<A>>_v (an action atom), so that an engine can use them as
 * acceptance conditions rather than as formulas.
 *
 * Both engines can use this form: the explicit engine builds a Büchi
 * automaton from it (temporal_automaton) and checks a lasso
 * (temporal_on_lasso); a symbolic lasso encoder would encode the same
 * nodes with the bounded semantics of loops, and the same atoms per frame
 * (state atoms) and per step (action atoms).
 *
 * Nodes are hash-consed: equal (kind, atom, sign, children) is one id, so
 * formulas compare by id and sets of subformulas are bit sets over ids. */
#ifndef BRINK_TEMPORAL_H
#define BRINK_TEMPORAL_H

#include <stdio.h>

#include "eval.h"

typedef enum TAtomKind { TA_STATE, TA_ACTION } TAtomKind;

typedef struct TAtom {
  TAtomKind kind;
  int slot;  /* index among the atoms of its kind (bit position) */
  Expr *expr;
  const EvalBind *env;
  int step;  /* a state atom ENABLED <<A>>_v: the action atom <<A>>_v,
              * which implies it on any step where it holds; else -1 */
} TAtom;

typedef enum TKind {
  TF_TRUE,
  TF_FALSE,
  TF_LIT,        /* atom, neg */
  TF_AND,        /* a /\ b */
  TF_OR,         /* a \/ b */
  TF_ALWAYS,     /* []a */
  TF_EVENTUALLY, /* <>a */
} TKind;

typedef struct TNode {
  TKind kind;
  int atom;
  bool neg;
  int a, b;
} TNode;

/* WF_v(A) (strong = false) or SF_v(A). */
typedef struct TFair {
  bool strong;
  int enabled; /* state atom ENABLED <<A>>_v */
  int step;    /* action atom <<A>>_v */
  Loc loc;
} TFair;

typedef struct Temporal {
  const Spec *spec;
  VEC(TAtom) atoms;
  VEC(TNode) nodes;
  VEC(TFair) fair;
  int nstate, naction; /* atoms of each kind */
  /* hash-consing of nodes (temporal.c) */
  int *tab;
  size_t cap;
  VEC(void *) owned;  /* bindings */
  VEC(Expr *) built;  /* per WF/SF: the node, <<A>>_v, ENABLED <<A>>_v */
} Temporal;

Temporal *temporal_new(const Spec *spec);
/* The normal form of e, or of ~e when negate.  A formula outside the
 * supported forms unwinds with a located refusal (EXIT_OTHER). */
int temporal_formula(Temporal *t, Expr *e, bool negate);
/* Is the negation of every temporal PROPERTY conjunct FALSE once its
 * constants are folded (and is there one)?  TLC refuses such a model
 * before it searches: "Temporal formula is a tautology" (exit 77). */
bool temporal_tautology(const Spec *spec);
/* The normal form of ~f. */
int temporal_formula_not(Temporal *t, int f);
/* The literal atom (neg: its negation). */
int temporal_lit(Temporal *t, int atom, bool neg);
/* TRUE, and a /\ b. */
int temporal_true(Temporal *t);
int temporal_and(Temporal *t, int a, int b);
/* The level of e (LEVEL_CONST .. LEVEL_TEMPORAL) where the names env binds
 * by name stand for their expressions. */
int temporal_level(Temporal *t, Expr *e, const EvalBind *env);
/* Appends the fairness conditions of e (a SPECIFICATION conjunct). */
void temporal_fairness(Temporal *t, Expr *e);

/* A generalised Büchi automaton for formula f (Gerth, Peled, Vardi and
 * Wolper's tableau): state q reads one position of a behaviour, a state
 * and the step leaving it, which must satisfy q's literals; an accepting
 * run visits a state of each acceptance set infinitely often. */
typedef struct TAutoState {
  int *lits; /* node ids of TF_LIT nodes */
  int nlits;
  int *succ;
  int nsucc;
  bool initial;
} TAutoState;

typedef struct TAuto {
  TAutoState *q;
  int nq;
  int nacc;
  uint8_t *acc; /* acc[k * nq + q]: q is in acceptance set k */
} TAuto;

/* NULL after a located refusal when the automaton would pass max states. */
TAuto *temporal_automaton(Temporal *t, int f, int max);
/* The automaton of TRUE: one state, no literals, no acceptance sets. */
TAuto *temporal_automaton_true(void);
void temporal_auto_free(TAuto *a);

/* Is f true at position 0 of the lasso of n positions whose position n-1
 * is followed by position loop?  holds(arg, atom, i) says whether atom is
 * true at position i (a state atom on state i, an action atom on the step
 * from state i to the next one). */
typedef bool (*TAtomAt)(void *arg, int atom, int pos);
bool temporal_on_lasso(Temporal *t, int f, int n, int loop, TAtomAt holds,
                       void *arg);

/* TLC's first line for a lasso: "Error: Temporal property P was
 * violated." or "Error: Temporal properties P, Q, and R were violated.",
 * naming each PROPERTY of the config (cfg_name) that has a conjunct
 * `negs` (the normal forms of their negations, one per conjunct of
 * props) finds true on the lasso, in the config's order; the conjunct
 * `found` is named if none is. */
void temporal_print_violated(FILE *out, Temporal *t, const Property *const *props,
                             const int *negs, size_t n, size_t found,
                             int len, int loop, TAtomAt holds, void *arg);

#endif
