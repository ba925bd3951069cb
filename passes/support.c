/*===- support.c - small IR helpers shared by USL passes -----------------===*/

#include "support.h"
#include "usl/dialects.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *growArray(void *data, size_t *capacity, size_t elementSize) {
  *capacity = *capacity ? 2 * *capacity : 16;
  void *grown = realloc(data, *capacity * elementSize);
  if (!grown)
    abort();
  return grown;
}

void uslOpListPush(UslOpList *list, MlirOperation op) {
  if (list->size == list->capacity)
    list->ops = growArray(list->ops, &list->capacity, sizeof *list->ops);
  list->ops[list->size++] = op;
}

void uslOpListFree(UslOpList *list) {
  free(list->ops);
  *list = (UslOpList){0};
}

static bool nameIs(MlirOperation op, const char *name) {
  MlirStringRef got = mlirIdentifierStr(mlirOperationGetName(op));
  return got.length == strlen(name) && memcmp(got.data, name, got.length) == 0;
}

typedef struct CollectState {
  MlirOperation root;
  const char *const *names;
  size_t numNames;
  UslOpList *out;
} CollectState;

static MlirWalkResult collect(MlirOperation op, void *userData) {
  CollectState *s = userData;
  if (mlirOperationEqual(op, s->root))
    return MlirWalkResultAdvance;
  for (size_t i = 0; i < s->numNames; ++i)
    if (nameIs(op, s->names[i])) {
      uslOpListPush(s->out, op);
      break;
    }
  return MlirWalkResultAdvance;
}

void uslCollectOps(MlirOperation root, const char *const *names,
                   size_t numNames, MlirWalkOrder order, UslOpList *out) {
  CollectState s = {root, names, numNames, out};
  mlirOperationWalk(root, collect, &s, order);
}

MlirOperation uslGetParentOfName(MlirOperation op, const char *name) {
  for (MlirOperation p = mlirOperationGetParentOperation(op);
       !mlirOperationIsNull(p); p = mlirOperationGetParentOperation(p))
    if (nameIs(p, name))
      return p;
  return (MlirOperation){NULL};
}

bool uslIsInside(MlirOperation op, MlirOperation ancestor) {
  for (MlirOperation p = op; !mlirOperationIsNull(p);
       p = mlirOperationGetParentOperation(p))
    if (mlirOperationEqual(p, ancestor))
      return true;
  return false;
}

MlirOperation uslAncestorInBlock(MlirOperation op, MlirBlock block) {
  while (!mlirOperationIsNull(op) &&
         !mlirBlockEqual(mlirOperationGetBlock(op), block))
    op = mlirOperationGetParentOperation(op);
  return op;
}

void uslMoveBodyBefore(MlirBlock block, MlirOperation before) {
  MlirOperation end = mlirBlockGetTerminator(block);
  for (MlirOperation op = mlirBlockGetFirstOperation(block);
       !mlirOperationEqual(op, end);) {
    MlirOperation next = mlirOperationGetNextInBlock(op);
    mlirOperationMoveBefore(op, before);
    op = next;
  }
}

UslBuilder uslBuilderBefore(MlirOperation op) {
  return (UslBuilder){mlirOperationGetContext(op), mlirOperationGetBlock(op),
                      op, mlirOperationGetLocation(op)};
}

UslBuilder uslBuilderAtEnd(MlirBlock block, MlirLocation loc) {
  return (UslBuilder){mlirLocationGetContext(loc), block, {NULL}, loc};
}

MlirOperation uslBuild(UslBuilder *b, const char *name, intptr_t numOperands,
                       const MlirValue *operands, intptr_t numResults,
                       const MlirType *results, intptr_t numAttrs,
                       const MlirNamedAttribute *attrs, intptr_t numRegions) {
  MlirOperationState state =
      mlirOperationStateGet(mlirStringRefCreateFromCString(name), b->loc);
  mlirOperationStateAddOperands(&state, numOperands, operands);
  mlirOperationStateAddResults(&state, numResults, results);
  mlirOperationStateAddAttributes(&state, numAttrs, attrs);
  MlirRegion regions[4];
  for (intptr_t i = 0; i < numRegions; ++i)
    regions[i] = mlirRegionCreate();
  mlirOperationStateAddOwnedRegions(&state, numRegions, regions);
  MlirOperation op = mlirOperationCreate(&state);
  if (mlirOperationIsNull(b->before))
    mlirBlockAppendOwnedOperation(b->block, op);
  else
    mlirBlockInsertOwnedOperationBefore(b->block, b->before, op);
  return op;
}

MlirNamedAttribute uslNamedAttr(MlirContext ctx, const char *name,
                                MlirAttribute value) {
  return mlirNamedAttributeGet(
      mlirIdentifierGet(ctx, mlirStringRefCreateFromCString(name)), value);
}

