//===- split.c - split: one loop into an outer and an inner loop ----------===//
//
// Before:  sloop.for %i = %lb to %ub { S(i) }
// After:   sloop.for %io = 0 to (%ub - %lb) floordiv 4 {
//            sloop.for %ii = 0 to 4 { S(lb + 4 * io + ii) } }
// with the tail strategy deciding what happens to the last ub - lb mod 4
// iterations: `perfect` proves there are none (an error otherwise), `guard`
// rounds the outer loop up and guards the body with `lb + 4*io + ii < ub`,
// `cut` leaves them to a remainder loop `for %ii = lb + 4*((ub-lb) floordiv 4)
// to ub`, under a guard `ub >= lb` unless that is known (when ub < lb it
// would start below ub). Splitting only re-indexes iterations, so it is
// always legal.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "directive.h"
#include "linear.h"
#include "pass_table.h"
#include "rewrite.h"
#include "usl/sloop.h"

#include "mlir-c/IntegerSet.h"

#include <stdio.h>
#include <string.h>

static MlirAffineExpr subtract(MlirAffineExpr a, MlirAffineExpr b) {
  return mlirAffineAddExprGet(
      a, mlirAffineMulExprGet(b, mlirAffineConstantExprGet(
                                     mlirAffineExprGetContext(b), -1)));
}

static MlirAffineMap mapOf(const UslAffineValue *v) {
  MlirContext ctx = mlirAffineExprGetContext(v->expr);
  return mlirAffineMapGet(ctx, v->numValues, 0, 1,
                          (MlirAffineExpr *)&v->expr);
}

/* Whether a guard around `guard` (then branch) has an inequality that
 * implies `guard`'s only one: the same form, up to a constant no larger. */
static bool impliedByGuardAround(MlirOperation guard) {
  MlirOperation func = uslEnclosingFunc(guard);
  if (mlirOperationIsNull(func))
    return false;
  for (MlirOperation child = guard, p = mlirOperationGetParentOperation(guard);
       !mlirOperationIsNull(p) && !mlirOperationEqual(p, func);
       child = p, p = mlirOperationGetParentOperation(p)) {
    if (!uslOpIs(p, USL_SLOOP_IF) ||
        !mlirRegionEqual(mlirBlockGetParentRegion(mlirOperationGetBlock(child)),
                         mlirOperationGetRegion(p, 0)))
      continue;
    MlirIntegerSet set = uslIfGetCondition(p);
    for (intptr_t k = 0; k < mlirIntegerSetGetNumConstraints(set); ++k) {
      UslLinear have, diff;
      if (mlirIntegerSetIsConstraintEq(set, k) ||
          !uslGuardConstraintLinear(guard, 0, p, &diff) ||
          !uslGuardConstraintLinear(p, k, p, &have) ||
          !uslLinearAdd(&diff, &have, -1))
        continue;
      bool same = diff.constant >= 0;
      for (int a = 0; a < diff.n && same; ++a)
        same = diff.coef[a] == 0;
      if (same)
        return true;
    }
  }
  return false;
}

/* Puts `rest` under a guard `trip >= 0`, unless the bounds of the loops
 * around it, sizes being never negative, or a guard around it already
 * imply that. */
static void guardNonNegative(MlirOperation rest, const UslAffineValue *trip) {
  MlirContext ctx = mlirOperationGetContext(rest);
  UslAffineValue t = *trip;
  uslAffineCompact(&t);
  MlirAffineExpr c = mlirSimplifyAffineExpr(t.expr, t.numValues, 0);
  bool eq = false;
  MlirOperation guard =
      uslIfCreate(mlirOperationGetLocation(rest),
                  mlirIntegerSetGet(ctx, t.numValues, 0, 1, &c, &eq), t.values);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(rest), rest, guard);
  MlirBlock then = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
  mlirOperationMoveBefore(rest, mlirBlockGetTerminator(then));
  if (uslGuardConstraintAlwaysHolds(guard, 0) || impliedByGuardAround(guard)) {
    mlirOperationMoveBefore(rest, guard);
    mlirOperationDestroy(guard);
  }
}

