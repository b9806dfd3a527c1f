/* main.c -- the command line.
 *
 *   brink check [options] Spec.tla     model-check a spec
 *   brink parse [--print] Spec.tla     parse and resolve, report errors
 *
 * Options are one X-macro table (name, takes an argument, help).  Exit
 * codes are TLC's (diag.h).  The config defaults to Spec.cfg beside the
 * spec, as with TLC. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cfg.h"
#include "driver.h"
#include "eval.h"
#include "parse.h"
#include "resolve.h"
#include "spec.h"
#include "types.h"

#define BRINK_VERSION "0.1.0"

#define OPTIONS(X)                                                             \
  X(CONFIG, "--config", 1, "FILE  the TLC model configuration (default: "     \
                           "Spec.cfg beside the spec)")                        \
  X(LENGTH, "--length", 1, "K     steps to unroll (symbolic, default 10); "   \
                           "maximum depth (explicit, default none)")           \
  X(ENGINE, "--engine", 1, "symbolic|explicit (default symbolic)")            \
  X(BACKEND, "--backend", 1, "z3|cadical|auto (default auto)")                \
  X(INIT, "--init", 1, "NAME  the initial predicate (overrides the config)")  \
  X(NEXT, "--next", 1, "NAME  the next-state action (overrides the config)")  \
  X(INV, "--inv", 1, "NAMES comma-separated invariants (override the "        \
                     "config)")                                                \
  X(NODEADLOCK, "--no-deadlock", 0, "do not check for deadlock")             \
  X(PRINT, "--print", 0, "(parse) print the resolved module")                 \
  X(HELP, "--help", 0, "this text")

enum {
#define X(id, name, arg, help) OPT_##id,
  OPTIONS(X)
#undef X
      OPT__COUNT
};

static const struct {
  const char *name;
  int arg;
  const char *help;
} options[] = {
#define X(id, name, arg, help) {name, arg, help},
    OPTIONS(X)
#undef X
};

static void usage(FILE *out) {
  fprintf(out, "brink %s -- a symbolic bounded model checker for TLA+\n\n"
               "usage: brink check [options] Spec.tla\n"
               "       brink parse Spec.tla\n"
               "       brink typecheck [--config FILE] Spec.tla\n\noptions:\n",
          BRINK_VERSION);
  for (int i = 0; i < OPT__COUNT; i++)
    fprintf(out, "  %-14s %s\n", options[i].name, options[i].help);
  fprintf(out, "\nexit codes (as TLC): 0 no error, 11 deadlock, 12 invariant "
               "violated, 10 assumption false,\n14 Assert failed, 75 evaluation error, 150 spec error, 151 config "
               "error, 255 other\n");
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

typedef struct MainArgs {
  int argc;
  char **argv;
} MainArgs;

static int brink_main(int argc, char **argv);

static int main_job(void *p) {
  MainArgs *a = p;
  return brink_main(a->argc, a->argv);
}

/* Everything runs on a thread with a 1 GB stack (reserved, touched only as
 * used), so that legitimately deep recursion in a spec has room; deeper
 * recursion fails cleanly (util.h, stack_nearly_full). */
int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  MainArgs a = {argc, argv};
  return run_with_stack(main_job, &a, (size_t)1 << 30);
}

