//===- divide_dim.c - divide-dim: one dimension as two -------------------===//
//
// Before:  %c = sloop.alloc : memref<6x64xf32>   ... %c[%i, %jo * 16 + %ji] ...
// After:   %c = sloop.alloc : memref<6x4x16xf32> ... %c[%i, %jo, %ji] ...
// Dimension `dim` of size n becomes (n / factor, factor): index e becomes
// (e floordiv factor, e mod factor), the same element of the same storage
// order, so it is always legal. An index that is q * factor + r, with r a
// loop variable ranging within [0, factor) (plus a constant) or a constant,
// is written as (q, r), which later steps (unroll-buffer, instruction
// selection) can read; any other keeps floordiv and mod.
//
//===----------------------------------------------------------------------===//

#include "linear.h"
#include "rewrite.h"
#include "buffers.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

enum { MAX_INPUTS = 64, MAX_RANK = 16 };

static int64_t floorMod(int64_t a, int64_t b) {
  int64_t m = a % b;
  return m < 0 ? m + b : m;
}

/* `e` (over `n` dims bound to `operands`) as (q, r) with e = q * f + r. */
static void divide(MlirContext ctx, MlirAffineExpr e, intptr_t n,
                   const MlirValue *operands, int64_t f, MlirAffineExpr *q,
                   MlirAffineExpr *r) {
  MlirAffineExpr fe = mlirAffineConstantExprGet(ctx, f);
  *q = mlirAffineFloorDivExprGet(e, fe);
  *r = mlirAffineModExprGet(e, fe);
  /* e = sum c_p d_p + constant, when it is linear */
  int64_t coef[MAX_INPUTS];
  if (n > MAX_INPUTS)
    return;
  for (intptr_t p = 0; p < n; ++p) {
    UslLinearIn l = uslAffineLinearIn(e, false, p);
    if (!l.linear)
      return;
    coef[p] = l.involves ? l.c : 0;
  }
  MlirAffineExpr zeros[MAX_INPUTS];
  for (intptr_t p = 0; p < n; ++p)
    zeros[p] = mlirAffineConstantExprGet(ctx, 0);
  MlirAffineExpr c = mlirSimplifyAffineExpr(
      mlirAffineExprCompose(e, mlirAffineMapGet(ctx, 0, 0, n, zeros)), 0, 0);
  if (!mlirAffineExprIsAConstant(c))
    return;
  int64_t constant = mlirAffineConstantExprGetValue(c);
  int64_t cr = floorMod(constant, f);
  /* the remainder's loop variable, if any */
  intptr_t rest = -1;
  for (intptr_t p = 0; p < n; ++p) {
    if (coef[p] % f == 0)
      continue;
    int64_t lb, ub;
    MlirOperation loop = uslLoopOfVariable(operands[p], (MlirOperation){NULL});
    if (rest >= 0 || coef[p] != 1 || mlirOperationIsNull(loop) ||
        !uslForGetConstantBounds(loop, &lb, &ub) || lb + cr < 0 ||
        ub - 1 + cr >= f)
      return;
    rest = p;
  }
  MlirAffineExpr qe = mlirAffineConstantExprGet(ctx, (constant - cr) / f);
  for (intptr_t p = 0; p < n; ++p)
    if (p != rest && coef[p])
      qe = mlirAffineAddExprGet(
          qe, mlirAffineMulExprGet(mlirAffineDimExprGet(ctx, p),
                                   mlirAffineConstantExprGet(ctx, coef[p] / f)));
  MlirAffineExpr re = mlirAffineConstantExprGet(ctx, cr);
  if (rest >= 0)
    re = mlirAffineAddExprGet(mlirAffineDimExprGet(ctx, rest), re);
  *q = mlirSimplifyAffineExpr(qe, n, 0);
  *r = mlirSimplifyAffineExpr(re, n, 0);
}

