/* difffuzz.c -- differential fuzzing of brink's two engines.
 *
 *   difffuzz BRINK SECONDS [SEED] [OUTDIR]
 *
 * Generates tiny random specs (a few variables over small domains:
 * integers kept in 0..K-1 by `%`, a Boolean, a subset of 0..2, a function
 * [0..1 -> 0..2]; two to four guarded actions, some with an \E; a random
 * invariant) and checks each with the explicit engine, then with the
 * symbolic engine at the length the explicit run makes decisive: the
 * counterexample's length for a violation or deadlock, the complete
 * search's depth otherwise.  Each spec is checked twice, once for the
 * invariant alone (--no-deadlock) and once for deadlock alone (--inv
 * Always, a TRUE invariant): with both at once, a breadth-first search
 * may meet a deeper invariant violation before a shallower deadlock, as
 * TLC does, and both answers would be right.  The back end alternates between cadical and
 * z3.  The engines must agree on the exit code and on the number of states
 * in the counterexample (both give shortest ones).  A disagreement is
 * written to OUTDIR (default build/difffuzz) as fail_N.tla/.cfg with both
 * outputs; a run that passes its time limit is counted, not judged.
 *
 * The generator keeps every value inside its domain, so the specs have no
 * evaluation errors by design; what is tested is that both engines compute
 * the same behaviours, invariants and deadlocks.  The seed makes a run
 * reproducible.  Prints `difffuzz: N specs, D disagreements, T timeouts`
 * and exits 1 when D > 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { RUN_SECONDS = 20 };

/* ---- random numbers (xorshift64*, reproducible across machines) ---- */

static uint64_t rng_state;

static unsigned rnd(unsigned n) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (unsigned)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

/* ---- a growable string ---- */

typedef struct Buf {
  char *s;
  size_t len, cap;
} Buf;

static void bprintf(Buf *b, const char *fmt, ...) {
  va_list ap;
  for (;;) {
    va_start(ap, fmt);
    int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0,
                      fmt, ap);
    va_end(ap);
    if (b->s && (size_t)n < b->cap - b->len) {
      b->len += (size_t)n;
      return;
    }
    b->cap = (b->cap + (size_t)n + 1) * 2;
    b->s = realloc(b->s, b->cap);
    if (!b->s)
      abort();
    if (b->len == 0)
      b->s[0] = 0;
  }
}

/* ---- the generator ---- */

/* The variables a spec may have; each spec picks a nonempty subset. */
enum { V_X, V_Y, V_B, V_S, V_F, NV };
static const char *const vname[NV] = {"x", "y", "b", "s", "f"};
static bool have[NV];
static int K; /* integers range over 0..K-1 */

typedef enum { T_INT, T_BOOL, T_SET, T_FUN } Type;

static void gen(Buf *b, Type t, int depth, const char *bound);

/* An integer expression whose value lies in 0..K-1 when the variables'
 * values lie in their domains (and `bound`, if set, in 0..2). */
