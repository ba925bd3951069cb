/*===- rewrite.c - substituting loop variables in affine IR --------------===*
 *
 * Directives re-index loops (split turns i into lb + 4*io + ii). Rather than
 * computing the old variable with an op, which would hide the access pattern
 * from the dependence analysis, the new expression is substituted into each
 * affine map that used it, and the maps' operand lists are rebuilt.
 *
 *===---------------------------------------------------------------------===*/

#include "rewrite.h"

#include "support.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/IntegerSet.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_OPERANDS = 64 };

static int findValue(const MlirValue *values, int n, MlirValue v) {
  for (int i = 0; i < n; ++i)
    if (mlirValueEqual(values[i], v))
      return i;
  return -1;
}

UslAffineValue uslAffineOfValue(MlirContext ctx, MlirValue v) {
  UslAffineValue a = {mlirAffineDimExprGet(ctx, 0), 1, {v}};
  return a;
}

bool uslAffineValueFromMap(MlirAffineMap map, intptr_t pos, MlirOperation op,
                           intptr_t first, UslAffineValue *out) {
  intptr_t n = mlirAffineMapGetNumInputs(map);
  if (n > USL_AFFINE_MAX_VALUES)
    return false;
  out->numValues = (int)n;
  for (intptr_t i = 0; i < n; ++i)
    out->values[i] = mlirOperationGetOperand(op, first + i);
  out->expr = mlirAffineMapGetResult(map, pos);
  return true;
}

void uslAffineCompact(UslAffineValue *v) {
  MlirContext ctx = mlirAffineExprGetContext(v->expr);
  MlirValue kept[USL_AFFINE_MAX_VALUES];
  MlirAffineExpr renumber[USL_AFFINE_MAX_VALUES];
  int count = 0;
  for (int i = 0; i < v->numValues; ++i) {
    if (!mlirAffineExprIsFunctionOfDim(v->expr, i)) {
      renumber[i] = mlirAffineConstantExprGet(ctx, 0);
      continue;
    }
    int k = findValue(kept, count, v->values[i]);
    if (k < 0) {
      k = count;
      kept[count++] = v->values[i];
    }
    renumber[i] = mlirAffineDimExprGet(ctx, k);
  }
  if (v->numValues)
    v->expr = mlirSimplifyAffineExpr(
        mlirAffineExprCompose(
            v->expr, mlirAffineMapGet(ctx, count, 0, v->numValues, renumber)),
        count, 0);
  memcpy(v->values, kept, (size_t)count * sizeof *kept);
  v->numValues = count;
}

UslAffineValue uslAffineCombine(const UslAffineValue *a,
                                const UslAffineValue *b,
                                MlirAffineExpr (*combine)(MlirAffineExpr,
                                                          MlirAffineExpr)) {
  UslAffineValue r = *a;
  MlirAffineExpr shifted =
      mlirAffineExprShiftDims(b->expr, (uint32_t)b->numValues,
                              (uint32_t)a->numValues, 0);
  for (int i = 0; i < b->numValues && r.numValues < USL_AFFINE_MAX_VALUES; ++i)
    r.values[r.numValues++] = b->values[i];
  r.expr = mlirSimplifyAffineExpr(combine(a->expr, shifted), r.numValues, 0);
  uslAffineCompact(&r);
  return r;
}


/* Rewrites `exprs[0..numExprs)` over `operands[0..n)` with `old` replaced by
 * `repl`; writes the new operands (returns their count) and expressions. */
static int substitute(MlirContext ctx, MlirAffineExpr *exprs, int numExprs,
                      const MlirValue *operands, int n, MlirValue old,
                      const UslAffineValue *repl, MlirValue *newOperands) {
  int count = 0;
  int position[MAX_OPERANDS];
  for (int j = 0; j < n; ++j) {
    if (mlirValueEqual(operands[j], old)) {
      position[j] = -1;
      continue;
    }
    int k = findValue(newOperands, count, operands[j]);
    if (k < 0) {
      k = count;
      newOperands[count++] = operands[j];
    }
    position[j] = k;
  }
  int replPosition[USL_AFFINE_MAX_VALUES];
  for (int k = 0; k < repl->numValues; ++k) {
    int p = findValue(newOperands, count, repl->values[k]);
    if (p < 0) {
      p = count;
      newOperands[count++] = repl->values[k];
    }
    replPosition[k] = p;
  }
  MlirAffineExpr replDims[USL_AFFINE_MAX_VALUES];
  for (int k = 0; k < repl->numValues; ++k)
    replDims[k] = mlirAffineDimExprGet(ctx, replPosition[k]);
  MlirAffineMap replMap =
      mlirAffineMapGet(ctx, count, 0, repl->numValues, replDims);
  MlirAffineExpr replaced =
      repl->numValues ? mlirAffineExprCompose(repl->expr, replMap) : repl->expr;
  MlirAffineExpr perDim[MAX_OPERANDS];
  for (int j = 0; j < n; ++j)
    perDim[j] = position[j] < 0 ? replaced
                                : mlirAffineDimExprGet(ctx, position[j]);
  MlirAffineMap substitution = mlirAffineMapGet(ctx, count, 0, n, perDim);
  for (int r = 0; r < numExprs; ++r)
    exprs[r] = mlirSimplifyAffineExpr(
        n ? mlirAffineExprCompose(exprs[r], substitution) : exprs[r], count, 0);
  return count;
}

