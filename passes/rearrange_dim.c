//===- rearrange_dim.c - rearrange-dim: permute a buffer's dimensions -----===//
//
// Before:  %t = sloop.alloc : memref<4x8xf32>   ... %t[%k, %j] ...
// After:   %t = sloop.alloc : memref<8x4xf32>   ... %t[%j, %k] ...
//                                               (order=1,0)
// Dimension d of the new buffer is dimension order[d] of the old one (Exo's
// rearrange_dim): staging a tile transposed, as the RVM multiply-accumulate
// wants its right operand. Legal for a buffer of the function's own that
// only loads, stores and reductions use: every element keeps its value,
// only its place changes.
//
//===----------------------------------------------------------------------===//

#include "buffers.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

enum { MAX_RANK = 16 };

MlirLogicalResult uslRearrangeDim(MlirOperation alloc, const int64_t *order,
                                  int n) {
  MlirContext ctx = mlirOperationGetContext(alloc);
  MlirStringRef name = uslAllocGetName(alloc);
  MlirLocation loc = mlirOperationGetLocation(alloc);
  MlirValue buffer = mlirOperationGetResult(alloc, 0);
  MlirType type = mlirValueGetType(buffer);
  intptr_t rank = mlirShapedTypeGetRank(type);
  bool seen[MAX_RANK] = {false};
  bool permutation = n == rank && rank <= MAX_RANK;
  for (int d = 0; d < n && permutation; ++d) {
    permutation = order[d] >= 0 && order[d] < rank && !seen[order[d]];
    if (permutation)
      seen[order[d]] = true;
  }
  if (!permutation) {
    uslEmitErrorf(loc, "cannot rearrange buffer '%.*s': order must list each "
                       "of its %ld dimensions once",
                  (int)name.length, name.data, (long)rank);
    return mlirLogicalResultFailure();
  }
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use))
    if (!uslIsBufferAccess(use)) {
      uslEmitErrorf(loc, "cannot rearrange buffer '%.*s': it is used by an "
                         "op other than loads, stores and reductions",
                    (int)name.length, name.data);
      return mlirLogicalResultFailure();
    }
  /* The type and the dynamic sizes, permuted. */
  int64_t shape[MAX_RANK];
  for (intptr_t d = 0; d < rank; ++d)
    shape[d] = mlirShapedTypeGetDimSize(type, order[d]);
  MlirValue sizes[MAX_RANK];
  int numSizes = 0;
  for (intptr_t d = 0; d < rank; ++d) {
    if (!mlirShapedTypeIsDynamicDim(type, order[d]))
      continue;
    /* the operand of old dimension order[d]: count the dynamic ones before */
    int k = 0;
    for (int64_t e = 0; e < order[d]; ++e)
      k += mlirShapedTypeIsDynamicDim(type, e);
    sizes[numSizes++] = mlirOperationGetOperand(alloc, k);
  }
  if (numSizes)
    mlirOperationSetOperands(alloc, numSizes, sizes);
  uslRetypeBuffer(buffer, mlirMemRefTypeGet(mlirShapedTypeGetElementType(type),
                                            rank, shape, mlirAttributeGetNull(),
                                            mlirMemRefTypeGetMemorySpace(type)));
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation op = mlirOpOperandGetOwner(use);
    MlirAffineMap map = uslAccessGetMap(op);
    MlirAffineExpr results[MAX_RANK];
    for (intptr_t d = 0; d < rank; ++d)
      results[d] = mlirAffineMapGetResult(map, order[d]);
    mlirOperationSetAttributeByName(
        op, mlirStringRefCreateFromCString("map"),
        mlirAffineMapAttrGet(mlirAffineMapGet(
            ctx, mlirAffineMapGetNumDims(map), mlirAffineMapGetNumSymbols(map),
            rank, results)));
  }
  return mlirLogicalResultSuccess();
}

typedef struct RearrangeDimOptions {
  UslBufferTarget target;
  UslIntList order;
} RearrangeDimOptions;

static const RearrangeDimOptions defaults = {.order = {0}};

static const UslOptionSpec options[] = {
    USL_BUFFER_TARGET_OPTIONS(RearrangeDimOptions, target),
    {"order", USL_OPTION_INT_LIST, offsetof(RearrangeDimOptions, order),
     "the old dimension each new dimension is, e.g. 1,0 to transpose", 0, 15},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const RearrangeDimOptions *o = opaque;
  MlirOperation alloc =
      uslDirectiveFindAlloc(module, &o->target, "rearrange-dim");
  if (mlirOperationIsNull(alloc))
    return mlirLogicalResultFailure();
  return uslRearrangeDim(alloc, o->order.values, o->order.count);
}

const UslPassInfo uslRearrangeDimPass = {
    .argument = "rearrange-dim",
    .summary = "permute the dimensions of a buffer of the function's own "
               "(e.g. to stage a tile transposed)",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(RearrangeDimOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
