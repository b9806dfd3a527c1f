/* main.c -- the command line.
 *
 *   brink check [options] Spec.tla     model-check a spec
 *   brink parse [--print] Spec.tla     parse and resolve, report errors;
 *                                      --print: the root module as TLA+
 *   brink parse --roundtrip Spec.tla   parse, print, re-parse, compare
 *   brink translate [-wf ...] Spec.tla  write the PlusCal translation
 *
 * Options are one X-macro table (name, takes an argument, help).  Exit
 * codes are TLC's (diag.h).  The config defaults to Spec.cfg beside the
 * spec, as with TLC, or to a `---- CONFIG Spec ----` section in the spec. */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "astcmp.h"
#include "cfg.h"
#include "cinit.h"
#include "driver.h"
#include "eval.h"
#include "parse.h"
#include "pluscal.h"
#include "print.h"
#include "report.h"
#include "resolve.h"
#include "spec.h"
#include "status.h"
#include "stop.h"
#include "temporal.h"
#include "types.h"

#define BRINK_VERSION "0.1.0"

/* Which commands take an option. */
enum { C_CHECK = 1, C_PARSE = 2, C_TYPES = 4, C_TRANSLATE = 8, C_ALL = 15 };

#define OPTIONS(X)                                                             \
  X(CONFIG, "--config", 1, C_CHECK | C_TYPES,                                  \
    "FILE  the TLC model configuration (default: Spec.cfg beside the spec)")   \
  X(CONST, "--const", 1, C_CHECK,                                              \
    "NAME=VALUE  give or override a constant, VALUE as in a .cfg "            \
    "(repeatable)")                                                            \
  X(LENGTH, "--length", 1, C_CHECK,                                            \
    "K     steps to unroll (symbolic, default 10); maximum depth "            \
    "(explicit, default none)")                                                \
  X(ENGINE, "--engine", 1, C_CHECK, "symbolic|explicit (default symbolic)")   \
  X(BACKEND, "--backend", 1, C_CHECK, "z3|cadical|auto (default auto)")       \
  X(INTWIDTH, "--int-width", 1, C_CHECK,                                       \
    "N     cadical: bits of integers chosen from Nat or Int, and the first "  \
    "width tried for computed ones (default 32)")                             \
  X(DUMPCNF, "--dump-cnf", 1, C_CHECK,                                         \
    "FILE  write the CNF (DIMACS) of the cadical back end at the end of the " \
    "run")                                                                     \
  X(DUMPSMT2, "--dump-smt2", 1, C_CHECK,                                       \
    "FILE  write the query as SMT-LIB 2 at the end of the run")               \
  X(STATS, "--stats", 0, C_CHECK,                                              \
    "symbolic engine: per depth, on stderr, the time spent encoding, "        \
    "translating and solving, and the terms, AIG nodes, clauses and "         \
    "variables of the query, by formula")                                     \
  X(INIT, "--init", 1, C_CHECK,                                                \
    "NAME  the initial predicate (overrides the config)")                     \
  X(NEXT, "--next", 1, C_CHECK,                                                \
    "NAME  the next-state action (overrides the config)")                     \
  X(CINIT, "--cinit", 1, C_CHECK,                                              \
    "NAME  a constant predicate that gives the constants the config leaves "  \
    "open their values")                                                       \
  X(INV, "--inv", 1, C_CHECK,                                                  \
    "NAMES comma-separated invariants (override the config)")                 \
  X(NODEADLOCK, "--no-deadlock", 0, C_CHECK,                                   \
    "do not check for deadlock (TLC: -deadlock)")                             \
  X(SAFETYONLY, "--safety-only", 0, C_CHECK,                                   \
    "leave temporal properties and fairness unchecked on purpose (else "      \
    "exit 255)")                                                               \
  X(MAXSEQLEN, "--max-seq-len", 1, C_CHECK,                                    \
    "N     longest sequence a choice from Seq(S) makes (symbolic, default "   \
    "4)")                                                                      \
  X(TIMEOUT, "--timeout", 1, C_CHECK,                                          \
    "SECONDS  stop after that long and report what was established "          \
    "(exit 255)")                                                              \
  X(MAXMEM, "--max-memory", 1, C_CHECK,                                        \
    "SIZE  stop when brink's resident memory passes SIZE (512M, 4G; a "       \
    "number alone is MiB) and report what was established (exit 153)")        \
  X(JSON, "--json", 1, C_CHECK,                                                \
    "FILE  write the result as one JSON object (- for stdout; the text then " \
    "goes to stderr)")                                                         \
  X(ITF, "--itf", 1, C_CHECK,                                                  \
    "FILE  write the counterexample in Apalache's ITF (- for stdout)")        \
  X(TRACEMOD, "--trace-module", 1, C_CHECK,                                    \
    "FILE.tla  write the counterexample as a TLA+ trace module (as TLC's "    \
    "_TTrace_ ones) that brink and TLC can check")                             \
  X(DEBUGASK, "--debug-ask", 0, C_CHECK,                                       \
    "symbolic engine: each solver query's time and answer on stderr")        \
  X(DEBUGLASSO, "--debug-lasso", 0, C_CHECK,                                   \
    "symbolic engine: the states of a lasso that does not replay (an "       \
    "internal error) on stderr")                                             \
  X(NOCHARVEC, "--no-charvec", 0, C_CHECK,                                     \
    "symbolic engine: keep set variables as lists of cells, not as "         \
    "characteristic vectors over the universe an invariant names (to "       \
    "measure; encode/charvec.c)")                                            \
  X(NOFRESHEN, "--no-freshen", 0, C_CHECK,                                     \
    "symbolic engine: do not cut each frame's Boolean terms into fresh "     \
    "variables (to measure; encode/freshen.c)")                              \
  X(NOTRIM, "--no-trim", 0, C_CHECK,                                           \
    "symbolic engine: keep the cells of a new frame's sets and functions "   \
    "that no behaviour makes members (to measure; src/engine/driver.c)")     \
  X(INDUCT, "--induct", 0, C_CHECK,                                            \
    "symbolic engine: before asking whether an invariant can fail at a "    \
    "depth, ask whether one step from any state of the previous frame's "   \
    "shape can break it; a part proved so is not asked of the unrolling "   \
    "(experimental; src/engine/induct.c)")                                  \
  X(NOPACK, "--no-pack", 0, C_CHECK,                                           \
    "symbolic engine: do not pack a new frame's cells with computed keys "   \
    "to the previous frame's number (to measure; src/engine/packcells.c)")   \
  X(NOTIGHTEN, "--no-tighten", 0, C_CHECK,                                     \
    "symbolic engine: do not replace a new frame's integers by variables "   \
    "with the bounds the solver proves for them (to measure; "               \
    "src/engine/tighten.c)")                                                 \
  X(NOSYMMETRY, "--no-symmetry", 0, C_CHECK,                                   \
    "symbolic engine: do not confine the search to one behaviour of each "   \
    "renaming of a constant set the spec is symmetric in (to measure; "      \
    "src/engine/symbreak.c)")                                                \
  X(NOPLUSCAL, "--no-pluscal", 0, C_CHECK | C_PARSE | C_TYPES,                 \
    "read a file with a PlusCal algorithm as it is, even when its "          \
    "translation is missing or stale")                                       \
  X(NOSTATEMEMO, "--no-state-memo", 0, C_CHECK,                                \
    "explicit engine: do not memoize state-level definitions per state (to " \
    "compare; the counts must not change)")                                  \
  X(MEMBUDGET, "--memory-budget", 1, C_CHECK,                                  \
    "SIZE  explicit engine: stop cleanly (exit 153) before its resident "    \
    "size would pass SIZE, counting the tables it is about to grow")         \
  X(TESTCORRUPT, "--test-corrupt-model", 0, C_CHECK,                           \
    "for brink's test suite: corrupt the first state of a counterexample, "  \
    "which the replay must catch (exit 255)")                                \
  X(TESTLAZYEN, "--test-lazy-enabled", 0, C_CHECK,                           \
    "for brink's test suite: the lasso search leaves every fairness "         \
    "condition's ENABLED to refinement, however few its choices")            \
  X(LASSOOWN, "--lasso-own-frames", 0, C_CHECK,                                \
    "symbolic: the lasso search encodes its own frames instead of taking "   \
    "the safety unrolling's (to compare; src/engine/lasso.c)")               \
  X(TESTLASSOREPLAY, "--test-lasso-replay", 0, C_CHECK,                        \
    "for brink's test suite: the lasso search takes the unrolling's frames " \
    "on a solver of its own, never on the unrolling's")                      \
  X(QUIET, "--quiet", 0, C_CHECK,                                              \
    "no progress lines (symbolic: one per depth on stderr)")                  \
  X(WORKERS, "--workers", 1, C_CHECK,                                          \
    "N     accepted for TLC's -workers; brink checks on one core")            \
  X(PRINT, "--print", 0, C_PARSE, "print the root module as TLA+ source")     \
  X(ROUNDTRIP, "--roundtrip", 0, C_PARSE,                                      \
    "print the root module, parse the text again and compare the two trees")  \
  X(VERBOSE, "--verbose", 0, C_TYPES,                                          \
    "also the representations chosen and the annotations read")               \
  X(HELP, "--help", 0, C_ALL, "this text (also -h)")