static void gen_int(Buf *b, int depth, const char *bound) {
  unsigned c = depth <= 0 ? rnd(3) : rnd(9);
  switch (c) {
  case 0:
    if (have[V_X] && rnd(2)) {
      bprintf(b, "x");
      return;
    }
    if (have[V_Y] && rnd(2)) {
      bprintf(b, "y");
      return;
    }
    bprintf(b, "%u", rnd((unsigned)K));
    return;
  case 1:
    if (bound) {
      bprintf(b, "(%s %% %d)", bound, K);
      return;
    }
    bprintf(b, "%u", rnd((unsigned)K));
    return;
  case 2:
    if (have[V_F]) {
      bprintf(b, "(f[");
      gen_int(b, depth - 1, bound);
      bprintf(b, " %% 2] %% %d)", K);
      return;
    }
    bprintf(b, "%u", rnd((unsigned)K));
    return;
  case 3:
  case 4: {
    static const char *const ops[] = {"+", "-", "*"};
    bprintf(b, "((");
    gen_int(b, depth - 1, bound);
    bprintf(b, " %s ", ops[rnd(3)]);
    gen_int(b, depth - 1, bound);
    bprintf(b, ") %% %d)", K);
    return;
  }
  case 5:
    bprintf(b, "(IF ");
    gen(b, T_BOOL, depth - 1, bound);
    bprintf(b, " THEN ");
    gen_int(b, depth - 1, bound);
    bprintf(b, " ELSE ");
    gen_int(b, depth - 1, bound);
    bprintf(b, ")");
    return;
  case 6:
    if (have[V_S]) {
      bprintf(b, "(Cardinality(");
      gen(b, T_SET, depth - 1, bound);
      bprintf(b, ") %% %d)", K);
      return;
    }
    bprintf(b, "%u", rnd((unsigned)K));
    return;
  case 7:
    bprintf(b, "((");
    gen_int(b, depth - 1, bound);
    bprintf(b, " \\div %u) %% %d)", 1 + rnd(3), K);
    return;
  default:
    if (have[V_S]) {
      /* the least member, or 0 for the empty set */
      bprintf(b, "(IF s = {} THEN 0 ELSE (CHOOSE m \\in s : \\A n \\in s : "
                 "m <= n) %% %d)",
              K);
      return;
    }
    bprintf(b, "%u", rnd((unsigned)K));
    return;
  }
}

static void gen_bool(Buf *b, int depth, const char *bound) {
  unsigned c = depth <= 0 ? rnd(3) : rnd(10);
  switch (c) {
  case 0:
    if (have[V_B]) {
      bprintf(b, rnd(2) ? "b" : "~b");
      return;
    }
    /* fall through */
  case 1:
  case 2: {
    static const char *const ops[] = {"<", "<=", "=", "#"};
    bprintf(b, "(");
    gen_int(b, depth - 1, bound);
    bprintf(b, " %s ", ops[rnd(4)]);
    gen_int(b, depth - 1, bound);
    bprintf(b, ")");
    return;
  }
  case 3:
  case 4: {
    static const char *const ops[] = {"/\\", "\\/", "=>"};
    bprintf(b, "(");
    gen_bool(b, depth - 1, bound);
    bprintf(b, " %s ", ops[rnd(3)]);
    gen_bool(b, depth - 1, bound);
    bprintf(b, ")");
    return;
  }
  case 5:
    bprintf(b, "~");
    gen_bool(b, depth - 1, bound);
    return;
  case 6:
    if (have[V_S]) {
      bprintf(b, "((");
      gen_int(b, depth - 1, bound);
      bprintf(b, " %% 3) \\in ");
      gen(b, T_SET, depth - 1, bound);
      bprintf(b, ")");
      return;
    }
    gen_bool(b, depth - 1, bound);
    return;
  case 7:
    if (have[V_S] && !bound) {
      bprintf(b, "(%s m \\in ", rnd(2) ? "\\E" : "\\A");
      gen(b, T_SET, depth - 1, NULL);
      bprintf(b, " : ");
      gen_bool(b, depth - 1, "m");
      bprintf(b, ")");
      return;
    }
    gen_bool(b, depth - 1, bound);
    return;
  case 8:
    if (have[V_S]) {
      bprintf(b, "(");
      gen(b, T_SET, depth - 1, bound);
      bprintf(b, " \\subseteq ");
      gen(b, T_SET, depth - 1, bound);
      bprintf(b, ")");
      return;
    }
    gen_bool(b, depth - 1, bound);
    return;
  default:
    if (have[V_F]) {
      bprintf(b, "(f = ");
      gen(b, T_FUN, depth - 1, bound);
      bprintf(b, ")");
      return;
    }
    gen_bool(b, depth - 1, bound);
    return;
  }
}

