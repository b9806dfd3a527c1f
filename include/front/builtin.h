/* builtin.h -- the operators brink knows without a definition.
 *
 * One X-macro list: the operator's canonical spelling (ast_canonical_op),
 * its arity (-1: any number of arguments, as for the n-ary "/\"), and the
 * standard module that provides it (MOD_CORE: part of TLA+ itself).  The
 * resolver finds a built-in by name among the modules a spec extends;
 * the evaluator and the encoder switch on the id. */
#ifndef BRINK_BUILTIN_H
#define BRINK_BUILTIN_H

#include "util.h"

#define STD_MODULES(X)                                                         \
  X(CORE, "")                                                                  \
  X(NATURALS, "Naturals")                                                      \
  X(INTEGERS, "Integers")                                                      \
  X(SEQUENCES, "Sequences")                                                    \
  X(FINITESETS, "FiniteSets")                                                  \
  X(TLC, "TLC")                                                                \
  X(REALS, "Reals")

typedef enum StdModule {
#define X(id, name) MOD_##id,
  STD_MODULES(X)
#undef X
      MOD__COUNT
} StdModule;

/*  X(id, spelling, arity, module) */
#define BUILTINS(X)                                                            \
  X(EQ, "=", 2, CORE)                                                          \
  X(NEQ, "/=", 2, CORE)                                                        \
  X(AND, "/\\", -1, CORE)                                                      \
  X(OR, "\\/", -1, CORE)                                                       \
  X(NOT, "~", 1, CORE)                                                         \
  X(IMPLIES, "=>", 2, CORE)                                                    \
  X(EQUIV, "<=>", 2, CORE)                                                     \
  X(IN, "\\in", 2, CORE)                                                       \
  X(NOTIN, "\\notin", 2, CORE)                                                 \
  X(CUP, "\\cup", 2, CORE)                                                     \
  X(CAP, "\\cap", 2, CORE)                                                     \
  X(SETMINUS, "\\", 2, CORE)                                                   \
  X(SUBSETEQ, "\\subseteq", 2, CORE)                                           \
  X(SUBSET, "SUBSET", 1, CORE)                                                 \
  X(UNION, "UNION", 1, CORE)                                                   \
  X(DOMAIN, "DOMAIN", 1, CORE)                                                 \
  X(PRIME, "'", 1, CORE)                                                       \
  X(UNCHANGED, "UNCHANGED", 1, CORE)                                           \
  X(ENABLED, "ENABLED", 1, CORE)                                               \
  X(BOX, "[]", 1, CORE)                                                        \
  X(DIAMOND, "<>", 1, CORE)                                                    \
  X(LEADSTO, "~>", 2, CORE)                                                    \
  X(BOOLEAN, "BOOLEAN", 0, CORE)                                               \
  X(STRING, "STRING", 0, CORE)                                                 \
  X(TIMES, "\\X", -1, CORE)                                                    \
  X(NAT, "Nat", 0, NATURALS)                                                   \
  X(PLUS, "+", 2, NATURALS)                                                    \
  X(MINUS, "-", 2, NATURALS)                                                   \
  X(MUL, "*", 2, NATURALS)                                                     \
  X(POW, "^", 2, NATURALS)                                                     \
  X(LT, "<", 2, NATURALS)                                                      \
  X(GT, ">", 2, NATURALS)                                                      \
  X(LE, "<=", 2, NATURALS)                                                     \
  X(GE, ">=", 2, NATURALS)                                                     \
  X(DIV, "\\div", 2, NATURALS)                                                 \
  X(MOD, "%", 2, NATURALS)                                                     \
  X(RANGE, "..", 2, NATURALS)                                                  \
  X(INT, "Int", 0, INTEGERS)                                                   \
  X(NEG, "-.", 1, INTEGERS)                                                    \
  X(SEQ, "Seq", 1, SEQUENCES)                                                  \
  X(LEN, "Len", 1, SEQUENCES)                                                  \
  X(CONCAT, "\\circ", 2, SEQUENCES)                                            \
  X(APPEND, "Append", 2, SEQUENCES)                                            \
  X(HEAD, "Head", 1, SEQUENCES)                                                \
  X(TAIL, "Tail", 1, SEQUENCES)                                                \
  X(SUBSEQ, "SubSeq", 3, SEQUENCES)                                            \
  X(SELECTSEQ, "SelectSeq", 2, SEQUENCES)                                      \
  X(ISFINITESET, "IsFiniteSet", 1, FINITESETS)                                 \
  X(CARDINALITY, "Cardinality", 1, FINITESETS)                                 \
  X(SINGLETON_FN, ":>", 2, TLC)                                                \
  X(MERGE_FN, "@@", 2, TLC)                                                    \
  X(PRINT, "Print", 2, TLC)                                                    \
  X(PRINTT, "PrintT", 1, TLC)                                                  \
  X(ASSERT, "Assert", 2, TLC)                                                  \
  X(TOSTRING, "ToString", 1, TLC)                                              \
  X(PERMUTATIONS, "Permutations", 1, TLC)                                      \
  X(SORTSEQ, "SortSeq", 2, TLC)                                                \
  X(TLCGET, "TLCGet", 1, TLC)                                                  \
  X(TLCSET, "TLCSet", 2, TLC)                                                  \
  X(TLCEVAL, "TLCEval", 1, TLC)                                                \
  X(RANDOMELEMENT, "RandomElement", 1, TLC)                                    \
  X(ANY, "Any", 0, TLC)                                                        \
  X(JAVATIME, "JavaTime", 0, TLC)                                              \
  X(REAL, "Real", 0, REALS)                                                    \
  X(INFINITY, "Infinity", 0, REALS)                                            \
  X(RDIV, "/", 2, REALS)

typedef enum BuiltinId {
#define X(id, sp, ar, mod) B_##id,
  BUILTINS(X)
#undef X
      B__COUNT
} BuiltinId;

typedef struct BuiltinInfo {
  const char *spelling;
  int arity;
  StdModule module;
} BuiltinInfo;

extern const BuiltinInfo builtin_info[B__COUNT];
extern const char *const std_module_names[MOD__COUNT];

/* The standard module called `name`, or -1. */
int std_module_lookup(const char *name);
/* Modules a standard module extends and re-exports (Integers extends
 * Naturals): writes them into out (up to 4). */
int std_module_extends(StdModule m, StdModule out[4]);
/* The arity of the operator that built-in b expects as its i-th argument
 * (SelectSeq(s, Test(_)): 1 for i = 1), or 0 for an ordinary argument. */
int builtin_op_param(int b, int i);
/* The built-in called `name` that `module` provides, or -1. */
int builtin_lookup(Sym name, StdModule module);

#endif
