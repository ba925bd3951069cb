//===- vectorize_loops.c - vec loops become vector dialect ops -----------===//
//
// Before:  sloop.for %j = 0 to 16 vec {
//            sloop.if %o + %j < %N {
//              %a = sloop.load %A[%i, %o + %j] : memref<?x?xf32>
//              %s = arith.addf %a, %c : f32
//              sloop.store %s, %B[%i, %o + %j] : memref<?x?xf32> } }
// After:   %m = (%o + [0..15] < %N)                    -- vector<16xi1>
//          %a = vector.maskedload %A[%i, %o], %m, %zero
//          %s = arith.addf %a, broadcast(%c) : vector<16xf32>
//          vector.maskedstore %B[%i, %o], %m, %s
//
// Each value of the body is classified against the loop variable j:
// uniform (the same in every lane: kept scalar, computed once), affine
// (index values lane0 + step * lane: kept as the scalar of lane 0 and the
// step) or varying (a vector). Accesses whose last index steps by 1 in
// contiguous memory become vector loads and stores, uniform loads stay
// scalar; guards that depend on j become lane masks, other guards stay
// guards. A loop whose body holds anything else (gathers, scatters, nested
// loops, reductions, ops that may trap in masked-off lanes) is left as it
// is, to run as a scalar loop.
//
//===----------------------------------------------------------------------===//

#include "vectorize_loops.h"

#include "../analysis/memory.h"
#include "../passes/buffers.h"
#include "../passes/linear.h"
#include "../passes/support.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/IntegerSet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most lanes a vec loop becomes a vector of. */
enum { MAX_LANES = 256 };

typedef enum { UNIFORM, AFFINE, VARYING } LaneKind;

typedef struct Lanes {
  MlirValue key;    /* the value of the original body */
  LaneKind kind;
  MlirValue scalar; /* UNIFORM, AFFINE: the value in lane 0 */
  int64_t step;     /* AFFINE: how much it grows from one lane to the next */
  MlirValue vector; /* VARYING; AFFINE and UNIFORM once materialised */
} Lanes;

typedef struct Vectorizer {
  MlirContext ctx;
  MlirOperation loop;
  int64_t lanes;
  UslBuilder b;
  Lanes *values;
  size_t size, capacity;
  MlirValue mask; /* the lanes the current ops run for; null for all */
  MlirOperation failed; /* the op with no vector form, when there is one */
} Vectorizer;

static Lanes *lookup(Vectorizer *v, MlirValue key) {
  for (size_t i = 0; i < v->size; ++i)
    if (mlirValueEqual(v->values[i].key, key))
      return &v->values[i];
  return NULL;
}

static Lanes *define(Vectorizer *v, MlirValue key, LaneKind kind) {
  if (v->size == v->capacity) {
    v->capacity = v->capacity ? 2 * v->capacity : 32;
    v->values = realloc(v->values, v->capacity * sizeof *v->values);
  }
  Lanes *l = &v->values[v->size++];
  *l = (Lanes){.key = key, .kind = kind};
  return l;
}

/* Values defined outside the loop are uniform. */
static Lanes get(Vectorizer *v, MlirValue key) {
  Lanes *l = lookup(v, key);
  return l ? *l : (Lanes){.key = key, .kind = UNIFORM, .scalar = key};
}

static bool isScalar(MlirType t) {
  return mlirTypeIsAInteger(t) || mlirTypeIsAFloat(t) || mlirTypeIsAIndex(t);
}

static MlirType vectorOf(Vectorizer *v, MlirType element) {
  return mlirVectorTypeGet(1, &v->lanes, element);
}

static MlirValue build1(Vectorizer *v, const char *name, intptr_t n,
                        const MlirValue *operands, MlirType type) {
  return uslBuild1(&v->b, name, n, operands, type);
}

static MlirValue constantVector(Vectorizer *v, MlirAttribute dense) {
  MlirNamedAttribute attr = uslNamedAttr(v->ctx, "value", dense);
  MlirType type = mlirAttributeGetType(dense);
  return mlirOperationGetResult(
      uslBuild(&v->b, "arith.constant", 0, NULL, 1, &type, 1, &attr, 0), 0);
}

