/* clirun.h -- running brink as a subprocess for the CLI suites (t91_cli2.c,
 * t92_cli2_out.c): in the test's scratch directory (fixture.h), stdout and
 * stderr into out.txt and err.txt there, and the small specs they share:
 * Procs (TLC's reference: an invariant broken by Step(p1), Step(p2)), Long
 * (runs for ever), Stops (deadlocks after Max steps) and Kinds (values of
 * every kind). */
#ifndef BRINK_TEST_CLIRUN_H
#define BRINK_TEST_CLIRUN_H

#include <jansson.h>
#include <stdbool.h>
#include <sys/types.h>

typedef struct Out {
  int status; /* exit code, or 128 + signal */
  char *out, *err;
} Out;

/* The binary: BRINK, default ./brink. */
const char *cli_brink(void);
/* A file's text ("" when it cannot be read; malloc'd). */
char *cli_slurp(const char *path);
/* name in the scratch directory (malloc'd). */
char *cli_in_dir(const char *name);
/* Starts brink with args (NULL-terminated) in the scratch directory. */
pid_t cli_start(const char *const *args);
/* Waits for it and reads what it wrote. */
Out cli_finish(pid_t pid);
Out cli_run(const char *const *args);
/* As cli_run, with the address space limited to `bytes` (ulimit -v), so
 * that allocations fail past it. */
Out cli_run_limited(const char *const *args, unsigned long long bytes);
void cli_out_free(Out *r);
/* Waits until file name in the scratch directory holds text (30 s at
 * most); false if it never does. */
bool cli_wait_for(const char *name, const char *text);
/* NULL when j is valid against tests/json/brink-result.schema.json (the
 * JSON Schema keywords it uses, checked by a small validator of our own),
 * else what is wrong. */
const char *cli_json_invalid(json_t *j);
/* Writes Procs, Long, Stops and Kinds (.tla and .cfg). */
void cli_write_specs(void);

extern const char *const PROCS, *const PROCS_CFG, *const LONG, *const LONG_CFG,
    *const STOPS, *const STOPS_CFG, *const KINDS;

#define EXPECT(r, code, where, text)                                           \
  ck_assert_msg((r).status == (code) && strstr((r).where, (text)),             \
                "exit %d (expected %d); no \"%s\" in " #where ":\n%s\n--- "    \
                "stderr:\n%s",                                                 \
                (r).status, (code), (text), (r).out, (r).err)

#endif
