/* builtin.c -- the built-in operators: logic, arithmetic, sets,
 * sequences, printing and the TLC module.
 *
 * enc_builtin is one switch over the built-in operators: Boolean
 * operators short-circuit with the path condition, as TLC evaluates them;
 * arithmetic is on Int terms (a constant power is computed exactly, a
 * symbolic one as a case split over the few exponents it can take); the
 * set, function and sequence operators call their families' files;
 * TLCSet and TLCGet read TLC's registers (registers.h). */
#include "encint.h"

#include "registers.h"

/* x ^ y as a product of y copies of x, for each exponent y can take
 * (term_int_bounds), up to MAX_POW; a negative exponent and 0 ^ 0 are
 * errors, as in the evaluator. */
#define MAX_POW 64
#define MAX_CONST_POW_BITS 65536 /* a constant x ^ y computed exactly */

static SymVal *enc_pow(Enc *E, Expr *e, TermId x, TermId y) {
  TermId zero = term_mk_int_si(T, 0);
  mpz_t lo, hi;
  mpz_inits(lo, hi, NULL);
  if (term_is_int_const(T, x) && term_is_int_const(T, y)) {
    /* Constants: exactly, with GMP (2^n in a recursion over n). */
    term_int_value(T, x, lo);
    term_int_value(T, y, hi);
    bool ok = mpz_sgn(hi) > 0 || (mpz_sgn(hi) == 0 && mpz_sgn(lo) != 0);
    if (ok && mpz_cmp_ui(hi, MAX_CONST_POW_BITS) <= 0 &&
        (mpz_cmpabs_ui(lo, 1) <= 0 ||
         mpz_sizeinbase(lo, 2) * mpz_get_ui(hi) <= MAX_CONST_POW_BITS)) {
      mpz_pow_ui(lo, lo, mpz_get_ui(hi));
      TermId r = term_mk_int(T, lo);
      mpz_clears(lo, hi, NULL);
      return sv_int(r);
    }
  }
  bool bounded = term_int_bounds(T, y, lo, hi);
  if (bounded && mpz_sgn(lo) < 0)
    mpz_set_ui(lo, 0);
  /* Exponents past MAX_POW are refused where a reachable state needs one
   * (a path condition may rule them out); outside a check that collects
   * such conditions, at once. */
  bool over = bounded && mpz_cmp_si(hi, MAX_POW) > 0;
  bool small = bounded && mpz_cmp_si(lo, MAX_POW) <= 0 && (!over || E->errs);
  long from = small ? mpz_get_si(lo) : 0;
  long to = small ? (over ? MAX_POW : mpz_get_si(hi)) : -1;
  mpz_clears(lo, hi, NULL);
  if (!bounded)
    unsupported(e, "x ^ y needs an exponent bounded by constants in the "
                   "symbolic engine");
  if (!small)
    unsupported(e, "x ^ y with an exponent that may exceed %d is not "
                   "supported by the symbolic engine",
                MAX_POW);
  if (over)
    wd_code(E, term_mk_lt(T, term_mk_int_si(T, MAX_POW), y), e,
            xsprintf("symbolic engine: x ^ y with an exponent above %d is "
                     "not supported; use --engine explicit",
                     MAX_POW),
            EXIT_OTHER);
  wd(E, term_mk_lt(T, y, zero), e, "negative exponent in ^");
  wd(E, term_mk_and2(T, term_mk_eq(T, y, zero), term_mk_eq(T, x, zero)), e,
     "0^0 is undefined");
  TermId r = zero, p = term_mk_int_si(T, 1);
  for (long k = 0; k <= to; k++) {
    if (k >= from)
      r = k == from ? p
                    : term_mk_ite(T, term_mk_eq(T, y, term_mk_int_si(T, k)), p,
                                  r);
    p = term_mk_mul(T, p, x);
  }
  return sv_int(r);
}

static SymVal *enc_arith(Enc *E, Expr *e, int op, Bind *env) {
  SymVal *a = enc(E, e->args[0], env), *b = enc(E, e->args[1], env);
  if (op == B_RANGE)
    return enc_range(E, e, a, b);
  TermId x = as_int(e->args[0], a), y = as_int(e->args[1], b);
  switch (op) {
  case B_PLUS:
    return sv_int(term_mk_add(T, x, y));
  case B_MINUS:
    return sv_int(term_mk_sub(T, x, y));
  case B_MUL:
    return sv_int(term_mk_mul(T, x, y));
  case B_DIV:
    wd(E, term_mk_eq(T, y, term_mk_int_si(T, 0)), e, "division by zero");
    return sv_int(term_mk_div(T, x, y));
  case B_MOD:
    wd(E, term_mk_le(T, y, term_mk_int_si(T, 0)), e,
       "the second argument of % is not positive");
    return sv_int(term_mk_mod(T, x, y));
  case B_POW:
    return enc_pow(E, e, x, y);
  case B_LT:
    return sv_bool(level_compare(E, true, x, y));
  case B_GT:
    return sv_bool(level_compare(E, true, y, x));
  case B_LE:
    return sv_bool(level_compare(E, false, x, y));
  case B_GE:
    return sv_bool(level_compare(E, false, y, x));
  }
  unsupported(e, "unknown arithmetic operator");
}

