/* driver.c -- bounded model checking: unroll, solve, decode, replay.
 *
 * One solver instance for the whole run (DESIGN.md, decision 7).  Frame 0
 * is Init; at each depth k the driver first asks, one invariant or
 * property at a time and then for their evaluation errors, whether it
 * fails in frame k, under an assumption literal that is dropped
 * afterwards, so the first violation found is a shortest one; each part
 * proved becomes a lemma.  Before frame k+1 is added, frame k must
 * satisfy the CONSTRAINTs (TLC explores no other states), and the
 * evaluation errors the step could hit are asked for before the step's
 * own guard is asserted -- TLC evaluates every disjunct of Next, enabled
 * or not.
 *
 * Every answer that shows a trace is replayed by the concrete evaluator
 * first (trace.c); a failed replay is an internal error, never shown as a
 * counterexample. */
#include "driver.h"

#include <string.h>
#include <time.h>

#include "bmcstats.h"
#include "charvec.h"
#include "deadcells.h"
#include "packcells.h"
#include "freshen.h"
#include "induct.h"
#include "checked.h"
#include "encode.h"
#include "eval.h"
#include "lasso.h"
#include "report.h"
#include "solver.h"
#include "status.h"
#include "stop.h"
#include "symbreak.h"
#include "tighten.h"
#include "trace.h"

typedef struct Bmc {
  const Spec *spec;
  TermMgr *tm;
  Solver *solver;
  Enc *enc;
  VEC(SymVal **) frames;
  /* Every step's symbolic choices for names bound by \E (enc_choices). */
  VEC(uint32_t) choice_ids;
  VEC(SymVal *) choice_vals;
  double t0;
  int k; /* the frame being checked */
  VEC(TermId) asserted; /* what assert_term asserted */
  /* Every fact asserted (assert_term's and the encoder's axioms), each
   * with the newest frame when it was (lasso.h's LassoFrames). */
  VEC(TermId) facts;
  VEC(int) tags;
  BmcStats *st;         /* --stats, or NULL */
  const CheckOptions *opt;
  CvPlan *cv;           /* set variables as characteristic vectors */
  SymBreak *sb;         /* lex-leader constraints, or NULL */
  DeadCells *dc;        /* what the dead-cell questions found */
  Induct *ind;          /* one-step proofs of the invariants, or NULL */
  Tighten *tg;          /* proved bounds of the frames' integers, or NULL */
  TermId overflow;      /* the newest frame's members outside them */
  bool ends_watched; /* frames asked for dead ends (no_dead_end), none
                        found or left open so far */
} Bmc;

static void assert_fact(Bmc *b, TermId t) {
  VEC_PUSH(b->facts, t);
  VEC_PUSH(b->tags, (int)b->frames.len - 1);
  solver_assert(b->solver, t);
}

static void assert_term(Bmc *b, TermId t) {
  VEC_PUSH(b->asserted, t);
  assert_fact(b, t);
}

/* Whether the asserted terms or q mention a TLCGet("level") variable that
 * no range folded away (encode.h): then a model may give a state a level
 * other than TLC's, and a satisfying answer is not to be trusted. */
static bool depends_on_level(Bmc *b, TermId q) {
  const TermId *lv;
  size_t n = enc_level_vars(b->enc, &lv);
  if (n == 0)
    return false;
  TermId lo = lv[0];
  for (size_t i = 1; i < n; i++)
    if (lv[i] < lo)
      lo = lv[i];
  TermId all = term_mk_and2(b->tm, q, term_mk_and(b->tm, b->asserted.data,
                                                  b->asserted.len));
  TermId *vars;
  size_t nv;
  term_vars_since(b->tm, all, lo, &vars, &nv);
  bool dep = false;
  for (size_t i = 0; i < nv && !dep; i++)
    for (size_t j = 0; j < n && !dep; j++)
      dep = vars[i] == lv[j];
  free(vars);
  return dep;
}

/* Keeps the choices the encoder just made. */
static void keep_choices(Bmc *b) {
  const uint32_t *ids;
  SymVal *const *vals;
  size_t n = enc_choices(b->enc, &ids, &vals);
  for (size_t i = 0; i < n; i++) {
    VEC_PUSH(b->choice_ids, ids[i]);
    VEC_PUSH(b->choice_vals, vals[i]);
  }
}

static bool rd_bool(void *arg, TermId t) { return solver_value_bool(arg, t); }
static void rd_int(void *arg, TermId t, mpz_t out) {
  solver_value_int(arg, t, out);
}

/* Asks: asserted /\ q, under a fresh assumption literal that is never
 * assumed again afterwards.  Returns the solver's answer.  With
 * --debug-ask, each query's time and answer go to stderr. */
