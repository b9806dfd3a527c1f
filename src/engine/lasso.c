/* lasso.c -- liveness in the symbolic engine: lasso-shaped BMC.
 *
 * After the safety unrolling has found no error within K steps, the lasso
 * search looks for a fair behaviour that violates a temporal property, on
 * the unrolling's frames where it can (see "the unrolling's frames"),
 * else on an unrolling of its own, in the shape of a lasso: frames
 * s0..sk, s0 an initial state, each step s_i -> s_{i+1} either Next or a stuttering step (a
 * fresh Boolean per step chooses), and one loop selector sel_l true among
 * l < k, with s_k = s_l (all variables, sv_equal).  The behaviour is
 * s0 .. s_{k-1} followed forever by s_l .. s_{k-1}; a stuttering last step
 * with l = k-1 is "stutters forever".  Only the last step stutters, as
 * that loop, unless the formula needs more (see "stuttering steps"), so
 * the frames are Next's successors, as the safety unrolling's are.  Steps
 * are asserted once for the whole run (every frame that is a state of the
 * lasso satisfies the CONSTRAINTs, as every state of TLC's graph does),
 * and so is everything else that belongs to one position (the linear
 * encoding below); only what ties position k to the loop is assumed per
 * (property, k), k growing from 1, so the first lasso found is a shortest
 * one.  The properties share the solver, searched bound by bound, except
 * those that need a solver of their own (see search), which is given what
 * was asserted for every property (lasso_assert).
 *
 * The formula is temporal.h's negation normal form of ~P, with the
 * semantics of the lasso: the positions after i are i..k-1 and, when
 * j >= l, j < i; a state atom at i is the encoder's predicate on s_i, an
 * action atom its predicate on the step s_i -> s_{i+1} (position k-1's
 * step enters s_k = s_l).  It is encoded linearly (see "the linear
 * encoding"): each [] and <> node has a Boolean per position, constrained
 * one way from position i to i+1, and at position k to the loop.  This is
 * the exact semantics of the lasso, not an approximation.  Fairness holds
 * on the loop positions l..k-1: WF_v(A) when some position has ~ENABLED
 * <<A>>_v or an <<A>>_v step; SF_v(A) when all have ~ENABLED <<A>>_v or
 * some has the step.  ENABLED is encoded exactly by the encoder (its
 * choices eliminated), so it may be used under a negation.
 *
 * Soundness: the safety unrolling has shown that no evaluation error of
 * Init or Next is reachable within K steps, so their error conditions are
 * asserted false here; an error of an atom of the formula is asked for
 * and, if reachable, liveness is refused rather than judged.  Specs whose
 * answers the encoder bounds in ways a lasso would need to account for
 * (ACTION_CONSTRAINTs, TLCGet("level")) are refused, as is anything the encoder
 * or the normal form cannot take, each with its location.  A lasso found
 * is decoded and replayed: Init and Next by trace_replay on its non-
 * stuttering steps, equal states on the stuttering ones and at the loop,
 * then every atom evaluated by the evaluator, temporal_on_lasso and the
 * fairness; only then is it printed. */
#include "lasso.h"

#include <string.h>

#include "bmcstats.h"
#include "charvec.h"
#include "deadcells.h"
#include "encode.h"
#include "eval.h"
#include "freshen.h"
#include "packcells.h"
#include "reads.h"
#include "report.h"
#include "status.h"
#include "stop.h"
#include "temporal.h"
#include "trace.h"

typedef VEC(TermId) TermVec;
typedef VEC(TermVec) TermTable; /* [a].data[i] */
typedef VEC(int) IntVec;

/* A fairness condition's ENABLED <<A>>_v at one position, left to
 * refinement (see fair_enabled). */
typedef struct LazyEn {
  int atom, pos;
  TermId e;      /* the Boolean that stands for it */
  TermId g;      /* A's guard there, its choices free */
  TermId *vars;  /* the choices */
  size_t nvars;
} LazyEn;

typedef struct Lasso {
  const Spec *spec;
  TermMgr *tm;
  Solver *s;
  Enc *enc;
  Temporal *t;
  VEC(SymVal **) frames; /* s_0 .. s_n */
  VEC(TermId) stut;      /* step i stutters */
  int merged; /* steps i < merged make s_{i+1} = s_i when they stutter;
                 later ones leave s_{i+1} Next's (see "stuttering steps") */
  VEC(TermVec) atoms;    /* atoms[a].data[i]: atom a at position i */
  /* Per position i, built once whatever the bound k (see "the linear
   * encoding" below): */
  VEC(TermId) sel;       /* the loop goes back to frame i */
  VEC(TermId) inloop;    /* the loop starts at or before i */
  VEC(SymVal **) lstate; /* the frame it starts at, if at or before i */
  TermTable vals;     /* vals[f].data[i]: node f at position i */
  TermTable tloop;    /* []f: vals[f] at the loop's start, if <= i */
  TermTable tseen;    /* <>f: f's operand at a loop position <= i */
  VEC(int) tdone;        /* tdone[f]: positions whose step is asserted */
  TermTable fstep, foff, fallo; /* fairness c, loop positions <= i:
                                      a step, some / all ~ENABLED */
  const Property **tprops; /* the temporal properties ... */
  int *tnegs;              /* ... and their negations (-1: none) */
  size_t ntprops;
  WdErrVec aerrs;        /* errors of the atoms */
  VEC(TermId) asserted;  /* by lasso_assert */
  DeadCells *dc;         /* what the dead-cell questions found */
  TermTable fen;         /* fen[a].data[i]: fairness's ENABLED atom a at i */
  TermTable fst;         /* fst[a].data[i]: fairness's step atom a at i */
  VEC(Expr *) moved;     /* moved[c]: <<TRUE>>_v of fairness c on Next
                            (fair_step), or NULL */
  VEC(struct LazyEn) lazy; /* those left to refinement (fair_enabled) */
  long refinements;      /* witnesses added (fair_enabled) */
  VEC(uint32_t) choice_ids;
  VEC(SymVal *) choice_vals;
  double t0;
  const LassoOptions *opt;
  bool reused;   /* the frames are the unrolling's (adopt_frames) */
  bool borrowed; /* s is the unrolling's solver, not to be deleted */
} Lasso;

static TermId lit_bool(Lasso *L, bool b) { return term_mk_bool(L->tm, b); }

/* Asserts t on the solver, and on the solver of every later property:
 * what holds of the frames and positions whatever the property. */
static void lasso_assert(Lasso *L, TermId t) {
  VEC_PUSH(L->asserted, t);
  solver_assert(L->s, t);
}

static void replay_facts(Lasso *L);

/* A fresh solver for the next property, with what lasso_assert asserted
 * (and the unrolling's facts, when its frames are the search's): the
 * facts a property's search adds about its stuttering steps (the
 * search's loop) are not the next one's. */
static void fresh_solver(Lasso *L) {
  if (!L->borrowed)
    solver_delete(L->s);
  L->borrowed = false;
  L->s = L->opt->new_solver(L->opt->solver_arg, L->tm);
  if (L->reused)
    replay_facts(L);
  for (size_t i = 0; i < L->asserted.len; i++)
    solver_assert(L->s, L->asserted.data[i]);
}

static void keep_choices(Lasso *L) {
  const uint32_t *ids;
  SymVal *const *vals;
  size_t n = enc_choices(L->enc, &ids, &vals);
  for (size_t i = 0; i < n; i++) {
    VEC_PUSH(L->choice_ids, ids[i]);
    VEC_PUSH(L->choice_vals, vals[i]);
  }
}

static TermId no_errs(Lasso *L, const WdErrVec *errs) {
  TermId r = lit_bool(L, true);
  for (size_t i = 0; i < errs->len; i++)
    r = term_mk_and2(L->tm, r, term_mk_not(L->tm, errs->data[i].cond));
  return r;
}

static void check_level(Lasso *L, Expr *at) {
  const TermId *lv;
  if (enc_level_vars(L->enc, &lv))
    fail_at(at ? at->loc : (Loc){0}, EXIT_OTHER,
            "liveness: TLCGet(\"level\") is not known exactly in a lasso "
            "frame; use --engine explicit");
  lasso_assert(L, enc_take_axioms(L->enc));
}

/* Frame i is a state TLC explores: it satisfies the CONSTRAINTs (TLC's
 * graph, and the explicit engine's, holds no other state; the safety
 * unrolling showed their evaluation errors unreachable). */
/* Is e a definition whose value depends on the state alone (reads.h)? */
static bool lemma_ok(const Spec *sp, Expr *e) {
  return e->kind == EX_OP && e->nargs == 0 && e->ref.kind == REF_DEF &&
         reads_def_pure(sp, spec_effective_def(sp, e->ref.u.def));
}

