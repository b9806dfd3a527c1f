/* fixture.c -- the shared scaffolding of the unit suites (fixture.h). */
#include "fixture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg.h"

char fixture_dir[64];
static char *diag_buf;
static size_t diag_len;
static FILE *diag_f;

static void capture(void) {
  diag_f = open_memstream(&diag_buf, &diag_len);
  diag_set_stream(diag_f);
}

void fixture_setup(const char *tag) {
  snprintf(fixture_dir, sizeof fixture_dir, "/tmp/brink_%s_XXXXXX", tag);
  ck_assert_ptr_nonnull(mkdtemp(fixture_dir));
  capture();
}

void fixture_teardown(void) {
  diag_set_stream(NULL);
  if (diag_f)
    fclose(diag_f);
  free(diag_buf);
  diag_f = NULL;
  diag_buf = NULL;
  char *cmd = xsprintf("rm -rf '%s'", fixture_dir);
  if (system(cmd) != 0)
    fprintf(stderr, "could not remove %s\n", fixture_dir);
  free(cmd);
}

const char *fixture_captured(void) {
  if (diag_f)
    fflush(diag_f);
  return diag_buf ? diag_buf : "";
}

void fixture_recapture(void) {
  if (diag_f) {
    fclose(diag_f);
    free(diag_buf);
    diag_buf = NULL;
  }
  capture();
}

void fixture_write(const char *name, const char *text) {
  char *path = xsprintf("%s/%s", fixture_dir, name);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
  free(path);
}

Program *fixture_load(const char *body) {
  char *text = xsprintf("---- MODULE M ----\n%s\n====\n", body);
  fixture_write("M.tla", text);
  free(text);
  char *path = xsprintf("%s/M.tla", fixture_dir);
  Program *p = program_load(path);
  free(path);
  return p;
}

Spec *fixture_load_spec(const char *body, const char *cfg) {
  Program *p = fixture_load(body);
  ck_assert_msg(p != NULL, "load failed:\n%s", fixture_captured());
  char *cpath = xsprintf("%s/M.cfg", fixture_dir);
  Config *c = cfg_parse_text(cpath, cfg);
  ck_assert_msg(c != NULL, "config failed:\n%s", fixture_captured());
  int code = -1;
  Spec *s = spec_bind(p, c, NULL, &code);
  ck_assert_msg(s != NULL, "spec_bind failed (%d):\n%s", code,
                fixture_captured());
  free(cpath);
  return s;
}

const char *fixture_shared(void) {
  const char *s = getenv("SHARED");
  if (!s || !*s)
    s = "../shared";
  char corpus[1024];
  snprintf(corpus, sizeof corpus, "%s/corpus", s);
  struct stat st;
  return stat(corpus, &st) == 0 && S_ISDIR(st.st_mode) ? s : NULL;
}

int fixture_recorded_distinct(const char *shared, const char *cfg,
                              bool pluscal) {
  char *tsv = xsprintf("%s/corpus/models.tsv", shared);
  FILE *f = fopen(tsv, "r");
  ck_assert_msg(f != NULL, "cannot read %s", tsv);
  char line[8192];
  int distinct = -1;
  while (distinct < 0 && fgets(line, sizeof line, f)) {
    char *fld[12] = {0};
    int n = 0;
    for (char *p = line; n < 12 && p; n++) {
      fld[n] = p;
      p = strchr(p, '\t');
      if (p)
        *p++ = '\0';
    }
    if (n >= 7 && strcmp(fld[2], cfg) == 0 &&
        strcmp(fld[4], "success") == 0 &&
        (!pluscal || (n >= 12 && strcmp(fld[11], "1") == 0)))
      distinct = atoi(fld[6]);
  }
  fclose(f);
  free(tsv);
  ck_assert_msg(distinct > 0, "%s: no successful TLC run recorded%s", cfg,
                pluscal ? " for a PlusCal model" : "");
  return distinct;
}
