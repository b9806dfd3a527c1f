/* termbounds.h -- the memo of term_int_bounds, owned by the term table.
 *
 * Terms never change once made, so the interval of an Int term, computed
 * once, holds for the rest of the run; only a variable's bounds, set after
 * some term over it was measured (term_var_set_bounds), can make an entry
 * stale, and the table then empties the memo. */
#ifndef BRINK_TERMBOUNDS_H
#define BRINK_TERMBOUNDS_H

#include "term.h"

typedef struct TermBoundsMemo TermBoundsMemo;

TermBoundsMemo *term_bounds_memo_new(void);
void term_bounds_memo_delete(TermBoundsMemo *m);
/* Forgets every interval that may depend on variable var (ids >= var). */
void term_bounds_memo_forget(TermBoundsMemo *m, TermId var);
/* The table's memo (term.c). */
TermBoundsMemo *term_bounds_memo(const TermMgr *tm);

#endif
