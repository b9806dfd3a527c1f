/* seq.c -- sequences and tuples (the Sequences module).
 *
 * Design.  A sequence is a function value with domain 1..n (value.h keeps
 * tuples and sequences one representation), so these operators slice and
 * copy the value array of that function.  As in TLC, a string is a
 * sequence of characters for Len, \o, Tail and SubSeq.  SelectSeq and
 * SortSeq apply an operator argument per element (call.c). */
#include "evalint.h"

static Value *select_seq(Ctx *c, Expr *e, Env *env) {
  Value *s = ev_need_seq(e, ev_eval(c, e->args[0], env), "SelectSeq");
  VEC(Value *) out = {0};
  for (uint32_t i = 0; i < s->u.fun.n; i++) {
    Value *x = s->u.fun.vals[i];
    if (ev_bool(e, ev_apply_op_arg(c, e, e->args[1], &x, 1, env),
                "the test of SelectSeq"))
      VEC_PUSH(out, x);
  }
  Value *r = ev_seq(out.data, out.len);
  VEC_FREE(out);
  return r;
}

/* SortSeq(s, Op): s ordered so that Op(a, b) holds for each a placed
 * before b where Op distinguishes them; stable (insertion sort, so each
 * comparison is one application of Op). */
static Value *sort_seq(Ctx *c, Expr *e, Env *env) {
  Value *s = ev_need_seq(e, ev_eval(c, e->args[0], env), "SortSeq");
  uint32_t n = s->u.fun.n;
  Value **v = xmalloc((n ? n : 1) * sizeof *v);
  for (uint32_t i = 0; i < n; i++) {
    Value *x = s->u.fun.vals[i];
    uint32_t j = i;
    for (; j > 0; j--) {
      Value *pair[2] = {x, v[j - 1]};
      if (!ev_bool(e, ev_apply_op_arg(c, e, e->args[1], pair, 2, env),
                   "the comparison of SortSeq"))
        break;
      v[j] = v[j - 1];
    }
    v[j] = x;
  }
  Value *r = ev_seq(v, n);
  free(v);
  return r;
}

/* <<a, b, c>>. */
Value *ev_seq_node(Ctx *c, Expr *e, Env *env) {
  switch (e->kind) {
  case EX_TUPLE: {
    Value *buf[e->nargs > 0 ? e->nargs : 1];
    for (int i = 0; i < e->nargs; i++)
      buf[i] = ev_eval(c, e->args[i], env);
    return ev_seq(buf, (size_t)e->nargs);
  }
  default:
    break;
  }
  ev_fail(e, "internal error: %s routed to the wrong family",
          ast_kind_name(e->kind));
}

/* Len, \o, Append, Head, Tail, SubSeq, SelectSeq, SortSeq. */
Value *ev_seq_op(Ctx *c, Expr *e, Env *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_LEN: {
    Value *s = ev_eval(c, a[0], env);
    if (s->kind == V_STR) /* TLC: a string is a sequence of characters */
      return val_int((int64_t)strlen(sym_str(s->u.str)));
    s = ev_need_seq(e, s, "Len");
    return val_int(s->u.fun.n);
  }
  case B_CONCAT: {
    Value *s = ev_eval(c, a[0], env), *t = ev_eval(c, a[1], env);
    if (s->kind == V_STR && t->kind == V_STR) {
      char *st = xsprintf("%s%s", sym_str(s->u.str), sym_str(t->u.str));
      Value *r = val_str(sym_intern(st));
      free(st);
      return r;
    }
    s = ev_need_seq(e, s, "\\o");
    t = ev_need_seq(e, t, "\\o");
    size_t n = s->u.fun.n + t->u.fun.n;
    Value **v = xmalloc((n + 1) * sizeof *v);
    memcpy(v, s->u.fun.vals, s->u.fun.n * sizeof *v);
    memcpy(v + s->u.fun.n, t->u.fun.vals, t->u.fun.n * sizeof *v);
    Value *r = ev_seq(v, n);
    free(v);
    return r;
  }
  case B_APPEND: {
    Value *s = ev_need_seq(e, ev_eval(c, a[0], env), "Append");
    size_t n = s->u.fun.n + 1;
    Value **v = xmalloc(n * sizeof *v);
    memcpy(v, s->u.fun.vals, s->u.fun.n * sizeof *v);
    v[n - 1] = ev_eval(c, a[1], env);
    Value *r = ev_seq(v, n);
    free(v);
    return r;
  }
  case B_HEAD: {
    Value *s = ev_need_seq(e, ev_eval(c, a[0], env), "Head");
    if (s->u.fun.n == 0)
      ev_fail(e, "Head of the empty sequence");
    return s->u.fun.vals[0];
  }
  case B_TAIL: {
    Value *s = ev_eval(c, a[0], env);
    if (s->kind == V_STR) { /* TLC: the string without its first character */
      const char *str = sym_str(s->u.str);
      if (!*str)
        ev_fail(e, "Tail of the empty string");
      return val_str(sym_intern(str + 1));
    }
    s = ev_need_seq(e, s, "Tail");
    if (s->u.fun.n == 0)
      ev_fail(e, "Tail of the empty sequence");
    return ev_seq(s->u.fun.vals + 1, s->u.fun.n - 1);
  }
  case B_SUBSEQ: {
    Value *s = ev_eval(c, a[0], env);
    int64_t m, n;
    if (!val_int_fits(ev_eval(c, a[1], env), &m) ||
        !val_int_fits(ev_eval(c, a[2], env), &n))
      ev_fail(e, "SubSeq needs integer bounds");
    if (s->kind == V_STR) {
      const char *str = sym_str(s->u.str);
      int64_t len = (int64_t)strlen(str);
      if (n < m)
        return val_str(sym_intern(""));
      if (m < 1 || n > len)
        ev_fail(e, "SubSeq bounds %lld..%lld are outside 1..%lld", (long long)m,
                (long long)n, (long long)len);
      return val_str(sym_intern_n(str + m - 1, (size_t)(n - m + 1)));
    }
    s = ev_need_seq(e, s, "SubSeq");
    if (n < m)
      return ev_seq(NULL, 0);
    if (m < 1 || n > (int64_t)s->u.fun.n)
      ev_fail(e, "SubSeq bounds %lld..%lld are outside 1..%u", (long long)m,
              (long long)n, s->u.fun.n);
    return ev_seq(s->u.fun.vals + m - 1, (size_t)(n - m + 1));
  }
  case B_SELECTSEQ:
    return select_seq(c, e, env);
  case B_SORTSEQ:
    return sort_seq(c, e, env);
  default:
    break;
  }
  ev_unsupported(e, "the operator '%s' is not supported yet", sym_str(e->name));
}
