/* typeinfer.c -- Hindley-Milner style inference over a bound spec (see
 * types.h): definitions, the walk from the config's roots, the entry
 * points.  The other files of the inference are listed in inferint.h.
 *
 * Constants and variables have one monomorphic type each, seeded from
 * their config values and their annotations.  Definitions are typed on
 * first use (so in dependency order), each under its own recovery point;
 * bound names and parameters get fresh variables; a recursive definition
 * is monomorphic inside its own body; a definition of a module is then
 * generalised over the variables and rows that no constant or variable
 * reaches.
 *
 * The walk starts from what the config names (Init, Next, invariants,
 * constraints, properties, assumptions ...): everything reached from there
 * is used by the model and a mismatch in it is an error.  Definitions
 * nothing reaches are typed afterwards, against the types the used ones
 * fixed, and a mismatch in them is a warning: neither engine evaluates
 * them, as TLC does not.
 *
 * Last, what the uses left open is settled: a string-or-sequence that is
 * never a string is a sequence, an open tuple is closed; --verbose tells
 * which representation each such choice gives. */
#include <string.h>

#include "cfg.h"
#include "inferint.h"

/* ---- definitions ---- */

typedef struct DefJob {
  Infer *I;
  Def *d;
  Type *self;
  int np;
  Type *annotated;
  const char *annot_text;
  Loc annot_at;
  TypeVec avars; /* the annotation's type variables */
} DefJob;

/* Infers a definition's body against its placeholder type. */
static void infer_def_body(void *arg) {
  DefJob *job = arg;
  Infer *I = job->I;
  Def *d = job->d;
  Type *self = job->self;
  int np = job->np;
  if (job->annotated) {
    TypeVec all = {0};
    ty_collect(job->annotated, &all);
    for (size_t i = 0; i < all.len; i++)
      if (all.data[i]->kind == TY_VAR)
        VEC_PUSH(job->avars, all.data[i]);
    VEC_FREE(all);
    Unify u = {xsprintf("'%s' (annotated @type: %s)", sym_str(d->name),
                        job->annot_text),
               job->annot_at};
    ty_unify(&u, self, job->annotated);
  }
  if (d->kind == DEF_OP) {
    TEnv frames[np + 1];
    TEnv *env = NULL;
    for (int i = 0; i < np; i++) {
      frames[i] = (TEnv){d->params[i].id, self->args[i], env};
      d->params[i].type = self->args[i];
      env = &frames[i];
    }
    Type *body = ti_infer(I, d->body, env);
    Unify u = {xsprintf("the body of '%s'", sym_str(d->name)), d->body->loc};
    ty_unify(&u, np ? self->args[np] : self, body);
  } else if (d->kind == DEF_FUN) {
    int nf = ti_frames_needed(d->bounds, d->nbounds);
    TEnv frames[nf];
    Type *parts[nf];
    int nk = 0;
    TEnv *env = ti_bind_bounds(I, d->bounds, d->nbounds, NULL, frames, parts, &nk);
    /* The function itself, inside its body, is the result. */
    Type *f = ty_fun(ti_key_of(parts, nk, d->loc), ty_var(), d->loc);
    Unify u = {xsprintf("'%s'", sym_str(d->name)), d->loc};
    ty_unify(&u, self, f);
    Type *body = ti_infer(I, d->body, env);
    ty_unify(&u, f->args[1], body);
  }
  if (job->annotated)
    ti_check_polymorphic(d, &job->avars, job->annot_at);
}

static void generalise(Infer *I, Def *d, Type *self) {
  const Spec *sp = I->spec;
  TypeVec vs = {0}, fixed = {0}, gen = {0};
  if (d->module) { /* LET definitions may mention outer names */
    ty_collect(self, &vs);
    for (size_t i = 0; i < sp->prog->consts.len; i++)
      if (sp->prog->consts.data[i]->type)
        ty_collect(sp->prog->consts.data[i]->type, &fixed);
    for (size_t i = 0; i < sp->prog->vars.len; i++)
      if (sp->prog->vars.data[i]->type)
        ty_collect(sp->prog->vars.data[i]->type, &fixed);
  }
  for (size_t i = 0; i < vs.len; i++) {
    bool f = false;
    for (size_t j = 0; j < fixed.len && !f; j++)
      f = fixed.data[j] == vs.data[i];
    if (!f)
      VEC_PUSH(gen, vs.data[i]);
  }
  I->def_generic[d->id] = gen.data;
  I->def_ngeneric[d->id] = (int)gen.len;
  VEC_FREE(vs);
  VEC_FREE(fixed);
}

