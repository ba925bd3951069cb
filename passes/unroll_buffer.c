//===- unroll_buffer.c - unroll-buffer: one buffer per constant index -----===//
//
// Before:  %acc = sloop.alloc : memref<4x4x4xi32>   ... %acc[2, %i, %j] ...
// After:   %acc_0 .. %acc_3 = sloop.alloc : memref<4x4xi32>  ... %acc_2[%i, %j]
// Splits a buffer along a dimension that every access indexes with a
// constant, so each slice can live in its own register. Always legal.
//
//===----------------------------------------------------------------------===//

#include "buffers.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <stdio.h>
#include <stdlib.h>

enum { MAX_SLICES = 64 };

MlirLogicalResult uslUnrollBuffer(MlirOperation alloc, int64_t dim) {
  MlirContext ctx = mlirOperationGetContext(alloc);
  MlirLocation loc = mlirOperationGetLocation(alloc);
  MlirStringRef n = uslAllocGetName(alloc);
  MlirValue buffer = mlirOperationGetResult(alloc, 0);
  MlirType type = mlirValueGetType(buffer);
  intptr_t rank = mlirShapedTypeGetRank(type);
  if (dim < 0 || dim >= rank || mlirShapedTypeIsDynamicDim(type, dim) ||
      mlirShapedTypeGetDimSize(type, dim) > MAX_SLICES) {
    uslEmitErrorf(loc, "cannot unroll buffer '%.*s' along dimension %lld: it "
                       "needs a static extent of at most %d there",
                  (int)n.length, n.data, (long long)dim, MAX_SLICES);
    return mlirLogicalResultFailure();
  }
  int64_t slices = mlirShapedTypeGetDimSize(type, dim);
  UslOpList users = {0};
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation user = mlirOpOperandGetOwner(use);
    bool access = uslIsBufferAccess(use);
    MlirAffineExpr index = access ? mlirAffineMapGetResult(
                                        uslAccessGetMap(user), dim)
                                  : mlirAffineConstantExprGet(ctx, 0);
    if (!access || !mlirAffineExprIsAConstant(index)) {
      MlirStringRef what = mlirIdentifierStr(mlirOperationGetName(user));
      uslEmitErrorf(mlirOperationGetLocation(user),
                    "cannot unroll buffer '%.*s' along dimension %lld: this "
                    "'%.*s' %s",
                    (int)n.length, n.data, (long long)dim, (int)what.length,
                    what.data,
                    access ? "indexes it with a non-constant"
                           : "uses it other than as a load, store or "
                             "reduction");
      uslOpListFree(&users);
      return mlirLogicalResultFailure();
    }
    uslOpListPush(&users, user);
  }
  /* The slices, where the buffer was allocated. */
  int64_t shape[16];
  int k = 0;
  for (intptr_t d = 0; d < rank && k < 16; ++d)
    if (d != dim)
      shape[k++] = mlirShapedTypeGetDimSize(type, d);
  MlirType sliceType = mlirMemRefTypeGet(
      mlirShapedTypeGetElementType(type), rank - 1, shape,
      mlirAttributeGetNull(), mlirMemRefTypeGetMemorySpace(type));
  MlirValue slice[MAX_SLICES];
  intptr_t numDynamic = mlirOperationGetNumOperands(alloc);
  MlirValue sizes[16];
  uslGetOperands(alloc, 0, numDynamic < 16 ? numDynamic : 16, sizes);
  for (int64_t s = 0; s < slices; ++s) {
    char name[USL_MAX_STRING_OPTION + 24];
    snprintf(name, sizeof name, "%.*s_%lld", (int)n.length, n.data,
             (long long)s);
    MlirOperation a = uslAllocCreate(loc, sliceType, sizes,
                                     mlirStringRefCreateFromCString(name));
    mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(alloc), alloc, a);
    slice[s] = mlirOperationGetResult(a, 0);
  }
  for (size_t u = 0; u < users.size; ++u) {
    MlirOperation op = users.ops[u];
    MlirAffineMap map = uslAccessGetMap(op);
    int64_t which = mlirAffineConstantExprGetValue(mlirAffineMapGetResult(map, dim));
    if (which < 0 || which >= slices) {
      uslEmitErrorf(mlirOperationGetLocation(op),
                    "index %lld is outside dimension %lld of buffer '%.*s'",
                    (long long)which, (long long)dim, (int)n.length, n.data);
      uslOpListFree(&users);
      return mlirLogicalResultFailure();
    }
    MlirAffineExpr results[16];
    int r = 0;
    for (intptr_t d = 0; d < rank && r < 16; ++d)
      if (d != dim)
        results[r++] = mlirAffineMapGetResult(map, d);
    mlirOperationSetAttributeByName(
        op, mlirStringRefCreateFromCString("map"),
        mlirAffineMapAttrGet(mlirAffineMapGet(
            ctx, mlirAffineMapGetNumDims(map), mlirAffineMapGetNumSymbols(map),
            rank - 1, results)));
    mlirOperationSetOperand(op, uslAccessGetFirstIndex(op) - 1, slice[which]);
  }
  uslOpListFree(&users);
  mlirOperationDestroy(alloc);
  return mlirLogicalResultSuccess();
}

typedef struct UnrollBufferOptions {
  UslBufferTarget target;
  int64_t dim;
} UnrollBufferOptions;

static const UnrollBufferOptions defaults = {.dim = 0};

static const UslOptionSpec options[] = {
    USL_BUFFER_TARGET_OPTIONS(UnrollBufferOptions, target),
    {"dim", USL_OPTION_INT, offsetof(UnrollBufferOptions, dim),
     "the dimension to split along (default 0)", 0, 15},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const UnrollBufferOptions *o = opaque;
  MlirOperation alloc =
      uslDirectiveFindAlloc(module, &o->target, "unroll-buffer");
  if (mlirOperationIsNull(alloc))
    return mlirLogicalResultFailure();
  return uslUnrollBuffer(alloc, o->dim);
}

const UslPassInfo uslUnrollBufferPass = {
    .argument = "unroll-buffer",
    .summary = "split a buffer into one buffer per index of a dimension "
               "indexed by constants",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(UnrollBufferOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