static SolverResult ask(Bmc *b, TermId q) {
  if (stop_requested()) /* SIGINT, SIGTERM, --timeout: see unknown() */
    return SOLVER_UNKNOWN;
  if (term_is_false(b->tm, q))
    return SOLVER_UNSAT;
  double t0 = util_now();
  /* The ranges of the level variables: facts, not a dependence. */
  assert_fact(b, enc_take_axioms(b->enc));
  TermId a = term_mk_fresh(b->tm, "ask", SORT_BOOL);
  solver_assert(b->solver, term_mk_implies(b->tm, a, q));
  status_busy("depth %d: solving", b->k);
  stop_arm(true);
  SolverResult r = solver_check(b->solver, &a, 1);
  status_idle();
  /* A satisfying answer is about to become a counterexample (or, in the
   * deadlock refinement, the next question): the terms built for it are
   * few, so a stop is taken up at the next query, not in the middle of
   * showing a trace already found. */
  if (r == SOLVER_SAT)
    stop_arm(false);
  if (b->opt->debug_ask)
    fprintf(stderr, "brink: query %.3f s: %s\n", util_now() - t0,
            r == SOLVER_SAT ? "sat" : r == SOLVER_UNSAT ? "unsat" : "unknown");
  if (r == SOLVER_SAT && depends_on_level(b, q))
    fail_at((Loc){0}, EXIT_OTHER,
            "the answer at depth %d depends on TLCGet(\"level\"), which the "
            "symbolic engine knows only to lie between 1 and the frame + 1 "
            "(a state may be reachable in fewer steps than its frame); use "
            "--engine explicit",
            b->k);
  return r;
}

static Trace decode(Bmc *b, int upto) {
  Trace t;
  t.n = upto + 1;
  t.states = xmalloc((size_t)t.n * sizeof *t.states);
  t.actions = xcalloc((size_t)t.n, sizeof *t.actions);
  ModelReader rd = {rd_bool, rd_int, b->solver};
  for (int i = 0; i < t.n; i++) {
    t.states[i] = xcalloc((size_t)b->spec->nvars + 1, sizeof **t.states);
    for (int v = 0; v < b->spec->nvars; v++)
      t.states[i][v] = enc_decode(b->frames.data[i][v], &rd);
  }
  /* The model's values of the choices are the witnesses the evaluator
   * tries first for those names when it replays the trace. */
  enc_decode_witnesses(b->choice_ids.data, b->choice_vals.data,
                       b->choice_ids.len, &rd);
  /* Fault injection for the test suite (--test-corrupt-model): a wrong
   * model must be caught by the replay, never shown. */
  if (b->opt->corrupt_model && b->spec->nvars > 0) {
    Value *v = t.states[0][0];
    t.states[0][0] = v && v->kind == V_INT ? val_int(-7777777)
                                           : val_str(sym_intern("corrupted"));
  }
  return t;
}

static int internal_replay_failure(const char *why) {
  fprintf(stderr,
          "brink: internal error: the solver's counterexample does not replay "
          "(%s); it is not shown\n",
          why);
  return EXIT_OTHER;
}

static Trace decode(Bmc *b, int upto);

/* The solver gave up.  A back end that kept the model it could not vouch
 * for (an integer overflow) shows the path it found, on stderr: it is not
 * a counterexample and was not replayed. */
static int unknown(Bmc *b) {
  if (stop_requested())
    return report_stopped_symbolic();
  const char *why = b->solver->ops->reason_unknown(b->solver);
  fprintf(stderr, "brink: the solver gave up: %s\n", why ? why : "unknown");
  if (solver_partial_model(b->solver)) {
    Trace t = decode(b, b->k);
    for (int i = 1; i < t.n; i++)
      t.actions[i] = -2;
    fprintf(stderr, "brink: the solver's model that reaches it (not a "
                    "counterexample, not replayed):\n");
    trace_print(stderr, b->spec, &t);
  }
  return EXIT_OTHER;
}

/* Which recorded error holds in the model. */
static const WdErr *which_wd(Bmc *b, WdErrVec *errs) {
  for (size_t i = 0; i < errs->len; i++)
    if (solver_value_bool(b->solver, errs->data[i].cond))
      return &errs->data[i];
  return NULL;
}

static bool any_state(void *arg, Value **s) {
  (void)arg;
  (void)s;
  return true;
}

/* The message of the Assert found false in the last state of t (in_step:
 * in computing its successors), as the evaluator finds it (it also prints
 * the located error, as the explicit engine does), or NULL. */
static const char *replayed_assert_message(const Spec *spec, Trace *t,
                                           bool in_step) {
  int k = t->n - 1;
  int level = eval_set_level(k + 1);
  const char *msg = NULL;
  FailPoint fp;
  if (fail_push(&fp)) {
    if (fp.code == EXIT_ASSERT)
      msg = eval_assert_message();
  } else {
    if (in_step)
      eval_successors(spec, t->states[k], any_state, NULL);
    else
      trace_violated_invariant(spec, t->states[k]);
    fail_pop(&fp);
  }
  eval_set_level(level);
  return msg;
}

/* Does an invariant fail to evaluate in state s (trace_failed_invariant
 * names it then)?  Quietly: the error was reported when it was found. */
static bool failing_invariant(const Spec *spec, Value **s) {
  void *old = diag_mute();
  FailPoint fp;
  bool failed = false;
  if (fail_push(&fp) == 0) {
    (void)trace_violated_invariant(spec, s);
    fail_pop(&fp);
  } else {
    failed = fp.code == EXIT_EVAL && trace_failed_invariant() >= 0;
  }
  diag_unmute(old);
  return failed;
}

/* An evaluation error was found reachable: show the trace up to the state
 * where it happens, after confirming with the evaluator. */