/* A subset of 0..2. */
static void gen_set(Buf *b, int depth, const char *bound) {
  unsigned c = depth <= 0 ? rnd(2) : rnd(7);
  switch (c) {
  case 0:
    bprintf(b, have[V_S] ? "s" : "{}");
    return;
  case 1:
    bprintf(b, "{");
    gen_int(b, depth - 1, bound);
    bprintf(b, " %% 3}");
    return;
  case 2:
  case 3: {
    static const char *const ops[] = {"\\cup", "\\"};
    bprintf(b, "(");
    gen_set(b, depth - 1, bound);
    bprintf(b, " %s {", ops[rnd(2)]);
    gen_int(b, depth - 1, bound);
    bprintf(b, " %% 3})");
    return;
  }
  case 4:
    if (!bound) {
      bprintf(b, "{m \\in ");
      gen_set(b, depth - 1, NULL);
      bprintf(b, " : ");
      gen_bool(b, depth - 1, "m");
      bprintf(b, "}");
      return;
    }
    /* fall through */
  case 5:
    bprintf(b, "(");
    gen_set(b, depth - 1, bound);
    bprintf(b, " \\cap ");
    gen_set(b, depth - 1, bound);
    bprintf(b, ")");
    return;
  default:
    bprintf(b, "{%u, %u}", rnd(3), rnd(3));
    return;
  }
}

/* A function [0..1 -> 0..2]. */
static void gen_fun(Buf *b, int depth, const char *bound) {
  unsigned c = depth <= 0 ? 0 : rnd(3);
  switch (c) {
  case 0:
    if (have[V_F]) {
      bprintf(b, "f");
      return;
    }
    /* fall through */
  case 1:
    if (!bound) {
      bprintf(b, "[m \\in 0..1 |-> (");
      gen_int(b, depth - 1, "m");
      bprintf(b, ") %% 3]");
      return;
    }
    /* fall through */
  default:
    bprintf(b, "[%s EXCEPT ![", have[V_F] ? "f" : "[m \\in 0..1 |-> 0]");
    gen_int(b, depth - 1, bound);
    bprintf(b, " %% 2] = (");
    gen_int(b, depth - 1, bound);
    bprintf(b, ") %% 3]");
    return;
  }
}

static void gen(Buf *b, Type t, int depth, const char *bound) {
  switch (t) {
  case T_INT:
    gen_int(b, depth, bound);
    return;
  case T_BOOL:
    gen_bool(b, depth, bound);
    return;
  case T_SET:
    gen_set(b, depth, bound);
    return;
  case T_FUN:
    gen_fun(b, depth, bound);
    return;
  }
}

static const Type vtype[NV] = {T_INT, T_INT, T_BOOL, T_SET, T_FUN};

static void gen_init(Buf *b, int v) {
  bool choose = rnd(2);
  switch (v) {
  case V_X:
  case V_Y:
    if (choose)
      bprintf(b, "%s \\in 0..%u", vname[v], rnd((unsigned)K));
    else
      bprintf(b, "%s = %u", vname[v], rnd((unsigned)K));
    return;
  case V_B:
    bprintf(b, choose ? "b \\in BOOLEAN" : (rnd(2) ? "b = TRUE" : "b = FALSE"));
    return;
  case V_S:
    bprintf(b, choose ? "s \\in SUBSET {0, 1}" : "s = {}");
    return;
  default:
    bprintf(b, choose ? "f \\in [0..1 -> 0..1]" : "f = [m \\in 0..1 |-> 0]");
    return;
  }
}

