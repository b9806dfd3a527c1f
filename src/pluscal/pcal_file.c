/* pcal_file.c -- the algorithm in its file: finding it, the options line,
 * the translation markers, `brink translate`, and the translation made in
 * memory when `brink check` reads a module whose translation is missing or
 * stale.
 *
 * The file is never re-formatted: the text before the BEGIN line and after
 * the END line is kept byte for byte, and only the lines between change.
 * A translation in the file is current when it equals brink's up to white
 * space, or parses to the same syntax tree. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "astcmp.h"
#include "cfg.h"
#include "parse.h"
#include "pcal.h"
#include "pcal_gen.h"

bool pcal_option(POpts *o, const char *w) {
  if (*w == '-')
    w++;
  if (!strcmp(w, "wf"))
    o->wf = true;
  else if (!strcmp(w, "sf"))
    o->sf = true;
  else if (!strcmp(w, "wfNext"))
    o->wfnext = true;
  else if (!strcmp(w, "termination"))
    o->termination = true;
  else if (!strcmp(w, "nocfg"))
    o->nocfg = true;
  else if (!strcmp(w, "label"))
    o->label = true;
  else if (!strcmp(w, "noDoneLabel") || !strcmp(w, "spec") ||
           !strcmp(w, "unixEOL") || !strcmp(w, "lineWidth"))
    ; /* accepted, no effect on the meaning */
  else
    return false;
  return true;
}

/* A version number as the translator reads it: digits with at most three
 * after a point, in thousandths ("1.5" is 1500); -1 when malformed. */
static int version_number(const char *s) {
  int r = 0, after = -1;
  if (!*s)
    return -1;
  for (; *s; s++) {
    if (*s >= '0' && *s <= '9') {
      if (r > 100000 || (after >= 0 && ++after > 3))
        return -1;
      r = 10 * r + (*s - '0');
    } else if (*s == '.' && after < 0)
      after = 0;
    else
      return -1;
  }
  for (int k = after < 0 ? 0 : after; k < 3; k++)
    r *= 10;
  return r;
}

int pcal_option_args(POpts *o, const char *w, const char *next) {
  if (strcmp(w, "-version") && strcmp(w, "version"))
    return pcal_option(o, w) ? 1 : 0;
  int v = next ? version_number(next) : -1;
  if (v < 0)
    return 0;
  o->version = v;
  return 2;
}

/* The `PlusCal options (a, b)` line's words. */
static void options_in_text(const char *text, POpts *o) {
  const char *p = strstr(text, "PlusCal options");
  if (!p)
    return;
  p = strchr(p, '(');
  if (!p)
    return;
  p++;
  char w[2][64];
  int nw = 0;
  while (*p && *p != ')') {
    while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n')
      p++;
    size_t n = 0;
    while (*p && *p != ')' && *p != ',' && *p != ' ' && *p != '\n' &&
           n + 1 < sizeof w[0])
      w[nw][n++] = *p++;
    w[nw][n] = 0;
    if (n && nw) { /* the word after `version` */
      pcal_option_args(o, w[0], w[1]);
      nw = 0;
    } else if (n && (!strcmp(w[0], "version") || !strcmp(w[0], "-version")))
      nw = 1;
    else if (n)
      pcal_option(o, w[0]);
    else if (*p && *p != ')')
      p++;
  }
}

/* Where the algorithm's name starts (just after `--algorithm`); 0 when
 * there is none. */
static size_t find_algorithm(const char *text, bool *fair) {
  for (const char *p = strstr(text, "--"); p; p = strstr(p + 2, "--")) {
    const char *q = p + 2;
    bool f = false;
    if (!strncmp(q, "fair", 4)) {
      q += 4;
      while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
        q++;
      f = true;
    }
    if (!strncmp(q, "algorithm", 9) &&
        (q[9] == ' ' || q[9] == '\t' || q[9] == '\n' || q[9] == '\r')) {
      *fair = f;
      return (size_t)(q + 9 - text);
    }
  }
  return 0;
}

bool pcal_has_algorithm(const char *text) {
  bool f;
  return find_algorithm(text, &f) != 0;
}

static const char *line_start(const char *text, const char *p) {
  while (p > text && p[-1] != '\n')
    p--;
  return p;
}
static const char *line_end(const char *p) {
  const char *e = strchr(p, '\n');
  return e ? e + 1 : p + strlen(p);
}

/* The first line at or after `from` holding `tok1`, one or more spaces,
 * then `tok2`, as the translator finds its markers (so `\** BEGIN
 * TRANSLATION` and `(* END  TRANSLATION *)` count too): the position of
 * tok1 on that line, or NULL.  As the translator, only the first `tok1`
 * and the first `tok2` of a line are looked at. */