/* [0, step, 2 step, ...] as a vector of index. */
static MlirValue laneOffsets(Vectorizer *v, int64_t step) {
  MlirType index = mlirIndexTypeGet(v->ctx);
  MlirAttribute elements[MAX_LANES];
  for (int64_t i = 0; i < v->lanes; ++i)
    elements[i] = mlirIntegerAttrGet(index, i * step);
  return constantVector(
      v, mlirDenseElementsAttrGet(vectorOf(v, index), v->lanes, elements));
}

static MlirValue zeroVector(Vectorizer *v, MlirType element) {
  MlirAttribute zero = mlirTypeIsAFloat(element)
                           ? mlirFloatAttrDoubleGet(v->ctx, element, 0.0)
                           : mlirIntegerAttrGet(element, 0);
  return constantVector(
      v, mlirDenseElementsAttrSplatGet(vectorOf(v, element), zero));
}

/* The value of every lane as a vector. */
static MlirValue materialise(Vectorizer *v, Lanes *l) {
  if (!mlirValueIsNull(l->vector))
    return l->vector;
  MlirType type = mlirValueGetType(l->scalar);
  l->vector = build1(v, "vector.broadcast", 1, &l->scalar, vectorOf(v, type));
  if (l->kind == AFFINE) {
    MlirValue sum[2] = {l->vector, laneOffsets(v, l->step)};
    l->vector = build1(v, "arith.addi", 2, sum, vectorOf(v, type));
  }
  if (!mlirValueIsNull(l->key)) { /* reused by later ops */
    Lanes *stored = lookup(v, l->key);
    if (!stored)
      *(stored = define(v, l->key, l->kind)) = *l;
    stored->vector = l->vector;
  }
  return l->vector;
}

/* Lane 0 and the step of result `pos` of `map` over `operands` of the
 * original body; false when it does not step linearly with the lanes. */