enum {
#define X(id, name, arg, cmds, help) OPT_##id,
  OPTIONS(X)
#undef X
      OPT__COUNT
};

static const struct {
  const char *name;
  int arg;
  int cmds;
  const char *help;
} options[] = {
#define X(id, name, arg, cmds, help) {name, arg, cmds, help},
    OPTIONS(X)
#undef X
};

/* TLC's spellings of the same options. */
static const struct {
  const char *name;
  int opt;
} tlc_options[] = {
    {"-config", OPT_CONFIG}, {"-deadlock", OPT_NODEADLOCK},
    {"-depth", OPT_LENGTH},  {"-workers", OPT_WORKERS},
    {"-h", OPT_HELP},        {"-help", OPT_HELP},
};

static const struct {
  const char *name;
  int cmd;
  const char *synopsis;
} commands[] = {
    {"check", C_CHECK, "brink check [options] Spec[.tla]   model-check Spec"},
    {"parse", C_PARSE,
     "brink parse [--print | --roundtrip] Spec[.tla]   parse and resolve"},
    {"typecheck", C_TYPES,
     "brink typecheck [--config FILE] [--verbose] Spec[.tla]   the inferred "
     "types (the config is optional)"},
    {"translate", C_TRANSLATE,
     "brink translate [-wf -sf -wfNext -termination -nocfg -label] Spec.tla   "
     "write the PlusCal algorithm's translation into the file"},
};

