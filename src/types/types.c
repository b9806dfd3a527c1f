/* types.c -- type terms: construction, printing, unification and
 * instantiation (see types.h for the representation).
 *
 * Unification is Robinson's with union-find, extended for TLA+'s values
 * that are several things at once: a tuple or a function over Int becomes
 * a sequence when a sequence operator meets it, a record becomes a function
 * over strings when it is applied like one, two tuples of different
 * lengths are both sequences.  The node that carries less information is
 * linked to the one that carries more, so every use of either sees the
 * result.  Rows (records, open tuples) grow in place.
 *
 * A mismatch is reported where it is found, naming both uses, and unwinds
 * to the recovery point of the definition being typed (ty_guarded), so one
 * run reports one mismatch per definition.
 *
 * Some mismatches are valid TLA+ that these types cannot describe, and
 * TLC evaluates them: a value that holds values of its own kind (a tree of
 * records, a variable that is a process at one time and a set of processes
 * at another), and a tuple or record whose components differ used as one
 * function, sequence or longer tuple (`r[f]` over a record's fields,
 * messages <<"req", 1>> and <<"ack">> in one set).  Those are warnings: the
 * engines check the values as they evaluate them. */
#include "typeint.h"

#include <assert.h>
#include <stdarg.h>
#include <string.h>

static uint32_t next_var;
int ty_errors;
bool ty_lenient;
bool ty_quiet;
bool ty_quiet_untypable;
bool ty_mismatch_warns;

void types_set_mismatch_warns(bool on) { ty_mismatch_warns = on; }
const char *ty_context;
static jmp_buf *mismatch_jb;
/* > 0 while the components of a tuple or record are merged into the one
 * element type of a function, sequence or longer tuple. */
static int merging;

/* Where unification is inside the two types, for messages: "component 2
 * of", "field 'seq' of", "the elements of" ... (innermost last). */
typedef struct PathStep {
  const char *what; /* "component", "field", or a phrase */
  int index;
  Sym field;
} PathStep;
static PathStep path[64];
static int path_len;

static void push(const char *what, int index, Sym field) {
  if (path_len < 64)
    path[path_len] = (PathStep){what, index, field};
  path_len++;
}

static void pop(void) { path_len--; }

/* u->what, prefixed with the path: "field 'seq' of 'msg'". */
static char *path_what(Unify *u) {
  char *r = xstrdup(u->what);
  for (int i = 0; i < path_len && i < 64; i++) {
    char *n;
    if (path[i].field)
      n = xsprintf("field '%s' of %s", sym_str(path[i].field), r);
    else if (path[i].index)
      n = xsprintf("component %d of %s", path[i].index, r);
    else
      n = xsprintf("%s %s", path[i].what, r);
    free(r);
    r = n;
  }
  return r;
}

/* Unifies a and b as parts of the types being unified. */
static void unify_part(Unify *u, Type *a, Type *b, const char *what, int index,
                       Sym field) {
  push(what, index, field);
  ty_unify(u, a, b);
  pop();
}

static Type *mk(TypeKind k, Loc origin, int nargs) {
  Type *t = xcalloc(1, sizeof *t);
  t->kind = k;
  t->origin = origin;
  t->nargs = nargs;
  if (nargs)
    t->args = xcalloc((size_t)nargs, sizeof *t->args);
  return t;
}

Type *ty_var(void) {
  Type *t = mk(TY_VAR, (Loc){0}, 0);
  t->id = ++next_var;
  return t;
}

Type *ty_strseq(Loc at) {
  Type *t = mk(TY_VAR, at, 1);
  t->id = ++next_var;
  t->strseq = true;
  t->args[0] = ty_var();
  return t;
}

Type *ty_prim(TypeKind k, Loc at) { return mk(k, at, 0); }

Type *ty_model(Sym name, Loc at) {
  Type *t = mk(TY_MODEL, at, 0);
  t->name = name;
  return t;
}

Type *ty_set(Type *e, Loc at) {
  Type *t = mk(TY_SET, at, 1);
  t->args[0] = e;
  return t;
}

Type *ty_seq(Type *e, Loc at) {
  Type *t = mk(TY_SEQ, at, 1);
  t->args[0] = e;
  return t;
}

