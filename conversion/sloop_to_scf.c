//===- sloop_to_scf.c - convert-sloop-to-scf: scheduled loops to upstream ===//
//
// Before:  sloop.for %i = 0 to %N par {
//            %a = sloop.load %A[%i + 1] : memref<?xf32, #tmem.space<dram>>
//            sloop.reduce add %a, %S[0] : memref<1xf32> }
// After:   scf.parallel (%i) = (%c0) to (%N) step (%c1) {
//            %j = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
//            %a = memref.load %A[%j] : memref<?xf32>
//            %s = memref.load %S[%c0] ... arith.addf ... memref.store ... }
//
// Loop kinds: seq becomes scf.for, par becomes scf.parallel, unroll is
// replicated here, vec becomes vector ops (vectorize_loops.c) when its body
// allows, scf.for otherwise. Affine indices become affine.apply, expanded by
// the upstream lower-affine pass. Buffers: a small static one (and every
// dram_static one) is placed once, at the start of the function's entry
// block (one per call) or, when private to the iterations of a par loop, of
// that loop's body (one per thread once on OpenMP:
// usl-dissolve-alloca-scopes): a stack slot within the stack budget, past
// it a dram_static buffer is a heap allocation there, freed at the end.
// Other dram buffers are heap allocations freed at the end of their block.
// The
// tmem memory spaces are then dropped from every type. Buffers in register
// spaces (rvm_tile, avx512) are an error: only instruction selection may
// consume them.
//
//===----------------------------------------------------------------------===//

#include "../passes/pass_table.h"
#include "../passes/support.h"
#include "vectorize_loops.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Affine.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/MemRef.h"
#include "mlir-c/Dialect/SCF.h"
#include "mlir-c/Dialect/Vector.h"
#include "mlir-c/IntegerSet.h"

#include <stdint.h>
#include <stdlib.h>

/* The stack budget (docs/design.md, Limits): the largest buffer placed on
 * the stack, and the most bytes of stack buffers per function (the slots of
 * par loops, one set per thread, included). */
enum { STACK_BUFFER_LIMIT = 64 * 1024, STACK_FRAME_LIMIT = 256 * 1024 };
/* The most iterations an unroll loop may have. */

static MlirValue *operandsOf(MlirOperation op, intptr_t first, intptr_t n) {
  MlirValue *v = malloc((size_t)(n ? n : 1) * sizeof *v);
  uslGetOperands(op, first, n, v);
  return v;
}

