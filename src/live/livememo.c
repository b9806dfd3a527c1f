/* livememo.c -- state atoms remembered by the variables they read.
 *
 * A state predicate such as ctl[p] = "busy" reads one variable of four;
 * its value on a state is a function of that variable's value (reads.h),
 * which takes few values over the whole graph.  So live_state_eval asks
 * the atom's memo first, keyed by the value ids of the variables read as
 * the search stored them, and evaluates the atom only on a projection not
 * seen before.  An atom that reads every variable, or whose value is not
 * a function of the variables it reads (ENABLED, TLCGet, ...), has no
 * memo; nor keeps one an atom whose memo, after 1024 questions, answered
 * fewer than half of them. */
#include <stdlib.h>
#include <string.h>

#include "liveint.h"
#include "reads.h"

struct AtomMemo {
  uint32_t n;         /* variables read */
  uint32_t *vars;     /* their indexes in the state */
  VEC(uint32_t) keys; /* n value ids per entry */
  VEC(uint8_t) vals;  /* the atom's value per entry */
  uint32_t *tab;      /* entry + 1 (0: empty), open addressing */
  size_t cap;
  size_t asked, hits;
};

/* The names of an atom: the bindings of its environment. */
typedef struct Names {
  const Spec *sp;
  const EvalBind *env;
  int depth;
} Names;

static bool atom_name(void *arg, uint32_t id, ReadVars *out) {
  const Names *n = arg;
  const EvalBind *b = n->env;
  while (b && b->id != id)
    b = b->up;
  if (!b || b->value)
    return true; /* bound inside the atom, or to a value */
  if (n->depth > 32 || !b->expr)
    return false;
  Names in = {n->sp, b->env, n->depth + 1};
  return reads_of_expr(n->sp, b->expr, atom_name, &in, out);
}

void memo_setup(Live *l) {
  size_t na = l->t->atoms.len;
  l->memo = xcalloc(na + 1, sizeof *l->memo);
  for (size_t k = 0; k < na; k++) {
    const TAtom *a = &l->t->atoms.data[k];
    if (a->kind != TA_STATE)
      continue;
    ReadVars vars = {0};
    Names top = {l->spec, a->env, 0};
    if (reads_of_expr(l->spec, a->expr, atom_name, &top, &vars) &&
        (int)vars.len < l->nvars) {
      AtomMemo *m = xcalloc(1, sizeof *m);
      m->n = (uint32_t)vars.len;
      m->vars = xmalloc((vars.len + 1) * sizeof *m->vars);
      memcpy(m->vars, vars.data, vars.len * sizeof *m->vars);
      l->memo[k] = m;
    }
    VEC_FREE(vars);
  }
}

static void memo_drop(AtomMemo *m) {
  free(m->vars);
  VEC_FREE(m->keys);
  VEC_FREE(m->vals);
  free(m->tab);
  free(m);
}

void memo_free(Live *l) {
  if (!l->memo)
    return;
  for (size_t k = 0; k < l->t->atoms.len; k++)
    if (l->memo[k])
      memo_drop(l->memo[k]);
  free(l->memo);
}

static uint64_t key_hash(const AtomMemo *m, const uint32_t *ids) {
  uint64_t h = 0x6d656d6fu;
  for (uint32_t i = 0; i < m->n; i++)
    h = hash_mix(h, ids[m->vars[i]]);
  return h;
}

static bool key_is(const AtomMemo *m, size_t entry, const uint32_t *ids) {
  const uint32_t *k = m->keys.data + entry * m->n;
  for (uint32_t i = 0; i < m->n; i++)
    if (k[i] != ids[m->vars[i]])
      return false;
  return true;
}

int memo_get(Live *l, int atom, uint32_t g) {
  AtomMemo *m = l->memo ? l->memo[atom] : NULL;
  if (!m)
    return -1;
  if (++m->asked == 1024 && 2 * m->hits < m->asked) {
    memo_drop(m);
    l->memo[atom] = NULL;
    return -1;
  }
  if (!m->cap)
    return -1;
  const uint32_t *ids = l->sids + (size_t)g * l->nvars;
  for (size_t j = key_hash(m, ids) & (m->cap - 1); m->tab[j];
       j = (j + 1) & (m->cap - 1))
    if (key_is(m, m->tab[j] - 1, ids)) {
      m->hits++;
      return m->vals.data[m->tab[j] - 1];
    }
  return -1;
}

static void tab_put(AtomMemo *m, size_t entry) {
  const uint32_t *k = m->keys.data + entry * m->n;
  uint64_t h = 0x6d656d6fu;
  for (uint32_t i = 0; i < m->n; i++)
    h = hash_mix(h, k[i]);
  size_t j = h & (m->cap - 1);
  while (m->tab[j])
    j = (j + 1) & (m->cap - 1);
  m->tab[j] = (uint32_t)entry + 1;
}

void memo_put(Live *l, int atom, uint32_t g, bool v) {
  AtomMemo *m = l->memo ? l->memo[atom] : NULL;
  if (!m)
    return;
  const uint32_t *ids = l->sids + (size_t)g * l->nvars;
  for (uint32_t i = 0; i < m->n; i++)
    VEC_PUSH(m->keys, ids[m->vars[i]]);
  VEC_PUSH(m->vals, v);
  if (2 * m->vals.len > m->cap) {
    free(m->tab);
    m->cap = m->cap ? 2 * m->cap : 64;
    m->tab = xcalloc(m->cap, sizeof *m->tab);
    for (size_t e = 0; e < m->vals.len; e++)
      tab_put(m, e);
  } else {
    tab_put(m, m->vals.len - 1);
  }
}
