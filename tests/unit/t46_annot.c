/* t46_annot.c -- Apalache's type annotations: the type syntax, annotations
 * checked against inference, and the corpus comparison.
 *
 * The comparison types every Apalache-annotated spec of the shared corpus
 * with its annotations ignored, then holds each annotation against what
 * inference found on its own (type_agrees).  The models: each row of
 * models.tsv whose folder has a module with an `@type:` annotation, and
 * the TLC models of Apalache's benchmarks (apalache/); the typed modules
 * without a model are typed without a config.  (The array-encoding
 * family is left out: each declares a constant Values that its Constants
 * module also defines, which SANY rejects; Einstein extends Apalache's
 * own module, which brink does not ship.)  SHARED names the shared
 * folder (default ../shared). */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "fixture.h"
#include "resolve.h"
#include "spec.h"
#include "types.h"

static const char *shared_dir(void) {
  const char *s = getenv("SHARED");
  return s && *s ? s : "../shared";
}

/* ---- the type syntax ---- */

static void assert_parses(const char *text, const char *printed) {
  char *err = NULL;
  Type *t = type_parse(text, (Loc){0}, &err);
  ck_assert_msg(t != NULL, "'%s' does not parse: %s", text, err);
  char *s = type_str(t);
  ck_assert_msg(strcmp(s, printed) == 0, "'%s' prints as '%s', expected '%s'",
                text, s, printed);
  free(s);
}

static void assert_rejects(const char *text, const char *msg) {
  char *err = NULL;
  Type *t = type_parse(text, (Loc){0}, &err);
  ck_assert_msg(t == NULL, "'%s' parses", text);
  ck_assert_msg(strstr(err, msg), "'%s': message '%s' lacks '%s'", text, err,
                msg);
  free(err);
}

START_TEST(test_type_syntax) {
  assert_parses("Int", "Int");
  assert_parses("Set(<<Int, PROC>>)", "Set(<<Int, PROC>>)");
  assert_parses("Str -> (Str -> Int)", "Str -> (Str -> Int)");
  assert_parses("Str -> Str -> Int", "Str -> (Str -> Int)");
  assert_parses("(Int -> Int) -> Bool", "(Int -> Int) -> Bool");
  assert_parses("{ val: MSG, rdy: Int }", "{ rdy: Int, val: MSG }");
  assert_parses("[a: Int, b: Seq(Str)]", "{ a: Int, b: Seq(Str) }");
  assert_parses("{ a: Int | r }", "{ a: Int }");
  assert_parses("(Int, Str) => Bool", "(Int, Str) => Bool");
  assert_parses("Seq(a) => Set(a)", "(Seq(a)) => Set(a)");
  assert_parses("(THREAD -> Int) => Set(Int)", "(THREAD -> Int) => Set(Int)");
  assert_parses("() => Int", "() => Int");
  assert_parses("(b, a) => <<a, b>>", "(a, b) => <<b, a>>");
  assert_parses("(Int)", "Int");
  assert_rejects("Integer", "unknown type 'Integer'");
  assert_rejects("Set(Int", "')' expected");
  assert_rejects("Int Int", "unexpected text");
  assert_rejects("A(Int) | B(Str)", "variant types are not supported");
  assert_rejects("$nowhere", "no @typeAlias defines $nowhere");
}
END_TEST

/* ---- annotations in a spec ---- */

static char tmp[64];

/* Types module M (text), without a config; returns whether it typed, the
 * diagnostics in *msgs. */