MlirLogicalResult uslSplitLoop(MlirOperation loop, int64_t factor,
                               UslTail tail, MlirStringRef outerName,
                               MlirStringRef innerName, MlirOperation *outerOut) {
  MlirContext ctx = mlirOperationGetContext(loop);
  MlirLocation loc = mlirOperationGetLocation(loop);
  char name[USL_MAX_STRING_OPTION], outer[USL_MAX_STRING_OPTION + 2],
      inner[USL_MAX_STRING_OPTION + 2];
  uslLoopName(loop, name, sizeof name);
  snprintf(outer, sizeof outer, "%.*s", (int)outerName.length, outerName.data);
  snprintf(inner, sizeof inner, "%.*s", (int)innerName.length, innerName.data);
  if (!outer[0])
    snprintf(outer, sizeof outer, "%so", name);
  if (!inner[0])
    snprintf(inner, sizeof inner, "%si", name);
  if (factor < 1) {
    uslEmitErrorf(loc, "cannot split loop '%s' by %lld: the factor must be "
                       "positive", name, (long long)factor);
    return mlirLogicalResultFailure();
  }
  if (uslForGetStep(loop) != 1) {
    uslEmitErrorf(loc, "cannot split loop '%s': it has step %lld, and split "
                       "needs a unit step",
                  name, (long long)uslForGetStep(loop));
    return mlirLogicalResultFailure();
  }
  UslAffineValue lb, ub;
  intptr_t numLb = uslForGetNumLowerBoundOperands(loop);
  if (!uslAffineValueFromMap(uslForGetLowerBoundMap(loop), 0, loop, 0, &lb) ||
      !uslAffineValueFromMap(uslForGetUpperBoundMap(loop), 0, loop, numLb,
                             &ub)) {
    uslEmitErrorf(loc, "cannot split loop '%s': its bounds use too many "
                       "values", name);
    return mlirLogicalResultFailure();
  }
  UslAffineValue trip = uslAffineCombine(&ub, &lb, subtract);
  bool divides = uslAffineIsMultipleOf(trip.expr, trip.numValues, factor);
  if (tail == USL_TAIL_PERFECT && !divides) {
    uslEmitErrorf(loc,
                  "cannot split loop '%s' by %lld with tail=perfect: its trip "
                  "count is not provably a multiple of %lld; use tail=guard or "
                  "tail=cut",
                  name, (long long)factor, (long long)factor);
    return mlirLogicalResultFailure();
  }

  MlirAffineExpr f = mlirAffineConstantExprGet(ctx, factor);
  UslAffineValue tiles = trip;
  tiles.expr = tail == USL_TAIL_GUARD ? mlirAffineCeilDivExprGet(trip.expr, f)
                                      : mlirAffineFloorDivExprGet(trip.expr, f);
  tiles.expr = mlirSimplifyAffineExpr(tiles.expr, tiles.numValues, 0);

  /* The remainder loop is the original loop, started after the last tile.
   * When ub < lb at run time there is no tile, and the remainder would
   * start at lb - factor * ceil((lb - ub) / factor) < ub, running
   * iterations the loop never ran: it is guarded by ub >= lb unless that
   * is known. A constant trip count settles it here. */
  MlirAffineExpr tripExpr =
      mlirSimplifyAffineExpr(trip.expr, trip.numValues, 0);
  bool constantTrip = mlirAffineExprIsAConstant(tripExpr);
  int64_t trips = constantTrip ? mlirAffineConstantExprGetValue(tripExpr) : 0;
  if (tail == USL_TAIL_CUT && !divides && !(constantTrip && trips <= 0)) {
    MlirOperation rest = mlirOperationClone(loop);
    mlirBlockInsertOwnedOperationAfter(mlirOperationGetBlock(loop), loop, rest);
    UslAffineValue done = tiles;
    done.expr = mlirAffineMulExprGet(tiles.expr, f);
    UslAffineValue start = uslAffineCombine(&lb, &done, mlirAffineAddExprGet);
    uslForSetBounds(rest, mapOf(&start), start.values, mapOf(&ub), ub.values);
    uslSetName(rest, mlirStringRefCreateFromCString(inner));
    if (!constantTrip)
      guardNonNegative(rest, &trip);
  }

  UslLoopKind kind = uslForGetKind(loop);
  MlirOperation o = uslForCreate(
      loc, mlirAffineMapConstantGet(ctx, 0), NULL, mapOf(&tiles), tiles.values,
      1, mlirStringRefCreateFromCString(outer),
      kind == USL_LOOP_PAR ? USL_LOOP_PAR : USL_LOOP_SEQ);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(loop), loop, o);
  MlirOperation in = uslForCreateConstant(
      loc, 0, factor, 1, mlirStringRefCreateFromCString(inner), USL_LOOP_SEQ);
  MlirBlock outerBody = uslForGetBody(o);
  mlirBlockInsertOwnedOperationBefore(outerBody,
                                      mlirBlockGetTerminator(outerBody), in);
  MlirValue io = uslForGetInductionVar(o), ii = uslForGetInductionVar(in);

  /* i = lb + factor * io + ii */
  UslAffineValue index = lb;
  index.values[index.numValues++] = io;
  index.values[index.numValues++] = ii;
  index.expr = mlirAffineAddExprGet(
      lb.expr,
      mlirAffineAddExprGet(
          mlirAffineMulExprGet(mlirAffineDimExprGet(ctx, lb.numValues), f),
          mlirAffineDimExprGet(ctx, lb.numValues + 1)));

  MlirBlock target = uslForGetBody(in);
  if (tail == USL_TAIL_GUARD && !divides) {
    /* index < ub, i.e. ub - index - 1 >= 0 */
    UslAffineValue room = uslAffineCombine(&ub, &index, subtract);
    MlirAffineExpr c = mlirSimplifyAffineExpr(
        mlirAffineAddExprGet(room.expr, mlirAffineConstantExprGet(ctx, -1)),
        room.numValues, 0);
    bool eq = false;
    MlirOperation guard = uslIfCreate(
        loc, mlirIntegerSetGet(ctx, room.numValues, 0, 1, &c, &eq),
        room.values);
    mlirBlockInsertOwnedOperationBefore(target, mlirBlockGetTerminator(target),
                                        guard);
    target = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
  }
  uslMoveBodyBefore(uslForGetBody(loop), mlirBlockGetTerminator(target));
  uslReplaceWithAffine(uslForGetInductionVar(loop), &index, target);
  mlirOperationDestroy(loop);
  if (outerOut)
    *outerOut = o;
  return mlirLogicalResultSuccess();
}

