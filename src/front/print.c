/* print.c -- the TLA+ printer.
 *
 * Design.  Text goes into one growable buffer that also tracks the column
 * of the next character (counting characters, as the lexer does), because
 * junction lists are laid out by column: a list printed at column c puts
 * every bullet at c, each item on its own line.  Everything else is on one
 * line, except LET, whose definitions each start a line at the LET's
 * column + 4 (IN back at the LET's column).  Every continuation line is
 * thus to the right of the bullet of any list that encloses it, which is
 * what the parser's offside rule needs.
 *
 * Parenthesisation is uniform: pr_sub prints an operand, wrapping it in
 * parentheses unless it is an atom (pr_atom).  The few places where a
 * complete expression is followed by something that could extend it -- a
 * CASE arm followed by `[]`, a set-map element that looks like a bound
 * `x \in S`, a bracket whose first expression looks like a bound -- wrap
 * those shapes too (pr_guard). */
#include "print.h"

#include "parse.h"

#include <ctype.h>
#include <string.h>

typedef struct Printer {
  VEC(char) buf;
  int col; /* 0-based column of the next character */
} Printer;

static void put(Printer *P, const char *s) {
  for (; *s; s++) {
    VEC_PUSH(P->buf, *s);
    if (*s == '\n')
      P->col = 0;
    else if (((unsigned char)*s & 0xC0) != 0x80)
      P->col++;
  }
}

static void put_sym(Printer *P, Sym s) { put(P, sym_str(s)); }

static void newline(Printer *P, int indent) {
  put(P, "\n");
  for (int i = 0; i < indent; i++)
    put(P, " ");
}

/* ---- names ---- */

static bool is_ident(Sym s) {
  unsigned char c = (unsigned char)sym_str(s)[0];
  return isalnum(c) || c == '_';
}

