/*===- rewrite.h - substituting loop variables in affine IR --------------===*/

#ifndef USL_PASSES_REWRITE_H
#define USL_PASSES_REWRITE_H

#include "mlir-c/AffineExpr.h"
#include "mlir-c/AffineMap.h"
#include "mlir-c/IR.h"

enum { USL_AFFINE_MAX_VALUES = 16 };

/* An affine expression whose dimension k stands for values[k]. */
typedef struct UslAffineValue {
  MlirAffineExpr expr;
  int numValues;
  MlirValue values[USL_AFFINE_MAX_VALUES];
} UslAffineValue;

/* Replaces every use of `old` by the value of `replacement`. Affine uses
 * (bounds, guards, indices and offsets of sloop and tmem ops) get the
 * expression substituted, so they stay affine; any other use gets the result
 * of one affine.apply inserted at the start of `applyBlock`, which must
 * dominate those uses. */
void uslReplaceWithAffine(MlirValue old, const UslAffineValue *replacement,
                          MlirBlock applyBlock);

/* Substitutes `replacement` for `old` in the affine maps of one sloop or
 * tmem op; false (and no change) for any other op. */
bool uslSubstituteInOp(MlirOperation op, MlirValue old,
                       const UslAffineValue *replacement);

/* The expression `map` result `pos` over operands [first, first + inputs)
 * of `op`, as an UslAffineValue; false when it has more operands than fit. */
bool uslAffineValueFromMap(MlirAffineMap map, intptr_t pos, MlirOperation op,
                           intptr_t first, UslAffineValue *out);

/* Appends the values of `b` to those of `a` and returns a's expression
 * combined with b's by `combine` (b's dimensions shifted after a's). */
UslAffineValue uslAffineCombine(const UslAffineValue *a,
                                const UslAffineValue *b,
                                MlirAffineExpr (*combine)(MlirAffineExpr,
                                                          MlirAffineExpr));

/* The terms of `e` as a sum (a + b + ... ), at most `max` of them; -1 when
 * there are more. */
int uslAffineSumTerms(MlirAffineExpr e, MlirAffineExpr *terms, int max);

/* Drops the values the expression does not use, and repeated ones. */
void uslAffineCompact(UslAffineValue *v);

/* The value itself as an affine value. */
UslAffineValue uslAffineOfValue(MlirContext ctx, MlirValue v);

/* Bounds [lo, hi] of `e` (dimension k standing for values[k]) as the loops
 * whose variables it uses run, when those loops are inside `within` (any
 * loops when null) and have constant bounds; false otherwise, with the
 * offending loop in `unbounded` when it is one. */
bool uslAffineRange(MlirAffineExpr e, const MlirValue *values,
                    MlirOperation within, int64_t *lo, int64_t *hi,
                    MlirOperation *unbounded);

/* The sloop loop whose variable `v` is, when it is inside `within` (or
 * anywhere when `within` is null); a null op otherwise. */
MlirOperation uslLoopOfVariable(MlirValue v, MlirOperation within);

#endif