static MlirValue build1(UslBuilder *b, const char *name, intptr_t numOperands,
                        const MlirValue *operands, MlirType type) {
  return mlirOperationGetResult(
      uslBuild(b, name, numOperands, operands, 1, &type, 0, NULL, 0), 0);
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

/* Register spaces can only be consumed by instruction selection. */
static bool checkSpaces(MlirOperation func) {
  UslOpList allocs = {0};
  const char *names[] = {USL_SLOOP_ALLOC};
  uslCollectOps(func, names, 1, MlirWalkPreOrder, &allocs);
  bool ok = true;
  for (size_t i = 0; i < allocs.size && ok; ++i) {
    MlirOperation alloc = allocs.ops[i];
    UslMemorySpace space;
    uslMemRefTypeGetSpace(mlirValueGetType(mlirOperationGetResult(alloc, 0)),
                          &space);
    if (uslMemorySpaceIsRegister(space)) {
      MlirStringRef name = uslAllocGetName(alloc);
      uslEmitErrorf(mlirOperationGetLocation(alloc),
                    "buffer '%.*s' lives in %s registers, which only %s "
                    "instructions may access; select instructions for it "
                    "before lowering to LLVM",
                    (int)name.length, name.data, uslMemorySpaceName(space),
                    space == USL_MEM_RVM_TILE ? "RVM" : "AVX-512");
      ok = false;
    }
  }
  uslOpListFree(&allocs);
  if (!ok)
    return false;
  MlirRegion body = mlirOperationGetRegion(func, 0);
  MlirBlock entry = mlirRegionGetFirstBlock(body);
  if (mlirBlockIsNull(entry))
    return true;
  for (intptr_t i = 0; i < mlirBlockGetNumArguments(entry); ++i) {
    MlirType t = mlirValueGetType(mlirBlockGetArgument(entry, i));
    UslMemorySpace space;
    if (mlirTypeIsAMemRef(t) && uslMemRefTypeGetSpace(t, &space) &&
        uslMemorySpaceIsRegister(space)) {
      uslEmitErrorf(mlirOperationGetLocation(func),
                    "argument %ld is a buffer in %s registers; function "
                    "arguments must live in dram",
                    (long)i, uslMemorySpaceName(space));
      return false;
    }
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Unrolling
//===----------------------------------------------------------------------===//

bool uslExpandUnrollLoop(MlirOperation loop) {
  int64_t lb = 0, ub = 0, step = uslForGetStep(loop);
  uslForGetConstantBounds(loop, &lb, &ub); /* the verifier requires them */
  int64_t trips = ub > lb ? (ub - lb + step - 1) / step : 0;
  if (trips > USL_UNROLL_LIMIT) {
    MlirStringRef name = uslForGetName(loop);
    uslEmitErrorf(mlirOperationGetLocation(loop),
                  "cannot unroll loop '%.*s': %lld iterations, at most %d",
                  (int)name.length, name.data, (long long)trips,
                  USL_UNROLL_LIMIT);
    return false;
  }
  /* Inner unroll loops are expanded by now: the copies hold trips times
   * the body's ops. */
  if (uslUnrolledOps(loop) > USL_UNROLLED_OPS_LIMIT) {
    MlirStringRef name = uslForGetName(loop);
    uslEmitErrorf(mlirOperationGetLocation(loop),
                  "cannot unroll loop '%.*s': its %lld copies would hold more "
                  "than %d ops",
                  (int)name.length, name.data, (long long)trips,
                  USL_UNROLLED_OPS_LIMIT);
    return false;
  }
  MlirBlock body = uslForGetBody(loop);
  MlirValue iv = uslForGetInductionVar(loop);
  MlirOperation terminator = mlirBlockGetTerminator(body);
  UslBuilder b = uslBuilderBefore(loop);
  for (int64_t v = lb; v < ub; v += step) {
    UslValueMap map = {0};
    uslValueMapSet(&map, iv, uslBuildIndexConstant(&b, v));
    for (MlirOperation op = mlirBlockGetFirstOperation(body);
         !mlirOperationEqual(op, terminator);
         op = mlirOperationGetNextInBlock(op))
      uslCloneWithMap(op, loop, &map);
    uslValueMapFree(&map);
  }
  mlirOperationDestroy(loop);
  return true;
}

//===----------------------------------------------------------------------===//
// One op at a time
//===----------------------------------------------------------------------===//

/* Replaces the terminator of `block` by an op `name` with its operands. */
static void replaceTerminator(MlirBlock block, const char *name) {
  MlirOperation old = mlirBlockGetTerminator(block);
  intptr_t n = mlirOperationGetNumOperands(old);
  MlirValue *values = operandsOf(old, 0, n);
  UslBuilder b = uslBuilderBefore(old);
  uslBuild(&b, name, n, values, 0, NULL, 0, NULL, 0);
  free(values);
  mlirOperationDestroy(old);
}

static void convertFor(MlirOperation loop) {
  UslBuilder b = uslBuilderBefore(loop);
  MlirContext ctx = b.ctx;
  intptr_t numLb = uslForGetNumLowerBoundOperands(loop);
  intptr_t numOperands = mlirOperationGetNumOperands(loop);
  MlirValue *lbOps = operandsOf(loop, 0, numLb);
  MlirValue *ubOps = operandsOf(loop, numLb, numOperands - numLb);
  MlirValue bounds[3] = {
      uslBuildAffineResult(&b, uslForGetLowerBoundMap(loop), 0, lbOps),
      uslBuildAffineResult(&b, uslForGetUpperBoundMap(loop), 0, ubOps),
      uslBuildIndexConstant(&b, uslForGetStep(loop))};
  free(lbOps);
  free(ubOps);

  bool parallel = uslForGetKind(loop) == USL_LOOP_PAR;
  MlirOperation replacement;
  if (parallel) {
    int32_t segments[4] = {1, 1, 1, 0};
    MlirNamedAttribute attr = uslNamedAttr(
        ctx, "operandSegmentSizes", mlirDenseI32ArrayGet(ctx, 4, segments));
    replacement = uslBuild(&b, "scf.parallel", 3, bounds, 0, NULL, 1, &attr, 1);
  } else {
    replacement = uslBuild(&b, "scf.for", 3, bounds, 0, NULL, 0, NULL, 1);
  }
  MlirRegion region = mlirOperationGetRegion(replacement, 0);
  mlirRegionTakeBody(region, mlirOperationGetRegion(loop, 0));
  replaceTerminator(mlirRegionGetFirstBlock(region),
                    parallel ? "scf.reduce" : "scf.yield");
  mlirOperationDestroy(loop);
}

static void convertIf(MlirOperation op) {
  UslBuilder b = uslBuilderBefore(op);
  MlirContext ctx = b.ctx;
  MlirIntegerSet set = uslIfGetCondition(op);
  intptr_t numInputs = mlirIntegerSetGetNumInputs(set);
  MlirValue *inputs = operandsOf(op, 0, numInputs);
  MlirType i1 = mlirIntegerTypeGet(ctx, 1);
  MlirValue cond = {NULL};
  for (intptr_t i = 0; i < mlirIntegerSetGetNumConstraints(set); ++i) {
    MlirAffineExpr e = mlirIntegerSetGetConstraint(set, i);
    MlirAffineMap map = mlirAffineMapGet(ctx, numInputs, 0, 1, &e);
    MlirValue cmpOperands[2] = {uslBuildAffineResult(&b, map, 0, inputs),
                                uslBuildIndexConstant(&b, 0)};
    /* arith.cmpi predicates: eq = 0, sge = 5 */
    int64_t predicate = mlirIntegerSetIsConstraintEq(set, i) ? 0 : 5;
    MlirNamedAttribute attr = uslNamedAttr(
        ctx, "predicate",
        mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 64), predicate));
    MlirValue c = mlirOperationGetResult(
        uslBuild(&b, "arith.cmpi", 2, cmpOperands, 1, &i1, 1, &attr, 0), 0);
    if (mlirValueIsNull(cond)) {
      cond = c;
    } else {
      MlirValue both[2] = {cond, c};
      cond = build1(&b, "arith.andi", 2, both, i1);
    }
  }
  free(inputs);
  if (mlirValueIsNull(cond)) {
    MlirNamedAttribute attr =
        uslNamedAttr(ctx, "value", mlirIntegerAttrGet(i1, 1));
    cond = mlirOperationGetResult(
        uslBuild(&b, "arith.constant", 0, NULL, 1, &i1, 1, &attr, 0), 0);
  }

  intptr_t numResults = mlirOperationGetNumResults(op);
  MlirType *types = malloc((size_t)(numResults ? numResults : 1) * sizeof *types);
  for (intptr_t i = 0; i < numResults; ++i)
    types[i] = mlirValueGetType(mlirOperationGetResult(op, i));
  MlirOperation scfIf =
      uslBuild(&b, "scf.if", 1, &cond, numResults, types, 0, NULL, 2);
  free(types);
  for (intptr_t r = 0; r < 2; ++r) {
    MlirRegion from = mlirOperationGetRegion(op, r);
    if (mlirBlockIsNull(mlirRegionGetFirstBlock(from)))
      continue;
    MlirRegion to = mlirOperationGetRegion(scfIf, r);
    mlirRegionTakeBody(to, from);
    replaceTerminator(mlirRegionGetFirstBlock(to), "scf.yield");
  }
  for (intptr_t i = 0; i < numResults; ++i)
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(op, i),
                                  mlirOperationGetResult(scfIf, i));
  mlirOperationDestroy(op);
}