static const char *find_token_pair(const char *from, const char *tok1,
                                   const char *tok2) {
  for (const char *line = from; *line; line = line_end(line)) {
    const char *end = line_end(line);
    size_t len = (size_t)(end - line);
    const char *t1 = memmem(line, len, tok1, strlen(tok1));
    if (!t1)
      continue;
    const char *p = t1 + strlen(tok1);
    if (*p != ' ')
      continue;
    while (*p == ' ')
      p++;
    const char *t2 = memmem(line, len, tok2, strlen(tok2));
    if (t2 == p)
      return t1;
  }
  return NULL;
}

/* The markers: [*b0, *b1) is the BEGIN line, [*e0, *e1) the END line. */
static bool find_markers(const char *text, const char **b0, const char **b1,
                         const char **e0, const char **e1) {
  const char *b = find_token_pair(text, "BEGIN", "TRANSLATION");
  if (!b)
    return false;
  const char *e = find_token_pair(line_end(b), "END", "TRANSLATION");
  if (!e)
    return false;
  *b0 = line_start(text, b);
  *b1 = line_end(b);
  *e0 = line_start(text, e);
  *e1 = line_end(e);
  return true;
}

/* Where the definitions of translations made for checking come from,
 * so that their locations point into the algorithm (pcal_relocate). */
typedef struct Origin {
  char *path;
  uint32_t file;    /* the text as read */
  uint32_t lo, hi;  /* the BEGIN and END lines in the translated text */
  int delta;        /* lines after the END line moved by this much */
  Loc alg;          /* the algorithm's name */
  PLocs locs;
  bool needs_default; /* declares CONSTANT defaultInitValue */
} Origin;
static VEC(Origin) origins;
static PLocs last_locs;
static Loc last_alg;
static uint32_t last_file;
static bool last_default;

static char *translate(const char *path, const char *text, const POpts *extra,
                       bool *needs_default) {
  bool fair;
  size_t at = find_algorithm(text, &fair);
  if (!at) {
    Loc none = {0};
    diag_error(none, "%s holds no PlusCal algorithm (--algorithm Name)", path);
    return NULL;
  }
  POpts o = extra ? *extra : (POpts){0};
  options_in_text(text, &o);
  uint32_t file = src_add(path, text);
  PAlg *a = pcal_parse(file, text, at, fair, o.version);
  if (!a)
    return NULL;
  last_locs.len = 0;
  last_alg = a->loc;
  last_file = file;
  char *out = pcal_generate(a, &o, &last_default, &last_locs);
  if (needs_default)
    *needs_default = last_default;
  return out;
}

char *pcal_translate_text(const char *path, const char *text,
                          const POpts *extra, bool *present) {
  char *tr = translate(path, text, extra, NULL);
  if (!tr)
    return NULL;
  const char *b0, *b1, *e0, *e1;
  char *out;
  if (find_markers(text, &b0, &b1, &e0, &e1)) {
    if (present)
      *present = e0 > b1;
    out = xsprintf("%.*s%s%.*s%s", (int)(b1 - text), text, tr,
                   (int)(e1 - e0), e0, e1);
  } else {
    if (present)
      *present = false;
    bool fair;
    size_t at = find_algorithm(text, &fair);
    const char *close = strstr(text + at, "*)");
    const char *ins = close ? line_end(close) : text + strlen(text);
    out = xsprintf("%.*s%s\\* BEGIN TRANSLATION\n%s\\* END TRANSLATION \n%s",
                   (int)(ins - text), text,
                   ins > text && ins[-1] != '\n' ? "\n" : "", tr, ins);
  }
  free(tr);
  return out;
}

/* Equal up to white space. */
static bool same_words(const char *a, const char *b, size_t na, size_t nb) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < na && (a[i] == ' ' || a[i] == '\n' || a[i] == '\t' || a[i] == '\r'))
      i++;
    while (j < nb && (b[j] == ' ' || b[j] == '\n' || b[j] == '\t' || b[j] == '\r'))
      j++;
    if (i == na || j == nb)
      return i == na && j == nb;
    if (a[i++] != b[j++])
      return false;
  }
}

/* Tuples with the same elements in any order (the translator's versions
 * order `vars` as they order VARIABLES). */