static bool applyMap(Vectorizer *v, MlirAffineMap map, intptr_t pos,
                     const MlirValue *operands, MlirValue *lane0,
                     int64_t *step) {
  intptr_t numDims = mlirAffineMapGetNumDims(map);
  intptr_t numInputs = mlirAffineMapGetNumInputs(map);
  MlirAffineExpr e = mlirAffineMapGetResult(map, pos);
  MlirValue scalars[64];
  if (numInputs > 64)
    return false;
  *step = 0;
  for (intptr_t i = 0; i < numInputs; ++i) {
    Lanes l = get(v, operands[i]);
    if (l.kind == VARYING)
      return false;
    scalars[i] = l.scalar;
    UslLinearIn lin = uslAffineLinearIn(e, i >= numDims, i >= numDims ? i - numDims : i);
    if (l.kind == AFFINE) {
      if (!lin.linear)
        return false;
      *step += lin.c * l.step;
    }
  }
  *lane0 = uslBuildAffineResult(&v->b, map, pos, scalars);
  return true;
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

static bool vectorizeBlock(Vectorizer *v, MlirBlock block);

/* The first index, the rank and whether an access of `op` runs over
 * consecutive elements (last index steps by one, contiguous last
 * dimension), the same element in every lane, or neither. */
typedef enum { ACCESS_UNIFORM, ACCESS_CONTIGUOUS, ACCESS_OTHER } AccessKind;

static AccessKind accessIndices(Vectorizer *v, MlirOperation op,
                                MlirValue *indices) {
  MlirAffineMap map = uslAccessGetMap(op);
  intptr_t rank = mlirAffineMapGetNumResults(map);
  intptr_t n = mlirAffineMapGetNumInputs(map);
  MlirValue operands[64];
  if (n > 64)
    return ACCESS_OTHER;
  uslGetOperands(op, uslAccessGetFirstIndex(op), n, operands);
  bool uniform = true, contiguous = rank > 0;
  for (intptr_t i = 0; i < rank; ++i) {
    int64_t step;
    if (!applyMap(v, map, i, operands, &indices[i], &step))
      return ACCESS_OTHER;
    uniform = uniform && step == 0;
    contiguous = contiguous && step == (i == rank - 1 ? 1 : 0);
  }
  if (uniform)
    return ACCESS_UNIFORM;
  if (!contiguous)
    return ACCESS_OTHER;
  MlirType type = mlirValueGetType(uslAccessGetMemRef(op));
  int64_t strides[16], offset;
  if (rank > 16 ||
      mlirLogicalResultIsFailure(
          mlirMemRefTypeGetStridesAndOffset(type, strides, &offset)) ||
      strides[rank - 1] != 1)
    return ACCESS_OTHER;
  return ACCESS_CONTIGUOUS;
}

static bool vectorizeLoad(Vectorizer *v, MlirOperation op) {
  MlirValue operands[18];
  MlirValue result = mlirOperationGetResult(op, 0);
  MlirType type = mlirValueGetType(result);
  intptr_t rank = mlirAffineMapGetNumResults(uslAccessGetMap(op));
  if (rank > 16 || !isScalar(type))
    return false;
  operands[0] = uslAccessGetMemRef(op);
  AccessKind kind = accessIndices(v, op, operands + 1);
  if (kind == ACCESS_OTHER)
    return false;
  if (kind == ACCESS_UNIFORM) {
    /* Under a mask no lane might run it: it could be out of bounds. */
    if (!mlirValueIsNull(v->mask))
      return false;
    define(v, result, UNIFORM)->scalar =
        build1(v, "memref.load", rank + 1, operands, type);
    return true;
  }
  MlirValue loaded;
  if (mlirValueIsNull(v->mask)) {
    loaded = build1(v, "vector.load", rank + 1, operands, vectorOf(v, type));
  } else {
    operands[rank + 1] = v->mask;
    operands[rank + 2] = zeroVector(v, type);
    loaded = build1(v, "vector.maskedload", rank + 3, operands,
                    vectorOf(v, type));
  }
  define(v, result, VARYING)->vector = loaded;
  return true;
}

static bool vectorizeStore(Vectorizer *v, MlirOperation op) {
  MlirValue operands[19];
  intptr_t rank = mlirAffineMapGetNumResults(uslAccessGetMap(op));
  if (rank > 16)
    return false;
  MlirValue indices[16];
  if (accessIndices(v, op, indices) != ACCESS_CONTIGUOUS)
    return false;
  Lanes value = get(v, mlirOperationGetOperand(op, 0));
  MlirValue vector = materialise(v, &value);
  MlirValue memref = uslAccessGetMemRef(op);
  if (mlirValueIsNull(v->mask)) {
    operands[0] = vector;
    operands[1] = memref;
    memcpy(operands + 2, indices, (size_t)rank * sizeof *indices);
    uslBuild(&v->b, "vector.store", rank + 2, operands, 0, NULL, 0, NULL, 0);
  } else {
    operands[0] = memref;
    memcpy(operands + 1, indices, (size_t)rank * sizeof *indices);
    operands[rank + 1] = v->mask;
    operands[rank + 2] = vector;
    uslBuild(&v->b, "vector.maskedstore", rank + 3, operands, 0, NULL, 0,
             NULL, 0);
  }
  return true;
}

/* A guard that depends on the lanes narrows the mask; one that does not
 * stays a guard around the vectorized body. */
static bool vectorizeIf(Vectorizer *v, MlirOperation op) {
  if (mlirOperationGetNumResults(op) != 0 ||
      !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 1))))
    return false;
  MlirIntegerSet set = uslIfGetCondition(op);
  intptr_t numDims = mlirIntegerSetGetNumDims(set);
  intptr_t numInputs = mlirIntegerSetGetNumInputs(set);
  intptr_t numConstraints = mlirIntegerSetGetNumConstraints(set);
  MlirValue operands[64];
  if (numInputs > 64)
    return false;
  uslGetOperands(op, 0, numInputs, operands);

  MlirValue values[64];
  int64_t steps[64];
  bool uniform = true;
  if (numConstraints > 64)
    return false;
  for (intptr_t i = 0; i < numConstraints; ++i) {
    MlirAffineExpr e = mlirIntegerSetGetConstraint(set, i);
    MlirAffineMap map = mlirAffineMapGet(
        v->ctx, numDims, numInputs - numDims, 1, &e);
    if (!applyMap(v, map, 0, operands, &values[i], &steps[i]))
      return false;
    uniform = uniform && steps[i] == 0;
  }
  MlirBlock then = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
  if (uniform) {
    for (intptr_t i = 0; i < numConstraints; ++i)
      uslDropIfUnused(values[i]);
    MlirValue scalars[64];
    for (intptr_t i = 0; i < numInputs; ++i)
      scalars[i] = get(v, operands[i]).scalar;
    MlirOperation guard =
        uslIfCreate(mlirOperationGetLocation(op), set, scalars);
    mlirBlockInsertOwnedOperationBefore(v->b.block, v->b.before, guard);
    UslBuilder outer = v->b;
    MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
    v->b = uslBuilderBefore(mlirBlockGetTerminator(body));
    v->b.loc = outer.loc;
    /* Vectors materialised in the guard are not visible after it. */
    size_t known = v->size;
    MlirValue *vectors = malloc((known ? known : 1) * sizeof *vectors);
    for (size_t i = 0; i < known; ++i)
      vectors[i] = v->values[i].vector;
    bool ok = vectorizeBlock(v, then);
    v->size = known;
    for (size_t i = 0; i < known; ++i)
      v->values[i].vector = vectors[i];
    free(vectors);
    v->b = outer;
    return ok;
  }
  MlirType index = mlirIndexTypeGet(v->ctx);
  MlirType i1 = mlirIntegerTypeGet(v->ctx, 1);
  MlirValue mask = v->mask;
  MlirValue zero = zeroVector(v, index);
  for (intptr_t i = 0; i < numConstraints; ++i) {
    Lanes l = {.kind = steps[i] ? AFFINE : UNIFORM,
               .scalar = values[i],
               .step = steps[i]};
    MlirValue cmp[2] = {materialise(v, &l), zero};
    /* arith.cmpi predicates: eq = 0, sge = 5 */
    int64_t predicate = mlirIntegerSetIsConstraintEq(set, i) ? 0 : 5;
    MlirNamedAttribute attr = uslNamedAttr(
        v->ctx, "predicate",
        mlirIntegerAttrGet(mlirIntegerTypeGet(v->ctx, 64), predicate));
    MlirType maskType = vectorOf(v, i1);
    MlirValue c = mlirOperationGetResult(
        uslBuild(&v->b, "arith.cmpi", 2, cmp, 1, &maskType, 1, &attr, 0), 0);
    if (mlirValueIsNull(mask)) {
      mask = c;
    } else {
      MlirValue both[2] = {mask, c};
      mask = build1(v, "arith.andi", 2, both, maskType);
    }
  }
  MlirValue outerMask = v->mask;
  v->mask = mask;
  bool ok = vectorizeBlock(v, then);
  v->mask = outerMask;
  return ok;
}

