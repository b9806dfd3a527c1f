/* status.c -- the live status line of a long run on a terminal.
 *
 * When stderr is a terminal, a run that lasts more than a couple of
 * seconds shows one line at the bottom, rewritten in place ("\r", the
 * text, then erase-to-end-of-line) at most once a second: what the engine
 * is doing, its counts and the time so far.  In a pipe or a file nothing
 * is ever written, so logs and the tests' captured output never contain
 * it; BRINK_NO_STATUS=1 or --quiet turn it off on a terminal too.
 *
 * Two ways to feed it.  status_set() is called often from a loop that
 * makes progress (the explicit search) and draws from that thread, rate
 * limited.  status_busy()/status_idle() bracket a call that blocks (a
 * solver query): a background thread redraws the line with the elapsed
 * time while it lasts, and status_idle() erases it before the caller
 * prints anything.  Whoever prints a line of their own first calls
 * status_clear(), so the status line never splits other output. */
#include "status.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

enum { STATUS_AFTER = 2 /* seconds before the first draw */ };

static struct {
  bool decided, on;
  double t0, last;
  bool drawn;
  char text[200];
  /* status_busy: the thread draws while busy is set. */
  pthread_mutex_t mu;
  pthread_cond_t cv;
  pthread_t thread;
  bool thread_up, busy;
} S = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static bool enabled(void) {
  if (!S.decided) {
    S.decided = true;
    const char *off = getenv("BRINK_NO_STATUS");
    S.on = isatty(STDERR_FILENO) && !(off && *off && strcmp(off, "0"));
    S.t0 = util_now();
  }
  return S.on;
}

void status_disable(void) {
  S.decided = true;
  S.on = false;
}

/* Draws the text with the time so far; the caller holds S.mu or is the
 * only thread that draws. */
static void draw(double now) {
  fprintf(stderr, "\rbrink: %s (%.0f s)\033[K", S.text, now - S.t0);
  fflush(stderr);
  S.drawn = true;
  S.last = now;
}

static void erase(void) {
  if (S.drawn) {
    fputs("\r\033[K", stderr);
    fflush(stderr);
    S.drawn = false;
  }
}

void status_set(const char *fmt, ...) {
  if (!enabled())
    return;
  double now = util_now();
  if (now - S.t0 < STATUS_AFTER || now - S.last < 1.0)
    return;
  pthread_mutex_lock(&S.mu);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(S.text, sizeof S.text, fmt, ap);
  va_end(ap);
  draw(now);
  pthread_mutex_unlock(&S.mu);
}

void status_clear(void) {
  if (!S.on)
    return;
  pthread_mutex_lock(&S.mu);
  erase();
  pthread_mutex_unlock(&S.mu);
}

static void *redraw(void *arg) {
  (void)arg;
  pthread_mutex_lock(&S.mu);
  for (;;) {
    while (!S.busy)
      pthread_cond_wait(&S.cv, &S.mu);
    double now = util_now();
    if (now - S.t0 >= STATUS_AFTER && now - S.last >= 1.0)
      draw(now);
    pthread_mutex_unlock(&S.mu);
    usleep(200 * 1000);
    pthread_mutex_lock(&S.mu);
  }
  return NULL;
}

void status_busy(const char *fmt, ...) {
  if (!enabled())
    return;
  pthread_mutex_lock(&S.mu);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(S.text, sizeof S.text, fmt, ap);
  va_end(ap);
  if (!S.thread_up) {
    S.thread_up = pthread_create(&S.thread, NULL, redraw, NULL) == 0;
    if (S.thread_up)
      pthread_detach(S.thread);
  }
  S.busy = true;
  pthread_cond_signal(&S.cv);
  pthread_mutex_unlock(&S.mu);
}

void status_idle(void) {
  if (!S.on)
    return;
  pthread_mutex_lock(&S.mu);
  S.busy = false;
  erase();
  pthread_mutex_unlock(&S.mu);
}