static int brink_main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return EXIT_OTHER;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
    usage(stdout);
    return 0;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("brink %s\n", BRINK_VERSION);
    return 0;
  }
  if (strcmp(cmd, "check") != 0 && strcmp(cmd, "parse") != 0 &&
      strcmp(cmd, "typecheck") != 0) {
    fprintf(stderr, "brink: unknown command '%s' (try: brink check Spec.tla)\n",
            cmd);
    return EXIT_OTHER;
  }
  const char *val[OPT__COUNT] = {0};
  bool flag[OPT__COUNT] = {0};
  const char *spec_path = NULL;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '-' && a[1] == '-') {
      int o = -1;
      const char *eq = strchr(a, '=');
      size_t len = eq ? (size_t)(eq - a) : strlen(a);
      for (int k = 0; k < OPT__COUNT; k++)
        if (strlen(options[k].name) == len &&
            strncmp(options[k].name, a, len) == 0)
          o = k;
      if (o < 0) {
        fprintf(stderr, "brink: unknown option '%s' (see brink --help)\n", a);
        return EXIT_OTHER;
      }
      if (o == OPT_HELP) {
        usage(stdout);
        return 0;
      }
      flag[o] = true;
      if (options[o].arg) {
        if (eq)
          val[o] = eq + 1;
        else if (i + 1 < argc)
          val[o] = argv[++i];
        else {
          fprintf(stderr, "brink: option %s needs a value\n", a);
          return EXIT_OTHER;
        }
      }
    } else if (!spec_path) {
      spec_path = a;
    } else {
      fprintf(stderr, "brink: more than one spec given ('%s' and '%s')\n",
              spec_path, a);
      return EXIT_OTHER;
    }
  }
  if (!spec_path) {
    fprintf(stderr, "brink: no spec given (usage: brink %s Spec.tla)\n", cmd);
    return EXIT_OTHER;
  }
  CheckOptions co = {10, "auto", false};
  if (val[OPT_LENGTH]) {
    char *end;
    errno = 0;
    long k = strtol(val[OPT_LENGTH], &end, 10);
    if (*end || errno || k < 0 || k > 100000) {
      fprintf(stderr, "brink: --length must be a number from 0 to 100000, "
                      "not '%s'\n",
              val[OPT_LENGTH]);
      return EXIT_OTHER;
    }
    co.length = (int)k;
    co.length_given = true;
  }
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

  Program *prog = program_load(spec_path);
  if (!prog)
    return EXIT_PARSE;
  if (strcmp(cmd, "parse") == 0) {
    printf("%s: module %s parsed and resolved (%zu module%s).\n", spec_path,
           sym_str(prog->root->name), prog->modules.len,
           prog->modules.len == 1 ? "" : "s");
    if (flag[OPT_PRINT])
      fprintf(stderr, "brink: --print is not available yet\n");
    return EXIT_OK;
  }
  char *cfg_path = val[OPT_CONFIG] ? xstrdup(val[OPT_CONFIG])
                                   : default_cfg(spec_path);
  char *cfg_text = src_read_file(cfg_path);
  if (!cfg_text) {
    fprintf(stderr, "brink: cannot read the config file %s: %s\n", cfg_path,
            strerror(errno));
    return EXIT_CONFIG;
  }
  Config *cfg = cfg_parse_text(cfg_path, cfg_text);
  free(cfg_text);
  if (!cfg)
    return EXIT_CONFIG;
  SpecOptions so = {0, 0, val[OPT_INV], flag[OPT_NODEADLOCK] ? 0 : -1};
  if (val[OPT_INIT])
    so.init = sym_intern(val[OPT_INIT]);
  if (val[OPT_NEXT])
    so.next = sym_intern(val[OPT_NEXT]);
  int code;
  Spec *spec = spec_bind(prog, cfg, &so, &code);
  if (!spec)
    return code;
  bool typed = types_infer(spec);
  if (strcmp(cmd, "typecheck") == 0) {
    types_report(stdout, spec);
    return typed ? EXIT_OK : EXIT_PARSE;
  }
  if (!typed)
    fprintf(stderr, "brink: warning: type inference failed (see above); the "
                    "engines check kinds as they evaluate, as TLC does\n");
  if (strcmp(engine, "explicit") == 0) {
    SearchConfig sc = {"bfs", co.length_given ? co.length : -1,
                       spec->check_deadlock};
    eval_set_search_config(&sc);
  }
  int assumed = spec_check_assumptions(spec);
  if (assumed)
    return assumed;
  if (spec->no_behavior) {
    printf("brink: the config names neither SPECIFICATION nor INIT/NEXT: "
           "there is no behaviour to check; all %zu assumption%s hold.\n",
           spec->assumes.len, spec->assumes.len == 1 ? "" : "s");
    return EXIT_OK;
  }
  if (strcmp(engine, "explicit") == 0)
    return check_explicit(spec, &co);
  return check_symbolic(spec, &co);
}
