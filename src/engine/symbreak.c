/* symbreak.c -- lex-leader constraints over renamable elements.
 *
 * The state kept between frames is, per pair of neighbouring elements
 * (u_i, u_{i+1}), the term saying their columns agreed in every frame so
 * far (symbreak.h).  Each frame adds, per pair, one lexicographic
 * comparison of two rows of m Booleans (m: the frame's set-valued
 * variables), so the constraints grow by O(n m) terms per frame.  Which
 * variables count is fixed by their representation, which does not depend
 * on the behaviour: a variable whose value in the frame is not a set of
 * scalars of the elements' kind is left out of its rows. */
#include "symbreak.h"

#include "symmetric.h"

struct SymBreak {
  Sym name;
  int n;
  SymVal **elems; /* u_1 < ... < u_n as constants */
  TermId *same;   /* [i]: columns i and i+1 agreed in every frame so far */
  int nvars;
};

SymBreak *sb_new(const Spec *sp) {
  Sym name;
  Value *v = symmetric_values(sp, &name);
  if (!v)
    return NULL;
  SymBreak *s = xcalloc(1, sizeof *s);
  s->name = name;
  s->n = (int)v->u.set.n;
  s->nvars = sp->nvars;
  s->elems = xmalloc((size_t)s->n * sizeof *s->elems);
  s->same = xmalloc((size_t)s->n * sizeof *s->same);
  for (int i = 0; i < s->n; i++) {
    s->elems[i] = sv_from_value(v->u.set.elems[i]);
    s->same[i] = term_true(sv_mgr());
  }
  return s;
}

void sb_delete(SymBreak *s) {
  if (!s)
    return;
  free(s->elems);
  free(s->same);
  free(s);
}

Sym sb_constant(const SymBreak *s, int *n) {
  *n = s->n;
  return s->name;
}

/* Is x a set whose cells all hold scalars of kind k (so that membership
 * of an element is a comparison of scalars)? */
static bool atom_set(const SymVal *x, SvKind k) {
  if (!x || x->kind != SV_SET)
    return false;
  for (uint32_t i = 0; i < x->n; i++)
    if (x->cells[i].key->kind != k)
      return false;
  return true;
}

TermId sb_frame(SymBreak *s, SymVal *const *state) {
  TermMgr *tm = sv_mgr();
  TermId all = term_true(tm);
  for (int i = 0; i + 1 < s->n; i++) {
    /* le: row i <= row i+1, built from the last variable up. */
    TermId le = term_true(tm), eq = term_true(tm);
    for (int v = s->nvars; v-- > 0;) {
      if (!atom_set(state[v], s->elems[0]->kind))
        continue;
      TermId a = sv_mem(s->elems[i], state[v]);
      TermId b = sv_mem(s->elems[i + 1], state[v]);
      TermId same = term_mk_iff(tm, a, b);
      le = term_mk_or2(tm, term_mk_and2(tm, term_mk_not(tm, a), b),
                       term_mk_and2(tm, same, le));
      eq = term_mk_and2(tm, eq, same);
    }
    all = term_mk_and2(tm, all, term_mk_implies(tm, s->same[i], le));
    s->same[i] = term_mk_and2(tm, s->same[i], eq);
  }
  return all;
}
