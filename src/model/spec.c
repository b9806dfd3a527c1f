/* spec.c -- binding a TLC configuration to a resolved program.
 *
 * Checks every entry of the .cfg against the root module's names and
 * levels, fills the constant table, finds Init and Next (directly or
 * inside SPECIFICATION's `Init /\ [][Next]_vars`), and splits Next into
 * TLC's actions.  Config mistakes are exit 151 at the .cfg location; a
 * spec that lacks what the config names is 150 at the spec location. */
#include "spec.h"

#include "instance.h"

#include <string.h>
#include <unistd.h>

static int bind_errors;

static void cerr(Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void cerr(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  bind_errors++;
  diag_verror(loc, "error", fmt, ap);
  va_end(ap);
}

Value *spec_cfg_value(const CfgValue *v) {
  switch (v->kind) {
  case CV_INT:
    return val_int_str(v->text);
  case CV_STR:
    return val_str(v->sym);
  case CV_BOOL:
    return val_bool(v->boolean);
  case CV_MODEL:
    return val_model(v->sym);
  case CV_SET: {
    Value **elems = xmalloc(((size_t)v->nelems + 1) * sizeof *elems);
    for (int i = 0; i < v->nelems; i++)
      elems[i] = spec_cfg_value(v->elems[i]);
    Value *s = val_set(elems, (size_t)v->nelems);
    free(elems);
    return s;
  }
  }
  return NULL;
}

/* An EX_OP node applying the zero-argument definition d. */
static Expr *ref_to(Def *d, Loc loc) {
  Expr *e = ast_new(EX_OP, loc);
  e->name = d->name;
  e->ref.kind = REF_DEF;
  e->ref.u.def = d;
  return e;
}

/* The definition a config name denotes, checked: zero parameters and at
 * most the given level.  NULL after an error. */
static Def *named_def(Spec *s, CfgName n, const char *role, int max_level) {
  TopEntry t = program_lookup(s->prog, n.name);
  if (t.kind != REF_DEF) {
    cerr(n.loc, "%s '%s' is not defined in module %s", role,
         sym_str(n.name), s->module_name);
    return NULL;
  }
  Def *d = t.ref.u.def;
  if (d->kind != DEF_OP || d->nparams != 0) {
    cerr(n.loc, "%s '%s' must be a definition without parameters", role,
         sym_str(n.name));
    return NULL;
  }
  if (d->level > max_level) {
    static const char *levels[] = {"a constant", "a state predicate",
                                   "an action", "a temporal formula"};
    cerr(n.loc, "%s '%s' is %s, but must be at most %s", role,
         sym_str(n.name), levels[d->level], levels[max_level]);
    return NULL;
  }
  return d;
}

/* Replaces every use of an overridden built-in (`Nat <- MCNat` in the
 * config) by a call of its replacement.  The program belongs to this one
 * spec, so its syntax tree is rewritten in place. */
static void override_builtins(Expr *e, Def **subst) {
  if (!e)
    return;
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      subst[e->ref.u.builtin]) {
    e->ref.kind = REF_DEF;
    e->ref.u.def = subst[e->ref.u.builtin];
  }
  for (int i = 0; i < e->nargs; i++)
    override_builtins(e->args[i], subst);
  for (int i = 0; i < e->nbounds; i++)
    override_builtins(e->bounds[i].set, subst);
  override_builtins(e->body, subst);
  for (int i = 0; i < e->narms; i++) {
    override_builtins(e->arms[i].guard, subst);
    override_builtins(e->arms[i].value, subst);
  }
  override_builtins(e->other, subst);
  for (int i = 0; i < e->nupdates; i++) {
    ExceptUpdate *u = &e->updates[i];
    for (int k = 0; k < u->npath; k++)
      for (int j = 0; j < u->path[k].nargs; j++)
        override_builtins(u->path[k].args[j], subst);
    override_builtins(u->value, subst);
  }
}

static void override_all_builtins(Program *p, Def **subst) {
  for (size_t i = 0; i < p->defs.len; i++) {
    Def *d = p->defs.data[i];
    for (int k = 0; k < d->nbounds; k++)
      override_builtins(d->bounds[k].set, subst);
    override_builtins(d->body, subst);
  }
  for (size_t i = 0; i < p->assumes.len; i++)
    override_builtins(p->assumes.data[i], subst);
}

