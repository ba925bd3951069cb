//===- expand_dim.c - expand-dim: one slice of a buffer per iteration -----===//
//
// Before:  %t = sloop.alloc : memref<4xf32>
//          sloop.for %ii = 0 to 4 { ... %t[%j] ... }
// After:   %t = sloop.alloc : memref<4x4xf32>
//          sloop.for %ii = 0 to 4 { ... %t[%ii, %j] ... }
// Each iteration of the loop gets its own slice (the step Exo pairs with
// lift-alloc). Legal when the loop encloses every access, its variable stays
// in [0, size), and no read sees a value written in an earlier iteration
// (exact dataflow: overwriting the buffer in each iteration is fine).
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "buffers.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <string.h>

MlirLogicalResult uslExpandDim(MlirOperation alloc, int64_t size,
                               MlirOperation loop) {
  MlirContext ctx = mlirOperationGetContext(alloc);
  MlirStringRef n = uslAllocGetName(alloc);
  char name[USL_MAX_STRING_OPTION];
  uslLoopName(loop, name, sizeof name);
  MlirLocation loc = mlirOperationGetLocation(alloc);
  MlirValue buffer = mlirOperationGetResult(alloc, 0);
  int64_t lb, ub;
  if (!uslForGetConstantBounds(loop, &lb, &ub) || lb < 0 || ub > size) {
    uslEmitErrorf(loc, "cannot expand buffer '%.*s' by loop '%s': the loop's "
                       "variable must stay in [0, %lld)",
                  (int)n.length, n.data, name, (long long)size);
    return mlirLogicalResultFailure();
  }
  UslOpList users = {0};
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation user = mlirOpOperandGetOwner(use);
    bool access = uslIsBufferAccess(use);
    const char *why = !access ? "it is used by an op other than loads, "
                                "stores and reductions"
                      : !uslIsInside(user, loop) ? "it is accessed outside the loop"
                                              : NULL;
    if (why) {
      uslEmitErrorf(loc, "cannot expand buffer '%.*s' by loop '%s': %s",
                    (int)n.length, n.data, name, why);
      uslOpListFree(&users);
      return mlirLogicalResultFailure();
    }
    uslOpListPush(&users, user);
  }
  UslDeps *deps = uslDepsCreate(uslEnclosingFunc(alloc));
  UslDepViolation v;
  bool carried = uslDepsLoopCarriesFlowThrough(deps, loop, buffer, &v);
  uslDepsDestroy(deps);
  if (carried) {
    char detail[1024];
    uslDepsDescribe(&v, detail, sizeof detail);
    uslEmitErrorf(loc, "cannot expand buffer '%.*s' by loop '%s': %s, %s",
                  (int)n.length, n.data, name, detail,
                  uslDepsConsequence(&v, "and with a slice per iteration the "
                                         "second would not see the first"));
    uslOpListFree(&users);
    return mlirLogicalResultFailure();
  }
  /* The new leading dimension. */
  MlirType type = mlirValueGetType(buffer);
  intptr_t rank = mlirShapedTypeGetRank(type);
  int64_t shape[17];
  shape[0] = size;
  for (intptr_t i = 0; i < rank && i < 16; ++i)
    shape[i + 1] = mlirShapedTypeGetDimSize(type, i);
  mlirValueSetType(buffer,
                   mlirMemRefTypeGet(mlirShapedTypeGetElementType(type),
                                     rank + 1, shape, mlirAttributeGetNull(),
                                     mlirMemRefTypeGetMemorySpace(type)));
  MlirValue iv = uslForGetInductionVar(loop);
  for (size_t u = 0; u < users.size; ++u) {
    MlirOperation op = users.ops[u];
    MlirAffineMap map = uslAccessGetMap(op);
    intptr_t numInputs = mlirAffineMapGetNumInputs(map);
    MlirAffineExpr results[17];
    results[0] = mlirAffineDimExprGet(ctx, numInputs);
    for (intptr_t r = 0; r < rank && r < 16; ++r)
      results[r + 1] = mlirAffineMapGetResult(map, r);
    mlirOperationSetAttributeByName(
        op, mlirStringRefCreateFromCString("map"),
        mlirAffineMapAttrGet(
            mlirAffineMapGet(ctx, numInputs + 1, 0, rank + 1, results)));
    intptr_t total = mlirOperationGetNumOperands(op);
    MlirValue operands[80];
    uslGetOperands(op, 0, total < 79 ? total : 79, operands);
    operands[total] = iv;
    mlirOperationSetOperands(op, total + 1, operands);
  }
  uslOpListFree(&users);
  return mlirLogicalResultSuccess();
}

typedef struct ExpandDimOptions {
  UslBufferTarget target;
  int64_t size;
  char by[USL_MAX_STRING_OPTION];
} ExpandDimOptions;

static const ExpandDimOptions defaults = {.size = 0};

static const UslOptionSpec options[] = {
    USL_BUFFER_TARGET_OPTIONS(ExpandDimOptions, target),
    {"size", USL_OPTION_INT, offsetof(ExpandDimOptions, size),
     "extent of the new leading dimension", 1, 1 << 30},
    {"by", USL_OPTION_STRING, offsetof(ExpandDimOptions, by),
     "the loop whose variable indexes the new dimension", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const ExpandDimOptions *o = opaque;
  MlirLocation loc = mlirOperationGetLocation(module);
  if (o->size < 1 || !o->by[0]) {
    uslEmitErrorf(loc, "'expand-dim' needs size=N and by=LOOP");
    return mlirLogicalResultFailure();
  }
  MlirOperation alloc = uslDirectiveFindAlloc(module, &o->target, "expand-dim");
  if (mlirOperationIsNull(alloc))
    return mlirLogicalResultFailure();
  /* The loop named `by` around a use of the buffer. */
  MlirValue buffer = mlirOperationGetResult(alloc, 0);
  MlirOperation loop = {NULL};
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use) && mlirOperationIsNull(loop);
       use = mlirOpOperandGetNextUse(use))
    for (MlirOperation p = mlirOpOperandGetOwner(use); !mlirOperationIsNull(p);
         p = mlirOperationGetParentOperation(p)) {
      if (!uslOpIs(p, USL_SLOOP_FOR))
        continue;
      MlirStringRef n = uslForGetName(p);
      if (n.length == strlen(o->by) && !memcmp(n.data, o->by, n.length)) {
        loop = p;
        break;
      }
    }
  if (mlirOperationIsNull(loop)) {
    MlirStringRef n = uslAllocGetName(alloc);
    uslEmitErrorf(mlirOperationGetLocation(alloc),
                  "cannot expand buffer '%.*s' by loop '%s': no loop of that "
                  "name is around its uses",
                  (int)n.length, n.data, o->by);
    return mlirLogicalResultFailure();
  }
  return uslExpandDim(alloc, o->size, loop);
}

const UslPassInfo uslExpandDimPass = {
    .argument = "expand-dim",
    .summary = "give each iteration of a loop its own slice of a buffer",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(ExpandDimOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