/* Writes a spec named `name` into tla and its config into cfg. */
static void gen_spec(Buf *tla, Buf *cfg, const char *name) {
  K = 2 + (int)rnd(4);
  int n = 0;
  while (n == 0)
    for (int v = 0; v < NV; v++)
      n += have[v] = rnd(2);
  bprintf(tla, "---- MODULE %s ----\nEXTENDS Naturals, FiniteSets\n"
               "VARIABLES ",
          name);
  bool first = true;
  for (int v = 0; v < NV; v++)
    if (have[v]) {
      bprintf(tla, "%s%s", first ? "" : ", ", vname[v]);
      first = false;
    }
  bprintf(tla, "\nvars == <<");
  first = true;
  for (int v = 0; v < NV; v++)
    if (have[v]) {
      bprintf(tla, "%s%s", first ? "" : ", ", vname[v]);
      first = false;
    }
  bprintf(tla, ">>\nInit ==");
  for (int v = 0; v < NV; v++)
    if (have[v]) {
      bprintf(tla, "\n  /\\ ");
      gen_init(tla, v);
    }
  int nact = 2 + (int)rnd(3);
  for (int a = 0; a < nact; a++) {
    bool ex = rnd(3) == 0;
    bprintf(tla, "\nA%d ==%s\n  /\\ ", a, ex ? " \\E k \\in 0..2 :" : "");
    gen_bool(tla, 2, ex ? "k" : NULL);
    for (int v = 0; v < NV; v++) {
      if (!have[v])
        continue;
      if (rnd(3) == 0) {
        bprintf(tla, "\n  /\\ UNCHANGED %s", vname[v]);
        continue;
      }
      bprintf(tla, "\n  /\\ %s' = ", vname[v]);
      gen(tla, vtype[v], 2, ex ? "k" : NULL);
    }
  }
  bprintf(tla, "\nNext ==");
  for (int a = 0; a < nact; a++)
    bprintf(tla, " %sA%d", a ? "\\/ " : "", a);
  bprintf(tla, "\nInv == ");
  gen_bool(tla, 3, NULL);
  bprintf(tla, "\nAlways == TRUE\n====\n");
  bprintf(cfg, "INIT Init\nNEXT Next\nINVARIANT Inv\n");
}

/* ---- running brink ---- */

typedef struct Outcome {
  int status; /* exit code, -1 = timed out */
  int states; /* "State N:" lines */
  int depth;  /* the complete search's depth, -1 if not printed */
  char *out;
} Outcome;

static char *slurp(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return strdup("");
  Buf b = {0};
  bprintf(&b, "");
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    bprintf(&b, "%.*s", (int)n, chunk);
  fclose(f);
  return b.s;
}

