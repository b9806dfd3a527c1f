/* report_tla.h -- a counterexample as a TLA+ trace module (--trace-module),
 * in the shape of the ..._TTrace_... modules TLC writes, so that brink and
 * TLC can both check it: the module EXTENDS the spec, _trace is the
 * sequence of states (records, one field per variable), _init and _next
 * follow it step by step with TLCGet("level"), and _inv fails in its last
 * state; a `---- CONFIG Name ----` section gives INIT _init, NEXT _next,
 * INVARIANT _inv, the model's constants and _TETrace <- _trace.  Checking
 * the module reproduces the trace: exit 12, invariant _inv. */
#ifndef BRINK_REPORT_TLA_H
#define BRINK_REPORT_TLA_H

#include <stdio.h>

#include "cfg.h"
#include "spec.h"
#include "trace.h"

/* Writes the module named after path's base name (without .tla) to out;
 * cfg: the model (its CONSTANT lines are repeated), or NULL. */
void report_trace_module(FILE *out, const char *path, const Spec *spec,
                         const Trace *t, const Config *cfg);

#endif
