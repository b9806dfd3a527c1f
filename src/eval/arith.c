/* arith.c -- integers: + - * \div % ^ < > <= >= .. and unary minus.
 *
 * Design.  Integers are GMP-backed values with a small-integer fast path
 * (value.h); arithmetic on two operands inside 32 bits is done on int64
 * without GMP, everything else through mpz.  \div and % are floored, as
 * TLC's (the remainder of a positive divisor is in 0..y-1). */
#include "evalint.h"

static Value *arith(Ctx *c, Expr *e, Env *env, int op) {
  mpz_t a, b, r;
  Value *va = ev_eval(c, e->args[0], env), *vb = ev_eval(c, e->args[1], env);
  int64_t x, y;
  /* Fast path for small integers. */
  if (val_int_fits(va, &x) && val_int_fits(vb, &y) && x > -(1ll << 31) &&
      x < (1ll << 31) && y > -(1ll << 31) && y < (1ll << 31)) {
    switch (op) {
    case B_PLUS:
      return val_int(x + y);
    case B_MINUS:
      return val_int(x - y);
    case B_MUL:
      return val_int(x * y);
    case B_LT:
      return val_bool(x < y);
    case B_GT:
      return val_bool(x > y);
    case B_LE:
      return val_bool(x <= y);
    case B_GE:
      return val_bool(x >= y);
    case B_RANGE:
      return val_interval_si(x, y);
    case B_DIV: /* floored, as mpz_fdiv_q */
      if (y != 0) {
        int64_t q = x / y;
        if (x % y != 0 && (x < 0) != (y < 0))
          q--;
        return val_int(q);
      }
      break;
    case B_POW:
      if (y >= 0 && y < 64 && !(x == 0 && y == 0)) {
        int64_t r = 1;
        bool over = false;
        for (int64_t i = 0; i < y && !over; i++)
          over = __builtin_mul_overflow(r, x, &r);
        if (!over)
          return val_int(r);
      }
      break;
    case B_MOD: /* in 0..y-1, as mpz_fdiv_r for y > 0 */
      if (y > 0) {
        int64_t r = x % y;
        return val_int(r < 0 ? r + y : r);
      }
      break;
    default:
      break;
    }
  }
  mpz_inits(a, b, r, NULL);
  ev_int(e->args[0], va, a, "the left operand");
  ev_int(e->args[1], vb, b, "the right operand");
  Value *res = NULL;
  switch (op) {
  case B_PLUS:
    mpz_add(r, a, b);
    break;
  case B_MINUS:
    mpz_sub(r, a, b);
    break;
  case B_MUL:
    mpz_mul(r, a, b);
    break;
  case B_DIV:
    if (mpz_sgn(b) == 0)
      ev_fail(e, "division by zero in \\div");
    mpz_fdiv_q(r, a, b);
    break;
  case B_MOD:
    if (mpz_sgn(b) <= 0)
      ev_fail(e,
              "the second argument of %% should be a positive number, "
              "but is %s",
              ev_show(vb));
    mpz_fdiv_r(r, a, b);
    break;
  case B_POW:
    if (mpz_sgn(b) < 0)
      ev_fail(e, "negative exponent in ^");
    if (!mpz_fits_ulong_p(b) || mpz_get_ui(b) > 100000)
      ev_fail(e, "exponent too large in ^");
    if (mpz_sgn(a) == 0 && mpz_sgn(b) == 0)
      ev_fail(e, "0^0 is undefined");
    mpz_pow_ui(r, a, mpz_get_ui(b));
    break;
  case B_LT:
    res = val_bool(mpz_cmp(a, b) < 0);
    break;
  case B_GT:
    res = val_bool(mpz_cmp(a, b) > 0);
    break;
  case B_LE:
    res = val_bool(mpz_cmp(a, b) <= 0);
    break;
  case B_GE:
    res = val_bool(mpz_cmp(a, b) >= 0);
    break;
  case B_RANGE:
    res = val_interval(a, b);
    break;
  }
  if (!res)
    res = val_int_mpz(r);
  mpz_clears(a, b, r, NULL);
  return res;
}

/* The integer operators of Naturals and Integers. */
Value *ev_arith_op(Ctx *c, Expr *e, Env *env) {
  Expr **a = e->args;
  if (e->ref.u.builtin != B_NEG)
    return arith(c, e, env, e->ref.u.builtin);
  mpz_t z;
  mpz_init(z);
  ev_int(a[0], ev_eval(c, a[0], env), z, "the operand of unary -");
  mpz_neg(z, z);
  return ev_int_result(z);
}