/* Builds memref, index... for the access `op` into `out` (rank + 1 values). */
static void buildAccessOperands(UslBuilder *b, MlirOperation op,
                                MlirValue *out) {
  MlirAffineMap map = uslAccessGetMap(op);
  intptr_t first = uslAccessGetFirstIndex(op);
  MlirValue *indices = operandsOf(op, first, mlirAffineMapGetNumInputs(map));
  out[0] = uslAccessGetMemRef(op);
  for (intptr_t i = 0; i < mlirAffineMapGetNumResults(map); ++i)
    out[1 + i] = uslBuildAffineResult(b, map, i, indices);
  free(indices);
}

static const char *combinerName(UslReduceKind kind, bool isFloat) {
  switch (kind) {
  case USL_REDUCE_ADD:
    return isFloat ? "arith.addf" : "arith.addi";
  case USL_REDUCE_MUL:
    return isFloat ? "arith.mulf" : "arith.muli";
  case USL_REDUCE_MAX:
    return isFloat ? "arith.maxnumf" : "arith.maxsi";
  case USL_REDUCE_MIN:
    return isFloat ? "arith.minnumf" : "arith.minsi";
  }
  return "";
}

static void convertAccess(MlirOperation op) {
  UslBuilder b = uslBuilderBefore(op);
  intptr_t rank = mlirAffineMapGetNumResults(uslAccessGetMap(op));
  MlirValue *access = malloc((size_t)(rank + 2) * sizeof *access);
  buildAccessOperands(&b, op, access + 1);
  if (uslOpIs(op, USL_SLOOP_LOAD)) {
    MlirValue result = mlirOperationGetResult(op, 0);
    MlirValue loaded = build1(&b, "memref.load", rank + 1, access + 1,
                              mlirValueGetType(result));
    mlirValueReplaceAllUsesOfWith(result, loaded);
  } else {
    MlirValue value = mlirOperationGetOperand(op, 0);
    if (uslOpIs(op, USL_SLOOP_REDUCE)) {
      MlirType type = mlirValueGetType(value);
      MlirValue old = build1(&b, "memref.load", rank + 1, access + 1, type);
      MlirValue both[2] = {old, value};
      value = build1(&b, combinerName(uslReduceGetKind(op), mlirTypeIsAFloat(type)),
                     2, both, type);
    }
    access[0] = value;
    uslBuild(&b, "memref.store", rank + 2, access, 0, NULL, 0, NULL, 0);
  }
  free(access);
  mlirOperationDestroy(op);
}

