/* stop.c -- the watcher thread behind stop.h.
 *
 * Signals are taken synchronously (sigtimedwait in the watcher) rather than
 * by a handler, so that what happens on a stop -- taking a mutex, calling
 * into Z3 -- runs on an ordinary thread and not in signal context.  The
 * reason is one atomic int that the engines read without a lock.  A run
 * that does not take a stop up within the grace period is ended from
 * here, after its last words (stop.h). */
#include "stop.h"
#include "diag.h"
#include "util.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

enum { MAX_INTERRUPTERS = 8 };

/* A signal this soon after the one that stopped the run is taken as the
 * same request, not as a second one that ends the process at once. */
#define DUPLICATE_SIGNAL_SECONDS 0.5

static atomic_int reason = STOP_NONE;
static atomic_bool acknowledged;
static void (*last_words)(void);
static double timeout_given;
static unsigned long long memory_limit;
static bool armed;            /* stop_poll may unwind (the run's thread) */
static atomic_int oom_entered; /* stop_out_of_memory has been reached */
static unsigned long long oom_bytes;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
  void (*fn)(void *);
  void *arg;
} interrupters[MAX_INTERRUPTERS];

StopReason stop_reason(void) { return (StopReason)atomic_load(&reason); }

int stop_exit_code(StopReason r) {
  return r == STOP_SIGINT    ? 128 + SIGINT
         : r == STOP_SIGTERM ? 128 + SIGTERM
         : r == STOP_MEMORY  ? 153
                             : 255;
}

const char *stop_status(StopReason r) {
  return r == STOP_TIMEOUT  ? "TIMEOUT"
         : r == STOP_MEMORY ? "OUT_OF_MEMORY"
                            : "INTERRUPTED";
}

/* What an allocation failure ran into, in words. */
static void oom_cause(char *buf, size_t n) {
  char asked[64] = "an allocation";
  if (oom_bytes >= 1 << 20)
    snprintf(asked, sizeof asked, "an allocation of %llu MiB",
             oom_bytes >> 20);
  else if (oom_bytes)
    snprintf(asked, sizeof asked, "an allocation of %llu bytes", oom_bytes);
  struct rlimit rl;
  char limit[96] = "";
  if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    snprintf(limit, sizeof limit, "; the address space is limited to %llu "
             "MiB (ulimit -v)",
             (unsigned long long)rl.rlim_cur >> 20);
  snprintf(buf, n, "running out of memory (%s failed%s)", asked, limit);
}

const char *stop_cause(StopReason r) {
  static char buf[192];
  if (r == STOP_SIGINT)
    return "SIGINT";
  if (r == STOP_SIGTERM)
    return "SIGTERM";
  if (r == STOP_MEMORY && atomic_load(&oom_entered))
    oom_cause(buf, sizeof buf);
  else if (r == STOP_MEMORY)
    snprintf(buf, sizeof buf, "the memory limit (--max-memory %llu MiB)",
             memory_limit >> 20);
  else
    snprintf(buf, sizeof buf, "the time limit (--timeout %g)", timeout_given);
  return buf;
}

void stop_set_last_words(void (*fn)(void)) { last_words = fn; }

void stop_acknowledge(void) { atomic_store(&acknowledged, true); }

/* The grace period has passed without the run taking the stop up. */
static _Noreturn void end_now(void) {
  if (last_words)
    last_words();
  else {
    static const char msg[] = "brink: stopped at once: the run did not "
                              "reach a point where it could stop\n";
    if (write(2, msg, sizeof msg - 1) < 0) {
    }
  }
  _exit(stop_exit_code(stop_reason()));
}

void stop_arm(bool on) { armed = on; }

void stop_unwind(void) {
  if (!armed || !stop_requested())
    return;
  armed = false; /* the handler reports; nothing there unwinds again */
  fail_silent(stop_exit_code(stop_reason()));
}

