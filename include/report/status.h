/* status.h -- the live status line of a long run, on a terminal only
 * (status.c): never written to a pipe or a file. */
#ifndef BRINK_STATUS_H
#define BRINK_STATUS_H

/* Turns the line off (--quiet). */
void status_disable(void);
/* The engine's state, drawn from the caller's thread at most once a
 * second, after the first two seconds of the run. */
void status_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Erases the line before the caller prints a line of its own. */
void status_clear(void);
/* Around a call that blocks: a thread keeps the line (with the time)
 * drawn until status_idle(), which erases it. */
void status_busy(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void status_idle(void);

#endif
