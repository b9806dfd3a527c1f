/* builtin.c -- the table of built-in operators and standard modules,
 * generated from the X-macro lists in builtin.h. */
#include "builtin.h"

#include <string.h>

const BuiltinInfo builtin_info[B__COUNT] = {
#define X(id, sp, ar, mod) {sp, ar, MOD_##mod},
    BUILTINS(X)
#undef X
};

const char *const std_module_names[MOD__COUNT] = {
#define X(id, name) name,
    STD_MODULES(X)
#undef X
};

int std_module_lookup(const char *name) {
  for (int m = 1; m < MOD__COUNT; m++)
    if (strcmp(std_module_names[m], name) == 0)
      return m;
  return -1;
}

int std_module_extends(StdModule m, StdModule out[4]) {
  switch (m) {
  case MOD_INTEGERS:
    out[0] = MOD_NATURALS;
    return 1;
  case MOD_REALS:
    out[0] = MOD_INTEGERS;
    out[1] = MOD_NATURALS;
    return 2;
  /* TLC instantiates Naturals, Sequences and FiniteSets LOCALly: it does
   * not pass their operators on to modules that extend it. */
  default:
    return 0;
  }
}

int builtin_op_param(int b, int i) {
  if (b == B_SELECTSEQ && i == 1)
    return 1;
  if (b == B_SORTSEQ && i == 1)
    return 2;
  return 0;
}

int builtin_lookup(Sym name, StdModule module) {
  static Sym *syms;
  if (!syms) {
    syms = xmalloc(B__COUNT * sizeof *syms);
    for (int i = 0; i < B__COUNT; i++)
      syms[i] = sym_intern(builtin_info[i].spelling);
  }
  for (int i = 0; i < B__COUNT; i++)
    if (syms[i] == name && builtin_info[i].module == module)
      return i;
  return -1;
}