static uint32_t override_key(const Def *d) {
  return d->origin ? d->origin->id : d->id;
}

Value *spec_def_value(const Spec *s, const Def *d) {
  uint32_t k = override_key(d);
  return k < s->ndefs ? s->def_vals[k] : NULL;
}

bool spec_names_instance_copy(const Spec *s, const Expr *app, const Def *d) {
  if (!app || app->kind != EX_OP || app->npath == 0 || !d->origin)
    return false;
  uint32_t k = override_key(d);
  return k < s->ndefs && !s->def_scoped[k];
}

Def *spec_effective_def(const Spec *s, Def *d) {
  uint32_t k = override_key(d);
  return k < s->ndefs && s->def_substs[k] ? s->def_substs[k] : d;
}

/* The top-level definition `name` of module `mod`, or NULL. */
static Def *module_def(Program *p, Sym mod, Sym name) {
  for (size_t i = 0; i < p->modules.len; i++) {
    Module *m = p->modules.data[i];
    if (m->name != mod)
      continue;
    for (int u = 0; u < m->nunits; u++)
      if (m->units[u].kind == U_DEF && m->units[u].def->name == name)
        return m->units[u].def;
  }
  return NULL;
}

/* `Nat <-[M] Def`: a built-in operator replaced by a definition in the
 * definitions of module M only (and in their copies made by INSTANCE).
 * false when cc is not of that form. */
static bool scoped_builtin(Spec *s, CfgConst *cc) {
  Program *p = s->prog;
  TopEntry b = program_lookup(p, cc->name);
  TopEntry st = program_lookup(p, cc->subst);
  if (cc->value || b.kind != REF_BUILTIN || st.kind != REF_DEF ||
      st.ref.u.def->kind != DEF_OP)
    return false;
  int bi = b.ref.u.builtin;
  Def *with = st.ref.u.def;
  if (builtin_info[bi].arity != with->nparams) {
    cerr(cc->loc, "'%s' takes %d arguments but '%s' takes %d",
         sym_str(cc->name), builtin_info[bi].arity, sym_str(with->name),
         with->nparams);
    return true;
  }
  Def *subst[B__COUNT] = {0};
  subst[bi] = with;
  bool any = false;
  for (size_t i = 0; i < p->defs.len; i++) {
    Def *d = p->defs.data[i];
    Def *o = d->origin ? d->origin : d;
    if (d == with || !o->module || o->module->name != cc->module)
      continue;
    for (int k = 0; k < d->nbounds; k++)
      override_builtins(d->bounds[k].set, subst);
    override_builtins(d->body, subst);
    any = true;
  }
  return any;
}

