/*===- accessors.c - reading sloop and tmem ops from C -------------------===*
 *
 * Accessors over the generic C API, so passes read `uslForGetStep(op)`
 * rather than attribute-name strings.
 *
 *===---------------------------------------------------------------------===*/

#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <string.h>

static MlirAttribute attr(MlirOperation op, const char *name) {
  return mlirOperationGetAttributeByName(op, mlirStringRefCreateFromCString(name));
}

bool uslOpIs(MlirOperation op, const char *name) {
  MlirStringRef got = mlirIdentifierStr(mlirOperationGetName(op));
  return got.length == strlen(name) && memcmp(got.data, name, got.length) == 0;
}

MlirStringRef uslForGetName(MlirOperation forOp) {
  return mlirStringAttrGetValue(attr(forOp, "name"));
}

UslLoopKind uslForGetKind(MlirOperation forOp) {
  return (UslLoopKind)mlirIntegerAttrGetValueInt(attr(forOp, "kind"));
}

void uslForSetKind(MlirOperation forOp, UslLoopKind kind) {
  MlirContext ctx = mlirOperationGetContext(forOp);
  mlirOperationSetAttributeByName(
      forOp, mlirStringRefCreateFromCString("kind"),
      mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 32), (int64_t)kind));
}

int64_t uslForGetStep(MlirOperation forOp) {
  return mlirIntegerAttrGetValueInt(attr(forOp, "step"));
}

MlirAffineMap uslForGetLowerBoundMap(MlirOperation forOp) {
  return mlirAffineMapAttrGetValue(attr(forOp, "lbMap"));
}

MlirAffineMap uslForGetUpperBoundMap(MlirOperation forOp) {
  return mlirAffineMapAttrGetValue(attr(forOp, "ubMap"));
}

intptr_t uslForGetNumLowerBoundOperands(MlirOperation forOp) {
  return mlirAffineMapGetNumInputs(uslForGetLowerBoundMap(forOp));
}

MlirBlock uslForGetBody(MlirOperation forOp) {
  return mlirRegionGetFirstBlock(mlirOperationGetRegion(forOp, 0));
}

MlirValue uslForGetInductionVar(MlirOperation forOp) {
  return mlirBlockGetArgument(uslForGetBody(forOp), 0);
}

bool uslForGetConstantBounds(MlirOperation forOp, int64_t *lb, int64_t *ub) {
  MlirAffineMap l = uslForGetLowerBoundMap(forOp);
  MlirAffineMap u = uslForGetUpperBoundMap(forOp);
  if (!mlirAffineMapIsSingleConstant(l) || !mlirAffineMapIsSingleConstant(u))
    return false;
  *lb = mlirAffineMapGetSingleConstantResult(l);
  *ub = mlirAffineMapGetSingleConstantResult(u);
  return true;
}

/* load: (memref, indices...); store and reduce: (value, memref, indices...) */
static intptr_t memrefPosition(MlirOperation access) {
  return uslOpIs(access, USL_SLOOP_LOAD) ? 0 : 1;
}

MlirValue uslAccessGetMemRef(MlirOperation access) {
  return mlirOperationGetOperand(access, memrefPosition(access));
}

MlirAffineMap uslAccessGetMap(MlirOperation access) {
  return mlirAffineMapAttrGetValue(attr(access, "map"));
}

intptr_t uslAccessGetFirstIndex(MlirOperation access) {
  return memrefPosition(access) + 1;
}

UslReduceKind uslReduceGetKind(MlirOperation reduce) {
  return (UslReduceKind)mlirIntegerAttrGetValueInt(attr(reduce, "kind"));
}

MlirIntegerSet uslIfGetCondition(MlirOperation ifOp) {
  return mlirIntegerSetAttrGetValue(attr(ifOp, "condition"));
}

MlirStringRef uslAllocGetName(MlirOperation alloc) {
  return mlirStringAttrGetValue(attr(alloc, "name"));
}

const char *uslMemorySpaceName(UslMemorySpace space) {
  switch (space) {
  case USL_MEM_DRAM:
    return "dram";
  case USL_MEM_DRAM_STATIC:
    return "dram_static";
  case USL_MEM_RVM_TILE:
    return "rvm_tile";
  case USL_MEM_AVX512:
    return "avx512";
  }
  return "?";
}

bool uslMemRefTypeGetSpace(MlirType memref, UslMemorySpace *space) {
  MlirAttribute s = mlirMemRefTypeGetMemorySpace(memref);
  if (mlirAttributeIsNull(s)) {
    *space = USL_MEM_DRAM;
    return true;
  }
  if (!uslAttributeIsATmemSpace(s))
    return false;
  *space = uslTmemSpaceAttrGetValue(s);
  return true;
}

bool uslMemorySpaceIsRegister(UslMemorySpace space) {
  return space == USL_MEM_RVM_TILE || space == USL_MEM_AVX512;
}