MlirLogicalResult uslSplit(MlirOperation loop, int64_t factor, UslTail tail,
                           MlirStringRef outerName, MlirStringRef innerName) {
  return uslSplitLoop(loop, factor, tail, outerName, innerName, NULL);
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

typedef struct SplitOptions {
  UslLoopTarget target;
  int64_t factor;
  char tail[USL_MAX_STRING_OPTION];
  char outer[USL_MAX_STRING_OPTION];
  char inner[USL_MAX_STRING_OPTION];
} SplitOptions;

static const SplitOptions defaults = {.factor = 0, .tail = "perfect"};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(SplitOptions, target),
    {"factor", USL_OPTION_INT, offsetof(SplitOptions, factor),
     "iterations of the inner loop", 1, INT32_MAX},
    {"tail", USL_OPTION_STRING, offsetof(SplitOptions, tail),
     "perfect, guard or cut", 0, 0},
    {"outer", USL_OPTION_STRING, offsetof(SplitOptions, outer),
     "name of the outer loop (default: name + \"o\")", 0, 0},
    {"inner", USL_OPTION_STRING, offsetof(SplitOptions, inner),
     "name of the inner loop (default: name + \"i\")", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const SplitOptions *o = opaque;
  UslTail tail;
  if (!uslParseTail(o->tail, &tail)) {
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'split': unknown tail '%s'; expected perfect, guard or cut",
                  o->tail);
    return mlirLogicalResultFailure();
  }
  if (o->factor < 1) {
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'split' needs the inner trip count: factor=N");
    return mlirLogicalResultFailure();
  }
  MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "split");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslSplit(loop, o->factor, tail,
                  mlirStringRefCreateFromCString(o->outer),
                  mlirStringRefCreateFromCString(o->inner));
}

const UslPassInfo uslSplitPass = {
    .argument = "split",
    .summary = "split a loop into an outer and an inner loop",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(SplitOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
