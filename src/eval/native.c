/* native.c -- C implementations of operators of the shipped modules.
 *
 * Design.  One table maps (module, operator, arity) to a function; eval.c
 * looks a shipped definition up once and then calls the function in place
 * of the body.  Every function here computes exactly what the module's
 * TLA+ definition computes under brink's evaluator: the folds visit a set
 * in value order because the definitions choose elements with
 * CHOOSE x \in T : TRUE, which brink answers with the least element; an
 * order or a tie broken by CHOOSE in a definition is broken the same way
 * here.  The gain is complexity: no recursion as deep as the set is
 * large, no intermediate sets T \ {x}, linear scans where the definitions
 * quantify over pairs.
 *
 * The input/output operators (Json, IOUtils, CSV) read files and the
 * environment anywhere, and write files or run commands only where brink
 * itself writes (native_may_write); elsewhere they are a located error.
 * A relative file name is looked up in the working directory, then in
 * the folder of the root module. */
#include "native.h"

#include <errno.h>
#include <gmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- helpers ---- */

static const char *kind_word(const Value *v) {
  switch (v->kind) {
  case V_BOOL:
    return "a Boolean";
  case V_INT:
    return "an integer";
  case V_STR:
    return "a string";
  case V_MODEL:
    return "a model value";
  case V_FUN:
    return "a function";
  default:
    return "a set";
  }
}

/* The finite set v as an explicit V_SET. */
static Value *finite_set(NativeCall *nc, Value *v, const char *op) {
  if (!val_is_set(v))
    native_fail(nc, "%s expects a finite set, but was given %s", op,
                kind_word(v));
  Value *s = val_set_enum(v);
  if (!s)
    native_fail(nc, "%s expects a finite set, but was given an infinite or "
                    "too large one",
                op);
  return s;
}

static Value *need_seq(NativeCall *nc, Value *v, const char *op) {
  if (!val_is_seq(v))
    native_fail(nc, "%s expects a sequence, but was given %s", op,
                kind_word(v));
  return v;
}

static Value *need_fun(NativeCall *nc, Value *v, const char *op) {
  if (v->kind != V_FUN)
    native_fail(nc, "%s expects a function, but was given %s", op,
                kind_word(v));
  return v;
}

static Value *need_int(NativeCall *nc, Value *v, const char *op) {
  if (v->kind != V_INT)
    native_fail(nc, "%s expects integers, but met %s", op, kind_word(v));
  return v;
}

static Value *int_op(NativeCall *nc, Value *a, Value *b, bool mul,
                     const char *op) {
  need_int(nc, a, op);
  need_int(nc, b, op);
  mpz_t x, y;
  mpz_init(x);
  mpz_init(y);
  val_get_mpz(a, x);
  val_get_mpz(b, y);
  if (mul)
    mpz_mul(x, x, y);
  else
    mpz_add(x, x, y);
  Value *r = val_int_mpz(x);
  mpz_clear(x);
  mpz_clear(y);
  return r;
}

static Value *apply2(NativeCall *nc, int op, Value *a, Value *b) {
  Value *args[2] = {a, b};
  return native_apply(nc, op, args, 2);
}

static Value *apply1(NativeCall *nc, int op, Value *a) {
  return native_apply(nc, op, &a, 1);
}

/* ---- Folds, FiniteSetsExt, Functions: folds over sets ---- */

/* MapThenFoldSet(op, base, f, choose, S): the elements in the order choose
 * takes them, x1 = choose(S), x2 = choose(S \ {x1}), ...; the result is
 * op(f(x1), op(f(x2), ... op(f(xn), base))). */
static Value *n_map_then_fold_set(NativeCall *nc) {
  Value *t = finite_set(nc, native_arg(nc, 4), "MapThenFoldSet");
  uint32_t n = t->u.set.n;
  Value **order = xmalloc((n ? n : 1) * sizeof *order);
  for (uint32_t k = 0; k < n; k++) {
    Value *x = apply1(nc, 3, t);
    if (!val_set_mem(t, x))
      native_fail(nc, "the choice operator of MapThenFoldSet chose an "
                      "element outside the set it was given");
    order[k] = x;
    Value *one = val_set(&x, 1);
    t = val_set_minus(t, one);
  }
  Value *acc = native_arg(nc, 1);
  for (uint32_t k = n; k-- > 0;)
    acc = apply2(nc, 0, apply1(nc, 2, order[k]), acc);
  free(order);
  return acc;
}

/* op(e1, op(e2, ... op(en, base))) over the elements e1 < e2 < ... */
static Value *fold_elems(NativeCall *nc, int op, Value *base, Value **e,
                         uint32_t n) {
  Value *acc = base;
  for (uint32_t k = n; k-- > 0;)
    acc = apply2(nc, op, e[k], acc);
  return acc;
}

static Value *n_fold_set(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 2), "FoldSet");
  return fold_elems(nc, 0, native_arg(nc, 1), s->u.set.elems, s->u.set.n);
}

static Value *n_reduce_set(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 1), "ReduceSet");
  return fold_elems(nc, 0, native_arg(nc, 2), s->u.set.elems, s->u.set.n);
}

static Value *sum_or_product(NativeCall *nc, bool mul, const char *op) {
  Value *s = finite_set(nc, native_arg(nc, 0), op);
  Value *acc = val_int(mul ? 1 : 0);
  for (uint32_t k = s->u.set.n; k-- > 0;)
    acc = int_op(nc, s->u.set.elems[k], acc, mul, op);
  return acc;
}

static Value *n_sum_set(NativeCall *nc) {
  return sum_or_product(nc, false, "SumSet");
}

static Value *n_product_set(NativeCall *nc) {
  return sum_or_product(nc, true, "ProductSet");
}

static Value *n_map_then_sum_set(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 1), "MapThenSumSet");
  Value *acc = val_int(0);
  for (uint32_t k = s->u.set.n; k-- > 0;)
    acc = int_op(nc, apply1(nc, 0, s->u.set.elems[k]), acc, false,
                 "MapThenSumSet");
  return acc;
}

static Value *n_quantify(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 0), "Quantify");
  int64_t count = 0;
  for (uint32_t k = 0; k < s->u.set.n; k++)
    count += native_test(nc, 1, &s->u.set.elems[k], 1, "the test of Quantify");
  return val_int(count);
}

