/* registers.h -- does a spec read TLC's registers (TLCGet(i))?
 *
 * The symbolic engine evaluates TLCSet(i, v) as TRUE, ignoring the write,
 * only when no register is read where it checks or explores (Init, Next,
 * invariants, properties, constraints, POSTCONDITION, and everything they
 * call); registers_first_read returns such a read (a TLCGet whose key is
 * not a constant string), or NULL when there is none. */
#ifndef BRINK_REGISTERS_H
#define BRINK_REGISTERS_H

#include "spec.h"

const Expr *registers_first_read(const Spec *spec);

#endif
