//===- pipeline_to_sloop.c - lower-pipeline: pipelines to scheduled loops -===//
//
// Before:  %blurx = pipeline.func (%x, %y) { .. pipeline.call %in(%x - 1, %y) .. }
//          %blury = pipeline.func (%x, %y) { .. pipeline.call %blurx(%x, %y + 1) .. }
//          pipeline.output %blury, %out
// After:   %blurx = sloop.alloc(%w, %h2) : memref<?x?xi16>      (rows -1 .. H)
//          sloop.for %blurx.x = 0 to %W { sloop.for %blurx.y = -1 to %H + 1 {
//            .. clamped loads of %in .. sloop.store .., %blurx[%blurx.x, %blurx.y + 1] } }
//          sloop.for %blury.x = 0 to %W { sloop.for %blury.y = 0 to %H {
//            .. sloop.load %blurx[%blury.x, %blury.y + 2] .. sloop.store .., %out[..] } }
//
// Placement: a function marked `inline` is substituted into its callers;
// every other function is computed over the region its callers need
// (bounds inference, back from the outputs, with symbolic extents) into a
// buffer of its own, before its callers (compute_root); an output function
// is computed straight into its output buffer. Boundary conditions become
// clamped, guarded or mirrored loads. Coordinate d is loop d, the first
// outermost; loops are named <function>.<coordinate> for the directives.
//
//===----------------------------------------------------------------------===//

#include "../passes/pass_table.h"
#include "../passes/rewrite.h"
#include "../passes/support.h"
#include "usl/pipeline.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Affine.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/MemRef.h"
#include "mlir-c/IntegerSet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_STAGES = 64, MAX_RANK = 8 };

typedef struct Stage {
  MlirOperation op; /* pipeline.input or pipeline.func */
  bool isInput, isOutput, hasRegion;
  bool rounded; /* its region holds more than its readers need */
  int rank;
  UslAffineValue lo[MAX_RANK], hi[MAX_RANK]; /* the region computed */
  MlirValue storage;                        /* where its values live */
  UslAffineValue offset[MAX_RANK];          /* storage index = coord - offset */
  UslAffineValue extent[MAX_RANK];          /* of an input's buffer */
} Stage;

typedef struct Lowering {
  MlirContext ctx;
  MlirOperation func;
  Stage stages[MAX_STAGES];
  int numStages;
  MlirOperation at; /* generated code goes before this op */
} Lowering;

static MlirAffineExpr subtract(MlirAffineExpr a, MlirAffineExpr b) {
  return mlirAffineAddExprGet(
      a, mlirAffineMulExprGet(b, mlirAffineConstantExprGet(
                                     mlirAffineExprGetContext(b), -1)));
}

static UslAffineValue constantValue(MlirContext ctx, int64_t c) {
  UslAffineValue v = {mlirAffineConstantExprGet(ctx, c), 0, {{NULL}}};
  return v;
}

static Stage *stageOf(Lowering *l, MlirValue v) {
  if (mlirValueIsABlockArgument(v))
    return NULL;
  MlirOperation def = mlirOpResultGetOwner(v);
  for (int i = 0; i < l->numStages; ++i)
    if (mlirOperationEqual(l->stages[i].op, def))
      return &l->stages[i];
  return NULL;
}

static void nameOf(MlirOperation op, char *out, size_t size) {
  MlirStringRef n = mlirStringAttrGetValue(mlirOperationGetAttributeByName(
      op, mlirStringRefCreateFromCString("name")));
  snprintf(out, size, "%.*s", (int)n.length, n.data);
}

static bool isInline(MlirOperation op) {
  return !mlirAttributeIsNull(mlirOperationGetAttributeByName(
      op, mlirStringRefCreateFromCString("inline")));
}

static MlirBlock funcBody(MlirOperation f) {
  return mlirRegionGetFirstBlock(mlirOperationGetRegion(f, 0));
}

static int rankOf(MlirValue funcValue) {
  /* !pipeline.func<N x T>: the rank of an input's buffer or from the
   * coordinates of a function's body. */
  MlirOperation def = mlirOpResultGetOwner(funcValue);
  if (uslOpIs(def, USL_PIPELINE_INPUT))
    return (int)mlirShapedTypeGetRank(
        mlirValueGetType(mlirOperationGetOperand(def, 0)));
  MlirAttribute coords = mlirOperationGetAttributeByName(
      def, mlirStringRefCreateFromCString("coords"));
  intptr_t numRed = mlirOperationGetNumOperands(def);
  /* operands: lbs, ubs, init */
  int reductionVars = numRed ? (int)(numRed - 1) / 2 : 0;
  return (int)mlirArrayAttrGetNumElements(coords) - reductionVars;
}

/*--- inlining -------------------------------------------------------------------*/

/* Substitutes one call of an inline function by its body. */
static void inlineCall(MlirOperation call, MlirOperation callee) {
  MlirContext ctx = mlirOperationGetContext(call);
  MlirOperation copy = mlirOperationClone(callee);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(call), call, copy);
  MlirBlock body = funcBody(copy);
  MlirAffineMap map = mlirAffineMapAttrGetValue(mlirOperationGetAttributeByName(
      call, mlirStringRefCreateFromCString("map")));
  for (intptr_t d = 0; d < mlirBlockGetNumArguments(body); ++d) {
    UslAffineValue coordinate;
    uslAffineValueFromMap(map, d, call, 1, &coordinate);
    (void)ctx;
    uslReplaceWithAffine(mlirBlockGetArgument(body, d), &coordinate, body);
  }
  MlirOperation yield = mlirBlockGetTerminator(body);
  MlirValue value = mlirOperationGetOperand(yield, 0);
  uslMoveBodyBefore(body, call);
  mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(call, 0), value);
  mlirOperationDestroy(call);
  mlirOperationDestroy(copy);
}

