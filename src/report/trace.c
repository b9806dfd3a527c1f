/* trace.c -- replaying and printing counterexamples.
 *
 * Replay runs the concrete evaluator over the decoded states under a
 * recovery point, so that a model the solver got wrong (or a bug in the
 * encoder) is caught as a failed replay instead of shown to the user.
 *
 * A step is headed by its action as TLC names it: the definition and the
 * values of its arguments in that step (`<Step(p1) line 6, ...>`), found by
 * evaluating the action's path again on the step (eval_action_params).
 * The trace printed on stdout is the run's counterexample, and is also
 * handed to the result record (report.h) for --json and --itf. */
#include "trace.h"

#include <string.h>

#include "eval.h"
#include "report.h"

static bool holds(const Spec *spec, Expr *e, Value **cur, Value **next,
                  char **why, const char *what) {
  EvalState st = {spec, cur, next};
  FailPoint fp;
  void *old = diag_mute();
  bool ok = false;
  if (fail_push(&fp) == 0) {
    ok = eval_bool(&st, e, what);
    fail_pop(&fp);
    if (!ok)
      *why = xsprintf("%s does not hold", what);
  } else {
    *why = xsprintf("evaluating %s failed", what);
  }
  diag_unmute(old);
  return ok;
}

/* Does the step satisfy action a?  An evaluation error counts as no. */
static bool action_holds(const EvalState *st, const Action *a) {
  FailPoint fp;
  void *old = diag_mute();
  bool ok = false;
  if (fail_push(&fp) == 0) {
    ok = eval_action_holds(st, a);
    fail_pop(&fp);
  }
  diag_unmute(old);
  return ok;
}

/* Replays with TLCGet("level") as TLC has it: 0 in Init, the level of the
 * state a step starts from in Next, the state's own in a CONSTRAINT. */
static bool replay(const Spec *spec, Trace *t, char **why);

bool trace_replay(const Spec *spec, Trace *t, char **why) {
  int level = eval_set_level(-1);
  bool ok = replay(spec, t, why);
  eval_set_level(level);
  return ok;
}

static bool replay(const Spec *spec, Trace *t, char **why) {
  *why = NULL;
  if (t->n < 1) {
    *why = xstrdup("the trace is empty");
    return false;
  }
  for (int i = 0; i < t->n; i++)
    for (int v = 0; v < spec->nvars; v++)
      if (!t->states[i][v]) {
        *why = xsprintf("state %d has no value for a variable", i + 1);
        return false;
      }
  eval_set_level(0);
  if (!holds(spec, spec->init, t->states[0], NULL, why, "Init in state 1"))
    return false;
  t->actions[0] = -1;
  for (int i = 0; i + 1 < t->n; i++) {
    char what[64];
    eval_set_level(i + 1);
    for (size_t c = 0; c < spec->constraints.len; c++) {
      snprintf(what, sizeof what, "CONSTRAINT %s in state %d",
               sym_str(spec->constraints.data[c].name), i + 1);
      if (!holds(spec, spec->constraints.data[c].expr, t->states[i], NULL, why,
                 what))
        return false;
    }
    eval_set_level(i);
    if (i > 0)
      for (size_t c = 0; c < spec->action_constraints.len; c++) {
        snprintf(what, sizeof what, "ACTION_CONSTRAINT %s on step %d",
                 sym_str(spec->action_constraints.data[c].name), i);
        if (!holds(spec, spec->action_constraints.data[c].expr,
                   t->states[i - 1], t->states[i], why, what))
          return false;
      }
    eval_set_level(i + 1);
    snprintf(what, sizeof what, "Next on step %d -> %d", i + 1, i + 2);
    if (!holds(spec, spec->next, t->states[i], t->states[i + 1], why, what))
      return false;
    t->actions[i + 1] = -2;
    EvalState st = {spec, t->states[i], t->states[i + 1]};
    for (size_t a = 0; a < spec->actions.len; a++)
      if (action_holds(&st, &spec->actions.data[a])) {
        t->actions[i + 1] = (int)a;
        break;
      }
  }
  return true;
}