/* The usage of the commands in mask cmds (all: the whole tool). */
static void usage(FILE *out, int cmds) {
  fprintf(out, "brink %s -- a symbolic bounded model checker for TLA+\n\n",
          BRINK_VERSION);
  int shown = 0;
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    if (commands[i].cmd & cmds)
      fprintf(out, "%s %s\n", shown++ ? "      " : "usage:",
              commands[i].synopsis);
  fprintf(out, "\noptions:\n");
  for (int i = 0; i < OPT__COUNT; i++)
    if (options[i].cmds & cmds)
      fprintf(out, "  %-14s %s\n", options[i].name, options[i].help);
  if (cmds & C_CHECK)
    fprintf(out,
            "\nTLC's spellings: -config FILE, -deadlock (= --no-deadlock), "
            "-depth N (= --length N),\n-workers N (accepted; brink checks on "
            "one core), -h.\n"
            "\nexit codes (as TLC): 0 no error (everything asked for was "
            "checked), 10 assumption\nfalse, 11 "
            "deadlock, 12 invariant\nviolated, 13 property violated, 14 "
            "Assert failed, 75 evaluation error, 76 an invariant's\n"
            "evaluation failed, 77 the temporal properties are a tautology, "
            "150 spec\nerror, 151 config "
            "error, 153 out of memory, 255 other (also --timeout);\nSIGINT "
            "130, SIGTERM 143 (what was established is printed first)\n");
}

static char *default_cfg(const char *spec) {
  size_t n = strlen(spec);
  if (n > 4 && strcmp(spec + n - 4, ".tla") == 0)
    n -= 4;
  char *p = xmalloc(n + 5);
  memcpy(p, spec, n);
  strcpy(p + n, ".cfg");
  return p;
}