static void bind_constants(Spec *s, Config *cfg, bool open_allowed) {
  Def *builtin_subst[B__COUNT] = {0};
  bool any_builtin = false;
  Program *p = s->prog;
  size_t nc = p->consts.len;
  s->const_vals = xcalloc(nc + 1, sizeof *s->const_vals);
  s->const_defs = xcalloc(nc + 1, sizeof *s->const_defs);
  s->ndefs = p->defs.len;
  s->def_vals = xcalloc(s->ndefs + 1, sizeof *s->def_vals);
  s->def_substs = xcalloc(s->ndefs + 1, sizeof *s->def_substs);
  s->def_scoped = xcalloc(s->ndefs + 1, sizeof *s->def_scoped);
  s->def_cache = xcalloc(s->ndefs + 1, sizeof *s->def_cache);
  VEC(Decl *) aliases = {0}; /* pairs: constant, the constant it is */
  for (size_t i = 0; i < cfg->consts.len; i++) {
    CfgConst *cc = &cfg->consts.data[i];
    TopEntry t = {REF_NONE, {REF_NONE, {0}}};
    if (cc->module) {
      /* `Op <-[Mod] Other`: Op as defined in module Mod, in every
       * instance of Mod. */
      Def *target = module_def(p, cc->module, cc->name);
      if (!target && scoped_builtin(s, cc))
        continue;
      if (!target) {
        cerr(cc->loc, "module %s has no definition '%s'",
             sym_str(cc->module), sym_str(cc->name));
        continue;
      }
      t.kind = t.ref.kind = REF_DEF;
      t.ref.u.def = target;
    } else {
      t = program_lookup(p, cc->name);
    }
    Def *subst = NULL;
    if (!cc->value) {
      TopEntry st = program_lookup(p, cc->subst);
      if (st.kind == REF_CONST && t.kind == REF_CONST &&
          st.ref.u.decl->arity == 0 && t.ref.u.decl->arity == 0) {
        /* `Leader <- L` with L a constant: Leader is L (bound below, once
         * L has its value). */
        Decl *pair[2] = {t.ref.u.decl, st.ref.u.decl};
        VEC_PUSH(aliases, pair[0]);
        VEC_PUSH(aliases, pair[1]);
        continue;
      }
      if (st.kind != REF_DEF || st.ref.u.def->kind != DEF_OP) {
        cerr(cc->loc, "'%s' in '%s <- %s' is not a definition of module %s",
             sym_str(cc->subst), sym_str(cc->name), sym_str(cc->subst),
             s->module_name);
        continue;
      }
      subst = st.ref.u.def;
    }
    if (t.kind == REF_CONST) {
      Decl *d = t.ref.u.decl;
      if (subst && subst->nparams != d->arity) {
        cerr(cc->loc, "constant '%s' takes %d arguments but '%s' takes %d",
             sym_str(d->name), d->arity, sym_str(subst->name),
             subst->nparams);
        continue;
      }
      if (!subst && d->arity > 0) {
        cerr(cc->loc, "constant operator '%s' must be given with '<-'",
             sym_str(d->name));
        continue;
      }
      if (subst && d->arity == 0 && subst->level > LEVEL_CONST) {
        /* TLC: TLC_CONFIG_SUBSTITUTION_NON_CONSTANT (TLC evaluates a
         * constant given by a definition without parameters once, at
         * startup; an operator with parameters is called where used). */
        cerr(cc->loc, "the configuration substitutes constant '%s' with "
                      "non-constant '%s' (it mentions variables or primes)",
             sym_str(d->name), sym_str(subst->name));
        continue;
      }
      if (subst)
        s->const_defs[d->index] = subst;
      else
        s->const_vals[d->index] = spec_cfg_value(cc->value);
    } else if (t.kind == REF_DEF) {
      Def *d = t.ref.u.def;
      if (subst) {
        if (subst->nparams != d->nparams) {
          cerr(cc->loc, "'%s' takes %d arguments but '%s' takes %d",
               sym_str(d->name), d->nparams, sym_str(subst->name),
               subst->nparams);
          continue;
        }
        s->def_substs[override_key(d)] = subst;
        s->def_scoped[override_key(d)] = cc->module != 0;
      } else {
        if (d->nparams > 0) {
          cerr(cc->loc, "operator '%s' takes arguments; it can only be "
                        "replaced with '<-'", sym_str(d->name));
          continue;
        }
        s->def_vals[override_key(d)] = spec_cfg_value(cc->value);
        s->def_scoped[override_key(d)] = cc->module != 0;
      }
    } else if (t.kind == REF_BUILTIN && subst) {
      int b = t.ref.u.builtin;
      int ar = builtin_info[b].arity;
      if (ar < 0 || ar != subst->nparams) {
        cerr(cc->loc, "'%s' takes %d arguments but '%s' takes %d",
             sym_str(cc->name), ar, sym_str(subst->name), subst->nparams);
        continue;
      }
      builtin_subst[b] = subst;
      any_builtin = true;
    } else if (t.kind == REF_BUILTIN) {
      cerr(cc->loc, "the built-in operator '%s' can only be replaced with "
                    "'<-' by a definition", sym_str(cc->name));
    } else if (cc->value && cc->value->kind == CV_MODEL &&
               cc->value->sym == cc->name) {
      /* `r1 = r1` for a name the spec does not declare: TLC accepts it
       * (the Toolbox writes model values this way); nothing to bind. */
    } else if (cc->value && strcmp(src_path(cc->loc.file), "--const") != 0) {
      /* TLC gives values to the root module's declared constants and
       * definitions, looking each one up in the config; a `NAME = value`
       * no declaration asks for is never read, so it is no error there
       * (a replacement `NAME <- Def` is: TLC exits 151).  A --const
       * for such a name is a mistake on brink's own command line. */
      diag_warning(cc->loc, "'%s' is not a constant or definition of module "
                            "%s; ignored, as TLC does",
                   sym_str(cc->name), s->module_name);
    } else {
      cerr(cc->loc, "'%s' is not a constant or definition of module %s",
           sym_str(cc->name), s->module_name);
    }
  }
  /* Constants given as other constants, in chains too (A <- B, B <- C). */
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i + 1 < aliases.len; i += 2) {
      Decl *to = aliases.data[i], *from = aliases.data[i + 1];
      if (s->const_vals[to->index] || s->const_defs[to->index])
        continue;
      if (s->const_vals[from->index] || s->const_defs[from->index]) {
        s->const_vals[to->index] = s->const_vals[from->index];
        s->const_defs[to->index] = s->const_defs[from->index];
        changed = true;
      }
    }
  }
  VEC_FREE(aliases);
  if (any_builtin)
    override_all_builtins(p, builtin_subst);
  /* TLC's words, located at the declaration (the config may not exist:
   * brink then checks Init and Next, as Apalache does). */
  const char *cfg_path = src_path(cfg->file);
  bool cfg_exists = cfg_path && access(cfg_path, F_OK) == 0;
  for (size_t i = 0; i < nc; i++)
    if (!s->const_vals[i] && !s->const_defs[i] && !open_allowed) {
      Decl *d = p->consts.data[i];
      if (cfg_exists)
        cerr(d->loc, "the constant parameter %s is not assigned a value by "
                     "the configuration file %s",
             sym_str(d->name), cfg_path);
      else
        cerr(d->loc, "the constant parameter %s is not assigned a value: "
                     "there is no configuration file %s (or give it with "
                     "--const %s=VALUE)",
             sym_str(d->name), cfg_path ? cfg_path : "", sym_str(d->name));
    }
}

