/* liveness.c -- temporal properties on the complete state graph.
 *
 * TLC (tlc2/tool/liveness) checks Fairness => Property by searching the
 * behaviour graph for a behaviour that satisfies Fairness /\ ~Property: it
 * puts the negation, conjoined with the fairness, into disjunctive normal
 * form, builds a tableau for the parts that are not of the forms []<>A and
 * <>[]A, takes the product with the state graph (LiveCheck, TBGraph) and,
 * per disjunct (OrderOfSolution, LiveWorker), looks for a strongly
 * connected component that meets the []<> conditions and lies inside the
 * <>[] ones.  Fairness in that scheme multiplies the disjuncts (each WF is
 * a disjunction), so brink keeps fairness out of the formula and uses it
 * as acceptance conditions on components instead, which is equivalent:
 *   - ~Property is split at its top level into disjuncts (as TLC's
 *     OrderOfSolution does); in each, the conjuncts <>[]x and []<>x (x
 *     free of temporal operators) become conditions on a component (its
 *     steps must satisfy each such x; some step must satisfy each []<> x),
 *     and the rest becomes an automaton (tableau.c).  A product state
 *     (s, q) pairs a graph state with an automaton state; its edges follow
 *     the graph's edges -- plus a stuttering loop at every state, as a
 *     behaviour may stutter forever -- on which q's literals hold;
 *   - a fair accepting component (livescc.c: Tarjan's algorithm, run
 *     iteratively) contains a state of each acceptance set; for each
 *     WF_v(A) a state where <<A>>_v is disabled or a <<A>>_v step; for
 *     each SF_v(A) a <<A>>_v step, or else the states where it is enabled
 *     are removed and the rest is split into components again (the
 *     Streett emptiness check: a run that avoids those states satisfies
 *     SF vacuously).
 * A component that fails an acceptance set or a WF cannot be helped by
 * removing states, so only SF recurses, at most once per SF condition.
 * The counterexample is a lasso: the shortest path (breadth-first in the
 * product) to the component, then a cycle inside it through a witness of
 * every condition, with stuttering steps between equal states collapsed.
 * It is replayed before it is shown: Init and Next on every step
 * (trace.h), the atoms evaluated again on it, ~Property true on it, every
 * fairness condition true on its loop; a lasso that fails is an internal
 * error, never a verdict.
 *
 * The graph is recorded during the search (liveint.h): successor ids in
 * one array with offsets per state.  Atoms are evaluated when the check
 * first asks for them and remembered (one bit per action atom per edge,
 * and per state for its stuttering step; one per state atom per state):
 * an action atom on the two states reloaded from their stored value ids,
 * where <<Next>>_v needs only v to change (the edge is a generated step),
 * and <<A>>_v is false on a stuttering step without evaluation.  The
 * check asks for few of them: the steps inside the components it
 * inspects, until a witness is found, so most edges are never evaluated
 * (evaluating every atom on every edge during the search cost more than
 * the search itself).  With a VIEW or SYMMETRY a stored successor only
 * stands for the generated one, so there the action atoms are evaluated
 * on the generated step during the search.  Without them, <<A>>_v for a
 * disjunct A of Next, and its ENABLED, are mostly read off the search's
 * enumeration of the successors instead (livelabel.c).  ENABLED <<A>>_v
 * is true without evaluation where an already evaluated step out of the
 * state is a <<A>>_v step, and ENABLED <<Next>>_v (v every variable)
 * where the state has a stored successor.  ENABLED that the evaluator cannot
 * enumerate (an instance whose variable is substituted by an expression:
 * x' has no value to try) is a located refusal. */
#include "liveness.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "liveint.h"
#include "trace.h"

bool live_stats; /* --stats (live_set_stats) */
static size_t n_action, n_state; /* atoms evaluated, for --stats */


/* Is e (an action) the spec's next-state relation itself? */
static bool is_next(const Spec *spec, Expr *e) {
  Expr *n = spec->next;
  if (!n || e->kind != EX_OP || e->nargs || n->kind != EX_OP || n->nargs ||
      e->ref.kind != REF_DEF || n->ref.kind != REF_DEF)
    return false;
  Def *d = spec_applied_def(spec, e);
  return d && d == spec_applied_def(spec, n);
}

