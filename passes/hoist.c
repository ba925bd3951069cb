//===- hoist.c - hoist: move loop-invariant work out of a loop ------------===//
//
// Before:  sloop.for %i { %k = sloop.load %K[%c] ; %s = arith.mulf %k, %x ; ... }
// After:   %k = sloop.load %K[%c] ; %s = arith.mulf %k, %x ; sloop.for %i { ... }
// An op moves when all its operands come from outside the loop and it is
// arithmetic (arith, math, affine.apply) or a load from a buffer the loop
// never writes; ops that may trap (loads, integer division) move only out of
// loops that provably run. Always legal: the op computes the same value in
// every iteration.
//
//===----------------------------------------------------------------------===//

#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include <string.h>

static bool isInside(MlirOperation op, MlirOperation ancestor) {
  for (MlirOperation p = op; !mlirOperationIsNull(p);
       p = mlirOperationGetParentOperation(p))
    if (mlirOperationEqual(p, ancestor))
      return true;
  return false;
}

/* True when `v` is defined outside `loop` (its variable is inside). */
static bool definedOutside(MlirValue v, MlirOperation loop) {
  MlirOperation owner =
      mlirValueIsABlockArgument(v)
          ? mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v))
          : mlirOpResultGetOwner(v);
  return !isInside(owner, loop);
}

static bool isPureArithmetic(MlirOperation op) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  return mlirOperationGetNumRegions(op) == 0 &&
         ((name.length > 6 && !memcmp(name.data, "arith.", 6)) ||
          (name.length > 5 && !memcmp(name.data, "math.", 5)) ||
          uslOpIs(op, "affine.apply"));
}

typedef struct WriteScan {
  MlirValue buffer;
  bool written;
} WriteScan;

static MlirWalkResult findWrite(MlirOperation op, void *userData) {
  WriteScan *w = userData;
  if (uslOpIs(op, USL_SLOOP_LOAD) || uslOpIs(op, USL_SLOOP_FOR) ||
      uslOpIs(op, USL_SLOOP_IF) || uslOpIs(op, USL_TMEM_WINDOW))
    return MlirWalkResultAdvance;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i)
    if (mlirValueEqual(mlirOperationGetOperand(op, i), w->buffer)) {
      w->written = true;
      return MlirWalkResultInterrupt;
    }
  return MlirWalkResultAdvance;
}

/* Integer division and remainder trap on zero; loads may read out of
 * bounds when the loop would not have run them. */
static bool mayTrap(MlirOperation op) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  return uslOpIs(op, USL_SLOOP_LOAD) ||
         (name.length > 6 && !memcmp(name.data, "arith.", 6) &&
          (strstr(name.data, "div") || strstr(name.data, "rem")) &&
          !strstr(name.data, "divf") && !strstr(name.data, "remf"));
}

static bool runsAtLeastOnce(MlirOperation loop) {
  int64_t lb, ub;
  return uslForGetConstantBounds(loop, &lb, &ub) && ub > lb;
}

static bool invariant(MlirOperation op, MlirOperation loop) {
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i)
    if (!definedOutside(mlirOperationGetOperand(op, i), loop))
      return false;
  if (mayTrap(op) && !runsAtLeastOnce(loop))
    return false;
  if (isPureArithmetic(op))
    return true;
  if (!uslOpIs(op, USL_SLOOP_LOAD))
    return false;
  /* A load whose buffer (not a window of it) the loop never writes. */
  WriteScan w = {uslAccessGetMemRef(op), false};
  if (!mlirValueIsABlockArgument(w.buffer) &&
      uslOpIs(mlirOpResultGetOwner(w.buffer), USL_TMEM_WINDOW))
    return false;
  mlirOperationWalk(loop, findWrite, &w, MlirWalkPreOrder);
  return !w.written;
}

MlirLogicalResult uslHoist(MlirOperation loop) {
  MlirBlock body = uslForGetBody(loop);
  bool moved = true;
  while (moved) {
    moved = false;
    MlirOperation end = mlirBlockGetTerminator(body);
    for (MlirOperation op = mlirBlockGetFirstOperation(body);
         !mlirOperationEqual(op, end);) {
      MlirOperation next = mlirOperationGetNextInBlock(op);
      if (invariant(op, loop)) {
        mlirOperationMoveBefore(op, loop);
        moved = true;
      }
      op = next;
    }
  }
  return mlirLogicalResultSuccess();
}

typedef struct HoistOptions {
  UslLoopTarget target;
} HoistOptions;

static const HoistOptions defaults = {.target = {.occurrence = 0}};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(HoistOptions, target),
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const HoistOptions *o = opaque;
  MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "hoist");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslHoist(loop);
}

const UslPassInfo uslHoistPass = {
    .argument = "hoist",
    .summary = "move the loop-invariant arithmetic and loads of a loop before "
               "it",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(HoistOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