static int report_eval_error(Bmc *b, WdErrVec *errs, int upto,
                             bool in_step) {
  const WdErr *w = which_wd(b, errs);
  Trace t = decode(b, upto);
  char *why;
  if (!trace_replay(b->spec, &t, &why))
    return internal_replay_failure(why);
  /* An invariant whose evaluation fails there: TLC's lines and exit code
   * for it (the evaluator's message was printed when it was found). */
  if (!in_step && (!w || w->code == EXIT_EVAL) &&
      failing_invariant(b->spec, t.states[upto])) {
    trace_print_eval_failure(stdout, b->spec);
    if (w) {
      char where[512];
      fprintf(stdout, "Error: %s: %s\n",
              loc_str(w->loc, where, sizeof where), w->msg);
    }
    fprintf(stdout, "Error: The behavior up to this point is:\n");
    trace_print(stdout, b->spec, &t);
    return EXIT_EVAL_INVARIANT;
  }
  fprintf(stdout, "Error: %s %s.\n",
          w && w->code == EXIT_OTHER
              ? "the symbolic encoding reaches one of its limits"
              : "an evaluation error occurs",
          in_step ? "while computing the successors of the last state"
                  : "while checking the last state");
  if (w && w->code == EXIT_ASSERT &&
      replayed_assert_message(b->spec, &t, in_step)) {
    trace_print_eval_failure(stdout, b->spec);
  } else if (w) {
    char where[512];
    fprintf(stdout, "Error: %s: %s\n", loc_str(w->loc, where, sizeof where),
            w->msg);
  }
  fprintf(stdout, "Error: The behavior up to this point is:\n");
  trace_print(stdout, b->spec, &t);
  return w && w->code ? w->code : EXIT_EVAL;
}

/* The state of frame k as a constraint: each variable equals its value. */
static TermId fix_state(Bmc *b, int k, Value **vals) {
  return sv_state_is(b->frames.data[k], vals, b->spec->nvars);
}

/* Deadlock in frame k: a state of the model with no successor, that is,
 * one for which the step guard g is false whatever values the step's own
 * choice variables (selectors, picks: those created since mark) take.
 * This is an exists-forall question, answered by refinement with the
 * solver alone (so any back end can do it): find a frame-k state that no
 * choice found so far enables; if some choice enables it after all, rule
 * out every state that choice enables and ask again; if none does, it is a
 * deadlock.  Each round rules out at least the state found, so with
 * finitely many choices the loop ends; choices from infinite sets may not
 * let it end, hence the bound on rounds. */
enum { MAX_DEADLOCK_ROUNDS = 200 };

/* Does the evaluator find a successor of the state: 1 yes, 0 no, -1 it
 * cannot tell (it cannot enumerate a choice, e.g. from Seq(S) or Nat; the
 * solver's answer over the same choices stands then). */
static int evaluator_successor(const Spec *spec, Value *const *state) {
  char *text = NULL;
  size_t len = 0;
  FILE *sink = open_memstream(&text, &len); /* the evaluator's error */
  void *out = diag_set_stream(sink);
  FailPoint fp;
  int has;
  if (fail_push(&fp))
    has = -1;
  else
    has = eval_has_successor(spec, state) ? 1 : 0;
  fail_pop(&fp);
  diag_set_stream(out);
  if (sink)
    fclose(sink);
  free(text);
  return has;
}

/* The last state of t has no successor in the model: confirm with the
 * evaluator, then show the deadlock. */
static int report_deadlock(Bmc *b, int k, Trace *t) {
  char *why;
  if (!trace_replay(b->spec, t, &why))
    return internal_replay_failure(why);
  int has = evaluator_successor(b->spec, t->states[k]);
  if (has > 0)
    return internal_replay_failure("the evaluator finds a successor of "
                                   "the deadlocked state");
  if (has < 0 && enc_seq_bound(b->enc)) {
    /* The state may have a successor through a longer sequence. */
    fprintf(stdout, "Error: The behavior up to this point is:\n");
    trace_print(stdout, b->spec, t);
    fprintf(stdout,
            "brink: the last state has no successor whose sequences chosen "
            "from Seq(S) have at most %d elements; whether it has one with "
            "longer sequences is not known: rerun with a larger "
            "--max-seq-len, or with --no-deadlock\n",
            enc_seq_bound(b->enc));
    return EXIT_OTHER;
  }
  fprintf(stdout, "Error: Deadlock reached.\n");
  fprintf(stdout, "Error: The behavior up to this point is:\n");
  trace_print(stdout, b->spec, t);
  fprintf(stdout,
          "brink: deadlock after %d step%s (a shortest counterexample: %d "
          "state%s). Time: %.2f s.\n",
          k, k == 1 ? "" : "s", k + 1, k == 0 ? "" : "s", util_now() - b->t0);
  return EXIT_DEADLOCK;
}

/* Deadlock in frame k asked in one query, where the step's choices
 * expand within a budget (enc_exists_choices, as ENABLED does): whether
 * frame k's state has a successor is then a formula over that state alone,
 * so the query is about one frame, like an invariant's, and its answer,
 * asserted as a lemma, serves the deeper queries.  The refinement below
 * needs a round per choice that enables some state and ends with a query
 * that ranges over every path of k steps: it grew x1.7-2.7 per step
 * (SimpleRegular, 16 steps: 7-10 s of CPU, here 0.1 s).  Returns -1 when
 * the choices do not expand within the budget. */
enum { DEADLOCK_EXPANSION_TERMS = 200000 };

/* The one query: can a state of frame k (with known, a fact the
 * assertions entail) have no step g, its choices since mark expanded?
 * The answer in *r, asserted as a lemma when it is no; effort bounds the
 * query's conflicts (0: no bound).  False when the choices do not expand
 * within the budget (nothing asked). */
