//===- linalg_import.c - import-linalg: upstream linalg to scheduled loops -===//
//
// IR from other MLIR compilers arrives as linalg ops. import-linalg is a
// pipeline of three steps:
//   one-shot-bufferize (upstream)            tensors -> memrefs (functions too)
//   linalg-generalize-named-ops (upstream)   matmul, conv_*, fill, ... ->
//                                            linalg.generic
//   convert-linalg-to-sloop (USL)            linalg.generic -> a sloop nest
//
// Before:  linalg.generic {indexing_maps = [(i,j,k)->(i,k), (i,j,k)->(k,j),
//            (i,j,k)->(i,j)]} ins(%A, %B) outs(%C) { %p = mulf %a, %b;
//            %s = addf %c, %p; linalg.yield %s }
// After:   sloop.for %i = 0 to 16 { sloop.for %j = 0 to 8 {
//            sloop.for %k = 0 to 12 { %a = sloop.load %A[%i, %k] ...
//              %p = arith.mulf %a, %b; sloop.reduce add %p, %C[%i, %j] } } }
//
// One loop per iteration dimension, outermost first, named i, j, k, l, m,
// n, p, q (or by the op's `usl.loops` string array); each runs over the
// extent of an operand dimension the dimension indexes alone. Inputs are
// loaded (scalars used as they are), the body cloned (linalg.index becomes
// the loop variable), each output stored; an output updated as
// `out + x` or `out * x` becomes sloop.reduce. Accesses keep the op's
// indexing maps, so sums such as a convolution's `ow + kw` stay affine.
//
//===----------------------------------------------------------------------===//

#include "../passes/pass_table.h"
#include "../passes/support.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/MemRef.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.capi.h.inc"
#include "mlir/Dialect/Linalg/Passes.capi.h.inc"

#include <stdio.h>
#include <string.h>

enum { MAX_LOOPS = 16, MAX_OPERANDS = 32 };

static const char *const defaultNames[] = {"i", "j", "k", "l",
                                           "m", "n", "p", "q"};

static MlirAttribute attr(MlirOperation op, const char *name) {
  return mlirOperationGetAttributeByName(op,
                                         mlirStringRefCreateFromCString(name));
}

/* Sums of dimensions times constants, and constants: what a sloop access
 * takes and the dependence analysis reads exactly. */
static bool isLinear(MlirAffineExpr e) {
  if (mlirAffineExprIsADim(e) || mlirAffineExprIsAConstant(e))
    return true;
  if (mlirAffineExprIsAAdd(e))
    return isLinear(mlirAffineBinaryOpExprGetLHS(e)) &&
           isLinear(mlirAffineBinaryOpExprGetRHS(e));
  if (mlirAffineExprIsAMul(e))
    return isLinear(mlirAffineBinaryOpExprGetLHS(e)) &&
           isLinear(mlirAffineBinaryOpExprGetRHS(e)) &&
           (mlirAffineExprIsAConstant(mlirAffineBinaryOpExprGetLHS(e)) ||
            mlirAffineExprIsAConstant(mlirAffineBinaryOpExprGetRHS(e)));
  return false;
}

typedef struct Generic {
  MlirOperation op;
  MlirLocation loc;
  int numInputs, numOperands, numLoops;
  MlirValue operands[MAX_OPERANDS];
  MlirAffineMap maps[MAX_OPERANDS];
  MlirBlock body;
  char names[MAX_LOOPS][64];
} Generic;

static void opName(MlirOperation op, char *out, size_t size) {
  MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(op));
  snprintf(out, size, "%.*s", (int)n.length, n.data);
}

/* Reads and checks the generic op; on a form USL does not take, one error
 * naming what is wrong. */
