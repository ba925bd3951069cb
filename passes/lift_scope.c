//===- lift_scope.c - lift-scope: swap a loop with the statement inside ---===//
//
// Before:  sloop.for %i { sloop.if %n > 4 { A(i) } else { B(i) } }
// After:   sloop.if %n > 4 { sloop.for %i { A(i) } } else { sloop.for %i { B(i) } }
// For a guard whose condition does not depend on the loop; always legal.
// When the statement inside is a loop, this is an interchange (reorder) and
// is checked as one.
//
//===----------------------------------------------------------------------===//

#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include "mlir-c/IntegerSet.h"

#include <stdlib.h>

/* Replaces the guard `inner` (in `loop`'s body) with the ops of its region
 * `r`. */
static void keepRegion(MlirOperation inner, intptr_t r) {
  MlirBlock block = mlirRegionGetFirstBlock(mlirOperationGetRegion(inner, r));
  if (!mlirBlockIsNull(block))
    uslMoveBodyBefore(block, inner);
  mlirOperationDestroy(inner);
}

static MlirOperation onlyOp(MlirOperation loop) {
  MlirBlock body = uslForGetBody(loop);
  MlirOperation first = mlirBlockGetFirstOperation(body);
  if (mlirOperationEqual(first, mlirBlockGetTerminator(body)) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(first),
                          mlirBlockGetTerminator(body)))
    return (MlirOperation){NULL};
  return first;
}

MlirLogicalResult uslLiftScope(MlirOperation loop) {
  char name[USL_MAX_STRING_OPTION];
  uslLoopName(loop, name, sizeof name);
  MlirLocation loc = mlirOperationGetLocation(loop);
  MlirOperation inner = onlyOp(loop);
  if (!mlirOperationIsNull(inner) && uslOpIs(inner, USL_SLOOP_FOR)) {
    MlirOperation band[2] = {loop, inner};
    int perm[2] = {1, 0};
    return uslReorder(band, 2, perm);
  }
  if (mlirOperationIsNull(inner) || !uslOpIs(inner, USL_SLOOP_IF) ||
      mlirOperationGetNumResults(inner) != 0) {
    uslEmitErrorf(loc, "cannot lift the scope inside loop '%s': its body "
                       "must be exactly one loop or one guard without "
                       "results",
                  name);
    return mlirLogicalResultFailure();
  }
  MlirValue iv = uslForGetInductionVar(loop);
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(inner); ++i)
    if (mlirValueEqual(mlirOperationGetOperand(inner, i), iv)) {
      uslEmitErrorf(loc, "cannot lift the guard out of loop '%s': its "
                         "condition depends on the loop",
                    name);
      return mlirLogicalResultFailure();
    }
  /* The new guard around the loop (and a copy of the loop for else). */
  intptr_t n = mlirOperationGetNumOperands(inner);
  MlirValue *operands = malloc((size_t)(n ? n : 1) * sizeof *operands);
  uslGetOperands(inner, 0, n, operands);
  MlirOperation guard = uslIfCreate(loc, uslIfGetCondition(inner), operands);
  free(operands);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(loop), loop, guard);
  MlirRegion elseRegion = mlirOperationGetRegion(inner, 1);
  if (!mlirBlockIsNull(mlirRegionGetFirstBlock(elseRegion))) {
    MlirOperation copy = mlirOperationClone(loop);
    MlirRegion target = mlirOperationGetRegion(guard, 1);
    MlirBlock block = mlirBlockCreate(0, NULL, NULL);
    mlirRegionAppendOwnedBlock(target, block);
    MlirOperationState yield = mlirOperationStateGet(
        mlirStringRefCreateFromCString(USL_SLOOP_YIELD), loc);
    mlirBlockAppendOwnedOperation(block, mlirOperationCreate(&yield));
    mlirBlockInsertOwnedOperationBefore(block, mlirBlockGetTerminator(block),
                                        copy);
    keepRegion(onlyOp(copy), 1);
  }
  MlirBlock thenBlock =
      mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
  mlirOperationMoveBefore(loop, mlirBlockGetTerminator(thenBlock));
  keepRegion(inner, 0);
  return mlirLogicalResultSuccess();
}

typedef struct LiftScopeOptions {
  UslLoopTarget target;
} LiftScopeOptions;

static const LiftScopeOptions defaults = {.target = {.occurrence = 0}};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(LiftScopeOptions, target),
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const LiftScopeOptions *o = opaque;
  MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "lift-scope");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslLiftScope(loop);
}

const UslPassInfo uslLiftScopePass = {
    .argument = "lift-scope",
    .summary = "move the one guard or loop inside a loop outside it",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(LiftScopeOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