static bool same_tuple_set(const Expr *a, const Expr *b) {
  if (a->kind != EX_TUPLE || b->kind != EX_TUPLE || a->nargs != b->nargs)
    return false;
  char why[16];
  for (int i = 0; i < a->nargs; i++) {
    bool found = false;
    for (int j = 0; j < b->nargs && !found; j++)
      found = astcmp_exprs(a->args[i], b->args[j], why, sizeof why);
    if (!found)
      return false;
  }
  return true;
}

static uint32_t line_of(const char *text, const char *p) {
  uint32_t n = 1;
  for (const char *q = text; q < p; q++)
    n += *q == '\n';
  return n;
}

/* The units of m that lie between lines lo and hi. */
static bool in_region(const Unit *u, uint32_t lo, uint32_t hi) {
  return u->loc.line > lo && u->loc.line < hi;
}

/* Same meaning up to order: the translation regions of m1 (text t1) and
 * m2 (t2) declare the same variables and define the same names with the
 * same syntax trees (the translator's versions order VARIABLES
 * differently). */
static bool same_translation(const Module *m1, const char *t1,
                             const Module *m2, const char *t2) {
  const char *b0, *b1, *e0, *e1;
  find_markers(t1, &b0, &b1, &e0, &e1);
  uint32_t lo1 = line_of(t1, b0), hi1 = line_of(t1, e0);
  find_markers(t2, &b0, &b1, &e0, &e1);
  uint32_t lo2 = line_of(t2, b0), hi2 = line_of(t2, e0);
  int n1 = 0, n2 = 0;
  for (int i = 0; i < m1->nunits; i++)
    if (in_region(&m1->units[i], lo1, hi1))
      n1 += m1->units[i].kind == U_VARIABLES ? m1->units[i].ndecls
            : m1->units[i].kind == U_DEF     ? 1
                                             : 0;
  for (int i = 0; i < m2->nunits; i++) {
    const Unit *u = &m2->units[i];
    if (!in_region(u, lo2, hi2))
      continue;
    for (int d = 0; u->kind == U_VARIABLES && d < u->ndecls; d++) {
      bool found = false;
      for (int k = 0; k < m1->nunits && !found; k++) {
        const Unit *w = &m1->units[k];
        for (int e = 0; w->kind == U_VARIABLES && e < w->ndecls; e++)
          found = found || (in_region(w, lo1, hi1) &&
                            w->decls[e]->name == u->decls[d]->name);
      }
      if (!found)
        return false;
      n2++;
    }
    if (u->kind != U_DEF)
      continue;
    n2++;
    bool found = false;
    for (int k = 0; k < m1->nunits && !found; k++) {
      const Unit *w = &m1->units[k];
      if (w->kind != U_DEF || !in_region(w, lo1, hi1) ||
          w->def->name != u->def->name)
        continue;
      char why[64];
      if (w->def->nparams != u->def->nparams || !w->def->body ||
          !u->def->body ||
          !(astcmp_exprs(w->def->body, u->def->body, why, sizeof why) ||
            same_tuple_set(w->def->body, u->def->body)))
        return false;
      found = true;
    }
    if (!found)
      return false;
  }
  return n1 == n2;
}

/* A name the translation region of m1 (text t1, the file) defines and
 * that of m2 (t2, brink's translation) does not: a definition added by
 * hand between the markers (TLC's test model DieHard puts its invariant
 * there), or NULL. */
static const char *hand_defined(const Module *m1, const char *t1,
                                const Module *m2, const char *t2) {
  const char *b0, *b1, *e0, *e1;
  find_markers(t1, &b0, &b1, &e0, &e1);
  uint32_t lo1 = line_of(t1, b0), hi1 = line_of(t1, e0);
  find_markers(t2, &b0, &b1, &e0, &e1);
  uint32_t lo2 = line_of(t2, b0), hi2 = line_of(t2, e0);
  for (int i = 0; i < m1->nunits; i++) {
    const Unit *u = &m1->units[i];
    if (u->kind != U_DEF || !in_region(u, lo1, hi1))
      continue;
    bool found = false;
    for (int k = 0; k < m2->nunits && !found; k++)
      found = m2->units[k].kind == U_DEF && in_region(&m2->units[k], lo2, hi2) &&
              m2->units[k].def->name == u->def->name;
    if (!found)
      return sym_str(u->def->name);
  }
  return NULL;
}

static bool check_algorithms = true;

void pcal_set_check_algorithms(bool on) { check_algorithms = on; }