static bool readGeneric(MlirOperation op, Generic *g) {
  memset(g, 0, sizeof *g);
  g->op = op;
  g->loc = mlirOperationGetLocation(op);
  MlirAttribute segments = attr(op, "operandSegmentSizes");
  MlirAttribute maps = attr(op, "indexing_maps");
  g->numOperands = (int)mlirOperationGetNumOperands(op);
  if (mlirAttributeIsNull(segments) || mlirAttributeIsNull(maps) ||
      mlirDenseArrayGetNumElements(segments) != 2 ||
      mlirArrayAttrGetNumElements(maps) != g->numOperands) {
    uslEmitErrorf(g->loc, "cannot import 'linalg.generic': its operands and "
                          "indexing maps do not match");
    return false;
  }
  if (g->numOperands > MAX_OPERANDS) {
    uslEmitErrorf(g->loc,
                  "cannot import 'linalg.generic': %d operands, at most %d",
                  g->numOperands, MAX_OPERANDS);
    return false;
  }
  g->numInputs = mlirDenseI32ArrayGetElement(segments, 0);
  for (int k = 0; k < g->numOperands; ++k) {
    g->operands[k] = mlirOperationGetOperand(op, k);
    g->maps[k] = mlirAffineMapAttrGetValue(mlirArrayAttrGetElement(maps, k));
    MlirType type = mlirValueGetType(g->operands[k]);
    if (mlirTypeIsATensor(type) || mlirOperationGetNumResults(op) != 0) {
      uslEmitErrorf(g->loc, "cannot import 'linalg.generic' on tensors: "
                            "bufferize it first (import-linalg does, with "
                            "bufferize=true)");
      return false;
    }
    if (!mlirTypeIsAMemRef(type) && k >= g->numInputs) {
      uslEmitErrorf(g->loc, "cannot import 'linalg.generic': output %d is "
                            "not a memref",
                    k - g->numInputs);
      return false;
    }
    if (mlirTypeIsAMemRef(type) && mlirShapedTypeGetRank(type) !=
                                       mlirAffineMapGetNumResults(g->maps[k])) {
      uslEmitErrorf(g->loc, "cannot import 'linalg.generic': the indexing map "
                            "of operand %d has %zd results for a memref of "
                            "rank %zd",
                    k, mlirAffineMapGetNumResults(g->maps[k]),
                    mlirShapedTypeGetRank(type));
      return false;
    }
    if (mlirAffineMapGetNumSymbols(g->maps[k]) != 0) {
      uslEmitErrorf(g->loc, "cannot import 'linalg.generic': the indexing map "
                            "of operand %d has symbols",
                    k);
      return false;
    }
    for (intptr_t r = 0; r < mlirAffineMapGetNumResults(g->maps[k]); ++r)
      if (!isLinear(mlirAffineMapGetResult(g->maps[k], r))) {
        uslEmitErrorf(g->loc,
                      "cannot import 'linalg.generic': result %zd of the "
                      "indexing map of operand %d is not a sum of "
                      "dimensions times constants (mod, floordiv and "
                      "ceildiv are not taken)",
                      r, k);
        return false;
      }
  }
  g->numLoops = g->numOperands ? (int)mlirAffineMapGetNumDims(g->maps[0]) : 0;
  if (g->numLoops == 0 || g->numLoops > MAX_LOOPS) {
    uslEmitErrorf(g->loc, "cannot import 'linalg.generic': %d loops (1 to "
                          "%d are taken)",
                  g->numLoops, MAX_LOOPS);
    return false;
  }
  g->body = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
  for (MlirOperation inner = mlirBlockGetFirstOperation(g->body);
       !mlirOperationIsNull(inner);
       inner = mlirOperationGetNextInBlock(inner))
    if (mlirOperationGetNumRegions(inner) != 0) {
      char name[128];
      opName(inner, name, sizeof name);
      uslEmitErrorf(mlirOperationGetLocation(inner),
                    "cannot import 'linalg.generic': its body holds '%s', "
                    "an op with regions",
                    name);
      return false;
    }

  MlirAttribute names = attr(op, "usl.loops");
  if (!mlirAttributeIsNull(names)) {
    if (!mlirAttributeIsAArray(names) ||
        mlirArrayAttrGetNumElements(names) != g->numLoops) {
      uslEmitErrorf(g->loc, "'usl.loops' must be an array of %d loop names",
                    g->numLoops);
      return false;
    }
    for (int d = 0; d < g->numLoops; ++d) {
      MlirAttribute n = mlirArrayAttrGetElement(names, d);
      if (!mlirAttributeIsAString(n) ||
          mlirStringAttrGetValue(n).length == 0 ||
          mlirStringAttrGetValue(n).length >= sizeof g->names[d]) {
        uslEmitErrorf(g->loc, "'usl.loops' must be an array of %d loop names",
                      g->numLoops);
        return false;
      }
      MlirStringRef s = mlirStringAttrGetValue(n);
      snprintf(g->names[d], sizeof g->names[d], "%.*s", (int)s.length, s.data);
    }
  } else {
    for (int d = 0; d < g->numLoops; ++d)
      snprintf(g->names[d], sizeof g->names[d], "%s",
               d < 8 ? defaultNames[d] : "d");
    for (int d = 8; d < g->numLoops; ++d)
      snprintf(g->names[d], sizeof g->names[d], "d%d", d);
  }
  return true;
}