typedef struct CallScan {
  Lowering *l;
  MlirOperation call, callee;
} CallScan;

static MlirWalkResult findInlineCall(MlirOperation op, void *userData) {
  CallScan *s = userData;
  if (!uslOpIs(op, USL_PIPELINE_CALL))
    return MlirWalkResultAdvance;
  MlirValue f = mlirOperationGetOperand(op, 0);
  if (!mlirValueIsABlockArgument(f) && isInline(mlirOpResultGetOwner(f))) {
    s->call = op;
    s->callee = mlirOpResultGetOwner(f);
    return MlirWalkResultInterrupt;
  }
  return MlirWalkResultAdvance;
}

static bool inlineAll(Lowering *l) {
  for (;;) {
    CallScan s = {l, {NULL}, {NULL}};
    mlirOperationWalk(l->func, findInlineCall, &s, MlirWalkPreOrder);
    if (mlirOperationIsNull(s.call))
      return true;
    if (mlirOperationGetNumOperands(s.callee) > 0) {
      char name[64];
      nameOf(s.callee, name, sizeof name);
      uslEmitErrorf(mlirOperationGetLocation(s.callee),
                    "cannot inline '%s': a reduction is computed over its "
                    "domain first; compute it at root instead",
                    name);
      return false;
    }
    inlineCall(s.call, s.callee);
  }
}

/*--- bounds inference -------------------------------------------------------------*/

/* The range of `e` (over `values`) when value k ranges over [lo[k], hi[k]]. */
static void rangeOf(MlirAffineExpr e, const UslAffineValue *lo,
                    const UslAffineValue *hi, UslAffineValue *outLo,
                    UslAffineValue *outHi) {
  MlirContext ctx = mlirAffineExprGetContext(e);
  if (mlirAffineExprIsAConstant(e)) {
    *outLo = *outHi = constantValue(ctx, mlirAffineConstantExprGetValue(e));
    return;
  }
  if (mlirAffineExprIsADim(e)) {
    intptr_t k = mlirAffineDimExprGetPosition(e);
    *outLo = lo[k];
    *outHi = hi[k];
    return;
  }
  UslAffineValue alo, ahi, blo, bhi;
  rangeOf(mlirAffineBinaryOpExprGetLHS(e), lo, hi, &alo, &ahi);
  rangeOf(mlirAffineBinaryOpExprGetRHS(e), lo, hi, &blo, &bhi);
  if (mlirAffineExprIsAAdd(e)) {
    *outLo = uslAffineCombine(&alo, &blo, mlirAffineAddExprGet);
    *outHi = uslAffineCombine(&ahi, &bhi, mlirAffineAddExprGet);
    return;
  }
  /* The other side is a constant (pipeline.call maps are affine). */
  int64_t c = mlirAffineConstantExprGetValue(blo.expr);
  MlirAffineExpr k = mlirAffineConstantExprGet(ctx, c);
  if (mlirAffineExprIsAMul(e)) {
    *outLo = c >= 0 ? alo : ahi;
    *outHi = c >= 0 ? ahi : alo;
    outLo->expr = mlirAffineMulExprGet(outLo->expr, k);
    outHi->expr = mlirAffineMulExprGet(outHi->expr, k);
  } else if (mlirAffineExprIsAFloorDiv(e)) {
    *outLo = alo, *outHi = ahi;
    outLo->expr = mlirAffineFloorDivExprGet(outLo->expr, k);
    outHi->expr = mlirAffineFloorDivExprGet(outHi->expr, k);
  } else if (mlirAffineExprIsACeilDiv(e)) {
    *outLo = alo, *outHi = ahi;
    outLo->expr = mlirAffineCeilDivExprGet(outLo->expr, k);
    outHi->expr = mlirAffineCeilDivExprGet(outHi->expr, k);
  } else { /* mod */
    *outLo = constantValue(ctx, 0);
    *outHi = constantValue(ctx, c - 1);
  }
  uslAffineCompact(outLo);
  uslAffineCompact(outHi);
}

/* a <= b when their difference is a constant; false when incomparable. */
static bool compare(const UslAffineValue *a, const UslAffineValue *b,
                    bool *aIsSmaller) {
  UslAffineValue d = uslAffineCombine(a, b, subtract);
  if (!mlirAffineExprIsAConstant(d.expr))
    return false;
  *aIsSmaller = mlirAffineConstantExprGetValue(d.expr) <= 0;
  return true;
}

/* `e` as constant + sum of coefficient * term, terms compared as
 * expressions (so that x - x cancels); false when it does not fit. */
typedef struct LinearForm {
  int64_t constant;
  int numTerms;
  MlirAffineExpr terms[32];
  int64_t coefficients[32];
} LinearForm;

static bool addToForm(LinearForm *f, MlirAffineExpr e, int64_t scale) {
  if (mlirAffineExprIsAConstant(e)) {
    f->constant += scale * mlirAffineConstantExprGetValue(e);
    return true;
  }
  if (mlirAffineExprIsAAdd(e))
    return addToForm(f, mlirAffineBinaryOpExprGetLHS(e), scale) &&
           addToForm(f, mlirAffineBinaryOpExprGetRHS(e), scale);
  if (mlirAffineExprIsAMul(e) &&
      mlirAffineExprIsAConstant(mlirAffineBinaryOpExprGetRHS(e)))
    return addToForm(
        f, mlirAffineBinaryOpExprGetLHS(e),
        scale * mlirAffineConstantExprGetValue(mlirAffineBinaryOpExprGetRHS(e)));
  for (int k = 0; k < f->numTerms; ++k)
    if (mlirAffineExprEqual(f->terms[k], e)) {
      f->coefficients[k] += scale;
      return true;
    }
  if (f->numTerms == 32)
    return false;
  f->terms[f->numTerms] = e;
  f->coefficients[f->numTerms++] = scale;
  return true;
}

