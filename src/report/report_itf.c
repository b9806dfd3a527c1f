/* report_itf.c -- the ITF trace (report_itf.h).
 *
 * A direct walk over the values; the tests read the file back with a
 * reader of their own and compare it with the printed trace. */
#include "report_itf.h"

#include <string.h>

static json_t *itf_int(const Value *v) {
  int64_t x;
  if (val_int_fits(v, &x) && x < ((int64_t)1 << 53) && x > -((int64_t)1 << 53))
    return json_integer((json_int_t)x);
  char *s = val_to_string(v);
  json_t *j = json_pack("{s:s}", "#bigint", s);
  free(s);
  return j;
}

json_t *report_itf_value(const Value *v) {
  switch (v->kind) {
  case V_BOOL:
    return json_boolean(v->u.b);
  case V_INT:
    return itf_int(v);
  case V_STR:
    return json_string(sym_str(v->u.str));
  case V_MODEL:
    return json_string(sym_str(v->u.model.name));
  case V_SET: {
    json_t *a = json_array();
    for (uint32_t i = 0; i < v->u.set.n; i++)
      json_array_append_new(a, report_itf_value(v->u.set.elems[i]));
    return json_pack("{s:o}", "#set", a);
  }
  case V_FUN: {
    if (val_is_seq(v)) {
      json_t *a = json_array();
      for (uint32_t i = 0; i < v->u.fun.n; i++)
        json_array_append_new(a, report_itf_value(v->u.fun.vals[i]));
      return a;
    }
    if (val_is_record(v)) {
      json_t *o = json_object();
      for (uint32_t i = 0; i < v->u.fun.n; i++)
        json_object_set_new(o, sym_str(v->u.fun.keys[i]->u.str),
                            report_itf_value(v->u.fun.vals[i]));
      return o;
    }
    json_t *pairs = json_array();
    for (uint32_t i = 0; i < v->u.fun.n; i++)
      json_array_append_new(pairs,
                            json_pack("[o, o]",
                                      report_itf_value(v->u.fun.keys[i]),
                                      report_itf_value(v->u.fun.vals[i])));
    return json_pack("{s:o}", "#map", pairs);
  }
  default: {
    char *s = val_to_string(v);
    json_t *j = json_pack("{s:s}", "#unserializable", s);
    free(s);
    return j;
  }
  }
}

json_t *report_itf(const Spec *spec, const Trace *t) {
  json_t *vars = json_array();
  json_t *states = json_array();
  for (int i = 0; spec && i < t->n; i++) {
    json_t *s = json_pack("{s:{s:i}}", "#meta", "index", i);
    for (int v = 0; v < spec->nvars; v++)
      json_object_set_new(s, sym_str(spec->prog->vars.data[v]->name),
                          report_itf_value(t->states[i][v]));
    json_array_append_new(states, s);
  }
  for (int v = 0; spec && v < spec->nvars; v++)
    json_array_append_new(vars,
                          json_string(sym_str(spec->prog->vars.data[v]->name)));
  json_t *meta = json_pack(
      "{s:s, s:s, s:s}", "format", "ITF", "format-description",
      "https://apalache-mc.org/docs/adr/015adr-trace.html", "description",
      t->n ? "a counterexample found by brink" : "brink found no counterexample");
  return json_pack("{s:o, s:o, s:o}", "#meta", meta, "vars", vars, "states",
                   states);
}
