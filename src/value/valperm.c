/* valperm.c -- model values permuted, for symmetry reduction.
 *
 * Design.  A permutation is a function value from model values to model
 * values; permuting a value rebuilds only the parts that hold a model
 * value (Value.has_model) and returns the value itself when nothing
 * changed.  Results are kept in a direct-mapped memo keyed by the
 * (value, permutation) pair, since symmetry reduction permutes the same
 * sub-values (a set of messages shared by many states) again and
 * again. */
#include "valint.h"

#include <stdlib.h>

/* val_permute's memo: the last result for a (value, permutation) pair,
 * direct-mapped. */
#define PERMUTE_MEMO (1u << 18)
static struct PermuteMemo { const Value *v, *perm, *r; } * permute_memo;

static Value *permute(Value *v, const Value *perm);

Value *val_permute(Value *v, const Value *perm) {
  if (!v->has_model)
    return v;
  if (v->kind == V_MODEL) {
    Value *w = val_fun_apply(perm, v);
    return w ? w : v;
  }
  if (!permute_memo)
    permute_memo = xcalloc(PERMUTE_MEMO, sizeof *permute_memo);
  struct PermuteMemo *m =
      &permute_memo[fmix64(v->hash ^ (perm->hash * 0x9e3779b97f4a7c15u)) &
                    (PERMUTE_MEMO - 1)];
  if (m->v == v && m->perm == perm)
    return (Value *)m->r;
  Value *r = permute(v, perm);
  *m = (struct PermuteMemo){v, perm, r};
  return r;
}

static Value *permute(Value *v, const Value *perm) {
  Value *local[2 * SCRATCH_N];
  switch (v->kind) {
  case V_SET: {
    uint32_t n = v->u.set.n;
    Value **e = n <= 2 * SCRATCH_N ? local : xmalloc(n * sizeof *e);
    bool same = true;
    for (uint32_t i = 0; i < n; i++) {
      e[i] = val_permute(v->u.set.elems[i], perm);
      same &= e[i] == v->u.set.elems[i];
    }
    Value *r = same ? v : val_set(e, n);
    if (e != local)
      free(e);
    return r;
  }
  case V_FUN: {
    uint32_t n = v->u.fun.n;
    Value **k = n <= SCRATCH_N ? local : xmalloc(2 * n * sizeof *k);
    bool same = true;
    for (uint32_t i = 0; i < n; i++) {
      k[i] = val_permute(v->u.fun.keys[i], perm);
      k[n + i] = val_permute(v->u.fun.vals[i], perm);
      same &= k[i] == v->u.fun.keys[i] && k[n + i] == v->u.fun.vals[i];
    }
    Value *r = same ? v : val_fun(k, k + n, n);
    if (k != local)
      free(k);
    return r;
  }
  default:
    return v;
  }
}
