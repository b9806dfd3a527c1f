/* typeinfer_seed.c -- what fixes types before inference: the config's
 * constant values and the @type annotations.
 *
 * A constant given a value in the config gets that value's type; model
 * values take the uninterpreted type of the first constant (in config
 * order) whose value holds them, named after it in capitals.  An
 * Apalache-style `@type:` annotation above a CONSTANT, VARIABLE or
 * definition is read (typeannot.c) and unified with what is inferred; an
 * annotation that does not read or does not match is a warning, never an
 * error, because annotations are never required. */
#include <string.h>

#include "cfg.h"
#include "inferint.h"

/* ---- constants' config values ---- */

/* Model values get the uninterpreted type of the first constant (in
 * config order) whose value holds them, named in capitals.  The table is
 * indexed by the model value's name (symbols are dense ids; 0 = none), so
 * a config set of n model values costs O(n). */
static VEC(Sym) model_names;

void ti_reset_models(void) { model_names.len = 0; }

static Sym model_type_name(Sym value, Sym owner) {
  if (value < model_names.len && model_names.data[value])
    return model_names.data[value];
  char *up = xstrdup(sym_str(owner));
  for (char *c = up; *c; c++)
    *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
  Sym t = sym_intern(up);
  free(up);
  while (model_names.len <= value)
    VEC_PUSH(model_names, 0);
  model_names.data[value] = t;
  return t;
}

void ti_name_models(const Value *v, Sym owner, int depth) {
  if (depth > 20)
    return;
  if (v->kind == V_MODEL)
    model_type_name(v->u.model.name, owner);
  else if (v->kind == V_SET)
    for (uint32_t i = 0; i < v->u.set.n; i++)
      ti_name_models(v->u.set.elems[i], owner, depth + 1);
  else if (v->kind == V_FUN)
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      ti_name_models(v->u.fun.keys[i], owner, depth + 1);
      ti_name_models(v->u.fun.vals[i], owner, depth + 1);
    }
}

Type *ti_value_type(const Value *v, Loc at, int depth) {
  if (depth > 20)
    return ty_var();
  switch (v->kind) {
  case V_BOOL:
    return BOOL(at);
  case V_INT:
    return INT(at);
  case V_STR:
    return STR(at);
  case V_MODEL:
    return ty_model(model_type_name(v->u.model.name, v->u.model.name), at);
  case V_SET: {
    Type *el = ty_var();
    for (uint32_t i = 0; i < v->u.set.n; i++) {
      Unify u = {"an element of this set", at};
      ty_unify(&u, el, ti_value_type(v->u.set.elems[i], at, depth + 1));
    }
    return ty_set(el, at);
  }
  case V_INTERVAL:
    return ty_set(INT(at), at);
  case V_FUN: {
    /* <<a, b>> in a config is a function over 1..n: a tuple. */
    bool tuple = true;
    for (uint32_t i = 0; i < v->u.fun.n && tuple; i++)
      tuple = v->u.fun.keys[i]->kind == V_INT && !v->u.fun.keys[i]->big &&
              v->u.fun.keys[i]->u.small == (int64_t)i + 1;
    if (tuple) {
      Type *t = ty_tup((int)v->u.fun.n, at);
      for (uint32_t i = 0; i < v->u.fun.n; i++)
        t->args[i] = ti_value_type(v->u.fun.vals[i], at, depth + 1);
      return t;
    }
    Type *d = ty_var(), *r = ty_var();
    for (uint32_t i = 0; i < v->u.fun.n; i++) {
      Unify u = {"this function", at};
      ty_unify(&u, d, ti_value_type(v->u.fun.keys[i], at, depth + 1));
      ty_unify(&u, r, ti_value_type(v->u.fun.vals[i], at, depth + 1));
    }
    return ty_fun(d, r, at);
  }
  default:
    return ty_var();
  }
}

Loc ti_cfg_loc(const Spec *s, Sym name, Loc dflt) {
  for (size_t k = 0; k < s->cfg->consts.len; k++)
    if (s->cfg->consts.data[k].name == name)
      return s->cfg->consts.data[k].loc;
  return dflt;
}

/* ---- annotations ---- */

/* Parses the annotation before `at`; NULL when there is none or it does
 * not read (a warning: annotations are never required). */
Type *ti_annotation(Sym name, Loc at, Type *inferred, Loc *where, char **text) {
  char *t = annot_text_before(at, where);
  if (!t)
    return NULL;
  char *err = NULL;
  Type *recorded = type_parse(t, *where, &err);
  if (!recorded) {
    diag_warning(*where,
                 "cannot read the @type annotation of '%s': %s; it "
                 "is ignored",
                 sym_str(name), err);
    free(err);
    free(t);
    return NULL;
  }
  annot_record(name, *where, t, recorded, inferred);
  Type *use = type_parse(t, *where, &err);
  *text = t;
  return use;
}

typedef struct AnnotJob {
  const char *what;
  Loc where;
  Type *t, *annotated;
} AnnotJob;

static void unify_annotation(void *arg) {
  AnnotJob *j = arg;
  Unify u = {j->what, j->where};
  ty_unify(&u, j->t, j->annotated);
}

void ti_annotate_decl(Infer *I, Decl *d) {
  Loc where;
  char *text;
  Type *a = ti_annotation(d->name, d->loc, d->type, &where, &text);
  if (!a || !I->annotations)
    return;
  AnnotJob j = {xsprintf("%s '%s' (annotated @type: %s)",
                         d->is_var ? "variable" : "constant", sym_str(d->name),
                         text),
                where, d->type, a};
  ty_guarded(unify_annotation, &j);
}

/* After the body: the annotation's type variables must still stand for
 * any type, each a different one, or the annotation claims more than the
 * definition gives. */
void ti_check_polymorphic(Def *d, TypeVec *avars, Loc where) {
  for (size_t i = 0; i < avars->len; i++) {
    Type *v = type_find(avars->data[i]);
    bool same = false;
    for (size_t j = 0; j < i; j++)
      same |= type_find(avars->data[j]) == v;
    if (v->kind == TY_VAR && !v->strseq && !same)
      continue;
    if (same)
      ty_fail(where,
              "'%s' is annotated with two type variables that its "
              "definition needs to be one type",
              sym_str(d->name));
    ty_fail(where,
            "'%s' is annotated with a type variable where its definition "
            "needs %s",
            sym_str(d->name), type_str(v));
  }
}