static Outcome run(char *const argv[], const char *outpath) {
  Outcome o = {-1, 0, -1, NULL};
  pid_t pid = fork();
  if (pid == 0) {
    FILE *f = freopen(outpath, "w", stdout);
    if (!f)
      _exit(127);
    dup2(STDOUT_FILENO, STDERR_FILENO);
    execv(argv[0], argv);
    _exit(127);
  }
  time_t start = time(NULL);
  int st = 0;
  for (;;) {
    pid_t r = waitpid(pid, &st, WNOHANG);
    if (r == pid)
      break;
    if (time(NULL) - start > RUN_SECONDS) {
      kill(pid, SIGKILL);
      waitpid(pid, &st, 0);
      o.out = slurp(outpath);
      return o;
    }
    usleep(2000);
  }
  o.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  o.out = slurp(outpath);
  for (const char *p = o.out; (p = strstr(p, "State ")); p++)
    if ((p == o.out || p[-1] == '\n') && p[6] >= '0' && p[6] <= '9')
      o.states++;
  /* TLC's form for an initial state that violates an invariant: no
   * header, one state */
  if (strstr(o.out, " is violated by the initial state:\n"))
    o.states = 1;
  const char *d = strstr(o.out, "The depth of the complete state graph "
                                "search is ");
  if (d)
    o.depth = atoi(d + strlen("The depth of the complete state graph "
                              "search is "));
  return o;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: difffuzz BRINK SECONDS [SEED] [OUTDIR]\n");
    return 2;
  }
  const char *brink = argv[1];
  int seconds = atoi(argv[2]);
  unsigned long long seed =
      argc > 3 ? strtoull(argv[3], NULL, 10) : (unsigned long long)time(NULL);
  const char *outdir = argc > 4 ? argv[4] : "build/difffuzz";
  mkdir(outdir, 0777);
  char dir[] = "/tmp/difffuzz_XXXXXX";
  if (!mkdtemp(dir)) {
    perror("difffuzz: mkdtemp");
    return 2;
  }
  printf("difffuzz: seed %llu, %d s, brink %s\n", seed, seconds, brink);
  fflush(stdout);
  rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
  time_t start = time(NULL);
  int specs = 0, bad = 0, timeouts = 0;
  while (time(NULL) - start < seconds) {
    Buf tla = {0}, cfg = {0};
    gen_spec(&tla, &cfg, "Fuzz");
    char tpath[128], cpath[128], opath[128];
    snprintf(tpath, sizeof tpath, "%s/Fuzz.tla", dir);
    snprintf(cpath, sizeof cpath, "%s/Fuzz.cfg", dir);
    snprintf(opath, sizeof opath, "%s/out.txt", dir);
    FILE *f = fopen(tpath, "w");
    fputs(tla.s, f);
    fclose(f);
    f = fopen(cpath, "w");
    fputs(cfg.s, f);
    fclose(f);
    specs++;
    for (int mode = 0; mode < 2; mode++) {
      /* mode 0: the invariant alone; mode 1: deadlock alone */
      const char *m1 = mode ? "--inv" : "--no-deadlock";
      const char *m2 = mode ? "Always" : "--no-deadlock";
      char *ea[] = {(char *)brink, "check", "--engine", "explicit", (char *)m1,
                    (char *)m2, "--config", cpath, tpath, NULL};
      Outcome e = run(ea, opath);
      int len = e.status == 11 || e.status == 12 ? e.states - 1
                : e.depth > 0                    ? e.depth - 1
                                                 : 0;
      char lenarg[16];
      snprintf(lenarg, sizeof lenarg, "%d", len);
      const char *backend = (specs + mode) % 2 ? "cadical" : "z3";
      char *sa[] = {(char *)brink, "check", "--engine", "symbolic",
                    "--backend", (char *)backend, (char *)m1, (char *)m2,
                    "--length", lenarg, "--config", cpath, tpath, NULL};
      Outcome s = e.status < 0 ? (Outcome){-1, 0, -1, strdup("")}
                               : run(sa, opath);
      if (e.status < 0 || s.status < 0) {
        timeouts++;
      } else if (e.status != s.status || e.states != s.states ||
                 (e.status != 0 && e.status != 11 && e.status != 12)) {
        bad++;
        char path[512];
        snprintf(path, sizeof path, "%s/fail_%llu_%d_%d.tla", outdir, seed,
                 specs, mode);
        f = fopen(path, "w");
        if (f) {
          fprintf(f, "%s\n(* config:\n%s%s %s\n*)\n(* explicit: exit %d, "
                     "%d states\n%s*)\n(* symbolic (%s, --length %d): exit "
                     "%d, %d states\n%s*)\n",
                  tla.s, cfg.s, m1, mode ? m2 : "", e.status, e.states, e.out,
                  backend, len, s.status, s.states, s.out);
          fclose(f);
        }
        printf("difffuzz: disagreement (explicit exit %d with %d states, "
               "symbolic %s exit %d with %d states): %s\n",
               e.status, e.states, backend, s.status, s.states, path);
        fflush(stdout);
      }
      free(e.out);
      free(s.out);
    }
    free(tla.s);
    free(cfg.s);
  }
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0)
    fprintf(stderr, "difffuzz: could not remove %s\n", dir);
  printf("difffuzz: %d specs, %d disagreements, %d timeouts (seed %llu)\n",
         specs, bad, timeouts, seed);
  return bad ? 1 : 0;
}