/* Constant bounds of `e` when all that does not cancel in it are `mod`s by
 * constants (what remains of the difference of two rounded bounds, such as
 * 2 * (x floordiv 2) - x); false otherwise. */
static bool constantRange(MlirAffineExpr e, int64_t *min, int64_t *max) {
  LinearForm f = {0, 0, {{NULL}}, {0}};
  if (!addToForm(&f, e, 1))
    return false;
  *min = *max = f.constant;
  for (int k = 0; k < f.numTerms; ++k) {
    int64_t c = f.coefficients[k];
    if (c == 0)
      continue;
    MlirAffineExpr t = f.terms[k];
    MlirAffineExpr rhs = mlirAffineExprIsABinary(t)
                             ? mlirAffineBinaryOpExprGetRHS(t)
                             : (MlirAffineExpr){NULL};
    if (!mlirAffineExprIsAMod(t) || !mlirAffineExprIsAConstant(rhs) ||
        mlirAffineConstantExprGetValue(rhs) <= 0)
      return false;
    int64_t top = c * (mlirAffineConstantExprGetValue(rhs) - 1);
    if (top > 0)
      *max += top;
    else
      *min += top;
  }
  return true;
}

/* `e` with each (x floordiv c) * k, k a multiple of c, written as
 * (k / c) * (x - x mod c), so that the x terms can cancel. */
static MlirAffineExpr withMods(MlirAffineExpr e) {
  if (!mlirAffineExprIsABinary(e))
    return e;
  MlirAffineExpr lhs = withMods(mlirAffineBinaryOpExprGetLHS(e));
  MlirAffineExpr rhs = withMods(mlirAffineBinaryOpExprGetRHS(e));
  if (mlirAffineExprIsAAdd(e))
    return mlirAffineAddExprGet(lhs, rhs);
  if (mlirAffineExprIsAMul(e) && mlirAffineExprIsAConstant(rhs) &&
      mlirAffineExprIsAFloorDiv(lhs)) {
    MlirAffineExpr x = mlirAffineBinaryOpExprGetLHS(lhs);
    MlirAffineExpr c = mlirAffineBinaryOpExprGetRHS(lhs);
    int64_t k = mlirAffineConstantExprGetValue(rhs);
    if (mlirAffineExprIsAConstant(c) && mlirAffineConstantExprGetValue(c) > 0 &&
        k % mlirAffineConstantExprGetValue(c) == 0) {
      MlirContext ctx = mlirAffineExprGetContext(e);
      MlirAffineExpr rounded = mlirAffineAddExprGet(
          x, mlirAffineMulExprGet(mlirAffineModExprGet(x, c),
                                  mlirAffineConstantExprGet(ctx, -1)));
      return mlirAffineMulExprGet(
          rounded, mlirAffineConstantExprGet(
                       ctx, k / mlirAffineConstantExprGetValue(c)));
    }
  }
  return e;
}

/* Widens `bound` of `g` to hold `v` too (`upper`: to the larger): exactly
 * when they are a constant apart, else by the constant range of their
 * difference, which rounds the region up (noted in `g->rounded`). */
static bool widenBound(Lowering *l, Stage *g, UslAffineValue *bound,
                       const UslAffineValue *v, bool upper) {
  bool smaller;
  if (compare(v, bound, &smaller)) {
    if (smaller != upper)
      *bound = *v;
    return true;
  }
  UslAffineValue d = uslAffineCombine(v, bound, subtract);
  int64_t min, max;
  if (!constantRange(withMods(d.expr), &min, &max))
    return false;
  int64_t shift = upper ? (max > 0 ? max : 0) : (min < 0 ? min : 0);
  bound->expr = mlirSimplifyAffineExpr(
      mlirAffineAddExprGet(bound->expr,
                           mlirAffineConstantExprGet(l->ctx, shift)),
      bound->numValues, 0);
  g->rounded = true;
  return true;
}

/* Widens the region of `g` to include [lo, hi] in dimension d. */
static bool widen(Lowering *l, Stage *g, int d, const UslAffineValue *lo,
                  const UslAffineValue *hi) {
  if (!g->hasRegion) {
    g->lo[d] = *lo;
    g->hi[d] = *hi;
    return true;
  }
  return widenBound(l, g, &g->lo[d], lo, false) &&
         widenBound(l, g, &g->hi[d], hi, true);
}

typedef struct BoundsScan {
  Lowering *l;
  Stage *f;
  MlirBlock body;
  bool ok;
} BoundsScan;

/* The range of a value used by a call inside function `f`. */
static bool valueRange(BoundsScan *s, MlirValue v, UslAffineValue *lo,
                       UslAffineValue *hi) {
  MlirBlock body = s->body;
  int rank = s->f->rank;
  if (mlirValueIsABlockArgument(v) &&
      mlirBlockEqual(mlirBlockArgumentGetOwner(v), body)) {
    intptr_t k = mlirBlockArgumentGetArgNumber(v);
    if (k < rank) {
      *lo = s->f->lo[k];
      *hi = s->f->hi[k];
      return true;
    }
    /* A reduction variable: [lb, ub - 1]. */
    int numRed = mlirBlockGetNumArguments(body) - rank;
    MlirOperation op = s->f->op;
    *lo = uslAffineOfValue(s->l->ctx,
                           mlirOperationGetOperand(op, k - rank));
    *hi = uslAffineOfValue(s->l->ctx,
                           mlirOperationGetOperand(op, numRed + k - rank));
    hi->expr = mlirAffineAddExprGet(hi->expr,
                                    mlirAffineConstantExprGet(s->l->ctx, -1));
    return true;
  }
  /* A value of the function's entry block is one point. */
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(s->l->func, 0));
  MlirBlock owner = mlirValueIsABlockArgument(v)
                        ? mlirBlockArgumentGetOwner(v)
                        : mlirOperationGetBlock(mlirOpResultGetOwner(v));
  if (!mlirBlockEqual(owner, entry))
    return false;
  *lo = *hi = uslAffineOfValue(s->l->ctx, v);
  return true;
}