MlirValue uslBuild1(UslBuilder *b, const char *name, intptr_t numOperands,
                    const MlirValue *operands, MlirType type) {
  return mlirOperationGetResult(
      uslBuild(b, name, numOperands, operands, 1, &type, 0, NULL, 0), 0);
}

MlirValue uslBuildIndexConstant(UslBuilder *b, int64_t value) {
  MlirType index = mlirIndexTypeGet(b->ctx);
  MlirNamedAttribute attr =
      uslNamedAttr(b->ctx, "value", mlirIntegerAttrGet(index, value));
  return mlirOperationGetResult(
      uslBuild(b, "arith.constant", 0, NULL, 1, &index, 1, &attr, 0), 0);
}

MlirValue uslBuildAffineResult(UslBuilder *b, MlirAffineMap map, intptr_t pos,
                               const MlirValue *operands) {
  MlirAffineExpr e = mlirAffineMapGetResult(map, pos);
  if (mlirAffineExprIsAConstant(e))
    return uslBuildIndexConstant(b, mlirAffineConstantExprGetValue(e));
  if (mlirAffineExprIsADim(e))
    return operands[mlirAffineDimExprGetPosition(e)];
  if (mlirAffineExprIsASymbol(e))
    return operands[mlirAffineMapGetNumDims(map) +
                    mlirAffineSymbolExprGetPosition(e)];
  /* Apply only to the dimensions the expression uses. */
  intptr_t numDims = mlirAffineMapGetNumDims(map);
  intptr_t numSyms = mlirAffineMapGetNumSymbols(map);
  MlirValue *used = malloc((size_t)(numDims + numSyms + 1) * sizeof *used);
  MlirAffineExpr *renumber =
      malloc((size_t)(numDims + 1) * sizeof *renumber);
  intptr_t numUsed = 0;
  for (intptr_t d = 0; d < numDims; ++d) {
    if (mlirAffineExprIsFunctionOfDim(e, d)) {
      renumber[d] = mlirAffineDimExprGet(b->ctx, numUsed);
      used[numUsed++] = operands[d];
    } else {
      renumber[d] = mlirAffineConstantExprGet(b->ctx, 0);
    }
  }
  for (intptr_t s = 0; s < numSyms; ++s)
    used[numUsed + s] = operands[numDims + s];
  MlirAffineMap compact = mlirAffineMapGet(b->ctx, numUsed, numSyms, numDims,
                                           renumber);
  MlirAffineExpr single = mlirAffineExprCompose(e, compact);
  MlirAffineMap applied =
      mlirAffineMapGet(b->ctx, numUsed, numSyms, 1, &single);
  MlirType index = mlirIndexTypeGet(b->ctx);
  MlirNamedAttribute attr =
      uslNamedAttr(b->ctx, "map", mlirAffineMapAttrGet(applied));
  MlirValue result = mlirOperationGetResult(
      uslBuild(b, "affine.apply", numUsed + numSyms, used, 1, &index, 1,
               &attr, 0),
      0);
  free(used);
  free(renumber);
  return result;
}

void uslGetOperands(MlirOperation op, intptr_t first, intptr_t count,
                    MlirValue *out) {
  for (intptr_t i = 0; i < count; ++i)
    out[i] = mlirOperationGetOperand(op, first + i);
}

/*--- value map ------------------------------------------------------------*/

/* Open addressing on the value's pointer; capacity is a power of two. */
static size_t slotOf(const UslValueMap *map, void *key) {
  size_t h = ((uintptr_t)key >> 3) * 0x9E3779B97F4A7C15ull;
  size_t mask = map->capacity - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask)
    if (map->keys[i] == key || map->keys[i] == NULL)
      return i;
}

void uslValueMapSet(UslValueMap *map, MlirValue from, MlirValue to) {
  if (2 * (map->size + 1) > map->capacity) {
    UslValueMap grown = {0};
    grown.capacity = map->capacity ? 2 * map->capacity : 64;
    grown.keys = calloc(grown.capacity, sizeof *grown.keys);
    grown.values = calloc(grown.capacity, sizeof *grown.values);
    for (size_t i = 0; i < map->capacity; ++i)
      if (map->keys[i])
        uslValueMapSet(&grown, (MlirValue){map->keys[i]}, map->values[i]);
    uslValueMapFree(map);
    *map = grown;
  }
  size_t slot = slotOf(map, (void *)from.ptr);
  if (!map->keys[slot]) {
    map->keys[slot] = (void *)from.ptr;
    ++map->size;
  }
  map->values[slot] = to;
}

