/* t94_tlcfid.c -- fidelity to TLC's output (issue 19): the figures and
 * lines TLC prints, asserted against TLC's recorded output on small specs
 * written here (TLC 2026.04, -workers 1).
 *
 * brink runs as a subprocess (clirun.h) in a scratch directory; each test
 * writes the specs it needs. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clirun.h"
#include "fixture.h"

static void setup(void) { fixture_setup("tlcfid"); }

/* ---------------------------------------------------------------------
 * States generated: TLC counts every state its enumeration of Next
 * produces, so a true disjunction or an \E with several witnesses in a
 * guard gives its state more than once.  It opens every definition of the
 * spec (not only those that assign), reads \A x \in S : P as the
 * conjunction of the P's (each enumerated), and only tests the conjuncts
 * left once every variable has its value. */

static const char *const GEN =
    "---- MODULE Gen ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x, y\n"
    "Two == x < 9 \\/ y < 9\n"
    "Any(S) == \\E s \\in S : s > 0\n"
    "Init == x \\in 0..1 /\\ y = 0\n"
    "AfterAll == x < 3 /\\ x' = x + 1 /\\ y' = y /\\ (x >= 0 \\/ y >= 0)\n"
    "Opened == y < 2 /\\ Two /\\ Any({1, 2}) /\\ y' = y + 1 /\\ x' = x\n"
    "Each == x = 3 /\\ y = 2 /\\ \\A i \\in {1, 2} : (i > 0 \\/ x > 0) /\\ "
    "UNCHANGED <<x, y>>\n"
    "Next == AfterAll \\/ Opened \\/ Each\n"
    "====\n";

START_TEST(test_generated_counts_duplicates) {
  fixture_write("Gen.tla", GEN);
  fixture_write("Gen.cfg", "INIT Init\nNEXT Next\n");
  const char *a[] = {"check", "--engine", "explicit", "Gen.tla", NULL};
  Out r = cli_run(a);
  /* TLC: AfterAll 9, Opened 32, Each 2, and the 2 initial states. */
  EXPECT(r, 0, out, "45 states generated, 12 distinct states found, 0 states "
                    "left on queue.");
  cli_out_free(&r);
}
END_TEST

/* The guards of transaction_commit/2PCwithBTM's BTS action, from every
 * state of a type: canCommit is an \A over a disjunction. */
static const char *const BTM =
    "---- MODULE Btm ----\n"
    "CONSTANT RM\n"
    "VARIABLES rmState, tmState, pc\n"
    "canCommit ==    \\A rmc \\in RM: rmState[rmc] \\in {\"prepared\"}\n"
    "             \\/ \\E rm \\in RM : rmState[rm] \\in {\"committed\"}\n"
    "canAbort ==     \\E rm \\in RM : rmState[rm] \\in {\"aborted\",\"failed\"}\n"
    "            /\\ ~\\E rmc \\in RM : rmState[rmc]= \"committed\"\n"
    "Init == /\\ rmState \\in [RM -> {\"working\", \"prepared\", "
    "\"committed\", \"aborted\", \"failed\"}]\n"
    "        /\\ tmState \\in {\"init\", \"commit\", \"abort\", \"hidden\"}\n"
    "        /\\ pc \\in [{10} -> {\"BTS\"}]\n"
    "BTS == /\\ pc[10] = \"BTS\"\n"
    "       /\\ \\/ /\\ canCommit /\\ tmState=\"hidden\"\n"
    "             /\\ pc' = [pc EXCEPT ![10] = \"BTC\"]\n"
    "          \\/ /\\ canAbort /\\ tmState=\"hidden\"\n"
    "             /\\ pc' = [pc EXCEPT ![10] = \"BTA\"]\n"
    "       /\\ UNCHANGED << rmState, tmState >>\n"
    "Next == BTS \\/ UNCHANGED <<rmState, tmState, pc>>\n"
    "====\n";

START_TEST(test_generated_counts_forall) {
  fixture_write("Btm.tla", BTM);
  fixture_write("Btm.cfg", "CONSTANT RM = {r1, r2, r3}\nINIT Init\nNEXT "
                           "Next\n");
  const char *a[] = {"check", "--engine", "explicit", "Btm.tla", NULL};
  Out r = cli_run(a);
  /* TLC: 500 initial states, BTS 307, the stuttering step 618. */
  EXPECT(r, 0, out, "1425 states generated, 618 distinct states found, 0 "
                    "states left on queue.");
  cli_out_free(&r);
}
END_TEST

/* P => Q in an action: Q is enumerated when P holds (TLC: 5 states
 * generated, 3 distinct). */