static MlirWalkResult inferCall(MlirOperation op, void *userData) {
  BoundsScan *s = userData;
  if (!uslOpIs(op, USL_PIPELINE_CALL))
    return MlirWalkResultAdvance;
  Stage *g = stageOf(s->l, mlirOperationGetOperand(op, 0));
  MlirAffineMap map = mlirAffineMapAttrGetValue(mlirOperationGetAttributeByName(
      op, mlirStringRefCreateFromCString("map")));
  intptr_t n = mlirAffineMapGetNumInputs(map);
  UslAffineValue lo[USL_AFFINE_MAX_VALUES], hi[USL_AFFINE_MAX_VALUES];
  char fname[64], gname[64];
  nameOf(s->f->op, fname, sizeof fname);
  nameOf(g->op, gname, sizeof gname);
  for (intptr_t k = 0; k < n && k < USL_AFFINE_MAX_VALUES; ++k)
    if (!valueRange(s, mlirOperationGetOperand(op, 1 + k), &lo[k], &hi[k])) {
      uslEmitErrorf(mlirOperationGetLocation(op),
                    "'%s' reads '%s' at coordinates that depend on values "
                    "computed inside it; only its coordinates, reduction "
                    "variables and values defined before the pipeline may "
                    "appear",
                    fname, gname);
      s->ok = false;
      return MlirWalkResultInterrupt;
    }
  for (int d = 0; d < g->rank; ++d) {
    UslAffineValue rlo, rhi;
    rangeOf(mlirAffineMapGetResult(map, d), lo, hi, &rlo, &rhi);
    if (!widen(s->l, g, d, &rlo, &rhi)) {
      uslEmitErrorf(mlirOperationGetLocation(op),
                    "cannot infer the region of '%s' that '%s' needs in "
                    "dimension %d: the bounds of its reads are not a "
                    "constant apart",
                    gname, fname, d);
      s->ok = false;
      return MlirWalkResultInterrupt;
    }
  }
  g->hasRegion = true;
  return MlirWalkResultAdvance;
}

/*--- emitting loops ---------------------------------------------------------------*/

static MlirValue valueOf(UslBuilder *b, const UslAffineValue *v) {
  MlirAffineMap map =
      mlirAffineMapGet(b->ctx, v->numValues, 0, 1, (MlirAffineExpr *)&v->expr);
  return uslBuildAffineResult(b, map, 0, v->values);
}

/* A multi-result map over the concatenated values of `exprs`. */
static MlirAffineMap multiMap(MlirContext ctx, const UslAffineValue *exprs,
                              int n, MlirValue *values, int *numValues) {
  MlirAffineExpr results[MAX_RANK];
  *numValues = 0;
  for (int d = 0; d < n; ++d) {
    results[d] = mlirAffineExprShiftDims(exprs[d].expr,
                                         (uint32_t)exprs[d].numValues,
                                         (uint32_t)*numValues, 0);
    for (int k = 0; k < exprs[d].numValues; ++k)
      values[(*numValues)++] = exprs[d].values[k];
  }
  return mlirAffineMapGet(ctx, *numValues, 0, n, results);
}

static MlirValue arith2(UslBuilder *b, const char *name, MlirValue x,
                        MlirValue y) {
  MlirValue operands[2] = {x, y};
  MlirType type = mlirValueGetType(x);
  return mlirOperationGetResult(
      uslBuild(b, name, 2, operands, 1, &type, 0, NULL, 0), 0);
}

static MlirValue cmp(UslBuilder *b, int64_t predicate, MlirValue x,
                     MlirValue y) {
  MlirValue operands[2] = {x, y};
  MlirType i1 = mlirIntegerTypeGet(b->ctx, 1);
  MlirNamedAttribute attr = uslNamedAttr(
      b->ctx, "predicate",
      mlirIntegerAttrGet(mlirIntegerTypeGet(b->ctx, 64), predicate));
  return mlirOperationGetResult(
      uslBuild(b, "arith.cmpi", 2, operands, 1, &i1, 1, &attr, 0), 0);
}

static MlirValue select3(UslBuilder *b, MlirValue c, MlirValue x,
                         MlirValue y) {
  MlirValue operands[3] = {c, x, y};
  MlirType type = mlirValueGetType(x);
  return mlirOperationGetResult(
      uslBuild(b, "arith.select", 3, operands, 1, &type, 0, NULL, 0), 0);
}