char *pcal_text_for_check(const char *path, const char *text, bool *failed) {
  *failed = false;
  if (!check_algorithms || !pcal_has_algorithm(text))
    return NULL;
  const char *b0, *b1, *e0, *e1;
  bool marked = find_markers(text, &b0, &b1, &e0, &e1);
  bool present = marked && !same_words(b1, "", (size_t)(e0 - b1), 0);
  void *old = NULL;
  if (present) /* errors in an algorithm that has a translation: quiet */
    old = diag_mute();
  int errs = diag_error_count();
  char *out = pcal_translate_text(path, text, NULL, NULL);
  if (present) {
    diag_unmute(old);
    if (!out) {
      while (diag_error_count() > errs)
        diag_reset(); /* the file's own translation is checked */
      fprintf(stderr, "brink: note: %s: brink cannot translate the "
                      "algorithm (brink translate %s says why); checking the "
                      "translation in the file\n", path, path);
      return NULL;
    }
  }
  if (!out) {
    *failed = true; /* the errors are printed */
    return NULL;
  }
  if (present) {
    const char *c0, *c1, *f0, *f1;
    find_markers(out, &c0, &c1, &f0, &f1);
    if (same_words(b1, c1, (size_t)(e0 - b1), (size_t)(f0 - c1))) {
      free(out);
      return NULL;
    }
    void *o2 = diag_mute();
    Module *m1 = parse_text(path, text), *m2 = parse_text(path, out);
    diag_unmute(o2);
    char why[256];
    if (m1 && m2 &&
        (astcmp_modules(m1, m2, why, sizeof why) ||
         same_translation(m1, text, m2, out))) {
      free(out);
      return NULL;
    }
    const char *extra = m1 && m2 ? hand_defined(m1, text, m2, out) : NULL;
    if (extra) {
      /* Edited by hand: the file is what the user (and TLC) check. */
      fprintf(stderr, "brink: note: %s: the translation in the file defines "
                      "%s, which brink's translation of the algorithm does "
                      "not; checking the file as it is\n", path, extra);
      free(out);
      return NULL;
    }
    fprintf(stderr, "brink: note: %s: the translation in the file differs "
                    "from brink's translation of the algorithm; checking the "
                    "algorithm (brink translate %s rewrites it)\n",
            path, path);
  } else {
    fprintf(stderr, "brink: note: %s: the algorithm has no translation in "
                    "the file; checking brink's translation of it (brink "
                    "translate %s writes it)\n",
            path, path);
  }
  Origin og = {xstrdup(path), last_file, 0, 0, 0, last_alg, {0}, last_default};
  const char *c0, *c1, *f0, *f1;
  find_markers(out, &c0, &c1, &f0, &f1);
  og.lo = line_of(out, c0);
  og.hi = line_of(out, f0);
  og.delta = (int)line_of(out, out + strlen(out)) -
             (int)line_of(text, text + strlen(text));
  for (size_t i = 0; i < last_locs.len; i++)
    VEC_PUSH(og.locs, last_locs.data[i]);
  VEC_PUSH(origins, og);
  return out;
}

typedef struct Move {
  const Origin *o;
  Loc to;      /* in the region: every location becomes this one */
  bool region;
} Move;

static void move_loc(const Move *m, Loc *l) {
  if (!l->line)
    return;
  if (m->region) {
    *l = m->to;
    return;
  }
  l->line = (uint32_t)((int)l->line - m->o->delta);
  l->eline = (uint32_t)((int)l->eline - m->o->delta);
  l->file = m->o->file;
}

static bool move_expr(Expr *e, void *arg) {
  move_loc(arg, &e->loc);
  ast_each_child(e, move_expr, arg);
  return true;
}

void pcal_relocate(Module *m, const char *path) {
  const Origin *o = NULL;
  for (size_t i = 0; i < origins.len; i++)
    if (!strcmp(origins.data[i].path, path))
      o = &origins.data[i];
  if (!o || !m)
    return;
  for (int i = 0; i < m->nunits; i++) {
    Unit *u = &m->units[i];
    if (u->loc.line <= o->lo)
      continue; /* before the translation: the same text */
    Move mv = {o, o->alg, u->loc.line < o->hi};
    if (mv.region && u->kind == U_DEF)
      for (size_t k = 0; k < o->locs.len; k++)
        if (o->locs.data[k].name == u->def->name)
          mv.to = o->locs.data[k].loc;
    if (!mv.region && u->loc.line <= o->hi)
      continue; /* the END line itself */
    move_loc(&mv, &u->loc);
    for (int d = 0; d < u->ndecls; d++)
      move_loc(&mv, &u->decls[d]->loc);
    if (u->def) {
      move_loc(&mv, &u->def->loc);
      move_loc(&mv, &u->def->name_loc);
      if (u->def->body)
        move_expr(u->def->body, &mv);
    }
    if (u->expr)
      move_expr(u->expr, &mv);
  }
}