/* `parse --print` and `parse --roundtrip` on a spec that loads: the root
 * module as parsed (name resolution rewrites path arguments; print.h), its
 * text, and for a round trip the parse of that text compared with it.
 * Exit 0 when equal, 1 with the first difference otherwise. */
static int print_or_roundtrip(const char *path, bool roundtrip) {
  Module *m = parse_file(path);
  if (!m)
    return EXIT_PARSE;
  char *text = print_module_str(m);
  if (!roundtrip) {
    fputs(text, stdout);
    free(text);
    return EXIT_OK;
  }
  char *name = xsprintf("%s (printed)", path);
  Module *again = parse_text(name, text);
  free(name);
  char why[1024];
  int code = EXIT_OK;
  if (!again) {
    fprintf(stderr, "%s: round trip: the printed module does not parse (see "
                    "above)\n", path);
    code = 1;
  } else if (!astcmp_modules(m, again, why, sizeof why)) {
    fprintf(stderr, "%s: round trip: the trees differ: %s\n", path, why);
    code = 1;
  } else {
    printf("%s: round trip: equal\n", path);
  }
  free(text);
  return code;
}

/* The text of the config: the file cfg_path, or for a .tla file the
 * `---- CONFIG Name ----` section named after it (as TLC reads a config
 * given as a .tla file).  When the default Spec.cfg is missing, a section
 * in the spec itself serves.  NULL (errno set) when there is none. */
static char *read_config(char **cfg_path, const char *spec_path,
                         bool is_default) {
  size_t n = strlen(*cfg_path);
  bool tla = n > 4 && strcmp(*cfg_path + n - 4, ".tla") == 0;
  const char *from = tla ? *cfg_path : spec_path;
  if (!tla) {
    char *text = src_read_file(*cfg_path);
    if (text || !is_default)
      return text;
  }
  int err = errno;
  char *tla_text = src_read_file(from);
  if (!tla_text)
    return NULL;
  const char *base = strrchr(from, '/');
  base = base ? base + 1 : from;
  char *name = xstrndup(base, strlen(base) > 4 ? strlen(base) - 4 : 0);
  char *cfg = cfg_embedded_text(tla_text, name);
  free(name);
  free(tla_text);
  if (!cfg) {
    errno = tla ? ENOENT : err;
  } else if (!tla) { /* errors are located in the spec */
    free(*cfg_path);
    *cfg_path = xstrdup(spec_path);
  }
  return cfg;
}

typedef struct MainArgs {
  int argc;
  char **argv;
} MainArgs;

static int brink_main(int argc, char **argv);

typedef struct RunArgs {
  const char *engine;
  const CheckOptions *co;
} RunArgs;
static int run_checks(const Spec *spec, void *arg);

static int main_job(void *p) {
  MainArgs *a = p;
  return report_finish(brink_main(a->argc, a->argv));
}

/* Everything runs on a thread with a 1 GB stack (reserved, touched only as
 * used), so that legitimately deep recursion in a spec has room; deeper
 * recursion fails cleanly (util.h, stack_nearly_full). */
int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  xalloc_route_libraries(); /* out of memory anywhere: exit 153 (util.h) */
  /* Every thread inherits this mask: the signals are taken by stop.c's
   * watcher during a check, and unblocked again for the other commands. */
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, NULL);
  MainArgs a = {argc, argv};
  return run_with_stack(main_job, &a, (size_t)1 << 30);
}

/* Parses a whole-number option value in [lo, hi]; false after saying
 * what is wrong. */
static bool number_option(const char *name, const char *text, long lo,
                          long hi, int *out) {
  char *end;
  errno = 0;
  long k = strtol(text, &end, 10);
  if (!*text || *end || errno || k < lo || k > hi) {
    fprintf(stderr, "brink: %s must be a number from %ld to %ld, not '%s'\n",
            name, lo, hi, text);
    return false;
  }
  *out = (int)k;
  return true;
}

/* --max-memory SIZE (and --memory-budget): digits and an optional K, M, G
 * or T (a number alone is MiB), at least 1 MiB; false after saying what is
 * wrong. */