/* Is v (a subscript) the tuple of all the variables, through parameterless
 * definitions, so that v changes on every step between distinct states? */
static bool all_vars(const Spec *spec, Expr *v) {
  for (int depth = 0; depth < 32 && v->kind == EX_OP && v->nargs == 0 &&
                      v->ref.kind == REF_DEF;
       depth++) {
    Def *d = spec_applied_def(spec, v);
    if (!d || d->kind != DEF_OP || d->nparams)
      return false;
    v = d->body;
  }
  Expr *one[1] = {v};
  Expr **xs = v->kind == EX_TUPLE ? v->args : one;
  int n = v->kind == EX_TUPLE ? v->nargs : 1;
  if (n != spec->nvars)
    return false;
  uint8_t *seen = xcalloc((size_t)n + 1, 1);
  bool ok = true;
  for (int i = 0; i < n && ok; i++) {
    Expr *x = xs[i];
    ok = x->kind == EX_OP && x->ref.kind == REF_VAR && x->nargs == 0 &&
         x->ref.u.decl->index < n && !seen[x->ref.u.decl->index];
    if (ok)
      seen[x->ref.u.decl->index] = 1;
  }
  free(seen);
  return ok;
}

Live *live_new(const Spec *spec, bool *refused) {
  *refused = false;
  if (!spec_count_properties(spec, PROP_TEMPORAL))
    return NULL;
  Live *l = xcalloc(1, sizeof *l);
  l->spec = spec;
  l->t = temporal_new(spec);
  l->keyed = spec->view || spec->symmetry;
  l->nvars = spec->nvars;
  for (int i = 0; i < 2; i++) {
    l->buf[i] = xmalloc(((size_t)l->nvars + 1) * sizeof *l->buf[i]);
    l->held[i] = NONE;
  }
  FailPoint fp;
  if (fail_push(&fp)) {
    *refused = true;
    return NULL;
  }
  for (size_t i = 0; i < spec->fairness.len; i++)
    temporal_fairness(l->t, spec->fairness.data[i].expr);
  for (size_t i = 0; i < spec->properties.len; i++) {
    const Property *p = &spec->properties.data[i];
    if (p->kind != PROP_TEMPORAL)
      continue;
    LiveProp lp = {p, temporal_formula(l->t, p->expr, true)};
    VEC_PUSH(l->props, lp);
  }
  fail_pop(&fp);
  l->next_step = xcalloc(l->t->atoms.len + 1, 1);
  l->all_vars = xcalloc(l->t->atoms.len + 1, 1);
  for (size_t i = 0; i < l->t->atoms.len; i++) {
    const TAtom *a = &l->t->atoms.data[i];
    l->next_step[i] = a->kind == TA_ACTION && a->expr->kind == EX_DIA_ACT &&
                      is_next(spec, a->expr->args[0]);
    l->all_vars[i] = a->kind == TA_ACTION && a->expr->kind == EX_DIA_ACT &&
                     !l->keyed && all_vars(spec, a->expr->args[1]);
  }
  l->fair_order = xmalloc((l->t->fair.len + 1) * sizeof *l->fair_order);
  for (size_t i = 0; i < l->t->fair.len; i++)
    l->fair_order[i] = (int)i;
  l->ws = (l->t->nstate + 63) / 64;
  l->wa = (l->t->naction + 63) / 64;
  label_new(l);
  memo_setup(l);
  VEC_PUSH(l->off, 0);
  if (spec->symmetry)
    fprintf(stdout, "Warning: Declaring symmetry during liveness checking is "
                    "dangerous. It might cause TLC to miss violations of the "
                    "stated liveness properties. Please check liveness "
                    "without symmetry defined.\n");
  else if (spec->view)
    fprintf(stdout, "Warning: liveness is checked on the states the VIEW "
                    "tells apart; it might miss violations of the stated "
                    "liveness properties.\n");
  return l;
}