MlirValue uslValueMapLookup(const UslValueMap *map, MlirValue v) {
  if (!map->capacity)
    return v;
  size_t slot = slotOf(map, (void *)v.ptr);
  return map->keys[slot] ? map->values[slot] : v;
}

void uslValueMapFree(UslValueMap *map) {
  free(map->keys);
  free(map->values);
  *map = (UslValueMap){0};
}

static MlirWalkResult remapOperands(MlirOperation op, void *userData) {
  const UslValueMap *map = userData;
  for (intptr_t i = 0, n = mlirOperationGetNumOperands(op); i < n; ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    MlirValue m = uslValueMapLookup(map, v);
    if (!mlirValueEqual(v, m))
      mlirOperationSetOperand(op, i, m);
  }
  return MlirWalkResultAdvance;
}

MlirOperation uslCloneWithMap(MlirOperation op, MlirOperation before,
                              UslValueMap *map) {
  MlirOperation clone = mlirOperationClone(op);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(before), before,
                                      clone);
  mlirOperationWalk(clone, remapOperands, map, MlirWalkPreOrder);
  for (intptr_t i = 0, n = mlirOperationGetNumResults(op); i < n; ++i)
    uslValueMapSet(map, mlirOperationGetResult(op, i),
                   mlirOperationGetResult(clone, i));
  return clone;
}

int uslLineOf(MlirOperation op) {
  MlirLocation loc = mlirOperationGetLocation(op);
  return mlirLocationIsAFileLineColRange(loc)
             ? mlirLocationFileLineColRangeGetStartLine(loc)
             : 0;
}

static void emitv(MlirLocation loc, bool warning, const char *format,
                  va_list args) {
  char message[1024];
  vsnprintf(message, sizeof message, format, args);
  if (warning)
    uslEmitWarning(loc, message);
  else
    mlirEmitError(loc, message);
}

void uslEmitWarningf(MlirLocation loc, const char *format, ...) {
  va_list args;
  va_start(args, format);
  emitv(loc, true, format, args);
  va_end(args);
}

void uslEmitErrorf(MlirLocation loc, const char *format, ...) {
  va_list args;
  va_start(args, format);
  emitv(loc, false, format, args);
  va_end(args);
}

bool uslIsPureArithmetic(MlirOperation op) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  return mlirOperationGetNumRegions(op) == 0 &&
         ((name.length > 6 && !memcmp(name.data, "arith.", 6)) ||
          (name.length > 5 && !memcmp(name.data, "math.", 5)) ||
          uslOpIs(op, "affine.apply"));
}

void uslDropIfUnused(MlirValue v) {
  if (mlirValueIsAOpResult(v) && mlirOpOperandIsNull(mlirValueGetFirstUse(v)) &&
      uslIsPureArithmetic(mlirOpResultGetOwner(v)) &&
      mlirOperationGetNumResults(mlirOpResultGetOwner(v)) == 1)
    mlirOperationDestroy(mlirOpResultGetOwner(v));
}

/* A constant divisor other than 0 and -1 (the overflowing signed case). */
static bool isSafeDivisor(MlirValue v) {
  if (mlirValueIsABlockArgument(v))
    return false;
  MlirOperation def = mlirOpResultGetOwner(v);
  if (!uslOpIs(def, "arith.constant"))
    return false;
  MlirAttribute value = mlirOperationGetAttributeByName(
      def, mlirStringRefCreateFromCString("value"));
  if (!mlirAttributeIsAInteger(value))
    return false;
  MlirType type = mlirAttributeGetType(value);
  if (mlirTypeIsAInteger(type) && mlirIntegerTypeGetWidth(type) > 64)
    return false;
  int64_t c = mlirIntegerAttrGetValueInt(value); /* sign-extended */
  return c != 0 && c != -1;
}

bool uslMayTrap(MlirOperation op) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  return uslOpIs(op, USL_SLOOP_LOAD) ||
         (name.length > 6 && !memcmp(name.data, "arith.", 6) &&
          (strstr(name.data, "div") || strstr(name.data, "rem")) &&
          !strstr(name.data, "divf") && !strstr(name.data, "remf") &&
          !isSafeDivisor(mlirOperationGetOperand(op, 1)));
}

bool uslConstantIndexValue(MlirValue v, int64_t *value) {
  if (mlirValueIsABlockArgument(v) || !mlirTypeIsAIndex(mlirValueGetType(v)))
    return false;
  MlirOperation def = mlirOpResultGetOwner(v);
  if (!uslOpIs(def, "arith.constant"))
    return false;
  MlirAttribute attr = mlirOperationGetAttributeByName(
      def, mlirStringRefCreateFromCString("value"));
  if (!mlirAttributeIsAInteger(attr))
    return false;
  *value = mlirIntegerAttrGetValueInt(attr);
  return true;
}
