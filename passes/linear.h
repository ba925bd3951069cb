/*===- linear.h - index values as linear forms --------------------------===*
 *
 * Affine index arithmetic seen as sums of coefficient * atom + constant,
 * for passes that reason about how a value changes with a loop variable.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_PASSES_LINEAR_H
#define USL_PASSES_LINEAR_H

#include "mlir-c/AffineExpr.h"
#include "mlir-c/AffineMap.h"
#include "mlir-c/IR.h"

#include <stdbool.h>
#include <stdint.h>

/* How an affine expression depends on one of its inputs. */
typedef struct UslLinearIn {
  bool linear;   /* it is c * input + terms without the input */
  bool involves; /* the input occurs in it */
  int64_t c;
} UslLinearIn;

/* How `e` depends on dimension `pos` (or symbol `pos` when `symbol`). */
UslLinearIn uslAffineLinearIn(MlirAffineExpr e, bool symbol, intptr_t pos);

enum { USL_LINEAR_MAX_ATOMS = 16 };

/* sum(coef[k] * atoms[k]) + constant. */
typedef struct UslLinear {
  int n;
  MlirValue atoms[USL_LINEAR_MAX_ATOMS];
  int64_t coef[USL_LINEAR_MAX_ATOMS];
  int64_t constant;
} UslLinear;

/* `v` as a linear form whose atoms are the variables of sloop loops that
 * are `scope` or nested in it, and values defined outside `scope`; through
 * index constants, affine.apply, addi, subi and muli by a constant. False
 * when `v` is anything else (e.g. a min or a load inside `scope`). */
bool uslLinearOfValue(MlirValue v, MlirOperation scope, UslLinear *out);

/* Result `pos` of `map` over `operands` as a linear form, as above. */
bool uslLinearOfMap(MlirAffineMap map, intptr_t pos, const MlirValue *operands,
                    MlirOperation scope, UslLinear *out);

/* Constraint `k` of the sloop.if `guard` (`expr >= 0`, or `== 0`) as a
 * linear form of its expression, as uslLinearOfValue with `scope`. */
bool uslGuardConstraintLinear(MlirOperation guard, intptr_t k,
                              MlirOperation scope, UslLinear *out);

/* A bound of the sloop.for `loop` as a linear form over `scope` (as
 * uslLinearOfMap): the lower bound, or the exclusive upper bound when
 * `upper`. With `den` non-null an upper bound may also be a form floordiv
 * a positive constant, written to *den (1 otherwise). False for other
 * bounds. */
bool uslLoopBoundLinear(MlirOperation loop, bool upper, MlirOperation scope,
                        UslLinear *out, int64_t *den);

/* a += k * b; false when the atoms do not fit. */
bool uslLinearAdd(UslLinear *a, const UslLinear *b, int64_t k);

#endif