static bool insideParallelLoop(MlirOperation op) {
  if (!mlirOperationIsNull(uslGetParentOfName(op, "scf.parallel")))
    return true;
  for (MlirOperation p = uslGetParentOfName(op, USL_SLOOP_FOR);
       !mlirOperationIsNull(p); p = uslGetParentOfName(p, USL_SLOOP_FOR))
    if (uslForGetKind(p) == USL_LOOP_PAR)
      return true;
  return false;
}

static int64_t staticBytes(MlirType type) {
  if (!mlirShapedTypeHasStaticShape(type))
    return INT64_MAX;
  int64_t elements = 1;
  for (intptr_t i = 0; i < mlirShapedTypeGetRank(type); ++i)
    elements *= mlirShapedTypeGetDimSize(type, i);
  MlirType element = mlirShapedTypeGetElementType(type);
  int64_t bits = mlirTypeIsAIndex(element) ? 64
                 : mlirTypeIsAFloat(element)
                     ? mlirFloatTypeGetWidth(element)
                     : mlirIntegerTypeGetWidth(element);
  return elements * ((bits + 7) / 8);
}

/* Builds a memref.alloca or (`heap`) memref.alloc of static `type`. */
static MlirValue buildStaticAlloc(UslBuilder *b, MlirType type, bool heap) {
  int32_t segments[2] = {0, 0};
  MlirNamedAttribute attr = uslNamedAttr(
      b->ctx, "operandSegmentSizes", mlirDenseI32ArrayGet(b->ctx, 2, segments));
  return mlirOperationGetResult(
      uslBuild(b, heap ? "memref.alloc" : "memref.alloca", 0, NULL, 1, &type, 1,
               &attr, 0),
      0);
}

/* Frees `buffer` before the terminator of each block of `region` that
 * leaves it (a function's returns, a parallel loop body's end). */
static void freeAtExits(MlirRegion region, MlirValue buffer) {
  for (MlirBlock block = mlirRegionGetFirstBlock(region);
       !mlirBlockIsNull(block); block = mlirBlockGetNextInRegion(block)) {
    MlirOperation end = mlirBlockGetTerminator(block);
    if (mlirOperationIsNull(end) || uslOpIs(end, "cf.br") ||
        uslOpIs(end, "cf.cond_br"))
      continue;
    UslBuilder b = uslBuilderBefore(end);
    uslBuild(&b, "memref.dealloc", 1, &buffer, 0, NULL, 0, NULL, 0);
  }
}

/* Where a buffer lives (see the Limits in docs/design.md): on the stack of
 * the function, or of each thread of the par loop it is private to, while
 * it is at most STACK_BUFFER_LIMIT bytes and the function's stack buffers
 * stay within STACK_FRAME_LIMIT; past that, a dram_static buffer is one
 * heap allocation in the same place, any other on the heap in its block. */