SymVal *enc_builtin(Enc *E, Expr *e, Bind *env) {
  int b = e->ref.u.builtin;
  Expr **a = e->args;
  switch (b) {
  case B_EQ:
  case B_NEQ: {
    /* Left to right, as TLC evaluates (C's argument order is not). */
    SymVal *x = enc(E, a[0], env);
    SymVal *y = enc(E, a[1], env);
    TermId r = eq_checked(E, e, x, y);
    return sv_bool(b == B_EQ ? r : term_mk_not(T, r));
  }
  case B_AND:
  case B_OR: {
    /* Short-circuit: later operands are evaluated only when earlier ones
     * left the result open. */
    TermId saved = E->pc;
    VEC(TermId) parts = {0};
    for (int i = 0; i < e->nargs; i++) {
      TermId p = as_bool(a[i], enc(E, a[i], env));
      VEC_PUSH(parts, p);
      E->pc = term_mk_and2(T, E->pc, b == B_AND ? p : term_mk_not(T, p));
    }
    E->pc = saved;
    TermId r = b == B_AND ? term_mk_and(T, parts.data, parts.len)
                          : term_mk_or(T, parts.data, parts.len);
    VEC_FREE(parts);
    return sv_bool(r);
  }
  case B_NOT:
    return sv_bool(term_mk_not(T, as_bool(a[0], enc(E, a[0], env))));
  case B_IMPLIES: {
    TermId p = as_bool(a[0], enc(E, a[0], env));
    TermId saved = E->pc;
    E->pc = term_mk_and2(T, saved, p);
    TermId q = as_bool(a[1], enc(E, a[1], env));
    E->pc = saved;
    return sv_bool(term_mk_implies(T, p, q));
  }
  case B_EQUIV:
    {
      TermId x = as_bool(a[0], enc(E, a[0], env));
      TermId y = as_bool(a[1], enc(E, a[1], env));
      return sv_bool(term_mk_iff(T, x, y));
    }
  case B_IN:
  case B_NOTIN: {
    TermId r = enc_in(E, e, enc(E, a[0], env), a[1], env);
    return sv_bool(b == B_IN ? r : term_mk_not(T, r));
  }
  case B_CUP:
  case B_CAP:
  case B_SETMINUS:
    {
      SymVal *x = enc(E, a[0], env);
      SymVal *y = enc(E, a[1], env);
      return set_op(E, e, b, x, y);
    }
  case B_SUBSETEQ: {
    /* SUBSET A \subseteq SUBSET B is A \subseteq B (the evaluator's
     * rule: neither powerset is built) */
    Expr *l = a[0], *r = a[1];
    while (ast_is_builtin(l, B_SUBSET) && ast_is_builtin(r, B_SUBSET)) {
      l = l->args[0];
      r = r->args[0];
    }
    SymVal *x = enc_need_set(l, enc(E, l, env));
    return sv_bool(all_in(E, e, x, r, env));
  }
  case B_UNION: {
    SymVal *s = enc_need_set(a[0], enc(E, a[0], env));
    VEC(SvCell) out = {0};
    for (uint32_t i = 0; i < s->n; i++) {
      SymVal *in = enc_need_set(a[0], s->cells[i].key);
      for (uint32_t j = 0; j < in->n; j++) {
        SvCell c = in->cells[j];
        c.mem = term_mk_and2(T, s->cells[i].mem, c.mem);
        VEC_PUSH(out, c);
      }
    }
    SymVal *r = sv_set(out.data, (uint32_t)out.len);
    VEC_FREE(out);
    return r;
  }
  case B_SUBSET: {
    SymVal *s = enc_need_set(a[0], enc(E, a[0], env));
    if (s->n > 12)
      unsupported(e, "SUBSET of a symbolic set of %u cells is too large; it "
                     "is supported on the right of \\in",
                  s->n);
    VEC(SvCell) out = {0};
    for (uint32_t mask = 0; mask < (1u << s->n); mask++) {
      SvCell *cells = xmalloc((s->n + 1) * sizeof *cells);
      TermId ok = term_true(T);
      for (uint32_t i = 0; i < s->n; i++) {
        bool in = mask & (1u << i);
        cells[i] = (SvCell){s->cells[i].key, in ? s->cells[i].mem : term_false(T),
                            NULL};
        /* Only subsets of actual members count once. */
        if (in)
          ok = term_mk_and2(T, ok, s->cells[i].mem);
      }
      SvCell c = {sv_set(cells, s->n), ok, NULL};
      free(cells);
      VEC_PUSH(out, c);
    }
    SymVal *r = sv_set(out.data, (uint32_t)out.len);
    VEC_FREE(out);
    return r;
  }
  case B_DOMAIN: {
    SymVal *f = enc(E, a[0], env);
    if (f->kind != SV_FUN)
      unsupported(e, "DOMAIN of something that is not a function");
    return sv_domain(f);
  }
  case B_PRIME: {
    if (E->primed)
      unsupported(e, "a primed expression is primed again");
    E->primed = true;
    SymVal *v = enc(E, a[0], env);
    E->primed = false;
    return v;
  }
  case B_UNCHANGED: {
    SymVal *before = enc(E, a[0], env);
    E->primed = true;
    SymVal *after = enc(E, a[0], env);
    E->primed = false;
    return sv_bool(sv_equal(before, after));
  }
  case B_BOOLEAN:
    return sv_from_value(val_set((Value *[]){val_bool(false), val_bool(true)}, 2));
  case B_TIMES: {
    /* The cartesian product of the factors' cells. */
    int n = e->nargs;
    SymVal *sets[16];
    if (n > 16)
      unsupported(e, "too many factors");
    size_t total = 1;
    for (int i = 0; i < n; i++) {
      sets[i] = enc_need_set(a[i], enc(E, a[i], env));
      total *= sets[i]->n ? sets[i]->n : 1;
      if (total > MAX_CELLS)
        unsupported(e, "the product is too large");
    }
    VEC(SvCell) out = {0};
    uint32_t idx[16] = {0};
    bool empty = false;
    for (int i = 0; i < n; i++)
      empty |= sets[i]->n == 0;
    while (!empty) {
      SymVal *vals[16];
      TermId mem = term_true(T);
      for (int i = 0; i < n; i++) {
        vals[i] = sets[i]->cells[idx[i]].key;
        mem = term_mk_and2(T, mem, sets[i]->cells[idx[i]].mem);
      }
      SvCell c = {mk_tuple(vals, (uint32_t)n), mem, NULL};
      VEC_PUSH(out, c);
      int i = n - 1;
      while (i >= 0 && ++idx[i] == sets[i]->n)
        idx[i--] = 0;
      if (i < 0)
        break;
    }
    SymVal *r = sv_set(out.data, (uint32_t)out.len);
    VEC_FREE(out);
    return r;
  }
  case B_PLUS:
  case B_MINUS:
  case B_MUL:
  case B_POW:
  case B_LT:
  case B_GT:
  case B_LE:
  case B_GE:
  case B_DIV:
  case B_MOD:
  case B_RANGE:
    return enc_arith(E, e, b, env);
  case B_NEG:
    return sv_int(term_mk_neg(T, as_int(a[0], enc(E, a[0], env))));
  case B_LEN: {
    SymVal *s = enc(E, a[0], env);
    if (s->kind == SV_ATOM)
      return str_cases(E, e, &s, 1, str_len, NULL, "Len");
    if (s->kind == SV_FUN && !int_const_keys(s)) {
      TermId len;
      wd(E, term_mk_not(T, seq_shape(E, e, s, &len)), e,
         "the argument of Len is not a sequence");
      return sv_int(len);
    }
    SeqView v = seq_view(E, e, s, "Len");
    TermId len = seq_len(&v);
    seq_view_free(&v);
    return sv_int(len);
  }
  case B_APPEND: {
    SymVal *s = enc(E, a[0], env);
    return seq_append(E, e, s, enc(E, a[1], env));
  }
  case B_CONCAT: {
    SymVal *s[2] = {enc(E, a[0], env), enc(E, a[1], env)};
    if (s[0]->kind == SV_ATOM || s[1]->kind == SV_ATOM)
      return str_concat(E, e, s);
    return seq_concat(E, e, s[0], s[1]);
  }
  case B_HEAD:
    return seq_head(E, e, enc(E, a[0], env));
  case B_TAIL: {
    SymVal *s = enc(E, a[0], env);
    if (s->kind == SV_ATOM)
      return str_cases(E, e, &s, 1, str_tail, NULL, "Tail");
    return seq_tail(E, e, s);
  }
  case B_SUBSEQ: {
    SymVal *s = enc(E, a[0], env);
    TermId m = as_int(a[1], enc(E, a[1], env));
    TermId n = as_int(a[2], enc(E, a[2], env));
    if (s->kind == SV_ATOM)
      return str_subseq(E, e, s, m, n);
    return seq_subseq(E, e, s, m, n);
  }
  case B_SELECTSEQ:
    return seq_select(E, e, enc(E, a[0], env), env);
  case B_ISFINITESET:
    return sv_bool(term_true(T));
  case B_CARDINALITY: {
    SymVal *s = enc_need_set(a[0], enc(E, a[0], env));
    return sv_int(sv_card(s));
  }
  case B_SINGLETON_FN: {
    SymVal *k = enc(E, a[0], env);
    SymVal *v = enc(E, a[1], env);
    SvCell c = {k, term_true(T), v};
    return sv_fun(&c, 1);
  }
  case B_MERGE_FN: {
    SymVal *f = enc(E, a[0], env), *g = enc(E, a[1], env);
    if (f->kind != SV_FUN || g->kind != SV_FUN)
      unsupported(e, "@@ needs two functions");
    VEC(SvCell) out = {0};
    for (uint32_t i = 0; i < f->n; i++)
      VEC_PUSH(out, f->cells[i]);
    SymVal *df = sv_domain(f);
    for (uint32_t j = 0; j < g->n; j++) {
      SvCell c = g->cells[j];
      c.mem = term_mk_and2(T, c.mem, term_mk_not(T, sv_mem(c.key, df)));
      if (!term_is_false(T, c.mem))
        VEC_PUSH(out, c);
    }
    SymVal *r = sv_fun(out.data, (uint32_t)out.len);
    VEC_FREE(out);
    return r;
  }
  case B_PRINT:
    return enc(E, a[1], env);
  case B_PRINTT:
    return sv_bool(term_true(T));
  case B_ASSERT: {
    TermId c = as_bool(a[0], enc(E, a[0], env));
    wd_code(E, term_mk_not(T, c), e,
            "the first argument of Assert evaluated to FALSE", EXIT_ASSERT);
    return sv_bool(term_true(T));
  }
  case B_NAT:
  case B_INT:
  case B_STRING:
  case B_SEQ:
    unsupported(e, "the infinite set '%s' can only be used on the right of "
                   "\\in",
                sym_str(e->name));
  case B_ENABLED:
    return enc_enabled(E, e, env);
  case B_TLCSET: {
    /* Sound to take as TRUE only when no register is read where the
     * engine checks or explores (registers.h); a string key ("exit",
     * "pause") acts on TLC's search and is refused where reached. */
    Value *k = closed_value(E, a[0]);
    if (!E->errs)
      unsupported(e, "TLCSet cannot be used here by the symbolic engine");
    if (k && k->kind == V_STR) {
      wd_code(E, term_true(T), e,
              xsprintf("TLCSet(\"%s\", ...) acts on TLC's search, which the "
                       "symbolic engine does not model; use --engine "
                       "explicit",
                       sym_str(k->u.str)),
              EXIT_OTHER);
      return sv_bool(term_true(T));
    }
    if (!E->reg_known) {
      E->reg_read = registers_first_read(E->spec);
      E->reg_known = true;
    }
    if (E->reg_read) {
      char where[512];
      unsupported(e, "TLCSet writes a register that TLCGet reads (at %s); the "
                     "symbolic engine does not model TLC's registers; use "
                     "--engine explicit",
                  loc_str(E->reg_read->loc, where, sizeof where));
    }
    SymVal *key = enc(E, a[0], env);
    if (key->kind != SV_INT)
      unsupported(e, "TLCSet with a key that is not an integer is not "
                     "supported by the symbolic engine");
    (void)enc(E, a[1], env); /* evaluated, as TLC does: its errors count */
    return sv_bool(term_true(T));
  }
  case B_TLCGET: {
    Value *k = closed_value(E, a[0]);
    if (!k || k->kind != V_STR || strcmp(sym_str(k->u.str), "level") != 0)
      unsupported(e, "TLCGet(%s) reads TLC's registers or its search "
                     "statistics, which the symbolic engine does not model; "
                     "use --engine explicit",
                  k ? val_to_string(k) : "a value that is not constant");
    /* 0 while Init is evaluated, as in TLC; otherwise the current state's
     * level, known to lie in 1..frame+1 (encode.h). */
    if (E->init_mode)
      return sv_int(term_mk_int_si(T, 0));
    if (E->primed || !E->cur)
      unsupported(e, "TLCGet(\"level\") of a next state is not supported by "
                     "the symbolic engine; use --engine explicit");
    return sv_int(level_var(E));
  }
  default:
    unsupported(e, "the operator '%s' is not supported by the symbolic "
                   "engine yet",
                sym_str(e->name));
  }
}