/* The k-element subsets of the n elements e (combinations). */
static void subsets_of_size(Value **e, uint32_t n, uint32_t k, uint32_t from,
                            Value **pick, uint32_t got, void *out) {
  VEC(Value *) *res = out;
  if (got == k) {
    VEC_PUSH(*res, val_set(pick, k));
    return;
  }
  for (uint32_t i = from; i + (k - got) <= n; i++) {
    pick[got] = e[i];
    subsets_of_size(e, n, k, i + 1, pick, got + 1, out);
  }
}

static Value *n_k_subset(NativeCall *nc) {
  Value *kv = need_int(nc, native_arg(nc, 0), "kSubset");
  Value *s = finite_set(nc, native_arg(nc, 1), "kSubset");
  int64_t k;
  if (!val_int_fits(kv, &k) || k < 0 || k > (int64_t)s->u.set.n)
    return val_empty_set();
  VEC(Value *) res = {0};
  Value **pick = xmalloc(((size_t)k + 1) * sizeof *pick);
  subsets_of_size(s->u.set.elems, s->u.set.n, (uint32_t)k, 0, pick, 0, &res);
  Value *r = val_set(res.data, res.len);
  free(pick);
  VEC_FREE(res);
  return r;
}

/* Max and Min of a set of integers: integers come first in value order,
 * sorted by number. */
static Value *extreme(NativeCall *nc, bool max, const char *op) {
  Value *s = finite_set(nc, native_arg(nc, 0), op);
  uint32_t n = s->u.set.n;
  if (n == 0)
    native_fail(nc, "%s of the empty set: CHOOSE found no element satisfying "
                    "its condition",
                op);
  for (uint32_t k = 0; k < n; k++)
    need_int(nc, s->u.set.elems[k], op);
  return max ? s->u.set.elems[n - 1] : s->u.set.elems[0];
}

static Value *n_max(NativeCall *nc) { return extreme(nc, true, "Max"); }
static Value *n_min(NativeCall *nc) { return extreme(nc, false, "Min"); }

static Value *n_choose_unique(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 0), "ChooseUnique");
  Value *found = NULL;
  int count = 0;
  for (uint32_t k = 0; k < s->u.set.n; k++)
    if (native_test(nc, 1, &s->u.set.elems[k], 1, "the test of ChooseUnique")) {
      found = s->u.set.elems[k];
      count++;
    }
  if (count != 1)
    native_fail(nc, "ChooseUnique: %s element satisfies the test (CHOOSE found "
                    "no element satisfying its condition)",
                count ? "more than one" : "no");
  return found;
}

/* ---- Functions ---- */

static Value *n_fold_function(NativeCall *nc) {
  Value *f = need_fun(nc, native_arg(nc, 2), "FoldFunction");
  return fold_elems(nc, 0, native_arg(nc, 1), f->u.fun.vals, f->u.fun.n);
}

static Value *n_fold_function_on_set(NativeCall *nc) {
  Value *f = need_fun(nc, native_arg(nc, 2), "FoldFunctionOnSet");
  Value *d = finite_set(nc, native_arg(nc, 3), "FoldFunctionOnSet");
  uint32_t n = d->u.set.n;
  Value **vals = xmalloc((n ? n : 1) * sizeof *vals);
  for (uint32_t k = 0; k < n; k++) {
    vals[k] = val_fun_apply(f, d->u.set.elems[k]);
    if (!vals[k])
      native_fail(nc, "FoldFunctionOnSet: an index is not in the domain of "
                      "the function");
  }
  Value *r = fold_elems(nc, 0, native_arg(nc, 1), vals, n);
  free(vals);
  return r;
}

static Value *n_range(NativeCall *nc) {
  Value *f = need_fun(nc, native_arg(nc, 0), "Range");
  return val_set(f->u.fun.vals, f->u.fun.n);
}

static int cmp_ptr(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)*(Value *const *)a, y = (uintptr_t)*(Value *const *)b;
  return (x > y) - (x < y);
}

/* Distinct values are distinct pointers (values are hash-consed). */
static Value *n_is_injective(NativeCall *nc) {
  Value *f = need_fun(nc, native_arg(nc, 0), "IsInjective");
  uint32_t n = f->u.fun.n;
  Value **v = xmalloc((n ? n : 1) * sizeof *v);
  memcpy(v, f->u.fun.vals, n * sizeof *v);
  qsort(v, n, sizeof *v, cmp_ptr);
  bool inj = true;
  for (uint32_t k = 1; k < n && inj; k++)
    inj = v[k] != v[k - 1];
  free(v);
  return val_bool(inj);
}

/* ---- SequencesExt ---- */

static Value *n_set_to_seq(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 0), "SetToSeq");
  return val_tuple(s->u.set.elems, s->u.set.n);
}

/* All orderings of e[0..n) as tuples, into out. */
static void permutations(Value **e, uint32_t n, uint32_t k, void *out) {
  VEC(Value *) *res = out;
  if (k == n) {
    VEC_PUSH(*res, val_tuple(e, n));
    return;
  }
  for (uint32_t i = k; i < n; i++) {
    Value *t = e[k];
    e[k] = e[i];
    e[i] = t;
    permutations(e, n, k + 1, out);
    e[i] = e[k];
    e[k] = t;
  }
}

#define MAX_PERMUTED 10 /* 10! = 3628800 sequences */

static Value *all_orders(NativeCall *nc, Value *s, const char *op) {
  uint32_t n = s->u.set.n;
  if (n > MAX_PERMUTED)
    native_fail(nc, "%s of a set of %u elements: more than %d! sequences", op,
                n, MAX_PERMUTED);
  Value **e = xmalloc((n ? n : 1) * sizeof *e);
  memcpy(e, s->u.set.elems, n * sizeof *e);
  VEC(Value *) res = {0};
  permutations(e, n, 0, &res);
  Value *r = val_set(res.data, res.len);
  VEC_FREE(res);
  free(e);
  return r;
}

static Value *n_set_to_seqs(NativeCall *nc) {
  return all_orders(nc, finite_set(nc, native_arg(nc, 0), "SetToSeqs"),
                    "SetToSeqs");
}

static Value *n_set_to_all_k_permutations(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 0), "SetToAllKPermutations");
  uint32_t n = s->u.set.n;
  if (n > MAX_PERMUTED)
    native_fail(nc, "SetToAllKPermutations of a set of %u elements: too many "
                    "sequences",
                n);
  VEC(Value *) res = {0};
  Value **pick = xmalloc((n ? n : 1) * sizeof *pick);
  for (uint32_t k = 0; k <= n; k++) {
    VEC(Value *) subs = {0};
    subsets_of_size(s->u.set.elems, n, k, 0, pick, 0, &subs);
    for (size_t i = 0; i < subs.len; i++) {
      Value *p = all_orders(nc, subs.data[i], "SetToAllKPermutations");
      for (uint32_t j = 0; j < p->u.set.n; j++)
        VEC_PUSH(res, p->u.set.elems[j]);
    }
    VEC_FREE(subs);
  }
  Value *r = val_set(res.data, res.len);
  VEC_FREE(res);
  free(pick);
  return r;
}