void live_free(Live *l) {
  if (!l)
    return;
  VEC_FREE(l->succ);
  VEC_FREE(l->off);
  VEC_FREE(l->sbits);
  VEC_FREE(l->sknown);
  free(l->next_step);
  free(l->all_vars);
  free(l->fair_order);
  free(l->buf[0]);
  free(l->buf[1]);
  VEC_FREE(l->abits);
  VEC_FREE(l->stut);
  VEC_FREE(l->aknown);
  free(l->stknown);
  label_free(l->lab);
  memo_free(l);
  VEC_FREE(l->seen_from);
  VEC_FREE(l->props);
  free(l);
}

/* ---- atoms ---- */

static bool state_atom(Live *l, const TAtom *a, Value *const *s) {
  n_state++;
  EvalState st = {l->spec, s, NULL};
  Value *v = eval_expr_in(&st, a->expr, a->env);
  if (v->kind != V_BOOL)
    fail_at(a->expr->loc, EXIT_EVAL, "a state predicate of a temporal "
                                     "formula should be a Boolean");
  return v->u.b;
}

/* Action atom a on the step s -> t; generated: the step is one the search
 * generated from Next, so <<Next>>_v needs only v to change. */
static bool action_atom(Live *l, const TAtom *a, Value *const *s,
                        Value *const *t, bool generated) {
  size_t k = (size_t)(a - l->t->atoms.data);
  if (a->expr->kind == EX_DIA_ACT && s == t)
    return false; /* a stuttering step leaves v unchanged */
  n_action++;
  if (a->expr->kind == EX_DIA_ACT && !(generated && l->all_vars[k])) {
    /* <<A>>_v: a step that leaves v unchanged is not one (a generated step
     * between distinct states changes a v that holds every variable). */
    EvalState s0 = {l->spec, s, NULL}, s1 = {l->spec, t, NULL};
    if (eval_expr_in(&s0, a->expr->args[1], a->env) ==
        eval_expr_in(&s1, a->expr->args[1], a->env))
      return false;
  }
  /* v changes: <<A>>_v is A (TLC evaluates A first; the outcome is the
   * same unless A fails to evaluate on a step that leaves v unchanged). */
  Expr *e = a->expr->kind == EX_DIA_ACT ? a->expr->args[0] : a->expr;
  if (generated && l->next_step[k])
    return true;
  EvalState st = {l->spec, s, t};
  Value *v = eval_expr_in(&st, e, a->env);
  if (v->kind != V_BOOL)
    fail_at(e->loc, EXIT_EVAL, "an action of a temporal formula should be a "
                               "Boolean");
  return v->u.b;
}

static void action_bits(Live *l, Word *out, Value *const *s, Value *const *t,
                        bool generated) {
  for (size_t i = 0; i < l->t->atoms.len; i++) {
    const TAtom *a = &l->t->atoms.data[i];
    if (a->kind == TA_ACTION && action_atom(l, a, s, t, generated))
      wset(out, a->slot);
  }
}

static double t_edge, t_state, t_enabled;