static bool size_option(const char *name, const char *text,
                        unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long n = strtoull(text, &end, 10);
  int shift = 20;
  if (*end && !end[1]) {
    const char *units = "KMGT", *u = strchr(units, toupper((unsigned char)*end));
    if (u && *end) {
      shift = 10 * (int)(u - units + 1);
      end++;
    }
  }
  if (*text < '0' || *text > '9' || *end || errno || n == 0 ||
      n > (1ULL << (63 - shift)) || (n << shift) < (1ULL << 20)) {
    fprintf(stderr, "brink: %s must be a size such as 512M or 4G (at least "
                    "1M), not '%s'\n",
            name, text);
    return false;
  }
  *out = n << shift;
  return true;
}

/* The option a names (`--name`, `--name=value`, or one of TLC's
 * spellings), or -1; *eq: where a value given with `=` starts. */
static int find_option(const char *a, const char **eq) {
  *eq = NULL;
  if (a[1] != '-') {
    for (size_t k = 0; k < sizeof tlc_options / sizeof *tlc_options; k++)
      if (strcmp(tlc_options[k].name, a) == 0)
        return tlc_options[k].opt;
    return -1;
  }
  const char *e = strchr(a, '=');
  size_t len = e ? (size_t)(e - a) : strlen(a);
  for (int k = 0; k < OPT__COUNT; k++)
    if (strlen(options[k].name) == len && strncmp(options[k].name, a, len) == 0) {
      *eq = e ? e + 1 : NULL;
      return k;
    }
  return -1;
}

/* `brink check Spec` means Spec.tla when there is no file named Spec (as
 * TLC takes its spec's name). */
static const char *spec_file(const char *path) {
  size_t n = strlen(path);
  if ((n > 4 && strcmp(path + n - 4, ".tla") == 0) || access(path, F_OK) == 0)
    return path;
  char *with = xsprintf("%s.tla", path);
  if (access(with, F_OK) == 0)
    return with;
  free(with);
  return path;
}

/* --const NAME=VALUE, each read as the config line `CONSTANT NAME = VALUE`
 * (errors located in "--const"), replaces what the config gives NAME or
 * adds it.  false after an error. */
static bool apply_consts(Config *cfg, char **defs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!strchr(defs[i], '=')) {
      fprintf(stderr, "brink: --const takes NAME=VALUE, not '%s'\n",
              defs[i]);
      return false;
    }
    char *text = xsprintf("CONSTANT %s\n", defs[i]);
    Config *one = cfg_parse_text("--const", text);
    free(text);
    if (!one)
      return false;
    for (size_t k = 0; k < one->consts.len; k++) {
      size_t w = 0;
      for (size_t j = 0; j < cfg->consts.len; j++)
        if (cfg->consts.data[j].name != one->consts.data[k].name)
          cfg->consts.data[w++] = cfg->consts.data[j];
      cfg->consts.len = w;
      VEC_PUSH(cfg->consts, one->consts.data[k]);
    }
  }
  return true;
}

/* `brink translate [-wf -sf -wfNext -termination -nocfg -label -version N]
 * Spec.tla`:
 * the PlusCal translator's options, spelled as it spells them. */
static int translate_main(int argc, char **argv) {
  POpts o = {0};
  const char *path = NULL;
  for (int i = 2; i < argc; i++) {
    if (argv[i][0] == '-') {
      int n = pcal_option_args(&o, argv[i], i + 1 < argc ? argv[i + 1] : NULL);
      if (!n) {
        fprintf(stderr,
                "brink: unknown translate option '%s' (-wf, -sf, "
                "-wfNext, -termination, -nocfg, -label, -version "
                "N.N)\n",
                argv[i]);
        return EXIT_OTHER;
      }
      i += n - 1;
    } else if (!path) {
      path = argv[i];
    } else {
      fprintf(stderr, "brink: more than one file given ('%s' and '%s')\n",
              path, argv[i]);
      return EXIT_OTHER;
    }
  }
  if (!path) {
    fprintf(stderr, "brink: no file given (usage: brink translate Spec.tla)\n");
    return EXIT_OTHER;
  }
  return pcal_translate_file(path, &o);
}