Type *ty_fun(Type *d, Type *r, Loc at) {
  Type *t = mk(TY_FUN, at, 2);
  t->args[0] = d;
  t->args[1] = r;
  return t;
}

Type *ty_tup(int n, Loc at) {
  Type *t = mk(TY_TUP, at, n);
  for (int i = 0; i < n; i++)
    t->args[i] = ty_var();
  return t;
}

Type *ty_oper(int np, Loc at) {
  Type *t = mk(TY_OPER, at, np + 1);
  for (int i = 0; i <= np; i++)
    t->args[i] = ty_var();
  return t;
}

Type *ty_rec(Loc at) { return mk(TY_REC, at, 0); }

int ty_rec_field(Type *r, Sym f) {
  for (int i = 0; i < r->nargs; i++)
    if (r->fields[i] == f)
      return i;
  return -1;
}

void ty_rec_add(Type *r, Sym f, Type *t) {
  r->args = xrealloc(r->args, (size_t)(r->nargs + 1) * sizeof *r->args);
  r->fields = xrealloc(r->fields, (size_t)(r->nargs + 1) * sizeof *r->fields);
  r->args[r->nargs] = t;
  r->fields[r->nargs] = f;
  r->nargs++;
}

Type *type_find(Type *t) {
  Type *r = t;
  while (r->link)
    r = r->link;
  while (t->link && t->link != r) { /* path compression */
    Type *n = t->link;
    t->link = r;
    t = n;
  }
  return r;
}

/* ---- printing ---- */

static void var_name(FILE *out, Type *v, TypeNames *names) {
  size_t k = 0;
  while (k < names->vars.len && names->vars.data[k] != v)
    k++;
  if (k == names->vars.len)
    VEC_PUSH(names->vars, v);
  if (k < 26)
    fputc('a' + (int)k, out);
  else
    fprintf(out, "%c%zu", 'a' + (int)(k % 26), k / 26);
}

static void print_rec(FILE *out, Type *t, TypeNames *names, int depth);

/* A function type inside another function type is parenthesised. */
static void print_inner(FILE *out, Type *t, TypeNames *names, int depth) {
  TypeKind k = type_find(t)->kind;
  bool paren =
      k == TY_FUN || k == TY_OPER || (k == TY_VAR && type_find(t)->strseq);
  if (paren)
    fputc('(', out);
  print_rec(out, t, names, depth);
  if (paren)
    fputc(')', out);
}

static int field_cmp(const void *a, const void *b) {
  return strcmp(sym_str(*(const Sym *)a), sym_str(*(const Sym *)b));
}

static void print_rec(FILE *out, Type *t, TypeNames *names, int depth) {
  t = type_find(t);
  if (depth > 20) {
    fputs("...", out);
    return;
  }
  switch (t->kind) {
  case TY_VAR:
    if (t->strseq) {
      fputs("Str | Seq(", out);
      print_rec(out, t->args[0], names, depth + 1);
      fputc(')', out);
    } else
      var_name(out, t, names);
    break;
  case TY_BOOL:
    fputs("Bool", out);
    break;
  case TY_INT:
    fputs("Int", out);
    break;
  case TY_STR:
    fputs("Str", out);
    break;
  case TY_MODEL:
    fputs(t->name ? sym_str(t->name) : "MODEL_VALUE", out);
    break;
  case TY_SET:
  case TY_SEQ:
    fputs(t->kind == TY_SET ? "Set(" : "Seq(", out);
    print_rec(out, t->args[0], names, depth + 1);
    fputc(')', out);
    break;
  case TY_FUN:
    print_inner(out, t->args[0], names, depth + 1);
    fputs(" -> ", out);
    print_inner(out, t->args[1], names, depth + 1);
    break;
  case TY_TUP:
    fputs("<<", out);
    for (int i = 0; i < t->nargs; i++) {
      if (i)
        fputs(", ", out);
      print_rec(out, t->args[i], names, depth + 1);
    }
    if (t->open)
      fputs(t->nargs ? ", ..." : "...", out);
    fputs(">>", out);
    break;
  case TY_REC: {
    Sym *sorted = xmalloc((size_t)t->nargs * sizeof *sorted + 1);
    memcpy(sorted, t->fields, (size_t)t->nargs * sizeof *sorted);
    qsort(sorted, (size_t)t->nargs, sizeof *sorted, field_cmp);
    fputs("{ ", out);
    for (int i = 0; i < t->nargs; i++) {
      if (i)
        fputs(", ", out);
      fprintf(out, "%s: ", sym_str(sorted[i]));
      print_rec(out, t->args[ty_rec_field(t, sorted[i])], names, depth + 1);
    }
    fputs(" }", out);
    free(sorted);
    break;
  }
  case TY_OPER:
    fputc('(', out);
    for (int i = 0; i + 1 < t->nargs; i++) {
      if (i)
        fputs(", ", out);
      print_rec(out, t->args[i], names, depth + 1);
    }
    fputs(") => ", out);
    print_rec(out, t->args[t->nargs - 1], names, depth + 1);
    break;
  }
}