/* Asserts c when frame i is a state of the lasso (real). */
static void assert_if(Lasso *L, TermId real, TermId c) {
  lasso_assert(L, term_mk_implies(L->tm, real, c));
}

/* real: when frame i is a state of the lasso (see "stuttering steps"). */
static void in_model(Lasso *L, int i, TermId real) {
  const Spec *sp = L->spec;
  WdErrVec errs = {0};
  for (size_t c = 0; c < sp->constraints.len; c++)
    assert_if(L, real, enc_pred(L->enc, i, sp->constraints.data[c].expr,
                                L->frames.data[i], NULL, &errs));
  if (sp->constraints.len)
    check_level(L, sp->constraints.data[0].expr);
  /* Lemmas: frame i is reachable in at most i <= K steps, and the safety
   * unrolling proved every invariant (and []P of a PROPERTY) there, with
   * no evaluation error.  Redundant for the semantics, they prune the
   * lasso queries as the safety run's lemmas prune its own (MCEWD687a, 20
   * steps: 24.2 s -> 5.4 s of CPU).  Only definitions that read nothing
   * but the state (reads.h: no TLCGet, so no level variable that
   * check_level would refuse the whole search for). */
  for (size_t c = 0; c < sp->invariants.len; c++)
    if (lemma_ok(sp, sp->invariants.data[c].expr))
      assert_if(L, real, enc_pred(L->enc, i, sp->invariants.data[c].expr,
                                  L->frames.data[i], NULL, &errs));
  for (size_t c = 0; c < sp->properties.len; c++)
    if (sp->properties.data[c].kind == PROP_ALWAYS &&
        lemma_ok(sp, sp->properties.data[c].expr))
      assert_if(L, real, enc_pred(L->enc, i, sp->properties.data[c].expr,
                                  L->frames.data[i], NULL, &errs));
  check_level(L, NULL);
  assert_if(L, real, no_errs(L, &errs));
  VEC_FREE(errs);
}

/* Whether frame i is a state of the lasso: not the successor Next
 * computed for a step that stutters without merging. */
static TermId real_frame(Lasso *L, int i) {
  return i == 0 || i - 1 < L->merged
             ? lit_bool(L, true)
             : term_mk_not(L->tm, L->stut.data[i - 1]);
}

/* ---- the unrolling's frames ----
 *
 * Where every step of a lasso is Next's but the last, which may stutter
 * as the loop (merged == 0), the frames are those the safety unrolling
 * built, with its step guards, CONSTRAINTs, lemmas, proved bounds
 * (tighten.h) and trimmed and packed cells: nothing is encoded again
 * (glowingRaccoon's product at 20 steps re-encoded 950k terms of Next, and
 * its frames without the proved bounds made a product too large to
 * encode).  The unrolling asserted each fact once frame n existed, from
 * Init and steps 0..n-1 (and the CONSTRAINTs of frames before n): it holds
 * in every behaviour whose states are frames 0..n, so here it is asserted
 * when frame n is a state of the lasso (real_frame), which keeps the
 * lassos whose last state has no successor (or none within the
 * CONSTRAINTs): that state stutters, and nothing the unrolling said about
 * the frames after it holds.  The step guard is one of those facts, so
 * step n-1 is Next's when it does not stutter, as extend asserts.  What
 * in_model and extend assert besides (CONSTRAINTs, lemmas, no overflow)
 * the unrolling asserted too; the evaluation errors of the steps it
 * showed unreachable from those facts.
 *   When the unrolling checked the deadlock and there is no CONSTRAINT,
 * or it showed that every state of frames 0..K-1 has a successor within
 * the CONSTRAINTs (driver.c, "dead ends"),
 * every state of a lasso (reachable in fewer than K steps) starts a path
 * of Next steps to depth K, each of whose states has a successor and
 * satisfies every invariant: the facts about frames 0..K as they stand
 * then cut no lasso, and the search runs on the unrolling's own solver
 * with what it learnt (the driver passes it, LassoFrames.solver). */

static void replay_facts(Lasso *L) {
  const LassoFrames *u = L->opt->frames;
  for (size_t i = 0; i < u->nfacts; i++)
    solver_assert(L->s, term_mk_implies(L->tm, real_frame(L, u->tags[i]),
                                        u->facts[i]));
}

static void adopt_frames(Lasso *L) {
  const LassoFrames *u = L->opt->frames;
  for (size_t i = 0; i < u->nchoices; i++) {
    VEC_PUSH(L->choice_ids, u->choice_ids[i]);
    VEC_PUSH(L->choice_vals, u->choice_vals[i]);
  }
  VEC_PUSH(L->frames, u->frames[0]);
  for (size_t i = 1; i < u->nframes; i++) {
    VEC_PUSH(L->stut, term_mk_fresh(L->tm, "stutter", SORT_BOOL));
    VEC_PUSH(L->frames, u->frames[i]);
  }
  L->reused = true;
  if (u->solver) {
    solver_delete(L->s);
    L->s = u->solver;
    L->borrowed = true;
  } else {
    replay_facts(L);
  }
}

/* Frame n+1 from frame n: Next or a stuttering step. */
static void extend(Lasso *L) {
  int n = (int)L->frames.len - 1;
  WdErrVec errs = {0};
  SymVal **next;
  TermId g = enc_next(L->enc, n, L->frames.data[n], &next, &errs);
  keep_choices(L);
  check_level(L, L->spec->next);
  TermId st = term_mk_fresh(L->tm, "stutter", SORT_BOOL);
  /* With characteristic vectors, a Next step's successor has no member
   * outside a universe: the safety unrolling showed every frame within K
   * steps free of overflow.  (A stuttering step's unused successor may
   * overflow: a state where no action is enabled stutters for ever.) */
  TermId ov = cv_rewrite_state(L->opt->cv, next);
  SymVal **f = next;
  if (n < L->merged) {
    f = xcalloc((size_t)L->spec->nvars + 1, sizeof *f);
    for (int v = 0; v < L->spec->nvars; v++)
      f[v] = sv_ite(st, L->frames.data[n][v], next[v]);
  }
  /* The safety unrolling showed these errors unreachable in K steps. */
  assert_if(L, real_frame(L, n), no_errs(L, &errs));
  lasso_assert(L, term_mk_or2(L->tm, st, g));
  lasso_assert(L, term_mk_or2(L->tm, st, term_mk_not(L->tm, ov)));
  /* The frame's values as variables of their own, as the safety
   * unrolling cuts them where sets are vectors (freshen.h). */
  if (!L->opt->no_freshen && cv_plan_size(L->opt->cv) > 0)
    lasso_assert(L, fr_state(f, L->spec->nvars));
  VEC_FREE(errs);
  VEC_PUSH(L->stut, st);
  VEC_PUSH(L->frames, f);
  in_model(L, n + 1, real_frame(L, n + 1));
  /* Cells of frame n+1 no behaviour fills (deadcells.h).  Its values
   * matter only where it is a state of the lasso: every step from the
   * merged ones on is Next's (only the last may stutter), which the
   * question assumes, so the answer holds for every property's search. */
  if ((!L->opt->no_trim || !L->opt->no_pack) && n >= L->merged) {
    VEC(TermId) steps = {0};
    for (int j = L->merged; j <= n; j++)
      VEC_PUSH(steps, term_mk_not(L->tm, L->stut.data[j]));
    if (!L->opt->no_trim) {
      dead_cells_drop(L->dc, L->s, L->tm, L->frames.data[n],
                      L->frames.data[n + 1], steps.data, steps.len);
    }
    /* Its computed-key cells packed (packcells.h), under the same
     * assumption. */
    if (!L->opt->no_pack)
      pack_cells_frame(L->s, L->tm, L->frames.data[n], L->frames.data[n + 1],
                       L->spec->nvars, steps.data, steps.len);
    VEC_FREE(steps);
  }
}

static Expr *unlabel(Expr *e) {
  while (e->kind == EX_LABEL)
    e = e->body;
  return e;
}

/* The atoms' errors from e0 on happen only when c holds. */
static void guard_errs(Lasso *L, size_t e0, TermId c) {
  for (size_t e = e0; e < L->aerrs.len; e++)
    L->aerrs.data[e].cond = term_mk_and2(L->tm, c, L->aerrs.data[e].cond);
}