typedef VEC(Expr *) ExprVec;

/* Flattens a conjunction through parameterless definitions. */
static void conjuncts(Expr *e, ExprVec *out, int depth) {
  if (depth > 50) {
    VEC_PUSH(*out, e);
    return;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
      e->ref.u.builtin == B_AND) {
    for (int i = 0; i < e->nargs; i++)
      conjuncts(e->args[i], out, depth + 1);
    return;
  }
  if (e->kind == EX_OP && e->ref.kind == REF_DEF &&
      e->ref.u.def->kind == DEF_OP && e->ref.u.def->nparams == 0 &&
      e->ref.u.def->level == LEVEL_TEMPORAL) {
    conjuncts(e->ref.u.def->body, out, depth + 1);
    return;
  }
  VEC_PUSH(*out, e);
}

/* WF/SF conditions, possibly under \A, conjunctions, definitions and an
 * implication from a constant or state predicate (\A i, j : i # j => WF). */
static bool is_fairness(Expr *e, int depth) {
  if (depth > 50)
    return false;
  switch (e->kind) {
  case EX_WF:
  case EX_SF:
    return true;
  case EX_FORALL:
  case EX_LET:
    return is_fairness(e->body, depth + 1);
  case EX_OP:
    if (e->ref.kind == REF_BUILTIN && e->ref.u.builtin == B_AND) {
      for (int i = 0; i < e->nargs; i++)
        if (!is_fairness(e->args[i], depth + 1))
          return false;
      return true;
    }
    if (e->ref.kind == REF_BUILTIN && e->ref.u.builtin == B_IMPLIES)
      return expr_level(e->args[0]) <= LEVEL_STATE &&
             is_fairness(e->args[1], depth + 1);
    if (e->ref.kind == REF_DEF && e->ref.u.def->kind == DEF_OP &&
        e->ref.u.def->nparams == 0)
      return is_fairness(e->ref.u.def->body, depth + 1);
    return false;
  default:
    return false;
  }
}