static void convertAlloc(MlirOperation alloc, MlirOperation func,
                         int64_t *stackBytes) {
  MlirValue buffer = mlirOperationGetResult(alloc, 0);
  MlirType type = mlirValueGetType(buffer);
  UslMemorySpace space;
  uslMemRefTypeGetSpace(type, &space);
  int64_t bytes = staticBytes(type);
  bool isStatic = space == USL_MEM_DRAM_STATIC;
  /* A buffer inside a par loop is private to its iterations: its storage
   * is placed at the start of that loop's body (one per thread once the
   * loop runs on threads: usl-dissolve-alloca-scopes), never shared. */
  MlirOperation par = uslGetParentOfName(alloc, "scf.parallel");
  bool placeable = !insideParallelLoop(alloc) || !mlirOperationIsNull(par);
  MlirOperation owner = mlirOperationIsNull(par) ? func : par;
  /* A register buffer of convert-avx512 is promoted to a register by LLVM:
   * a stack slot outside the budget. */
  bool reg = !mlirAttributeIsNull(mlirOperationGetAttributeByName(
      alloc, mlirStringRefCreateFromCString("usl.register")));
  bool onStack = placeable && bytes <= STACK_BUFFER_LIMIT &&
                 (reg || *stackBytes + bytes <= STACK_FRAME_LIMIT);
  bool heapAtOwner =
      placeable && isStatic && !onStack && mlirShapedTypeHasStaticShape(type);
  MlirValue replacement;
  if (onStack || heapAtOwner) {
    /* Stack slots first in the block, heap buffers after them, so that the
     * slots stay where usl-dissolve-alloca-scopes looks for them. */
    MlirRegion region = mlirOperationGetRegion(owner, 0);
    MlirBlock entry = mlirRegionGetFirstBlock(region);
    MlirOperation at = mlirBlockGetFirstOperation(entry);
    if (heapAtOwner)
      while (!mlirOperationIsNull(at) && uslOpIs(at, "memref.alloca"))
        at = mlirOperationGetNextInBlock(at);
    UslBuilder b = mlirOperationIsNull(at)
                       ? uslBuilderAtEnd(entry, mlirOperationGetLocation(alloc))
                       : uslBuilderBefore(at);
    b.loc = mlirOperationGetLocation(alloc);
    replacement = buildStaticAlloc(&b, type, heapAtOwner);
    if (heapAtOwner)
      freeAtExits(region, replacement);
    else if (!reg)
      *stackBytes += bytes;
  } else {
    UslBuilder b = uslBuilderBefore(alloc);
    intptr_t n = mlirOperationGetNumOperands(alloc);
    MlirValue *sizes = operandsOf(alloc, 0, n);
    int32_t segments[2] = {(int32_t)n, 0};
    MlirNamedAttribute attr = uslNamedAttr(
        b.ctx, "operandSegmentSizes", mlirDenseI32ArrayGet(b.ctx, 2, segments));
    replacement = mlirOperationGetResult(
        uslBuild(&b, "memref.alloc", n, sizes, 1, &type, 1, &attr, 0), 0);
    free(sizes);
    UslBuilder end =
        uslBuilderBefore(mlirBlockGetTerminator(mlirOperationGetBlock(alloc)));
    uslBuild(&end, "memref.dealloc", 1, &replacement, 0, NULL, 0, NULL, 0);
  }
  mlirValueReplaceAllUsesOfWith(buffer, replacement);
  mlirOperationDestroy(alloc);
}