START_TEST(test_generated_counts_implies) {
  fixture_write("Imp.tla",
                "---- MODULE Imp ----\n"
                "EXTENDS Naturals\n"
                "VARIABLE x\n"
                "Init == x = 0\n"
                "Next == x < 2 /\\ ((x >= 0) => \\E i \\in {1, 2} : i > 0) "
                "/\\ ((x > 5) => FALSE) /\\ x' = x + 1\n"
                "====\n");
  fixture_write("Imp.cfg", "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n");
  const char *a[] = {"check", "--engine", "explicit", "Imp.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "5 states generated, 3 distinct states found, 0 states "
                    "left on queue.");
  cli_out_free(&r);
}
END_TEST

/* The corpus model the issue names (TLC: 5841). */
START_TEST(test_generated_counts_2pc) {
  const char *shared = fixture_shared();
  if (!shared)
    return;
  char tla[512], cfg[512];
  const char *dir = "corpus/examples/specifications/transaction_commit";
  snprintf(tla, sizeof tla, "%s/%s/2PCwithBTM.tla", shared, dir);
  snprintf(cfg, sizeof cfg, "%s/%s/2PCwithBTM.cfg", shared, dir);
  char *abs_tla = realpath(tla, NULL), *abs_cfg = realpath(cfg, NULL);
  ck_assert_msg(abs_tla && abs_cfg, "cannot find %s", tla);
  const char *a[] = {"check", "--engine", "explicit", "--config", abs_cfg,
                     abs_tla, NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "5841 states generated, 1245 distinct states found, 0 "
                    "states left on queue.");
  cli_out_free(&r);
  free(abs_tla);
  free(abs_cfg);
}
END_TEST

/* ---------------------------------------------------------------------
 * After an error: the state that broke the invariant is not on the queue,
 * the depth reached is printed, and the run's last line is TLC's
 * "Finished in ..." (also after a complete search). */

static const char *const Q =
    "---- MODULE Q ----\n"
    "EXTENDS Naturals, TLC\n"
    "VARIABLE x\n"
    "Init == x \\in 0..2\n"
    "Next == x < 4 /\\ x' = x + 1\n"
    "Inv3 == x # 3\n"
    "AssertIt == x < 4 /\\ Assert(x < 3, \"x got too big\") /\\ x' = x + 1\n"
    "AInv == Assert(x < 3, <<\"inv\", x>>)\n"
    "====\n";

static void write_q(void) {
  fixture_write("Q.tla", Q);
  fixture_write("Q5.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv3\n");
  fixture_write("Q3.cfg", "INIT Init\nNEXT Next\n");
  fixture_write("Q4.cfg", "INIT Init\nNEXT AssertIt\n");
  fixture_write("Q6.cfg", "INIT Init\nNEXT Next\nINVARIANT AInv\n");
}

/* The last line of text, with no newline (static buffer). */
static const char *last_line(const char *text) {
  static char buf[256];
  size_t n = strlen(text);
  while (n > 0 && text[n - 1] == '\n')
    n--;
  size_t b = n;
  while (b > 0 && text[b - 1] != '\n')
    b--;
  snprintf(buf, sizeof buf, "%.*s", (int)(n - b), text + b);
  return buf;
}

/* TLC: "Finished in 00s at (2026-12-07 05:50:54)". */
static void assert_finished_line(const Out *r) {
  const char *l = last_line(r->out);
  int s, y, mo, d, h, mi, se;
  char close = 0;
  ck_assert_msg(sscanf(l, "Finished in %2ds at (%4d-%2d-%2d %2d:%2d:%2d%c", &s,
                       &y, &mo, &d, &h, &mi, &se, &close) == 8 &&
                    close == ')' && strlen(l) == strlen("Finished in 00s at "
                                                        "(2026-12-07 "
                                                        "05:50:54)"),
                "last line `%s`\n%s", l, r->out);
}

START_TEST(test_queue_after_violation) {
  write_q();
  const char *a[] = {"check", "--engine", "explicit", "--config", "Q5.cfg",
                     "Q.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 12, out, "\n6 states generated, 4 distinct states found, 0 "
                     "states left on queue.\nThe depth of the complete state "
                     "graph search is 2.\nFinished in ");
  assert_finished_line(&r);
  cli_out_free(&r);
}
END_TEST

START_TEST(test_depth_after_deadlock) {
  write_q();
  const char *a[] = {"check", "--engine", "explicit", "--config", "Q3.cfg",
                     "Q.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 11, out, "\n7 states generated, 5 distinct states found, 0 "
                     "states left on queue.\nThe depth of the complete state "
                     "graph search is 3.\nFinished in ");
  assert_finished_line(&r);
  cli_out_free(&r);
}
END_TEST