static void bind_specification(Spec *s, CfgName n) {
  Def *d = named_def(s, n, "SPECIFICATION", LEVEL_TEMPORAL);
  if (!d)
    return;
  ExprVec parts = {0};
  conjuncts(d->body, &parts, 0);
  for (size_t i = 0; i < parts.len; i++) {
    Expr *c = parts.data[i];
    int lvl = expr_level(c);
    if (lvl <= LEVEL_STATE) {
      if (s->init)
        s->init = ast_op(c->loc, sym_intern("/\\"),
                         (Expr *[]){s->init, c}, 2);
      else
        s->init = c;
      if (s->init->kind == EX_OP && s->init->ref.kind == REF_NONE) {
        s->init->ref.kind = REF_BUILTIN;
        s->init->ref.u.builtin = B_AND;
      }
      continue;
    }
    if (c->kind == EX_OP && c->ref.kind == REF_BUILTIN &&
        c->ref.u.builtin == B_BOX && c->args[0]->kind == EX_BOX_ACT) {
      if (s->next) {
        cerr(c->loc, "SPECIFICATION '%s' has two [][Next]_vars conjuncts",
             sym_str(n.name));
        continue;
      }
      s->next = c->args[0]->args[0];
      continue;
    }
    if (is_fairness(c, 0)) {
      /* Used by liveness checking only (checked.h). */
      Named nm = {c->kind == EX_OP && c->ref.kind == REF_DEF
                      ? c->ref.u.def->name
                      : 0,
                  c->loc, c};
      VEC_PUSH(s->fairness, nm);
      continue;
    }
    cerr(c->loc, "this conjunct of SPECIFICATION '%s' is not of the form "
                 "Init, [][Next]_vars, WF_vars(A) or SF_vars(A)",
         sym_str(n.name));
  }
  if (!s->init)
    cerr(n.loc, "SPECIFICATION '%s' has no initial predicate",
         sym_str(n.name));
  if (!s->next)
    cerr(n.loc, "SPECIFICATION '%s' has no [][Next]_vars conjunct",
         sym_str(n.name));
  VEC_FREE(parts);
}

/* A next-state relation [A]_v (NEXT naming a definition whose body is
 * one, through parameterless definitions) means A \/ UNCHANGED v, as in
 * TLC; both engines are given that disjunction, so the stuttering step is
 * an action of its own. */
static Expr *unbox_next(Spec *s, Expr *e) {
  Expr *b = e;
  for (int depth = 0; depth < 64; depth++) {
    if (b->kind == EX_LABEL) {
      b = b->body;
      continue;
    }
    Def *d = b->kind == EX_OP && b->nargs == 0 ? spec_applied_def(s, b) : NULL;
    if (!d || d->kind != DEF_OP || d->nparams != 0)
      break;
    b = d->body;
  }
  if (b->kind != EX_BOX_ACT)
    return e;
  Expr *unch = ast_op(b->args[1]->loc, sym_intern("UNCHANGED"),
                      (Expr *[]){b->args[1]}, 1);
  unch->ref.kind = REF_BUILTIN;
  unch->ref.u.builtin = B_UNCHANGED;
  Expr *or = ast_op(b->loc, sym_intern("\\/"), (Expr *[]){b->args[0], unch},
                    2);
  or->ref.kind = REF_BUILTIN;
  or->ref.u.builtin = B_OR;
  return or;
}

static void add_named(Spec *s, void *vec, CfgName n, const char *role,
                      int max_level) {
  VEC(Named) *v = vec;
  Def *d = named_def(s, n, role, max_level);
  if (!d)
    return;
  Named nm = {n.name, n.loc, ref_to(d, d->name_loc)};
  VEC_PUSH(*v, nm);
}

/* ---- splitting Next into actions ---- */

typedef VEC(ActionStep) StepVec;

/* How the action being split is named (Action's comment). */
typedef struct ActionName {
  const char *name;
  Sym module;
  bool frozen; /* inside an instance: name and `at` stay */
  Loc at;
} ActionName;

/* `I!J!Op` as written. */
static const char *reference_text(const Expr *e) {
  size_t len = strlen(sym_str(e->name)) + 1;
  for (int i = 0; i < e->npath; i++)
    len += strlen(sym_str(e->path[i])) + 1;
  char *t = xmalloc(len), *p = t;
  for (int i = 0; i < e->npath; i++)
    p += sprintf(p, "%s!", sym_str(e->path[i]));
  strcpy(p, sym_str(e->name));
  return t;
}

