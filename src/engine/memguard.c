/* memguard.c -- the explicit engine's guard against running out of memory
 * (memguard.h).
 *
 * brink stops the search cleanly, with what it has established, before
 * the system runs out of memory (where Linux would kill the process):
 * when its resident size passes --memory-budget (if given), when the
 * system's available memory falls under max(256 MiB, 3% of RAM) while
 * brink holds a quarter of the RAM or more, when a cgroup memory limit is
 * 95% used, or when the address space nears RLIMIT_AS.  The check runs
 * every few thousand new states and whenever the value store grows
 * (val_set_memory_hook). */
#include "memguard.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "diag.h"
#include "stop.h"
#include "util.h"

static struct {
  size_t budget;   /* --memory-budget in bytes, 0 = none */
  size_t as_limit; /* RLIMIT_AS, 0 = none */
  double last;     /* when the last check ran */
  char why[256];   /* what the failed check found */
  bool active;
} mem;

static size_t read_ull_file(const char *path, bool *ok) {
  FILE *f = fopen(path, "r");
  unsigned long long x = 0;
  *ok = f && fscanf(f, "%llu", &x) == 1;
  if (f)
    fclose(f);
  return (size_t)x;
}

/* MemTotal and MemAvailable (bytes) from /proc/meminfo. */
static bool meminfo(size_t *total, size_t *avail) {
  FILE *f = fopen("/proc/meminfo", "r");
  if (!f)
    return false;
  char line[256];
  int found = 0;
  while (fgets(line, sizeof line, f) && found < 2) {
    unsigned long long kb;
    if (sscanf(line, "MemTotal: %llu kB", &kb) == 1)
      *total = (size_t)kb * 1024, found++;
    else if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1)
      *avail = (size_t)kb * 1024, found++;
  }
  fclose(f);
  return found == 2;
}

void memguard_start(unsigned long long budget) {
  memset(&mem, 0, sizeof mem);
  mem.budget = (size_t)budget; /* --memory-budget */
  struct rlimit rl;
  if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    mem.as_limit = (size_t)rl.rlim_cur;
  mem.active = true;
}

/* true when memory is nearly exhausted, or would be after taking `extra`
 * more bytes (mem.why says how). */
static bool mem_exhausted(size_t extra) {
  long page = sysconf(_SC_PAGESIZE);
  unsigned long long vsize = 0, rss = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (f) {
    if (fscanf(f, "%llu %llu", &vsize, &rss) != 2)
      vsize = rss = 0;
    fclose(f);
  }
  vsize = vsize * (unsigned long long)page + extra;
  rss *= (unsigned long long)page;
  char more[64] = "";
  if (extra)
    snprintf(more, sizeof more, " and %zu MiB more needed", extra >> 20);
  if (mem.budget && rss + extra > mem.budget) {
    snprintf(mem.why, sizeof mem.why, "%llu MiB in use%s, over "
             "--memory-budget %zu MiB", rss >> 20, more, mem.budget >> 20);
    return true;
  }
  if (mem.as_limit && vsize > mem.as_limit / 10 * 9) {
    snprintf(mem.why, sizeof mem.why,
             "%llu MiB of address space in use or about to be, past 90%% "
             "of the limit of %zu MiB (ulimit -v)",
             vsize >> 20, mem.as_limit >> 20);
    return true;
  }
  bool ok1, ok2;
  size_t max = read_ull_file("/sys/fs/cgroup/memory.max", &ok1);
  size_t cur = read_ull_file("/sys/fs/cgroup/memory.current", &ok2);
  if (ok1 && ok2 && max > 0 && cur + extra > max / 20 * 19) {
    snprintf(mem.why, sizeof mem.why,
             "the memory limit of this process group (%zu MiB) is 95%% used",
             max >> 20);
    return true;
  }
  size_t total = 0, avail = 0;
  if (meminfo(&total, &avail)) {
    size_t floor = total / 100 * 3;
    if (floor < ((size_t)256 << 20))
      floor = (size_t)256 << 20;
    /* Only when brink holds a good part of the memory: a small run does
     * not stop because other processes fill the machine (the kernel would
     * not pick it to kill). */
    if (avail < floor + extra && (rss + extra) * 4 >= total) {
      snprintf(mem.why, sizeof mem.why,
               "only %zu MiB of the system's %zu MiB are still available "
               "(brink uses %llu MiB)",
               avail >> 20, total >> 20, rss >> 20);
      return true;
    }
  }
  return false;
}

/* Unwinds to the search's recovery point when memory is nearly gone;
 * rate-limited, so it can run on every growth of the value store. */
void memguard_check_for(size_t extra) {
  if (!mem.active)
    return;
  if (stop_requested()) { /* a safe point inside one long computation */
    mem.active = false;
    fail_silent(EXIT_OTHER);
  }
  double t = util_now();
  if (!extra && t - mem.last < 0.05)
    return;
  mem.last = t;
  if (mem_exhausted(extra)) {
    mem.active = false;
    fail_silent(EXIT_SYSTEM);
  }
}

void memguard_check(void) { memguard_check_for(0); }

void memguard_stop(void) { mem.active = false; }

const char *memguard_why(void) { return mem.why; }