/* SetToSortSeq(S, op): repeatedly the least element m (in value order)
 * of the remaining ones with no other remaining y such that op(y, m). */
static Value *n_set_to_sort_seq(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 0), "SetToSortSeq");
  uint32_t n = s->u.set.n;
  Value **e = s->u.set.elems;
  bool *gone = xcalloc(n ? n : 1, sizeof *gone);
  Value **out = xmalloc((n ? n : 1) * sizeof *out);
  for (uint32_t step = 0; step < n; step++) {
    uint32_t pick = n;
    for (uint32_t x = 0; x < n && pick == n; x++) {
      if (gone[x])
        continue;
      bool least = true;
      for (uint32_t y = 0; y < n && least; y++)
        if (!gone[y] && y != x) {
          Value *args[2] = {e[y], e[x]};
          least = !native_test(nc, 1, args, 2, "the order of SetToSortSeq");
        }
      if (least)
        pick = x;
    }
    if (pick == n)
      native_fail(nc, "SetToSortSeq: CHOOSE found no element satisfying its "
                      "condition (the order has a cycle)");
    gone[pick] = true;
    out[step] = e[pick];
  }
  Value *r = val_tuple(out, n);
  free(gone);
  free(out);
  return r;
}

static Value *n_fold_left(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 2), "FoldLeft");
  Value *acc = native_arg(nc, 1);
  for (uint32_t i = 0; i < s->u.fun.n; i++)
    acc = apply2(nc, 0, acc, s->u.fun.vals[i]);
  return acc;
}

static Value *n_fold_right(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 1), "FoldRight");
  Value *acc = native_arg(nc, 2);
  for (uint32_t i = s->u.fun.n; i-- > 0;)
    acc = apply2(nc, 0, s->u.fun.vals[i], acc);
  return acc;
}

static Value *n_fold_left_domain(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 2), "FoldLeftDomain");
  Value *acc = native_arg(nc, 1);
  for (uint32_t i = 0; i < s->u.fun.n; i++)
    acc = apply2(nc, 0, acc, val_int((int64_t)i + 1));
  return acc;
}

static Value *n_fold_right_domain(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 1), "FoldRightDomain");
  Value *acc = native_arg(nc, 2);
  for (uint32_t i = s->u.fun.n; i-- > 0;)
    acc = apply2(nc, 0, val_int((int64_t)i + 1), acc);
  return acc;
}

/* a \o b for two sequences or two strings (as the definitions use it). */
static Value *concat(NativeCall *nc, Value *a, Value *b, const char *op) {
  if (a->kind == V_STR && b->kind == V_STR) {
    char *t = xsprintf("%s%s", sym_str(a->u.str), sym_str(b->u.str));
    Value *r = val_str(sym_intern(t));
    free(t);
    return r;
  }
  need_seq(nc, a, op);
  need_seq(nc, b, op);
  size_t n = (size_t)a->u.fun.n + b->u.fun.n;
  Value **v = xmalloc((n ? n : 1) * sizeof *v);
  memcpy(v, a->u.fun.vals, a->u.fun.n * sizeof *v);
  memcpy(v + a->u.fun.n, b->u.fun.vals, b->u.fun.n * sizeof *v);
  Value *r = val_tuple(v, n);
  free(v);
  return r;
}

static Value *n_flatten_seq(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 0), "FlattenSeq");
  if (s->u.fun.n == 0)
    return val_tuple(NULL, 0);
  Value *acc = s->u.fun.vals[0];
  for (uint32_t i = 1; i < s->u.fun.n; i++)
    acc = concat(nc, acc, s->u.fun.vals[i], "FlattenSeq");
  return acc;
}

/* The sequences of length 0..n over the elements of s. */
static Value *n_seq_of(NativeCall *nc) {
  Value *s = finite_set(nc, native_arg(nc, 0), "SeqOf");
  Value *nv = need_int(nc, native_arg(nc, 1), "SeqOf");
  int64_t n;
  if (!val_int_fits(nv, &n))
    native_fail(nc, "SeqOf: the length bound is too large");
  uint32_t m = s->u.set.n;
  double total = 0, p = 1;
  for (int64_t k = 0; k <= n; k++, p *= m)
    total += p;
  if (total > (double)VAL_MAX_ENUM)
    native_fail(nc, "SeqOf: more than %u sequences", VAL_MAX_ENUM);
  VEC(Value *) res = {0};
  if (n >= 0)
    VEC_PUSH(res, val_tuple(NULL, 0));
  Value **buf = xmalloc(((size_t)(n > 0 ? n : 1)) * sizeof *buf);
  uint32_t *idx = xcalloc((size_t)(n > 0 ? n : 1), sizeof *idx);
  for (int64_t len = 1; len <= n && m > 0; len++) {
    memset(idx, 0, (size_t)len * sizeof *idx);
    for (;;) {
      for (int64_t i = 0; i < len; i++)
        buf[i] = s->u.set.elems[idx[i]];
      VEC_PUSH(res, val_tuple(buf, (size_t)len));
      int64_t i = len - 1;
      while (i >= 0 && ++idx[i] == m)
        idx[i--] = 0;
      if (i < 0)
        break;
    }
  }
  Value *r = val_set(res.data, res.len);
  VEC_FREE(res);
  free(buf);
  free(idx);
  return r;
}

static Value *n_remove(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 0), "Remove");
  Value *e = native_arg(nc, 1);
  VEC(Value *) keep = {0};
  for (uint32_t i = 0; i < s->u.fun.n; i++)
    if (s->u.fun.vals[i] != e)
      VEC_PUSH(keep, s->u.fun.vals[i]);
  Value *r = val_tuple(keep.data, keep.len);
  VEC_FREE(keep);
  return r;
}

static Value *n_select_in_seq(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 0), "SelectInSeq");
  for (uint32_t i = 0; i < s->u.fun.n; i++)
    if (native_test(nc, 1, &s->u.fun.vals[i], 1, "the test of SelectInSeq"))
      return val_int((int64_t)i + 1);
  return val_int(0);
}

