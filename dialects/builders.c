/*===- builders.c - creating sloop ops from C ----------------------------===*
 *
 * Builders over the generic C API. Attribute names and the encodings of the
 * enums are those of dialects/sloop/Sloop.td; the dialect's verifier checks
 * every op built here when the pass that built it ends.
 *
 *===---------------------------------------------------------------------===*/

#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <stdlib.h>

static MlirNamedAttribute named(MlirContext ctx, const char *name,
                                MlirAttribute value) {
  return mlirNamedAttributeGet(
      mlirIdentifierGet(ctx, mlirStringRefCreateFromCString(name)), value);
}

static MlirAttribute i32Attr(MlirContext ctx, int64_t v) {
  return mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 32), v);
}

static MlirOperationState stateFor(const char *name, MlirLocation loc) {
  return mlirOperationStateGet(mlirStringRefCreateFromCString(name), loc);
}

MlirOperation uslForCreate(MlirLocation loc, MlirAffineMap lb,
                           const MlirValue *lbOperands, MlirAffineMap ub,
                           const MlirValue *ubOperands, int64_t step,
                           MlirStringRef name, UslLoopKind kind) {
  MlirContext ctx = mlirLocationGetContext(loc);
  MlirOperationState state = stateFor(USL_SLOOP_FOR, loc);
  intptr_t numLb = mlirAffineMapGetNumInputs(lb);
  intptr_t numUb = mlirAffineMapGetNumInputs(ub);
  mlirOperationStateAddOperands(&state, numLb, lbOperands);
  mlirOperationStateAddOperands(&state, numUb, ubOperands);
  int32_t segments[2] = {(int32_t)numLb, (int32_t)numUb};
  MlirNamedAttribute attrs[6] = {
      named(ctx, "lbMap", mlirAffineMapAttrGet(lb)),
      named(ctx, "ubMap", mlirAffineMapAttrGet(ub)),
      named(ctx, "step", mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 64), step)),
      named(ctx, "name", mlirStringAttrGet(ctx, name)),
      named(ctx, "kind", i32Attr(ctx, kind)),
      named(ctx, "operandSegmentSizes", mlirDenseI32ArrayGet(ctx, 2, segments))};
  mlirOperationStateAddAttributes(&state, 6, attrs);
  MlirRegion body = mlirRegionCreate();
  MlirType index = mlirIndexTypeGet(ctx);
  MlirBlock block = mlirBlockCreate(1, &index, &loc);
  mlirRegionAppendOwnedBlock(body, block);
  MlirOperationState yield = stateFor(USL_SLOOP_YIELD, loc);
  mlirBlockAppendOwnedOperation(block, mlirOperationCreate(&yield));
  mlirOperationStateAddOwnedRegions(&state, 1, &body);
  return mlirOperationCreate(&state);
}

MlirOperation uslForCreateConstant(MlirLocation loc, int64_t lb, int64_t ub,
                                   int64_t step, MlirStringRef name,
                                   UslLoopKind kind) {
  MlirContext ctx = mlirLocationGetContext(loc);
  return uslForCreate(loc, mlirAffineMapConstantGet(ctx, lb), NULL,
                      mlirAffineMapConstantGet(ctx, ub), NULL, step, name,
                      kind);
}

/* Adds `memref` and the indices of `map`, and the map, to `state`. */
static void addAccess(MlirOperationState *state, MlirValue memref,
                      MlirAffineMap map, const MlirValue *indices) {
  mlirOperationStateAddOperands(state, 1, &memref);
  mlirOperationStateAddOperands(state, mlirAffineMapGetNumInputs(map),
                                indices);
  MlirNamedAttribute attr = named(mlirAffineMapGetContext(map), "map",
                                  mlirAffineMapAttrGet(map));
  mlirOperationStateAddAttributes(state, 1, &attr);
}

MlirOperation uslLoadCreate(MlirLocation loc, MlirValue memref,
                            MlirAffineMap map, const MlirValue *indices) {
  MlirOperationState state = stateFor(USL_SLOOP_LOAD, loc);
  addAccess(&state, memref, map, indices);
  MlirType element = mlirShapedTypeGetElementType(mlirValueGetType(memref));
  mlirOperationStateAddResults(&state, 1, &element);
  return mlirOperationCreate(&state);
}

