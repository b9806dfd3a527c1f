/* typeinfer_builtin.c -- the types of the standard modules' operators.
 *
 * One case per built-in operator (builtin.h): what its arguments must be
 * and what it returns, e.g. `S \cup T` unifies S and T with one Set(a)
 * and returns it; `Len(s)` wants a string or a sequence (ty_strseq,
 * settled later) and gives Int.  An operator that takes an operator
 * argument (SelectSeq, SortSeq) unifies the argument's type with the
 * operator type it expects (ti_expect_op_arg).  An operator with no rule
 * here types its arguments and returns a fresh variable, so it never
 * causes a mismatch. */
#include "inferint.h"

/* The type of an expression passed where an operator is expected (a
 * definition's name, an operator parameter, a LAMBDA); NULL for a
 * built-in operator. */
static Type *op_arg_type(Infer *I, Expr *arg, TEnv *env) {
  if (arg->kind == EX_LAMBDA)
    return ti_infer(I, arg, env);
  if (arg->kind != EX_OP || arg->nargs != 0)
    return NULL;
  if (arg->ref.kind == REF_DEF)
    return ti_def_type(I, arg->ref.u.def, arg->loc);
  if (arg->ref.kind == REF_BINDER) {
    Type *t = ti_lookup(env, arg->ref.u.binder->id);
    return t ? t : arg->ref.u.binder->type;
  }
  return NULL;
}

void ti_expect_op_arg(Infer *I, Expr *arg, TEnv *env, Type *want) {
  Type *t = op_arg_type(I, arg, env);
  if (t)
    ti_expect(arg, t, want, ti_expr_name(arg));
}