static Value *n_select_last_in_seq(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 0), "SelectLastInSeq");
  for (uint32_t i = s->u.fun.n; i-- > 0;)
    if (native_test(nc, 1, &s->u.fun.vals[i], 1,
                    "the test of SelectLastInSeq"))
      return val_int((int64_t)i + 1);
  return val_int(0);
}

static Value *n_contains(NativeCall *nc) {
  Value *s = need_seq(nc, native_arg(nc, 0), "Contains");
  Value *e = native_arg(nc, 1);
  for (uint32_t i = 0; i < s->u.fun.n; i++)
    if (s->u.fun.vals[i] == e)
      return val_bool(true);
  return val_bool(false);
}

/* ---- VectorClocks ---- */

/* The vector clock c at node k (0 where c has no entry). */
static void clock_at(NativeCall *nc, Value *c, Value *k, mpz_t out) {
  Value *v = val_fun_apply(c, k);
  if (!v) {
    mpz_set_si(out, 0);
    return;
  }
  need_int(nc, v, "a vector clock");
  val_get_mpz(v, out);
}

/* v happened before w (the definition's Before). */
static bool before(NativeCall *nc, Value *v, Value *w, mpz_t a, mpz_t b) {
  bool less = false;
  for (int side = 0; side < 2; side++) {
    Value *c = side ? w : v;
    for (uint32_t i = 0; i < c->u.fun.n; i++) {
      Value *k = c->u.fun.keys[i];
      clock_at(nc, v, k, a);
      clock_at(nc, w, k, b);
      int d = mpz_cmp(a, b);
      if (d > 0)
        return false;
      less |= d < 0;
    }
  }
  return less;
}

/* CausalOrder(log, clock, node, domain): repeatedly the first remaining
 * position k such that no other remaining entry happened before log[k]
 * (the definition's CHOOSE over positions, least first) -- a topological
 * sort that always takes the least available position. */
static Value *n_causal_order(NativeCall *nc) {
  Value *log = need_seq(nc, native_arg(nc, 0), "CausalOrder");
  uint32_t n = log->u.fun.n;
  Value **clk = xmalloc((n ? n : 1) * sizeof *clk);
  for (uint32_t i = 0; i < n; i++)
    clk[i] = need_fun(nc, apply1(nc, 1, log->u.fun.vals[i]),
                      "the clock of CausalOrder");
  uint32_t *indeg = xcalloc(n ? n : 1, sizeof *indeg);
  VEC(uint32_t) *succ = xcalloc(n ? n : 1, sizeof *succ);
  mpz_t a, b;
  mpz_init(a);
  mpz_init(b);
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t j = 0; j < n; j++)
      if (i != j && before(nc, clk[i], clk[j], a, b)) {
        VEC_PUSH(succ[i], j);
        indeg[j]++;
      }
  mpz_clear(a);
  mpz_clear(b);
  bool *done = xcalloc(n ? n : 1, sizeof *done);
  Value **out = xmalloc((n ? n : 1) * sizeof *out);
  uint32_t from = 0;
  for (uint32_t step = 0; step < n; step++) {
    uint32_t k = from;
    while (k < n && (done[k] || indeg[k]))
      k++;
    if (k == n)
      native_fail(nc, "CausalOrder: the clocks admit no causal order");
    done[k] = true;
    out[step] = log->u.fun.vals[k];
    for (size_t s = 0; s < succ[k].len; s++)
      indeg[succ[k].data[s]]--;
    /* A position before k may have become available. */
    from = 0;
    while (from < n && done[from])
      from++;
  }
  Value *r = val_tuple(out, n);
  for (uint32_t i = 0; i < n; i++)
    VEC_FREE(succ[i]);
  free(succ);
  free(indeg);
  free(done);
  free(out);
  free(clk);
  return r;
}

/* ---- Bags ---- */

static Value *n_bag_cardinality(NativeCall *nc) {
  Value *b = need_fun(nc, native_arg(nc, 0), "BagCardinality");
  Value *acc = val_int(0);
  for (uint32_t i = b->u.fun.n; i-- > 0;)
    acc = int_op(nc, b->u.fun.vals[i], acc, false, "BagCardinality");
  return acc;
}

/* ---- JSON ---- */

typedef VEC(char) Buf;

typedef struct Json {
  NativeCall *nc;
  const char *file;
  const char *s;
  size_t pos, line;
} Json;

static _Noreturn void json_fail(Json *j, const char *what) {
  native_fail(j->nc, "%s, line %zu: %s", j->file, j->line, what);
}

static void json_space(Json *j) {
  for (;; j->pos++) {
    char ch = j->s[j->pos];
    if (ch == '\n')
      j->line++;
    else if (ch != ' ' && ch != '\t' && ch != '\r')
      return;
  }
}

static Value *json_value(Json *j, int depth);