static bool isIndexArith(MlirOperation op, const char *name) {
  return uslOpIs(op, name) &&
         mlirTypeIsAIndex(mlirValueGetType(mlirOperationGetResult(op, 0)));
}

/* addi, subi and muli by a constant keep index values affine. */
static bool affineArith(Vectorizer *v, MlirOperation op, int64_t *step) {
  if (mlirOperationGetNumOperands(op) != 2)
    return false;
  Lanes a = get(v, mlirOperationGetOperand(op, 0));
  Lanes b = get(v, mlirOperationGetOperand(op, 1));
  if (a.kind == VARYING || b.kind == VARYING)
    return false;
  int64_t sa = a.kind == AFFINE ? a.step : 0;
  int64_t sb = b.kind == AFFINE ? b.step : 0;
  int64_t c;
  if (isIndexArith(op, "arith.addi")) {
    *step = sa + sb;
    return true;
  }
  if (isIndexArith(op, "arith.subi")) {
    *step = sa - sb;
    return true;
  }
  if (isIndexArith(op, "arith.muli")) {
    if (b.kind == UNIFORM && uslConstantIndexValue(b.scalar, &c)) {
      *step = sa * c;
      return true;
    }
    if (a.kind == UNIFORM && uslConstantIndexValue(a.scalar, &c)) {
      *step = sb * c;
      return true;
    }
  }
  return false;
}