/* Atom a at position i (frames i and i+1 exist). */
static TermId atom_at(Lasso *L, int a, int i) {
  while (L->atoms.len <= (size_t)a)
    VEC_PUSH(L->atoms, ((TermVec){0}));
  TermVec *at_pos = &L->atoms.data[a];
  while (at_pos->len <= (size_t)i)
    VEC_PUSH(*at_pos, TERM_NONE);
  if (at_pos->data[i] == TERM_NONE) {
    const TAtom *at = &L->t->atoms.data[a];
    SymVal **s = L->frames.data[i];
    TermId r;
    if (at->kind == TA_STATE || i < L->merged) {
      r = enc_pred_in(L->enc, i, at->expr, s,
                      at->kind == TA_ACTION ? L->frames.data[i + 1] : NULL,
                      at->env, &L->aerrs);
    } else {
      /* The step is Next's, or stutters (s_{i+1} is then not a state). */
      TermId st = L->stut.data[i];
      size_t e0 = L->aerrs.len;
      TermId on_next = enc_pred_in(L->enc, i, at->expr, s,
                                   L->frames.data[i + 1], at->env, &L->aerrs);
      guard_errs(L, e0, term_mk_not(L->tm, st));
      /* On a stuttering step [A]_v holds and <<A>>_v does not; they are
       * the only actions under [] and <> (stutter_rule). */
      Expr *e = unlabel(at->expr);
      TermId on_stutter = e->kind == EX_BOX_ACT   ? lit_bool(L, true)
                          : e->kind == EX_DIA_ACT ? lit_bool(L, false)
                                                  : TERM_NONE;
      if (on_stutter == TERM_NONE) {
        e0 = L->aerrs.len;
        on_stutter =
            enc_pred_in(L->enc, i, at->expr, s, s, at->env, &L->aerrs);
        guard_errs(L, e0, st);
      }
      r = term_mk_ite(L->tm, st, on_stutter, on_next);
    }
    check_level(L, at->expr);
    L->atoms.data[a].data[i] = r;
  }
  return L->atoms.data[a].data[i];
}

/* ---- the linear encoding ----
 *
 * A lasso of k positions is frames s0..sk with sk equal to the loop's
 * first frame s_l.  Everything is built per position, once, and only a
 * few terms per bound k tie position k to the loop (Latvala, Biere,
 * Heljanko and Junttila 2004; Biere et al. 2006, "Simple is better"):
 *   - sel_i (the loop goes back to i) with at most one true: inloop_i =
 *     inloop_{i-1} \/ sel_i, sel_i => ~inloop_{i-1}; lstate_i is the
 *     frame s_l when l <= i (an if-then-else chain over the sel_j);
 *   - a temporal node f ([]a, <>a) has a fresh Boolean f_i per position,
 *     constrained one way only (the formula is in negation normal form, so
 *     every node occurs positively): []a_i => a_i /\ []a_{i+1}, and
 *     <>a_i => a_i \/ <>a_{i+1};
 *   - at the last position, []a_k => []a_l (tloop: []a at the loop's start)
 *     and <>a_k => a holds at some loop position (tseen), which rules out
 *     an eventuality put off around the loop for ever;
 *   - fairness: per position, whether some loop position so far has the
 *     step, or ~ENABLED, or all have ~ENABLED.
 * The query for k assumes inloop_{k-1}, s_k = lstate_{k-1}, the two
 * conditions at position k of every temporal node, the fairness at k-1
 * and the root at position 0: O(nodes + variables) new terms per k where
 * rebuilding the formula cost O(nodes k^2).  It is the same semantics as
 * the unrolled one: a node's variable is true only where the node holds on
 * the lasso, and the node's true values satisfy the constraints. */

/* The slot of (a, i) in a table of TermVecs, TERM_NONE when new. */
#define SLOT(L, tab, a, i) slot_of(&(L)->tab, (a), (i))
static TermId *slot_of(TermTable *t, int a, int i) {
  while (t->len <= (size_t)a)
    VEC_PUSH(*t, ((TermVec){0}));
  TermVec *v = &t->data[a];
  while (v->len <= (size_t)i)
    VEC_PUSH(*v, TERM_NONE);
  return &v->data[i];
}

/* The loop selector and its companions at position i (frame i exists). */
static void position(Lasso *L, int i) {
  TermMgr *tm = L->tm;
  while ((int)L->sel.len <= i) {
    int j = (int)L->sel.len;
    TermId sel = term_mk_fresh(tm, "loop", SORT_BOOL);
    TermId before = j ? L->inloop.data[j - 1] : lit_bool(L, false);
    lasso_assert(L, term_mk_implies(tm, sel, term_mk_not(tm, before)));
    SymVal **ls = xcalloc((size_t)L->spec->nvars + 1, sizeof *ls);
    for (int v = 0; v < L->spec->nvars; v++)
      ls[v] = j ? sv_ite(sel, L->frames.data[j][v], L->lstate.data[j - 1][v])
                : L->frames.data[0][v];
    VEC_PUSH(L->sel, sel);
    VEC_PUSH(L->inloop, term_mk_or2(tm, before, sel));
    VEC_PUSH(L->lstate, ls);
  }
}

/* Node f at position i: a term over the atoms and the temporal nodes'
 * variables (frames up to i + 1 exist). */
static TermId node_val(Lasso *L, int f, int i) {
  TermId *m = SLOT(L, vals, f, i);
  if (*m != TERM_NONE)
    return *m;
  TermMgr *tm = L->tm;
  const TNode *n = &L->t->nodes.data[f];
  TermId r = TERM_NONE;
  switch (n->kind) {
  case TF_TRUE:
    r = term_true(tm);
    break;
  case TF_FALSE:
    r = term_false(tm);
    break;
  case TF_LIT:
    r = atom_at(L, n->atom, i);
    if (n->neg)
      r = term_mk_not(tm, r);
    break;
  case TF_AND:
    r = term_mk_and2(tm, node_val(L, n->a, i), node_val(L, n->b, i));
    break;
  case TF_OR:
    r = term_mk_or2(tm, node_val(L, n->a, i), node_val(L, n->b, i));
    break;
  case TF_ALWAYS:
  case TF_EVENTUALLY:
    r = term_mk_fresh(tm, n->kind == TF_ALWAYS ? "always" : "eventually",
                      SORT_BOOL);
    break;
  }
  *SLOT(L, vals, f, i) = r; /* the table may have moved */
  return r;
}

/* Asserts the step constraints of temporal node f at positions < k and
 * builds its loop summaries up to k - 1. */
static void node_steps(Lasso *L, int f, int k) {
  while (L->tdone.len <= (size_t)f)
    VEC_PUSH(L->tdone, 0);
  TermMgr *tm = L->tm;
  const TNode *n = &L->t->nodes.data[f];
  bool all = n->kind == TF_ALWAYS;
  for (int i = L->tdone.data[f]; i < k; i++) {
    TermId here = node_val(L, f, i), a = node_val(L, n->a, i),
           next = node_val(L, f, i + 1);
    lasso_assert(L, term_mk_implies(tm, here,
                                        all ? term_mk_and2(tm, a, next)
                                            : term_mk_or2(tm, a, next)));
    if (all) {
      TermId prev = i ? *SLOT(L, tloop, f, i - 1) : lit_bool(L, true);
      *SLOT(L, tloop, f, i) = term_mk_ite(tm, L->sel.data[i], here, prev);
    } else {
      TermId prev = i ? *SLOT(L, tseen, f, i - 1) : lit_bool(L, false);
      *SLOT(L, tseen, f, i) =
          term_mk_or2(tm, prev, term_mk_and2(tm, L->inloop.data[i], a));
    }
  }
  if (L->tdone.data[f] < k)
    L->tdone.data[f] = k;
}

/* The temporal nodes under f, each once (seen: per node). */
static void temporal_nodes(Lasso *L, int f, uint8_t *seen, IntVec *out) {
  if (seen[f])
    return;
  seen[f] = 1;
  const TNode *n = &L->t->nodes.data[f];
  if (n->kind == TF_AND || n->kind == TF_OR || n->kind == TF_ALWAYS ||
      n->kind == TF_EVENTUALLY) {
    temporal_nodes(L, n->a, seen, out);
    if (n->kind == TF_AND || n->kind == TF_OR)
      temporal_nodes(L, n->b, seen, out);
  }
  if (n->kind == TF_ALWAYS || n->kind == TF_EVENTUALLY)
    VEC_PUSH(*out, f);
}