/* A read of input `g` at `coords`, with its boundary condition. */
static MlirValue readInput(Lowering *l, UslBuilder *b, Stage *g,
                           const UslAffineValue *coords, MlirLocation loc) {
  MlirOperation input = g->op;
  MlirValue buffer = mlirOperationGetOperand(input, 0);
  int64_t boundary = mlirIntegerAttrGetValueInt(mlirOperationGetAttributeByName(
      input, mlirStringRefCreateFromCString("boundary")));
  MlirValue values[MAX_RANK * USL_AFFINE_MAX_VALUES];
  int numValues;
  if (boundary == USL_BOUNDARY_NONE) {
    MlirAffineMap map = multiMap(l->ctx, coords, g->rank, values, &numValues);
    MlirOperation load = uslLoadCreate(loc, buffer, map, values);
    mlirBlockInsertOwnedOperationBefore(b->block, b->before, load);
    return mlirOperationGetResult(load, 0);
  }
  if (boundary == USL_BOUNDARY_CONSTANT) {
    /* if 0 <= c_d < extent_d for all d: load, else the constant */
    MlirAffineExpr constraints[2 * MAX_RANK];
    bool eq[2 * MAX_RANK] = {false};
    UslAffineValue all = constantValue(l->ctx, 0);
    int count = 0;
    for (int d = 0; d < g->rank; ++d) {
      UslAffineValue room = uslAffineCombine(&g->extent[d], &coords[d], subtract);
      room.expr = mlirAffineAddExprGet(room.expr,
                                       mlirAffineConstantExprGet(l->ctx, -1));
      const UslAffineValue *pair[2] = {&coords[d], &room};
      for (int k = 0; k < 2; ++k) {
        constraints[count++] = mlirAffineExprShiftDims(
            pair[k]->expr, (uint32_t)pair[k]->numValues,
            (uint32_t)all.numValues, 0);
        for (int v = 0; v < pair[k]->numValues; ++v)
          all.values[all.numValues++] = pair[k]->values[v];
      }
    }
    MlirOperationState state = mlirOperationStateGet(
        mlirStringRefCreateFromCString(USL_SLOOP_IF), loc);
    mlirOperationStateAddOperands(&state, all.numValues, all.values);
    MlirNamedAttribute attr = uslNamedAttr(
        l->ctx, "condition",
        mlirIntegerSetAttrGet(mlirIntegerSetGet(l->ctx, all.numValues, 0, count,
                                                constraints, eq)));
    mlirOperationStateAddAttributes(&state, 1, &attr);
    MlirType element = mlirShapedTypeGetElementType(mlirValueGetType(buffer));
    mlirOperationStateAddResults(&state, 1, &element);
    MlirRegion regions[2] = {mlirRegionCreate(), mlirRegionCreate()};
    MlirBlock thenBlock = mlirBlockCreate(0, NULL, NULL);
    MlirBlock elseBlock = mlirBlockCreate(0, NULL, NULL);
    mlirRegionAppendOwnedBlock(regions[0], thenBlock);
    mlirRegionAppendOwnedBlock(regions[1], elseBlock);
    mlirOperationStateAddOwnedRegions(&state, 2, regions);
    MlirOperation guard = mlirOperationCreate(&state);
    mlirBlockInsertOwnedOperationBefore(b->block, b->before, guard);
    MlirAffineMap map = multiMap(l->ctx, coords, g->rank, values, &numValues);
    MlirOperation load = uslLoadCreate(loc, buffer, map, values);
    mlirBlockAppendOwnedOperation(thenBlock, load);
    MlirValue loaded = mlirOperationGetResult(load, 0);
    UslBuilder tb = uslBuilderAtEnd(thenBlock, loc);
    uslBuild(&tb, USL_SLOOP_YIELD, 1, &loaded, 0, NULL, 0, NULL, 0);
    MlirValue fill = mlirOperationGetOperand(input, 1);
    UslBuilder eb = uslBuilderAtEnd(elseBlock, loc);
    uslBuild(&eb, USL_SLOOP_YIELD, 1, &fill, 0, NULL, 0, NULL, 0);
    return mlirOperationGetResult(guard, 0);
  }
  /* clamp and mirror: compute each index, then load there. */
  MlirValue index[MAX_RANK];
  MlirValue zero = uslBuildIndexConstant(b, 0);
  for (int d = 0; d < g->rank; ++d) {
    MlirValue c = valueOf(b, &coords[d]);
    MlirValue n = valueOf(b, &g->extent[d]);
    MlirValue last = arith2(b, "arith.subi", n, uslBuildIndexConstant(b, 1));
    if (boundary == USL_BOUNDARY_CLAMP) {
      c = arith2(b, "arith.maxsi", c, zero);
      c = arith2(b, "arith.minsi", c, last);
    } else { /* mirror across the edges, the edge itself not repeated */
      MlirValue negated = arith2(b, "arith.subi", zero, c);
      c = select3(b, cmp(b, 2 /* slt */, c, zero), negated, c);
      MlirValue twice = arith2(b, "arith.addi", last, last);
      MlirValue reflected = arith2(b, "arith.subi", twice, c);
      c = select3(b, cmp(b, 4 /* sgt */, c, last), reflected, c);
      c = arith2(b, "arith.maxsi", c, zero); /* tiny buffers: stay inside */
      c = arith2(b, "arith.minsi", c, last);
    }
    index[d] = c;
  }
  MlirOperation load = uslLoadCreate(
      loc, buffer, mlirAffineMapMultiDimIdentityGet(l->ctx, g->rank), index);
  mlirBlockInsertOwnedOperationBefore(b->block, b->before, load);
  return mlirOperationGetResult(load, 0);
}

/* Replaces the pipeline.call ops among the cloned ops of a nest by loads. */
static void lowerCalls(Lowering *l, UslOpList *calls) {
  for (size_t i = 0; i < calls->size; ++i) {
    MlirOperation call = calls->ops[i];
    Stage *g = stageOf(l, mlirOperationGetOperand(call, 0));
    MlirAffineMap map = mlirAffineMapAttrGetValue(mlirOperationGetAttributeByName(
        call, mlirStringRefCreateFromCString("map")));
    UslAffineValue coords[MAX_RANK];
    for (int d = 0; d < g->rank; ++d)
      uslAffineValueFromMap(map, d, call, 1, &coords[d]);
    UslBuilder b = uslBuilderBefore(call);
    MlirValue v;
    if (g->isInput) {
      v = readInput(l, &b, g, coords, mlirOperationGetLocation(call));
    } else {
      UslAffineValue shifted[MAX_RANK];
      for (int d = 0; d < g->rank; ++d)
        shifted[d] = uslAffineCombine(&coords[d], &g->offset[d], subtract);
      MlirValue values[MAX_RANK * USL_AFFINE_MAX_VALUES];
      int numValues;
      MlirAffineMap m = multiMap(l->ctx, shifted, g->rank, values, &numValues);
      MlirOperation load =
          uslLoadCreate(mlirOperationGetLocation(call), g->storage, m, values);
      mlirBlockInsertOwnedOperationBefore(b.block, b.before, load);
      v = mlirOperationGetResult(load, 0);
    }
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(call, 0), v);
    mlirOperationDestroy(call);
  }
}

