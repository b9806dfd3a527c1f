/* stop.h -- ending a run early and cleanly: SIGINT, SIGTERM, --timeout,
 * --max-memory.
 *
 * stop_start() runs once, in the process's first thread, before any other
 * thread exists: it blocks SIGINT and SIGTERM (every thread made later
 * inherits the mask) and starts a watcher thread that waits for either
 * signal or for the deadline.  When one comes, the watcher records why
 * (stop_reason) and from then on calls the registered interrupters every
 * few milliseconds until the process ends: a solver registers one that
 * cancels its running query (Z3_interrupt, which Z3 documents as safe from
 * another thread).  Engines poll stop_requested() at safe points (a solver
 * query, a state expansion) and report what they had established.  A
 * second signal ends the process at once with 128 + the signal's number.
 *
 * Nothing here knows TLA+; without stop_start() (the unit tests)
 * stop_requested() is always false. */
#ifndef BRINK_STOP_H
#define BRINK_STOP_H

#include <stdbool.h>

typedef enum StopReason {
  STOP_NONE,
  STOP_TIMEOUT, /* --timeout SECONDS passed */
  STOP_MEMORY,  /* the resident size passed --max-memory, or an
                 * allocation failed (stop_out_of_memory) */
  STOP_SIGINT,
  STOP_SIGTERM,
} StopReason;

/* timeout_seconds <= 0: no deadline; max_bytes 0: no memory limit (the
 * watcher reads the resident size ten times a second, so a run may pass
 * the limit briefly).  Returns false when the watcher could not be
 * started (then signals keep their default action). */
bool stop_start(double timeout_seconds, unsigned long long max_bytes);
StopReason stop_reason(void);
static inline bool stop_requested(void) { return stop_reason() != STOP_NONE; }
/* The exit code of a run ended early: 255 after a timeout (TLC's "other
 * error"), 153 at the memory limit (TLC's out-of-memory code), 130 after
 * SIGINT and 143 after SIGTERM (128 + the signal, as a shell and the JVM
 * report them). */
int stop_exit_code(StopReason r);
/* "TIMEOUT", "OUT_OF_MEMORY" or "INTERRUPTED" (the JSON status). */
const char *stop_status(StopReason r);
/* What ended the run, in words: "the time limit (--timeout 5)", "the
 * memory limit (--max-memory 512 MiB)", "SIGINT", "SIGTERM". */
const char *stop_cause(StopReason r);

/* Safe points inside one long computation: creating a term, an AIG node,
 * a clause, a Z3 term.  A run that can unwind from there (it owns
 * everything those build and only deletes it after a stop) arms them with
 * stop_arm() once its recovery point (diag.h) is set and disarms them
 * before leaving it; once a stop is requested, stop_poll() on an armed
 * run unwinds to the innermost recovery point with fail_silent, whose
 * handler sees stop_requested() and reports what was established.
 * Disarmed (the default; the explicit engine, the unit tests) it does
 * nothing.  A poll is one atomic load: it may run for every term. */
void stop_arm(bool armed);
void stop_unwind(void);
static inline void stop_poll(void) {
  if (stop_requested())
    stop_unwind();
}

/* An allocation failed (util.c, GMP, operator new, Z3): the reason becomes
 * STOP_MEMORY with stop_cause saying so, the last words (below) say what
 * was established, and the process ends with exit code 153.  bytes: the
 * size asked for, 0 when unknown.  Safe to reach again from the last
 * words themselves (then only a fixed line is written). */
_Noreturn void stop_out_of_memory(unsigned long long bytes);

/* A stop that the run has not taken up within STOP_GRACE_SECONDS (it is
 * inside one long computation with no safe point: a recursive operator
 * evaluated once) ends the process from the watcher thread: it calls the
 * last-words function, which says what was established, and exits with
 * stop_exit_code.  A run takes the stop up with stop_acknowledge() when
 * it starts reporting (report.h does). */
#define STOP_GRACE_SECONDS 5.0
void stop_set_last_words(void (*fn)(void));
void stop_acknowledge(void);
/* Interrupters: fn(arg) is called from the watcher thread, repeatedly,
 * once a stop is requested; stop_remove_interrupter waits for a call in
 * progress to finish, so arg may be freed after it returns. */
int stop_add_interrupter(void (*fn)(void *), void *arg);
void stop_remove_interrupter(int handle);

#endif