int trace_step_params(const Spec *spec, const Trace *t, int i,
                      Value **params, int max, const Def **def) {
  *def = NULL;
  int a = t->actions && i > 0 ? t->actions[i] : -1;
  if (a < 0)
    return -1;
  EvalState st = {spec, t->states[i - 1], t->states[i]};
  FailPoint fp;
  void *old = diag_mute();
  int level = eval_set_level(i); /* as in the replay: the source's level */
  int n = -1;
  if (fail_push(&fp) == 0) {
    n = eval_action_params(&st, &spec->actions.data[a], params, max, def);
    fail_pop(&fp);
  }
  eval_set_level(level);
  diag_unmute(old);
  return n;
}

char *trace_step_label(const Spec *spec, const Trace *t, int i) {
  int a = t->actions && i > 0 ? t->actions[i] : -1;
  if (a < 0)
    return xstrdup(i == 0 || a == -1 ? "Initial predicate" : "Next");
  const Action *ac = &spec->actions.data[a];
  Value *params[TRACE_MAX_PARAMS];
  const Def *def;
  int n = trace_step_params(spec, t, i, params, TRACE_MAX_PARAMS, &def);
  if (n <= 0)
    return xstrdup(ac->name);
  size_t len = strlen(ac->name) + 3;
  char **texts = xmalloc((size_t)n * sizeof *texts);
  for (int k = 0; k < n; k++) {
    texts[k] = val_to_string(params[k]);
    len += strlen(texts[k]) + 1;
  }
  char *s = xmalloc(len);
  char *p = s + sprintf(s, "%s(", ac->name);
  for (int k = 0; k < n; k++) {
    p += sprintf(p, "%s%s", k ? "," : "", texts[k]);
    free(texts[k]);
  }
  strcpy(p, ")");
  free(texts);
  return s;
}

void trace_print_binding(FILE *out, const char *name, const char *value,
                         int count) {
  fprintf(out, "%s%s = %s\n", count > 1 ? "/\\ " : "", name, value);
}

/* With an ALIAS, TLC prints in place of state i the fields of the
 * alias's record, evaluated on the step from state i to the next one (the
 * last state is its own next), in the order a record constructor writes
 * them.  false (nothing printed) when the alias cannot be evaluated there
 * or is not a record: the variables are printed then. */
static bool print_alias(FILE *out, const Spec *spec, const Trace *t, int i) {
  Value **next = t->states[i + 1 < t->n ? i + 1 : i];
  EvalState st = {spec, t->states[i], next};
  FailPoint fp;
  Value *volatile r = NULL;
  if (fail_push(&fp) == 0) {
    r = eval_expr(&st, spec->alias);
    fail_pop(&fp);
  }
  if (!r || !val_is_record(r))
    return false;
  Expr *body = spec->alias;
  if (body->kind == EX_OP && body->ref.kind == REF_DEF &&
      body->ref.u.def->kind == DEF_OP)
    body = body->ref.u.def->body;
  bool written = body->kind == EX_RECORD &&
                 (uint32_t)body->nargs == r->u.fun.n;
  for (uint32_t k = 0; k < r->u.fun.n; k++) {
    Value *key = written ? val_str(body->fields[k]) : r->u.fun.keys[k];
    Value *v = val_fun_apply(r, key);
    char *s = val_to_string(v);
    trace_print_binding(out, sym_str(key->u.str), s, (int)r->u.fun.n);
    free(s);
  }
  return true;
}

/* State i's variables (or its ALIAS), then a blank line. */
static void print_state(FILE *out, const Spec *spec, const Trace *t, int i) {
  if (spec->alias && print_alias(out, spec, t, i)) {
    fputc('\n', out);
    return;
  }
  for (int v = 0; v < spec->nvars; v++) {
    char *s = val_to_string(t->states[i][v]);
    trace_print_binding(out, sym_str(spec->prog->vars.data[v]->name), s,
                        spec->nvars);
    free(s);
  }
  fputc('\n', out);
}