static void split(Spec *s, Expr *e, StepVec *path, ActionName nm,
                  int depth) {
  ActionStep st = {e, -1};
  if (depth < 64) {
    if (e->kind == EX_OP && e->ref.kind == REF_DEF &&
        e->ref.u.def->kind == DEF_OP && !e->ref.u.def->recursive) {
      const Def *d = e->ref.u.def;
      if (!nm.frozen && d->via && d->via->at.file) {
        nm.name = reference_text(e);
        nm.module = d->via->in_module;
        nm.at = d->via->at;
        nm.frozen = true;
      } else if (!nm.frozen) {
        nm.name = sym_str(d->name);
        if (d->module)
          nm.module = d->module->name;
      }
      VEC_PUSH(*path, st);
      split(s, e->ref.u.def->body, path, nm, depth + 1);
      path->len--;
      return;
    }
    if (e->kind == EX_OP && e->ref.kind == REF_BUILTIN &&
        e->ref.u.builtin == B_OR) {
      for (int i = 0; i < e->nargs; i++) {
        st.child = i;
        VEC_PUSH(*path, st);
        split(s, e->args[i], path, nm, depth + 1);
        path->len--;
      }
      return;
    }
    if (e->kind == EX_EXISTS || e->kind == EX_LET) {
      VEC_PUSH(*path, st);
      split(s, e->body, path, nm, depth + 1);
      path->len--;
      return;
    }
  }
  Action a;
  a.name = nm.name;
  a.loc = nm.frozen ? nm.at : e->loc;
  a.module = nm.module;
  a.npath = (int)path->len;
  a.path = xmalloc((path->len + 1) * sizeof *a.path);
  if (path->len) /* path->data is NULL while the path is empty */
    memcpy(a.path, path->data, path->len * sizeof *a.path);
  a.leaf = e;
  VEC_PUSH(s->actions, a);
}

/* ---- PROPERTY: TLC's classification of temporal formulas ---- */

static bool classify(const Spec *s, Sym name, Loc cfg_loc, Expr *e,
                     PropertyVec *out, int depth) {
  if (depth > 100) {
    diag_error(e->loc, "PROPERTY %s nests definitions too deeply",
               sym_str(name));
    return false;
  }
  /* A parameterless definition: its body, under its name. */
  if (e->kind == EX_OP && e->nargs == 0 && e->ref.kind == REF_DEF) {
    Value *v = spec_def_value(s, e->ref.u.def);
    if (v) {
      if (v->kind == V_BOOL && v->u.b)
        return true;
      char *txt = val_to_string(v);
      diag_error(e->loc, "PROPERTY %s: '%s' is set to %s by the config, so "
                         "the property is %s",
                 sym_str(name), sym_str(e->name), txt,
                 v->kind == V_BOOL ? "trivially false" : "not a formula");
      free(txt);
      return false;
    }
    Def *d = spec_applied_def(s, e);
    if (d && d->kind == DEF_OP && d->nparams == 0)
      return classify(s, d->name, cfg_loc, d->body, out, depth + 1);
  }
  if (e->kind == EX_LABEL)
    return classify(s, name, cfg_loc, e->body, out, depth + 1);
  if (ast_is_builtin(e, B_AND)) {
    bool ok = true;
    for (int i = 0; i < e->nargs; i++)
      ok &= classify(s, name, cfg_loc, e->args[i], out, depth + 1);
    return ok;
  }
  Property p = {PROP_TEMPORAL, name, e->loc, cfg_loc, name, e, NULL};
  if (ast_is_builtin(e, B_BOX)) {
    Expr *arg = e->args[0];
    if (arg->kind == EX_BOX_ACT) {
      p.kind = PROP_ACTION;
      p.expr = arg->args[0];
      p.sub = arg->args[1];
    } else if (expr_level(arg) <= LEVEL_STATE) {
      /* TLC names []Op after Op. */
      p.kind = PROP_ALWAYS;
      p.expr = arg;
      if (arg->kind == EX_OP && arg->nargs == 0)
        p.name = arg->name;
    }
    VEC_PUSH(*out, p);
    return true;
  }
  int lvl = expr_level(e);
  if (lvl == LEVEL_ACTION) {
    diag_error(e->loc, "PROPERTY %s: this conjunct is an action, not a "
                       "temporal formula (write [][A]_vars to require A of "
                       "every step)",
               sym_str(name));
    return false;
  }
  if (lvl <= LEVEL_STATE)
    p.kind = PROP_INIT;
  VEC_PUSH(*out, p);
  return true;
}

