/*===- buffers.c - finding buffers and rewriting their types -------------===*/

#include "buffers.h"

#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <stdio.h>
#include <string.h>

typedef struct AllocSearch {
  const char *name;
  int wanted, seen;
  MlirOperation found;
  char names[512];
} AllocSearch;

static MlirWalkResult visitAlloc(MlirOperation op, void *userData) {
  AllocSearch *s = userData;
  if (!uslOpIs(op, USL_SLOOP_ALLOC))
    return MlirWalkResultAdvance;
  MlirStringRef n = uslAllocGetName(op);
  char quoted[80];
  snprintf(quoted, sizeof quoted, "'%.*s'", (int)n.length, n.data);
  size_t used = strlen(s->names);
  if (!strstr(s->names, quoted) && used + strlen(quoted) + 3 < sizeof s->names)
    snprintf(s->names + used, sizeof s->names - used, "%s%s",
             used ? ", " : "", quoted);
  if (mlirOperationIsNull(s->found) && n.length == strlen(s->name) &&
      !memcmp(n.data, s->name, n.length) && s->seen++ == s->wanted)
    s->found = op;
  return MlirWalkResultAdvance;
}

MlirOperation uslDirectiveFindAlloc(MlirOperation module,
                                    const UslBufferTarget *target,
                                    const char *directive) {
  MlirLocation loc = mlirOperationGetLocation(module);
  if (!target->buffer[0]) {
    uslEmitErrorf(loc, "'%s' needs the buffer to apply to: buffer=NAME",
                  directive);
    return (MlirOperation){NULL};
  }
  AllocSearch s = {target->buffer, (int)target->occurrence, 0, {NULL}, ""};
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation f = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(f); f = mlirOperationGetNextInBlock(f)) {
    if (!uslFuncSelected(f, target->func))
      continue;
    mlirOperationWalk(f, visitAlloc, &s, MlirWalkPreOrder);
  }
  if (mlirOperationIsNull(s.found))
    uslEmitErrorf(loc, "'%s': no buffer '%s'%s; buffers are %s", directive,
                  target->buffer,
                  target->occurrence ? " of that occurrence" : "",
                  s.names[0] ? s.names : "none");
  return s.found;
}

bool uslIsBufferAccess(MlirOpOperand use) {
  MlirOperation user = mlirOpOperandGetOwner(use);
  return (uslOpIs(user, USL_SLOOP_LOAD) || uslOpIs(user, USL_SLOOP_STORE) ||
          uslOpIs(user, USL_SLOOP_REDUCE)) &&
         mlirOpOperandGetOperandNumber(use) == uslAccessGetFirstIndex(user) - 1;
}

MlirType uslMemRefWithSpace(MlirType type, UslMemorySpace space) {
  MlirContext ctx = mlirTypeGetContext(type);
  intptr_t rank = mlirShapedTypeGetRank(type);
  int64_t shape[16];
  for (intptr_t i = 0; i < rank && i < 16; ++i)
    shape[i] = mlirShapedTypeGetDimSize(type, i);
  return mlirMemRefTypeGet(
      mlirShapedTypeGetElementType(type), rank, shape,
      mlirMemRefTypeGetLayout(type),
      space == USL_MEM_DRAM ? mlirAttributeGetNull()
                            : uslTmemSpaceAttrGet(ctx, space));
}

void uslRetypeBuffer(MlirValue value, MlirType type) {
  mlirValueSetType(value, type);
  UslMemorySpace space;
  if (!uslMemRefTypeGetSpace(type, &space))
    return;
  for (MlirOpOperand use = mlirValueGetFirstUse(value);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation user = mlirOpOperandGetOwner(use);
    if (uslOpIs(user, USL_TMEM_WINDOW) && mlirOpOperandGetOperandNumber(use) == 0) {
      MlirValue view = mlirOperationGetResult(user, 0);
      uslRetypeBuffer(view, uslMemRefWithSpace(mlirValueGetType(view), space));
    }
  }
}

/* The buffer a view (tmem.window, memref casts and views) is of. */
MlirValue uslRootBuffer(MlirValue v) {
  while (mlirValueIsAOpResult(v) &&
         !uslOpIs(mlirOpResultGetOwner(v), USL_SLOOP_ALLOC)) {
    MlirOperation def = mlirOpResultGetOwner(v);
    MlirValue source = {NULL};
    for (intptr_t i = 0; i < mlirOperationGetNumOperands(def); ++i)
      if (mlirTypeIsAMemRef(mlirValueGetType(mlirOperationGetOperand(def, i)))) {
        source = mlirOperationGetOperand(def, i);
        break;
      }
    if (mlirValueIsNull(source))
      break;
    v = source;
  }
  return v;
}