/* ---- fairness's ENABLED ----
 *
 * ENABLED <<A>>_v is encoded exactly by eliminating A's choices (enabled.c),
 * which costs a copy of A's guard per combination of choices: Quicksort's
 * WF_vars(a), whose step picks a permutation among 256 functions, made
 * 415k terms per position.  In a fairness condition it occurs only under
 * ~ (WF: a step on the loop or a position where A is disabled; SF: a step
 * or every loop position disabled), so when the elimination would make
 * more than LAZY_ENABLED_TERMS terms at a position, a fresh Boolean e
 * stands for it there, with
 *   e => g, A's guard with its choices free: e only where A has a step;
 *   <<A>>_v step => e: the step is one;
 * and nothing yet that forces e where A is enabled.  A lasso found may
 * then be unfair: one_bound evaluates ENABLED with the evaluator at every
 * loop position whose e is false, and where A is in fact enabled asks the
 * solver for the choices that enable it in that state, c, and asserts
 * g[c] => e (a witness, true in every state c enables), then asks the
 * query again.  Each witness rules out at least the state at that
 * position, so the refinement ends; an answer it settles is exact. */
enum { LAZY_ENABLED_TERMS = 20000, MAX_ENABLED_ROUNDS = 2000 };

/* Whether action a is the spec's Next (the same definition, applied
 * without arguments). */
static bool is_next(const Spec *spec, Expr *a) {
  a = unlabel(a);
  Expr *n = unlabel(spec->next);
  return a == n ||
         (a->kind == EX_OP && n->kind == EX_OP && a->nargs == 0 &&
          n->nargs == 0 && a->ref.kind == REF_DEF &&
          n->ref.kind == REF_DEF && a->ref.u.def == n->ref.u.def);
}

/* A fairness condition's <<A>>_v on step j.  It occurs only positively
 * (a step on the loop makes the condition hold; fair_enabled's lemma step
 * => e holds whatever the choices), so A's \E over a large set is a fresh
 * member, not an expansion over the set (enc_step_pred_in): Quicksort's
 * step, which picks one of 256 functions, took 408k terms per position
 * the other way.  Kept apart from atom_at's table: a property's formula
 * may have the same atom under a negation. */
static TermId fair_step(Lasso *L, int c, int j) {
  const TFair *f = &L->t->fair.data[c];
  TermId *slot = SLOT(L, fst, f->step, j);
  if (*slot != TERM_NONE)
    return *slot;
  const TAtom *at = &L->t->atoms.data[f->step];
  size_t e0 = L->aerrs.len;
  TermId r = TERM_NONE;
  if (is_next(L->spec, at->expr->args[0])) {
    /* <<Next>>_v (WF_vars(Next)): every step of the frames that does not
     * stutter is a Next step (extend's guard, or the unrolling's), so the
     * atom is that v changes, <<TRUE>>_v, and Next is not encoded again
     * with choices of its own (MCEWD687a at 20 steps: 3.7 s -> 3.05 s of
     * CPU). */
    while (L->moved.len <= (size_t)c)
      VEC_PUSH(L->moved, NULL);
    Expr *moved = L->moved.data[c];
    if (!moved) { /* built once per condition */
      moved = ast_new(EX_DIA_ACT, at->expr->loc);
      moved->args = xmalloc(2 * sizeof *moved->args);
      moved->args[0] = ast_new(EX_BOOL, at->expr->loc);
      moved->args[0]->boolean = true;
      moved->args[1] = at->expr->args[1];
      moved->nargs = 2;
      L->moved.data[c] = moved;
    }
    r = enc_pred_in(L->enc, j, moved, L->frames.data[j], L->frames.data[j + 1],
                    at->env, &L->aerrs);
    TermId moves = term_mk_not(L->tm, L->stut.data[j]);
    guard_errs(L, e0, moves);
    check_level(L, at->expr);
    return *slot = term_mk_and2(L->tm, moves, r);
  }
  /* What the step encoding cannot take (a primed expression it refuses)
   * falls back to the formula's exact encoding, which enc_pred starts
   * afresh. */
  FailPoint fp;
  void *old = diag_mute();
  if (fail_push(&fp) == 0) {
    r = enc_step_pred_in(L->enc, j, at->expr, L->frames.data[j],
                         L->frames.data[j + 1], at->env, &L->aerrs);
    fail_pop(&fp);
  }
  diag_unmute(old);
  if (r == TERM_NONE) {
    L->aerrs.len = e0;
    return *slot = atom_at(L, f->step, j);
  }
  if (j >= L->merged) {
    /* s_{j+1} is Next's successor; on a stuttering step <<A>>_v is
     * false. */
    TermId moves = term_mk_not(L->tm, L->stut.data[j]);
    guard_errs(L, e0, moves);
    r = term_mk_and2(L->tm, moves, r);
  }
  check_level(L, at->expr);
  return *slot = r;
}

static TermId fair_enabled(Lasso *L, int c, int j) {
  const TFair *f = &L->t->fair.data[c];
  TermId *slot = SLOT(L, fen, f->enabled, j);
  if (*slot != TERM_NONE)
    return *slot;
  TermMgr *tm = L->tm;
  const TAtom *at = &L->t->atoms.data[f->enabled];
  /* The action's errors are the atom's, asked for as the others' are: as
   * for the exact encoding, whatever the choices (the lasso refuses any
   * that is reachable). */
  TermId mark;
  TermId g = enc_enabled_guard(L->enc, j, at->expr, L->frames.data[j],
                               at->env, &L->aerrs, &mark);
  check_level(L, at->expr);
  if (g == TERM_NONE) /* an instance's ENABLED */
    return *slot = atom_at(L, f->enabled, j);
  TermId en = L->opt->lazy_enabled
                  ? TERM_NONE
                  : enc_exists_choices(L->enc, g, mark, LAZY_ENABLED_TERMS);
  if (en != TERM_NONE)
    return *slot = en;
  LazyEn z = {f->enabled, j, term_mk_fresh(tm, "enabled", SORT_BOOL), g,
              NULL, 0};
  term_vars_since(tm, g, mark, &z.vars, &z.nvars);
  /* The choices within their ranges, as the elimination takes them. */
  TermId has = g;
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  for (size_t i = 0; i < z.nvars; i++)
    if (term_sort(tm, z.vars[i]) == SORT_INT &&
        term_var_bounds(tm, z.vars[i], lo, hi))
      has = term_mk_and2(
          tm, has,
          term_mk_and2(tm, term_mk_le(tm, term_mk_int(tm, lo), z.vars[i]),
                       term_mk_le(tm, z.vars[i], term_mk_int(tm, hi))));
  mpz_clears(lo, hi, NULL);
  z.g = has;
  lasso_assert(L, term_mk_implies(tm, z.e, has));
  lasso_assert(L, term_mk_implies(tm, fair_step(L, c, j), z.e));
  VEC_PUSH(L->lazy, z);
  *slot = z.e;
  return z.e;
}

/* The fairness on the loop of a lasso of k positions. */
static TermId fairness(Lasso *L, int k) {
  TermMgr *tm = L->tm;
  TermId all = lit_bool(L, true);
  for (size_t c = 0; c < L->t->fair.len; c++) {
    const TFair *f = &L->t->fair.data[c];
    int ci = (int)c;
    for (int j = 0; j < k; j++) {
      if (*SLOT(L, fstep, ci, j) != TERM_NONE)
        continue;
      TermId en = fair_enabled(L, ci, j), st = fair_step(L, ci, j);
      TermId in = L->inloop.data[j];
      TermId step = j ? *SLOT(L, fstep, ci, j - 1) : lit_bool(L, false);
      TermId off = j ? *SLOT(L, foff, ci, j - 1) : lit_bool(L, false);
      TermId allo = j ? *SLOT(L, fallo, ci, j - 1) : lit_bool(L, true);
      *SLOT(L, fstep, ci, j) = term_mk_or2(tm, step, term_mk_and2(tm, in, st));
      *SLOT(L, foff, ci, j) =
          term_mk_or2(tm, off, term_mk_and2(tm, in, term_mk_not(tm, en)));
      *SLOT(L, fallo, ci, j) = term_mk_and2(
          tm, allo, term_mk_implies(tm, in, term_mk_not(tm, en)));
    }
    TermId step = *SLOT(L, fstep, ci, k - 1);
    TermId rest = f->strong ? *SLOT(L, fallo, ci, k - 1)
                            : *SLOT(L, foff, ci, k - 1);
    all = term_mk_and2(tm, all, term_mk_or2(tm, step, rest));
  }
  return all;
}

static TermId states_equal(Lasso *L, SymVal **a, SymVal **b) {
  TermId r = lit_bool(L, true);
  for (int v = 0; v < L->spec->nvars; v++)
    r = term_mk_and2(L->tm, r, sv_equal(a[v], b[v]));
  return r;
}