static void convertWindow(MlirOperation window) {
  UslBuilder b = uslBuilderBefore(window);
  MlirContext ctx = b.ctx;
  MlirAffineMap map = mlirAffineMapAttrGetValue(mlirOperationGetAttributeByName(
      window, mlirStringRefCreateFromCString("offsets")));
  MlirAttribute sizes = mlirOperationGetAttributeByName(
      window, mlirStringRefCreateFromCString("sizes"));
  intptr_t rank = mlirAffineMapGetNumResults(map);
  MlirValue *inputs = operandsOf(window, 1, mlirAffineMapGetNumInputs(map));
  MlirValue *operands = malloc((size_t)(rank + 1) * sizeof *operands);
  int64_t *dynamic = malloc((size_t)rank * sizeof *dynamic);
  int64_t *ones = malloc((size_t)rank * sizeof *ones);
  operands[0] = mlirOperationGetOperand(window, 0);
  for (intptr_t i = 0; i < rank; ++i) {
    operands[1 + i] = uslBuildAffineResult(&b, map, i, inputs);
    dynamic[i] = INT64_MIN; /* ShapedType::kDynamic */
    ones[i] = 1;
  }
  int32_t segments[4] = {1, (int32_t)rank, 0, 0};
  MlirNamedAttribute attrs[4] = {
      uslNamedAttr(ctx, "static_offsets", mlirDenseI64ArrayGet(ctx, rank, dynamic)),
      uslNamedAttr(ctx, "static_sizes", sizes),
      uslNamedAttr(ctx, "static_strides", mlirDenseI64ArrayGet(ctx, rank, ones)),
      uslNamedAttr(ctx, "operandSegmentSizes",
                   mlirDenseI32ArrayGet(ctx, 4, segments))};
  MlirValue result = mlirOperationGetResult(window, 0);
  MlirType type = mlirValueGetType(result);
  MlirOperation view = uslBuild(&b, "memref.subview", rank + 1, operands, 1,
                                &type, 4, attrs, 0);
  mlirValueReplaceAllUsesOfWith(result, mlirOperationGetResult(view, 0));
  free(inputs);
  free(operands);
  free(dynamic);
  free(ones);
  mlirOperationDestroy(window);
}

//===----------------------------------------------------------------------===//
// Dropping memory spaces
//===----------------------------------------------------------------------===//

static MlirType withoutSpace(MlirType type) {
  if (!mlirTypeIsAMemRef(type) ||
      mlirAttributeIsNull(mlirMemRefTypeGetMemorySpace(type)) ||
      !uslAttributeIsATmemSpace(mlirMemRefTypeGetMemorySpace(type)))
    return type;
  intptr_t rank = mlirShapedTypeGetRank(type);
  int64_t *shape = malloc((size_t)(rank ? rank : 1) * sizeof *shape);
  for (intptr_t i = 0; i < rank; ++i)
    shape[i] = mlirShapedTypeGetDimSize(type, i);
  MlirType stripped =
      mlirMemRefTypeGet(mlirShapedTypeGetElementType(type), rank, shape,
                        mlirMemRefTypeGetLayout(type), mlirAttributeGetNull());
  free(shape);
  return stripped;
}

static void stripValue(MlirValue v) {
  MlirType t = mlirValueGetType(v);
  MlirType s = withoutSpace(t);
  if (!mlirTypeEqual(s, t))
    mlirValueSetType(v, s);
}

static MlirWalkResult stripOp(MlirOperation op, void *userData) {
  (void)userData;
  for (intptr_t i = 0; i < mlirOperationGetNumResults(op); ++i)
    stripValue(mlirOperationGetResult(op, i));
  for (intptr_t r = 0; r < mlirOperationGetNumRegions(op); ++r)
    for (MlirBlock block = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
         !mlirBlockIsNull(block); block = mlirBlockGetNextInRegion(block))
      for (intptr_t a = 0; a < mlirBlockGetNumArguments(block); ++a)
        stripValue(mlirBlockGetArgument(block, a));
  return MlirWalkResultAdvance;
}

static void stripFunctionType(MlirOperation func) {
  MlirStringRef attrName = mlirStringRefCreateFromCString("function_type");
  MlirType fnType =
      mlirTypeAttrGetValue(mlirOperationGetAttributeByName(func, attrName));
  intptr_t numIn = mlirFunctionTypeGetNumInputs(fnType);
  intptr_t numOut = mlirFunctionTypeGetNumResults(fnType);
  MlirType *in = malloc((size_t)(numIn + 1) * sizeof *in);
  MlirType *out = malloc((size_t)(numOut + 1) * sizeof *out);
  for (intptr_t i = 0; i < numIn; ++i)
    in[i] = withoutSpace(mlirFunctionTypeGetInput(fnType, i));
  for (intptr_t i = 0; i < numOut; ++i)
    out[i] = withoutSpace(mlirFunctionTypeGetResult(fnType, i));
  MlirType stripped = mlirFunctionTypeGet(mlirOperationGetContext(func), numIn,
                                          in, numOut, out);
  mlirOperationSetAttributeByName(func, attrName, mlirTypeAttrGet(stripped));
  free(in);
  free(out);
}