static bool vectorizeArithmetic(Vectorizer *v, MlirOperation op) {
  intptr_t numOperands = mlirOperationGetNumOperands(op);
  intptr_t numResults = mlirOperationGetNumResults(op);
  for (intptr_t i = 0; i < numResults; ++i)
    if (!isScalar(mlirValueGetType(mlirOperationGetResult(op, i))))
      return false;
  bool uniform = true, scalarOperands = true;
  for (intptr_t i = 0; i < numOperands; ++i) {
    MlirValue operand = mlirOperationGetOperand(op, i);
    scalarOperands = scalarOperands && isScalar(mlirValueGetType(operand));
    uniform = uniform && get(v, operand).kind == UNIFORM;
  }
  if (!scalarOperands)
    return false;

  /* Uniform and affine index values: computed once, for lane 0. */
  int64_t step = 0;
  bool affine = false;
  if (uslOpIs(op, "affine.apply")) {
    MlirValue operands[64];
    MlirAffineMap map = mlirAffineMapAttrGetValue(
        mlirOperationGetAttributeByName(op, mlirStringRefCreateFromCString("map")));
    if (numOperands > 64)
      return false;
    uslGetOperands(op, 0, numOperands, operands);
    MlirValue lane0;
    if (!applyMap(v, map, 0, operands, &lane0, &step))
      return false;
    Lanes *l = define(v, mlirOperationGetResult(op, 0), step ? AFFINE : UNIFORM);
    l->scalar = lane0;
    l->step = step;
    return true;
  }
  if (uniform || (affine = affineArith(v, op, &step))) {
    MlirOperation clone = mlirOperationClone(op);
    mlirBlockInsertOwnedOperationBefore(v->b.block, v->b.before, clone);
    for (intptr_t i = 0; i < numOperands; ++i)
      mlirOperationSetOperand(clone, i,
                              get(v, mlirOperationGetOperand(op, i)).scalar);
    for (intptr_t i = 0; i < numResults; ++i) {
      Lanes *l = define(v, mlirOperationGetResult(op, i),
                        step ? AFFINE : UNIFORM);
      l->scalar = mlirOperationGetResult(clone, i);
      l->step = step;
    }
    return true;
  }

  /* Varying: the same op on vectors. Lanes masked off see zeros, so an op
   * that may trap must not run under a mask. */
  if (!mlirValueIsNull(v->mask) && uslMayTrap(op))
    return false;
  MlirValue vectors[8];
  if (numOperands > 8)
    return false;
  for (intptr_t i = 0; i < numOperands; ++i) {
    Lanes l = get(v, mlirOperationGetOperand(op, i));
    vectors[i] = materialise(v, &l);
  }
  MlirOperation clone = mlirOperationClone(op);
  mlirBlockInsertOwnedOperationBefore(v->b.block, v->b.before, clone);
  for (intptr_t i = 0; i < numOperands; ++i)
    mlirOperationSetOperand(clone, i, vectors[i]);
  for (intptr_t i = 0; i < numResults; ++i) {
    MlirValue r = mlirOperationGetResult(clone, i);
    mlirValueSetType(r, vectorOf(v, mlirValueGetType(r)));
    define(v, mlirOperationGetResult(op, i), VARYING)->vector = r;
  }
  return true;
}

static bool vectorizeBlock(Vectorizer *v, MlirBlock block) {
  MlirOperation terminator = mlirBlockGetTerminator(block);
  for (MlirOperation op = mlirBlockGetFirstOperation(block);
       !mlirOperationEqual(op, terminator);
       op = mlirOperationGetNextInBlock(op)) {
    v->b.loc = mlirOperationGetLocation(op);
    bool ok;
    if (uslOpIs(op, USL_SLOOP_LOAD))
      ok = vectorizeLoad(v, op);
    else if (uslOpIs(op, USL_SLOOP_STORE))
      ok = vectorizeStore(v, op);
    else if (uslOpIs(op, USL_SLOOP_IF))
      ok = vectorizeIf(v, op);
    else if (uslIsPureArithmetic(op))
      ok = vectorizeArithmetic(v, op);
    else
      ok = false;
    if (!ok) {
      if (mlirOperationIsNull(v->failed))
        v->failed = op; /* the innermost op first */
      return false;
    }
  }
  return true;
}

static bool sameElement(MlirOperation a, MlirOperation b) {
  if (!mlirValueEqual(uslAccessGetMemRef(a), uslAccessGetMemRef(b)) ||
      !mlirAffineMapEqual(uslAccessGetMap(a), uslAccessGetMap(b)))
    return false;
  intptr_t first = uslAccessGetFirstIndex(a);
  intptr_t n = mlirAffineMapGetNumInputs(uslAccessGetMap(a));
  for (intptr_t i = 0; i < n; ++i)
    if (!mlirValueEqual(mlirOperationGetOperand(a, first + i),
                        mlirOperationGetOperand(b, uslAccessGetFirstIndex(b) + i)))
      return false;
  return true;
}

/* Vector code runs the body op by op over all lanes, not lane by lane.
 * That is the same when no lane touches an element another lane writes:
 * here, every access to a buffer the body writes is at the written
 * element itself (the loop's lanes are then distinct elements, or the
 * access is refused later). Views of one buffer count as the buffer. A vec
 * loop made by a directive was checked already; one written by hand was
 * not. */
