/* native.c -- C implementations of operators of the shipped modules:
 * folds, finite sets, functions, sequences, vector clocks, bags.
 *
 * Design.  One table maps (module, operator, arity) to a function; the
 * evaluator looks a shipped definition up once (natcall.c) and then calls
 * the function in place of the body.  Every function here computes exactly
 * what the module's TLA+ definition computes under brink's evaluator: the
 * folds visit a set in value order because the definitions choose
 * elements with CHOOSE x \in T : TRUE, which brink answers with the least
 * element; an order or a tie broken by CHOOSE in a definition is broken
 * the same way here.  The gain is complexity: no recursion as deep as the
 * set is large, no intermediate sets T \ {x}, linear scans where the
 * definitions quantify over pairs.  The input/output operators (Json, CSV,
 * IOUtils) are in nativeio.c, with their own table; native_lookup asks
 * both. */
#include "natint.h"

#include <gmp.h>
#include <string.h>

/* ---- helpers ---- */

const char *nat_kind_word(const Value *v) {
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
                nat_kind_word(v));
  Value *s = val_set_enum(v);
  if (!s)
    native_fail(nc,
                "%s expects a finite set, but was given an infinite or "
                "too large one",
                op);
  return s;
}

Value *nat_need_seq(NativeCall *nc, Value *v, const char *op) {
  if (!val_is_seq(v))
    native_fail(nc, "%s expects a sequence, but was given %s", op,
                nat_kind_word(v));
  return v;
}

Value *nat_need_fun(NativeCall *nc, Value *v, const char *op) {
  if (v->kind != V_FUN)
    native_fail(nc, "%s expects a function, but was given %s", op,
                nat_kind_word(v));
  return v;
}

static Value *need_int(NativeCall *nc, Value *v, const char *op) {
  if (v->kind != V_INT)
    native_fail(nc, "%s expects integers, but met %s", op, nat_kind_word(v));
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
    native_fail(nc,
                "%s of the empty set: CHOOSE found no element satisfying "
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
    native_fail(nc,
                "ChooseUnique: %s element satisfies the test (CHOOSE found "
                "no element satisfying its condition)",
                count ? "more than one" : "no");
  return found;
}

/* ---- Functions ---- */

static Value *n_fold_function(NativeCall *nc) {
  Value *f = nat_need_fun(nc, native_arg(nc, 2), "FoldFunction");
  return fold_elems(nc, 0, native_arg(nc, 1), f->u.fun.vals, f->u.fun.n);
}

static Value *n_fold_function_on_set(NativeCall *nc) {
  Value *f = nat_need_fun(nc, native_arg(nc, 2), "FoldFunctionOnSet");
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
  Value *f = nat_need_fun(nc, native_arg(nc, 0), "Range");
  return val_set(f->u.fun.vals, f->u.fun.n);
}

static int cmp_ptr(const void *a, const void *b) {
  uintptr_t x = (uintptr_t) * (Value *const *)a,
            y = (uintptr_t) * (Value *const *)b;
  return (x > y) - (x < y);
}

/* Distinct values are distinct pointers (values are hash-consed). */
static Value *n_is_injective(NativeCall *nc) {
  Value *f = nat_need_fun(nc, native_arg(nc, 0), "IsInjective");
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
    native_fail(nc,
                "SetToAllKPermutations of a set of %u elements: too many "
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
  Value *s = nat_need_seq(nc, native_arg(nc, 2), "FoldLeft");
  Value *acc = native_arg(nc, 1);
  for (uint32_t i = 0; i < s->u.fun.n; i++)
    acc = apply2(nc, 0, acc, s->u.fun.vals[i]);
  return acc;
}

static Value *n_fold_right(NativeCall *nc) {
  Value *s = nat_need_seq(nc, native_arg(nc, 1), "FoldRight");
  Value *acc = native_arg(nc, 2);
  for (uint32_t i = s->u.fun.n; i-- > 0;)
    acc = apply2(nc, 0, s->u.fun.vals[i], acc);
  return acc;
}

static Value *n_fold_left_domain(NativeCall *nc) {
  Value *s = nat_need_seq(nc, native_arg(nc, 2), "FoldLeftDomain");
  Value *acc = native_arg(nc, 1);
  for (uint32_t i = 0; i < s->u.fun.n; i++)
    acc = apply2(nc, 0, acc, val_int((int64_t)i + 1));
  return acc;
}

static Value *n_fold_right_domain(NativeCall *nc) {
  Value *s = nat_need_seq(nc, native_arg(nc, 1), "FoldRightDomain");
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
  nat_need_seq(nc, a, op);
  nat_need_seq(nc, b, op);
  size_t n = (size_t)a->u.fun.n + b->u.fun.n;
  Value **v = xmalloc((n ? n : 1) * sizeof *v);
  memcpy(v, a->u.fun.vals, a->u.fun.n * sizeof *v);
  memcpy(v + a->u.fun.n, b->u.fun.vals, b->u.fun.n * sizeof *v);
  Value *r = val_tuple(v, n);
  free(v);
  return r;
}

static Value *n_flatten_seq(NativeCall *nc) {
  Value *s = nat_need_seq(nc, native_arg(nc, 0), "FlattenSeq");
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
  Value *s = nat_need_seq(nc, native_arg(nc, 0), "Remove");
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
  Value *s = nat_need_seq(nc, native_arg(nc, 0), "SelectInSeq");
  for (uint32_t i = 0; i < s->u.fun.n; i++)
    if (native_test(nc, 1, &s->u.fun.vals[i], 1, "the test of SelectInSeq"))
      return val_int((int64_t)i + 1);
  return val_int(0);
}

static Value *n_select_last_in_seq(NativeCall *nc) {
  Value *s = nat_need_seq(nc, native_arg(nc, 0), "SelectLastInSeq");
  for (uint32_t i = s->u.fun.n; i-- > 0;)
    if (native_test(nc, 1, &s->u.fun.vals[i], 1, "the test of SelectLastInSeq"))
      return val_int((int64_t)i + 1);
  return val_int(0);
}

static Value *n_contains(NativeCall *nc) {
  Value *s = nat_need_seq(nc, native_arg(nc, 0), "Contains");
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
  Value *log = nat_need_seq(nc, native_arg(nc, 0), "CausalOrder");
  uint32_t n = log->u.fun.n;
  Value **clk = xmalloc((n ? n : 1) * sizeof *clk);
  for (uint32_t i = 0; i < n; i++)
    clk[i] = nat_need_fun(nc, apply1(nc, 1, log->u.fun.vals[i]),
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
  Value *b = nat_need_fun(nc, native_arg(nc, 0), "BagCardinality");
  Value *acc = val_int(0);
  for (uint32_t i = b->u.fun.n; i-- > 0;)
    acc = int_op(nc, b->u.fun.vals[i], acc, false, "BagCardinality");
  return acc;
}

/* ---- the table ---- */

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
};

NativeFn native_lookup(const char *module, const char *name, int arity) {
  NativeFn f =
      nat_find(natives, sizeof natives / sizeof *natives, module, name, arity);
  return f ? f : nat_io_lookup(module, name, arity);
}

NativeFn nat_find(const NativeEntry *t, size_t n, const char *module,
                  const char *name, int arity) {
  for (size_t i = 0; i < n; i++)
    if (t[i].arity == arity && strcmp(t[i].name, name) == 0 &&
        strcmp(t[i].module, module) == 0)
      return t[i].fn;
  return NULL;
}