static int brink_main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr, C_ALL);
    return EXIT_OTHER;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0 ||
      strcmp(cmd, "-h") == 0 || strcmp(cmd, "-help") == 0) {
    usage(stdout, C_ALL);
    return 0;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("brink %s\n", BRINK_VERSION);
    return 0;
  }
  if (strcmp(cmd, "translate") == 0)
    return translate_main(argc, argv);
  int cmd_mask = 0;
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    if (strcmp(cmd, commands[i].name) == 0)
      cmd_mask = commands[i].cmd;
  if (!cmd_mask) {
    fprintf(stderr, "brink: unknown command '%s' (try: brink check Spec.tla)\n",
            cmd);
    return EXIT_OTHER;
  }
  const char *val[OPT__COUNT] = {0};
  bool flag[OPT__COUNT] = {0};
  VEC(char *) consts = {0};
  const char *spec_path = NULL;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '-' && a[1]) {
      const char *eq;
      int o = find_option(a, &eq);
      if (o < 0) {
        fprintf(stderr, "brink: unknown option '%s' (brink %s --help lists "
                        "the options)\n",
                a, cmd);
        return EXIT_OTHER;
      }
      if (o == OPT_HELP) {
        usage(stdout, cmd_mask);
        return 0;
      }
      flag[o] = true;
      if (options[o].arg) {
        if (eq)
          val[o] = eq;
        else if (i + 1 < argc)
          val[o] = argv[++i];
        else {
          fprintf(stderr, "brink: option %s needs a value\n", a);
          return EXIT_OTHER;
        }
        if (o == OPT_CONST)
          VEC_PUSH(consts, (char *)val[o]);
      }
    } else if (!spec_path) {
      spec_path = a;
    } else {
      fprintf(stderr, "brink: more than one spec given ('%s' and '%s')\n",
              spec_path, a);
      return EXIT_OTHER;
    }
  if (flag[OPT_NOPLUSCAL])
    pcal_set_check_algorithms(false);
  }
  if (!spec_path) {
    fprintf(stderr, "brink: no spec given (usage: brink %s Spec.tla)\n", cmd);
    return EXIT_OTHER;
  }
  spec_path = spec_file(spec_path);
  if (val[OPT_WORKERS]) {
    int w = 0;
    if (strcmp(val[OPT_WORKERS], "auto") != 0 &&
        !number_option("-workers", val[OPT_WORKERS], 1, 100000, &w))
      return EXIT_OTHER;
    if (w != 1)
      fprintf(stderr, "brink: note: -workers %s is accepted for TLC's command "
                      "line; brink checks on one core\n",
              val[OPT_WORKERS]);
  }
  unsigned long long max_memory = 0;
  if (val[OPT_MAXMEM] &&
      !size_option("--max-memory", val[OPT_MAXMEM], &max_memory))
    return EXIT_OTHER;
  double timeout = 0;
  if (val[OPT_TIMEOUT]) {
    char *end;
    errno = 0;
    timeout = strtod(val[OPT_TIMEOUT], &end);
    if (!*val[OPT_TIMEOUT] || *end || errno || !(timeout > 0) ||
        timeout > 1e7) {
      fprintf(stderr, "brink: --timeout must be a number of seconds greater "
                      "than 0, not '%s'\n",
              val[OPT_TIMEOUT]);
      return EXIT_OTHER;
    }
  }
  CheckOptions co = {10, "auto", false, -1, 0, val[OPT_DUMPCNF], val[OPT_DUMPSMT2],
                     flag[OPT_SAFETYONLY], flag[OPT_STATS], flag[OPT_DEBUGASK],
                     flag[OPT_DEBUGLASSO], flag[OPT_TESTCORRUPT],
                     flag[OPT_NOCHARVEC], flag[OPT_NOFRESHEN],
                     flag[OPT_NOSTATEMEMO], 0, flag[OPT_NOSYMMETRY],
                     flag[OPT_NOTRIM], flag[OPT_INDUCT], flag[OPT_NOPACK],
                     flag[OPT_NOTIGHTEN], flag[OPT_TESTLAZYEN],
                     flag[OPT_LASSOOWN], flag[OPT_TESTLASSOREPLAY]};
  if (val[OPT_MEMBUDGET] &&
      !size_option("--memory-budget", val[OPT_MEMBUDGET], &co.memory_budget))
    return EXIT_OTHER;
  if (val[OPT_LENGTH]) {
    if (!number_option("--length", val[OPT_LENGTH], 0, 100000, &co.length))
      return EXIT_OTHER;
    co.length_given = true;
  }
  if (val[OPT_MAXSEQLEN] && !number_option("--max-seq-len", val[OPT_MAXSEQLEN],
                                           0, 1000, &co.max_seq_len))
    return EXIT_OTHER;
  const char *engine = val[OPT_ENGINE] ? val[OPT_ENGINE] : "symbolic";
  if (strcmp(engine, "symbolic") && strcmp(engine, "explicit")) {
    fprintf(stderr, "brink: --engine must be symbolic or explicit, not '%s'\n",
            engine);
    return EXIT_OTHER;
  }
  if (val[OPT_BACKEND]) {
    co.backend = val[OPT_BACKEND];
    if (strcmp(co.backend, "z3") && strcmp(co.backend, "cadical") &&
        strcmp(co.backend, "auto")) {
      fprintf(stderr, "brink: --backend must be z3, cadical or auto, not "
                      "'%s'\n",
              co.backend);
      return EXIT_OTHER;
    }
  }
  if (val[OPT_INTWIDTH]) {
    int w;
    if (!number_option("--int-width", val[OPT_INTWIDTH], 1, 512, &w))
      return EXIT_OTHER;
    co.int_width = (unsigned)w;
  }
  if (co.int_width && strcmp(co.backend, "z3") == 0)
    fprintf(stderr, "brink: note: --int-width has no effect with --backend "
                    "z3 (its integers are unbounded)\n");
  if (co.stats && strcmp(engine, "explicit") == 0)
    fprintf(stderr, "brink: note: --stats has no effect with --engine "
                    "explicit\n");
  if (co.dump_cnf && strcmp(co.backend, "z3") == 0) {
    fprintf(stderr, "brink: --dump-cnf needs the cadical back end "
                    "(--backend cadical or auto)\n");
    return EXIT_OTHER;
  }

  if (cmd_mask == C_CHECK) {
    /* SIGINT, SIGTERM and --timeout end the run cleanly (stop.h). */
    stop_start(timeout, max_memory);
    bool explicit = strcmp(engine, "explicit") == 0;
    ReportConfig rc = {val[OPT_JSON],
                       val[OPT_ITF],
                       val[OPT_TRACEMOD],
                       flag[OPT_QUIET],
                       engine,
                       co.backend,
                       spec_path,
                       explicit && !co.length_given ? -1 : co.length};
    if (!report_start(&rc))
      return EXIT_OTHER;
    if (flag[OPT_QUIET])
      status_disable();
  } else {
    /* parse and typecheck end at once on a signal, as usual. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
  }
  Program *prog = program_load(spec_path);
  if (!prog)
    return EXIT_PARSE;
  if (strcmp(cmd, "parse") == 0) {
    if (flag[OPT_PRINT] || flag[OPT_ROUNDTRIP])
      return print_or_roundtrip(spec_path, flag[OPT_ROUNDTRIP]);
    printf("%s: module %s parsed and resolved (%zu module%s).\n", spec_path,
           sym_str(prog->root->name), prog->modules.len,
           prog->modules.len == 1 ? "" : "s");
    return EXIT_OK;
  }
  char *cfg_path = val[OPT_CONFIG] ? xstrdup(val[OPT_CONFIG])
                                   : default_cfg(spec_path);
  char *cfg_text = read_config(&cfg_path, spec_path, !val[OPT_CONFIG]);
  if (!cfg_text && errno == ENOENT && !val[OPT_CONFIG] &&
      strcmp(cmd, "typecheck") == 0) {
    /* Types need no model: constants are typed by their uses. */
    Spec *bare = types_bare_spec(prog);
    bool ok = types_infer(bare);
    types_report(stdout, bare, flag[OPT_VERBOSE]);
    return ok ? EXIT_OK : EXIT_PARSE;
  }
  bool no_cfg = false;
  if (!cfg_text && errno == ENOENT && !val[OPT_CONFIG]) {
    /* Apalache's way: no model file; Init and Next unless named. */
    fprintf(stderr, "brink: note: no config file %s; checking %s and %s%s\n",
            cfg_path, val[OPT_INIT] ? val[OPT_INIT] : "Init",
            val[OPT_NEXT] ? val[OPT_NEXT] : "Next",
            val[OPT_CINIT] ? ", constants from --cinit" : "");
    cfg_text = xstrdup("");
    no_cfg = true;
  }
  if (!cfg_text) {
    fprintf(stderr, "brink: cannot read the config file %s: %s\n", cfg_path,
            strerror(errno));
    return EXIT_CONFIG;
  }
  Config *cfg = cfg_parse_text(cfg_path, cfg_text);
  free(cfg_text);
  if (!cfg || !apply_consts(cfg, consts.data, consts.len))
    return EXIT_CONFIG;
  pcal_bind_default(cfg); /* the translator's .cfg line, when missing */
  report_set_model(cfg);
  SpecOptions so = {0, 0, val[OPT_INV], flag[OPT_NODEADLOCK] ? 0 : -1, 0};
  if (val[OPT_INIT] || no_cfg)
    so.init = sym_intern(val[OPT_INIT] ? val[OPT_INIT] : "Init");
  if (val[OPT_NEXT] || no_cfg)
    so.next = sym_intern(val[OPT_NEXT] ? val[OPT_NEXT] : "Next");
  if (val[OPT_CINIT])
    so.cinit = sym_intern(val[OPT_CINIT]);
  int code;
  Spec *spec = spec_bind(prog, cfg, &so, &code);
  if (!spec)
    return code;
  types_set_mismatch_warns(strcmp(cmd, "typecheck") != 0);
  bool typed = types_infer(spec);
  if (strcmp(cmd, "typecheck") == 0) {
    types_report(stdout, spec, flag[OPT_VERBOSE]);
    return typed ? EXIT_OK : EXIT_PARSE;
  }
  if (!typed)
    fprintf(stderr, "brink: warning: type inference failed (see above); the "
                    "engines check kinds as they evaluate, as TLC does\n");
  /* TLCGet("config"): the symbolic engine covers what a breadth-first
   * search to depth --length covers. */
  bool explicit = strcmp(engine, "explicit") == 0;
  SearchConfig sc = {"bfs", explicit && !co.length_given ? -1 : co.length,
                     spec->check_deadlock, explicit};
  eval_set_search_config(&sc);
  RunArgs run = {engine, &co};
  if (spec->cinit)
    return cinit_run(spec, run_checks, &run);
  return run_checks(spec, &run);
}