/* The (generalised) type of a definition, inferred on first use. */
Type *ti_def_type(Infer *I, Def *d, Loc use) {
  const Spec *sp = I->spec;
  Value *given = spec_def_value(sp, d);
  d = spec_effective_def(sp, d);
  if (I->def_types[d->id]) {
    if (I->def_busy[d->id])
      return I->def_types[d->id]; /* recursive: monomorphic inside */
    return ty_instantiate(I->def_types[d->id], I->def_generic[d->id],
                          I->def_ngeneric[d->id]);
  }
  if (given) { /* `Op = value` in the config: the body is not used */
    Type *t = ti_value_type(given, ti_cfg_loc(sp, d->name, d->loc), 0);
    I->def_types[d->id] = d->type = t;
    return t;
  }
  /* Placeholder for recursion. */
  int np = d->kind == DEF_OP ? d->nparams : 0;
  Type *self = np ? ty_oper(np, d->loc) : ty_var();
  for (int i = 0; i < np; i++)
    if (d->params[i].arity > 0)
      self->args[i] = ty_oper(d->params[i].arity, d->params[i].loc);
  I->def_types[d->id] = self;
  I->def_busy[d->id] = true;
  DefJob job = {I, d, self, np, NULL, NULL, {0}, {0}};
  Def *src = d->origin ? d->origin : d;
  job.annotated = ti_annotation(d->name, src->loc, self, &job.annot_at,
                                (char **)&job.annot_text);
  if (!I->annotations)
    job.annotated = NULL;
  const char *saved = ty_context;
  bool saved_quiet = ty_quiet, saved_untypable = ty_quiet_untypable;
  if (ty_lenient)
    ty_context =
        xsprintf(" (in '%s', which this model does not use)", sym_str(d->name));
  /* Nobody can fix brink's own modules: when unused, they type quietly,
   * and what their types cannot describe is never reported. */
  if (ty_lenient && d->module && d->module->builtin)
    ty_quiet = true;
  if (d->module) /* a LET definition keeps its context's */
    ty_quiet_untypable = d->module->builtin;
  ty_guarded(infer_def_body, &job);
  VEC_FREE(job.avars);
  ty_context = saved;
  ty_quiet = saved_quiet;
  ty_quiet_untypable = saved_untypable;
  I->def_busy[d->id] = false;
  d->type = self;
  generalise(I, d, self);
  return ti_def_type(I, d, use);
}

/* ---- the whole spec ---- */

typedef struct SeedJob {
  Infer *I;
  size_t i; /* the constant */
} SeedJob;

/* A constant substituted by a definition has the definition's type. */
static void unify_const_def(void *arg) {
  SeedJob *j = arg;
  Spec *s = j->I->spec;
  Decl *d = s->prog->consts.data[j->i];
  Type *t = ti_def_type(j->I, s->const_defs[j->i], d->loc);
  Unify u = {xsprintf("constant '%s'", sym_str(d->name)), d->loc};
  ty_unify(&u, d->type, t);
}

static void seed_const(void *arg) {
  SeedJob *j = arg;
  Spec *s = j->I->spec;
  Decl *d = s->prog->consts.data[j->i];
  d->type = ti_value_type(s->const_vals[j->i], ti_cfg_loc(s, d->name, d->loc), 0);
}

typedef struct RootJob {
  Infer *I;
  Expr *e;
} RootJob;

static void infer_root(void *arg) {
  RootJob *r = arg;
  ti_infer(r->I, r->e, NULL);
}

static void root(Infer *I, Expr *e) {
  if (!e)
    return;
  RootJob r = {I, e};
  ty_guarded(infer_root, &r);
}

static void root_name(Infer *I, Sym name) {
  TopEntry t = program_lookup(I->spec->prog, name);
  if (t.kind == REF_DEF && t.ref.u.def->kind != DEF_INSTANCE)
    ti_def_type(I, t.ref.u.def, t.ref.u.def->loc);
}

/* ---- what the uses leave open ---- */

/* The representation chosen for a name's type where its uses leave the
 * choice open (brink typecheck --verbose). */
typedef struct Choice {
  Sym name;
  char *type; /* the part of the type the choice is about */
  const char *why;
} Choice;
static VEC(Choice) choices;

static void choose(Sym name, Type *t, const char *why) {
  for (size_t i = 0; i < choices.len; i++)
    if (choices.data[i].name == name && choices.data[i].why == why)
      return;
  VEC_PUSH(choices, ((Choice){name, type_str(t), why}));
}