void trace_print(FILE *out, const Spec *spec, const Trace *t) {
  if (out == stdout)
    report_trace(spec, t);
  for (int i = 0; i < t->n; i++) {
    int a = t->actions ? t->actions[i] : -1;
    char *label = trace_step_label(spec, t, i);
    fprintf(out, "State %d: ", i + 1);
    if (i == 0 || a < 0)
      fprintf(out, "<%s>", label);
    else
      trace_print_action(out, spec, a, label);
    fputc('\n', out);
    free(label);
    print_state(out, spec, t, i);
  }
}

void trace_print_action(FILE *out, const Spec *spec, int a,
                        const char *label) {
  if (a < 0) {
    fprintf(out, "<Next>");
    return;
  }
  const Action *ac = &spec->actions.data[a];
  fprintf(out, "<%s line %u, col %u to line %u, col %u of module %s>",
          label ? label : ac->name, ac->loc.line, ac->loc.col, ac->loc.eline,
          ac->loc.ecol, ac->loc.file ? sym_str(ac->module) : "?");
}

void trace_print_initial_violation(FILE *out, const Spec *spec,
                                   const Trace *t, int inv,
                                   const Property *bad) {
  bool invariant = inv >= 0 || bad->kind == PROP_ALWAYS;
  const char *name =
      sym_str(inv >= 0 ? spec->invariants.data[inv].name : bad->name);
  report_property_violated(invariant ? "invariant" : "property", name);
  if (out == stdout)
    report_trace(spec, t);
  fprintf(out, "Error: %s %s is violated by the initial state:\n",
          invariant ? "Invariant" : "Property", name);
  print_state(out, spec, t, 0);
}

/* The invariant trace_violated_invariant is evaluating (left set when an
 * evaluation error unwinds out of it), or -1. */
static int inv_evaluated = -1;

int trace_violated_invariant(const Spec *spec, Value **s) {
  EvalState st = {spec, s, NULL};
  for (size_t i = 0; i < spec->invariants.len; i++) {
    inv_evaluated = (int)i;
    if (!eval_bool(&st, spec->invariants.data[i].expr, "an invariant")) {
      inv_evaluated = -1;
      return (int)i;
    }
  }
  inv_evaluated = -1;
  return -1;
}

int trace_failed_invariant(void) { return inv_evaluated; }

void trace_print_eval_failure(FILE *out, const Spec *spec) {
  const char *amsg = eval_assert_message();
  int inv = inv_evaluated;
  if (inv >= 0) {
    fprintf(out, "Error: Evaluating invariant %s failed.\n",
            sym_str(spec->invariants.data[inv].name));
    if (amsg)
      fprintf(out, "The first argument of Assert evaluated to FALSE; the "
                   "second argument was:\n%s\n",
              amsg);
  } else if (amsg) {
    fprintf(out, "Error: The first argument of Assert evaluated to FALSE; "
                 "the second argument was:\n%s\n",
            amsg);
  }
}

bool trace_property_holds(const Spec *spec, const Property *p, Value **s0,
                          Value **s1) {
  EvalState st1 = {spec, s1, NULL};
  if (p->kind != PROP_ACTION)
    return eval_bool(&st1, p->expr,
                     p->kind == PROP_INIT ? "a property" : "an invariant");
  /* As in TLC, v is compared first and A is evaluated only on a step that
   * changes v. */
  EvalState st0 = {spec, s0, NULL};
  if (eval_expr(&st0, p->sub) == eval_expr(&st1, p->sub))
    return true;
  EvalState st = {spec, s0, s1};
  return eval_bool(&st, p->expr, "an action property");
}

void trace_print_invariant_violation(FILE *out, const char *name) {
  report_property_violated("invariant", name);
  fprintf(out, "Error: Invariant %s is violated.\n", name);
}

void trace_print_property_violation(FILE *out, const Property *p) {
  report_property_violated(p->kind == PROP_ALWAYS ? "invariant"
                   : p->kind == PROP_INIT ? "property"
                                          : "action property",
                   sym_str(p->name));
  if (p->kind == PROP_ALWAYS)
    fprintf(out, "Error: Invariant %s is violated.\n", sym_str(p->name));
  else if (p->kind == PROP_INIT)
    fprintf(out, "Error: Property %s is violated by the initial state.\n",
            sym_str(p->name));
  else
    fprintf(out, "Error: Action property %s is violated.\n",
            sym_str(p->name));
}