/* ---- stuttering steps ----
 *
 * A step may stutter anywhere in the encoding, but the query for bound k
 * lets only its last step stutter, and then only as the whole loop (s_k =
 * s_{k-1} = s_l, l = k-1: the behaviour stutters for ever), unless the
 * formula reads the first step (below).  This loses no lasso and keeps
 * the first one found a shortest one: a TLA formula has the same value on
 * behaviours equal up to stuttering, and so has the fairness; removing a
 * stuttering step s_i -> s_{i+1} = s_i from a lasso of k steps (frame i+1
 * dropped, the loop's start moved down when it was after i) gives a lasso
 * of k-1 steps of such a behaviour, unless every step of the loop
 * stutters; then the loop becomes the one stuttering step after s_l
 * (a Next step that changes nothing may stay anywhere).  So every lasso
 * reduces to one of at most as many steps in this shape, which the
 * search, k growing from 1, meets no later than the lasso itself.
 *   Why: a step that may stutter anywhere makes each frame an
 * if-then-else of the previous frame and Next's successor, and values
 * whose shape depends on the path (sequences, lists of cells, integers
 * under ranges) then grow with every frame: EWD998ChanID's lasso frames
 * added 111k terms at k = 8, glowingRaccoon's stages 168k at k = 9, where
 * Next's successors add a few hundred.  A step of the frames is now Next's
 * successor, and a stuttering last step leaves s_k unused (not a state:
 * what is asserted of frame k holds only when step k-1 does not stutter,
 * real_frame); its action atoms are read on s_{k-1} -> s_{k-1}.  After
 * bound k, step k-1 never stutters again in the property's search: that
 * is asserted, not assumed, which the solver prunes with far better
 * (MCEWD687a, 20 steps: 33 s of CPU with assumptions, 14 s with facts).
 * The facts would rule out the next property's lassos that stutter at an
 * early deadlock, hence a fresh solver per property.
 *   The level rules (resolve_level.c) allow an action under [] and <> only
 * as [A]_v and <<A>>_v, which stuttering does not change; an action atom
 * outside every [] and <> is evaluated on the first step, which therefore
 * keeps its freedom to stutter.  Any other action atom (which the level
 * rules should not let through) turns the restriction off. */
typedef enum StutterRule {
  STUT_FREE,  /* any step may stutter */
  STUT_LAST,  /* only the last, as the loop */
  STUT_FIRST, /* ... and the first */
} StutterRule;

/* Walks node f (under: beneath a [] or <>): *invariant false when an
 * action atom may tell a stuttering step apart under a temporal node,
 * *first true when one is outside them. */
static void stutter_walk(Lasso *L, int f, bool under, uint8_t *seen,
                         bool *invariant, bool *first) {
  if (seen[f] & (under ? 2 : 1))
    return;
  seen[f] |= under ? 2 : 1;
  const TNode *n = &L->t->nodes.data[f];
  switch (n->kind) {
  case TF_LIT: {
    const TAtom *a = &L->t->atoms.data[n->atom];
    if (a->kind != TA_ACTION)
      break;
    Expr *e = unlabel(a->expr);
    if (!under)
      *first = true;
    else if (e->kind != EX_BOX_ACT && e->kind != EX_DIA_ACT)
      *invariant = false;
    break;
  }
  case TF_AND:
  case TF_OR:
    stutter_walk(L, n->a, under, seen, invariant, first);
    stutter_walk(L, n->b, under, seen, invariant, first);
    break;
  case TF_ALWAYS:
  case TF_EVENTUALLY:
    stutter_walk(L, n->a, true, seen, invariant, first);
    break;
  default:
    break;
  }
}

static StutterRule stutter_rule(Lasso *L, int f) {
  uint8_t *seen = xcalloc(L->t->nodes.len + 1, 1);
  bool invariant = true, first = false;
  stutter_walk(L, f, false, seen, &invariant, &first);
  free(seen);
  return !invariant ? STUT_FREE : first ? STUT_FIRST : STUT_LAST;
}

/* The query for bound k of the negated property rooted at f: a term to
 * assume. */
static TermId lasso_query(Lasso *L, int f, int k, const int *tnodes,
                          size_t ntnodes) {
  TermMgr *tm = L->tm;
  position(L, k - 1);
  /* s_k is s_l; a last step that stutters without merging is the loop
   * (the query assumes sel_{k-1} then) and leaves s_k Next's. */
  TermId closed = states_equal(L, L->lstate.data[k - 1], L->frames.data[k]);
  if (k - 1 >= L->merged)
    closed = term_mk_or2(tm, L->stut.data[k - 1], closed);
  TermId q = term_mk_and2(tm, L->inloop.data[k - 1], closed);
  for (size_t x = 0; x < ntnodes; x++) {
    int g = tnodes[x];
    node_steps(L, g, k);
    TermId last = node_val(L, g, k);
    TermId loop = L->t->nodes.data[g].kind == TF_ALWAYS
                      ? *SLOT(L, tloop, g, k - 1)
                      : *SLOT(L, tseen, g, k - 1);
    q = term_mk_and2(tm, q, term_mk_implies(tm, last, loop));
  }
  q = term_mk_and2(tm, q, fairness(L, k));
  return term_mk_and2(tm, q, node_val(L, f, 0));
}

/* ---- replay and printing ---- */

static bool rd_bool(void *arg, TermId t) { return solver_value_bool(arg, t); }
static void rd_int(void *arg, TermId t, mpz_t out) {
  solver_value_int(arg, t, out);
}

typedef struct Found {
  Lasso *L;
  int k, loop;
  Value ***st;   /* s_0 .. s_k */
  bool *stutter; /* per step */
  uint8_t *val;  /* val[i * natoms + a] */
} Found;

static bool same_state(const Spec *spec, Value **a, Value **b) {
  for (int v = 0; v < spec->nvars; v++)
    if (!a[v] || !b[v] || val_cmp(a[v], b[v]) != 0)
      return false;
  return true;
}

static bool eval_atom(Found *fd, const TAtom *a, int i) {
  const Spec *spec = fd->L->spec;
  Value **s = fd->st[i], **t = fd->st[i + 1];
  Expr *e = a->expr;
  if (a->kind == TA_ACTION && e->kind == EX_DIA_ACT) {
    EvalState s0 = {spec, s, NULL}, s1 = {spec, t, NULL};
    if (val_cmp(eval_expr_in(&s0, e->args[1], a->env),
                eval_expr_in(&s1, e->args[1], a->env)) == 0)
      return false;
    e = e->args[0];
  }
  EvalState st = {spec, s, a->kind == TA_ACTION ? t : NULL};
  Value *v = eval_expr_in(&st, e, a->env);
  if (v->kind != V_BOOL)
    fail_at(e->loc, EXIT_EVAL, "a temporal formula's atom is not a Boolean");
  return v->u.b;
}

static bool found_atom(void *arg, int atom, int pos) {
  Found *fd = arg;
  return fd->val[(size_t)pos * fd->L->t->atoms.len + (size_t)atom];
}

/* Everything the solver claimed, checked again by the evaluator; NULL or
 * what failed. */
static const char *replay(Found *fd, int f, Trace *path) {
  Lasso *L = fd->L;
  const Spec *spec = L->spec;
  for (int i = 0; i <= fd->k; i++)
    for (int v = 0; v < spec->nvars; v++)
      if (!fd->st[i][v])
        return "a state could not be decoded";
  for (int i = 0; i < fd->k; i++)
    if (fd->stutter[i] && !same_state(spec, fd->st[i], fd->st[i + 1]))
      return "a stuttering step changes the state";
  if (!same_state(spec, fd->st[fd->k], fd->st[fd->loop]))
    return "the last state is not the loop's first";
  char *why = NULL;
  if (!trace_replay(spec, path, &why))
    return why ? why : "the steps are not Next";
  size_t na = L->t->atoms.len;
  fd->val = xcalloc((size_t)fd->k * na + 1, 1);
  FailPoint fp;
  void *old = diag_mute();
  bool ok = false;
  if (fail_push(&fp) == 0) {
    for (int i = 0; i < fd->k; i++)
      for (size_t a = 0; a < na; a++)
        fd->val[i * na + a] = eval_atom(fd, &L->t->atoms.data[a], i);
    fail_pop(&fp);
    ok = true;
  }
  diag_unmute(old);
  if (!ok)
    return "evaluating the formula's atoms on it failed";
  if (!temporal_on_lasso(L->t, f, fd->k, fd->loop, found_atom, fd))
    return "the property holds on it";
  for (size_t c = 0; c < L->t->fair.len; c++) {
    const TFair *fr = &L->t->fair.data[c];
    bool step = false, on = false, off = false;
    for (int j = fd->loop; j < fd->k; j++) {
      step |= found_atom(fd, fr->step, j);
      bool e = found_atom(fd, fr->enabled, j);
      on |= e, off |= !e;
    }
    if (fr->strong ? !(step || !on) : !(step || off))
      return "a fairness condition does not hold on its loop";
  }
  return NULL;
}

