/* checked.h -- what a run checked, and what it left unchecked.
 *
 * A run may end with exit 0 only when everything the user asked for was
 * checked and holds (within the stated bound).  The config asks for
 * invariants, PROPERTY conjuncts (classified by spec.h), deadlock, and,
 * through the SPECIFICATION, fairness.  Fairness matters only to liveness:
 * it restricts which behaviours a temporal property must hold on, and no
 * safety verdict depends on it (TLC ignores it too when there is no
 * temporal property).
 *
 * An engine that does not check liveness leaves every PROP_TEMPORAL
 * conjunct and, when there is one, every fairness conjunct unchecked; it
 * then ends with exit 255 and one located line per formula, unless the
 * user opted out with --safety-only, which the summary then states. */
#ifndef BRINK_CHECKED_H
#define BRINK_CHECKED_H

#include <stdbool.h>
#include <stdio.h>

#include "spec.h"

/* What an engine can check beyond invariants, PROPERTY conjuncts that
 * are state or action checks, and deadlock. */
typedef struct Checks {
  bool liveness;      /* temporal properties under fairness */
  bool postcondition; /* the POSTCONDITION, after a complete search */
  const char *liveness_why; /* why liveness was not checked (NULL: this
                             * engine does not check it) */
} Checks;

/* How many formulas an engine that checks `by` leaves unchecked. */
size_t checked_unchecked_count(const Spec *s, const Checks *by);

/* One located line per unchecked formula:
 *   brink: not checked: temporal property P at Spec.tla:12:3 ... */
void checked_print_unchecked(FILE *out, const Spec *s, const Checks *by);

/* What the run checks, for a summary line: "2 invariants checked in every
 * state, 1 property in the initial states, 1 action property on every
 * step, deadlock" (or "nothing but the behaviours' evaluation" when the
 * config asks for nothing).  Temporal properties are named only when
 * `liveness` is set. */
void checked_describe(const Spec *s, const Checks *by, char *buf, size_t n);

/* The end of a run that found no error: returns EXIT_OK when nothing is
 * left unchecked, else prints what was not checked and returns EXIT_OTHER
 * (255).  With safety_only, unchecked liveness is left out on purpose: one
 * line says so, and it alone does not make the run fail. */
int checked_finish(FILE *out, const Spec *s, const Checks *by,
                   bool safety_only);
/* Is anything left unchecked that safety_only does not excuse? */
bool checked_incomplete(const Spec *s, const Checks *by, bool safety_only);

#endif