void ty_print_ctx(FILE *out, Type *t, TypeNames *names) {
  print_rec(out, t, names, 0);
}

char *ty_str_ctx(Type *t, TypeNames *names) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  ty_print_ctx(f, t, names);
  fclose(f);
  return buf;
}

void type_print(FILE *out, Type *t) {
  TypeNames names = {{0}};
  ty_print_ctx(out, t, &names);
  VEC_FREE(names.vars);
}

char *type_str(Type *t) {
  TypeNames names = {{0}};
  char *s = ty_str_ctx(t, &names);
  VEC_FREE(names.vars);
  return s;
}

const char *ty_kind_words(Type *t) {
  t = type_find(t);
  switch (t->kind) {
  case TY_BOOL:
    return "a Boolean";
  case TY_INT:
    return "an integer";
  case TY_STR:
    return "a string";
  case TY_MODEL:
    return "a model value";
  case TY_SET:
    return "a set";
  case TY_SEQ:
    return "a sequence";
  case TY_FUN:
    return "a function";
  case TY_TUP:
    return "a tuple";
  case TY_REC:
    return "a record";
  case TY_OPER:
    return "an operator";
  case TY_VAR:
    return t->strseq ? "a string or sequence" : "a value";
  }
  return "a value";
}

/* ---- errors ---- */

/* "12:5" for a place in the file of `here`, else "Other.tla:12:5". */
static const char *short_loc(Loc l, Loc here, char *buf, size_t n) {
  if (l.file == here.file) {
    snprintf(buf, n, "%u:%u", l.line, l.col);
    return buf;
  }
  const char *p = src_path(l.file), *slash = p ? strrchr(p, '/') : NULL;
  snprintf(buf, n, "%s:%u:%u", slash ? slash + 1 : p ? p : "?", l.line, l.col);
  return buf;
}

/* untypable: valid TLA+ that the types cannot describe (see the top). */
static void report(Loc at, const char *msg, bool untypable) {
  if (ty_lenient && ty_quiet)
    return;
  if (untypable) {
    if (!ty_quiet_untypable)
      diag_warning(at,
                   "%s%s; this is valid TLA+ that brink's types cannot "
                   "describe, so the engines check these values as they "
                   "evaluate them",
                   msg, ty_context ? ty_context : "");
  } else if (ty_lenient)
    diag_warning(at, "%s%s", msg, ty_context ? ty_context : "");
  else {
    if (ty_mismatch_warns)
      diag_warning(at, "%s%s", msg, ty_context ? ty_context : "");
    else
      diag_error(at, "%s%s", msg, ty_context ? ty_context : "");
    ty_errors++;
  }
}

/* Reports msg (malloc'ed, or NULL for fmt itself) and unwinds. */
static _Noreturn void fail_msg(Loc at, bool untypable, char *msg,
                               const char *fmt) {
  report(at, msg ? msg : fmt, untypable);
  free(msg);
  assert(mismatch_jb);
  longjmp(*mismatch_jb, 1);
}

/* The message fmt formats to (malloc'ed), or NULL when memory is short
 * (fail_msg then prints fmt itself). */
static char *format_msg(const char *fmt, va_list ap) {
  char *msg = NULL;
  if (vasprintf(&msg, fmt, ap) < 0)
    msg = NULL;
  return msg;
}