static void print_vars(const Spec *spec, Value **s) {
  for (int v = 0; v < spec->nvars; v++) {
    char *t = val_to_string(s[v]);
    trace_print_binding(stdout, sym_str(spec->prog->vars.data[v]->name), t,
                        spec->nvars);
    free(t);
  }
  fputc('\n', stdout);
}

/* The encoder's choices as the model has them, for the evaluator. */
static void set_witnesses(Lasso *L, ModelReader *rd) {
  enc_decode_witnesses(L->choice_ids.data, L->choice_vals.data,
                       L->choice_ids.len, rd);
}

/* ---- refining fairness's ENABLED (see fair_enabled) ---- */

/* State i of the model's lasso (i < k), or NULL if it cannot be decoded. */
static Value **model_state(Lasso *L, int i, ModelReader *rd) {
  const Spec *spec = L->spec;
  while (i > 0 && i - 1 >= L->merged &&
         solver_value_bool(L->s, L->stut.data[i - 1]))
    i--; /* frame i is Next's successor of a stuttering step */
  Value **st = xcalloc((size_t)spec->nvars + 1, sizeof *st);
  for (int v = 0; v < spec->nvars; v++)
    if (!(st[v] = enc_decode(L->frames.data[i][v], rd))) {
      free(st);
      return NULL;
    }
  return st;
}

/* The evaluator's ENABLED: 1, 0, or -1 when it fails. */
static int eval_enabled(Lasso *L, const TAtom *at, Value **st) {
  FailPoint fp;
  void *old = diag_mute();
  int r = -1;
  if (fail_push(&fp) == 0) {
    EvalState es = {L->spec, st, NULL};
    Value *v = eval_expr_in(&es, at->expr, at->env);
    r = v->kind == V_BOOL ? v->u.b : -1;
    fail_pop(&fp);
  }
  diag_unmute(old);
  return r;
}

/* The witness that A is enabled at z's position in state st: the choices
 * the solver finds there, asserted as g[choices] => e.  False (and *why)
 * when there is none or the solver gives up. */
static bool add_witness(Lasso *L, const LazyEn *z, Value **st,
                        const char **why) {
  TermMgr *tm = L->tm;
  TermId as[2] = {sv_state_is(L->frames.data[z->pos], st, L->spec->nvars),
                  z->g};
  if (as[0] == TERM_NONE) {
    *why = "a state has no encoding";
    return false;
  }
  SolverResult r = solver_check(L->s, as, 2);
  if (r != SOLVER_SAT) {
    *why = r == SOLVER_UNSAT ? "the solver finds no step where the "
                               "evaluator does"
                             : "the solver gave up";
    return false;
  }
  TermId w = solver_model_subst(L->s, z->g, z->vars, z->nvars);
  lasso_assert(L, term_mk_implies(tm, w, z->e));
  L->refinements++;
  return true;
}

/* After a satisfiable query for bound k: 0 when A is disabled indeed at
 * every loop position where the model has a lazy ENABLED false (the model
 * is then the lasso's); 1 when witnesses were added for positions where
 * it is not (ask again: the model is gone); -1 when that cannot be told
 * (*why). */
static int refine_enabled(Lasso *L, int k, const char **why) {
  ModelReader rd = {rd_bool, rd_int, L->s};
  VEC(const LazyEn *) wrong = {0};
  Value ***at = xcalloc((size_t)k + 1, sizeof *at); /* states decoded */
  bool witnesses = false;
  int r = 0;
  for (size_t i = 0; i < L->lazy.len && r == 0; i++) {
    const LazyEn *z = &L->lazy.data[i];
    if (z->pos >= k || !solver_value_bool(L->s, L->inloop.data[z->pos]) ||
        solver_value_bool(L->s, z->e))
      continue;
    if (!witnesses)
      set_witnesses(L, &rd);
    witnesses = true;
    if (!at[z->pos])
      at[z->pos] = model_state(L, z->pos, &rd);
    int en = at[z->pos] ? eval_enabled(L, &L->t->atoms.data[z->atom],
                                       at[z->pos])
                        : -1;
    if (en < 0) {
      *why = at[z->pos] ? "the evaluator cannot evaluate ENABLED there"
                        : "a state could not be decoded";
      r = -1;
    } else if (en) {
      VEC_PUSH(wrong, z);
    }
  }
  /* The model is read: the witnesses' queries may replace it. */
  for (size_t i = 0; i < wrong.len && r == 0; i++)
    if (!add_witness(L, wrong.data[i], at[wrong.data[i]->pos], why))
      r = -1;
  if (r == 0 && wrong.len)
    r = 1;
  for (int i = 0; i < k; i++)
    free(at[i]);
  VEC_FREE(wrong);
  free(at);
  return r;
}

/* Decodes, replays and prints the lasso of the model; the exit code. */
static int report(Lasso *L, const Property *p, int f, int k,
                  const TermId *sel) {
  const Spec *spec = L->spec;
  ModelReader rd = {rd_bool, rd_int, L->s};
  Found fd = {L, k, -1, NULL, NULL, NULL};
  fd.st = xcalloc((size_t)k + 1, sizeof *fd.st);
  fd.stutter = xcalloc((size_t)k + 1, sizeof *fd.stutter);
  for (int i = 0; i <= k; i++) {
    fd.st[i] = xcalloc((size_t)spec->nvars + 1, sizeof **fd.st);
    /* After a step that stutters without merging, frame i is Next's
     * successor, not the lasso's state. */
    bool same = i > 0 && i - 1 >= L->merged &&
                solver_value_bool(L->s, L->stut.data[i - 1]);
    for (int v = 0; v < spec->nvars; v++)
      fd.st[i][v] =
          same ? fd.st[i - 1][v] : enc_decode(L->frames.data[i][v], &rd);
  }
  for (int i = 0; i < k; i++) {
    /* A Next step that changes nothing is a stuttering step too (TLC
     * prints a lasso ending in one as `Stuttering`), whichever the solver
     * chose. */
    fd.stutter[i] = solver_value_bool(L->s, L->stut.data[i]) ||
                    same_state(spec, fd.st[i], fd.st[i + 1]);
    if (solver_value_bool(L->s, sel[i]))
      fd.loop = i;
  }
  set_witnesses(L, &rd);
  if (L->opt->corrupt_model && spec->nvars > 0 && fd.st[0][0])
    fd.st[0][0] = val_str(sym_intern("corrupted"));
  /* The non-stuttering steps, for trace_replay; pos[i]: state i's index in
   * that path. */
  Trace path = {xcalloc((size_t)k + 2, sizeof(Value **)), 0,
                xcalloc((size_t)k + 2, sizeof(int))};
  int *pos = xcalloc((size_t)k + 1, sizeof *pos);
  path.states[path.n++] = fd.st[0];
  for (int i = 0; i < k; i++) {
    if (!fd.stutter[i])
      path.states[path.n++] = fd.st[i + 1];
    pos[i + 1] = path.n - 1;
  }
  const char *why = fd.loop < 0 ? "no loop selected" : replay(&fd, f, &path);
  int code;
  if (why && L->opt->debug_lasso) {
    for (int i = 0; i <= k; i++) {
      fprintf(stderr, "s%d%s:\n", i,
              i < k && fd.stutter[i] ? " (stutters)" : "");
      for (int v = 0; v < spec->nvars; v++) {
        char *t = fd.st[i][v] ? val_to_string(fd.st[i][v]) : xstrdup("?");
        fprintf(stderr, "  %s\n", t);
        free(t);
      }
    }
    fprintf(stderr, "loop %d\n", fd.loop);
  }
  if (why) {
    fprintf(stderr,
            "brink: internal error: the solver's lasso for %s does "
            "not replay (%s); it is not shown\n",
            sym_str(prop_name(p)), why);
    code = EXIT_OTHER;
  } else {
    /* TLC names every PROPERTY the lasso violates. */
    size_t found = 0;
    for (size_t i = 0; i < L->ntprops; i++)
      if (L->tprops[i] == p)
        found = i;
    const Property **ps = xmalloc((L->ntprops + 1) * sizeof *ps);
    int *negs = xmalloc((L->ntprops + 1) * sizeof *negs);
    size_t n = 0, at = 0;
    for (size_t i = 0; i < L->ntprops; i++)
      if (L->tnegs[i] >= 0 || i == found) {
        if (i == found)
          at = n;
        ps[n] = L->tprops[i];
        negs[n++] = i == found ? f : L->tnegs[i];
      }
    temporal_print_violated(stdout, L->t, ps, negs, n, at, k, fd.loop,
                            found_atom, &fd);
    free(ps);
    free(negs);
    fprintf(stdout, "Error: The following behavior constitutes a "
                    "counter-example:\n\n");
    /* TLC's two shapes: Next steps and a step back to an earlier state,
     * or Next steps and the last state stuttering forever. */
    bool stutter_end = fd.stutter[k - 1] && fd.loop == k - 1;
    bool plain = !fd.stutter[k - 1] || stutter_end;
    for (int i = 0; i + 1 < k; i++)
      plain &= !fd.stutter[i];
    if (plain) {
      Trace shown = path;
      shown.n = k;
      trace_print(stdout, spec, &shown);
      if (stutter_end) {
        fprintf(stdout, "State %d: Stuttering\n", k + 1);
      } else {
        fprintf(stdout, "Back to state %d: ", fd.loop + 1);
        trace_print_action(stdout, spec, path.actions[k], NULL);
        fprintf(stdout, "\n\n");
      }
    } else {
      /* Stuttering steps inside the lasso (a formula that tells them
       * apart): each state with how it is reached. */
      for (int i = 0; i < k; i++) {
        if (i == 0)
          fprintf(stdout, "State 1: <Initial predicate>\n");
        else if (fd.stutter[i - 1])
          fprintf(stdout, "State %d: Stuttering\n", i + 1);
        else {
          fprintf(stdout, "State %d: ", i + 1);
          trace_print_action(stdout, spec, path.actions[pos[i]], NULL);
          fputc('\n', stdout);
        }
        print_vars(spec, fd.st[i]);
      }
      fprintf(stdout, "Back to state %d: ", fd.loop + 1);
      if (fd.stutter[k - 1])
        fprintf(stdout, "Stuttering");
      else
        trace_print_action(stdout, spec, path.actions[pos[k]], NULL);
      fprintf(stdout, "\n\n");
    }
    fprintf(stdout,
            "brink: temporal property %s is violated by a lasso of %d "
            "step%s (a shortest one; the loop starts at state %d). Time: "
            "%.2f s.\n",
            sym_str(prop_name(p)), k, k == 1 ? "" : "s", fd.loop + 1,
            util_now() - L->t0);
    code = EXIT_LIVENESS;
  }
  free(pos);
  free(path.states);
  free(path.actions);
  free(fd.val);
  return code;
}

