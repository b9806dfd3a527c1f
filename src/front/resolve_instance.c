/* resolve_instance.c -- INSTANCE: the substitution and imported members.
 *
 * `INSTANCE M WITH c <- e` loads M (resolved on its own, without the
 * enclosing LET's names) and builds one Instantiation: every CONSTANT and
 * VARIABLE of M gets its replacement, from the WITH list (resolved here,
 * an operator constant only by an operator name) or else the name of the
 * same spelling where the INSTANCE stands (implicit_subst).  Naming a
 * non-declaration, or one twice, is an error; the levels of replacements
 * are checked later (resolve_level.c).  A named instance `I == INSTANCE
 * M` is one definition whose members are looked up through it
 * (resolve_expr.c); an unnamed one imports M's public definitions as weak
 * entries, instantiated on first use (res_entry_ref, instance.c). */
#include <stdio.h>
#include <string.h>

#include "resolveint.h"

/* The replacement of declaration d (of the instantiated module) that the
 * WITH list does not give: the same name where the INSTANCE is. */
static Expr *implicit_subst(Resolver *r, Instance *in, Decl *d) {
  Ref ref = res_lookup(r, d->name);
  if (ref.kind == REF_NONE) {
    res_error(r, in->loc,
              "INSTANCE %s: no substitution for %s '%s', and no '%s' is "
              "defined here (add WITH %s <- ...)",
              sym_str(in->module), d->is_var ? "VARIABLE" : "CONSTANT",
              sym_str(d->name), sym_str(d->name), sym_str(d->name));
    return NULL;
  }
  int ar = res_ref_arity(ref);
  if (ar >= 0 && ar != d->arity) {
    res_error(r, in->loc,
              "INSTANCE %s: '%s' takes %d argument%s here but %d in module %s",
              sym_str(in->module), sym_str(d->name), ar, ar == 1 ? "" : "s",
              d->arity, sym_str(in->module));
    return NULL;
  }
  Expr *e = ast_op(in->loc, d->name, NULL, 0);
  e->ref = ref;
  return e;
}

/* Is d a CONSTANT or VARIABLE of module scope s (its own or from what it
 * EXTENDS, not its enclosing module's)? */
static bool own_decl(Scope *s, Decl *d) {
  Entry *e = scope_find(s, d->name);
  return e && !e->inherited && (e->ref.kind == REF_CONST ||
                                e->ref.kind == REF_VAR) &&
         e->ref.u.decl == d;
}

static void add_subst(Instantiation *I, Decl *d, Expr *v) {
  InstSubst s = {d, v};
  VEC_PUSH(I->subst, s);
}

/* Loads the module of `INSTANCE Mod WITH ...` and resolves the
 * substitution (params: the instance definition's parameters, in scope in
 * the WITH expressions).  Sets in->resolved / std_module and the chain. */
bool res_instantiate(Resolver *r, Instance *in, Binder *params, int nparams) {
  in->std_module = -1;
  in->nown = nparams;
  int errors = r->errors;
  /* The module is resolved on its own: no local names of an enclosing
   * LET are visible in it. */
  Local *saved_locals = r->locals.data;
  size_t saved_len = r->locals.len, saved_cap = r->locals.cap;
  r->locals.data = NULL;
  r->locals.len = r->locals.cap = 0;
  Module *m = res_load_module(r, in->module, in->loc);
  VEC_FREE(r->locals);
  r->locals.data = saved_locals;
  r->locals.len = saved_len;
  r->locals.cap = saved_cap;
  if (!m) {
    int std = std_module_lookup(sym_str(in->module));
    if (r->errors > errors || std < 0)
      return false;
    in->std_module = std;
    if (in->nsubst > 0)
      res_error(r, in->subst[0].loc, "module %s has no CONSTANTS to substitute",
                sym_str(in->module));
    return in->nsubst == 0;
  }
  in->resolved = m;
  Scope *ms = res_module_scope(r->prog, m);
  Instantiation *I = xcalloc(1, sizeof *I);
  I->prog = r->prog;
  I->module = m;
  I->params = params;
  I->nparams = nparams;
  size_t mark = r->locals.len;
  for (int i = 0; i < nparams; i++)
    res_push_binder(r, &params[i]);
  for (int i = 0; i < in->nsubst; i++) {
    Subst *sb = &in->subst[i];
    Entry *e = scope_find(ms, sb->name);
    if (!e || e->inherited ||
        (e->ref.kind != REF_CONST && e->ref.kind != REF_VAR)) {
      res_error(r, sb->loc, "'%s' is not a CONSTANT or VARIABLE of module %s",
                sym_str(sb->name), sym_str(in->module));
      continue;
    }
    Decl *d = e->ref.u.decl;
    bool dup = false;
    for (size_t j = 0; j < I->subst.len; j++)
      dup |= I->subst.data[j].decl == d;
    if (dup) {
      res_error(r, sb->loc, "'%s' is substituted twice", sym_str(sb->name));
      continue;
    }
    if (d->arity > 0) {
      resolve_op_arg(r, sb->value, d->arity);
      if (sb->value->kind != EX_OP && sb->value->kind != EX_LAMBDA)
        res_error(r, sb->value->loc,
                  "only an operator name or a LAMBDA can replace the "
                  "operator CONSTANT '%s'",
                  sym_str(d->name));
    } else {
      resolve_expr(r, sb->value);
    }
    add_subst(I, d, sb->value);
  }
  /* Declarations not in the WITH list, in declaration order. */
  for (int pass = 0; pass < 2; pass++) {
    Decl **ds = pass ? r->prog->vars.data : r->prog->consts.data;
    size_t n = pass ? r->prog->vars.len : r->prog->consts.len;
    for (size_t i = 0; i < n; i++) {
      if (!own_decl(ms, ds[i]))
        continue;
      bool given = false;
      for (size_t j = 0; j < I->subst.len; j++)
        given |= I->subst.data[j].decl == ds[i];
      if (given)
        continue;
      Expr *v = implicit_subst(r, in, ds[i]);
      if (v)
        add_subst(I, ds[i], v);
    }
  }
  r->locals.len = mark;
  in->chain = xmalloc(sizeof *in->chain);
  in->chain[0] = I;
  in->nchain = 1;
  return r->errors == errors;
}

/* An unnamed `INSTANCE Mod`: Mod's public definitions, instantiated. */
void res_import_instance(Resolver *r, Instance *in) {
  if (!in->resolved) {
    scope_add_std(r->scope, (StdModule)in->std_module);
    return;
  }
  Scope *src = res_module_scope(r->prog, in->resolved);
  for (size_t i = 0; i < src->cap; i++) {
    Entry *e = &src->slots[i];
    if (!e->name || e->local || e->inherited || e->ref.kind != REF_DEF)
      continue;
    Entry n = *e;
    n.local = in->local;
    n.weak = true;
    n.via = xmalloc((size_t)(e->nvia + 1) * sizeof *n.via);
    if (e->nvia)
      memcpy(n.via, e->via, (size_t)e->nvia * sizeof *n.via);
    n.via[n.nvia++] = in->chain[0];
    res_define_entry(r, n, in->loc);
  }
  for (int k = 0; k < MOD__COUNT; k++)
    r->scope->std[k] |= src->std[k];
}