_Noreturn void ty_fail(Loc at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = format_msg(fmt, ap);
  va_end(ap);
  fail_msg(at, false, msg, fmt);
}

static _Noreturn __attribute__((format(printf, 3, 4))) void
fail_kind(Loc at, bool untypable, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = format_msg(fmt, ap);
  va_end(ap);
  fail_msg(at, untypable, msg, fmt);
}

/* "a set (Set(Int))", or just "an integer" when the words say it all. */
static char *describe(Type *t, TypeNames *names) {
  Type *f = type_find(t);
  const char *w = ty_kind_words(f);
  if (f->kind == TY_BOOL || f->kind == TY_INT || f->kind == TY_STR ||
      (f->kind == TY_VAR && !f->strseq))
    return xstrdup(w);
  char *s = ty_str_ctx(f, names);
  char *r = xsprintf("%s (%s)", w, s);
  free(s);
  return r;
}

static _Noreturn void mismatch(Unify *u, Type *a, Type *b) {
  char wa[256], wb[256];
  a = type_find(a);
  b = type_find(b);
  Loc la = a->origin, lb = b->origin;
  if (!la.file)
    la = u->at;
  if (!lb.file)
    lb = u->at;
  /* The place where the use happens comes second when both are known. */
  bool a_here =
      la.file == u->at.file && la.line == u->at.line && la.col == u->at.col;
  bool b_here =
      lb.file == u->at.file && lb.line == u->at.line && lb.col == u->at.col;
  if ((a_here && !b_here) || (b->annot && !a->annot)) {
    Type *tt = a;
    a = b;
    b = tt;
    Loc tl = la;
    la = lb;
    lb = tl;
  }
  TypeNames names = {{0}};
  char *da = describe(a, &names), *db = describe(b, &names);
  const char *va = a->annot ? "annotated as" : "used as";
  const char *vb = b->annot == a->annot ? "but as"
                   : b->annot           ? "but annotated as"
                                        : "but used as";
  fail_kind(u->at, merging > 0, "%s is %s %s at %s %s %s at %s", path_what(u),
            va, da, short_loc(la, u->at, wa, sizeof wa), vb, db,
            short_loc(lb, u->at, wb, sizeof wb));
}

/* v occurs in t: v would be a value that contains itself. */
static _Noreturn void self_containing(Unify *u, Type *v, Type *t) {
  char w[256];
  TypeNames names = {{0}};
  Loc l = t->origin.file ? t->origin : u->at;
  char *dv = ty_str_ctx(v, &names), *dt = ty_str_ctx(t, &names);
  fail_kind(u->at, true,
            "%s would have to contain itself: it is used as %s at %s whose "
            "type holds its own (%s = %s has no solution)",
            path_what(u), ty_kind_words(t), short_loc(l, u->at, w, sizeof w),
            dv, dt);
}

bool ty_guarded(void (*fn)(void *), void *arg) {
  jmp_buf jb, *saved = mismatch_jb;
  int saved_len = path_len, saved_merging = merging;
  path_len = 0;
  merging = 0;
  mismatch_jb = &jb;
  bool ok = true;
  if (setjmp(jb) == 0)
    fn(arg);
  else
    ok = false;
  mismatch_jb = saved;
  path_len = saved_len;
  merging = saved_merging;
  return ok;
}

/* ---- unification ---- */

static bool occurs(Type *v, Type *t, int depth) {
  t = type_find(t);
  if (t == v)
    return true;
  if (depth > 200 || t->kind == TY_VAR)
    return false;
  for (int i = 0; i < t->nargs; i++)
    if (occurs(v, t->args[i], depth + 1))
      return true;
  return false;
}

/* << >>: the empty function of any domain, the empty sequence and the
 * empty string (a TLA+ string is a sequence of characters). */
static bool is_empty_tuple(Type *t) {
  return t->kind == TY_TUP && !t->open && t->nargs == 0;
}