/* Rewrites the map attribute `attrName` whose inputs are operands
 * [first, first + inputs) of `op`; returns the new operand count and writes
 * the operands. */
static int rewriteMap(MlirOperation op, const char *attrName, intptr_t first,
                      MlirValue old, const UslAffineValue *repl,
                      MlirValue *newOperands) {
  MlirContext ctx = mlirOperationGetContext(op);
  MlirStringRef name = mlirStringRefCreateFromCString(attrName);
  MlirAffineMap map =
      mlirAffineMapAttrGetValue(mlirOperationGetAttributeByName(op, name));
  int n = (int)mlirAffineMapGetNumInputs(map);
  int numResults = (int)mlirAffineMapGetNumResults(map);
  MlirValue operands[MAX_OPERANDS];
  MlirAffineExpr exprs[MAX_OPERANDS];
  uslGetOperands(op, first, n, operands);
  for (int r = 0; r < numResults; ++r)
    exprs[r] = mlirAffineMapGetResult(map, r);
  int count = substitute(ctx, exprs, numResults, operands, n, old, repl,
                         newOperands);
  mlirOperationSetAttributeByName(
      op, name,
      mlirAffineMapAttrGet(mlirAffineMapGet(ctx, count, 0, numResults, exprs)));
  return count;
}

/* Sets operands [first, end) of `op` to `values`, keeping the first ones. */
static void setTail(MlirOperation op, intptr_t first, int count,
                    const MlirValue *values) {
  MlirValue all[2 * MAX_OPERANDS];
  uslGetOperands(op, 0, first, all);
  memcpy(all + first, values, (size_t)count * sizeof *values);
  mlirOperationSetOperands(op, first + count, all);
}

bool uslSubstituteInOp(MlirOperation op, MlirValue old,
                       const UslAffineValue *repl) {
  MlirContext ctx = mlirOperationGetContext(op);
  MlirValue lb[MAX_OPERANDS], ub[MAX_OPERANDS];
  if (uslOpIs(op, USL_SLOOP_LOAD) || uslOpIs(op, USL_SLOOP_STORE) ||
      uslOpIs(op, USL_SLOOP_REDUCE)) {
    intptr_t first = uslAccessGetFirstIndex(op);
    int n = rewriteMap(op, "map", first, old, repl, lb);
    setTail(op, first, n, lb);
    return true;
  }
  if (uslOpIs(op, USL_TMEM_WINDOW)) {
    int n = rewriteMap(op, "offsets", 1, old, repl, lb);
    setTail(op, 1, n, lb);
    return true;
  }
  if (uslOpIs(op, "pipeline.call")) { /* the function, then coordinates */
    int n = rewriteMap(op, "map", 1, old, repl, lb);
    setTail(op, 1, n, lb);
    return true;
  }
  if (uslOpIs(op, USL_SLOOP_FOR)) {
    intptr_t numLb = uslForGetNumLowerBoundOperands(op);
    int nl = rewriteMap(op, "lbMap", 0, old, repl, lb);
    int nu = rewriteMap(op, "ubMap", numLb, old, repl, ub);
    memcpy(lb + nl, ub, (size_t)nu * sizeof *ub);
    mlirOperationSetOperands(op, nl + nu, lb);
    int32_t segments[2] = {nl, nu};
    mlirOperationSetAttributeByName(
        op, mlirStringRefCreateFromCString("operandSegmentSizes"),
        mlirDenseI32ArrayGet(ctx, 2, segments));
    return true;
  }
  if (uslOpIs(op, USL_SLOOP_IF)) {
    MlirIntegerSet set = uslIfGetCondition(op);
    int n = (int)mlirIntegerSetGetNumInputs(set);
    int numConstraints = (int)mlirIntegerSetGetNumConstraints(set);
    MlirAffineExpr exprs[MAX_OPERANDS];
    bool eq[MAX_OPERANDS];
    MlirValue operands[MAX_OPERANDS];
    uslGetOperands(op, 0, n, operands);
    for (int k = 0; k < numConstraints; ++k) {
      exprs[k] = mlirIntegerSetGetConstraint(set, k);
      eq[k] = mlirIntegerSetIsConstraintEq(set, k);
    }
    int count = substitute(ctx, exprs, numConstraints, operands, n, old, repl,
                           lb);
    mlirOperationSetAttributeByName(
        op, mlirStringRefCreateFromCString("condition"),
        mlirIntegerSetAttrGet(
            mlirIntegerSetGet(ctx, count, 0, numConstraints, exprs, eq)));
    mlirOperationSetOperands(op, count, lb);
    return true;
  }
  return false;
}