/* Loops over the region of `f` (and `extra` more from `lbs`, `ubs`),
 * named <f>.<coordinate>; returns the innermost block and the variables. */
static MlirBlock buildNest(Lowering *l, Stage *f, int extra,
                           const MlirValue *lbs, const MlirValue *ubs,
                           MlirValue *ivs) {
  char fname[64];
  nameOf(f->op, fname, sizeof fname);
  MlirAttribute coords = mlirOperationGetAttributeByName(
      f->op, mlirStringRefCreateFromCString("coords"));
  MlirBlock block = mlirOperationGetBlock(l->at);
  MlirOperation before = l->at;
  MlirLocation loc = mlirOperationGetLocation(f->op);
  for (int d = 0; d < f->rank + extra; ++d) {
    /* coordinates, then reduction variables, innermost */
    MlirStringRef coord = mlirStringAttrGetValue(mlirArrayAttrGetElement(coords, d));
    char name[160];
    snprintf(name, sizeof name, "%s.%.*s", fname, (int)coord.length, coord.data);
    UslAffineValue lo, hi;
    if (d < f->rank) {
      lo = f->lo[d];
      hi = f->hi[d];
      hi.expr = mlirAffineAddExprGet(hi.expr, mlirAffineConstantExprGet(l->ctx, 1));
    } else {
      lo = uslAffineOfValue(l->ctx, lbs[d - f->rank]);
      hi = uslAffineOfValue(l->ctx, ubs[d - f->rank]);
    }
    MlirOperation loop = uslForCreate(
        loc, mlirAffineMapGet(l->ctx, lo.numValues, 0, 1, &lo.expr), lo.values,
        mlirAffineMapGet(l->ctx, hi.numValues, 0, 1, &hi.expr), hi.values, 1,
        mlirStringRefCreateFromCString(name), USL_LOOP_SEQ);
    mlirBlockInsertOwnedOperationBefore(block, before, loop);
    ivs[d] = uslForGetInductionVar(loop);
    block = uslForGetBody(loop);
    before = mlirBlockGetTerminator(block);
  }
  return block;
}

/* Stores (or reduces) `value` into the storage of `f` at `ivs`. */
static void writeValue(Lowering *l, Stage *f, MlirBlock block, MlirValue value,
                       const MlirValue *ivs, int reduceKind) {
  UslAffineValue index[MAX_RANK];
  for (int d = 0; d < f->rank; ++d) {
    UslAffineValue iv = uslAffineOfValue(l->ctx, ivs[d]);
    index[d] = uslAffineCombine(&iv, &f->offset[d], subtract);
  }
  MlirValue values[MAX_RANK * USL_AFFINE_MAX_VALUES];
  int numValues;
  MlirAffineMap map = multiMap(l->ctx, index, f->rank, values, &numValues);
  MlirLocation loc = mlirOperationGetLocation(f->op);
  MlirOperation store =
      reduceKind < 0
          ? uslStoreCreate(loc, value, f->storage, map, values)
          : uslReduceCreate(loc, (UslReduceKind)reduceKind, value, f->storage,
                            map, values);
  mlirBlockInsertOwnedOperationBefore(block, mlirBlockGetTerminator(block),
                                      store);
}

typedef struct CallCollect {
  UslOpList *calls;
} CallCollect;

static MlirWalkResult collectCall(MlirOperation op, void *userData) {
  if (uslOpIs(op, USL_PIPELINE_CALL))
    uslOpListPush(((CallCollect *)userData)->calls, op);
  return MlirWalkResultAdvance;
}

static void emitFunc(Lowering *l, Stage *f) {
  MlirOperation op = f->op;
  MlirBlock body = funcBody(op);
  int total = (int)mlirBlockGetNumArguments(body);
  int extra = total - f->rank;
  MlirValue ivs[MAX_RANK * 2];
  int reduceKind = -1;
  MlirValue lbs[MAX_RANK], ubs[MAX_RANK];
  if (extra > 0) {
    reduceKind = (int)mlirIntegerAttrGetValueInt(mlirOperationGetAttributeByName(
        op, mlirStringRefCreateFromCString("reduction")));
    uslGetOperands(op, 0, extra, lbs);
    uslGetOperands(op, extra, extra, ubs);
    /* The initial values over the region. */
    MlirBlock init = buildNest(l, f, 0, NULL, NULL, ivs);
    writeValue(l, f, init, mlirOperationGetOperand(op, 2 * extra), ivs, -1);
  }
  MlirBlock inner = buildNest(l, f, extra, lbs, ubs, ivs);
  UslValueMap map = {0};
  for (int d = 0; d < total; ++d)
    uslValueMapSet(&map, mlirBlockGetArgument(body, d), ivs[d]);
  MlirOperation end = mlirBlockGetTerminator(body);
  MlirOperation innerEnd = mlirBlockGetTerminator(inner);
  UslOpList calls = {0};
  CallCollect collect = {&calls};
  for (MlirOperation o = mlirBlockGetFirstOperation(body);
       !mlirOperationEqual(o, end); o = mlirOperationGetNextInBlock(o)) {
    MlirOperation clone = uslCloneWithMap(o, innerEnd, &map);
    mlirOperationWalk(clone, collectCall, &collect, MlirWalkPreOrder);
  }
  /* Store first: lowering a call replaces its uses, this one included. */
  MlirValue value = uslValueMapLookup(&map, mlirOperationGetOperand(end, 0));
  uslValueMapFree(&map);
  writeValue(l, f, inner, value, ivs, reduceKind);
  lowerCalls(l, &calls);
  uslOpListFree(&calls);
}