Type *ti_builtin_type(Infer *I, Expr *e, TEnv *env) {
  Expr **a = e->args;
  Loc L = e->loc;
  int b = e->ref.u.builtin;
  switch (b) {
  case B_EQ:
  case B_NEQ: {
    Type *x = ti_infer(I, a[0], env), *y = ti_infer(I, a[1], env);
    ti_expect(a[1], y, x, ti_expr_name(a[0]));
    return BOOL(L);
  }
  case B_AND:
  case B_OR:
  case B_NOT:
  case B_IMPLIES:
  case B_EQUIV:
    for (int i = 0; i < e->nargs; i++)
      ti_infer_expect(I, a[i], env, BOOL(a[i]->loc));
    return BOOL(L);
  case B_IN:
  case B_NOTIN: {
    Type *x = ti_infer(I, a[0], env);
    ti_infer_expect(I, a[1], env, ty_set(x, a[0]->loc));
    return BOOL(L);
  }
  case B_CUP:
  case B_CAP:
  case B_SETMINUS:
  case B_SUBSETEQ: {
    Type *s = ty_set(ty_var(), L);
    ti_infer_expect(I, a[0], env, s);
    ti_infer_expect(I, a[1], env, s);
    return b == B_SUBSETEQ ? BOOL(L) : s;
  }
  case B_SUBSET: {
    Type *s = ty_set(ty_var(), L);
    ti_infer_expect(I, a[0], env, s);
    return ty_set(s, L);
  }
  case B_UNION: {
    Type *s = ty_set(ty_var(), L);
    ti_infer_expect(I, a[0], env, ty_set(s, L));
    return s;
  }
  case B_DOMAIN: {
    Type *f = type_find(ti_infer(I, a[0], env));
    if (f->kind == TY_TUP || f->kind == TY_SEQ)
      return ty_set(INT(L), L);
    if (f->kind == TY_REC)
      return ty_set(STR(L), L);
    Type *d = ty_var();
    ti_expect(a[0], f, ty_fun(d, ty_var(), L), ti_expr_name(a[0]));
    return ty_set(d, L);
  }
  case B_PRIME:
    return ti_infer(I, a[0], env);
  case B_UNCHANGED:
    ti_infer(I, a[0], env);
    return BOOL(L);
  case B_ENABLED:
  case B_BOX:
  case B_DIAMOND:
    ti_infer_expect(I, a[0], env, BOOL(L));
    return BOOL(L);
  case B_LEADSTO:
    ti_infer_expect(I, a[0], env, BOOL(L));
    ti_infer_expect(I, a[1], env, BOOL(L));
    return BOOL(L);
  case B_BOOLEAN:
    return ty_set(BOOL(L), L);
  case B_STRING:
    return ty_set(STR(L), L);
  case B_NAT:
  case B_INT:
  case B_REAL:
    return ty_set(INT(L), L);
  case B_INFINITY:
  case B_JAVATIME:
    return INT(L);
  case B_TIMES: {
    Type *tup = ty_tup(e->nargs, L);
    for (int i = 0; i < e->nargs; i++)
      ti_infer_expect(I, a[i], env, ty_set(tup->args[i], L));
    return ty_set(tup, L);
  }
  case B_PLUS:
  case B_MINUS:
  case B_MUL:
  case B_POW:
  case B_DIV:
  case B_RDIV:
  case B_MOD:
  case B_LT:
  case B_GT:
  case B_LE:
  case B_GE:
  case B_RANGE:
    ti_infer_expect(I, a[0], env, INT(L));
    ti_infer_expect(I, a[1], env, INT(L));
    if (b == B_RANGE)
      return ty_set(INT(L), L);
    return b >= B_LT && b <= B_GE ? BOOL(L) : INT(L);
  case B_NEG:
    ti_infer_expect(I, a[0], env, INT(L));
    return INT(L);
  case B_SEQ: {
    Type *el = ty_var();
    ti_infer_expect(I, a[0], env, ty_set(el, L));
    return ty_set(ty_seq(el, L), L);
  }
  /* Len, \o, SubSeq and Tail take strings too, as in TLC. */
  case B_TAIL: {
    Type *s = ty_strseq(L);
    ti_infer_expect(I, a[0], env, s);
    return s;
  }
  case B_LEN:
    ti_infer_expect(I, a[0], env, ty_strseq(L));
    return INT(L);
  case B_CONCAT: {
    Type *s = ty_strseq(L);
    ti_infer_expect(I, a[0], env, s);
    ti_infer_expect(I, a[1], env, s);
    return s;
  }
  case B_SUBSEQ: {
    Type *s = ty_strseq(L);
    ti_infer_expect(I, a[0], env, s);
    ti_infer_expect(I, a[1], env, INT(L));
    ti_infer_expect(I, a[2], env, INT(L));
    return s;
  }
  case B_APPEND:
  case B_HEAD:
  case B_SELECTSEQ:
  case B_SORTSEQ: {
    Type *el = ty_var();
    Type *s = ty_seq(el, L);
    ti_infer_expect(I, a[0], env, s);
    if (b == B_APPEND)
      ti_infer_expect(I, a[1], env, el);
    if (b == B_SELECTSEQ || b == B_SORTSEQ) {
      Type *op = ty_oper(b == B_SELECTSEQ ? 1 : 2, L);
      for (int i = 0; i + 1 < op->nargs; i++)
        op->args[i] = el;
      op->args[op->nargs - 1] = BOOL(L);
      ti_expect_op_arg(I, a[1], env, op);
    }
    return b == B_HEAD ? el : s;
  }
  case B_ISFINITESET:
    ti_infer_expect(I, a[0], env, ty_set(ty_var(), L));
    return BOOL(L);
  case B_CARDINALITY:
    ti_infer_expect(I, a[0], env, ty_set(ty_var(), L));
    return INT(L);
  case B_SINGLETON_FN:
    return ty_fun(ti_infer(I, a[0], env), ti_infer(I, a[1], env), L);
  case B_MERGE_FN: {
    Type *f = ty_fun(ty_var(), ty_var(), L);
    ti_infer_expect(I, a[0], env, f);
    ti_infer_expect(I, a[1], env, f);
    return f;
  }
  case B_PERMUTATIONS: {
    Type *el = ty_var();
    ti_infer_expect(I, a[0], env, ty_set(el, L));
    return ty_set(ty_fun(el, el, L), L);
  }
  case B_RANDOMELEMENT: {
    Type *el = ty_var();
    ti_infer_expect(I, a[0], env, ty_set(el, L));
    return el;
  }
  case B_PRINT:
  case B_TLCEVAL:
    if (b == B_PRINT)
      ti_infer(I, a[0], env);
    return ti_infer(I, a[b == B_PRINT ? 1 : 0], env);
  case B_PRINTT:
    ti_infer(I, a[0], env);
    return BOOL(L);
  case B_ASSERT: /* Assert(P, out) is TRUE when it does not fail */
    ti_infer_expect(I, a[0], env, BOOL(L));
    ti_infer(I, a[1], env);
    return BOOL(L);
  case B_TLCSET: /* TLCSet(i, v): i is a number or "exit" */
    ti_infer(I, a[0], env);
    ti_infer(I, a[1], env);
    return BOOL(L);
  case B_TOSTRING:
    ti_infer(I, a[0], env);
    return STR(L);
  }
  for (int i = 0; i < e->nargs; i++)
    if (!builtin_op_param(b, i))
      ti_infer(I, a[i], env);
  return ty_var();
}