/* Binds variable v to t (not a variable unless both are). */
static void bind_var(Unify *u, Type *v, Type *t) {
  if (t->kind == TY_VAR) {
    if (!v->strseq) {
      v->link = t;
    } else if (!t->strseq) {
      t->link = v;
    } else {
      v->link = t;
      unify_part(u, v->args[0], t->args[0], "the elements of", 0, 0);
    }
    return;
  }
  if (occurs(v, t, 0))
    self_containing(u, v, t);
  if (v->strseq && is_empty_tuple(t)) {
    t->link = v; /* << >> is the empty string as well */
    return;
  }
  if (!v->strseq || t->kind == TY_STR || t->kind == TY_MODEL) {
    v->link = t;
    return;
  }
  /* A string or sequence meets something else: it must be a sequence. */
  Type *s = ty_seq(v->args[0], v->origin.file ? v->origin : t->origin);
  v->link = s;
  ty_unify(u, s, t);
}

/* Components of tuple o all become elem; o is forwarded to `to`. */
static void tuple_into(Unify *u, Type *o, Type *elem, Type *to) {
  o->link = to;
  merging++;
  for (int i = 0; i < o->nargs; i++)
    unify_part(u, o->args[i], elem, NULL, i + 1, 0);
  merging--;
}

static void unify_tuples(Unify *u, Type *a, Type *b) {
  /* into: the node that stays (a closed tuple, or the longer open one). */
  Type *into, *from;
  if (a->open != b->open) {
    into = a->open ? b : a;
    from = a->open ? a : b;
  } else {
    into = a->nargs >= b->nargs ? a : b;
    from = into == a ? b : a;
  }
  if (from->open ? from->nargs <= into->nargs : from->nargs == into->nargs) {
    from->link = into;
    for (int i = 0; i < from->nargs; i++)
      unify_part(u, from->args[i], into->args[i], NULL, i + 1, 0);
    return;
  }
  /* Different lengths: both are sequences. */
  Type *el = ty_var();
  Type *s = ty_seq(el, a->origin);
  tuple_into(u, a, el, s);
  tuple_into(u, b, el, s);
}

void ty_unify(Unify *u, Type *a, Type *b) {
  a = type_find(a);
  b = type_find(b);
  if (a == b)
    return;
  if (a->kind == TY_VAR) {
    bind_var(u, a, b);
    return;
  }
  if (b->kind == TY_VAR) {
    bind_var(u, b, a);
    return;
  }
  /* Model values compare with anything (TLC allows `x = NULL`). */
  if (a->kind == TY_MODEL || b->kind == TY_MODEL)
    return;
  if (a->kind == b->kind) {
    switch (a->kind) {
    case TY_SET:
    case TY_SEQ:
      unify_part(u, a->args[0], b->args[0], "the elements of", 0, 0);
      return;
    case TY_FUN:
      unify_part(u, a->args[0], b->args[0], "the domain of", 0, 0);
      unify_part(u, a->args[1], b->args[1], "the values of", 0, 0);
      return;
    case TY_OPER:
      if (a->nargs != b->nargs)
        mismatch(u, a, b);
      for (int i = 0; i + 1 < a->nargs; i++)
        unify_part(u, a->args[i], b->args[i], "a parameter of", 0, 0);
      unify_part(u, a->args[a->nargs - 1], b->args[b->nargs - 1],
                 "the result of", 0, 0);
      return;
    case TY_TUP:
      unify_tuples(u, a, b);
      return;
    case TY_REC: {
      /* Open rows: the union of the fields. */
      b->link = a;
      for (int i = 0; i < b->nargs; i++) {
        int k = ty_rec_field(a, b->fields[i]);
        if (k >= 0)
          unify_part(u, a->args[k], b->args[i], NULL, 0, b->fields[i]);
        else
          ty_rec_add(a, b->fields[i], b->args[i]);
      }
      return;
    }
    default:
      return;
    }
  }
  /* Sequences, tuples, records and functions: the same values in TLA+;
   * << >> is also the empty record and the empty string. */
  if (a->kind == TY_REC || b->kind == TY_REC || a->kind == TY_STR ||
      b->kind == TY_STR) {
    Type *r = a->kind == TY_REC || a->kind == TY_STR ? a : b,
         *o = r == a ? b : a;
    if (is_empty_tuple(o)) {
      o->link = r;
      return;
    }
  }
  Type *s = a->kind == TY_SEQ ? a : b->kind == TY_SEQ ? b : NULL;
  Type *f = a->kind == TY_FUN ? a : b->kind == TY_FUN ? b : NULL;
  if (s) {
    Type *o = s == a ? b : a;
    if (o->kind == TY_FUN) {
      o->link = s;
      unify_part(u, o->args[0], ty_prim(TY_INT, s->origin), "the domain of", 0,
                 0);
      unify_part(u, o->args[1], s->args[0], "the values of", 0, 0);
      return;
    }
    if (o->kind == TY_TUP) {
      tuple_into(u, o, s->args[0], s);
      return;
    }
  } else if (f) {
    Type *o = f == a ? b : a;
    if (is_empty_tuple(o)) {
      o->link = f; /* <<>> is the empty function, over any domain */
      return;
    }
    if (o->kind == TY_TUP || o->kind == TY_REC) {
      o->link = f;
      unify_part(u, f->args[0],
                 ty_prim(o->kind == TY_TUP ? TY_INT : TY_STR, o->origin),
                 "the domain of", 0, 0);
      merging++;
      for (int i = 0; i < o->nargs; i++)
        unify_part(u, o->args[i], f->args[1], NULL,
                   o->kind == TY_TUP ? i + 1 : 0,
                   o->kind == TY_REC ? o->fields[i] : 0);
      merging--;
      return;
    }
  }
  mismatch(u, a, b);
}