bool spec_classify_property(const Spec *s, Sym name, Loc cfg_loc, Expr *e,
                            PropertyVec *out) {
  size_t first = out->len;
  bool ok = classify(s, name, cfg_loc, e, out, 0);
  for (size_t i = first; i < out->len; i++)
    out->data[i].cfg_name = name;
  return ok;
}

Sym prop_name(const Property *p) {
  return p->cfg_name ? p->cfg_name : p->name;
}

size_t spec_count_properties(const Spec *s, PropKind kind) {
  size_t n = 0;
  for (size_t i = 0; i < s->properties.len; i++)
    n += s->properties.data[i].kind == kind;
  return n;
}

static void bind_property(Spec *s, CfgName n) {
  Def *d = named_def(s, n, "PROPERTY", LEVEL_TEMPORAL);
  if (!d)
    return;
  Expr *ref = ref_to(d, n.loc);
  if (!spec_classify_property(s, n.name, n.loc, ref, &s->properties))
    bind_errors++;
}

Spec *spec_bind(Program *prog, Config *cfg, const SpecOptions *opt,
                int *exit_code) {
  Spec *s = xcalloc(1, sizeof *s);
  s->prog = prog;
  s->cfg = cfg;
  s->module_name = sym_str(prog->root->name);
  s->nvars = (int)prog->vars.len;
  bind_errors = 0;
  bind_constants(s, cfg, opt && opt->cinit);
  if (opt && opt->cinit) {
    CfgName n = {opt->cinit, {0}};
    Def *d = named_def(s, n, "the --cinit predicate", LEVEL_CONST);
    if (d)
      s->cinit = ref_to(d, d->name_loc);
  }

  CfgName init = cfg->init, next = cfg->next;
  if (opt && opt->init) {
    init.name = opt->init;
    init.loc = (Loc){0};
  }
  if (opt && opt->next) {
    next.name = opt->next;
    next.loc = (Loc){0};
  }
  if (cfg->spec.name && !(opt && (opt->init || opt->next))) {
    if (init.name || next.name)
      cerr(cfg->spec.loc, "the config gives both SPECIFICATION and "
                          "INIT/NEXT; give one or the other");
    else
      bind_specification(s, cfg->spec);
  } else if (!init.name && !next.name) {
    /* TLC then only evaluates the assumptions, but only when there are no
     * variables and nothing to check on behaviours (SpecProcessor: else
     * TLC_CONFIG_MISSING_INIT / _NEXT, exit 151). */
    s->no_behavior = true;
    Loc where = {cfg->file, 1, 1, 1, 1};
    bool checks = cfg->invariants.len || cfg->properties.len ||
                  (opt && opt->inv);
    if (checks || prog->vars.len)
      cerr(where, "The configuration file did not specify the initial "
                  "state predicate (give SPECIFICATION, or INIT and NEXT).");
  } else {
    if (!init.name || !next.name) {
      Loc where = {cfg->file, 1, 1, 1, 1};
      cerr(where, "the config file names %s but not %s", init.name ? "INIT" : "NEXT",
           init.name ? "NEXT" : "INIT");
    } else {
      Def *di = named_def(s, init, "INIT", LEVEL_STATE);
      Def *dn = named_def(s, next, "NEXT", LEVEL_ACTION);
      if (di)
        s->init = ref_to(di, di->name_loc);
      if (dn)
        s->next = ref_to(dn, dn->name_loc);
    }
  }
  if (opt && opt->inv) {
    char *list = xstrdup(opt->inv);
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
      CfgName n = {sym_intern(tok), {0}};
      add_named(s, &s->invariants, n, "invariant", LEVEL_STATE);
    }
    free(list);
  } else {
    for (size_t i = 0; i < cfg->invariants.len; i++)
      add_named(s, &s->invariants, cfg->invariants.data[i], "INVARIANT",
                LEVEL_STATE);
  }
  for (size_t i = 0; i < cfg->constraints.len; i++)
    add_named(s, &s->constraints, cfg->constraints.data[i], "CONSTRAINT",
              LEVEL_STATE);
  for (size_t i = 0; i < cfg->action_constraints.len; i++)
    add_named(s, &s->action_constraints, cfg->action_constraints.data[i],
              "ACTION_CONSTRAINT", LEVEL_ACTION);
  for (size_t i = 0; i < cfg->properties.len; i++)
    bind_property(s, cfg->properties.data[i]);
  if (cfg->symmetry.name) {
    Def *d = named_def(s, cfg->symmetry, "SYMMETRY", LEVEL_CONST);
    if (d)
      s->symmetry = ref_to(d, cfg->symmetry.loc);
  }
  if (cfg->view.name) {
    Def *d = named_def(s, cfg->view, "VIEW", LEVEL_STATE);
    if (d)
      s->view = ref_to(d, cfg->view.loc);
  }
  if (cfg->alias.name) {
    Def *d = named_def(s, cfg->alias, "ALIAS", LEVEL_ACTION);
    if (d)
      s->alias = ref_to(d, cfg->alias.loc);
  }
  if (cfg->postcondition.name) {
    /* TLC evaluates it once, after a search that found no error. */
    Def *d = named_def(s, cfg->postcondition, "POSTCONDITION", LEVEL_STATE);
    if (d) {
      Named nm = {cfg->postcondition.name, cfg->postcondition.loc,
                  ref_to(d, d->name_loc)};
      s->postcondition = nm;
    }
  }
  s->check_deadlock = cfg->check_deadlock != 0;
  if (opt && opt->check_deadlock >= 0)
    s->check_deadlock = opt->check_deadlock;

  for (size_t i = 0; i < prog->assumes.len; i++)
    VEC_PUSH(s->assumes, prog->assumes.data[i]);
  if (bind_errors) {
    *exit_code = EXIT_CONFIG;
    return NULL;
  }
  *exit_code = 0;
  if (s->no_behavior)
    return s;
  Expr *named = s->next;
  s->next = unbox_next(s, s->next);
  StepVec path = {0};
  ActionName nm = {named->kind == EX_OP && named->ref.kind == REF_DEF
                       ? sym_str(named->ref.u.def->name)
                       : "Next",
                   s->prog->root->name, false, {0}};
  split(s, s->next, &path, nm, 0);
  /* split() pushes the Next definition itself as the first step. */
  VEC_FREE(path);
  return s;
}

