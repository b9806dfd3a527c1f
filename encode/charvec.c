/* charvec.c -- set-valued state variables as characteristic vectors.
 *
 * The plan is found once per run: the conjuncts of every invariant and
 * CONSTRAINT (definitions without parameters expanded, as far as a few
 * levels) are searched for `x \in SUBSET U` and `x \subseteq U` with x a
 * variable and U a constant expression; U is evaluated and kept when it is
 * a finite set of at most CV_MAX_UNIVERSE elements that all have a symbolic
 * constant.  The first such U found for a variable is its universe.  When
 * U is SUBSET W with W too large for its powerset to be listed (SUBSET of
 * 20 positions: a million sets, which evaluating took 1.3 s before the
 * first frame of SlidingPuzzles), U is not evaluated: the variable's
 * members are subsets of W, and each member is rewritten over W's own
 * universe (a CvShape per level), so a set of sets keeps a cell per
 * member, each a vector.
 *
 * The rewrite of a value s (an SV_SET of cells (e_i, m_i)) over the
 * universe u_1 < ... < u_n (val_cmp order) makes the cells (u_j, M_j) with
 * M_j = \/_i (m_i /\ e_i = u_j), and the overflow \/_i (m_i /\ ~\/_j e_i =
 * u_j).  A cell whose element is a constant is looked up, not compared.
 * The result has constant, increasing elements (symval.h: canonical), so
 * equality, membership and CHOOSE over it work element-wise.  A set of
 * sets keeps its cells (their keys rewritten, their memberships as they
 * were) and overflows when a member's rewrite does.  Values of another
 * kind (a mixture that may hold a set) are left as they are.
 * --no-charvec (driver.h) turns the rewrite off. */
#include "charvec.h"

#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "eval.h"
#include "resolve.h"

enum {
  CV_MAX_UNIVERSE = 256, /* elements: a vector longer than this is no gain */
  CV_MAX_DEPTH = 8,      /* definitions expanded while searching */
  CV_MAX_SUBSET_BASE = 8 /* SUBSET W listed when W has at most this many */
};

/* What the plan does with a set: rewrite it as a vector over a universe,
 * or (a set of sets whose members' universe is too large to list, as
 * SUBSET SUBSET Pos) rewrite each of its members by a shape of their own. */
typedef struct CvShape {
  Value *universe;      /* a V_SET: the set as a vector over it */
  struct CvShape *elem; /* else: each member (a set) rewritten by it */
} CvShape;

struct CvPlan {
  int nvars;
  CvShape **shape; /* per variable (Decl.index), or NULL */
  int size;
};

/* The value of a constant expression, or NULL when it is not one (or its
 * evaluation fails: then the hint is just not taken). */
static Value *const_value(const Spec *sp, Expr *e) {
  if (expr_level(e) != LEVEL_CONST)
    return NULL;
  return eval_const_quiet(sp, e);
}

static bool representable(const Value *u) {
  if (!u || u->kind != V_SET || u->u.set.n == 0 ||
      u->u.set.n > CV_MAX_UNIVERSE)
    return false;
  for (uint32_t i = 0; i < u->u.set.n; i++)
    if (!sv_from_value(u->u.set.elems[i]))
      return false;
  return true;
}

/* e with labels and parameterless definitions stripped, when it is
 * SUBSET W: then W, else NULL. */
static Expr *subset_arg(Expr *e) {
  for (int depth = 0; e && depth <= CV_MAX_DEPTH; depth++) {
    if (e->kind == EX_LABEL) {
      e = e->body;
      continue;
    }
    if (e->kind != EX_OP)
      return NULL;
    if (e->ref.kind == REF_DEF) {
      Def *d = e->ref.u.def;
      if (d->kind != DEF_OP || d->nparams != 0 || e->nargs != 0 ||
          e->npath != 0)
        return NULL;
      e = d->body;
      continue;
    }
    return ast_is_builtin(e, B_SUBSET) && e->nargs == 1 ? e->args[0] : NULL;
  }
  return NULL;
}