/* The extent of loop `d`: a dimension of an operand indexed by it alone,
 * as a bound map and its operand (none for a static size). */
static bool loopExtent(UslBuilder *b, const Generic *g, int d,
                       MlirAffineMap *map, MlirValue *operand) {
  for (int k = 0; k < g->numOperands; ++k) {
    MlirType type = mlirValueGetType(g->operands[k]);
    if (!mlirTypeIsAMemRef(type))
      continue;
    for (intptr_t r = 0; r < mlirAffineMapGetNumResults(g->maps[k]); ++r) {
      MlirAffineExpr e = mlirAffineMapGetResult(g->maps[k], r);
      if (!mlirAffineExprIsADim(e) || mlirAffineDimExprGetPosition(e) != d)
        continue;
      int64_t size = mlirShapedTypeGetDimSize(type, r);
      if (!mlirShapedTypeIsDynamicSize(size)) {
        MlirAffineExpr c = mlirAffineConstantExprGet(b->ctx, size);
        *map = mlirAffineMapGet(b->ctx, 0, 0, 1, &c);
        *operand = (MlirValue){NULL};
        return true;
      }
      MlirValue dimOperands[2] = {g->operands[k],
                                  uslBuildIndexConstant(b, r)};
      *operand = uslBuild1(b, "memref.dim", 2, dimOperands,
                           mlirIndexTypeGet(b->ctx));
      MlirAffineExpr e0 = mlirAffineDimExprGet(b->ctx, 0);
      *map = mlirAffineMapGet(b->ctx, 1, 0, 1, &e0);
      return true;
    }
  }
  uslEmitErrorf(g->loc,
                "cannot import 'linalg.generic': no operand is indexed by "
                "loop dimension d%d alone, so its range is unknown",
                d);
  return false;
}

/* When output `k`'s value is `out + x` or `out * x` of its block argument
 * `out`, used nowhere else: the combining op, `x`, and the reduce kind. */
static bool asReduction(const Generic *g, int k, MlirValue yielded,
                        MlirOperation *combine, MlirValue *x,
                        UslReduceKind *kind) {
  MlirValue out = mlirBlockGetArgument(g->body, k);
  if (!mlirValueIsAOpResult(yielded))
    return false;
  MlirOperation op = mlirOpResultGetOwner(yielded);
  if (uslOpIs(op, "arith.addf") || uslOpIs(op, "arith.addi"))
    *kind = USL_REDUCE_ADD;
  else if (uslOpIs(op, "arith.mulf") || uslOpIs(op, "arith.muli"))
    *kind = USL_REDUCE_MUL;
  else
    return false;
  /* `out` used once, by this op; the sum used once, by the yield. */
  MlirOpOperand use = mlirValueGetFirstUse(out);
  if (mlirOpOperandIsNull(use) ||
      !mlirOpOperandIsNull(mlirOpOperandGetNextUse(use)) ||
      !mlirOperationEqual(mlirOpOperandGetOwner(use), op))
    return false;
  MlirOpOperand sumUse = mlirValueGetFirstUse(yielded);
  if (!mlirOpOperandIsNull(mlirOpOperandGetNextUse(sumUse)))
    return false;
  MlirValue a = mlirOperationGetOperand(op, 0),
            c = mlirOperationGetOperand(op, 1);
  if (mlirValueEqual(a, c))
    return false;
  *x = mlirValueEqual(a, out) ? c : a;
  *combine = op;
  return true;
}