/* Settles what the uses left open in the type of `name`: a string or
 * sequence is a sequence, an open tuple is closed; and notes the
 * representations chosen. */
static void settle(Sym name, Type *t, int depth) {
  t = type_find(t);
  if (depth > 50)
    return;
  if (t->kind == TY_VAR && t->strseq) {
    Type *s = ty_seq(t->args[0], t->origin);
    t->link = s;
    t = s;
    choose(name, t,
           "only Len, \\o or SubSeq are applied, which take strings and "
           "sequences alike: taken as a sequence (a length and a bounded "
           "array)");
  }
  if (t->kind == TY_TUP && t->open) {
    t->open = false;
    choose(name, t,
           "only ever indexed by constants: taken as a tuple of the "
           "components indexed (a product of their values)");
  } else if (t->kind == TY_TUP && t->nargs >= 2) {
    char *first = type_str(t->args[0]);
    bool alike = true;
    for (int i = 1; i < t->nargs && alike; i++) {
      char *o = type_str(t->args[i]);
      alike = strcmp(o, first) == 0;
      free(o);
    }
    free(first);
    if (alike)
      choose(name, t,
             "could be a sequence, but is only indexed by constants and "
             "never changes length: a tuple (a product of its components)");
  } else if (t->kind == TY_FUN && type_find(t->args[0])->kind == TY_INT) {
    choose(name, t,
           "a function over integers that no sequence operator is applied "
           "to: a function (one value per element of its finite domain), "
           "not a sequence");
  } else if (t->kind == TY_VAR) {
    choose(name, t,
           "no use constrains this type (say, the elements of a set that "
           "stays empty): any representation will do");
  }
  for (int i = 0; i < t->nargs; i++)
    settle(name, t->args[i], depth + 1);
}

/* A module whose constants are not the spec's: it is only used through
 * INSTANCE, whose copies of its definitions are typed instead. */
static bool only_instantiated(const Module *m) {
  for (int u = 0; u < m->nunits; u++)
    if (m->units[u].kind == U_CONSTANTS)
      for (int k = 0; k < m->units[u].ndecls; k++)
        if (m->units[u].decls[k]->index < 0)
          return true;
  return false;
}

bool types_infer_opts(Spec *spec, const TypeOptions *opt) {
  Program *p = spec->prog;
  Infer I = {0};
  I.spec = spec;
  I.annotations = opt ? opt->annotations : true;
  size_t nd = p->defs.len + 1;
  I.def_types = xcalloc(nd, sizeof *I.def_types);
  I.def_generic = xcalloc(nd, sizeof *I.def_generic);
  I.def_ngeneric = xcalloc(nd, sizeof *I.def_ngeneric);
  I.def_busy = xcalloc(nd, sizeof *I.def_busy);
  ty_errors = 0;
  ty_lenient = false;
  ty_quiet_untypable = false;
  ty_context = NULL;
  ti_reset_models();
  annot_reset();
  annot_load_aliases(p);
  /* Model values are named after the sets that hold them first. */
  for (size_t k = 0; k < spec->cfg->consts.len; k++) {
    CfgConst *cc = &spec->cfg->consts.data[k];
    for (size_t i = 0; i < p->consts.len; i++)
      if (p->consts.data[i]->name == cc->name && spec->const_vals[i] &&
          spec->const_vals[i]->kind == V_SET)
        ti_name_models(spec->const_vals[i], cc->name, 0);
  }
  for (size_t i = 0; i < p->consts.len; i++)
    if (spec->const_vals[i])
      ti_name_models(spec->const_vals[i], p->consts.data[i]->name, 0);
  for (size_t i = 0; i < p->consts.len; i++) {
    p->consts.data[i]->type = ty_var();
    if (spec->const_vals[i]) {
      SeedJob j = {&I, i};
      ty_guarded(seed_const, &j);
    }
  }
  for (size_t i = 0; i < p->vars.len; i++)
    p->vars.data[i]->type = ty_var();
  for (size_t i = 0; i < p->consts.len; i++)
    ti_annotate_decl(&I, p->consts.data[i]);
  for (size_t i = 0; i < p->vars.len; i++)
    ti_annotate_decl(&I, p->vars.data[i]);
  for (size_t i = 0; i < p->consts.len; i++)
    if (spec->const_defs[i] && spec->const_defs[i]->nparams == 0) {
      SeedJob j = {&I, i};
      ty_guarded(unify_const_def, &j);
    }
  /* What the config names, then everything else. */
  root(&I, spec->init);
  root(&I, spec->next);
  for (size_t i = 0; i < spec->invariants.len; i++)
    root(&I, spec->invariants.data[i].expr);
  for (size_t i = 0; i < spec->constraints.len; i++)
    root(&I, spec->constraints.data[i].expr);
  for (size_t i = 0; i < spec->action_constraints.len; i++)
    root(&I, spec->action_constraints.data[i].expr);
  for (size_t i = 0; i < spec->cfg->properties.len; i++)
    root_name(&I, spec->cfg->properties.data[i].name);
  if (spec->cfg->spec.name)
    root_name(&I, spec->cfg->spec.name);
  for (size_t i = 0; i < spec->assumes.len; i++)
    root(&I, spec->assumes.data[i]);
  root(&I, spec->symmetry);
  root(&I, spec->view);
  ty_lenient = !spec->no_behavior;
  /* Whether a module is only instantiated is asked once per run of its
   * definitions (they come in module order), not once per definition. */
  const Module *last = NULL;
  bool last_only = false;
  for (size_t i = 0; i < p->defs.len; i++) {
    Def *d = p->defs.data[i];
    if (!d->module || d->kind == DEF_INSTANCE)
      continue;
    if (d->module != last) {
      last = d->module;
      last_only = only_instantiated(last);
    }
    if (!last_only)
      ti_def_type(&I, d, d->loc);
  }
  ty_lenient = false;
  choices.len = 0;
  for (size_t i = 0; i < p->consts.len; i++)
    settle(p->consts.data[i]->name, p->consts.data[i]->type, 0);
  for (size_t i = 0; i < p->vars.len; i++)
    settle(p->vars.data[i]->name, p->vars.data[i]->type, 0);
  return ty_errors == 0;
}