static CvShape *universe_shape(Value *u) {
  if (u && val_is_set(u))
    u = val_set_enum(u);
  if (!representable(u))
    return NULL;
  CvShape *sh = xcalloc(1, sizeof *sh);
  sh->universe = u;
  return sh;
}

/* The shape of a set x with x \subseteq set (set a constant expression),
 * or NULL.  SUBSET W is listed only when W has few enough elements for its
 * powerset to be a universe; otherwise x's members are subsets of W, each
 * rewritten by W's own shape (and SUBSET W is never evaluated: SUBSET of
 * 20 positions has a million elements). */
static CvShape *shape_of(const Spec *sp, Expr *set, int depth) {
  if (depth > CV_MAX_DEPTH || expr_level(set) != LEVEL_CONST)
    return NULL;
  Expr *w = subset_arg(set);
  if (!w)
    return universe_shape(const_value(sp, set));
  CvShape *in = shape_of(sp, w, depth + 1);
  if (!in)
    return NULL;
  if (in->universe && in->universe->u.set.n <= CV_MAX_SUBSET_BASE) {
    CvShape *all = universe_shape(const_value(sp, set));
    if (all) {
      free(in);
      return all;
    }
  }
  CvShape *sh = xcalloc(1, sizeof *sh);
  sh->elem = in;
  return sh;
}

static void shape_free(CvShape *sh) {
  if (!sh)
    return;
  shape_free(sh->elem);
  free(sh);
}

static void offer(CvPlan *p, const Spec *sp, Expr *var, Expr *set) {
  if (var->kind != EX_OP || var->ref.kind != REF_VAR || var->nargs != 0)
    return;
  int v = var->ref.u.decl->index;
  if (v < 0 || v >= p->nvars || p->shape[v])
    return;
  CvShape *sh = shape_of(sp, set, 0);
  if (!sh)
    return;
  p->shape[v] = sh;
  p->size++;
}

static void search(CvPlan *p, const Spec *sp, Expr *e, int depth) {
  if (!e || depth > CV_MAX_DEPTH)
    return;
  if (e->kind == EX_LABEL) {
    search(p, sp, e->body, depth);
    return;
  }
  if (e->kind != EX_OP)
    return;
  if (e->ref.kind == REF_DEF) {
    Def *d = e->ref.u.def;
    if (d->kind == DEF_OP && d->nparams == 0 && e->nargs == 0 && e->npath == 0)
      search(p, sp, d->body, depth + 1);
    return;
  }
  if (ast_is_builtin(e, B_AND)) {
    for (int i = 0; i < e->nargs; i++)
      search(p, sp, e->args[i], depth);
  } else if (ast_is_builtin(e, B_IN) && e->nargs == 2 &&
             ast_is_builtin(e->args[1], B_SUBSET) && e->args[1]->nargs == 1) {
    offer(p, sp, e->args[0], e->args[1]->args[0]);
  } else if (ast_is_builtin(e, B_SUBSETEQ) && e->nargs == 2) {
    offer(p, sp, e->args[0], e->args[1]);
  }
}

CvPlan *cv_plan_new(const Spec *sp) {
  CvPlan *p = xcalloc(1, sizeof *p);
  p->nvars = sp->nvars;
  p->shape = xcalloc((size_t)sp->nvars + 1, sizeof *p->shape);
  for (size_t i = 0; i < sp->invariants.len; i++)
    search(p, sp, sp->invariants.data[i].expr, 0);
  for (size_t i = 0; i < sp->constraints.len; i++)
    search(p, sp, sp->constraints.data[i].expr, 0);
  return p;
}

void cv_plan_delete(CvPlan *p) {
  if (!p)
    return;
  for (int v = 0; v < p->nvars; v++)
    shape_free(p->shape[v]);
  free(p->shape);
  free(p);
}

int cv_plan_size(const CvPlan *p) { return p ? p->size : 0; }