static void put_utf8(Buf *b, unsigned cp) {
  if (cp < 0x80) {
    VEC_PUSH(*b, (char)cp);
  } else if (cp < 0x800) {
    VEC_PUSH(*b, (char)(0xC0 | (cp >> 6)));
    VEC_PUSH(*b, (char)(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    VEC_PUSH(*b, (char)(0xE0 | (cp >> 12)));
    VEC_PUSH(*b, (char)(0x80 | ((cp >> 6) & 0x3F)));
    VEC_PUSH(*b, (char)(0x80 | (cp & 0x3F)));
  } else {
    VEC_PUSH(*b, (char)(0xF0 | (cp >> 18)));
    VEC_PUSH(*b, (char)(0x80 | ((cp >> 12) & 0x3F)));
    VEC_PUSH(*b, (char)(0x80 | ((cp >> 6) & 0x3F)));
    VEC_PUSH(*b, (char)(0x80 | (cp & 0x3F)));
  }
}

static unsigned json_hex4(Json *j) {
  unsigned cp = 0;
  for (int k = 0; k < 4; k++) {
    char h = j->s[j->pos++];
    cp <<= 4;
    if (h >= '0' && h <= '9')
      cp |= (unsigned)(h - '0');
    else if (h >= 'a' && h <= 'f')
      cp |= (unsigned)(h - 'a' + 10);
    else if (h >= 'A' && h <= 'F')
      cp |= (unsigned)(h - 'A' + 10);
    else
      json_fail(j, "bad \\u escape in a string");
  }
  return cp;
}

static Sym json_string(Json *j) {
  Buf b = {0};
  j->pos++; /* the opening quote */
  for (;;) {
    char ch = j->s[j->pos++];
    if (ch == '"')
      break;
    if (ch == 0 || ch == '\n')
      json_fail(j, "unterminated string");
    if (ch != '\\') {
      VEC_PUSH(b, ch);
      continue;
    }
    char esc = j->s[j->pos++];
    switch (esc) {
    case 'n': VEC_PUSH(b, '\n'); break;
    case 't': VEC_PUSH(b, '\t'); break;
    case 'r': VEC_PUSH(b, '\r'); break;
    case 'b': VEC_PUSH(b, '\b'); break;
    case 'f': VEC_PUSH(b, '\f'); break;
    case '/': VEC_PUSH(b, '/'); break;
    case '\\': VEC_PUSH(b, '\\'); break;
    case '"': VEC_PUSH(b, '"'); break;
    case 'u': {
      unsigned cp = json_hex4(j);
      if (cp >= 0xD800 && cp < 0xDC00 && j->s[j->pos] == '\\' &&
          j->s[j->pos + 1] == 'u') {
        j->pos += 2;
        unsigned lo = json_hex4(j);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      }
      put_utf8(&b, cp);
      break;
    }
    default:
      json_fail(j, "bad escape in a string");
    }
  }
  VEC_PUSH(b, 0);
  Sym s = sym_intern(b.data);
  VEC_FREE(b);
  return s;
}

static Value *json_number(Json *j) {
  size_t start = j->pos;
  if (j->s[j->pos] == '-')
    j->pos++;
  while (j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
    j->pos++;
  char ch = j->s[j->pos];
  if (ch == '.' || ch == 'e' || ch == 'E')
    json_fail(j, "a number with a fraction or an exponent has no TLA+ value "
                 "(only integers do)");
  char *digits = xstrndup(j->s + start, j->pos - start);
  Value *v = val_int_str(digits);
  free(digits);
  if (!v)
    json_fail(j, "malformed number");
  return v;
}

static bool json_word(Json *j, const char *w) {
  size_t n = strlen(w);
  if (strncmp(j->s + j->pos, w, n) != 0)
    return false;
  j->pos += n;
  return true;
}

/* JSON objects become records, arrays sequences, as in TLC's Json module. */
static Value *json_value(Json *j, int depth) {
  if (depth > 1000)
    json_fail(j, "nested too deeply");
  json_space(j);
  char ch = j->s[j->pos];
  if (ch == '{') {
    j->pos++;
    VEC(Sym) keys = {0};
    VEC(Value *) vals = {0};
    json_space(j);
    if (j->s[j->pos] == '}') {
      j->pos++;
    } else {
      for (;;) {
        json_space(j);
        if (j->s[j->pos] != '"')
          json_fail(j, "a field name (a string) expected in an object");
        VEC_PUSH(keys, json_string(j));
        json_space(j);
        if (j->s[j->pos++] != ':')
          json_fail(j, "':' expected after a field name");
        VEC_PUSH(vals, json_value(j, depth + 1));
        json_space(j);
        char c = j->s[j->pos++];
        if (c == '}')
          break;
        if (c != ',')
          json_fail(j, "',' or '}' expected in an object");
      }
    }
    Value *r = val_record(keys.data, vals.data, keys.len);
    VEC_FREE(keys);
    VEC_FREE(vals);
    if (!r)
      json_fail(j, "an object names a field twice");
    return r;
  }
  if (ch == '[') {
    j->pos++;
    VEC(Value *) vals = {0};
    json_space(j);
    if (j->s[j->pos] == ']') {
      j->pos++;
    } else {
      for (;;) {
        VEC_PUSH(vals, json_value(j, depth + 1));
        json_space(j);
        char c = j->s[j->pos++];
        if (c == ']')
          break;
        if (c != ',')
          json_fail(j, "',' or ']' expected in an array");
      }
    }
    Value *r = val_tuple(vals.data, vals.len);
    VEC_FREE(vals);
    return r;
  }
  if (ch == '"')
    return val_str(json_string(j));
  if (ch == '-' || (ch >= '0' && ch <= '9'))
    return json_number(j);
  if (json_word(j, "true"))
    return val_bool(true);
  if (json_word(j, "false"))
    return val_bool(false);
  if (json_word(j, "null"))
    json_fail(j, "null has no TLA+ value");
  json_fail(j, "a JSON value expected");
}

/* The contents of file `name` (NULL if it cannot be read); *used gets the
 * path that was read. */
static char *read_spec_file(NativeCall *nc, const char *name, char **used) {
  char *text = src_read_file(name);
  if (text) {
    *used = xstrdup(name);
    return text;
  }
  const char *dir = native_spec_dir(nc);
  if (name[0] != '/' && dir) {
    char *p = xsprintf("%s/%s", dir, name);
    text = src_read_file(p);
    if (text) {
      *used = p;
      return text;
    }
    free(p);
  }
  return NULL;
}

static const char *need_str(NativeCall *nc, Value *v, const char *op) {
  if (v->kind != V_STR)
    native_fail(nc, "%s expects a string, but was given %s", op, kind_word(v));
  return sym_str(v->u.str);
}

static char *read_or_fail(NativeCall *nc, const char *name, const char *op,
                          char **used) {
  char *text = read_spec_file(nc, name, used);
  if (!text)
    native_fail(nc, "%s: cannot read the file %s (looked in the working "
                    "directory and in %s)",
                op, name, native_spec_dir(nc) ? native_spec_dir(nc) : ".");
  return text;
}

static Value *n_json_deserialize(NativeCall *nc) {
  const char *name = need_str(nc, native_arg(nc, 0), "JsonDeserialize");
  char *used;
  char *text = read_or_fail(nc, name, "JsonDeserialize", &used);
  Json j = {nc, used, text, 0, 1};
  Value *v = json_value(&j, 0);
  json_space(&j);
  if (j.s[j.pos])
    json_fail(&j, "text after the JSON value");
  free(text);
  free(used);
  return v;
}

/* One JSON value per non-blank line, as a sequence. */
static Value *n_nd_json_deserialize(NativeCall *nc) {
  const char *name = need_str(nc, native_arg(nc, 0), "ndJsonDeserialize");
  char *used;
  char *text = read_or_fail(nc, name, "ndJsonDeserialize", &used);
  Json j = {nc, used, text, 0, 1};
  VEC(Value *) vals = {0};
  for (;;) {
    json_space(&j);
    if (!j.s[j.pos])
      break;
    VEC_PUSH(vals, json_value(&j, 0));
    while (j.s[j.pos] == ' ' || j.s[j.pos] == '\t' || j.s[j.pos] == '\r')
      j.pos++;
    if (j.s[j.pos] && j.s[j.pos] != '\n')
      json_fail(&j, "one JSON value per line expected");
  }
  Value *r = val_tuple(vals.data, vals.len);
  VEC_FREE(vals);
  free(text);
  free(used);
  return r;
}

static void buf_puts(Buf *b, const char *s) {
  while (*s)
    VEC_PUSH(*b, *s++);
}

static void json_quote(Buf *b, const char *s) {
  VEC_PUSH(*b, '"');
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') {
      VEC_PUSH(*b, '\\');
      VEC_PUSH(*b, (char)ch);
    } else if (ch == '\n') {
      buf_puts(b, "\\n");
    } else if (ch == '\t') {
      buf_puts(b, "\\t");
    } else if (ch == '\r') {
      buf_puts(b, "\\r");
    } else if (ch < 0x20) {
      char u[8];
      snprintf(u, sizeof u, "\\u%04x", ch);
      buf_puts(b, u);
    } else {
      VEC_PUSH(*b, (char)ch);
    }
  }
  VEC_PUSH(*b, '"');
}

/* TLC's JSON form: records and other functions with string keys are
 * objects, sequences and sets are arrays, other functions objects keyed
 * by the printed argument, model values strings. */
static void json_write(NativeCall *nc, Buf *b, Value *v) {
  switch (v->kind) {
  case V_BOOL:
    buf_puts(b, v->u.b ? "true" : "false");
    return;
  case V_INT: {
    char *s = val_to_string(v);
    buf_puts(b, s);
    free(s);
    return;
  }
  case V_STR:
    json_quote(b, sym_str(v->u.str));
    return;
  case V_MODEL:
    json_quote(b, sym_str(v->u.model.name));
    return;
  case V_FUN:
    if (val_is_seq(v)) {
      VEC_PUSH(*b, '[');
      for (uint32_t i = 0; i < v->u.fun.n; i++) {
        if (i)
          VEC_PUSH(*b, ',');
        json_write(nc, b, v->u.fun.vals[i]);
      }
      VEC_PUSH(*b, ']');
      return;
    }
    VEC_PUSH(*b, '{');
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      if (i)
        VEC_PUSH(*b, ',');
      Value *k = v->u.fun.keys[i];
      if (k->kind == V_STR) {
        json_quote(b, sym_str(k->u.str));
      } else {
        char *s = val_to_string(k);
        json_quote(b, s);
        free(s);
      }
      VEC_PUSH(*b, ':');
      json_write(nc, b, v->u.fun.vals[i]);
    }
    VEC_PUSH(*b, '}');
    return;
  default: {
    Value *s = val_set_enum(v);
    if (!s)
      native_fail(nc, "an infinite set has no JSON form");
    VEC_PUSH(*b, '[');
    for (uint32_t i = 0; i < s->u.set.n; i++) {
      if (i)
        VEC_PUSH(*b, ',');
      json_write(nc, b, s->u.set.elems[i]);
    }
    VEC_PUSH(*b, ']');
    return;
  }
  }
}