static bool is_prefix_word(Sym s) {
  static const char *const words[] = {"SUBSET", "UNION", "DOMAIN", "ENABLED",
                                      "UNCHANGED"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (!strcmp(sym_str(s), words[i]))
      return true;
  return false;
}

static bool is_postfix(Sym s) {
  const char *n = sym_str(s);
  return !strcmp(n, "'") || !strcmp(n, "^+") || !strcmp(n, "^*") ||
         !strcmp(n, "^#");
}

static bool is_jlist(const Expr *e) {
  if (e->kind != EX_OP || e->npath || e->nargs < 2)
    return false;
  const char *n = sym_str(e->name);
  return !strcmp(n, "/\\") || !strcmp(n, "\\/");
}

/* `F`, `F(_, _)`, `_ + _`, `-. _`, `_ ^+` (a parameter or a declaration). */
static void pr_param(Printer *P, Sym name, int arity) {
  if (is_ident(name)) {
    put_sym(P, name);
    if (arity > 0) {
      put(P, "(");
      for (int i = 0; i < arity; i++)
        put(P, i ? ", _" : "_");
      put(P, ")");
    }
  } else if (arity == 2) {
    put(P, "_ ");
    put_sym(P, name);
    put(P, " _");
  } else if (is_postfix(name)) {
    put(P, "_ ");
    put_sym(P, name);
  } else {
    put_sym(P, name);
    put(P, " _");
  }
}

static void pr_string(Printer *P, Sym s) {
  put(P, "\"");
  for (const char *c = sym_str(s); *c; c++) {
    char one[2] = {*c, 0};
    switch (*c) {
    case '"': put(P, "\\\""); break;
    case '\\': put(P, "\\\\"); break;
    case '\n': put(P, "\\n"); break;
    case '\t': put(P, "\\t"); break;
    case '\r': put(P, "\\r"); break;
    case '\f': put(P, "\\f"); break;
    default: put(P, one);
    }
  }
  put(P, "\"");
}

/* ---- expressions ---- */

static void pr_expr(Printer *P, const Expr *e);
static void pr_def(Printer *P, const Def *d, int indent);

/* Does e print as one unit that nothing around it can split or extend? */
static bool pr_atom(const Expr *e) {
  switch (e->kind) {
  case EX_NUM:
  case EX_DECIMAL:
  case EX_STR:
  case EX_BOOL:
  case EX_AT:
  case EX_SET_ENUM:
  case EX_SET_FILTER:
  case EX_SET_MAP:
  case EX_FUNC:
  case EX_FUNSET:
  case EX_RECORD:
  case EX_RECSET:
  case EX_TUPLE:
  case EX_FAPP:
  case EX_DOT:
  case EX_EXCEPT:
  case EX_BOX_ACT:
  case EX_DIA_ACT:
  case EX_WF:
  case EX_SF:
    return true;
  case EX_OP: /* postfix operators bind tightest: `x'` is an atom */
    return e->npath > 0 || e->nargs == 0 ||
           (is_ident(e->name) && !is_prefix_word(e->name)) ||
           (e->nargs == 1 && is_postfix(e->name) && pr_atom(e->args[0]));
  default:
    return false;
  }
}

static void pr_sub(Printer *P, const Expr *e) {
  if (pr_atom(e)) {
    pr_expr(P, e);
    return;
  }
  put(P, "(");
  pr_expr(P, e);
  put(P, ")");
}

/* `x \in S` or `<<x, y>> \in S` with plain names: read as a bound at the
 * start of `{...}` and `[...]`. */
static bool looks_like_bound(const Expr *e) {
  if (e->kind != EX_OP || e->npath || e->nargs != 2 ||
      strcmp(sym_str(e->name), "\\in"))
    return false;
  const Expr *l = e->args[0];
  if (l->kind == EX_OP)
    return l->nargs == 0 && !l->npath;
  if (l->kind != EX_TUPLE)
    return false;
  for (int i = 0; i < l->nargs; i++)
    if (l->args[i]->kind != EX_OP || l->args[i]->nargs || l->args[i]->npath)
      return false;
  return true;
}

/* A complete expression followed by `[]`, `:` or `->`: a CASE would take
 * the next arm, a bound-shaped expression would be read as a bound. */
static void pr_guard(Printer *P, const Expr *e) {
  if (e->kind == EX_CASE || looks_like_bound(e)) {
    put(P, "(");
    pr_expr(P, e);
    put(P, ")");
  } else {
    pr_expr(P, e);
  }
}

static void pr_list(Printer *P, Expr *const *v, int n) {
  for (int i = 0; i < n; i++) {
    if (i)
      put(P, ", ");
    pr_expr(P, v[i]);
  }
}

/* Arguments, each an expression or a bare operator symbol (`F(+, x)`); a
 * lone symbol is followed by a blank, since `(-)` is one token (\ominus). */
static void pr_args(Printer *P, Expr *const *v, int n) {
  put(P, "(");
  pr_list(P, v, n);
  if (n == 1 && v[0]->kind == EX_OP && v[0]->nargs == 0 && !v[0]->npath &&
      !is_ident(v[0]->name))
    put(P, " ");
  put(P, ")");
}

/* One part of a `M(a)!N!Op` path: "()" is a bare argument list. */
static void pr_path_part(Printer *P, Sym name, Expr *const *args, int nargs) {
  if (strcmp(sym_str(name), "()"))
    put_sym(P, name);
  if (nargs > 0 || !strcmp(sym_str(name), "()"))
    pr_args(P, args, nargs);
}

/* A binary application of a left-associative operator whose left operand
 * applies the same operator: `a + b + c` reads back as the same tree, and
 * a chain of n terms prints without n nested parentheses (which the
 * parser's nesting limit would refuse).  The n-ary \X is not one. */
static bool left_chain(const Expr *e) {
  const Expr *l = e->args[0];
  return e->nargs == 2 && l->kind == EX_OP && l->name == e->name &&
         l->nargs == 2 && !l->npath && strcmp(sym_str(e->name), "\\X") &&
         parse_infix_left(e->name);
}

static void pr_op(Printer *P, const Expr *e) {
  const char *n = sym_str(e->name);
  if (e->npath) {
    for (int i = 0; i < e->npath; i++) {
      int k = e->path_nargs ? e->path_nargs[i] : 0;
      pr_path_part(P, e->path[i], k ? e->path_args[i] : NULL, k);
      put(P, "!");
    }
    pr_path_part(P, e->name, e->args, e->nargs);
    return;
  }
  if (is_prefix_word(e->name) && e->nargs == 1) {
    put(P, n);
    put(P, " ");
    pr_sub(P, e->args[0]);
    return;
  }
  if (is_ident(e->name) || e->nargs == 0) {
    put(P, n);
    if (e->nargs)
      pr_args(P, e->args, e->nargs);
    return;
  }
  if (e->nargs == 1) {
    if (is_postfix(e->name)) {
      pr_sub(P, e->args[0]);
      put(P, n);
    } else {
      put(P, !strcmp(n, "-.") ? "-" : n);
      pr_sub(P, e->args[0]);
    }
    return;
  }
  if (is_jlist(e)) {
    int col = P->col;
    for (int i = 0; i < e->nargs; i++) {
      if (i)
        newline(P, col);
      put(P, n);
      put(P, " ");
      pr_expr(P, e->args[i]);
    }
    return;
  }
  for (int i = 0; i < e->nargs; i++) {
    if (i) {
      put(P, " ");
      put(P, n);
      put(P, " ");
    }
    if (i == 0 && left_chain(e))
      pr_op(P, e->args[0]); /* `a + b + c`, not `((a + b) + c)` */
    else
      pr_sub(P, e->args[i]);
  }
}

static void pr_names(Printer *P, const Bound *b) {
  if (b->tuple)
    put(P, "<<");
  for (int j = 0; j < b->nnames; j++) {
    if (j)
      put(P, ", ");
    put_sym(P, b->names[j].name);
  }
  if (b->tuple)
    put(P, ">>");
}

static void pr_bounds(Printer *P, const Bound *b, int n) {
  for (int i = 0; i < n; i++) {
    if (i)
      put(P, ", ");
    pr_names(P, &b[i]);
    if (b[i].set) {
      put(P, " \\in ");
      pr_guard(P, b[i].set);
    }
  }
}

/* `v`, `M!v`, `<<x, y>>` or `(e)` after `]_`, `>>_`, `WF_`, `SF_`. */
static void pr_subscript(Printer *P, const Expr *v) {
  bool plain = v->kind == EX_OP && v->nargs == 0 && is_ident(v->name) &&
               !is_prefix_word(v->name);
  for (int i = 0; plain && i < v->npath; i++)
    plain = is_ident(v->path[i]);
  if (plain || v->kind == EX_TUPLE) {
    pr_expr(P, v);
  } else {
    put(P, "(");
    pr_expr(P, v);
    put(P, ")");
  }
}

static void pr_let(Printer *P, const Expr *e) {
  int col = P->col;
  put(P, "LET ");
  for (int i = 0; i < e->ndefs; i++) {
    const Def *d = e->defs[i];
    if (i)
      newline(P, col + 4);
    if (d->recursive) {
      put(P, "RECURSIVE ");
      pr_param(P, d->name, d->kind == DEF_OP ? d->nparams : 0);
      newline(P, col + 4);
    }
    pr_def(P, d, col + 4);
  }
  newline(P, col);
  put(P, "IN ");
  pr_expr(P, e->body);
}

static void pr_except(Printer *P, const Expr *e) {
  put(P, "[");
  pr_sub(P, e->args[0]);
  put(P, " EXCEPT ");
  for (int i = 0; i < e->nupdates; i++) {
    const ExceptUpdate *u = &e->updates[i];
    if (i)
      put(P, ", ");
    put(P, "!");
    for (int s = 0; s < u->npath; s++) {
      if (u->path[s].is_field) {
        put(P, ".");
        put_sym(P, u->path[s].field);
      } else {
        put(P, "[");
        pr_list(P, u->path[s].args, u->path[s].nargs);
        put(P, "]");
      }
    }
    put(P, " = ");
    pr_expr(P, u->value);
  }
  put(P, "]");
}

static void pr_fields(Printer *P, const Expr *e, const char *sep) {
  put(P, "[");
  for (int i = 0; i < e->nargs; i++) {
    if (i)
      put(P, ", ");
    put_sym(P, e->fields[i]);
    put(P, sep);
    pr_expr(P, e->args[i]);
  }
  put(P, "]");
}

static void pr_expr(Printer *P, const Expr *e) {
  switch (e->kind) {
  case EX_NUM:
  case EX_DECIMAL:
    put(P, e->num);
    break;
  case EX_STR:
    pr_string(P, e->str);
    break;
  case EX_BOOL:
    put(P, e->boolean ? "TRUE" : "FALSE");
    break;
  case EX_OP:
    pr_op(P, e);
    break;
  case EX_IF:
    put(P, "IF ");
    pr_guard(P, e->args[0]);
    put(P, " THEN ");
    pr_guard(P, e->args[1]);
    put(P, " ELSE ");
    pr_expr(P, e->args[2]);
    break;
  case EX_CASE:
    put(P, "CASE ");
    for (int i = 0; i < e->narms; i++) {
      if (i)
        put(P, " [] ");
      pr_guard(P, e->arms[i].guard);
      put(P, " -> ");
      pr_guard(P, e->arms[i].value);
    }
    if (e->other) {
      put(P, e->narms ? " [] OTHER -> " : "OTHER -> ");
      pr_guard(P, e->other);
    }
    break;
  case EX_LET:
    pr_let(P, e);
    break;
  case EX_FORALL:
  case EX_EXISTS:
  case EX_TFORALL:
  case EX_TEXISTS:
    put(P, e->kind == EX_FORALL   ? "\\A "
           : e->kind == EX_EXISTS ? "\\E "
           : e->kind == EX_TFORALL ? "\\AA "
                                   : "\\EE ");
    pr_bounds(P, e->bounds, e->nbounds);
    put(P, " : ");
    pr_expr(P, e->body);
    break;
  case EX_CHOOSE:
    put(P, "CHOOSE ");
    pr_bounds(P, e->bounds, e->nbounds);
    put(P, " : ");
    pr_expr(P, e->body);
    break;
  case EX_SET_ENUM:
    put(P, "{");
    pr_list(P, e->args, e->nargs);
    put(P, "}");
    break;
  case EX_SET_FILTER:
    put(P, "{");
    pr_bounds(P, e->bounds, e->nbounds);
    put(P, " : ");
    pr_expr(P, e->body);
    put(P, "}");
    break;
  case EX_SET_MAP:
    put(P, "{");
    pr_guard(P, e->body);
    put(P, " : ");
    pr_bounds(P, e->bounds, e->nbounds);
    put(P, "}");
    break;
  case EX_FUNC:
    put(P, "[");
    pr_bounds(P, e->bounds, e->nbounds);
    put(P, " |-> ");
    pr_expr(P, e->body);
    put(P, "]");
    break;
  case EX_FUNSET:
    put(P, "[");
    pr_guard(P, e->args[0]);
    put(P, " -> ");
    pr_expr(P, e->args[1]);
    put(P, "]");
    break;
  case EX_RECORD:
    pr_fields(P, e, " |-> ");
    break;
  case EX_RECSET:
    pr_fields(P, e, " : ");
    break;
  case EX_TUPLE:
    put(P, "<<");
    pr_list(P, e->args, e->nargs);
    put(P, ">>");
    break;
  case EX_FAPP:
    pr_sub(P, e->args[0]);
    put(P, "[");
    pr_list(P, e->args + 1, e->nargs - 1);
    put(P, "]");
    break;
  case EX_DOT:
    if (e->args[0]->kind == EX_NUM || e->args[0]->kind == EX_DECIMAL) {
      put(P, "(");
      pr_expr(P, e->args[0]);
      put(P, ")");
    } else {
      pr_sub(P, e->args[0]);
    }
    put(P, ".");
    put_sym(P, e->field);
    break;
  case EX_EXCEPT:
    pr_except(P, e);
    break;
  case EX_AT:
    put(P, "@");
    break;
  case EX_BOX_ACT:
    put(P, "[");
    pr_guard(P, e->args[0]);
    put(P, "]_");
    pr_subscript(P, e->args[1]);
    break;
  case EX_DIA_ACT:
    put(P, "<<");
    pr_expr(P, e->args[0]);
    put(P, ">>_");
    pr_subscript(P, e->args[1]);
    break;
  case EX_WF:
  case EX_SF:
    put(P, e->kind == EX_WF ? "WF_" : "SF_");
    pr_subscript(P, e->args[0]);
    put(P, "(");
    pr_expr(P, e->args[1]);
    put(P, ")");
    break;
  case EX_LAMBDA:
    put(P, "LAMBDA ");
    pr_names(P, &e->bounds[0]);
    put(P, " : ");
    pr_expr(P, e->body);
    break;
  case EX_LABEL:
    put_sym(P, e->label);
    if (e->nbounds) {
      put(P, "(");
      pr_names(P, &e->bounds[0]);
      put(P, ")");
    }
    put(P, " :: ");
    pr_expr(P, e->body);
    break;
  case EX__COUNT:
    break;
  }
}

/* ---- definitions and units ---- */

static void pr_instance(Printer *P, const Instance *in) {
  put(P, "INSTANCE ");
  put_sym(P, in->module);
  for (int i = 0; i < in->nsubst; i++) {
    const Subst *s = &in->subst[i];
    put(P, i ? ", " : " WITH ");
    put_sym(P, s->name);
    put(P, " <- ");
    pr_expr(P, s->value);
  }
}

/* The left-hand side: `F(a, G(_))`, `f[x \in S]`, `a ++ b`, `-. a`,
 * `a ^+`. */
static void pr_def_lhs(Printer *P, const Def *d) {
  if (d->kind == DEF_FUN) {
    put_sym(P, d->name);
    put(P, "[");
    pr_bounds(P, d->bounds, d->nbounds);
    put(P, "]");
  } else if (!is_ident(d->name) && d->nparams == 2) {
    pr_param(P, d->params[0].name, d->params[0].arity);
    put(P, " ");
    put_sym(P, d->name);
    put(P, " ");
    pr_param(P, d->params[1].name, d->params[1].arity);
  } else if (!is_ident(d->name) && d->nparams == 1) {
    /* Prefix operators as `-. a`; any other symbol as `a op` (the parser
     * reads both forms, but `<: a ==` after a definition ending in an
     * expression would continue that expression). */
    const char *n = sym_str(d->name);
    if (!strcmp(n, "-.") || !strcmp(n, "~") || !strcmp(n, "<>")) {
      put_sym(P, d->name);
      put(P, " ");
      put_sym(P, d->params[0].name);
    } else {
      put_sym(P, d->params[0].name);
      put(P, " ");
      put_sym(P, d->name);
    }
  } else {
    put_sym(P, d->name);
    if (d->nparams) {
      put(P, "(");
      for (int i = 0; i < d->nparams; i++) {
        if (i)
          put(P, ", ");
        pr_param(P, d->params[i].name, d->params[i].arity);
      }
      put(P, ")");
    }
  }
}

/* A definition whose continuation lines are indented by `indent`; a
 * junction-list body starts on the next line. */
static void pr_def(Printer *P, const Def *d, int indent) {
  pr_def_lhs(P, d);
  put(P, " ==");
  if (d->kind == DEF_INSTANCE) {
    put(P, " ");
    pr_instance(P, d->inst);
  } else if (is_jlist(d->body)) {
    newline(P, indent + 4);
    pr_expr(P, d->body);
  } else {
    put(P, " ");
    pr_expr(P, d->body);
  }
}

static void pr_decls(Printer *P, const char *kw, Decl *const *v, int n) {
  put(P, kw);
  for (int i = 0; i < n; i++) {
    put(P, i ? ", " : " ");
    pr_param(P, v[i]->name, v[i]->arity);
  }
}

static void pr_module(Printer *P, const Module *m) {
  put(P, "---- MODULE ");
  put_sym(P, m->name);
  put(P, " ----\n");
  if (m->nextends) {
    put(P, "EXTENDS ");
    for (int i = 0; i < m->nextends; i++) {
      if (i)
        put(P, ", ");
      put_sym(P, m->extends[i]);
    }
    put(P, "\n");
  }
  for (int u = 0; u < m->nunits; u++) {
    const Unit *un = &m->units[u];
    put(P, "\n");
    switch (un->kind) {
    case U_CONSTANTS:
      pr_decls(P, "CONSTANTS", un->decls, un->ndecls);
      break;
    case U_VARIABLES:
      pr_decls(P, "VARIABLES", un->decls, un->ndecls);
      break;
    case U_RECURSIVE:
      pr_decls(P, "RECURSIVE", un->decls, un->ndecls);
      break;
    case U_DEF:
      if (un->def->local)
        put(P, "LOCAL ");
      pr_def(P, un->def, 0);
      break;
    case U_INSTANCE:
      if (un->inst->local)
        put(P, "LOCAL ");
      pr_instance(P, un->inst);
      break;
    case U_ASSUME:
    case U_THEOREM:
      put(P, un->kind == U_ASSUME ? "ASSUME " : "THEOREM ");
      if (un->name) {
        put_sym(P, un->name);
        put(P, " ==");
      }
      if (is_jlist(un->expr)) {
        newline(P, 4);
      } else if (un->name) {
        put(P, " ");
      }
      pr_expr(P, un->expr);
      break;
    case U_MODULE:
      pr_module(P, un->sub);
      break;
    }
    put(P, "\n");
  }
  put(P, "====\n");
}

char *print_module_str(const Module *m) {
  Printer P = {0};
  pr_module(&P, m);
  VEC_PUSH(P.buf, '\0');
  return P.buf.data;
}

void print_module(FILE *out, const Module *m) {
  char *s = print_module_str(m);
  fputs(s, out);
  free(s);
}

char *print_expr_str(const Expr *e) {
  Printer P = {0};
  pr_expr(&P, e);
  VEC_PUSH(P.buf, '\0');
  return P.buf.data;
}