/*--- the pass -------------------------------------------------------------------------*/

/* Extent d of a buffer: a constant, or a memref.dim built at `b`. */
/* Extent d of `buffer`; one memref.dim per buffer and dimension, so that
 * regions derived from the same buffer compare. */
static UslAffineValue extentOf(UslBuilder *b, MlirValue buffer, int d) {
  MlirType type = mlirValueGetType(buffer);
  if (!mlirShapedTypeIsDynamicDim(type, d))
    return constantValue(b->ctx, mlirShapedTypeGetDimSize(type, d));
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation dim = mlirOpOperandGetOwner(use);
    int64_t index;
    if (uslOpIs(dim, "memref.dim") && mlirOpOperandGetOperandNumber(use) == 0 &&
        uslConstantIndexValue(mlirOperationGetOperand(dim, 1), &index) &&
        index == d && mlirBlockEqual(mlirOperationGetBlock(dim), b->block)) {
      /* Only one that comes before where the code goes. */
      for (MlirOperation o = mlirOperationGetNextInBlock(dim);
           !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o))
        if (mlirOperationEqual(o, b->before))
          return uslAffineOfValue(b->ctx, mlirOperationGetResult(dim, 0));
    }
  }
  MlirValue operands[2] = {buffer, uslBuildIndexConstant(b, d)};
  MlirType index = mlirIndexTypeGet(b->ctx);
  return uslAffineOfValue(
      b->ctx, mlirOperationGetResult(uslBuild(b, "memref.dim", 2, operands, 1,
                                              &index, 0, NULL, 0),
                                     0));
}