/* ---- the search ---- */

static char why_buf[1024];

/* A located reason for the refusal, from the message the failure printed
 * (or a generic one). */
static void refuse(Checks *by, const char *msg) {
  snprintf(why_buf, sizeof why_buf,
           "the symbolic engine cannot check it: %s (--engine explicit "
           "may)",
           msg && *msg ? msg : "see the error above");
  by->liveness = false;
  by->liveness_why = why_buf;
}

/* The negations of every temporal property, before the search, so that
 * the replay evaluates all their atoms and a lasso names each property it
 * violates; one the normal form cannot take is left out (-1) here, and
 * refused when the search comes to it. */
static void all_properties(Lasso *L) {
  const Spec *spec = L->spec;
  L->tprops = xmalloc((spec->properties.len + 1) * sizeof *L->tprops);
  L->tnegs = xmalloc((spec->properties.len + 1) * sizeof *L->tnegs);
  for (size_t pi = 0; pi < spec->properties.len; pi++) {
    const Property *p = &spec->properties.data[pi];
    if (p->kind != PROP_TEMPORAL)
      continue;
    size_t i = L->ntprops++;
    L->tprops[i] = p;
    L->tnegs[i] = -1;
    FailPoint fp;
    if (fail_push(&fp))
      continue;
    L->tnegs[i] = temporal_formula(L->t, p->expr, true);
    fail_pop(&fp);
  }
}

/* The property as a stop's report names it: its name, and where it is
 * when another temporal property has the same name (the conjuncts of
 * one PROPERTY). */
static const char *lasso_label(const Spec *spec, const Property *p) {
  size_t same = 0;
  for (size_t i = 0; i < spec->properties.len; i++)
    same += spec->properties.data[i].kind == PROP_TEMPORAL &&
            prop_name(&spec->properties.data[i]) == prop_name(p);
  const char *name = sym_str(prop_name(p));
  if (same < 2 || !p->expr->loc.file)
    return name;
  const char *path = src_path(p->expr->loc.file);
  const char *base = strrchr(path, '/');
  return xsprintf("%s at %s:%u:%u", name, base ? base + 1 : path,
                  p->expr->loc.line, p->expr->loc.col);
}

/* One temporal property's search. */
typedef struct PropSearch {
  const Property *p;
  int f;            /* the root of its negation */
  IntVec tnodes;    /* its [] and <> nodes */
  StutterRule rule; /* which steps may stutter */
  const char *label;
} PropSearch;

static void prop_search_init(Lasso *L, PropSearch *ps, const Property *p,
                             int f) {
  ps->p = p;
  ps->f = f;
  uint8_t *seen = xcalloc(L->t->nodes.len + 1, 1);
  temporal_nodes(L, f, seen, &ps->tnodes);
  free(seen);
  ps->rule = stutter_rule(L, f);
  ps->label = lasso_label(L->spec, p);
  report_lassos_checked(ps->label, 0);
}

/* Bound k of one property's search: true when the search ends there, with
 * *code (a lasso shown, a refusal, a stop, the solver giving up); false
 * when no lasso of k steps violates the property. */
static bool one_bound(Lasso *L, PropSearch *ps, int k, Checks *by,
                      int *code) {
  BstMark mark;
  if (L->opt->stats)
    bst_mark(&mark, L->s, L->tm);
  while ((int)L->frames.len <= k)
    extend(L);
  TermMgr *tm = L->tm;
  size_t e0 = L->aerrs.len;
  TermId q = lasso_query(L, ps->f, k, ps->tnodes.data, ps->tnodes.len);
  const TermId *sel = L->sel.data;
  /* Which steps may stutter (see "stuttering steps"): assumed with the
   * query, and with the question of the atoms' errors, whose frames are
   * then states of the lasso. */
  TermVec as = {0};
  VEC_PUSH(as, TERM_NONE);
  if (ps->rule != STUT_FREE) {
    for (int i = ps->rule == STUT_FIRST ? 1 : 0; i < k - 1; i++)
      VEC_PUSH(as, term_mk_not(tm, L->stut.data[i]));
    VEC_PUSH(as, term_mk_implies(tm, L->stut.data[k - 1], sel[k - 1]));
  }
  *code = EXIT_OK;
  if (L->aerrs.len > 0 && e0 < L->aerrs.len) {
    /* An atom that may fail to evaluate on a reachable state. */
    TermId a = term_mk_fresh(tm, "ask", SORT_BOOL);
    TermId errs = enc_any_error(tm, &L->aerrs, e0, L->aerrs.len);
    solver_assert(L->s, term_mk_implies(tm, a, errs));
    as.data[0] = a;
    SolverResult r = solver_check(L->s, as.data, as.len);
    if (r == SOLVER_UNKNOWN && stop_requested()) {
      VEC_FREE(as);
      *code = report_stopped_symbolic();
      return true;
    }
    if (r != SOLVER_UNSAT) {
      char where[512];
      snprintf(why_buf, sizeof why_buf, "%s: %s",
               loc_str(L->aerrs.data[e0].loc, where, sizeof where),
               L->aerrs.data[e0].msg);
      refuse(by, r == SOLVER_SAT ? xsprintf("evaluating the formula may "
                                            "fail in a reachable state "
                                            "(%s)",
                                            why_buf)
                                 : "the solver gave up");
      VEC_FREE(as);
      return true;
    }
  }
  TermId a = term_mk_fresh(tm, "lasso", SORT_BOOL);
  solver_assert(L->s, term_mk_implies(tm, a, q));
  if (stop_requested()) {
    VEC_FREE(as);
    *code = report_stopped_symbolic();
    return true;
  }
  as.data[0] = a;
  SolverResult r;
  for (int round = 0;; round++) {
    r = solver_check(L->s, as.data, as.len);
    if (r != SOLVER_SAT || !L->lazy.len)
      break;
    /* A fairness condition's ENABLED left to refinement may be false in
     * the model where A is enabled (see fair_enabled). */
    const char *why = NULL;
    int refined = refine_enabled(L, k, &why);
    if (refined == 0)
      break;
    if (refined < 0 && stop_requested()) {
      VEC_FREE(as);
      *code = report_stopped_symbolic();
      return true;
    }
    if (refined < 0 || round == MAX_ENABLED_ROUNDS) {
      refuse(by, refined < 0
                     ? xsprintf("a fairness condition's ENABLED could not be "
                                "decided on a lasso found (%s)",
                                why)
                     : xsprintf("a fairness condition's ENABLED was not "
                                "settled by %d refinements",
                                MAX_ENABLED_ROUNDS));
      VEC_FREE(as);
      return true;
    }
  }
  VEC_FREE(as);
  const char *said = r == SOLVER_SAT     ? "sat"
                     : r == SOLVER_UNSAT ? "unsat"
                                         : "unknown";
  if (L->opt->debug_ask)
    fprintf(stderr, "brink: lasso %s k=%d: %s (ENABLED witnesses so far: "
                    "%ld)\n",
            sym_str(prop_name(ps->p)), k, r == SOLVER_UNKNOWN ? "?" : said,
            L->refinements);
  if (L->opt->stats)
    bst_lasso(&mark, L->s, L->tm, ps->label, k, said);
  if (r == SOLVER_UNKNOWN && stop_requested()) {
    *code = report_stopped_symbolic(); /* the lassos' search so far */
    return true;
  }
  if (r == SOLVER_UNKNOWN) {
    const char *why = L->s->ops->reason_unknown(L->s);
    fprintf(stderr, "brink: the solver gave up on a lasso: %s\n",
            why ? why : "unknown");
    *code = EXIT_OTHER;
    return true;
  }
  if (r == SOLVER_SAT) {
    /* The lasso found is shown whatever stop comes now (driver.c's ask);
     * the run ends after it. */
    stop_arm(false);
    *code = report(L, ps->p, ps->f, k, sel);
    return true;
  }
  report_lassos_checked(ps->label, k);
  return false;
}

