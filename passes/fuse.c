//===- fuse.c - fuse: merge a loop with the next one ----------------------===//
//
// Before:  sloop.for %i = 0 to %N { A(i) }  sloop.for %j = 0 to %N { B(j) }
// After:   sloop.for %i = 0 to %N { A(i); B(i) }
// Legal when the loops have the same bounds and step and no dependence goes
// from A in one iteration to B in an earlier one (B would read before A
// writes). With no options, --fuse merges every such adjacent pair.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

static bool sameBounds(MlirOperation a, MlirOperation b) {
  if (!mlirAffineMapEqual(uslForGetLowerBoundMap(a),
                          uslForGetLowerBoundMap(b)) ||
      !mlirAffineMapEqual(uslForGetUpperBoundMap(a),
                          uslForGetUpperBoundMap(b)) ||
      uslForGetStep(a) != uslForGetStep(b) ||
      mlirOperationGetNumOperands(a) != mlirOperationGetNumOperands(b))
    return false;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(a); ++i)
    if (!mlirValueEqual(mlirOperationGetOperand(a, i),
                        mlirOperationGetOperand(b, i)))
      return false;
  return true;
}

static MlirLogicalResult fuse(MlirOperation loop, bool report) {
  char a[USL_MAX_STRING_OPTION], b[USL_MAX_STRING_OPTION];
  uslLoopName(loop, a, sizeof a);
  MlirLocation loc = mlirOperationGetLocation(loop);
  MlirOperation next = mlirOperationGetNextInBlock(loop);
  if (mlirOperationIsNull(next) || !uslOpIs(next, USL_SLOOP_FOR)) {
    if (report)
      uslEmitErrorf(loc, "cannot fuse loop '%s': the next op is not a loop",
                    a);
    return mlirLogicalResultFailure();
  }
  uslLoopName(next, b, sizeof b);
  if (!sameBounds(loop, next)) {
    if (report)
      uslEmitErrorf(loc, "cannot fuse loops '%s' and '%s': their bounds or "
                         "steps differ", a, b);
    return mlirLogicalResultFailure();
  }
  UslDeps *deps = uslDepsCreate(uslEnclosingFunc(loop));
  UslDepViolation v;
  bool ok = uslDepsFusionIsLegal(deps, loop, next, &v);
  uslDepsDestroy(deps);
  if (!ok) {
    if (report) {
      char detail[1024];
      uslDepsDescribe(&v, detail, sizeof detail);
      uslEmitErrorf(loc,
                    "cannot fuse loops '%s' and '%s': %s, and the fused loop "
                    "would run them the other way round",
                    a, b, detail);
    }
    return mlirLogicalResultFailure();
  }
  uslMoveBodyBefore(uslForGetBody(next),
                    mlirBlockGetTerminator(uslForGetBody(loop)));
  mlirValueReplaceAllUsesOfWith(uslForGetInductionVar(next),
                                uslForGetInductionVar(loop));
  mlirOperationDestroy(next);
  return mlirLogicalResultSuccess();
}

MlirLogicalResult uslFuse(MlirOperation loop) { return fuse(loop, true); }

typedef struct FuseOptions {
  UslLoopTarget target;
} FuseOptions;

static const FuseOptions defaults = {.target = {.occurrence = 0}};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(FuseOptions, target),
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const FuseOptions *o = opaque;
  if (o->target.loop[0]) {
    MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "fuse");
    if (mlirOperationIsNull(loop))
      return mlirLogicalResultFailure();
    return uslFuse(loop);
  }
  /* Every legal adjacent pair, until none is left. */
  bool changed = true;
  while (changed) {
    changed = false;
    UslOpList loops = {0};
    const char *names[] = {USL_SLOOP_FOR};
    uslCollectOps(module, names, 1, MlirWalkPreOrder, &loops);
    for (size_t i = 0; i < loops.size && !changed; ++i)
      changed = mlirLogicalResultIsSuccess(fuse(loops.ops[i], false));
    uslOpListFree(&loops);
  }
  return mlirLogicalResultSuccess();
}

const UslPassInfo uslFusePass = {
    .argument = "fuse",
    .summary = "merge a loop with the next one of the same bounds (every such "
               "pair when no loop is named), checked against the dependences",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(FuseOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