START_TEST(test_finished_line_after_success) {
  fixture_write("Gen.tla", GEN);
  fixture_write("Gen.cfg", "INIT Init\nNEXT Next\n");
  const char *a[] = {"check", "--engine", "explicit", "Gen.tla", NULL};
  Out r = cli_run(a);
  ck_assert_int_eq(r.status, 0);
  assert_finished_line(&r);
  cli_out_free(&r);
}
END_TEST

/* The seed's counter (specs/DistributedCounter): TLC leaves 13 states on
 * the queue. */
START_TEST(test_queue_distributed_counter) {
  char *tla = realpath("specs/DistributedCounter.tla", NULL);
  char *cfg = realpath("specs/DistributedCounter.cfg", NULL);
  ck_assert_msg(tla && cfg, "specs/DistributedCounter.tla is missing");
  const char *a[] = {"check", "--engine", "explicit", "--config", cfg, tla,
                     NULL};
  Out r = cli_run(a);
  EXPECT(r, 12, out, "\n73 states generated, 50 distinct states found, 13 "
                     "states left on queue.\nThe depth of the complete state "
                     "graph search is 9.\n");
  cli_out_free(&r);
  free(tla);
  free(cfg);
}
END_TEST

/* ---------------------------------------------------------------------
 * A false Assert: its message as TLC prints it, from both engines; in an
 * invariant, after the invariant's name. */

static const char *const ENGINES[] = {"explicit", "symbolic"};

START_TEST(test_assert_message_in_action) {
  write_q();
  const char *a[] = {"check", "--engine", ENGINES[_i], "--config", "Q4.cfg",
                     "Q.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 14, out, "Error: The first argument of Assert evaluated to "
                     "FALSE; the second argument was:\n\"x got too big\"\n"
                     "Error: The behavior up to this point is:\n");
  EXPECT(r, 14, out, "State 2: <AssertIt line 7, col 13 to line 7, col 65 "
                     "of module Q>\nx = 3\n");
  cli_out_free(&r);
}
END_TEST