/* Arguments' sloop.name attributes name buffers for directives only. */
static void dropArgumentNames(MlirOperation func) {
  MlirStringRef attrName = mlirStringRefCreateFromCString("arg_attrs");
  MlirAttribute all = mlirOperationGetAttributeByName(func, attrName);
  if (mlirAttributeIsNull(all) || !mlirAttributeIsAArray(all))
    return;
  MlirContext ctx = mlirOperationGetContext(func);
  intptr_t n = mlirArrayAttrGetNumElements(all);
  MlirAttribute *dicts = malloc((size_t)(n ? n : 1) * sizeof *dicts);
  for (intptr_t i = 0; i < n; ++i) {
    MlirAttribute d = mlirArrayAttrGetElement(all, i);
    intptr_t m = mlirDictionaryAttrGetNumElements(d);
    MlirNamedAttribute *kept = malloc((size_t)(m ? m : 1) * sizeof *kept);
    intptr_t k = 0;
    for (intptr_t j = 0; j < m; ++j) {
      MlirNamedAttribute a = mlirDictionaryAttrGetElement(d, j);
      if (!mlirStringRefEqual(mlirIdentifierStr(a.name),
                              mlirStringRefCreateFromCString("sloop.name")))
        kept[k++] = a;
    }
    dicts[i] = mlirDictionaryAttrGet(ctx, k, kept);
    free(kept);
  }
  mlirOperationSetAttributeByName(func, attrName,
                                  mlirArrayAttrGet(ctx, n, dicts));
  free(dicts);
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

static MlirLogicalResult run(MlirOperation func, const void *options) {
  (void)options;
  if (!checkSpaces(func))
    return mlirLogicalResultFailure();

  /* Innermost unroll loops first, so outer copies copy unrolled bodies. */
  UslOpList loops = {0};
  const char *forName[] = {USL_SLOOP_FOR};
  uslCollectOps(func, forName, 1, MlirWalkPostOrder, &loops);
  bool ok = true;
  for (size_t i = 0; i < loops.size && ok; ++i)
    if (uslForGetKind(loops.ops[i]) == USL_LOOP_UNROLL)
      ok = uslExpandUnrollLoop(loops.ops[i]);
  uslOpListFree(&loops);
  if (!ok)
    return mlirLogicalResultFailure();

  /* Then vec loops, innermost first. */
  uslCollectOps(func, forName, 1, MlirWalkPostOrder, &loops);
  for (size_t i = 0; i < loops.size; ++i)
    if (uslForGetKind(loops.ops[i]) == USL_LOOP_VEC)
      uslVectorizeVecLoop(loops.ops[i]);
  uslOpListFree(&loops);

  /* Parents before children: converting a loop moves its body, so the ops
   * collected inside it stay valid. */
  UslOpList ops = {0};
  const char *names[] = {USL_SLOOP_FOR,   USL_SLOOP_IF,    USL_SLOOP_LOAD,
                         USL_SLOOP_STORE, USL_SLOOP_REDUCE, USL_SLOOP_ALLOC,
                         USL_TMEM_WINDOW};
  uslCollectOps(func, names, sizeof names / sizeof names[0], MlirWalkPreOrder,
                &ops);
  int64_t stackBytes = 0;
  for (size_t i = 0; i < ops.size; ++i) {
    MlirOperation op = ops.ops[i];
    if (uslOpIs(op, USL_SLOOP_FOR))
      convertFor(op);
    else if (uslOpIs(op, USL_SLOOP_IF))
      convertIf(op);
    else if (uslOpIs(op, USL_SLOOP_ALLOC))
      convertAlloc(op, func, &stackBytes);
    else if (uslOpIs(op, USL_TMEM_WINDOW))
      convertWindow(op);
    else
      convertAccess(op);
  }
  uslOpListFree(&ops);

  mlirOperationWalk(func, stripOp, NULL, MlirWalkPreOrder);
  stripFunctionType(func);
  dropArgumentNames(func);
  return mlirLogicalResultSuccess();
}

static intptr_t dependentDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__affine__();
  out[1] = mlirGetDialectHandle__arith__();
  out[2] = mlirGetDialectHandle__memref__();
  out[3] = mlirGetDialectHandle__scf__();
  out[4] = mlirGetDialectHandle__vector__();
  return 5;
}

static const char noOptions;

const UslPassInfo uslConvertSloopToScfPass = {
    .argument = "convert-sloop-to-scf",
    .summary = "lower scheduled loops and tile memory to scf, memref, arith "
               "and affine.apply",
    .anchor = "func.func",
    .defaults = &noOptions,
    .run = run,
    .dependentDialects = dependentDialects,
};