static Value *buf_value(Buf *b) {
  VEC_PUSH(*b, 0);
  Value *r = val_str(sym_intern(b->data));
  VEC_FREE(*b);
  return r;
}

static Value *n_to_json(NativeCall *nc) {
  Buf b = {0};
  json_write(nc, &b, native_arg(nc, 0));
  return buf_value(&b);
}

static Value *n_to_json_array(NativeCall *nc) {
  Value *v = native_arg(nc, 0);
  if (!val_is_seq(v) && !val_is_set(v))
    native_fail(nc, "ToJsonArray expects a sequence or a set, but was given "
                    "%s",
                kind_word(v));
  return n_to_json(nc);
}

static Value *n_to_json_object(NativeCall *nc) {
  Value *v = native_arg(nc, 0);
  if (v->kind != V_FUN)
    native_fail(nc, "ToJsonObject expects a record or a function, but was "
                    "given %s",
                kind_word(v));
  Buf b = {0};
  if (v->u.fun.n == 0) {
    buf_puts(&b, "{}");
    return buf_value(&b);
  }
  json_write(nc, &b, v);
  if (val_is_seq(v)) { /* a sequence as an object keyed by position */
    b.len = 0;
    VEC_PUSH(b, '{');
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      char k[32];
      snprintf(k, sizeof k, "%s\"%u\":", i ? "," : "", i + 1);
      buf_puts(&b, k);
      json_write(nc, &b, v->u.fun.vals[i]);
    }
    VEC_PUSH(b, '}');
  }
  return buf_value(&b);
}

/* ---- writing ---- */

static void need_write(NativeCall *nc, const char *op, const char *what) {
  if (!native_may_write(nc))
    native_fail(nc, "%s (module %s) is evaluated here, where brink neither "
                    "writes files nor runs commands; brink evaluates it only "
                    "in a POSTCONDITION",
                op, what);
}

static Value *write_file(NativeCall *nc, const char *name, Buf *b,
                         bool append, const char *op) {
  FILE *f = fopen(name, append ? "a" : "w");
  if (!f)
    native_fail(nc, "%s: cannot write the file %s: %s", op, name,
                strerror(errno));
  fwrite(b->data, 1, b->len, f);
  bool ok = fclose(f) == 0;
  VEC_FREE(*b);
  return val_bool(ok);
}

static Value *n_json_serialize(NativeCall *nc) {
  need_write(nc, "JsonSerialize", "Json");
  const char *name = need_str(nc, native_arg(nc, 0), "JsonSerialize");
  Buf b = {0};
  json_write(nc, &b, native_arg(nc, 1));
  VEC_PUSH(b, '\n');
  return write_file(nc, name, &b, false, "JsonSerialize");
}

static Value *n_nd_json_serialize(NativeCall *nc) {
  need_write(nc, "ndJsonSerialize", "Json");
  const char *name = need_str(nc, native_arg(nc, 0), "ndJsonSerialize");
  Value *s = need_seq(nc, native_arg(nc, 1), "ndJsonSerialize");
  Buf b = {0};
  for (uint32_t i = 0; i < s->u.fun.n; i++) {
    json_write(nc, &b, s->u.fun.vals[i]);
    VEC_PUSH(b, '\n');
  }
  return write_file(nc, name, &b, false, "ndJsonSerialize");
}

/* A value as CSV and printf templates show it: strings without quotes. */
static void plain_write(Buf *b, Value *v) {
  if (v->kind == V_STR) {
    buf_puts(b, sym_str(v->u.str));
    return;
  }
  char *s = val_to_string(v);
  buf_puts(b, s);
  free(s);
}

