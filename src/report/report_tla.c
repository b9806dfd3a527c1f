/* report_tla.c -- the trace module (report_tla.h).
 *
 * Values are written with the value printer (TLA+ syntax, the same text as
 * the printed trace), so model values appear as bare names: as TLC does,
 * the module declares each one the spec does not define as a CONSTANT, and
 * the CONFIG section makes it a model value (p1 = p1), after the config's
 * own CONSTANT lines.  The module name must be the file's: TLC insists,
 * and brink looks the CONFIG section up by it. */
#include "report_tla.h"

#include <string.h>

#include "resolve.h"

typedef VEC(Sym) SymVec;

/* The model values in v that the spec does not define, once each. */
static void model_values(Program *prog, const Value *v, SymVec *out) {
  switch (v->kind) {
  case V_MODEL: {
    Sym s = v->u.model.name;
    for (size_t i = 0; i < out->len; i++)
      if (out->data[i] == s)
        return;
    if (program_lookup(prog, s).kind == REF_NONE)
      VEC_PUSH(*out, s);
    return;
  }
  case V_SET:
    for (uint32_t i = 0; i < v->u.set.n; i++)
      model_values(prog, v->u.set.elems[i], out);
    return;
  case V_FUN:
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      model_values(prog, v->u.fun.keys[i], out);
      model_values(prog, v->u.fun.vals[i], out);
    }
    return;
  default:
    return;
  }
}

static void cfg_value_print(FILE *out, const CfgValue *v) {
  switch (v->kind) {
  case CV_INT:
    fputs(v->text, out);
    break;
  case CV_STR:
    fprintf(out, "\"%s\"", sym_str(v->sym));
    break;
  case CV_BOOL:
    fputs(v->boolean ? "TRUE" : "FALSE", out);
    break;
  case CV_MODEL:
    fputs(sym_str(v->sym), out);
    break;
  case CV_SET:
    fputc('{', out);
    for (int i = 0; i < v->nelems; i++) {
      if (i)
        fputs(", ", out);
      cfg_value_print(out, v->elems[i]);
    }
    fputc('}', out);
    break;
  }
}

static void constants(FILE *out, const Config *cfg, const SymVec *mvs) {
  fprintf(out, "CONSTANTS\n");
  for (size_t i = 0; i < mvs->len; i++)
    fprintf(out, "    %s = %s\n", sym_str(mvs->data[i]),
            sym_str(mvs->data[i]));
  for (size_t i = 0; cfg && i < cfg->consts.len; i++) {
    const CfgConst *k = &cfg->consts.data[i];
    fprintf(out, "    %s", sym_str(k->name));
    for (int p = 0; p < k->nparams; p++)
      fprintf(out, "%s_p%d", p ? ", " : "(", p + 1);
    if (k->nparams)
      fputc(')', out);
    if (k->value) {
      fputs(" = ", out);
      if (k->module)
        fprintf(out, "[%s] ", sym_str(k->module));
      cfg_value_print(out, k->value);
    } else {
      fputs(" <- ", out);
      if (k->module)
        fprintf(out, "[%s] ", sym_str(k->module));
      fputs(sym_str(k->subst), out);
    }
    fputc('\n', out);
  }
  fprintf(out, "    _TETrace <- _trace\n");
}

static const char *var(const Spec *spec, int v) {
  return sym_str(spec->prog->vars.data[v]->name);
}

void report_trace_module(FILE *out, const char *path, const Spec *spec,
                         const Trace *t, const Config *cfg) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  if (n > 4 && strcmp(base + n - 4, ".tla") == 0)
    n -= 4;
  char *name = xstrndup(base, n);
  fprintf(out, "---- MODULE %s ----\n", name);
  fprintf(out, "EXTENDS Sequences, TLC, Toolbox, Naturals, %s\n\n",
          sym_str(spec->prog->root->name));
  SymVec mvs = {0};
  for (int i = 0; i < t->n; i++)
    for (int v = 0; v < spec->nvars; v++)
      model_values(spec->prog, t->states[i][v], &mvs);
  if (mvs.len) {
    fprintf(out, "\\* The model values of the trace, as the config has them.\n"
                 "CONSTANTS ");
    for (size_t i = 0; i < mvs.len; i++)
      fprintf(out, "%s%s", i ? ", " : "", sym_str(mvs.data[i]));
    fprintf(out, "\n\n");
  }
  fprintf(out, "\\* The counterexample brink found, one record per state.\n");
  fprintf(out, "_trace ==\n    <<\n");
  for (int i = 0; i < t->n; i++) {
    fprintf(out, "    [");
    for (int v = 0; v < spec->nvars; v++) {
      char *s = val_to_string(t->states[i][v]);
      fprintf(out, "%s%s |-> %s", v ? ", " : "", var(spec, v), s);
      free(s);
    }
    fprintf(out, "]%s\n", i + 1 < t->n ? "," : "");
  }
  fprintf(out, "    >>\n\n");
  fprintf(out, "_inv ==\n    ~(\n        TLCGet(\"level\") = Len(_TETrace)\n");
  for (int v = 0; v < spec->nvars; v++)
    fprintf(out, "        /\\ %s = _TETrace[Len(_TETrace)].%s\n", var(spec, v),
            var(spec, v));
  fprintf(out, "    )\n\n_init ==\n");
  for (int v = 0; v < spec->nvars; v++)
    fprintf(out, "    /\\ %s = _TETrace[1].%s\n", var(spec, v), var(spec, v));
  if (spec->nvars == 0)
    fprintf(out, "    TRUE\n");
  /* _i and _j: a spec's own names do not start with '_' (a variable i
   * would clash with TLC's i, j here). */
  fprintf(out, "\n_next ==\n    /\\ \\E _i, _j \\in DOMAIN _TETrace:\n"
               "        /\\ _j = _i + 1\n        /\\ _i = TLCGet(\"level\")\n");
  for (int v = 0; v < spec->nvars; v++)
    fprintf(out,
            "        /\\ %s  = _TETrace[_i].%s\n        /\\ %s' = "
            "_TETrace[_j].%s\n",
            var(spec, v), var(spec, v), var(spec, v), var(spec, v));
  fprintf(out, "\n====\n\n---- CONFIG %s ----\n", name);
  constants(out, cfg, &mvs);
  VEC_FREE(mvs);
  fprintf(out, "INIT\n    _init\nNEXT\n    _next\nINVARIANT\n    _inv\n"
               "CHECK_DEADLOCK\n    FALSE\n====\n");
  free(name);
}
