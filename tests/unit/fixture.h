/* fixture.h -- scaffolding shared by the unit suites: a scratch directory
 * per test, diagnostics captured in memory, and modules loaded from text.
 * Suites call fixture_setup/fixture_teardown from their Check fixtures. */
#ifndef BRINK_TEST_FIXTURE_H
#define BRINK_TEST_FIXTURE_H

#include "resolve.h"
#include "spec.h"

/* The scratch directory of the current test. */
extern char fixture_dir[64];

/* Makes /tmp/brink_<tag>_XXXXXX and starts capturing diagnostics. */
void fixture_setup(const char *tag);
/* Stops capturing and removes the scratch directory. */
void fixture_teardown(void);
/* What was captured so far. */
const char *fixture_captured(void);
/* Forgets what was captured so far and captures afresh. */
void fixture_recapture(void);
/* Writes a file into the scratch directory. */
void fixture_write(const char *name, const char *text);
/* Writes M.tla (module header and footer added) and loads it; NULL with
 * the diagnostics captured when loading fails. */
Program *fixture_load(const char *body);
/* Loads M with config text cfg and binds it; asserts each step works. */
Spec *fixture_load_spec(const char *body, const char *cfg);
/* The shared folder (SHARED, default ../shared) when its corpus/ is there,
 * else NULL: a test that needs the corpus returns at once then (passes),
 * and the runner says once that such tests were skipped (main.c). */
const char *fixture_shared(void);
/* TLC's recorded distinct-state count of the corpus model whose cfg_file
 * (relative to corpus/examples) is cfg, from a successful run in
 * models.tsv (with pluscal: a model marked uses_pluscal); fails the test
 * when there is none. */
int fixture_recorded_distinct(const char *shared, const char *cfg,
                              bool pluscal);

#endif