/* ---- instantiation ---- */

typedef struct CopyMap {
  TypeVec from, to;
  Type **generic;
  int ngen;
} CopyMap;

static bool is_row(Type *t) {
  return t->kind == TY_REC || (t->kind == TY_TUP && t->open);
}

static bool is_generic(CopyMap *m, Type *t) {
  for (int i = 0; i < m->ngen; i++)
    if (type_find(m->generic[i]) == t)
      return true;
  return false;
}

static Type *copied(CopyMap *m, Type *t) {
  for (size_t i = 0; i < m->from.len; i++)
    if (m->from.data[i] == t)
      return m->to.data[i];
  return NULL;
}

static Type *copy_type(Type *t, CopyMap *m, int depth) {
  t = type_find(t);
  if (depth > 100)
    return t;
  Type *c = copied(m, t);
  if (c)
    return c;
  bool gen = (t->kind == TY_VAR || is_row(t)) && is_generic(m, t);
  if (t->kind == TY_VAR && !gen)
    return t;
  if (t->nargs == 0 && !gen)
    return t;
  c = mk(t->kind, t->origin, t->nargs);
  c->open = t->open;
  c->strseq = t->strseq;
  c->name = t->name;
  if (t->kind == TY_VAR)
    c->id = ++next_var;
  if (gen) { /* before the children: rows may be reached again through them */
    VEC_PUSH(m->from, t);
    VEC_PUSH(m->to, c);
  }
  bool changed = gen;
  for (int i = 0; i < t->nargs; i++) {
    c->args[i] = copy_type(t->args[i], m, depth + 1);
    changed |= c->args[i] != type_find(t->args[i]);
  }
  if (t->kind == TY_REC) {
    c->fields = xmalloc((size_t)t->nargs * sizeof *c->fields + 1);
    memcpy(c->fields, t->fields, (size_t)t->nargs * sizeof *c->fields);
  }
  return changed ? c : t;
}

Type *ty_instantiate(Type *t, Type **generic, int ngen) {
  if (ngen == 0)
    return t;
  CopyMap m = {{0}, {0}, generic, ngen};
  Type *r = copy_type(t, &m, 0);
  VEC_FREE(m.from);
  VEC_FREE(m.to);
  return r;
}

static void collect(Type *t, TypeVec *out, int depth) {
  t = type_find(t);
  if (depth > 100)
    return;
  if (t->kind == TY_VAR || is_row(t)) {
    for (size_t i = 0; i < out->len; i++)
      if (out->data[i] == t)
        return;
    VEC_PUSH(*out, t);
  }
  for (int i = 0; i < t->nargs; i++)
    collect(t->args[i], out, depth + 1);
}

void ty_collect(Type *t, TypeVec *out) { collect(t, out, 0); }