static bool ask_no_step(Bmc *b, TermId g, TermId mark, TermId known,
                        unsigned effort, SolverResult *r) {
  TermId en = enc_exists_choices(b->enc, g, mark, DEADLOCK_EXPANSION_TERMS);
  if (!en)
    return false;
  if (effort)
    solver_limit_next(b->solver, effort);
  *r = ask(b, term_mk_and2(b->tm, known, term_mk_not(b->tm, en)));
  if (*r == SOLVER_UNSAT)
    assert_term(b, en); /* entailed by frames 0..k */
  return true;
}

static int deadlock_in_one_query(Bmc *b, int k, TermId g, TermId mark,
                                 TermId known) {
  SolverResult r;
  if (!ask_no_step(b, g, mark, known, 0, &r))
    return -1;
  if (r == SOLVER_UNKNOWN)
    return unknown(b);
  if (r == SOLVER_UNSAT)
    return EXIT_OK;
  Trace t = decode(b, k);
  return report_deadlock(b, k, &t);
}

/* The refinement: a state of frame k that no choice makes g true in,
 * within `rounds` rounds, each question limited to `effort` conflicts (0:
 * none).  DS_FOUND leaves that state's trace in *found. */
typedef enum { DS_NONE, DS_FOUND, DS_UNKNOWN, DS_ROUNDS, DS_BADFIX } DeadState;

static DeadState dead_state(Bmc *b, int k, TermId g, TermId mark, int rounds,
                            unsigned effort, Trace *found) {
  TermId *vars;
  size_t nvars;
  term_vars_since(b->tm, g, mark, &vars, &nvars);
  TermId blocked = term_true(b->tm);
  DeadState d = DS_ROUNDS;
  for (int round = 0; round < rounds; round++) {
    if (effort)
      solver_limit_next(b->solver, effort);
    SolverResult r = ask(b, blocked);
    if (r != SOLVER_SAT) {
      d = r == SOLVER_UNSAT ? DS_NONE : DS_UNKNOWN;
      break;
    }
    Trace t = decode(b, k);
    TermId fix = fix_state(b, k, t.states[k]);
    if (!fix) {
      d = DS_BADFIX;
      break;
    }
    if (effort)
      solver_limit_next(b->solver, effort);
    r = ask(b, term_mk_and2(b->tm, fix, g));
    if (r == SOLVER_UNKNOWN) {
      d = DS_UNKNOWN;
      break;
    }
    if (r == SOLVER_SAT) {
      TermId enabled = solver_model_subst(b->solver, g, vars, nvars);
      blocked = term_mk_and2(b->tm, blocked, term_mk_not(b->tm, enabled));
      continue;
    }
    *found = t; /* no choice enables it */
    d = DS_FOUND;
    break;
  }
  free(vars);
  return d;
}

static int find_deadlock(Bmc *b, int k, TermId g, TermId mark,
                         TermId known) {
  int one = deadlock_in_one_query(b, k, g, mark, known);
  if (one >= 0)
    return one;
  Trace t;
  switch (dead_state(b, k, g, mark, MAX_DEADLOCK_ROUNDS, 0, &t)) {
  case DS_NONE:
    return EXIT_OK;
  case DS_FOUND:
    return report_deadlock(b, k, &t);
  case DS_UNKNOWN:
    return unknown(b);
  case DS_BADFIX:
    return internal_replay_failure("a decoded state is not a constant");
  case DS_ROUNDS:
    break;
  }
  /* Choices from infinite sets (\E k \in Nat) can make the refinement
   * endless; say so rather than hang. */
  fprintf(stderr,
          "brink: the deadlock check of the states after %d step%s did "
          "not settle within %d refinement rounds (the step chooses from "
          "very large or infinite sets); rerun with --no-deadlock to "
          "check the invariants only\n",
          k, k == 1 ? "" : "s", MAX_DEADLOCK_ROUNDS);
  return EXIT_OTHER;
}

/* ---- dead ends, for the lasso search ----
 *
 * The lasso search runs on the unrolling's own solver, facts as they are,
 * only where they cut no lasso (lasso.h, LassoFrames.solver): where every
 * state of frames 0..K-1 has a successor within the CONSTRAINTs, so that
 * each state of a lasso starts a path of K steps.  A checked deadlock
 * shows it when there is no CONSTRAINT; otherwise (or with the deadlock
 * not checked) the unrolling asks it of each frame as it goes, as the
 * deadlock is asked (ask_no_step, else dead_state), silently and within
 * a budget: a dead end found, or a question left open, only
 * sends the lasso search to a solver of its own.  MCEWD687a at 20 steps
 * (CHECK_DEADLOCK FALSE, a CONSTRAINT, no dead end): 5.8 s -> 3.4 s. */
enum { DEAD_END_ROUNDS = 50, DEAD_END_EFFORT = 20000 };

/* The CONSTRAINTs of the successor next (frame k+1, not yet cut by
 * freshen.h), or TERM_NONE where they may fail to evaluate or make
 * variables of their own (which the question would read as choices). */