/* Index of the constant c in the universe u, or -1. */
static int find_const(const Value *u, const Value *c) {
  uint32_t lo = 0, hi = u->u.set.n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    int r = val_cmp(u->u.set.elems[mid], c);
    if (r == 0)
      return (int)mid;
    if (r < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

static SymVal *rewrite(const Value *u, const SymVal *s, TermId *overflow) {
  TermMgr *tm = sv_mgr();
  uint32_t n = u->u.set.n;
  VEC(TermId) *mem = xcalloc(n, sizeof *mem);
  VEC(TermId) out = {0};
  SymVal **uv = xmalloc(n * sizeof *uv);
  for (uint32_t j = 0; j < n; j++)
    uv[j] = sv_from_value(u->u.set.elems[j]);
  for (uint32_t i = 0; i < s->n; i++) {
    const SvCell *c = &s->cells[i];
    if (term_is_false(tm, c->mem))
      continue;
    Value *cv;
    if (sv_is_const(c->key, &cv)) {
      int j = find_const(u, cv);
      if (j < 0)
        VEC_PUSH(out, c->mem);
      else
        VEC_PUSH(mem[j], c->mem);
      continue;
    }
    VEC(TermId) hit = {0};
    for (uint32_t j = 0; j < n; j++) {
      TermId eq = sv_equal(c->key, uv[j]);
      if (term_is_false(tm, eq))
        continue;
      VEC_PUSH(mem[j], term_mk_and2(tm, c->mem, eq));
      VEC_PUSH(hit, eq);
    }
    VEC_PUSH(out, term_mk_and2(tm, c->mem,
                               term_mk_not(tm, term_mk_or(tm, hit.data,
                                                          (uint32_t)hit.len))));
    VEC_FREE(hit);
  }
  SvCell *cells = xmalloc((n + 1) * sizeof *cells);
  for (uint32_t j = 0; j < n; j++) {
    cells[j] = (SvCell){uv[j], term_mk_or(tm, mem[j].data, (uint32_t)mem[j].len),
                        NULL};
    VEC_FREE(mem[j]);
  }
  SymVal *r = sv_set(cells, n);
  *overflow = term_mk_or(tm, out.data, (uint32_t)out.len);
  free(cells);
  free(uv);
  free(mem);
  VEC_FREE(out);
  return r;
}

/* s rewritten by the shape sh; *overflow: some member lies outside the
 * universe (at whatever depth).  A value that is not a set (a mixture) is
 * left as it is. */
static SymVal *rewrite_shape(const CvShape *sh, SymVal *s, TermId *overflow) {
  TermMgr *tm = sv_mgr();
  *overflow = term_false(tm);
  if (!s || s->kind != SV_SET)
    return s;
  if (sh->universe)
    return rewrite(sh->universe, s, overflow);
  SvCell *cells = xmalloc((s->n + 1) * sizeof *cells);
  uint32_t n = 0;
  VEC(TermId) out = {0};
  for (uint32_t i = 0; i < s->n; i++) {
    const SvCell *c = &s->cells[i];
    if (term_is_false(tm, c->mem))
      continue;
    TermId o;
    cells[n++] = (SvCell){rewrite_shape(sh->elem, c->key, &o), c->mem, NULL};
    VEC_PUSH(out, term_mk_and2(tm, c->mem, o));
  }
  SymVal *r = sv_set(cells, n);
  *overflow = term_mk_or(tm, out.data, (uint32_t)out.len);
  free(cells);
  VEC_FREE(out);
  return r;
}

TermId cv_rewrite_state(const CvPlan *p, SymVal **state) {
  TermMgr *tm = sv_mgr();
  TermId ov = term_false(tm);
  if (!p)
    return ov;
  for (int v = 0; v < p->nvars; v++) {
    if (!p->shape[v] || !state[v])
      continue;
    TermId o;
    state[v] = rewrite_shape(p->shape[v], state[v], &o);
    ov = term_mk_or2(tm, ov, o);
  }
  return ov;
}