bool types_infer(Spec *spec) { return types_infer_opts(spec, NULL); }

Spec *types_bare_spec(Program *p) {
  Spec *s = xcalloc(1, sizeof *s);
  s->prog = p;
  s->cfg = cfg_parse_text("(no config)", "");
  s->module_name = sym_str(p->root->name);
  s->nvars = (int)p->vars.len;
  s->const_vals = xcalloc(p->consts.len + 1, sizeof *s->const_vals);
  s->const_defs = xcalloc(p->consts.len + 1, sizeof *s->const_defs);
  s->ndefs = p->defs.len;
  s->def_vals = xcalloc(s->ndefs + 1, sizeof *s->def_vals);
  s->def_substs = xcalloc(s->ndefs + 1, sizeof *s->def_substs);
  s->def_cache = xcalloc(s->ndefs + 1, sizeof *s->def_cache);
  for (size_t i = 0; i < p->assumes.len; i++)
    VEC_PUSH(s->assumes, p->assumes.data[i]);
  s->no_behavior = true;
  return s;
}

void types_report(FILE *out, const Spec *spec, bool verbose) {
  Program *p = spec->prog;
  for (size_t i = 0; i < p->consts.len; i++) {
    fprintf(out, "CONSTANT %s : ", sym_str(p->consts.data[i]->name));
    type_print(out, p->consts.data[i]->type);
    fputc('\n', out);
  }
  for (size_t i = 0; i < p->vars.len; i++) {
    fprintf(out, "VARIABLE %s : ", sym_str(p->vars.data[i]->name));
    type_print(out, p->vars.data[i]->type);
    fputc('\n', out);
  }
  for (size_t i = 0; i < p->defs.len; i++) {
    Def *d = p->defs.data[i];
    if (d->module != p->root || !d->type)
      continue;
    fprintf(out, "%s : ", sym_str(d->name));
    type_print(out, d->type);
    fputc('\n', out);
  }
  if (!verbose)
    return;
  fprintf(out, "\nrepresentations chosen where the uses leave them open:\n");
  if (!choices.len)
    fprintf(out, "  (none: the uses fix every representation)\n");
  for (size_t i = 0; i < choices.len; i++)
    fprintf(out, "  %s: %s: %s\n", sym_str(choices.data[i].name),
            choices.data[i].type, choices.data[i].why);
  const TypeAnnot *an;
  size_t n = types_annotations(spec, &an);
  fprintf(out, "\nannotations read: %zu\n", n);
  for (size_t i = 0; i < n; i++) {
    char buf[256];
    char *inf = type_str(an[i].inferred);
    fprintf(out, "  %s (%s): @type: %s; inferred %s\n", sym_str(an[i].name),
            loc_str(an[i].loc, buf, sizeof buf), an[i].text, inf);
    free(inf);
  }
}