static bool importGeneric(MlirOperation op) {
  Generic g;
  if (!readGeneric(op, &g))
    return false;
  UslBuilder b = uslBuilderBefore(op);
  MlirAffineMap ubMaps[MAX_LOOPS];
  MlirValue ubOperands[MAX_LOOPS];
  for (int d = 0; d < g.numLoops; ++d)
    if (!loopExtent(&b, &g, d, &ubMaps[d], &ubOperands[d]))
      return false;

  MlirValue ivs[MAX_LOOPS];
  MlirBlock block = mlirOperationGetBlock(op);
  MlirOperation before = op;
  MlirAffineExpr zero = mlirAffineConstantExprGet(b.ctx, 0);
  MlirAffineMap zeroMap = mlirAffineMapGet(b.ctx, 0, 0, 1, &zero);
  for (int d = 0; d < g.numLoops; ++d) {
    MlirOperation loop = uslForCreate(
        g.loc, zeroMap, NULL, ubMaps[d], &ubOperands[d], 1,
        mlirStringRefCreateFromCString(g.names[d]), USL_LOOP_SEQ);
    mlirBlockInsertOwnedOperationBefore(block, before, loop);
    ivs[d] = uslForGetInductionVar(loop);
    block = uslForGetBody(loop);
    before = mlirBlockGetTerminator(block);
  }

  MlirOperation yield = mlirBlockGetTerminator(g.body);
  MlirOperation combines[MAX_OPERANDS] = {{NULL}};
  MlirValue reduced[MAX_OPERANDS];
  UslReduceKind kinds[MAX_OPERANDS];
  for (int k = g.numInputs; k < g.numOperands; ++k)
    asReduction(&g, k, mlirOperationGetOperand(yield, k - g.numInputs),
                &combines[k], &reduced[k], &kinds[k]);

  /* Block arguments: loaded elements (or scalars), unless reduced into. */
  UslValueMap map = {0};
  for (int k = 0; k < g.numOperands; ++k) {
    MlirValue arg = mlirBlockGetArgument(g.body, k);
    if (mlirOpOperandIsNull(mlirValueGetFirstUse(arg)) ||
        !mlirOperationIsNull(combines[k]))
      continue;
    if (!mlirTypeIsAMemRef(mlirValueGetType(g.operands[k]))) {
      uslValueMapSet(&map, arg, g.operands[k]);
      continue;
    }
    MlirOperation load = uslLoadCreate(g.loc, g.operands[k], g.maps[k], ivs);
    mlirBlockInsertOwnedOperationBefore(block, before, load);
    uslValueMapSet(&map, arg, mlirOperationGetResult(load, 0));
  }
  for (MlirOperation inner = mlirBlockGetFirstOperation(g.body);
       !mlirOperationEqual(inner, yield);
       inner = mlirOperationGetNextInBlock(inner)) {
    bool isCombine = false;
    for (int k = g.numInputs; k < g.numOperands; ++k)
      isCombine |= !mlirOperationIsNull(combines[k]) &&
                   mlirOperationEqual(combines[k], inner);
    if (isCombine)
      continue;
    if (uslOpIs(inner, "linalg.index")) {
      int64_t dim = mlirIntegerAttrGetValueInt(attr(inner, "dim"));
      uslValueMapSet(&map, mlirOperationGetResult(inner, 0), ivs[dim]);
      continue;
    }
    uslCloneWithMap(inner, before, &map);
  }
  for (int k = g.numInputs; k < g.numOperands; ++k) {
    MlirOperation write;
    if (!mlirOperationIsNull(combines[k]))
      write = uslReduceCreate(g.loc, kinds[k],
                              uslValueMapLookup(&map, reduced[k]),
                              g.operands[k], g.maps[k], ivs);
    else
      write = uslStoreCreate(
          g.loc,
          uslValueMapLookup(&map,
                            mlirOperationGetOperand(yield, k - g.numInputs)),
          g.operands[k], g.maps[k], ivs);
    mlirBlockInsertOwnedOperationBefore(block, before, write);
  }
  uslValueMapFree(&map);
  mlirOperationDestroy(op);
  return true;
}