/* The properties whose steps stutter only as the loop (or also first) are
 * searched together on one solver, bound by bound, in their order: once
 * every one is refuted at bound k, step k-1 never stutters again at a
 * deeper bound whatever the property, and that is asserted as a fact
 * (see "stuttering steps"), which a solver per property would have to
 * learn anew -- and the learnt clauses about the frames serve them all.
 * The first lasso found is then a shortest one over those properties.
 * Each other property follows on a fresh solver: one whose steps may
 * stutter anywhere, and one the normal form cannot take (refused when its
 * search begins, after the others found no lasso). */
static int search(Lasso *L, int K, Checks *by) {
  PropSearch *ps = xcalloc(L->ntprops + 1, sizeof *ps);
  bool *shared = xcalloc(L->ntprops + 1, sizeof *shared);
  size_t nshared = 0;
  int first_fact = 0; /* the first step whose not stuttering is a fact */
  for (size_t i = 0; i < L->ntprops; i++) {
    if (L->tnegs[i] < 0 || stutter_rule(L, L->tnegs[i]) == STUT_FREE)
      continue;
    shared[i] = true;
    prop_search_init(L, &ps[nshared], L->tprops[i], L->tnegs[i]);
    if (ps[nshared++].rule == STUT_FIRST)
      first_fact = 1;
  }
  int code = EXIT_OK;
  bool ended = false;
  for (int k = 1; k <= K && nshared && !ended; k++) {
    for (size_t j = 0; j < nshared && !ended; j++)
      ended = one_bound(L, &ps[j], k, by, &code);
    if (!ended && k - 1 >= first_fact)
      solver_assert(L->s, term_mk_not(L->tm, L->stut.data[k - 1]));
  }
  size_t used = nshared;
  for (size_t i = 0; i < L->ntprops && !ended; i++) {
    if (shared[i])
      continue;
    if (used)
      fresh_solver(L);
    int f = temporal_formula(L->t, L->tprops[i]->expr, true); /* or refuse */
    prop_search_init(L, &ps[used], L->tprops[i], f);
    for (int k = 1; k <= K && !ended; k++)
      ended = one_bound(L, &ps[used], k, by, &code);
    used++;
  }
  for (size_t j = 0; j < used; j++)
    VEC_FREE(ps[j].tnodes);
  free(ps);
  free(shared);
  if (ended)
    return code;
  const Spec *spec = L->spec;
  by->liveness = true;
  size_t n = spec_count_properties(spec, PROP_TEMPORAL);
  const char *caveat = solver_caveat(L->s);
  if (caveat)
    fprintf(stderr, "brink: warning: %s\n", caveat);
  char seqs[96] = "";
  int sb = enc_seq_bound(L->enc);
  if (L->reused && L->opt->frames->seq_bound > sb)
    sb = L->opt->frames->seq_bound;
  if (sb)
    snprintf(seqs, sizeof seqs,
             "; sequences chosen from Seq(S) have at most %d elements", sb);
  fprintf(stdout,
          "brink: no lasso of up to %d steps violates the temporal "
          "propert%s%s (backend %s%s). Time: %.2f s.\n",
          K, n == 1 ? "y" : "ies", spec->fairness.len ? " under fairness" : "",
          solver_describe(L->s), seqs, util_now() - L->t0);
  return EXIT_OK;
}

int lasso_check(const Spec *spec, TermMgr *tm, Solver *solver, int K,
                const LassoOptions *opt, Checks *by) {
  Lasso L = {0};
  L.opt = opt;
  L.spec = spec;
  L.tm = tm;
  L.s = solver;
  L.t0 = util_now();
  by->liveness = false;
  if (spec->action_constraints.len) {
    refuse(by, "with an ACTION_CONSTRAINT the lassos would have to follow "
               "TLC's cut state graph");
    solver_delete(solver);
    return EXIT_OK;
  }
  L.dc = dead_cells_new(spec->nvars);
  int code = EXIT_OK;
  /* Messages of a refusal go to a buffer, to be shown with the property. */
  char *text = NULL;
  size_t len = 0;
  FILE *sink = open_memstream(&text, &len);
  void *out = diag_set_stream(sink);
  FailPoint fp;
  if (fail_push(&fp)) {
    diag_set_stream(out);
    if (sink)
      fclose(sink);
    if (stop_requested()) { /* taken up inside an encoding (stop_poll) */
      status_idle();
      free(text);
      return report_stopped_symbolic();
    }
    if (text) {
      char *nl = strchr(text, '\n');
      if (nl)
        *nl = 0;
    }
    refuse(by, text);
    free(text);
    if (!L.borrowed)
      solver_delete(L.s);
    VEC_FREE(L.asserted);
    dead_cells_delete(L.dc);
    return EXIT_OK;
  }
  /* A stop is taken up inside the encodings from here on (stop_poll),
   * whatever the unrolling's last answer left it (a satisfiable deadlock
   * question disarms it). */
  stop_arm(true);
  L.enc = enc_new(spec, tm);
  if (opt->max_seq_len >= 0)
    enc_set_max_seq_len(L.enc, opt->max_seq_len);
  L.t = temporal_new(spec);
  for (size_t i = 0; i < spec->fairness.len; i++)
    temporal_fairness(L.t, spec->fairness.data[i].expr);
  all_properties(&L);
  /* The frames are shared by the properties: merged for the one whose
   * steps may stutter most freely. */
  for (size_t i = 0; i < L.ntprops; i++) {
    StutterRule r =
        L.tnegs[i] < 0 ? STUT_LAST : stutter_rule(&L, L.tnegs[i]);
    int m = r == STUT_FREE ? K + 1 : r == STUT_FIRST ? 1 : 0;
    if (m > L.merged)
      L.merged = m;
  }
  if (opt->frames && L.merged == 0 && opt->frames->nframes == (size_t)K + 1) {
    adopt_frames(&L);
    if (opt->stats)
      fprintf(stderr, "brink: stats lasso: the unrolling's frames, %s\n",
              L.borrowed ? "on its solver"
                         : "its facts on a solver of their own");
  } else {
    if (opt->stats)
      fprintf(stderr, "brink: stats lasso: frames of its own\n");
    WdErrVec errs = {0};
    SymVal **s0;
    TermId g0 = enc_init(L.enc, &s0, &errs);
    keep_choices(&L);
    lasso_assert(&L, term_mk_not(tm, cv_rewrite_state(opt->cv, s0)));
    check_level(&L, spec->init);
    lasso_assert(&L, g0);
    lasso_assert(&L, no_errs(&L, &errs));
    VEC_FREE(errs);
    VEC_PUSH(L.frames, s0);
    in_model(&L, 0, lit_bool(&L, true));
  }
  code = search(&L, K, by);
  fail_pop(&fp);
  enc_delete(L.enc);
  diag_set_stream(out);
  if (sink)
    fclose(sink);
  free(text);
  if (!L.borrowed)
    solver_delete(L.s);
  VEC_FREE(L.asserted);
  dead_cells_delete(L.dc);
  for (size_t i = 0; i < L.lazy.len; i++)
    free(L.lazy.data[i].vars);
  VEC_FREE(L.lazy);
  for (size_t i = 0; i < L.moved.len; i++)
    if (L.moved.data[i])
      free(L.moved.data[i]->args); /* the nodes are the AST arena's */
  VEC_FREE(L.moved);
  return code;
}