Def *spec_applied_def(const Spec *spec, Expr *e) {
  Def *d = NULL;
  if (e->kind != EX_OP)
    return NULL;
  if (e->ref.kind == REF_CONST)
    d = spec->const_defs[e->ref.u.decl->index];
  else if (e->ref.kind == REF_DEF)
    d = e->ref.u.def;
  if (!d)
    return NULL;
  if (e->ref.kind == REF_DEF && spec_names_instance_copy(spec, e, d))
    return d->kind == DEF_OP ? d : NULL;
  if (spec_def_value(spec, d))
    return NULL;
  d = spec_effective_def(spec, d);
  return d->kind == DEF_OP ? d : NULL;
}

bool spec_may_assign(const Spec *spec, Expr *e, bool in_init) {
  Def *d = spec_applied_def(spec, e);
  if (!d)
    return false;
  int need = in_init ? LEVEL_STATE : LEVEL_ACTION;
  if (d->level >= need)
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_level(e->args[i]) >= need)
      return true;
  return false;
}

void spec_print_false_assumption(Loc loc) {
  const char *path = src_path(loc.file);
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  int len = (int)strlen(base);
  if (len > 4 && strcmp(base + len - 4, ".tla") == 0)
    len -= 4;
  fprintf(stdout,
          "Error: Assumption line %u, col %u to line %u, col %u of module "
          "%.*s is false.\n",
          loc.line, loc.col, loc.eline, loc.ecol, len, base);
}