static MlirWalkResult findLinalg(MlirOperation op, void *userData) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  if (name.length > 7 && !strncmp(name.data, "linalg.", 7)) {
    *(MlirOperation *)userData = op;
    return MlirWalkResultInterrupt;
  }
  return MlirWalkResultAdvance;
}

static MlirLogicalResult runConvert(MlirOperation func, const void *options) {
  (void)options;
  UslOpList ops = {0};
  const char *generic[] = {"linalg.generic"};
  uslCollectOps(func, generic, 1, MlirWalkPreOrder, &ops);
  bool ok = true;
  for (size_t i = 0; ok && i < ops.size; ++i)
    ok = importGeneric(ops.ops[i]);
  uslOpListFree(&ops);
  if (!ok)
    return mlirLogicalResultFailure();
  /* Whatever linalg op is left has no loop-nest form here. */
  MlirOperation left = {NULL};
  mlirOperationWalk(func, findLinalg, &left, MlirWalkPreOrder);
  if (!mlirOperationIsNull(left)) {
    char name[128];
    opName(left, name, sizeof name);
    uslEmitErrorf(mlirOperationGetLocation(left),
                  "cannot import '%s': it is not a linalg.generic and "
                  "linalg-generalize-named-ops does not make it one",
                  name);
    return mlirLogicalResultFailure();
  }
  return mlirLogicalResultSuccess();
}

static intptr_t convertDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__sloop__();
  out[1] = mlirGetDialectHandle__memref__();
  out[2] = mlirGetDialectHandle__arith__();
  return 3;
}

static const char noOptions;

const UslPassInfo uslConvertLinalgToSloopPass = {
    .argument = "convert-linalg-to-sloop",
    .summary = "turn each linalg.generic on memrefs into a scheduled loop "
               "nest (one loop per iteration dimension)",
    .anchor = "func.func",
    .defaults = &noOptions,
    .run = runConvert,
    .dependentDialects = convertDialects,
};

/*--- import-linalg -----------------------------------------------------------*/

typedef struct ImportOptions {
  bool bufferize;
} ImportOptions;

static const ImportOptions importDefaults = {.bufferize = true};

static const UslOptionSpec importOptions[] = {
    {"bufferize", USL_OPTION_BOOL, offsetof(ImportOptions, bufferize),
     "first bufferize tensors (one-shot-bufferize, function boundaries "
     "included, identity layouts)",
     0, 0},
};

/* The pipeline text below is fixed; the parser has nothing to report. */
static void ignoreText(MlirStringRef text, void *userData) {
  (void)text;
  (void)userData;
}

static MlirLogicalResult buildImport(MlirOpPassManager pm,
                                     const void *opaque) {
  const ImportOptions *o = opaque;
  if (o->bufferize) {
    mlirRegisterBufferizationOneShotBufferizePass();
    if (mlirLogicalResultIsFailure(mlirOpPassManagerAddPipeline(
            pm,
            mlirStringRefCreateFromCString(
                "one-shot-bufferize{bufferize-function-boundaries "
                "function-boundary-type-conversion=identity-layout-map}"),
            ignoreText, NULL)))
      return mlirLogicalResultFailure();
  }
  MlirOpPassManager funcPm = mlirOpPassManagerGetNestedUnder(
      pm, mlirStringRefCreateFromCString("func.func"));
  mlirOpPassManagerAddOwnedPass(funcPm,
                                mlirCreateLinalgLinalgGeneralizeNamedOpsPass());
  mlirOpPassManagerAddOwnedPass(
      funcPm, uslCreatePass(&uslConvertLinalgToSloopPass, &noOptions));
  return mlirLogicalResultSuccess();
}

const UslPassInfo uslImportLinalgPipeline = {
    .argument = "import-linalg",
    .summary = "import upstream linalg (named ops, generic, on tensors or "
               "memrefs) as scheduled loops",
    .anchor = "builtin.module",
    .options = importOptions,
    .numOptions = sizeof importOptions / sizeof importOptions[0],
    .optionsSize = sizeof(ImportOptions),
    .defaults = &importDefaults,
    .build = buildImport,
};