static bool lanesIndependent(MlirOperation loop) {
  const char *names[] = {USL_SLOOP_LOAD, USL_SLOOP_STORE, USL_SLOOP_REDUCE};
  UslOpList accesses = {0};
  uslCollectOps(loop, names, 3, MlirWalkPreOrder, &accesses);
  bool ok = true;
  for (size_t i = 0; i < accesses.size && ok; ++i) {
    MlirOperation w = accesses.ops[i];
    if (uslOpIs(w, USL_SLOOP_LOAD))
      continue;
    UslMemView written;
    uslMemResolve(uslAccessGetMemRef(w), &written);
    for (size_t j = 0; j < accesses.size && ok; ++j) {
      UslMemView other;
      uslMemResolve(uslAccessGetMemRef(accesses.ops[j]), &other);
      ok = j == i || !uslMemMayAlias(&written, &other) ||
           sameElement(w, accesses.ops[j]);
    }
  }
  uslOpListFree(&accesses);
  return ok;
}

/* Says why the vec loop `loop` stays a scalar loop. */
static bool runsScalar(MlirOperation loop, const char *why, MlirOperation op) {
  char name[USL_MAX_STRING_OPTION];
  MlirStringRef n = uslForGetName(loop);
  snprintf(name, sizeof name, "%.*s", (int)n.length, n.data);
  if (mlirOperationIsNull(op)) {
    uslEmitWarningf(mlirOperationGetLocation(loop),
                    "vec loop '%s' runs as a scalar loop: %s", name, why);
  } else {
    MlirStringRef o = mlirIdentifierStr(mlirOperationGetName(op));
    uslEmitWarningf(mlirOperationGetLocation(loop),
                    "vec loop '%s' runs as a scalar loop: '%.*s' (line %d) %s",
                    name, (int)o.length, o.data, uslLineOf(op), why);
  }
  return false;
}

bool uslVectorizeVecLoop(MlirOperation loop) {
  int64_t lb, ub;
  if (!uslForGetConstantBounds(loop, &lb, &ub) || uslForGetStep(loop) != 1)
    return runsScalar(loop, "its bounds are not constant or its step is not 1",
                      (MlirOperation){NULL});
  if (ub - lb < 2 || ub - lb > MAX_LANES) {
    char why[96];
    snprintf(why, sizeof why, "it has %lld lanes, outside 2..%d",
             (long long)(ub - lb), MAX_LANES);
    return runsScalar(loop, why, (MlirOperation){NULL});
  }
  if (!lanesIndependent(loop))
    return runsScalar(loop, "a lane touches an element another lane writes",
                      (MlirOperation){NULL});
  /* The op before the loop: what is built goes between it and the loop. */
  MlirOperation mark = {NULL};
  for (MlirOperation op =
           mlirBlockGetFirstOperation(mlirOperationGetBlock(loop));
       !mlirOperationEqual(op, loop); op = mlirOperationGetNextInBlock(op))
    mark = op;
  Vectorizer v = {.ctx = mlirOperationGetContext(loop),
                  .loop = loop,
                  .lanes = ub - lb,
                  .b = uslBuilderBefore(loop)};
  Lanes *iv = define(&v, uslForGetInductionVar(loop), AFFINE);
  iv->scalar = uslBuildIndexConstant(&v.b, lb);
  iv->step = 1;
  bool ok = vectorizeBlock(&v, uslForGetBody(loop));
  free(v.values);
  if (ok) {
    mlirOperationDestroy(loop);
    return true;
  }
  runsScalar(loop, "has no vector form here (gathers, scatters, reductions, "
                   "nested loops and ops that may trap in masked-off lanes "
                   "keep a loop scalar)",
             v.failed);
  /* Undo: drop what was built, newest first. */
  UslOpList built = {0};
  for (MlirOperation op =
           mlirOperationIsNull(mark)
               ? mlirBlockGetFirstOperation(mlirOperationGetBlock(loop))
               : mlirOperationGetNextInBlock(mark);
       !mlirOperationEqual(op, loop); op = mlirOperationGetNextInBlock(op))
    uslOpListPush(&built, op);
  for (size_t i = built.size; i-- > 0;)
    mlirOperationDestroy(built.ops[i]);
  uslOpListFree(&built);
  return false;
}