static TermId successor_kept(Bmc *b, int k, SymVal **next) {
  const Spec *spec = b->spec;
  TermId mark = term_count(b->tm);
  WdErrVec errs = {0};
  VEC(TermId) keep = {0};
  for (size_t i = 0; i < spec->constraints.len; i++)
    VEC_PUSH(keep, enc_pred(b->enc, k + 1, spec->constraints.data[i].expr,
                            next, NULL, &errs));
  TermId c = term_mk_and(b->tm, keep.data, (uint32_t)keep.len);
  VEC_FREE(keep);
  TermId *vars;
  size_t nvars;
  term_vars_since(b->tm, c, mark, &vars, &nvars);
  free(vars);
  bool ok = errs.len == 0 && nvars == 0;
  VEC_FREE(errs);
  return ok ? c : TERM_NONE;
}

/* Whether every state of frame k has a step g to a successor whose
 * CONSTRAINTs `kept` hold: 1 shown, 0 not shown, -1 a stop was asked
 * for. */
static int no_dead_end(Bmc *b, int k, TermId g, TermId kept, TermId mark) {
  TermId h = term_mk_and2(b->tm, g, kept);
  SolverResult r;
  if (ask_no_step(b, h, mark, term_true(b->tm), DEAD_END_EFFORT, &r))
    return stop_requested() ? -1 : r == SOLVER_UNSAT;
  Trace t;
  DeadState d = dead_state(b, k, h, mark, DEAD_END_ROUNDS, DEAD_END_EFFORT, &t);
  return stop_requested() ? -1 : d == DS_NONE;
}

/* The invariant or PROPERTY conjunct that the last state of the replayed
 * trace t (or its last step) violates, in the explicit engine's order, in
 * TLC's words. */
static int report_violation(Bmc *b, Trace *t, int k) {
  const Spec *spec = b->spec;
  /* TLCGet("level") as the explicit engine sees it: the state's level for
   * state checks, the step's source level for action properties. */
  int level = eval_set_level(k + 1);
  int inv = trace_violated_invariant(spec, t->states[k]);
  const Property *bad = NULL;
  static const PropKind order[] = {PROP_ALWAYS, PROP_INIT, PROP_ACTION};
  for (int o = 0; o < 3 && inv < 0 && !bad; o++)
    for (size_t i = 0; i < spec->properties.len && !bad; i++) {
      const Property *p = &spec->properties.data[i];
      if (p->kind != order[o] || (p->kind == PROP_INIT && k > 0) ||
          (p->kind == PROP_ACTION && k == 0))
        continue;
      eval_set_level(p->kind == PROP_ACTION ? k : k + 1);
      if (!trace_property_holds(spec, p, k > 0 ? t->states[k - 1] : NULL,
                                t->states[k]))
        bad = p;
    }
  eval_set_level(level);
  if (inv < 0 && !bad)
    return internal_replay_failure("the last state satisfies every invariant "
                                   "and property");
  const char *name =
      sym_str(inv >= 0 ? spec->invariants.data[inv].name : bad->name);
  if (k == 0 && (inv >= 0 || bad->kind == PROP_ALWAYS ||
                 bad->kind == PROP_INIT)) {
    trace_print_initial_violation(stdout, spec, t, inv, bad);
  } else {
    if (inv >= 0)
      trace_print_invariant_violation(stdout, name);
    else
      trace_print_property_violation(stdout, bad);
    fprintf(stdout, "Error: The behavior up to this point is:\n");
    trace_print(stdout, spec, t);
  }
  const char *what = inv >= 0 || bad->kind == PROP_ALWAYS ? "invariant"
                     : bad->kind == PROP_INIT             ? "property"
                                                          : "action property";
  fprintf(stdout,
          "brink: %s %s is violated after %d step%s (a shortest "
          "counterexample: %d state%s). Time: %.2f s.\n",
          what, name, k, k == 1 ? "" : "s", k + 1, k == 0 ? "" : "s",
          util_now() - b->t0);
  return inv >= 0 || bad->kind == PROP_ALWAYS ? EXIT_SAFETY : EXIT_LIVENESS;
}

/* The back end the options name (solver.h), wrapped to dump the query. */
static Solver *new_solver(const CheckOptions *opt, TermMgr *tm) {
  CadicalOptions co = {opt->int_width, opt->dump_cnf};
  const char *be = opt->backend ? opt->backend : "auto";
  Solver *s = strcmp(be, "z3") == 0        ? solver_z3_new(tm)
              : strcmp(be, "cadical") == 0 ? solver_cadical_new(tm, &co)
                                           : solver_auto_new(tm, &co);
  return opt->dump_smt2 ? solver_smt2_dump_new(s, opt->dump_smt2) : s;
}

/* new_solver for the lasso search (lasso.h). */
static Solver *lasso_solver(void *opt, TermMgr *tm) {
  return new_solver(opt, tm);
}

/* The back end for induct.h's questions: the options' own, without the
 * dumps, which belong to the unrolling's solver. */
static Solver *induct_solver(void *arg, TermMgr *tm) {
  CheckOptions o = *(const CheckOptions *)arg;
  o.dump_cnf = NULL;
  o.dump_smt2 = NULL;
  return new_solver(&o, tm);
}

/* check_symbolic's answer when a set variable may hold a member outside
 * the universe its characteristic vector covers (charvec.h). */
enum { CV_RETRY = -2 };

