/* ast.c -- construction helpers for the abstract syntax.
 *
 * Nodes live for the whole run in the arena ast_nodes (arena.h), so they
 * remain reachable (and leak checkers stay quiet) even when a parse fails
 * half way and its partial tree is dropped.  The synonym table behind ast_canonical_op is the one
 * place that decides the canonical spelling of an operator; the lexer
 * applies it to every operator token. */
#include "ast.h"

#include "arena.h"

#include <string.h>

static Arena ast_nodes = ARENA_INIT(65536);

Expr *ast_new(ExprKind kind, Loc loc) {
  Expr *e = arena_alloc(&ast_nodes, sizeof *e);
  e->kind = kind;
  e->loc = loc;
  return e;
}

Expr *ast_op(Loc loc, Sym name, Expr **args, int nargs) {
  Expr *e = ast_new(EX_OP, loc);
  e->name = name;
  if (nargs > 0) {
    e->args = arena_alloc(&ast_nodes, (size_t)nargs * sizeof *e->args);
    memcpy(e->args, args, (size_t)nargs * sizeof *e->args);
  }
  e->nargs = nargs;
  return e;
}

const char *ast_kind_name(ExprKind k) {
  static const char *const names[] = {
#define X(k) #k,
      EXPR_KINDS(X)
#undef X
  };
  return k < EX__COUNT ? names[k] : "?";
}

/* Synonym -> canonical spelling (ASCII and Unicode forms). */
static const char *const synonyms[][2] = {
    {"\\land", "/\\"},       {"\\lor", "\\/"},          {"\\lnot", "~"},
    {"\\neg", "~"},          {"#", "/="},               {"=<", "<="},
    {"\\leq", "<="},         {"\\geq", ">="},           {"\\union", "\\cup"},
    {"\\intersect", "\\cap"}, {"\\equiv", "<=>"},       {"\\o", "\\circ"},
    {"\\times", "\\X"},      {"(+)", "\\oplus"},        {"(-)", "\\ominus"},
    {"(.)", "\\odot"},       {"(/)", "\\oslash"},       {"(\\X)", "\\otimes"},
    {"\u2227", "/\\"},       {"\u2228", "\\/"},         {"\u00ac", "~"},
    {"\u21d2", "=>"},        {"\u27f9", "=>"},          {"\u2261", "<=>"},
    {"\u21d4", "<=>"},       {"\u2208", "\\in"},        {"\u2209", "\\notin"},
    {"\u222a", "\\cup"},     {"\u2229", "\\cap"},       {"\u2286", "\\subseteq"},
    {"\u2282", "\\subset"},  {"\u2287", "\\supseteq"},  {"\u2283", "\\supset"},
    {"\u2264", "<="},        {"\u2265", ">="},          {"\u2260", "/="},
    {"\u00d7", "\\X"},       {"\u25a1", "[]"},          {"\u25c7", "<>"},
    {"\u2218", "\\circ"},    {"\u22c5", "\\cdot"},      {"\u219d", "~>"},
    {"\u2295", "\\oplus"},   {"\u2296", "\\ominus"},    {"\u2297", "\\otimes"},
    {"\u2299", "\\odot"},    {"\u2298", "\\oslash"},    {"\u207a", "^+"},
};

const char *ast_canonical_op(const char *spelling) {
  for (size_t i = 0; i < sizeof synonyms / sizeof *synonyms; i++)
    if (!strcmp(spelling, synonyms[i][0]))
      return synonyms[i][1];
  return spelling;
}

static Binder value_arg_binders[AST_MAX_VALUE_ARGS];

uint32_t ast_value_arg_id(int i) { return UINT32_MAX - (uint32_t)i; }

void ast_value_call(const Expr *site, int n, Expr *argv, Expr **args,
                    Expr *call) {
  for (int i = 0; i < n; i++) {
    value_arg_binders[i].id = ast_value_arg_id(i);
    argv[i] = (Expr){.kind = EX_OP, .loc = site->loc};
    argv[i].ref.kind = REF_BINDER;
    argv[i].ref.u.binder = &value_arg_binders[i];
    args[i] = &argv[i];
  }
  *call = *site;
  call->args = args;
  call->nargs = n;
}

static bool child(Expr *c, bool (*fn)(Expr *, void *), void *arg) {
  return !c || fn(c, arg);
}

bool ast_each_child(Expr *e, bool (*fn)(Expr *child, void *arg), void *arg) {
  for (int p = 0; p < e->npath; p++)
    for (int i = 0; i < (e->path_nargs ? e->path_nargs[p] : 0); i++)
      if (!child(e->path_args[p][i], fn, arg))
        return false;
  for (int i = 0; i < e->nargs; i++)
    if (!child(e->args[i], fn, arg))
      return false;
  for (int i = 0; i < e->nbounds; i++)
    if (!child(e->bounds[i].set, fn, arg))
      return false;
  for (int i = 0; i < e->narms; i++)
    if (!child(e->arms[i].guard, fn, arg) || !child(e->arms[i].value, fn, arg))
      return false;
  for (int i = 0; i < e->nupdates; i++) {
    ExceptUpdate *u = &e->updates[i];
    for (int s = 0; s < u->npath; s++)
      for (int k = 0; k < u->path[s].nargs; k++)
        if (!child(u->path[s].args[k], fn, arg))
          return false;
    if (!child(u->value, fn, arg))
      return false;
  }
  for (int i = 0; i < e->ndefs; i++) {
    Def *d = e->defs[i];
    for (int b = 0; b < d->nbounds; b++)
      if (!child(d->bounds[b].set, fn, arg))
        return false;
    if (!child(d->body, fn, arg))
      return false;
  }
  return child(e->body, fn, arg) && child(e->other, fn, arg);
}