MlirOperation uslStoreCreate(MlirLocation loc, MlirValue value,
                             MlirValue memref, MlirAffineMap map,
                             const MlirValue *indices) {
  MlirOperationState state = stateFor(USL_SLOOP_STORE, loc);
  mlirOperationStateAddOperands(&state, 1, &value);
  addAccess(&state, memref, map, indices);
  return mlirOperationCreate(&state);
}

MlirOperation uslReduceCreate(MlirLocation loc, UslReduceKind kind,
                              MlirValue value, MlirValue memref,
                              MlirAffineMap map, const MlirValue *indices) {
  MlirOperationState state = stateFor(USL_SLOOP_REDUCE, loc);
  mlirOperationStateAddOperands(&state, 1, &value);
  addAccess(&state, memref, map, indices);
  MlirNamedAttribute attr =
      named(mlirLocationGetContext(loc), "kind",
            i32Attr(mlirLocationGetContext(loc), kind));
  mlirOperationStateAddAttributes(&state, 1, &attr);
  return mlirOperationCreate(&state);
}

MlirOperation uslAllocCreate(MlirLocation loc, MlirType type,
                             const MlirValue *dynamicSizes,
                             MlirStringRef name) {
  MlirContext ctx = mlirLocationGetContext(loc);
  MlirOperationState state = stateFor(USL_SLOOP_ALLOC, loc);
  intptr_t numDynamic = 0;
  for (intptr_t i = 0; i < mlirShapedTypeGetRank(type); ++i)
    numDynamic += mlirShapedTypeIsDynamicDim(type, i);
  mlirOperationStateAddOperands(&state, numDynamic, dynamicSizes);
  mlirOperationStateAddResults(&state, 1, &type);
  MlirNamedAttribute attr = named(ctx, "name", mlirStringAttrGet(ctx, name));
  mlirOperationStateAddAttributes(&state, 1, &attr);
  return mlirOperationCreate(&state);
}

MlirOperation uslIfCreate(MlirLocation loc, MlirIntegerSet condition,
                          const MlirValue *operands) {
  MlirContext ctx = mlirLocationGetContext(loc);
  MlirOperationState state = stateFor(USL_SLOOP_IF, loc);
  mlirOperationStateAddOperands(&state, mlirIntegerSetGetNumInputs(condition),
                                operands);
  MlirNamedAttribute attr =
      named(ctx, "condition", mlirIntegerSetAttrGet(condition));
  mlirOperationStateAddAttributes(&state, 1, &attr);
  MlirRegion regions[2] = {mlirRegionCreate(), mlirRegionCreate()};
  MlirBlock block = mlirBlockCreate(0, NULL, NULL);
  mlirRegionAppendOwnedBlock(regions[0], block);
  MlirOperationState yield = stateFor(USL_SLOOP_YIELD, loc);
  mlirBlockAppendOwnedOperation(block, mlirOperationCreate(&yield));
  mlirOperationStateAddOwnedRegions(&state, 2, regions);
  return mlirOperationCreate(&state);
}

void uslForSetBounds(MlirOperation forOp, MlirAffineMap lb,
                     const MlirValue *lbOperands, MlirAffineMap ub,
                     const MlirValue *ubOperands) {
  MlirContext ctx = mlirOperationGetContext(forOp);
  intptr_t numLb = mlirAffineMapGetNumInputs(lb);
  intptr_t numUb = mlirAffineMapGetNumInputs(ub);
  MlirValue *all = malloc((size_t)(numLb + numUb + 1) * sizeof *all);
  for (intptr_t i = 0; i < numLb; ++i)
    all[i] = lbOperands[i];
  for (intptr_t i = 0; i < numUb; ++i)
    all[numLb + i] = ubOperands[i];
  mlirOperationSetOperands(forOp, numLb + numUb, all);
  free(all);
  int32_t segments[2] = {(int32_t)numLb, (int32_t)numUb};
  mlirOperationSetAttributeByName(
      forOp, mlirStringRefCreateFromCString("operandSegmentSizes"),
      mlirDenseI32ArrayGet(ctx, 2, segments));
  mlirOperationSetAttributeByName(
      forOp, mlirStringRefCreateFromCString("lbMap"), mlirAffineMapAttrGet(lb));
  mlirOperationSetAttributeByName(
      forOp, mlirStringRefCreateFromCString("ubMap"), mlirAffineMapAttrGet(ub));
}

void uslSetName(MlirOperation op, MlirStringRef name) {
  mlirOperationSetAttributeByName(
      op, mlirStringRefCreateFromCString("name"),
      mlirStringAttrGet(mlirOperationGetContext(op), name));
}