/* Checks the assumptions and then the behaviours of a spec whose
 * constants all have values. */
static int run_checks(const Spec *spec, void *arg) {
  RunArgs *run = arg;
  int assumed = eval_check_assumptions(spec);
  if (assumed)
    return assumed;
  if (spec->no_behavior) {
    printf("brink: the config names neither SPECIFICATION nor INIT/NEXT: "
           "there is no behaviour to check; all %zu assumption%s hold.\n",
           spec->assumes.len, spec->assumes.len == 1 ? "" : "s");
    return EXIT_OK;
  }
  if (spec->nvars == 0) {
    /* TLC finds no state of a spec without variables: it checks the
     * assumptions and reports 0 states. */
    printf("brink: the spec has no variables: there is no behaviour to "
           "check; %s %zu assumption%s hold%s.\n"
           "Finished computing initial states: 0 distinct states generated.\n"
           "Model checking completed. No error has been found.\n"
           "0 states generated, 0 distinct states found, 0 states left on "
           "queue.\nThe depth of the complete state graph search is 0.\n",
           spec->assumes.len == 1 ? "the" : "all", spec->assumes.len,
           spec->assumes.len == 1 ? "" : "s",
           spec->assumes.len == 1 ? "s" : "");
    report_states(0, 0, 0);
    return EXIT_OK;
  }
  /* TLC refuses temporal properties whose negation is unsatisfiable
   * before it searches. */
  if (!run->co->safety_only && temporal_tautology(spec)) {
    printf("Error: Temporal formula is a tautology (its negation is "
           "unsatisfiable).\n");
    return EXIT_EVAL_LIVENESS;
  }
  if (strcmp(run->engine, "explicit") == 0)
    return check_explicit(spec, run->co);
  return check_symbolic(spec, run->co);
}