/* The template with %k$s replaced by the k-th value of vals. */
static void fill_template(NativeCall *nc, Buf *b, const char *t, Value *vals,
                          const char *op) {
  for (const char *p = t; *p; p++) {
    if (*p != '%') {
      VEC_PUSH(*b, *p);
      continue;
    }
    if (p[1] == '%') {
      VEC_PUSH(*b, '%');
      p++;
      continue;
    }
    char *end;
    long k = strtol(p + 1, &end, 10);
    if (end == p + 1 || end[0] != '$' || end[1] != 's' || k < 1 ||
        k > (long)vals->u.fun.n)
      native_fail(nc, "%s: the template may only use %%1$s ... %%%u$s",
                  op, vals->u.fun.n);
    plain_write(b, vals->u.fun.vals[k - 1]);
    p = end + 1;
  }
}

static Value *n_csv_write(NativeCall *nc) {
  need_write(nc, "CSVWrite", "CSV");
  const char *t = need_str(nc, native_arg(nc, 0), "CSVWrite");
  Value *vals = need_seq(nc, native_arg(nc, 1), "CSVWrite");
  const char *name = need_str(nc, native_arg(nc, 2), "CSVWrite");
  Buf b = {0};
  fill_template(nc, &b, t, vals, "CSVWrite");
  VEC_PUSH(b, '\n');
  return write_file(nc, name, &b, true, "CSVWrite");
}

static Value *n_csv_write_record(NativeCall *nc) {
  need_write(nc, "CSVWriteRecord", "CSV");
  Value *r = need_fun(nc, native_arg(nc, 0), "CSVWriteRecord");
  const char *delim = need_str(nc, native_arg(nc, 1), "CSVWriteRecord");
  Value *headers = native_arg(nc, 2);
  const char *name = need_str(nc, native_arg(nc, 3), "CSVWriteRecord");
  Buf b = {0};
  FILE *probe = fopen(name, "r");
  bool empty = !probe || fgetc(probe) == EOF;
  if (probe)
    fclose(probe);
  if (headers->kind == V_BOOL && headers->u.b && empty) {
    for (uint32_t i = 0; i < r->u.fun.n; i++) {
      if (i)
        buf_puts(&b, delim);
      plain_write(&b, r->u.fun.keys[i]);
    }
    VEC_PUSH(b, '\n');
  }
  for (uint32_t i = 0; i < r->u.fun.n; i++) {
    if (i)
      buf_puts(&b, delim);
    plain_write(&b, r->u.fun.vals[i]);
  }
  VEC_PUSH(b, '\n');
  return write_file(nc, name, &b, true, "CSVWriteRecord");
}

/* ---- CSV input ---- */

static Value *n_csv_records(NativeCall *nc) {
  const char *name = need_str(nc, native_arg(nc, 0), "CSVRecords");
  char *used;
  char *text = read_spec_file(nc, name, &used);
  if (!text)
    return val_int(0);
  int64_t lines = 0;
  for (const char *p = text; *p; p++)
    if (*p == '\n' || p[1] == 0)
      lines++;
  free(text);
  free(used);
  return val_int(lines);
}

static Value *n_csv_read(NativeCall *nc) {
  Value *cols = need_seq(nc, native_arg(nc, 0), "CSVRead");
  const char *delim = need_str(nc, native_arg(nc, 1), "CSVRead");
  const char *name = need_str(nc, native_arg(nc, 2), "CSVRead");
  if (!*delim)
    native_fail(nc, "CSVRead: the delimiter is empty");
  uint32_t nc_cols = cols->u.fun.n;
  Sym *fields = xmalloc((nc_cols ? nc_cols : 1) * sizeof *fields);
  for (uint32_t i = 0; i < nc_cols; i++)
    fields[i] = sym_intern(need_str(nc, cols->u.fun.vals[i], "CSVRead"));
  char *used;
  char *text = read_or_fail(nc, name, "CSVRead", &used);
  VEC(Value *) rows = {0};
  Value **vals = xmalloc((nc_cols ? nc_cols : 1) * sizeof *vals);
  size_t dl = strlen(delim);
  char *line = text;
  while (*line) {
    char *nl = strchr(line, '\n');
    char *end = nl ? nl : line + strlen(line);
    if (end > line && end[-1] == '\r')
      end[-1] = 0;
    *end = 0;
    uint32_t k = 0;
    char *p = line;
    for (;;) {
      char *d = strstr(p, delim);
      if (k < nc_cols)
        vals[k] = val_str(d ? sym_intern_n(p, (size_t)(d - p)) : sym_intern(p));
      k++;
      if (!d)
        break;
      p = d + dl;
    }
    if (k != nc_cols)
      native_fail(nc, "CSVRead: a line of %s has %u values, not the %u "
                      "columns named",
                  used, k, nc_cols);
    Value *r = val_record(fields, vals, nc_cols);
    if (!r)
      native_fail(nc, "CSVRead: a column is named twice");
    VEC_PUSH(rows, r);
    if (!nl)
      break;
    line = nl + 1;
  }
  Value *res = val_tuple(rows.data, rows.len);
  VEC_FREE(rows);
  free(vals);
  free(fields);
  free(text);
  free(used);
  return res;
}

/* ---- IOUtils ---- */

static Value *n_io_env(NativeCall *nc) {
  VEC(Sym) keys = {0};
  VEC(Value *) vals = {0};
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq || eq == *e)
      continue;
    Sym k = sym_intern_n(*e, (size_t)(eq - *e));
    bool dup = false;
    for (size_t i = 0; i < keys.len && !dup; i++)
      dup = keys.data[i] == k;
    if (dup)
      continue;
    VEC_PUSH(keys, k);
    VEC_PUSH(vals, val_str(sym_intern(eq + 1)));
  }
  Value *r = val_record(keys.data, vals.data, keys.len);
  VEC_FREE(keys);
  VEC_FREE(vals);
  return r;
}

static char *read_all(int fd) {
  VEC(char) b = {0};
  char chunk[4096];
  ssize_t n;
  while ((n = read(fd, chunk, sizeof chunk)) > 0)
    for (ssize_t i = 0; i < n; i++)
      VEC_PUSH(b, chunk[i]);
  VEC_PUSH(b, 0);
  return b.data;
}

/* Runs argv (with extra environment entries env), and returns
 * [exitValue |-> code, stdout |-> out, stderr |-> err].  Output is read
 * after the command ends, through files, so neither pipe can fill up. */