MlirLogicalResult uslDivideDim(MlirOperation alloc, int64_t dim,
                               int64_t factor) {
  MlirContext ctx = mlirOperationGetContext(alloc);
  MlirLocation loc = mlirOperationGetLocation(alloc);
  MlirStringRef name = uslAllocGetName(alloc);
  MlirValue buffer = mlirOperationGetResult(alloc, 0);
  MlirType type = mlirValueGetType(buffer);
  intptr_t rank = mlirShapedTypeGetRank(type);
  if (dim < 0 || dim >= rank || rank >= MAX_RANK ||
      mlirShapedTypeIsDynamicDim(type, dim) ||
      mlirShapedTypeGetDimSize(type, dim) % factor) {
    uslEmitErrorf(loc,
                  "cannot divide dimension %lld of buffer '%.*s' (of rank "
                  "%ld) by %lld: the dimension must exist, be static and be "
                  "a multiple of the factor",
                  (long long)dim, (int)name.length, name.data, (long)rank,
                  (long long)factor);
    return mlirLogicalResultFailure();
  }
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use))
    if (!uslIsBufferAccess(use)) {
      uslEmitErrorf(loc,
                    "cannot divide a dimension of buffer '%.*s': it is used "
                    "by an op other than loads, stores and reductions",
                    (int)name.length, name.data);
      return mlirLogicalResultFailure();
    }
  int64_t shape[MAX_RANK];
  for (intptr_t d = 0, k = 0; d < rank; ++d) {
    int64_t size = mlirShapedTypeGetDimSize(type, d);
    if (d == dim) {
      shape[k++] = size / factor;
      shape[k++] = factor;
    } else {
      shape[k++] = size;
    }
  }
  uslRetypeBuffer(buffer,
                  mlirMemRefTypeGet(mlirShapedTypeGetElementType(type),
                                    rank + 1, shape, mlirAttributeGetNull(),
                                    mlirMemRefTypeGetMemorySpace(type)));
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation op = mlirOpOperandGetOwner(use);
    MlirAffineMap map = uslAccessGetMap(op);
    intptr_t n = mlirAffineMapGetNumInputs(map);
    MlirValue operands[MAX_INPUTS];
    if (n <= MAX_INPUTS)
      uslGetOperands(op, uslAccessGetFirstIndex(op), n, operands);
    MlirAffineExpr results[MAX_RANK];
    for (intptr_t d = 0, k = 0; d < rank; ++d) {
      MlirAffineExpr e = mlirAffineMapGetResult(map, d);
      if (d == dim) {
        divide(ctx, e, n, operands, factor, &results[k], &results[k + 1]);
        k += 2;
      } else {
        results[k++] = e;
      }
    }
    mlirOperationSetAttributeByName(
        op, mlirStringRefCreateFromCString("map"),
        mlirAffineMapAttrGet(mlirAffineMapGet(
            ctx, mlirAffineMapGetNumDims(map), mlirAffineMapGetNumSymbols(map),
            rank + 1, results)));
  }
  return mlirLogicalResultSuccess();
}

typedef struct DivideDimOptions {
  UslBufferTarget target;
  int64_t dim, factor;
} DivideDimOptions;

static const DivideDimOptions defaults = {.dim = -1, .factor = 0};

static const UslOptionSpec options[] = {
    USL_BUFFER_TARGET_OPTIONS(DivideDimOptions, target),
    {"dim", USL_OPTION_INT, offsetof(DivideDimOptions, dim),
     "the dimension to divide", 0, MAX_RANK - 1},
    {"factor", USL_OPTION_INT, offsetof(DivideDimOptions, factor),
     "the extent of the new inner dimension", 1, 1 << 30},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const DivideDimOptions *o = opaque;
  if (o->dim < 0 || o->factor < 1) {
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'divide-dim' needs dim=D and factor=F");
    return mlirLogicalResultFailure();
  }
  MlirOperation alloc = uslDirectiveFindAlloc(module, &o->target, "divide-dim");
  if (mlirOperationIsNull(alloc))
    return mlirLogicalResultFailure();
  return uslDivideDim(alloc, o->dim, o->factor);
}

const UslPassInfo uslDivideDimPass = {
    .argument = "divide-dim",
    .summary = "divide a dimension of a buffer into two (outer, inner of "
               "factor)",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(DivideDimOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
