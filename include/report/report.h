/* report.h -- what one run established, and the reports made from it.
 *
 * One result record per process (DESIGN.md, decision 11): the CLI opens
 * it with the run's settings, the engines fill it through a few hooks as
 * they print their text (depth checked, state counts, the property
 * violated, the counterexample shown: trace.c hands it over), and at the
 * end report_finish() turns the exit code into a status and writes the
 * record as JSON (--json, one object; tests/json/brink-result.schema.json
 * is its schema), the trace as ITF (--itf, Apalache's Informal Trace
 * Format) and as a TLA+ trace module (--trace-module, report_tla.h).  Everything here is a no-op until report_start() runs, so the
 * engines work the same inside the unit tests. */
#ifndef BRINK_REPORT_H
#define BRINK_REPORT_H

#include <stdint.h>

#include "cfg.h"
#include "spec.h"
#include "trace.h"

typedef struct ReportConfig {
  const char *json_path; /* NULL: none; "-": stdout (the text goes to stderr) */
  const char *itf_path;  /* NULL: none; "-": stdout */
  const char *trace_module; /* --trace-module: NULL or a .tla path */
  bool quiet;            /* no progress lines on stderr */
  const char *engine;    /* "symbolic" or "explicit" */
  const char *backend;   /* as asked for: "z3", "cadical", "auto" */
  const char *spec_path;
  int length; /* the bound asked for (steps); -1 when none */
} ReportConfig;

/* Opens the record (the clock starts); a JSON or ITF file that cannot be
 * written is reported now, as false, before any work is done. */
bool report_start(const ReportConfig *c);

/* The model once read (--trace-module repeats its constants). */
void report_set_model(const Config *cfg);

/* ---- hooks for the engines ---- */

/* Symbolic: every state reachable in up to `depth` steps satisfies the
 * invariants.  Prints the progress line "brink: depth D checked (T s)" on
 * stderr unless --quiet.  backend: the solver as the summary names it. */
void report_depth_checked(int depth, const char *backend);
/* Symbolic: the step from the states at `depth` steps is being examined
 * (the evaluation errors Next may hit there and, when `deadlock`, whether
 * each has a successor); the other two say which part is done.  A stop
 * before both are done says so. */
void report_step_begun(int depth, bool deadlock);
void report_step_errors_checked(void);
void report_deadlock_checked(void);
/* Symbolic, the lasso search that follows the whole bound: no lasso of up
 * to k steps violates temporal property `property` (k = 0: its search has
 * begun).  Nothing is printed; a stop reports it. */
void report_lassos_checked(const char *property, int k);
/* Explicit: the counts as TLC prints them; depth: the steps of the longest
 * shortest path found (TLC prints depth + 1: it counts states). */
void report_states(uint64_t generated, uint64_t distinct, int depth);
/* Explicit, as the search goes: every state reachable in up to
 * complete_depth steps is among the `distinct` found, and none has shown
 * an error; what a stop with no safe point (out of memory, the grace
 * period) reports. */
void report_explored(uint64_t distinct, int complete_depth);
/* The property a counterexample violates: kind "invariant", "property" or
 * "action property". */
void report_property_violated(const char *kind, const char *name);
/* The counterexample shown (a replayed trace). */
void report_trace(const Spec *spec, const Trace *t);
/* A stop (stop.h) seen by the engine: prints on stdout what was
 * established -- symbolic: the depth fully checked and, in the lasso
 * search, the lassos searched per temporal property; explicit: the states
 * found and the depth every state up to which was found -- and returns
 * the exit code (stop_exit_code). */
int report_stopped_symbolic(void);
int report_stopped_explicit(uint64_t distinct, int complete_depth);

/* Ends the run: the status follows from the exit code (and a stop); the
 * JSON and ITF are written.  Returns code. */
int report_finish(int code);

#endif
