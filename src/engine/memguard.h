/* memguard.h -- the explicit engine's memory guard (memguard.c): it ends
 * the search cleanly (fail_silent(EXIT_SYSTEM), caught at the search's
 * recovery point) before the process runs out of memory. */
#ifndef BRINK_MEMGUARD_H
#define BRINK_MEMGUARD_H

#include <stddef.h>

/* Arms the guard; budget (bytes, 0 = none) is --memory-budget. */
void memguard_start(unsigned long long budget);
/* Disarms it (the search is over, or is being reported). */
void memguard_stop(void);
/* Unwinds when memory is nearly exhausted, or would be after `extra`
 * more bytes; without extra it is rate-limited, so the value store can
 * call it on every growth. */
void memguard_check_for(size_t extra);
void memguard_check(void);
/* What the check that fired found ("" when none did). */
const char *memguard_why(void);

#endif
