/* closed.c -- closed constant subexpressions, computed by the evaluator.
 *
 * A subexpression that the shared closed-constant rule (closed.h, the
 * rule the evaluator caches by) calls closed has one value for the whole
 * run.  The encoder asks the concrete evaluator for it once
 * (closed_value), memoises it by expression, and turns it into a symbolic
 * constant, so that everything TLC computes from the config alone is
 * computed the same way here. */
#include "encint.h"

#include "closed.h"

static Value not_const_marker;
#define NOT_CONST (&not_const_marker)

static Value *memo_get(Enc *E, Expr *e) {
  if (!E->memo.cap)
    return NULL;
  size_t i = hash_mix(0, (uintptr_t)e) & (E->memo.cap - 1);
  while (E->memo.keys[i]) {
    if (E->memo.keys[i] == e)
      return E->memo.vals[i];
    i = (i + 1) & (E->memo.cap - 1);
  }
  return NULL;
}

static void memo_put(Enc *E, Expr *e, Value *v) {
  if (2 * (E->memo.len + 1) > E->memo.cap) {
    size_t ncap = E->memo.cap ? 2 * E->memo.cap : 1024;
    Expr **nk = xcalloc(ncap, sizeof *nk);
    Value **nv = xcalloc(ncap, sizeof *nv);
    for (size_t i = 0; i < E->memo.cap; i++)
      if (E->memo.keys[i]) {
        size_t j = hash_mix(0, (uintptr_t)E->memo.keys[i]) & (ncap - 1);
        while (nk[j])
          j = (j + 1) & (ncap - 1);
        nk[j] = E->memo.keys[i];
        nv[j] = E->memo.vals[i];
      }
    free(E->memo.keys);
    free(E->memo.vals);
    E->memo.keys = nk;
    E->memo.vals = nv;
    E->memo.cap = ncap;
  }
  size_t i = hash_mix(0, (uintptr_t)e) & (E->memo.cap - 1);
  while (E->memo.keys[i])
    i = (i + 1) & (E->memo.cap - 1);
  E->memo.keys[i] = e;
  E->memo.vals[i] = v;
  E->memo.len++;
}

/* The value of e when it is closed and constant-level and the evaluator
 * can compute it; NULL otherwise. */
Value *closed_value(Enc *E, Expr *e) {
  Value *m = memo_get(E, e);
  if (m)
    return m == NOT_CONST ? NULL : m;
  Value *v = NOT_CONST;
  if (expr_level(e) == LEVEL_CONST && closed_const(E->spec, e)) {
    EvalState st = {E->spec, NULL, NULL};
    FailPoint fp;
    void *old = diag_mute();
    if (fail_push(&fp) == 0) {
      Value *x = eval_expr(&st, e);
      fail_pop(&fp);
      /* Infinite sets stay symbolic-only (membership tests). */
      if (x->kind != V_INFSET && x->kind != V_INTERVAL)
        v = x;
    }
    diag_unmute(old);
  }
  memo_put(E, e, v);
  return v == NOT_CONST ? NULL : v;
}