START_TEST(test_assert_message_in_invariant) {
  write_q();
  const char *a[] = {"check", "--engine", ENGINES[_i], "--config", "Q6.cfg",
                     "Q.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 14, out, "Error: Evaluating invariant AInv failed.\nThe first "
                     "argument of Assert evaluated to FALSE; the second "
                     "argument was:\n<<\"inv\", 3>>\nError: The behavior "
                     "up to this point is:\n");
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * The config: a constant it leaves out is reported at its declaration
 * (TLC: "The constant parameter N is not assigned a value by the
 * configuration file."), also when there is no config file; an empty
 * INVARIANTS or PROPERTIES section (its names commented out) is allowed. */

static const char *const MC =
    "---- MODULE MC ----\n"
    "EXTENDS Naturals\n"
    "CONSTANT N, M\n"
    "VARIABLE x\n"
    "Init == x = N\n"
    "Next == x < 3 /\\ x' = x + 1\n"
    "====\n";

START_TEST(test_missing_constant) {
  fixture_write("MC.tla", MC);
  fixture_write("MC.cfg", "CONSTANT M = 1\nINIT Init\nNEXT Next\n");
  const char *a[] = {"check", "MC.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 151, err, "MC.tla:3:10: error: the constant parameter N is not "
                      "assigned a value by the configuration file MC.cfg\n");
  ck_assert_msg(!strstr(r.err, "MC.cfg:1:1"), "%s", r.err);
  cli_out_free(&r);
}
END_TEST

START_TEST(test_missing_constant_no_cfg) {
  fixture_write("MC.tla", MC);
  const char *a[] = {"check", "MC.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 151, err, "MC.tla:3:10: error: the constant parameter N is not "
                      "assigned a value: there is no configuration file "
                      "MC.cfg (or give it with --const N=VALUE)\n");
  EXPECT(r, 151, err, "MC.tla:3:13: error: the constant parameter M is not");
  ck_assert_msg(!strstr(r.err, "MC.cfg:1:1"), "%s", r.err);
  cli_out_free(&r);
}
END_TEST

static const char *const E =
    "---- MODULE E ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x\n"
    "Init == x = 0\n"
    "Next == x < 3 /\\ x' = x + 1\n"
    "Inv == x < 5\n"
    "Spec == Init /\\ [][Next]_x\n"
    "====\n";

START_TEST(test_empty_sections) {
  fixture_write("E.tla", E);
  /* TLC: deadlock after 4 states, with either config. */
  fixture_write("E.cfg", "SPECIFICATION Spec\nINVARIANTS\n  \\* Inv\n"
                         "PROPERTIES\n  \\* Foo\n");
  fixture_write("E2.cfg", "SPECIFICATION Spec\nPROPERTY\nINVARIANT\n");
  const char *cfgs[] = {"E.cfg", "E2.cfg"};
  for (int i = 0; i < 2; i++) {
    const char *a[] = {"check", "--engine", "explicit", "--config", cfgs[i],
                       "E.tla", NULL};
    Out r = cli_run(a);
    EXPECT(r, 11, out, "4 states generated, 4 distinct states found, 0 "
                       "states left on queue.");
    cli_out_free(&r);
  }
}
END_TEST

/* `Nat <-[ZSequences] ZSeqNat`: Nat is 0..3 in module ZSequences only.
 * TLC: 2 initial states, the invariant broken after 1 step, 5 states
 * generated, 4 distinct, 2 left on the queue. */
START_TEST(test_scoped_builtin_override) {
  fixture_write("ZSequences.tla", "---- MODULE ZSequences ----\n"
                                  "EXTENDS Naturals\n"
                                  "ZSeqNat == 0..3\n"
                                  "Small == {n \\in Nat : n < 2}\n"
                                  "====\n");
  fixture_write("ZMain.tla", "---- MODULE ZMain ----\n"
                             "EXTENDS ZSequences\n"
                             "VARIABLE x\n"
                             "Init == x \\in Small\n"
                             "Next == x' \\in {n \\in ZSeqNat : n > x}\n"
                             "Inv == x < 3\n"
                             "====\n");
  fixture_write("ZMain.cfg", "CONSTANT Nat <- [ZSequences]ZSeqNat\n"
                             "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *a[] = {"check", "--engine", "explicit", "ZMain.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 12, out, "Finished computing initial states: 2 distinct states "
                     "generated.\n");
  EXPECT(r, 12, out, "5 states generated, 4 distinct states found, 2 states "
                     "left on queue.");
  cli_out_free(&r);
  const char *b[] = {"check", "ZMain.tla", NULL};
  r = cli_run(b);
  EXPECT(r, 12, out, "brink: invariant Inv is violated after 1 step");
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * ALIAS: each state of a trace is printed as the alias's record, on the
 * step to the next state (the last state is its own next), fields in the
 * order written -- TLC's output on this spec. */

static const char *const AL =
    "---- MODULE Al ----\n"
    "EXTENDS Naturals\n"
    "VARIABLE x, y\n"
    "Init == x = 0 /\\ y = 0\n"
    "Next == x < 3 /\\ x' = x + 1 /\\ y' = y + 2\n"
    "Inv == x < 3\n"
    "Alias == [zz |-> x, b |-> x + y, nx |-> x', y |-> y]\n"
    "====\n";

START_TEST(test_alias_trace) {
  fixture_write("Al.tla", AL);
  fixture_write("Al.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\nALIAS "
                          "Alias\n");
  const char *a[] = {"check", "--engine", ENGINES[_i], "Al.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 12, out, "State 1: <Initial predicate>\n/\\ zz = 0\n/\\ b = "
                     "0\n/\\ nx = 1\n/\\ y = 0\n\nState 2: <Next line 5, "
                     "col 9 to line 5, col 41 of module Al>\n/\\ zz = 1\n"
                     "/\\ b = 3\n/\\ nx = 2\n/\\ y = 2\n\n");
  EXPECT(r, 12, out, "State 4: <Next line 5, col 9 to line 5, col 41 of "
                     "module Al>\n/\\ zz = 3\n/\\ b = 9\n/\\ nx = 3\n/\\ "
                     "y = 6\n\n");
  ck_assert_msg(!strstr(r.err, "ALIAS"), "%s", r.err);
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * Input forms TLC accepts: an operator CONSTANT given a LAMBDA in
 * INSTANCE ... WITH, and a spec without variables (TLC: its assumptions,
 * then 0 states). */

START_TEST(test_instance_with_lambda) {
  fixture_write("Inner.tla", "---- MODULE Inner ----\n"
                             "CONSTANT Op(_, _)\n"
                             "VARIABLE x\n"
                             "Init == x = 0\n"
                             "Next == x' = Op(x, 1)\n"
                             "====\n");
  fixture_write("LM.tla", "---- MODULE LM ----\n"
                          "EXTENDS Naturals\n"
                          "VARIABLE y\n"
                          "I == INSTANCE Inner WITH Op <- LAMBDA a, b : "
                          "(a + b) % 3, x <- y\n"
                          "Init == I!Init\n"
                          "Next == I!Next\n"
                          "Inv == y < 2\n"
                          "====\n");
  fixture_write("LM.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *a[] = {"check", "--engine", ENGINES[_i], "LM.tla", NULL};
  Out r = cli_run(a);
  /* TLC: y = 0, 1, 2; 3 states generated, 3 distinct. */
  EXPECT(r, 12, out, "State 3: <");
  EXPECT(r, 12, out, "\ny = 2\n"); /* one variable: TLC drops the /\\ */
  if (_i == 0)
    EXPECT(r, 12, out, "3 states generated, 3 distinct states found, 0 "
                       "states left on queue.");
  cli_out_free(&r);
}
END_TEST

START_TEST(test_no_variables) {
  fixture_write("NV.tla", "---- MODULE NV ----\n"
                          "EXTENDS Naturals\n"
                          "CONSTANT N\n"
                          "ASSUME N > 2\n"
                          "Init == TRUE\n"
                          "Next == TRUE\n"
                          "Spec == Init /\\ [][Next]_<<>>\n"
                          "====\n");
  fixture_write("NV.cfg", "CONSTANT N = 3\nSPECIFICATION Spec\n");
  const char *a[] = {"check", "--engine", ENGINES[_i], "NV.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "Finished computing initial states: 0 distinct states "
                    "generated.\nModel checking completed. No error has been "
                    "found.\n0 states generated, 0 distinct states found, 0 "
                    "states left on queue.\nThe depth of the complete state "
                    "graph search is 0.\n");
  cli_out_free(&r);
  fixture_write("NV.cfg", "CONSTANT N = 2\nSPECIFICATION Spec\n");
  r = cli_run(a);
  EXPECT(r, 10, out, "Error: Assumption line 4, col 8 to line 4, col 12 of "
                     "module NV is false.");
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * TLA+ 2's positional subexpression names: Op(3)!1, Op(3)!2!1, Op(2)!<<
 * and !>> (the operands of a binary operator), I!Def!: and I!Def!1 (in a
 * definition of an instance).  TLC: every ASSUME holds. */

START_TEST(test_positional_subexpressions) {
  fixture_write("SXI.tla", "---- MODULE SXI ----\n"
                           "EXTENDS Naturals\n"
                           "Def == 1 + 2\n"
                           "====\n");
  fixture_write("SX.tla", "---- MODULE SX ----\n"
                          "EXTENDS Naturals\n"
                          "VARIABLE x\n"
                          "Op(a) == (a + 1) * (a + 2)\n"
                          "Init == x = 1\n"
                          "Next == x' = x + 1\n"
                          "Bound == x < 3\n"
                          "THEOREM Thm == x = 1 => x > 0\n"
                          "I == INSTANCE SXI\n"
                          "ASSUME Op(3)!1 = 4\n"
                          "ASSUME Op(3)!2!1 = 3\n"
                          "ASSUME Op(2)!<< = 3\n"
                          "ASSUME Op(2)!>> = 4\n"
                          "ASSUME I!Def!: = 3\n"
                          "ASSUME I!Def!1 = 1\n"
                          "====\n");
  fixture_write("SX.cfg", "INIT Init\nNEXT Next\nCONSTRAINT Bound\n");
  const char *a[] = {"check", "--engine", "explicit", "SX.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 0, out, "3 states generated, 2 distinct states found, 0 states "
                    "left on queue.");
  cli_out_free(&r);
}
END_TEST

/* ---------------------------------------------------------------------
 * The live status line: on a terminal after two seconds, never in a pipe
 * (so never in any test's captured output). */

START_TEST(test_no_status_line_in_a_pipe) {
  cli_write_specs();
  const char *a[] = {"check", "--engine", ENGINES[_i], "--timeout", "3.5",
                     "--length", "100000", "Long.tla", NULL};
  Out r = cli_run(a);
  ck_assert_msg(!strchr(r.out, '\r') && !strchr(r.err, '\r') &&
                    !strstr(r.err, "\033[K"),
                "status line in a pipe:\n%s\n---\n%s", r.out, r.err);
  cli_out_free(&r);
}
END_TEST

/* brink with stderr on a pseudo-terminal: what it wrote there. */
static char *run_on_terminal(const char *const *args) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  ck_assert_msg(m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0,
                "no pseudo-terminal");
  const char *slave = ptsname(m);
  char *bin = realpath(cli_brink(), NULL);
  ck_assert_msg(bin, "no %s", cli_brink());
  pid_t pid = fork();
  ck_assert_msg(pid >= 0, "fork");
  if (pid == 0) {
    int s = open(slave, O_RDWR);
    int null = open("/dev/null", O_WRONLY);
    if (s < 0 || null < 0 || chdir(fixture_dir) != 0)
      _exit(127);
    dup2(null, 1);
    dup2(s, 2);
    unsetenv("BRINK_NO_STATUS");
    const char *argv[16] = {bin};
    int n = 1;
    for (; args[n - 1] && n < 15; n++)
      argv[n] = args[n - 1];
    argv[n] = NULL;
    execv(bin, (char *const *)argv);
    _exit(127);
  }
  free(bin);
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  for (;;) {
    ssize_t k = read(m, buf + len, cap - 1 - len);
    if (k <= 0)
      break; /* EIO once the child has closed the terminal */
    len += (size_t)k;
    if (len + 1 >= cap)
      break;
  }
  buf[len] = '\0';
  int st;
  waitpid(pid, &st, 0);
  close(m);
  return buf;
}

START_TEST(test_status_line_on_a_terminal) {
  cli_write_specs();
  const char *explicit_args[] = {"check", "--engine", "explicit",
                                 "--timeout", "4", "Long.tla", NULL};
  char *got = run_on_terminal(explicit_args);
  ck_assert_msg(strstr(got, "\rbrink: ") && strstr(got, " distinct states, ") &&
                    strstr(got, "\033[K"),
                "no status line on the terminal:\n%s", got);
  free(got);
  const char *quiet_args[] = {"check", "--engine", "explicit", "--quiet",
                              "--timeout", "3.5", "Long.tla", NULL};
  got = run_on_terminal(quiet_args);
  ck_assert_msg(!strstr(got, "\033[K"), "status line with --quiet:\n%s",
                got);
  free(got);
}
END_TEST

/* TLC's state print-out with one variable ("x = 0", no "/\\ "), and its
 * form for an invariant violated by an initial state: no "State 1" header,
 * no behaviour line, no totals (TLC 2.19's output on these specs). */
START_TEST(test_initial_state_violation) {
  fixture_write("I1.tla", "---- MODULE I1 ----\nEXTENDS Naturals\n"
                          "VARIABLE x\nInit == x = 0\nNext == x' = x + 1\n"
                          "Inv == x < 0\n====\n");
  fixture_write("I1.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  fixture_write("I2.tla", "---- MODULE I2 ----\nEXTENDS Naturals\n"
                          "VARIABLE x, y\nInit == x \\in 0..2 /\\ y = 0\n"
                          "Next == x' = x + 1 /\\ y' = y\n"
                          "Inv == x < 1\n====\n");
  fixture_write("I2.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *a1[] = {"check", "--engine", ENGINES[_i], "I1.tla", NULL};
  Out r = cli_run(a1);
  EXPECT(r, 12, out,
         "Error: Invariant Inv is violated by the initial state:\nx = 0\n\n");
  ck_assert_msg(!strstr(r.out, "The behavior up to this point") &&
                    !strstr(r.out, "State 1:") &&
                    !strstr(r.out, "states generated"),
                "%s", r.out);
  cli_out_free(&r);
  const char *a2[] = {"check", "--engine", ENGINES[_i], "I2.tla", NULL};
  r = cli_run(a2);
  EXPECT(r, 12, out, "Error: Invariant Inv is violated by the initial "
                     "state:\n/\\ x = 1\n/\\ y = 0\n\n");
  cli_out_free(&r);
  /* a state-predicate PROPERTY (exit 13) and a PROPERTY []P (12) */
  fixture_write("PI.tla", "---- MODULE PI ----\nEXTENDS Naturals\n"
                          "VARIABLE x, y\nInit == x \\in 0..2 /\\ y = 0\n"
                          "Next == x' = x /\\ y' = y\nP == x > 0\n"
                          "AP == []P\nSpec == Init /\\ [][Next]_<<x, y>>\n"
                          "====\n");
  fixture_write("PI.cfg", "SPECIFICATION Spec\nPROPERTY P\n");
  fixture_write("PA.cfg", "SPECIFICATION Spec\nPROPERTY AP\n");
  const char *pi[] = {"check", "--engine", ENGINES[_i], "PI.tla", NULL};
  r = cli_run(pi);
  EXPECT(r, 13, out, "Error: Property P is violated by the initial "
                     "state:\n/\\ x = 0\n/\\ y = 0\n\n");
  cli_out_free(&r);
  const char *pa[] = {"check",  "--engine", ENGINES[_i], "--config",
                      "PA.cfg", "PI.tla",   NULL};
  r = cli_run(pa);
  EXPECT(r, 12, out, "Error: Invariant P is violated by the initial "
                     "state:\n/\\ x = 0\n/\\ y = 0\n\n");
  cli_out_free(&r);
  /* one variable, a longer trace */
  fixture_write("I1.tla", "---- MODULE I1 ----\nEXTENDS Naturals\n"
                          "VARIABLE x\nInit == x = 0\nNext == x' = x + 1\n"
                          "Inv == x < 2\n====\n");
  r = cli_run(a1);
  EXPECT(r, 12, out, "State 1: <Initial predicate>\nx = 0\n\nState 2: <Next "
                     "line 5, col 9 to line 5, col 18 of module I1>\nx = 1\n");
  cli_out_free(&r);
}
END_TEST

/* Step headers of actions from other modules, as TLC 2.19 prints them:
 * an EXTENDed module's action is located in that module; an action
 * reached through an INSTANCE is named by the reference as written
 * (I!Next, I!Step; Next for an unnamed INSTANCE) and located at the
 * INSTANCE in the module that holds it. */
START_TEST(test_action_names_across_modules) {
  fixture_write("Inner.tla", "---- MODULE Inner ----\nEXTENDS Naturals\n"
                             "VARIABLE x\nInit == x = 0\n"
                             "Step == x' = x + 1\n"
                             "Reset == x > 5 /\\ x' = 0\n"
                             "Next == Step \\/ Reset\n====\n");
  fixture_write("LM.tla", "---- MODULE LM ----\nEXTENDS Naturals\n"
                          "VARIABLE y\nI == INSTANCE Inner WITH x <- y\n"
                          "Init == I!Init\nNext == I!Next\nInv == y < 2\n"
                          "====\n");
  fixture_write("LM2.tla", "---- MODULE LM2 ----\nEXTENDS Naturals\n"
                           "VARIABLE y\nI == INSTANCE Inner WITH x <- y\n"
                           "Init == I!Init\nNext == I!Step \\/ I!Reset\n"
                           "Inv == y < 2\n====\n");
  fixture_write("LM3.tla", "---- MODULE LM3 ----\nEXTENDS Naturals\n"
                           "VARIABLE x\nINSTANCE Inner\nInv == x < 2\n"
                           "====\n");
  fixture_write("Ext.tla", "---- MODULE Ext ----\nEXTENDS Inner\n"
                           "Inv == x < 2\n====\n");
  static const char *const cases[][2] = {
      {"LM", "State 2: <I!Next line 4, col 1 to line 4, col 31 of module "
             "LM>\n"},
      {"LM2", "State 2: <I!Step line 4, col 1 to line 4, col 31 of module "
              "LM2>\n"},
      {"LM3", "State 2: <Next line 4, col 1 to line 4, col 14 of module "
              "LM3>\n"},
      {"Ext", "State 2: <Step line 5, col 9 to line 5, col 18 of module "
              "Inner>\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *tla = xsprintf("%s.tla", cases[i][0]);
    char *cfg = xsprintf("%s.cfg", cases[i][0]);
    fixture_write(cfg, "INIT Init\nNEXT Next\nINVARIANT Inv\n");
    const char *a[] = {"check", "--engine", ENGINES[_i], tla, NULL};
    Out r = cli_run(a);
    EXPECT(r, 12, out, cases[i][1]);
    cli_out_free(&r);
    free(tla);
    free(cfg);
  }
}
END_TEST

/* An invariant whose evaluation fails: TLC's lines and its exit code 76
 * (FAILURE_SAFETY_EVAL), on both engines; a failure elsewhere stays 75. */
START_TEST(test_invariant_evaluation_fails) {
  fixture_write("Ev.tla", "---- MODULE Ev ----\nEXTENDS Naturals\n"
                          "VARIABLE x\nInit == x = 0\nNext == x' = x + 1\n"
                          "Inv == x < 10 \\div (2 - x)\n====\n");
  fixture_write("Ev.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *a[] = {"check", "--engine", ENGINES[_i], "Ev.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 76, out, "Error: Evaluating invariant Inv failed.\n");
  EXPECT(r, 76, out, "State 3: <Next line 5, col 9 to line 5, col 18 of "
                     "module Ev>\nx = 2\n");
  cli_out_free(&r);
  fixture_write("Ev2.tla", "---- MODULE Ev2 ----\nEXTENDS Naturals\n"
                           "VARIABLE x\nInit == x = 0\n"
                           "Next == x' = x + 1 + 0 * (1 \\div (2 - x))\n"
                           "Inv == x < 10\n====\n");
  fixture_write("Ev2.cfg", "INIT Init\nNEXT Next\nINVARIANT Inv\n");
  const char *b[] = {"check", "--engine", ENGINES[_i], "Ev2.tla", NULL};
  r = cli_run(b);
  ck_assert_msg(r.status == 75, "exit %d\n%s%s", r.status, r.out, r.err);
  cli_out_free(&r);
}
END_TEST

/* Temporal properties whose negation folds to FALSE: TLC refuses them
 * before it searches ("Temporal formula is a tautology", exit 77), unless
 * another temporal property is not one; --safety-only does not check
 * them at all. */
START_TEST(test_tautology_property) {
  fixture_write("Taut.tla", "---- MODULE Taut ----\nVARIABLES x\n"
                            "Init == x = 0\nNext == x' = 1\n"
                            "Spec == Init /\\ [][Next]_x\n"
                            "Prop == <>[]TRUE => TRUE\n"
                            "Real == <>(x = 1)\n====\n");
  fixture_write("Taut.cfg", "SPECIFICATION Spec\nPROPERTY Prop\n");
  fixture_write("Taut2.cfg", "SPECIFICATION Spec\nPROPERTY Prop Real\n");
  const char *a[] = {"check", "--engine", ENGINES[_i], "Taut.tla", NULL};
  Out r = cli_run(a);
  EXPECT(r, 77, out, "Error: Temporal formula is a tautology (its negation "
                     "is unsatisfiable).\n");
  cli_out_free(&r);
  const char *b[] = {"check",     "--engine", ENGINES[_i], "--config",
                     "Taut2.cfg", "Taut.tla", NULL};
  r = cli_run(b);
  EXPECT(r, 13, out, "Error: Temporal property Real was violated.\n");
  cli_out_free(&r);
  const char *c[] = {"check",         "--engine", ENGINES[_i],
                     "--safety-only", "Taut.tla", NULL};
  r = cli_run(c);
  ck_assert_msg(r.status == 0, "exit %d\n%s%s", r.status, r.out, r.err);
  cli_out_free(&r);
  /* a form liveness refuses is reported once, by the engine, not also by
   * the tautology check before it */
  fixture_write("Taut3.cfg", "SPECIFICATION Spec\nPROPERTY Odd\n");
  fixture_write("Taut.tla", "---- MODULE Taut ----\nVARIABLES x\n"
                            "Init == x = 0\nNext == x' = 1\n"
                            "Spec == Init /\\ [][Next]_x\n"
                            "Odd == \\EE y : [](y = x)\n====\n");
  const char *d[] = {"check",     "--engine", ENGINES[_i], "--config",
                     "Taut3.cfg", "Taut.tla", NULL};
  r = cli_run(d);
  int said = 0;
  for (const char *txt = r.out; txt; txt = txt == r.out ? r.err : NULL)
    for (const char *p = strstr(txt, "error: liveness:"); p;
         p = strstr(p + 1, "error: liveness:"))
      said++;
  ck_assert_msg(r.status == 255 && said == 1,
                "exit %d, the refusal said %d times:\n%s%s", r.status, said,
                r.out, r.err);
  cli_out_free(&r);
}
END_TEST

Suite *tlcfid_suite(void) {
  Suite *s = suite_create("tlcfid");
  TCase *tc = tcase_create("tlcfid");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, fixture_teardown);
  tcase_add_test(tc, test_generated_counts_duplicates);
  tcase_add_test(tc, test_generated_counts_forall);
  tcase_add_test(tc, test_generated_counts_implies);
  tcase_add_test(tc, test_generated_counts_2pc);
  tcase_add_test(tc, test_queue_after_violation);
  tcase_add_test(tc, test_depth_after_deadlock);
  tcase_add_test(tc, test_finished_line_after_success);
  tcase_add_test(tc, test_queue_distributed_counter);
  tcase_add_loop_test(tc, test_assert_message_in_action, 0, 2);
  tcase_add_loop_test(tc, test_assert_message_in_invariant, 0, 2);
  tcase_add_test(tc, test_missing_constant);
  tcase_add_test(tc, test_missing_constant_no_cfg);
  tcase_add_test(tc, test_empty_sections);
  tcase_add_test(tc, test_scoped_builtin_override);
  tcase_add_loop_test(tc, test_alias_trace, 0, 2);
  tcase_add_loop_test(tc, test_instance_with_lambda, 0, 2);
  tcase_add_loop_test(tc, test_no_variables, 0, 2);
  tcase_add_test(tc, test_positional_subexpressions);
  tcase_add_loop_test(tc, test_initial_state_violation, 0, 2);
  tcase_add_loop_test(tc, test_action_names_across_modules, 0, 2);
  tcase_add_loop_test(tc, test_invariant_evaluation_fails, 0, 2);
  tcase_add_loop_test(tc, test_tautology_property, 0, 2);
  tcase_add_loop_test(tc, test_no_status_line_in_a_pipe, 0, 2);
  tcase_add_test(tc, test_status_line_on_a_terminal);
  suite_add_tcase(s, tc);
  return s;
}
