/* pcal_text.c -- the text the translation is built from.
 *
 * Items are strings whose later lines are indented relative to the
 * item's first column; pg_cat places one after a one-line prefix and
 * pg_junction makes a bulleted list of them.  Two layout rules need the
 * absolute column and are applied to the finished text: an assertion's
 * message moves to its own line when the line would pass column 78
 * (marked \x01, its column \x02), and an UNCHANGED list (marked \x03)
 * wraps as the translator wraps it. */
#include <string.h>

#include "pcal_gen.h"


void sb_add(SB *b, const char *s) {
  size_t n = strlen(s);
  VEC_RESERVE(*b, b->len + n + 1);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}
void sb_addn(SB *b, const char *s, size_t n) {
  VEC_RESERVE(*b, b->len + n + 1);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}
void sb_spaces(SB *b, int n) {
  for (int i = 0; i < n; i++)
    sb_add(b, " ");
}
char *pg_take(SB *b) {
  if (!b->data)
    return xstrdup("");
  return b->data;
}

/* item placed after `prefix` (one line): later lines shifted. */
char *pg_cat(const char *prefix, const char *item) {
  SB b = {0};
  sb_add(&b, prefix);
  const char *nl = strrchr(prefix, '\n');
  int w = 0; /* the prefix's last line, without the layout markers */
  for (const char *q = nl ? nl + 1 : prefix; *q; q++)
    w += *q != '\x01' && *q != '\x02' && *q != '\x03';
  for (const char *p = item; *p; p++) {
    sb_addn(&b, p, 1);
    if (*p == '\n')
      sb_spaces(&b, w);
  }
  return pg_take(&b);
}

/* `/\ i1 \n/\ i2 ...`; one item stays bare when `bare1`. */
char *pg_junction(const Items *it, const char *op, bool bare1) {
  if (it->len == 1 && bare1)
    return xstrdup(it->data[0]);
  SB b = {0};
  for (size_t i = 0; i < it->len; i++) {
    if (i)
      sb_add(&b, "\n");
    char *pre = xsprintf("%s ", op);
    char *x = pg_cat(pre, it->data[i]);
    sb_add(&b, x);
    free(x);
    free(pre);
  }
  return pg_take(&b);
}

/* An assertion's message goes on a line of its own, under the asserted
 * expression, when the line would reach column 78 (the translator's
 * rule); the markers of gen_leaf go. */
char *pg_wrap_asserts(const char *t) {
  SB b = {0};
  int col2 = 0; /* the last \x02's column: an assertion on several lines */
  while (*t) {
    const char *nl = strchr(t, '\n');
    size_t n = nl ? (size_t)(nl - t + 1) : strlen(t);
    const char *m1 = memchr(t, '\x01', n), *m2 = memchr(t, '\x02', n);
    if (m2)
      col2 = (int)(m2 - t);
    if (!m1) {
      for (size_t i = 0; i < n; i++)
        if (t[i] != '\x02')
          sb_addn(&b, t + i, 1);
      t += n;
      continue;
    }
    size_t len = n - (nl ? 1 : 0) - 1 - (m2 ? 1 : 0);
    if (len < 78) {
      for (size_t i = 0; i < n; i++)
        if (t[i] != '\x01' && t[i] != '\x02')
          sb_addn(&b, t + i, 1);
    } else {
      int here = m2 && m2 < m1 ? (int)(m2 - t) : m2 ? 0 : col2;
      for (const char *q = t; q < m1; q++)
        if (*q != '\x02')
          sb_addn(&b, q, 1);
      sb_add(&b, " \n");
      sb_spaces(&b, here);
      const char *rest = m1 + 2; /* the marker and its blank */
      sb_addn(&b, rest, (size_t)(t + n - rest));
    }
    t += n;
  }
  return pg_take(&b);
}

/* An UNCHANGED list (marked \x03) is wrapped as the translator wraps it:
 * names fill lines to column 78 - 13, later lines under the first name. */
char *pg_wrap_unchanged(const char *t) {
  SB b = {0};
  while (*t) {
    const char *nl = strchr(t, '\n');
    size_t n = nl ? (size_t)(nl - t + 1) : strlen(t);
    const char *m = memchr(t, '\x03', n);
    if (!m) {
      sb_addn(&b, t, n);
      t += n;
      continue;
    }
    int here = (int)(m - t), ch = 65 - (here - 13);
    const char *end = strstr(m, " >>");
    if (!end || end > t + n) { /* no list after all: the line as it is */
      for (size_t i = 0; i < n; i++)
        if (t[i] != '\x03')
          sb_addn(&b, t + i, 1);
      t += n;
      continue;
    }
    sb_addn(&b, t, (size_t)(m - t));
    SB cur = {0};
    bool have = false;
    for (const char *q = m + 1; q < end;) {
      const char *c = strstr(q, ", ");
      if (!c || c > end)
        c = end;
      if (have)
        sb_add(&cur, ", ");
      have = true;
      if ((int)(cur.len + (size_t)(c - q)) > ch) {
        if (cur.len) {
          sb_add(&b, cur.data);
          sb_add(&b, "\n");
          sb_spaces(&b, here);
        }
        cur.len = 0;
      }
      sb_addn(&cur, q, (size_t)(c - q));
      q = c < end ? c + 2 : end;
    }
    if (cur.len)
      sb_add(&b, cur.data);
    free(cur.data);
    sb_addn(&b, end, (size_t)(t + n - end));
    t += n;
  }
  return pg_take(&b);
}