static MlirLogicalResult lower(Lowering *l) {
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(l->func, 0));
  if (!inlineAll(l))
    return mlirLogicalResultFailure();
  /* The stages, in program order, and the first output. */
  UslOpList outputs = {0};
  for (MlirOperation op = mlirBlockGetFirstOperation(entry);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    bool input = uslOpIs(op, USL_PIPELINE_INPUT);
    if ((input || uslOpIs(op, USL_PIPELINE_FUNC)) && !isInline(op)) {
      if (l->numStages == MAX_STAGES) {
        uslEmitErrorf(mlirOperationGetLocation(op), "more than %d stages",
                      MAX_STAGES);
        uslOpListFree(&outputs);
        return mlirLogicalResultFailure();
      }
      Stage *s = &l->stages[l->numStages++];
      memset(s, 0, sizeof *s);
      s->op = op;
      s->isInput = input;
      s->rank = rankOf(mlirOperationGetResult(op, 0));
    } else if (uslOpIs(op, USL_PIPELINE_OUTPUT)) {
      uslOpListPush(&outputs, op);
    }
  }
  if (!outputs.size) {
    uslOpListFree(&outputs);
    return mlirLogicalResultSuccess(); /* nothing realized: nothing to do */
  }
  l->at = outputs.ops[0];
  UslBuilder b = uslBuilderBefore(l->at);

  /* Extents of every buffer, as values before the pipeline code. */
  for (int i = 0; i < l->numStages; ++i) {
    Stage *s = &l->stages[i];
    if (!s->isInput)
      continue;
    for (int d = 0; d < s->rank; ++d)
      s->extent[d] = extentOf(&b, mlirOperationGetOperand(s->op, 0), d);
  }
  /* Outputs: their functions cover the output buffers, computed there. */
  for (size_t i = 0; i < outputs.size; ++i) {
    MlirOperation out = outputs.ops[i];
    Stage *f = stageOf(l, mlirOperationGetOperand(out, 0));
    MlirValue buffer = mlirOperationGetOperand(out, 1);
    if (!f || f->isInput || f->isOutput) {
      uslEmitErrorf(mlirOperationGetLocation(out),
                    f && f->isOutput
                        ? "a function is realized by at most one output"
                        : "an output realizes a function computed at root, "
                          "not an input or an inline function");
      uslOpListFree(&outputs);
      return mlirLogicalResultFailure();
    }
    f->isOutput = f->hasRegion = true;
    f->storage = buffer;
    for (int d = 0; d < f->rank; ++d) {
      f->lo[d] = f->offset[d] = constantValue(l->ctx, 0);
      f->hi[d] = extentOf(&b, buffer, d);
      f->hi[d].expr = mlirSimplifyAffineExpr(
          mlirAffineAddExprGet(f->hi[d].expr,
                               mlirAffineConstantExprGet(l->ctx, -1)),
          f->hi[d].numValues, 0);
    }
  }
  /* Inputs are read while outputs are written, in whatever order the
   * schedule picks: an output may not overwrite an input. */
  for (size_t i = 0; i < outputs.size; ++i) {
    MlirValue buffer = mlirOperationGetOperand(outputs.ops[i], 1);
    for (int k = 0; k < l->numStages; ++k) {
      Stage *in = &l->stages[k];
      if (!in->isInput ||
          !mlirValueEqual(mlirOperationGetOperand(in->op, 0), buffer))
        continue;
      char name[64];
      nameOf(in->op, name, sizeof name);
      uslEmitErrorf(mlirOperationGetLocation(outputs.ops[i]),
                    "this output writes the buffer of input '%s', which the "
                    "pipeline reads while computing it; write the output to "
                    "a buffer of its own",
                    name);
      uslOpListFree(&outputs);
      return mlirLogicalResultFailure();
    }
  }
  /* Bounds: consumers before producers, from the outputs back. */
  for (int i = l->numStages - 1; i >= 0; --i) {
    Stage *f = &l->stages[i];
    if (f->isInput || !f->hasRegion)
      continue;
    BoundsScan scan = {l, f, funcBody(f->op), true};
    mlirOperationWalk(f->op, inferCall, &scan, MlirWalkPreOrder);
    if (!scan.ok) {
      uslOpListFree(&outputs);
      return mlirLogicalResultFailure();
    }
  }
  /* A rounded-up region makes its producers, down to the inputs, compute
   * (and read) more than the outputs need: not past an output buffer, and
   * only from inputs whose boundary condition defines every point. */
  bool rounded = false;
  for (int i = 0; i < l->numStages; ++i)
    rounded |= l->stages[i].rounded;
  for (int i = 0; i < l->numStages && rounded; ++i) {
    Stage *f = &l->stages[i];
    bool unbounded =
        f->isInput &&
        mlirIntegerAttrGetValueInt(mlirOperationGetAttributeByName(
            f->op, mlirStringRefCreateFromCString("boundary"))) ==
            USL_BOUNDARY_NONE;
    if (!(f->isOutput && f->rounded) && !unbounded)
      continue;
    char name[64];
    nameOf(f->op, name, sizeof name);
    uslEmitErrorf(
        mlirOperationGetLocation(f->op),
        f->isOutput
            ? "'%s' is an output whose readers need a region that can only "
              "be rounded up (their bounds are not a constant apart); "
              "compute a copy of it for the readers"
            : "input '%s' has no boundary condition, but the regions its "
              "readers compute are rounded up (bounds not a constant "
              "apart); give it one (clamp, constant, mirror)",
        name);
    uslOpListFree(&outputs);
    return mlirLogicalResultFailure();
  }
  /* A function both realized and read with a halo would need its own
   * buffer and a copy. */
  for (int i = 0; i < l->numStages; ++i) {
    Stage *f = &l->stages[i];
    if (!f->isOutput)
      continue;
    for (int d = 0; d < f->rank; ++d) {
      bool smaller;
      UslAffineValue zero = constantValue(l->ctx, 0);
      if (!compare(&zero, &f->lo[d], &smaller) || !smaller) {
        char name[64];
        nameOf(f->op, name, sizeof name);
        uslEmitErrorf(mlirOperationGetLocation(f->op),
                      "'%s' is an output and is also read outside its "
                      "output buffer; compute a copy of it for the readers",
                      name);
        uslOpListFree(&outputs);
        return mlirLogicalResultFailure();
      }
    }
  }
  /* Buffers for the functions computed at root. */
  for (int i = 0; i < l->numStages; ++i) {
    Stage *f = &l->stages[i];
    if (f->isInput || f->isOutput || !f->hasRegion)
      continue;
    int64_t shape[MAX_RANK];
    MlirValue sizes[MAX_RANK];
    int numDynamic = 0;
    for (int d = 0; d < f->rank; ++d) {
      f->offset[d] = f->lo[d];
      UslAffineValue extent = uslAffineCombine(&f->hi[d], &f->lo[d], subtract);
      extent.expr = mlirSimplifyAffineExpr(
          mlirAffineAddExprGet(extent.expr, mlirAffineConstantExprGet(l->ctx, 1)),
          extent.numValues, 0);
      if (mlirAffineExprIsAConstant(extent.expr)) {
        shape[d] = mlirAffineConstantExprGetValue(extent.expr);
      } else {
        shape[d] = mlirShapedTypeGetDynamicSize();
        sizes[numDynamic++] = valueOf(&b, &extent);
      }
    }
    char name[64];
    nameOf(f->op, name, sizeof name);
    /* The element type: what the body yields. */
    MlirType element = mlirValueGetType(
        mlirOperationGetOperand(mlirBlockGetTerminator(funcBody(f->op)), 0));
    MlirType memref = mlirMemRefTypeGet(element, f->rank, shape,
                                        mlirAttributeGetNull(),
                                        mlirAttributeGetNull());
    MlirOperation alloc = uslAllocCreate(mlirOperationGetLocation(f->op),
                                         memref, sizes,
                                         mlirStringRefCreateFromCString(name));
    mlirBlockInsertOwnedOperationBefore(b.block, b.before, alloc);
    f->storage = mlirOperationGetResult(alloc, 0);
  }
  /* The loop nests, producers first. */
  for (int i = 0; i < l->numStages; ++i)
    if (!l->stages[i].isInput && l->stages[i].hasRegion)
      emitFunc(l, &l->stages[i]);
  /* The pipeline ops are gone: users (outputs, later functions) first. */
  uslOpListFree(&outputs);
  UslOpList dead = {0};
  for (MlirOperation op = mlirBlockGetFirstOperation(entry);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    if (uslOpIs(op, USL_PIPELINE_INPUT) || uslOpIs(op, USL_PIPELINE_FUNC) ||
        uslOpIs(op, USL_PIPELINE_OUTPUT))
      uslOpListPush(&dead, op);
  for (size_t i = dead.size; i-- > 0;)
    mlirOperationDestroy(dead.ops[i]);
  uslOpListFree(&dead);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult run(MlirOperation func, const void *options) {
  (void)options;
  Lowering *l = calloc(1, sizeof *l);
  l->ctx = mlirOperationGetContext(func);
  l->func = func;
  MlirLogicalResult result = lower(l);
  free(l);
  return result;
}

static intptr_t dependentDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__affine__();
  out[1] = mlirGetDialectHandle__arith__();
  out[2] = mlirGetDialectHandle__memref__();
  out[3] = mlirGetDialectHandle__sloop__();
  return 4;
}

static const char noOptions;

const UslPassInfo uslLowerPipelinePass = {
    .argument = "lower-pipeline",
    .summary = "lower pipelines to scheduled loops: inline functions marked "
               "inline, compute the others at root over inferred bounds",
    .anchor = "func.func",
    .defaults = &noOptions,
    .run = run,
    .dependentDialects = dependentDialects,
};
