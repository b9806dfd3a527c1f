/* report_itf.h -- a trace in the Informal Trace Format (ITF), the JSON
 * trace format of Apalache (its ADR-015): an object with "#meta", "vars"
 * (the variables' names) and "states" (one object per state, variable
 * name to value, with "#meta": {"index": i}).  Values: Booleans and
 * strings as themselves, integers as numbers (as {"#bigint": "..."} past
 * 2^53), sets as {"#set": [...]}, a function over 1..n (a sequence or a
 * tuple: brink's values do not tell them apart) as an array, a record
 * (string keys) as an object, any other function as {"#map": [[k, v],
 * ...]}, a model value as its name (a string).  No trace: "states" is []. */
#ifndef BRINK_REPORT_ITF_H
#define BRINK_REPORT_ITF_H

#include <jansson.h>

#include "spec.h"
#include "trace.h"

/* spec may be NULL when t->n is 0. */
json_t *report_itf(const Spec *spec, const Trace *t);
json_t *report_itf_value(const Value *v);
/* The JSON of a value as --json writes it (report_json.c). */
json_t *report_value_json(const Value *v);

#endif
