/* checked.c -- the account of a run: what was checked, what was not.
 *
 * Both engines end a run that found no error here, so that the rule "exit
 * 0 only when everything asked for was checked" lives in one place.  The
 * formulas an engine may leave unchecked are the temporal PROPERTY
 * conjuncts and, when there is at least one of those, the SPECIFICATION's
 * fairness conjuncts (which only liveness uses), and the POSTCONDITION;
 * each is printed with its location in the spec and, for a property, the
 * config entry that asked for it. */
#include "checked.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "print.h"

static size_t unchecked_liveness(const Spec *s, const Checks *by) {
  if (by->liveness)
    return 0;
  size_t n = spec_count_properties(s, PROP_TEMPORAL);
  return n ? n + s->fairness.len : 0;
}

static bool unchecked_post(const Spec *s, const Checks *by) {
  return s->postcondition.expr && !by->postcondition;
}

size_t checked_unchecked_count(const Spec *s, const Checks *by) {
  return unchecked_liveness(s, by) + unchecked_post(s, by);
}

bool checked_incomplete(const Spec *s, const Checks *by, bool safety_only) {
  return unchecked_post(s, by) || (!safety_only && unchecked_liveness(s, by));
}

static void print_liveness(FILE *out, const Spec *s, const char *why) {
  char where[512], cfgw[512];
  for (size_t i = 0; i < s->properties.len; i++) {
    const Property *p = &s->properties.data[i];
    if (p->kind != PROP_TEMPORAL)
      continue;
    fprintf(out, "brink: not checked: temporal property %s at %s",
            sym_str(p->name), loc_str(p->loc, where, sizeof where));
    if (p->cfg_loc.file)
      fprintf(out, " (PROPERTY at %s)", loc_str(p->cfg_loc, cfgw, sizeof cfgw));
    fprintf(out, ": %s\n",
            why ? why
                : "this engine does not check liveness (--engine explicit "
                  "does)");
  }
  for (size_t i = 0; i < s->fairness.len; i++) {
    const Named *f = &s->fairness.data[i];
    char *text = print_expr_str(f->expr);
    if (strlen(text) > 60)
      strcpy(text + 56, " ...");
    fprintf(out, "brink: not checked: fairness condition %s at %s: used "
                 "only by liveness checking\n",
            f->name ? sym_str(f->name) : text,
            loc_str(f->loc, where, sizeof where));
    free(text);
  }
}

void checked_print_unchecked(FILE *out, const Spec *s, const Checks *by) {
  if (unchecked_liveness(s, by))
    print_liveness(out, s, by->liveness_why);
  if (unchecked_post(s, by)) {
    char where[512];
    fprintf(out, "brink: not checked: POSTCONDITION %s at %s: it is "
                 "evaluated after a complete search, which this engine does "
                 "not make (--engine explicit evaluates it)\n",
            sym_str(s->postcondition.name),
            loc_str(s->postcondition.loc, where, sizeof where));
  }
}

/* Appends ", " (or nothing at the start) and the text. */
static void add(char *buf, size_t n, const char *text) {
  size_t len = strlen(buf);
  if (len + 3 >= n)
    return;
  snprintf(buf + len, n - len, "%s%s", len ? ", " : "", text);
}

void checked_describe(const Spec *s, const Checks *by, char *buf, size_t n) {
  char part[128];
  buf[0] = 0;
  size_t ninv = s->invariants.len + spec_count_properties(s, PROP_ALWAYS);
  if (ninv) {
    snprintf(part, sizeof part, "%zu invariant%s checked in every state",
             ninv, ninv == 1 ? "" : "s");
    add(buf, n, part);
  }
  size_t ninit = spec_count_properties(s, PROP_INIT);
  if (ninit) {
    snprintf(part, sizeof part, "%zu propert%s in the initial states", ninit,
             ninit == 1 ? "y" : "ies");
    add(buf, n, part);
  }
  size_t nact = spec_count_properties(s, PROP_ACTION);
  if (nact) {
    snprintf(part, sizeof part, "%zu action propert%s on every step", nact,
             nact == 1 ? "y" : "ies");
    add(buf, n, part);
  }
  size_t ntemp = spec_count_properties(s, PROP_TEMPORAL);
  if (ntemp && by->liveness) {
    snprintf(part, sizeof part, "%zu temporal propert%s%s", ntemp,
             ntemp == 1 ? "y" : "ies",
             s->fairness.len ? " under fairness" : "");
    add(buf, n, part);
  }
  if (s->check_deadlock)
    add(buf, n, "deadlock");
  if (s->postcondition.expr && by->postcondition)
    add(buf, n, "the POSTCONDITION");
  if (!buf[0])
    snprintf(buf, n, "no invariant, property or deadlock: only that the "
                     "behaviours can be computed");
}

int checked_finish(FILE *out, const Spec *s, const Checks *by,
                   bool safety_only) {
  size_t live = unchecked_liveness(s, by);
  if (safety_only && live) {
    size_t nt = spec_count_properties(s, PROP_TEMPORAL);
    fprintf(out, "brink: --safety-only: %zu temporal propert%s and %zu "
                 "fairness condition%s were not checked, as asked.\n",
            nt, nt == 1 ? "y" : "ies", s->fairness.len,
            s->fairness.len == 1 ? "" : "s");
  }
  if (!checked_incomplete(s, by, safety_only))
    return EXIT_OK;
  Checks shown = *by;
  if (safety_only)
    shown.liveness = true; /* excused: listed above */
  checked_print_unchecked(out, s, &shown);
  size_t n = checked_unchecked_count(s, &shown);
  fprintf(out, "brink: the check is incomplete: %zu formula%s above %s not "
               "checked, so no verdict is given for %s (exit 255%s).\n",
          n, n == 1 ? "" : "s", n == 1 ? "was" : "were",
          n == 1 ? "it" : "them",
          live && !safety_only ? "; --safety-only checks the rest and exits 0"
                               : "");
  return EXIT_OTHER;
}