static int bmc_run(const Spec *spec, const CheckOptions *opt, bool charvec) {
  Bmc b = {0};
  b.spec = spec;
  b.opt = opt;
  b.tm = term_mgr_new();
  b.solver = new_solver(opt, b.tm);
  b.enc = enc_new(spec, b.tm);
  b.st = bst_new(opt->stats, spec, b.tm, b.solver, b.enc);
  b.cv = charvec ? cv_plan_new(spec) : NULL;
  b.sb = opt->no_symmetry ? NULL : sb_new(spec);
  b.dc = dead_cells_new(spec->nvars);
  b.tg = opt->no_tighten ? NULL : tighten_new();
  b.ind = !opt->induct ? NULL
                         : induct_new(spec, b.tm, b.cv, opt->max_seq_len,
                                      induct_solver, (void *)opt);
  if (b.sb && opt->stats) {
    int n;
    Sym c = sb_constant(b.sb, &n);
    fprintf(stderr, "brink: stats symmetric in the %d elements of %s\n", n,
            sym_str(c));
  }
  if (opt->max_seq_len >= 0)
    enc_set_max_seq_len(b.enc, opt->max_seq_len);
  b.t0 = util_now();
  int K = opt->length;
  if (spec->actions.len == 0)
    fprintf(stderr, "brink: note: Next has no actions\n");

  int code = EXIT_OK;
  FailPoint fp;
  if (fail_push(&fp)) {
    /* An unsupported construct, or a stop taken up inside a long
     * encoding or translation (stop_poll). */
    stop_arm(false);
    status_idle();
    code = stop_requested() ? report_stopped_symbolic()
           : fp.code        ? fp.code
                            : EXIT_OTHER;
    goto done;
  }
  stop_arm(true);
  WdErrVec errs = {0};
  SymVal **s0;
  bst_enter(b.st);
  TermId g0 = enc_init(b.enc, &s0, &errs);
  bst_leave(b.st, BST_INIT, 0, true);
  keep_choices(&b);
  b.overflow = cv_rewrite_state(b.cv, s0);
  VEC_PUSH(b.frames, s0);
  if (errs.len) {
    SolverResult r = ask(&b, enc_any_error(b.tm, &errs, 0, errs.len));
    if (r == SOLVER_UNKNOWN) {
      code = unknown(&b);
      goto popped;
    }
    if (r == SOLVER_SAT) {
      /* Confirm with the evaluator, which prints the error itself. */
      const WdErr *w = which_wd(&b, &errs);
      char where[512];
      fprintf(stdout, "Error: an evaluation error occurs while computing "
                      "the initial states.\n");
      if (w)
        fprintf(stdout, "Error: %s: %s\n", loc_str(w->loc, where, sizeof where),
                w->msg);
      code = w && w->code ? w->code : EXIT_EVAL;
      goto popped;
    }
  }
  assert_term(&b, g0);
  if (b.sb)
    assert_term(&b, sb_frame(b.sb, s0));
  /* Dead ends matter where the lasso search may take this solver. */
  b.ends_watched = !opt->safety_only &&
                   spec_count_properties(spec, PROP_TEMPORAL) > 0 &&
                   !(spec->check_deadlock && spec->constraints.len == 0) &&
                   spec->action_constraints.len == 0 && !b.sb &&
                   !opt->lasso_replay && !opt->lasso_own_frames;
  for (int k = 0;; k++) {
    b.k = k;
    /* A satisfiable query of the last depth (a deadlock check, say)
     * disarmed the polls (ask): this depth's encoding takes stops again. */
    stop_arm(true);
    /* Invariants (and their evaluation) in frame k. */
    errs.len = 0;
    VEC(TermId) bad = {0};
    for (size_t i = 0; i < spec->invariants.len; i++) {
      bst_enter(b.st);
      VEC_PUSH(bad, term_mk_not(b.tm, enc_pred(b.enc, k, spec->invariants.data[i].expr,
                                               b.frames.data[k], NULL, &errs)));
      bst_leave(b.st, BST_INV, i, true);
    }
    /* PROPERTY conjuncts TLC checks on states and steps: []P in every
     * state, P in the initial states, [][A]_v on the step into frame k. */
    for (size_t i = 0; i < spec->properties.len; i++) {
      const Property *p = &spec->properties.data[i];
      TermId holds = TERM_NONE;
      bst_enter(b.st);
      if (p->kind == PROP_ALWAYS || (p->kind == PROP_INIT && k == 0)) {
        holds = enc_pred(b.enc, k, p->expr, b.frames.data[k], NULL, &errs);
      } else if (p->kind == PROP_ACTION && k > 0) {
        holds = enc_action_prop(b.enc, k - 1, p->expr, p->sub, b.frames.data[k - 1],
                                b.frames.data[k], &errs);
      }
      bst_leave(b.st, BST_PROP, 0, true);
      if (holds)
        VEC_PUSH(bad, term_mk_not(b.tm, holds));
    }
    /* One query per invariant and property, in the config's order, then
     * one for the evaluation errors: each proved part is asserted as a
     * lemma (frames 0..k entail it; redundant for the semantics, it
     * prunes the later parts and every deeper query: Apa3Paxos at length
     * 13, 212 s without, 17 s with). */
    /* Parts one step proves (induct.h) are lemmas without a question. */
    size_t nparts = bad.len;
    bool *proved = xcalloc(nparts + 1, sizeof *proved);
    if (b.ind && k > 0) {
      bst_enter(b.st);
      induct_step(b.ind, k, b.frames.data[k - 1], proved, nparts);
      bst_leave(b.st, BST_INDUCT, 0, false);
    }
    VEC_PUSH(bad, term_mk_or2(b.tm, enc_any_error(b.tm, &errs, 0, errs.len),
                              b.overflow));
    SolverResult r = SOLVER_UNSAT;
    bst_enter(b.st);
    for (size_t i = 0; i < bad.len && r == SOLVER_UNSAT; i++) {
      if (i < nparts && proved[i]) { /* where no member overflows */
        assert_term(&b, term_mk_or2(b.tm, term_mk_not(b.tm, bad.data[i]),
                                    b.overflow));
        continue;
      }
      r = ask(&b, bad.data[i]);
      if (r == SOLVER_UNSAT)
        assert_term(&b, term_mk_not(b.tm, bad.data[i]));
    }
    bst_leave(b.st, BST_INV, SIZE_MAX, false);
    free(proved);
    VEC_FREE(bad);
    if (r == SOLVER_UNKNOWN) {
      code = unknown(&b);
      goto popped;
    }
    if (r == SOLVER_SAT && solver_value_bool(b.solver, b.overflow)) {
      code = CV_RETRY;
      goto popped;
    }
    if (r == SOLVER_SAT) {
      if (which_wd(&b, &errs)) {
        code = report_eval_error(&b, &errs, k, false);
        goto popped;
      }
      Trace t = decode(&b, k);
      char *why;
      if (!trace_replay(spec, &t, &why)) {
        code = internal_replay_failure(why);
        goto popped;
      }
      code = report_violation(&b, &t, k);
      goto popped;
    }
    report_depth_checked(k, solver_describe(b.solver)); /* progress line */
    bst_depth(b.st, k, b.frames.data[k]);
    if (k == K && !spec->check_deadlock)
      break;
    report_step_begun(k, spec->check_deadlock);
    /* Frame k must be in the model to be explored further. */
    errs.len = 0;
    VEC(TermId) keep = {0};
    bst_enter(b.st);
    for (size_t i = 0; i < spec->constraints.len; i++)
      VEC_PUSH(keep, enc_pred(b.enc, k, spec->constraints.data[i].expr,
                              b.frames.data[k], NULL, &errs));
    if (k > 0) /* at the level of the step's first state */
      for (size_t i = 0; i < spec->action_constraints.len; i++)
        VEC_PUSH(keep, enc_pred(b.enc, k - 1, spec->action_constraints.data[i].expr,
                                b.frames.data[k - 1], b.frames.data[k], &errs));
    bst_leave(b.st, BST_CONSTRAINT, 0, true);
    size_t cons_errs = errs.len;
    SymVal **next;
    TermId mark = term_count(b.tm);
    bst_enter(b.st);
    TermId g = enc_next(b.enc, k, b.frames.data[k], &next, &errs);
    bst_leave(b.st, BST_NEXT, 0, true);
    keep_choices(&b);
    b.overflow = cv_rewrite_state(b.cv, next);
    TermId kept = TERM_NONE; /* the successor's CONSTRAINTs */
    if (b.ends_watched && k < K && !(kept = successor_kept(&b, k, next)))
      b.ends_watched = false;
    /* The new frame's values as variables of its own (freshen.h), where
     * sets are vectors: measured, it pays there (Z3 on UploaderFixed,
     * depth 8: 9.5 s -> 2.5 s) and costs elsewhere (Z3 on Apalache's
     * TwoPhase, 10 steps: 0.23 s -> 0.35 s). */
    if (!opt->no_freshen && cv_plan_size(b.cv) > 0)
      assert_term(&b, fr_state(next, spec->nvars));
    bool may_err = errs.len > 0;
    TermId no_step_errs = term_true(b.tm);
    if (may_err && b.ind) { /* a one-state question first (induct.h) */
      bst_enter(b.st);
      may_err = !induct_no_step_errors(b.ind, k, b.frames.data[k]);
      bst_leave(b.st, BST_INDUCT, 0, false);
    }
    if (may_err) {
      /* Constraint errors happen in frame k; step errors only for states
       * inside the model. */
      TermId inmodel = term_mk_and(b.tm, keep.data, keep.len);
      TermId step_errs = enc_any_error(b.tm, &errs, cons_errs, errs.len);
      TermId q2 = term_mk_or2(b.tm, enc_any_error(b.tm, &errs, 0, cons_errs),
                              term_mk_and2(b.tm, inmodel, step_errs));
      bst_enter(b.st);
      r = ask(&b, q2);
      bst_leave(b.st, BST_ERRORS, 0, false);
      if (r == SOLVER_UNKNOWN) {
        code = unknown(&b);
        goto popped;
      }
      if (r == SOLVER_SAT) {
        code = report_eval_error(&b, &errs, k, true);
        goto popped;
      }
      /* Proved, and handed to this frame's deadlock question alone: it
       * meets the same choices (SlidingPuzzles, 5 steps: 5.8-6.8 s ->
       * 4.4-5.3 s), while asserted for every later query it slowed the
       * NanoBlockchain models by a quarter to a third. */
      no_step_errs = term_mk_not(b.tm, q2);
    }
    report_step_errors_checked();
    for (size_t i = 0; i < keep.len; i++)
      assert_term(&b, keep.data[i]);
    VEC_FREE(keep);
    if (spec->check_deadlock) {
      bst_enter(b.st);
      code = find_deadlock(&b, k, g, mark, no_step_errs);
      bst_leave(b.st, BST_DEADLOCK, 0, false);
      if (code != EXIT_OK)
        goto popped;
      report_deadlock_checked();
    }
    if (k == K)
      break;
    if (b.ends_watched) {
      bst_enter(b.st);
      int shown = no_dead_end(&b, k, g, kept, mark);
      bst_leave(b.st, BST_DEAD_ENDS, 0, false);
      if (shown < 0) {
        code = report_stopped_symbolic();
        goto popped;
      }
      b.ends_watched = shown;
    }
    VEC_PUSH(b.frames, next);
    assert_term(&b, g);
    if (b.sb) /* one behaviour of each renaming (symbreak.h) */
      assert_term(&b, sb_frame(b.sb, next));
    /* The last frame is not trimmed: only its own queries would use the
     * smaller value, and proving its new cells dead costs about as much
     * as those queries (SDP_Attack_Spec at 10 steps: 1.0 s of 2.6 s). */
    if (!opt->no_trim && k + 1 < K) {
      bst_enter(b.st);
      assert_fact(&b, enc_take_axioms(b.enc));
      dead_cells_drop(b.dc, b.solver, b.tm, b.frames.data[k],
                      b.frames.data[k + 1], NULL, 0);
      bst_leave(b.st, BST_TRIM, 0, false);
    }
    if (!opt->no_pack) {
      bst_enter(b.st);
      pack_cells_frame(b.solver, b.tm, b.frames.data[k], b.frames.data[k + 1],
                       spec->nvars, NULL, 0);
      bst_leave(b.st, BST_PACK, 0, false);
    }
    /* Frame k+1's integers as variables with the bounds proved for them
     * (tighten.h), where a frame is still to be built from it. */
    if (b.tg && (k + 1 < K || spec->check_deadlock)) {
      bst_enter(b.st);
      assert_fact(&b, enc_take_axioms(b.enc));
      assert_term(&b, tighten_frame(b.tg, b.solver, b.tm, k + 1,
                                    b.frames.data[k], b.frames.data[k + 1],
                                    spec->nvars));
      bst_leave(b.st, BST_BOUNDS, 0, false);
    }
  }
  const char *caveat = solver_caveat(b.solver);
  if (caveat)
    fprintf(stderr, "brink: warning: %s\n", caveat);
  char seqs[96] = "";
  if (enc_seq_bound(b.enc))
    snprintf(seqs, sizeof seqs,
             "; sequences chosen from Seq(S) have at most %d elements "
             "(--max-seq-len)",
             enc_seq_bound(b.enc));
  Checks by = {false, false, NULL};
  /* Liveness: lassos of up to K steps, on a solver of their own. */
  if (!opt->safety_only && spec_count_properties(spec, PROP_TEMPORAL)) {
    LassoOptions lo = {opt->max_seq_len, opt->debug_ask, opt->debug_lasso,
                       opt->corrupt_model, b.cv, opt->no_freshen,
                       opt->stats, lasso_solver, (void *)opt,
                       opt->no_trim, opt->no_pack, opt->lazy_enabled, NULL};
    /* The frames built here, where they are the lasso's (lasso.h): not
     * under symmetry breaking, whose facts keep one behaviour of each
     * renaming, which a temporal property may tell apart; nor with
     * TLCGet("level"), which the lasso refuses for its steps. */
    const TermId *lv;
    LassoFrames lf = {b.frames.data, b.frames.len, b.facts.data,
                      b.tags.data, b.facts.len, b.choice_ids.data,
                      b.choice_vals.data, b.choice_ids.len, NULL,
                      enc_seq_bound(b.enc)};
    if (((spec->check_deadlock && spec->constraints.len == 0) ||
         b.ends_watched) &&
        !opt->lasso_replay)
      lf.solver = b.solver;
    if (!b.sb && !enc_level_vars(b.enc, &lv) && !opt->lasso_own_frames)
      lo.frames = &lf;
    code = lasso_check(spec, b.tm, new_solver(opt, b.tm), K, &lo, &by);
    if (code != EXIT_OK)
      goto popped;
  }
  char what[512];
  checked_describe(spec, &by, what, sizeof what);
  fprintf(stdout,
          "brink: no invariant is violated in executions of up to %d steps "
          "(%s%s; backend %s). Time: %.2f s.\n",
          K, what, seqs, solver_describe(b.solver), util_now() - b.t0);
  code = checked_finish(stdout, spec, &by, opt->safety_only);
popped:
  stop_arm(false);
  bst_summary(b.st);
  fail_pop(&fp);
done:
  cv_plan_delete(b.cv);
  sb_delete(b.sb);
  dead_cells_delete(b.dc);
  tighten_delete(b.tg);
  induct_delete(b.ind);
  bst_delete(b.st);
  VEC_FREE(b.asserted);
  VEC_FREE(b.facts);
  VEC_FREE(b.tags);
  enc_delete(b.enc);
  solver_delete(b.solver);
  term_mgr_delete(b.tm);
  return code;
}

int check_symbolic(const Spec *spec, const CheckOptions *opt) {
  int code = bmc_run(spec, opt, !opt->no_charvec);
  if (code == CV_RETRY) {
    fprintf(stderr, "brink: note: a set variable may hold a value outside "
                    "the universe its invariant names; checking again with "
                    "sets as lists of cells\n");
    code = bmc_run(spec, opt, false);
  }
  return code;
}