static Value *run_command(NativeCall *nc, Value *cmd, Value *env,
                          const char *op) {
  need_seq(nc, cmd, op);
  uint32_t n = cmd->u.fun.n;
  if (n == 0)
    native_fail(nc, "%s: the command is empty", op);
  char **argv = xcalloc(n + 1, sizeof *argv);
  for (uint32_t i = 0; i < n; i++) {
    Value *a = cmd->u.fun.vals[i];
    argv[i] = a->kind == V_STR ? xstrdup(sym_str(a->u.str)) : val_to_string(a);
  }
  FILE *out = tmpfile(), *err = tmpfile();
  if (!out || !err)
    native_fail(nc, "%s: cannot make temporary files", op);
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0)
    native_fail(nc, "%s: cannot start a process: %s", op, strerror(errno));
  if (pid == 0) {
    dup2(fileno(out), 1);
    dup2(fileno(err), 2);
    if (env && env->kind == V_FUN)
      for (uint32_t i = 0; i < env->u.fun.n; i++) {
        Value *k = env->u.fun.keys[i], *v = env->u.fun.vals[i];
        if (k->kind == V_STR) {
          char *s = v->kind == V_STR ? xstrdup(sym_str(v->u.str))
                                     : val_to_string(v);
          setenv(sym_str(k->u.str), s, 1);
        }
      }
    execvp(argv[0], argv);
    fprintf(stderr, "%s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  rewind(out);
  rewind(err);
  char *so = read_all(fileno(out)), *se = read_all(fileno(err));
  fclose(out);
  fclose(err);
  Sym fields[3] = {sym_intern("exitValue"), sym_intern("stdout"),
                   sym_intern("stderr")};
  Value *vals[3] = {val_int(code), val_str(sym_intern(so)),
                    val_str(sym_intern(se))};
  free(so);
  free(se);
  for (uint32_t i = 0; i < n; i++)
    free(argv[i]);
  free(argv);
  return val_record(fields, vals, 3);
}

static Value *n_io_exec(NativeCall *nc) {
  need_write(nc, "IOExec", "IOUtils");
  return run_command(nc, native_arg(nc, 0), NULL, "IOExec");
}

static Value *n_io_env_exec(NativeCall *nc) {
  need_write(nc, "IOEnvExec", "IOUtils");
  Value *env = need_fun(nc, native_arg(nc, 0), "IOEnvExec");
  return run_command(nc, native_arg(nc, 1), env, "IOEnvExec");
}

/* ---- the table ---- */

typedef struct NativeEntry {
  const char *module, *name;
  int arity;
  NativeFn fn;
} NativeEntry;

static const NativeEntry natives[] = {
    {"Folds", "MapThenFoldSet", 5, n_map_then_fold_set},
    {"FiniteSetsExt", "FoldSet", 3, n_fold_set},
    {"FiniteSetsExt", "SumSet", 1, n_sum_set},
    {"FiniteSetsExt", "ProductSet", 1, n_product_set},
    {"FiniteSetsExt", "ReduceSet", 3, n_reduce_set},
    {"FiniteSetsExt", "MapThenSumSet", 2, n_map_then_sum_set},
    {"FiniteSetsExt", "Quantify", 2, n_quantify},
    {"FiniteSetsExt", "kSubset", 2, n_k_subset},
    {"FiniteSetsExt", "Max", 1, n_max},
    {"FiniteSetsExt", "Min", 1, n_min},
    {"FiniteSetsExt", "ChooseUnique", 2, n_choose_unique},
    {"Functions", "FoldFunction", 3, n_fold_function},
    {"Functions", "FoldFunctionOnSet", 4, n_fold_function_on_set},
    {"Functions", "Range", 1, n_range},
    {"Functions", "IsInjective", 1, n_is_injective},
    {"SequencesExt", "SetToSeq", 1, n_set_to_seq},
    {"SequencesExt", "SetToSeqs", 1, n_set_to_seqs},
    {"SequencesExt", "SetToAllKPermutations", 1, n_set_to_all_k_permutations},
    {"SequencesExt", "SetToSortSeq", 2, n_set_to_sort_seq},
    {"SequencesExt", "FoldSeq", 3, n_fold_function},
    {"SequencesExt", "FoldLeft", 3, n_fold_left},
    {"SequencesExt", "FoldRight", 3, n_fold_right},
    {"SequencesExt", "FoldLeftDomain", 3, n_fold_left_domain},
    {"SequencesExt", "FoldRightDomain", 3, n_fold_right_domain},
    {"SequencesExt", "FlattenSeq", 1, n_flatten_seq},
    {"SequencesExt", "SeqOf", 2, n_seq_of},
    {"SequencesExt", "BoundedSeq", 2, n_seq_of},
    {"SequencesExt", "Remove", 2, n_remove},
    {"SequencesExt", "SelectInSeq", 2, n_select_in_seq},
    {"SequencesExt", "SelectLastInSeq", 2, n_select_last_in_seq},
    {"SequencesExt", "Contains", 2, n_contains},
    {"VectorClocks", "CausalOrder", 4, n_causal_order},
    {"Bags", "BagCardinality", 1, n_bag_cardinality},
    {"Json", "JsonDeserialize", 1, n_json_deserialize},
    {"Json", "ndJsonDeserialize", 1, n_nd_json_deserialize},
    {"Json", "ToJson", 1, n_to_json},
    {"Json", "ToJsonArray", 1, n_to_json_array},
    {"Json", "ToJsonObject", 1, n_to_json_object},
    {"Json", "JsonSerialize", 2, n_json_serialize},
    {"Json", "ndJsonSerialize", 2, n_nd_json_serialize},
    {"CSV", "CSVWrite", 3, n_csv_write},
    {"CSV", "CSVWriteRecord", 4, n_csv_write_record},
    {"CSV", "CSVRead", 3, n_csv_read},
    {"CSV", "CSVRecords", 1, n_csv_records},
    {"IOUtils", "IOEnv", 0, n_io_env},
    {"IOUtils", "IOExec", 1, n_io_exec},
    {"IOUtils", "IOEnvExec", 2, n_io_env_exec},
};

NativeFn native_lookup(const char *module, const char *name, int arity) {
  for (size_t i = 0; i < sizeof natives / sizeof *natives; i++)
    if (natives[i].arity == arity && strcmp(natives[i].name, name) == 0 &&
        strcmp(natives[i].module, module) == 0)
      return natives[i].fn;
  return NULL;
}