_Noreturn void stop_out_of_memory(unsigned long long bytes) {
  if (atomic_fetch_add(&oom_entered, 1) > 0) {
    /* again, from the last words: no more allocating */
    static const char msg[] = "brink: OUT_OF_MEMORY: out of memory again "
                              "while reporting; stopped at once\n";
    if (write(2, msg, sizeof msg - 1) < 0) {
    }
    _exit(153);
  }
  oom_bytes = bytes;
  atomic_store(&reason, STOP_MEMORY);
  atomic_store(&acknowledged, true); /* the watcher must not end it too */
  char cause[192];
  oom_cause(cause, sizeof cause);
  fprintf(stderr, "brink: %s\n", cause);
  if (last_words)
    last_words();
  fflush(stdout);
  _exit(stop_exit_code(STOP_MEMORY));
}

int stop_add_interrupter(void (*fn)(void *), void *arg) {
  pthread_mutex_lock(&lock);
  int h = -1;
  for (int i = 0; i < MAX_INTERRUPTERS && h < 0; i++)
    if (!interrupters[i].fn) {
      interrupters[i].fn = fn;
      interrupters[i].arg = arg;
      h = i;
    }
  pthread_mutex_unlock(&lock);
  return h;
}

void stop_remove_interrupter(int h) {
  if (h < 0 || h >= MAX_INTERRUPTERS)
    return;
  pthread_mutex_lock(&lock);
  interrupters[h].fn = NULL;
  interrupters[h].arg = NULL;
  pthread_mutex_unlock(&lock);
}

static void interrupt_all(void) {
  pthread_mutex_lock(&lock);
  for (int i = 0; i < MAX_INTERRUPTERS; i++)
    if (interrupters[i].fn)
      interrupters[i].fn(interrupters[i].arg);
  pthread_mutex_unlock(&lock);
}

/* The process's resident size in bytes (0 when unknown). */
static unsigned long long resident(void) {
  unsigned long long vsize = 0, rss = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (f) {
    if (fscanf(f, "%llu %llu", &vsize, &rss) != 2)
      rss = 0;
    fclose(f);
  }
  return rss * (unsigned long long)sysconf(_SC_PAGESIZE);
}

static void *watch(void *arg) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  double deadline = timeout_given > 0 ? util_now() + timeout_given : 0;
  double stopped_at = 0;
  double signalled_at = -1e9; /* when the signal that stopped the run came */
  for (;;) {
    /* Before a stop: wait for a signal or the deadline.  After: keep
     * interrupting (a query may start just after one was cancelled) and
     * end the process on a second signal. */
    bool stopping = stop_requested();
    double wait = stopping ? 0.02 : deadline ? deadline - util_now() : 3600;
    if (wait < 0)
      wait = 0;
    if (!stopping && memory_limit && wait > 0.1)
      wait = 0.1;
    struct timespec ts = {(time_t)wait,
                          (long)((wait - (double)(time_t)wait) * 1e9)};
    int sig = sigtimedwait(&set, NULL, &ts);
    if ((sig == SIGINT || sig == SIGTERM) && stopping &&
        util_now() - signalled_at < DUPLICATE_SIGNAL_SECONDS) {
      /* The same request again: GNU timeout signals the child and then
       * its whole process group, so the child gets the signal twice. */
    } else if (sig == SIGINT || sig == SIGTERM) {
      if (stopping) {
        static const char msg[] = "brink: stopped at once (second signal)\n";
        if (write(2, msg, sizeof msg - 1) < 0) {
        }
        _exit(128 + sig);
      }
      atomic_store(&reason, sig == SIGINT ? STOP_SIGINT : STOP_SIGTERM);
      signalled_at = util_now();
    } else if (!stopping && deadline && util_now() >= deadline) {
      atomic_store(&reason, STOP_TIMEOUT);
    } else if (!stopping && memory_limit && resident() > memory_limit) {
      atomic_store(&reason, STOP_MEMORY);
    }
    if (stop_requested()) {
      if (!stopped_at)
        stopped_at = util_now();
      else if (!atomic_load(&acknowledged) &&
               util_now() - stopped_at > STOP_GRACE_SECONDS)
        end_now();
      interrupt_all();
    }
  }
  return NULL;
}

bool stop_start(double timeout_seconds, unsigned long long max_bytes) {
  timeout_given = timeout_seconds;
  memory_limit = max_bytes;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0)
    return false;
  pthread_t t;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  int err = pthread_create(&t, &attr, watch, NULL);
  pthread_attr_destroy(&attr);
  if (err) {
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    return false;
  }
  return true;
}