static double cpu(void) {
  if (!live_stats)
    return 0;
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

const EvalWatch *live_watch(Live *l) {
  return l ? label_watch(l->lab) : NULL;
}

void live_edge(Live *l, uint32_t from, Value *const *s, uint32_t to,
               Value *const *t) {
  if (!l->keyed) {
    bool lab = l->lab && label_active(l->lab);
    if (to == from || to == NONE) {
      /* the stuttering step, which every state has, or a step out of the
       * graph (which ENABLED still counts) */
      if (lab)
        label_step(l->lab, UINT64_MAX,
                   to == NONE &&
                       memcmp(s, t, (size_t)l->nvars * sizeof *s) != 0);
      return;
    }
    while (l->seen_from.len <= to)
      VEC_PUSH(l->seen_from, 0);
    uint64_t first = VEC_LAST(l->off), e;
    if (l->seen_from.data[to] == from + 1) {
      if (!lab)
        return;
      for (e = first; l->succ.data[e] != to; e++)
        ;
    } else {
      l->seen_from.data[to] = from + 1;
      e = l->succ.len;
      VEC_PUSH(l->succ, to);
      for (int w = 0; w < l->wa; w++) {
        VEC_PUSH(l->abits, 0);
        VEC_PUSH(l->aknown, 0);
      }
    }
    if (lab)
      label_step(l->lab, e - first, true);
    return; /* the other atoms are evaluated when the check asks */
  }
  if (to == NONE)
    return;
  /* keyed: `to` stands for t, so the step is evaluated now */
  double t0 = cpu();
  VEC_PUSH(l->succ, to);
  for (int w = 0; w < l->wa; w++)
    VEC_PUSH(l->abits, 0);
  if (l->wa)
    action_bits(l, l->abits.data + (l->succ.len - 1) * (size_t)l->wa, s, t,
                true);
  t_edge += cpu() - t0;
}

void live_expanded(Live *l, uint32_t i, Value *const *s) {
  double t0 = cpu();
  VEC_PUSH(l->off, l->succ.len);
  for (int w = 0; w < l->ws; w++) {
    VEC_PUSH(l->sbits, 0);
    VEC_PUSH(l->sknown, 0);
  }
  if (!l->keyed) {
    if (l->lab)
      label_expanded(l, i, s);
    return;
  }
  size_t sb = l->stut.len;
  for (int w = 0; w < l->wa; w++)
    VEC_PUSH(l->stut, 0);
  if (l->wa)
    action_bits(l, l->stut.data + sb, s, s, false); /* not a Next step */
  t_state += cpu() - t0;
}

void live_set_initial(Live *l, uint32_t n) { l->ninit = n; }

/* State g's values, in buffer i (a cache of the state last loaded). */
static Value *const *load(Live *l, int i, uint32_t g) {
  if (l->held[i] != g) {
    const uint32_t *ids = l->sids + (size_t)g * l->nvars;
    for (int v = 0; v < l->nvars; v++)
      l->buf[i][v] = val_by_id(ids[v]);
    l->held[i] = g;
  }
  return l->buf[i];
}

/* Action atom `atom` on the edge via out of state g (NONE: the stuttering
 * step), evaluated when first asked for (after the search, on the states
 * stored; keyed: computed during it). */
bool live_action_eval(Live *l, uint32_t g, uint32_t via, int atom) {
  const TAtom *a = &l->t->atoms.data[atom];
  bool stutter = via == NONE;
  Word *val = stutter ? l->stut.data + (size_t)g * l->wa
                      : l->abits.data + (size_t)via * l->wa;
  if (l->keyed)
    return wbit(val, a->slot);
  Word *known = stutter ? l->stknown + (size_t)g * l->wa
                        : l->aknown.data + (size_t)via * l->wa;
  if (wbit(known, a->slot))
    return wbit(val, a->slot);
  bool v = false;
  if (!stutter || a->expr->kind != EX_DIA_ACT) {
    /* (a stuttering step leaves v unchanged: no <<A>>_v step) */
    Value *const *s = load(l, 0, g);
    /* the generated step is one of Next; the stuttering step is not */
    v = action_atom(l, a, s, stutter ? s : load(l, 1, l->succ.data[via]),
                    !stutter);
  }
  wset(known, a->slot);
  if (v)
    wset(val, a->slot);
  return v;
}

/* State atom `atom` on state g, evaluated when first asked for (after the
 * search): ENABLED <<A>>_v is true where an evaluated <<A>>_v step leaves
 * g. */
bool live_state_eval(Live *l, uint32_t g, int atom) {
  const TAtom *a = &l->t->atoms.data[atom];
  Word *known = l->sknown.data + (size_t)g * l->ws;
  Word *val = l->sbits.data + (size_t)g * l->ws;
  if (wbit(known, a->slot))
    return wbit(val, a->slot);
  bool v = false;
  if (a->step >= 0 && !l->keyed && l->next_step[a->step] &&
      l->all_vars[a->step]) {
    /* <<Next>>_v with v every variable: every stored edge (none is a
     * self-loop) is such a step */
    v = l->off.data[g + 1] > l->off.data[g];
  } else if (a->step >= 0) {
    /* only steps already evaluated: evaluating <<A>>_v on every edge out
     * of g costs more than one ENABLED */
    int slot = l->t->atoms.data[a->step].slot;
    for (uint64_t e = l->off.data[g]; e < l->off.data[g + 1] && !v; e++)
      v = (l->keyed || wbit(l->aknown.data + e * l->wa, slot)) &&
          wbit(l->abits.data + e * l->wa, slot);
  }
  int m = v ? -1 : memo_get(l, atom, g);
  if (m >= 0) {
    v = m;
  } else if (!v) {
    Value *const *s = load(l, 0, g);
    double t1 = cpu();
    bool enabled = a->expr->kind == EX_OP && a->expr->ref.kind == REF_BUILTIN &&
                   a->expr->ref.u.builtin == B_ENABLED;
    FailPoint fp;
    if (enabled && fail_push(&fp)) {
      /* e.g. an action of an instance whose variables are substituted by
       * expressions: x' inside the expression has no value to enumerate */
      fail_at(a->expr->loc, EXIT_OTHER,
              "liveness: ENABLED of this action cannot be evaluated by "
              "enumerating its successors (see the error above), so the "
              "temporal properties are not checked");
    }
    v = state_atom(l, a, s);
    if (enabled)
      fail_pop(&fp);
    memo_put(l, atom, g, v);
    double dt = cpu() - t1;
    t_state += dt;
    if (a->step >= 0)
      t_enabled += dt;
  }
  wset(known, a->slot);
  if (v)
    wset(val, a->slot);
  return v;
}

/* ---- replay ---- */

typedef struct Replay {
  Live *l;
  Value ***st; /* the lasso's states */
  int n, loop;
  bool stutter;  /* the loop is the last state stuttering */
  uint8_t *val;  /* val[i * natoms + atom] */
  Value **closing; /* keyed: the last state's successor in the loop
                    * state's class (NULL: the loop state itself) */
} Replay;

static Value *const *next_of(const Replay *r, int i) {
  if (i + 1 < r->n)
    return r->st[i + 1];
  if (r->stutter)
    return r->st[i];
  return r->closing ? r->closing : r->st[r->loop];
}

static bool replay_atom(void *arg, int atom, int pos) {
  Replay *r = arg;
  return r->val[(size_t)pos * r->l->t->atoms.len + (size_t)atom];
}

/* Evaluates every atom on the lasso again and checks ~p and the fairness
 * on it; false with *why set when something does not hold. */
static bool replay_lasso(Replay *r, const LiveProp *lp, const char **why) {
  Live *l = r->l;
  size_t na = l->t->atoms.len;
  r->val = xcalloc((size_t)r->n * na + 1, 1);
  FailPoint fp;
  void *old = diag_mute();
  bool ok = false;
  if (fail_push(&fp) == 0) {
    for (int i = 0; i < r->n; i++)
      for (size_t a = 0; a < na; a++) {
        const TAtom *at = &l->t->atoms.data[a];
        r->val[(size_t)i * na + a] =
            at->kind == TA_STATE ? state_atom(l, at, r->st[i])
                                 : action_atom(l, at, r->st[i], next_of(r, i),
                                               false);
      }
    fail_pop(&fp);
    ok = true;
  }
  diag_unmute(old);
  if (!ok) {
    *why = "evaluating the formula's atoms on it failed";
    return false;
  }
  if (!temporal_on_lasso(l->t, lp->neg, r->n, r->loop, replay_atom, r)) {
    *why = "the property holds on it";
    return false;
  }
  for (size_t i = 0; i < l->t->fair.len; i++) {
    const TFair *f = &l->t->fair.data[i];
    bool step = false, on = false, off = false;
    for (int k = r->loop; k < r->n; k++) {
      step |= replay_atom(r, f->step, k);
      bool e = replay_atom(r, f->enabled, k);
      on |= e, off |= !e;
    }
    if (f->strong ? !(step || !on) : !(step || off)) {
      *why = "a fairness condition does not hold on its loop";
      return false;
    }
  }
  return true;
}

void live_set_stats(bool on) { live_stats = on; }

void live_set_classes(Live *l, LiveClassFn same, void *arg) {
  if (!l)
    return;
  l->same_class = same;
  l->class_arg = arg;
}

typedef struct ClassHunt {
  Live *l;
  uint32_t want; /* the stored state whose class is looked for */
  Value **into;  /* the successor found is copied there */
  bool found;
} ClassHunt;

static bool class_hunt(void *arg, Value **s) {
  ClassHunt *h = arg;
  if (!h->l->same_class(h->l->class_arg, s, h->want))
    return true;
  memcpy(h->into, s, (size_t)h->l->nvars * sizeof *s);
  h->found = true;
  return false;
}

/* With a VIEW or SYMMETRY the lasso's states are stored states, each
 * standing for its class, and consecutive ones need not be steps of Next.
 * As TLC does when it rebuilds a trace from fingerprints, each state after
 * the first becomes a successor of the state before it that lies in its
 * class (and the last state's successor in the loop state's class closes
 * the loop, in tr->states[n]).  False, with *at the failing position,
 * when some state has no successor in the next class. */
static bool concretize(Live *l, const U32Vec *states, size_t loop,
                       bool stutter, Trace *tr, int *at) {
  int n = (int)states->len;
  for (int i = 1; i <= n; i++) {
    if (i == n && stutter)
      break;
    ClassHunt h = {l, i < n ? states->data[i] : states->data[loop],
                   tr->states[i], false};
    eval_successors(l->spec, tr->states[i - 1], class_hunt, &h);
    if (!h.found) {
      *at = i;
      return false;
    }
  }
  return true;
}

/* Replays and prints the lasso; false (after an internal-error line) when
 * it does not replay. */
static bool show_lasso(Live *l, const LiveProp *lp, const U32Vec *states,
                       size_t loop) {
  Replay r = {l, NULL, (int)states->len, (int)loop, false, NULL, NULL};
  r.stutter = loop + 1 == states->len;
  Trace tr;
  tr.n = r.n + (r.stutter ? 0 : 1);
  tr.states = xmalloc((size_t)tr.n * sizeof *tr.states);
  tr.actions = xcalloc((size_t)tr.n, sizeof *tr.actions);
  for (int i = 0; i < tr.n; i++) {
    uint32_t g = i < r.n ? states->data[i] : states->data[loop];
    tr.states[i] = xmalloc(((size_t)l->nvars + 1) * sizeof **tr.states);
    for (int v = 0; v < l->nvars; v++)
      tr.states[i][v] = val_by_id(l->sids[(size_t)g * l->nvars + v]);
  }
  r.st = tr.states;
  int at = 0;
  if (l->keyed && l->same_class) {
    if (!concretize(l, states, loop, r.stutter, &tr, &at)) {
      /* The classes' graph has the lasso, but no behaviour through these
       * representatives shows it (TLC's VIEW caveat): the verdict stands,
       * the trace cannot be printed. */
      fprintf(stdout, "Error: Temporal property %s was violated.\n\n",
              sym_str(prop_name(lp->p)));
      fprintf(stdout, "brink: the counterexample cannot be shown: with a "
                      "VIEW or SYMMETRY its states stand for classes, and "
                      "state %d has no successor in the class of state "
                      "%d\n", at, at + 1 <= r.n ? at + 1 : (int)loop + 1);
      for (int i = 0; i < tr.n; i++)
        free(tr.states[i]);
      free(tr.states);
      free(tr.actions);
      return true;
    }
    if (!r.stutter)
      r.closing = tr.states[r.n];
  }
  char *why = NULL;
  const char *why2 = NULL;
  bool ok = trace_replay(l->spec, &tr, &why);
  if (ok)
    ok = replay_lasso(&r, lp, &why2);
  if (!ok && why2 && l->keyed && l->same_class) {
    /* The behaviour is real, but on it the loop closes only up to the
     * VIEW or SYMMETRY, and the property's atoms see the difference. */
    fprintf(stdout, "Warning: with a VIEW or SYMMETRY the counterexample's "
                    "loop closes only up to the view, and on the states "
                    "shown %s.\n", why2);
    ok = true;
  }
  if (!ok) {
    fprintf(stdout, "brink: internal error: the liveness counterexample for "
                    "%s does not replay (%s)%s\n",
            sym_str(prop_name(lp->p)), why ? why : why2,
            l->keyed ? "; with a VIEW or SYMMETRY the stored states stand "
                       "for others, so the lasso is not a behaviour"
                     : "");
    free(why);
  } else {
    /* TLC names every PROPERTY the lasso violates. */
    size_t np = l->props.len, found = 0;
    const Property **ps = xmalloc((np + 1) * sizeof *ps);
    int *negs = xmalloc((np + 1) * sizeof *negs);
    for (size_t i = 0; i < np; i++) {
      ps[i] = l->props.data[i].p;
      negs[i] = l->props.data[i].neg;
      if (&l->props.data[i] == lp)
        found = i;
    }
    temporal_print_violated(stdout, l->t, ps, negs, np, found, r.n, r.loop,
                            replay_atom, &r);
    free(ps);
    free(negs);
    fprintf(stdout, "Error: The following behavior constitutes a "
                    "counter-example:\n\n");
    Trace shown = tr;
    shown.n = r.n;
    trace_print(stdout, l->spec, &shown);
    if (r.stutter) {
      fprintf(stdout, "State %d: Stuttering\n", r.n + 1);
    } else {
      fprintf(stdout, "Back to state %zu: ", loop + 1);
      trace_print_action(stdout, l->spec, tr.actions[r.n], NULL);
      fprintf(stdout, "\n\n");
    }
  }
  for (int i = 0; i < tr.n; i++)
    free(tr.states[i]);
  free(tr.states);
  free(tr.actions);
  free(r.val);
  return ok;
}

/* ---- the check ---- */

static void stamp(char *buf, size_t n) {
  time_t wall = time(NULL);
  struct tm tm;
  localtime_r(&wall, &tm);
  strftime(buf, n, "%Y-%m-%d %H:%M:%S", &tm);
}

typedef VEC(IntVec) Dnf;

static void dnf_free(Dnf *d) {
  for (size_t i = 0; i < d->len; i++)
    VEC_FREE(d->data[i]);
  VEC_FREE(*d);
}

/* The disjuncts of f at its top level, each a list of conjuncts; false when
 * there would be more than max of them. */
static bool dnf(const Temporal *t, int f, Dnf *out, size_t max) {
  const TNode *n = &t->nodes.data[f];
  if (n->kind == TF_OR) {
    return dnf(t, n->a, out, max) && dnf(t, n->b, out, max);
  }
  if (n->kind == TF_AND) {
    Dnf x = {0}, y = {0};
    bool ok = dnf(t, n->a, &x, max) && dnf(t, n->b, &y, max) &&
              out->len + x.len * y.len <= max;
    for (size_t i = 0; ok && i < x.len; i++)
      for (size_t j = 0; j < y.len; j++) {
        IntVec c = {0};
        for (size_t k = 0; k < x.data[i].len; k++)
          VEC_PUSH(c, x.data[i].data[k]);
        for (size_t k = 0; k < y.data[j].len; k++)
          VEC_PUSH(c, y.data[j].data[k]);
        VEC_PUSH(*out, c);
      }
    dnf_free(&x);
    dnf_free(&y);
    return ok;
  }
  if (out->len + 1 > max)
    return false;
  IntVec c = {0};
  VEC_PUSH(c, f);
  VEC_PUSH(*out, c);
  return true;
}


/* The tableau part of a disjunct: the conjuncts that are not <>[]x or
 * []<>x. */
static int rest_of(Temporal *t, const IntVec *conj) {
  int r = temporal_true(t);
  for (size_t i = 0; i < conj->len; i++) {
    int f = conj->data[i];
    if (live_nested(t, f, TF_EVENTUALLY) >= 0 || live_nested(t, f, TF_ALWAYS) >= 0)
      continue;
    r = temporal_and(t, r, f);
  }
  return r;
}

/* One property: EXIT_OK, EXIT_LIVENESS (printed) or EXIT_OTHER. */
static int check_prop(Live *l, const LiveProp *lp) {
  Temporal *t = l->t;
  Dnf d = {0};
  if (!dnf(t, lp->neg, &d, 256)) {
    dnf_free(&d);
    IntVec one = {0};
    VEC_PUSH(one, lp->neg);
    VEC_PUSH(d, one);
  }
  int code = EXIT_OK;
  Prod P;
  memset(&P, 0, sizeof P);
  P.l = l;
  int built_for = -2;
  for (size_t i = 0; i < d.len && code == EXIT_OK; i++) {
    int rest = rest_of(t, &d.data[i]);
    if (rest != built_for) {
      if (P.a)
        temporal_auto_free(P.a);
      P.a = t->nodes.data[rest].kind == TF_TRUE
                ? temporal_automaton_true()
                : temporal_automaton(t, rest, 4096);
      if (!P.a) {
        char where[256];
        fprintf(stdout, "brink: liveness: the automaton of the negation of "
                        "%s at %s has more than 4096 states; not checked.\n",
                sym_str(prop_name(lp->p)),
                loc_str(lp->p->loc, where, sizeof where));
        code = EXIT_OTHER;
        break;
      }
      prod_build(&P); /* in the memory of the previous product */
      built_for = rest;
    }
    uint32_t found = 0;
    prod_search(&P, &d.data[i], &found);
    if (found) {
      U32Vec states = {0};
      size_t loop;
      prod_lasso(&P, found, &states, &loop);
      code = show_lasso(l, lp, &states, loop) ? EXIT_LIVENESS : EXIT_OTHER;
      VEC_FREE(states);
      free((void *)P.allowed);
      free((void *)P.ea);
      P.allowed = NULL;
      P.ea = NULL;
    }
  }
  prod_free(&P);
  if (P.a)
    temporal_auto_free(P.a);
  dnf_free(&d);
  return code;
}

int live_check(Live *l, const uint32_t *sids, size_t nstates) {
  char when[64];
  l->sids = sids;
  if (!l->keyed) {
    size_t ns = l->off.len ? l->off.len - 1 : 0;
    size_t wa = (size_t)l->wa;
    VEC_RESERVE(l->stut, ns * wa + 1);
    l->stut.len = ns * wa;
    memset(l->stut.data, 0, (ns * wa + 1) * sizeof(Word));
    l->stknown = xcalloc(ns * wa + 1, sizeof(Word));
  }
  stamp(when, sizeof when);
  fprintf(stdout, "Checking temporal properties for the complete state space "
                  "with %zu total distinct states at (%s)\n",
          nstates, when);
  fflush(stdout);
  double t0 = util_now();
  int code = EXIT_OK;
  if (l->off.len != nstates + 1) {
    fprintf(stdout, "brink: internal error: the liveness graph has %zu of "
                    "%zu states\n",
            l->off.len - 1, nstates);
    return EXIT_OTHER;
  }
  const LiveProp *volatile cur = NULL;
  FailPoint fp;
  if (fail_push(&fp)) {
    /* a state predicate of a property failed to evaluate (printed) */
    if (fp.code == EXIT_OTHER)
      fprintf(stdout, "brink: temporal property %s was not checked (see "
                      "above); no verdict is given for it.\n",
              cur ? sym_str(prop_name(cur->p)) : "?");
    else
      fprintf(stdout, "Error: Evaluating temporal property %s failed.\n",
              cur ? sym_str(prop_name(cur->p)) : "?");
    return fp.code ? fp.code : EXIT_EVAL;
  }
  for (size_t i = 0; i < l->props.len && code == EXIT_OK; i++) {
    cur = &l->props.data[i];
    code = check_prop(l, cur);
  }
  fail_pop(&fp);
  int secs = (int)(util_now() - t0);
  if (live_stats) {
    size_t na = (size_t)l->t->naction, ns = (size_t)l->t->nstate;
    fprintf(stderr, "liveness time: edges %.3fs, states %.3fs (ENABLED "
                    "%.3fs), check %.3fs wall, total %.3fs CPU\n",
            t_edge, t_state, t_enabled, util_now() - t0, cpu());
    fprintf(stderr, "liveness atoms evaluated: %zu of %zu action (on "
                    "steps), %zu of %zu state\n",
            n_action, na * (l->succ.len + nstates), n_state, ns * nstates);
  }
  stamp(when, sizeof when);
  if (secs < 60)
    fprintf(stdout, "Finished checking temporal properties in %02ds at %s\n",
            secs, when);
  else
    fprintf(stdout, "Finished checking temporal properties in %02dmin %02ds "
                    "at %s\n",
            secs / 60, secs % 60, when);
  return code;
}
