/* native.h -- direct implementations of operators of brink's shipped
 * modules.
 *
 * The community modules (src/modules/) define their operators in TLA+,
 * and those definitions are the reference semantics.  Some of them are
 * recursive or quadratic when evaluated as written (folds, SetToSeq,
 * CausalOrder, Max), some cannot be written in TLA+ at all (reading JSON
 * files, the environment, writing files).  For those the evaluator calls a
 * C function instead of the definition's body -- only for a definition of
 * a module that comes with brink (Module.builtin), never for a module of
 * the same name next to the spec.  Each native computes what the
 * definition computes under brink's evaluation of it (CHOOSE x \in S : TRUE
 * is the least element of S in value order); the unit tests compare the
 * two on small inputs.
 *
 * The interface between the evaluator and the natives: a native sees its
 * call site through an opaque NativeCall and asks the evaluator
 * (src/eval/natcall.c) for argument values and for applications of
 * operator arguments. */
#ifndef BRINK_NATIVE_H
#define BRINK_NATIVE_H

#include "ast.h"
#include "value.h"

typedef struct NativeCall NativeCall;
typedef Value *(*NativeFn)(NativeCall *nc);

/* The native implementation of the definition `name` with `arity`
 * parameters of the shipped module `module`, or NULL. */
NativeFn native_lookup(const char *module, const char *name, int arity);

/* ---- provided by the evaluator (src/eval/natcall.c) ---- */

/* The value of argument i of the call. */
Value *native_arg(NativeCall *nc, int i);
/* Argument i (an operator argument) applied to n values. */
Value *native_apply(NativeCall *nc, int i, Value **vals, int n);
/* The same, where the result must be a Boolean (`what` names it). */
bool native_test(NativeCall *nc, int i, Value **vals, int n, const char *what);
/* An evaluation error located at the call. */
_Noreturn void native_fail(NativeCall *nc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The folder of the root module (relative paths of files a spec reads are
 * tried there after the working directory). */
const char *native_spec_dir(NativeCall *nc);
/* Is the evaluation one whose output brink writes (a POSTCONDITION)?
 * Operators that write files or run commands are allowed only there. */
bool native_may_write(NativeCall *nc);

#endif