void uslReplaceWithAffine(MlirValue old, const UslAffineValue *repl,
                          MlirBlock applyBlock) {
  UslOpList users = {0};
  for (MlirOpOperand use = mlirValueGetFirstUse(old); !mlirOpOperandIsNull(use);
       use = mlirOpOperandGetNextUse(use)) {
    MlirOperation owner = mlirOpOperandGetOwner(use);
    bool seen = false;
    for (size_t i = 0; i < users.size && !seen; ++i)
      seen = mlirOperationEqual(users.ops[i], owner);
    if (!seen)
      uslOpListPush(&users, owner);
  }
  bool needApply = false;
  for (size_t i = 0; i < users.size; ++i)
    if (!uslSubstituteInOp(users.ops[i], old, repl))
      needApply = true;
  uslOpListFree(&users);
  if (!needApply)
    return;
  MlirOperation first = mlirBlockGetFirstOperation(applyBlock);
  UslBuilder b = uslBuilderBefore(first);
  MlirAffineMap map = mlirAffineMapGet(b.ctx, repl->numValues, 0, 1,
                                       (MlirAffineExpr *)&repl->expr);
  MlirValue v = uslBuildAffineResult(&b, map, 0, repl->values);
  mlirValueReplaceAllUsesOfWith(old, v);
}

MlirOperation uslLoopOfVariable(MlirValue v, MlirOperation within) {
  if (!mlirValueIsABlockArgument(v))
    return (MlirOperation){NULL};
  MlirOperation owner =
      mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v));
  if (mlirOperationIsNull(owner) || !uslOpIs(owner, USL_SLOOP_FOR))
    return (MlirOperation){NULL};
  if (mlirOperationIsNull(within))
    return owner;
  for (MlirOperation p = owner; !mlirOperationIsNull(p);
       p = mlirOperationGetParentOperation(p))
    if (mlirOperationEqual(p, within))
      return owner;
  return (MlirOperation){NULL};
}

bool uslAffineRange(MlirAffineExpr e, const MlirValue *values,
                    MlirOperation within, int64_t *lo, int64_t *hi,
                    MlirOperation *unbounded) {
  if (mlirAffineExprIsAConstant(e)) {
    *lo = *hi = mlirAffineConstantExprGetValue(e);
    return true;
  }
  if (mlirAffineExprIsADim(e)) {
    MlirValue v = values[mlirAffineDimExprGetPosition(e)];
    MlirOperation l = uslLoopOfVariable(v, within);
    int64_t lb, ub;
    if (mlirOperationIsNull(l) || !uslForGetConstantBounds(l, &lb, &ub) ||
        ub <= lb) {
      if (unbounded)
        *unbounded = l;
      return false;
    }
    int64_t step = uslForGetStep(l);
    *lo = lb;
    *hi = lb + (ub - 1 - lb) / step * step;
    return true;
  }
  if (!mlirAffineExprIsABinary(e))
    return false;
  int64_t alo, ahi, blo, bhi;
  if (!uslAffineRange(mlirAffineBinaryOpExprGetLHS(e), values, within, &alo,
                      &ahi, unbounded) ||
      !uslAffineRange(mlirAffineBinaryOpExprGetRHS(e), values, within, &blo,
                      &bhi, unbounded))
    return false;
  if (mlirAffineExprIsAAdd(e)) {
    *lo = alo + blo;
    *hi = ahi + bhi;
    return true;
  }
  if (blo != bhi) /* mul, div and mod by constants only */
    return false;
  int64_t c = blo;
  if (mlirAffineExprIsAMul(e)) {
    *lo = c >= 0 ? alo * c : ahi * c;
    *hi = c >= 0 ? ahi * c : alo * c;
    return true;
  }
  if (c <= 0)
    return false;
  if (mlirAffineExprIsAFloorDiv(e) || mlirAffineExprIsACeilDiv(e)) {
    int64_t extra = mlirAffineExprIsACeilDiv(e) ? c - 1 : 0;
    int64_t l = alo + extra, h = ahi + extra;
    *lo = l >= 0 ? l / c : -((-l + c - 1) / c);
    *hi = h >= 0 ? h / c : -((-h + c - 1) / c);
    return true;
  }
  *lo = 0; /* mod */
  *hi = c - 1;
  return true;
}

int uslAffineSumTerms(MlirAffineExpr e, MlirAffineExpr *terms, int max) {
  MlirAffineExpr stack[64];
  int numTerms = 0, top = 0;
  stack[top++] = e;
  while (top) {
    MlirAffineExpr t = stack[--top];
    if (mlirAffineExprIsAAdd(t) && top + 2 <= 64) {
      stack[top++] = mlirAffineBinaryOpExprGetLHS(t);
      stack[top++] = mlirAffineBinaryOpExprGetRHS(t);
    } else if (numTerms < max) {
      terms[numTerms++] = t;
    } else {
      return -1;
    }
  }
  return numTerms;
}