/* The translator writes `CONSTANT defaultInitValue = defaultInitValue`
 * into the .cfg of an algorithm that declares a variable without a value:
 * a translation made in memory gets that binding when the .cfg does not
 * give the constant, as the translator's .cfg would. */
void pcal_bind_default(Config *cfg) {
  bool needed = false;
  for (size_t i = 0; i < origins.len; i++)
    needed = needed || origins.data[i].needs_default;
  Sym name = sym_intern("defaultInitValue");
  if (!needed || !cfg)
    return;
  for (size_t i = 0; i < cfg->consts.len; i++)
    if (cfg->consts.data[i].name == name)
      return;
  Config *one = cfg_parse_text(
      "PlusCal", "CONSTANT defaultInitValue = defaultInitValue\n");
  if (!one || one->consts.len != 1)
    return;
  VEC_PUSH(cfg->consts, one->consts.data[0]);
  fprintf(stderr, "brink: note: defaultInitValue is a model value (the "
                  "PlusCal translator's .cfg line CONSTANT defaultInitValue "
                  "= defaultInitValue)\n");
}

static bool write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return false;
  bool ok = fputs(text, f) >= 0;
  return fclose(f) == 0 && ok;
}

static const char delimiter[] = "\\* Add statements after this line.";

/* The .cfg as the translator leaves it: what it wrote before (the lines
 * above the delimiter line) goes, the delimiter is added when absent, and
 * above it SPECIFICATION Spec (unless a SPECIFICATION stands outside a
 * comment), PROPERTY Termination with -termination and the model value
 * defaultInitValue when the translation declares it.  An existing file is
 * kept as .cfg.old. */
static void write_cfg(const char *cfg, const POpts *o, bool nd) {
  char *old = src_read_file(cfg);
  const char *keep = old ? old : "";
  if (old && strstr(old, delimiter))
    keep = line_start(old, strstr(old, delimiter));
  bool spec = false;
  for (const char *l = keep; *l && !spec; l = line_end(l)) {
    const char *e = line_end(l), *k = strstr(l, "SPECIFICATION");
    const char *c = strstr(l, "\\*");
    spec = k && k < e && (!c || c >= e || c > k);
  }
  SB b = {0};
  if (!spec)
    sb_add(&b, "SPECIFICATION Spec\n");
  if (o->termination)
    sb_add(&b, "PROPERTY Termination\n");
  if (nd)
    sb_add(&b, "CONSTANT defaultInitValue = defaultInitValue\n");
  if (!old || !strstr(old, delimiter)) {
    sb_add(&b, delimiter);
    sb_add(&b, "\n");
  }
  sb_add(&b, keep);
  if (b.len && b.data[b.len - 1] != '\n')
    sb_add(&b, "\n");
  char *text = pg_take(&b);
  char *bak = xsprintf("%s.old", cfg);
  if (old && strcmp(old, text) && !write_file(bak, old))
    fprintf(stderr, "brink: cannot write %s: %s\n", bak, strerror(errno));
  else if (old && !strcmp(old, text))
    ; /* already as the translator leaves it */
  else if (!write_file(cfg, text))
    fprintf(stderr, "brink: cannot write %s: %s\n", cfg, strerror(errno));
  else if (old)
    printf("brink: %s updated (the old file kept as %s)\n", cfg, bak);
  else
    printf("brink: %s written\n", cfg);
  free(bak);
  free(text);
  free(old);
}

int pcal_translate_file(const char *path, const POpts *extra) {
  char *text = src_read_file(path);
  if (!text) {
    fprintf(stderr, "brink: cannot read %s: %s\n", path, strerror(errno));
    return 255;
  }
  POpts o = extra ? *extra : (POpts){0};
  options_in_text(text, &o);
  char *out = pcal_translate_text(path, text, &o, NULL);
  if (!out) {
    free(text);
    return 150;
  }
  char *bak = xsprintf("%s.old", path);
  if (!write_file(bak, text) || !write_file(path, out)) {
    fprintf(stderr, "brink: cannot write %s: %s\n", path, strerror(errno));
    return 255;
  }
  printf("brink: %s translated (the old file kept as %s)\n", path, bak);
  free(bak);
  if (!o.nocfg) {
    size_t n = strlen(path);
    if (n > 4 && !strcmp(path + n - 4, ".tla"))
      n -= 4;
    char *cfg = xsprintf("%.*s.cfg", (int)n, path);
    write_cfg(cfg, &o, strstr(out, "CONSTANT defaultInitValue") != NULL);
    free(cfg);
  }
  free(out);
  free(text);
  return 0;
}