static Spec *load_bare(const char *text, bool annotations, bool *ok,
                       char **msgs) {
  strcpy(tmp, "/tmp/brink_annot_XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmp));
  char *path = xsprintf("%s/M.tla", tmp);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  size_t n;
  FILE *out = open_memstream(msgs, &n);
  void *saved = diag_set_stream(out);
  Program *p = program_load(path);
  ck_assert_ptr_nonnull(p);
  Spec *s = types_bare_spec(p);
  TypeOptions o = {annotations};
  *ok = types_infer_opts(s, &o);
  diag_set_stream(saved);
  fclose(out);
  return s;
}

static Type *decl_type(Spec *s, const char *name) {
  Program *p = s->prog;
  for (size_t i = 0; i < p->consts.len; i++)
    if (strcmp(sym_str(p->consts.data[i]->name), name) == 0)
      return p->consts.data[i]->type;
  for (size_t i = 0; i < p->vars.len; i++)
    if (strcmp(sym_str(p->vars.data[i]->name), name) == 0)
      return p->vars.data[i]->type;
  for (size_t i = 0; i < p->defs.len; i++)
    if (strcmp(sym_str(p->defs.data[i]->name), name) == 0)
      return p->defs.data[i]->type;
  ck_abort_msg("no %s", name);
  return NULL;
}

static void assert_type(Spec *s, const char *name, const char *want) {
  char *got = type_str(decl_type(s, name));
  ck_assert_msg(strcmp(got, want) == 0, "%s : %s, expected %s", name, got,
                want);
  free(got);
}

static const char annotated_spec[] =
    "---- MODULE M ----\n"
    "EXTENDS Integers, Sequences\n"
    "\\* @typeAlias: msg = {\n"
    "\\*   src: PROC, val: Int\n"
    "\\* };\n"
    "CONSTANTS\n"
    "  \\* @type: Set(PROC);\n"
    "  Proc,\n"
    "  \\* @type: Int;\n"
    "  N\n"
    "(* @type: Seq($msg); *)\n"
    "VARIABLE queue\n"
    "VARIABLES\n"
    "  \\* @type: (\n"
    "  \\*   PROC -> Int\n"
    "  \\* );\n"
    "  count,\n"
    "  empty\n"
    "\\* @type: (a) => Seq(a);\n"
    "Single(x) == <<x>>\n"
    "\\* @type: ($msg) => Int;\n"
    "Val(m) == m.val\n"
    "Init == /\\ queue = <<>> /\\ count = [p \\in Proc |-> 0]\n"
    "        /\\ empty = {}\n"
    "Next == \\E p \\in Proc :\n"
    "          /\\ queue' = Append(queue, [src |-> p, val |-> N])\n"
    "          /\\ count' = [count EXCEPT ![p] = @ + Val(Head(queue))]\n"
    "          /\\ UNCHANGED empty\n"
    "====\n";

START_TEST(test_annotations_are_read_and_agree) {
  bool ok;
  char *msgs;
  Spec *s = load_bare(annotated_spec, false, &ok, &msgs);
  ck_assert_msg(ok, "inference failed: %s", msgs);
  const TypeAnnot *an;
  size_t n = types_annotations(s, &an);
  ck_assert_msg(n == 6, "%zu annotations read, expected 6", n);
  const char *names[] = {"Proc", "N", "queue", "count", "Single", "Val"};
  for (size_t i = 0; i < n; i++) {
    ck_assert_str_eq(sym_str(an[i].name), names[i]);
    char *a = type_str(an[i].annotated), *t = type_str(an[i].inferred);
    ck_assert_msg(type_agrees(an[i].inferred, an[i].annotated),
                  "%s: inferred %s, annotated %s", names[i], t, a);
    free(a);
    free(t);
  }
  /* Inference alone leaves queue's source open ... */
  assert_type(s, "count", "a -> Int");
  assert_type(s, "Single", "(a) => <<a>>");
  /* ... the annotations settle it. */
  s = load_bare(annotated_spec, true, &ok, &msgs);
  ck_assert_msg(ok, "with annotations: %s", msgs);
  assert_type(s, "queue", "Seq({ src: PROC, val: Int })");
  assert_type(s, "Single", "(a) => Seq(a)");
  assert_type(s, "N", "Int");
}
END_TEST

START_TEST(test_annotation_mismatch_is_located) {
  bool ok;
  char *msgs;
  load_bare("---- MODULE M ----\n"
            "EXTENDS Integers\n"
            "CONSTANT\n"
            "  \\* @type: Int;\n"
            "  Ballot\n"
            "Range == Ballot \\cup {-1}\n"
            "====\n",
            true, &ok, &msgs);
  ck_assert(!ok);
  ck_assert_msg(strstr(msgs, "M.tla:6:10: error: 'Ballot' is annotated as "
                             "an integer at 4:6 but used as a set"),
                "%s", msgs);
  load_bare("---- MODULE M ----\n"
            "EXTENDS Integers\n"
            "\\* @type: (a) => a;\n"
            "Inc(x) == x + 1\n"
            "====\n",
            true, &ok, &msgs);
  ck_assert(!ok);
  ck_assert_msg(strstr(msgs, "M.tla:3:4: error: 'Inc' is annotated with a "
                             "type variable where its definition needs Int"),
                "%s", msgs);
  /* An annotation that does not read is ignored, with a warning. */
  load_bare("---- MODULE M ----\n"
            "\\* @type: Integer;\n"
            "CONSTANT N\n"
            "====\n",
            true, &ok, &msgs);
  ck_assert_msg(ok, "%s", msgs);
  ck_assert_msg(strstr(msgs, "warning: cannot read the @type annotation of "
                             "'N': unknown type 'Integer'"),
                "%s", msgs);
}
END_TEST

/* ---- the corpus ---- */

/* TLC models of Apalache's benchmark specs (spec, config), and typed
 * modules with no model (config NULL). */
static const char *const apalache_models[][2] = {
    {"Bakery-Boulangerie/MC.tla", "Bakery-Boulangerie/MC.cfg"},
    {"Prisoners/MC.tla", "Prisoners/MC.cfg"},
    {"allocator/SAMC22.tla", "allocator/MC.cfg"},
    {"bcastByz/MC4.tla", "bcastByz/MC.cfg"},
    {"bcastFolklore/MC4.tla", "bcastFolklore/MC.cfg"},
    {"ewd840/MC4.tla", "ewd840/MC.cfg"},
    {"paxos/MC3.tla", "paxos/MC.cfg"},
    {"traffic/MC.tla", "traffic/MC.cfg"},
    {"two-phase/MC3.tla", "two-phase/MC.cfg"},
    {"array-encoding/Constants.tla", NULL},
    {"allocator/APASchedulingAllocator.tla", NULL},
    {"paxos/Apa3Paxos.tla", NULL},
    {"paxos/Apa5Paxos.tla", NULL},
};

/* Annotations known to disagree with the spec they annotate, as
 * "Module.tla:name": APAPaxos declares `Ballot` an Int but uses it as a
 * set of ballots throughout (Apalache's own type checker rejects it too). */
static const char *const known_wrong[] = {"APAPaxos.tla:Ballot"};

static bool dir_has_annotation(const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return false;
  bool found = false;
  struct dirent *e;
  while (!found && (e = readdir(d)) != NULL) {
    size_t n = strlen(e->d_name);
    if (n < 4 || strcmp(e->d_name + n - 4, ".tla") != 0)
      continue;
    char *path = xsprintf("%s/%s", dir, e->d_name);
    char *text = src_read_file(path);
    found = text && strstr(text, "@type:");
    free(text);
    free(path);
  }
  closedir(d);
  return found;
}

typedef struct Tally {
  int models, read, agree, known, unloaded;
  char report[8192];
  size_t used;
} Tally;

static bool known(const TypeAnnot *a) {
  const char *path = src_path(a->loc.file), *slash = strrchr(path, '/');
  char *key = xsprintf("%s:%s", slash ? slash + 1 : path, sym_str(a->name));
  bool k = false;
  for (size_t i = 0; i < sizeof known_wrong / sizeof *known_wrong; i++)
    k |= strcmp(key, known_wrong[i]) == 0;
  free(key);
  return k;
}

static void compare_model(Tally *t, const char *tla, const char *cfg) {
  FILE *devnull = fopen("/dev/null", "w");
  void *saved = diag_set_stream(devnull);
  Program *p = program_load(tla);
  Spec *s = NULL;
  if (p && cfg) {
    Config *c = cfg_parse_file(cfg);
    int code;
    s = c ? spec_bind(p, c, NULL, &code) : NULL;
    if (!s) /* EWD998ChanTrace: a config brink does not bind yet */
      s = types_bare_spec(p);
  } else if (p)
    s = types_bare_spec(p);
  TypeOptions o = {false};
  bool typed = s && types_infer_opts(s, &o);
  diag_set_stream(saved);
  fclose(devnull);
  if (!p) {
    t->unloaded++;
    return;
  }
  ck_assert_msg(typed, "%s (config %s) does not typecheck", tla,
                cfg ? cfg : "none");
  t->models++;
  const TypeAnnot *an;
  size_t n = types_annotations(s, &an);
  for (size_t i = 0; i < n; i++) {
    t->read++;
    if (type_agrees(an[i].inferred, an[i].annotated)) {
      t->agree++;
      continue;
    }
    if (known(&an[i])) {
      t->known++;
      continue;
    }
    char where[256];
    char *inf = type_str(an[i].inferred);
    t->used += (size_t)snprintf(t->report + t->used, sizeof t->report - t->used,
                                "  %s: '%s' is annotated %s but inferred %s\n",
                                loc_str(an[i].loc, where, sizeof where),
                                sym_str(an[i].name), an[i].text, inf);
    if (t->used >= sizeof t->report)
      t->used = sizeof t->report - 1;
    free(inf);
  }
}

START_TEST(test_corpus_annotations_agree) {
  const char *sh = shared_dir();
  if (!fixture_shared())
    return; /* skipped: the runner says so */
  char *tsv = xsprintf("%s/corpus/models.tsv", sh);
  FILE *f = fopen(tsv, "r");
  ck_assert_msg(f, "cannot read %s (set SHARED)", tsv);
  static Tally t;
  memset(&t, 0, sizeof t);
  char line[8192];
  bool header = true;
  while (fgets(line, sizeof line, f)) {
    if (header) {
      header = false;
      continue;
    }
    char *save = NULL;
    char *dir = strtok_r(line, "\t", &save);
    char *tla = strtok_r(NULL, "\t", &save);
    char *cfg = strtok_r(NULL, "\t", &save);
    if (!dir || !tla || !cfg)
      continue;
    char *d = xsprintf("%s/corpus/examples/%s", sh, dir);
    if (dir_has_annotation(d)) {
      char *tp = xsprintf("%s/corpus/examples/%s", sh, tla);
      char *cp = xsprintf("%s/corpus/examples/%s", sh, cfg);
      compare_model(&t, tp, cp);
    }
    free(d);
  }
  fclose(f);
  for (size_t i = 0; i < sizeof apalache_models / sizeof *apalache_models;
       i++) {
    char *tp = xsprintf("%s/corpus/apalache/%s", sh, apalache_models[i][0]);
    char *cp = apalache_models[i][1] ? xsprintf("%s/corpus/apalache/%s", sh,
                                                apalache_models[i][1])
                                     : NULL;
    compare_model(&t, tp, cp);
  }
  printf("annotations: %d read in %d models (%d more do not load); %d agree "
         "with inference, %d known to be wrong\n",
         t.read, t.models, t.unloaded, t.agree, t.known);
  ck_assert_msg(t.read > 200, "only %d annotations read", t.read);
  ck_assert_msg(t.agree + t.known == t.read,
                "annotations that disagree with inference:\n%s", t.report);
}
END_TEST

Suite *annot_suite(void) {
  Suite *s = suite_create("annot");
  TCase *tc = tcase_create("annot");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_type_syntax);
  tcase_add_test(tc, test_annotations_are_read_and_agree);
  tcase_add_test(tc, test_annotation_mismatch_is_located);
  tcase_add_test(tc, test_corpus_annotations_agree);
  suite_add_tcase(s, tc);
  return s;
}
