//===- fuse.c - fuse: merge a loop with the next one ----------------------===//
//
// Before:  sloop.for %i = 0 to %N { A(i) }  sloop.for %j = 0 to %N { B(j) }
// After:   sloop.for %i = 0 to %N { A(i); B(i) }
// Legal when the loops have the same bounds and step and no dependence goes
// from A in one iteration to B in an earlier one (B would read before A
// writes).
//
// With no options, --fuse applies the default policy:
//  1. a pipeline function read only at the very point its callers compute
//     (pointwise) is marked inline: inlining computes each of its points
//     for one consumer point only;
//  2. every legal adjacent pair of loops is merged;
//  3. a buffer of the function's own still computed by a nest of its own
//     (a stencil producer) is computed at the innermost consumer loop where
//     compute-at applies and recomputes little: the elements one iteration
//     computes, over the consumer points it serves, at most MAX_RECOMPUTE
//     (a tile or a tile row of the consumer, typically); and stored there
//     (stage-mem body=true, when it applies);
// everything else stays at root.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "../analysis/memory.h"
#include "buffers.h"
#include "directive.h"
#include "pass_table.h"
#include "usl/pipeline.h"
#include "usl/schedule.h"
#include "usl/sloop.h"

#include "mlir-c/AffineMap.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Diagnostics.h"

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

static bool touchesMemory(MlirOperation op, const UslMemAccess *access,
                          void *ctx) {
  (void)op;
  (void)access;
  *(bool *)ctx = true;
  return false;
}

/* True when `op`, which sits between `loop` and the loop after it, can run
 * before `loop` instead: it touches no memory (allocations and sizes, as
 * bufferization leaves between nests), has no regions, and uses nothing
 * `loop` or the ops after it define. */
static bool canRunBefore(MlirOperation op, MlirOperation loop) {
  bool touches = uslMemTouchesGlobals(op) || mlirOperationGetNumRegions(op);
  uslMemForEachAccess(op, touchesMemory, &touches);
  if (touches || uslOpIs(op, "memref.dealloc"))
    return false;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    if (mlirValueIsABlockArgument(v))
      continue;
    MlirOperation def = mlirOpResultGetOwner(v);
    if (!mlirBlockEqual(mlirOperationGetBlock(def), mlirOperationGetBlock(op)))
      continue;
    for (MlirOperation o = loop; !mlirOperationEqual(o, op);
         o = mlirOperationGetNextInBlock(o))
      if (mlirOperationEqual(o, def))
        return false;
  }
  return true;
}

/* The loop after `loop` in its block, past ops that can run before `loop`;
 * null when another op is in the way (`*blocker`). */
static MlirOperation nextLoop(MlirOperation loop, MlirOperation *blocker) {
  *blocker = (MlirOperation){NULL};
  for (MlirOperation o = mlirOperationGetNextInBlock(loop);
       !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o)) {
    if (uslOpIs(o, USL_SLOOP_FOR))
      return o;
    if (!canRunBefore(o, loop)) {
      *blocker = o;
      return (MlirOperation){NULL};
    }
  }
  return (MlirOperation){NULL};
}

static MlirLogicalResult fuse(MlirOperation loop, bool report) {
  char a[USL_MAX_STRING_OPTION], b[USL_MAX_STRING_OPTION];
  uslLoopName(loop, a, sizeof a);
  MlirLocation loc = mlirOperationGetLocation(loop);
  MlirOperation blocker;
  MlirOperation next = nextLoop(loop, &blocker);
  if (mlirOperationIsNull(next)) {
    if (report && !mlirOperationIsNull(blocker)) {
      MlirStringRef op = mlirIdentifierStr(mlirOperationGetName(blocker));
      uslEmitErrorf(loc, "cannot fuse loop '%s': '%.*s' (line %d) stands "
                         "between it and the next loop and cannot run "
                         "before it",
                    a, (int)op.length, op.data, uslLineOf(blocker));
    } else if (report) {
      uslEmitErrorf(loc, "cannot fuse loop '%s': no loop follows it", a);
    }
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
                    "cannot fuse loops '%s' and '%s': %s, %s", a, b, detail,
                    uslDepsConsequence(&v, "and the fused loop would run "
                                           "them the other way round"));
    }
    return mlirLogicalResultFailure();
  }
  /* The ops in between (allocations, sizes) run before the fused loop. */
  while (!mlirOperationEqual(mlirOperationGetNextInBlock(loop), next))
    mlirOperationMoveBefore(mlirOperationGetNextInBlock(loop), loop);
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

/* True when `call` reads its callee at the caller's own point: the identity
 * map over the coordinates of a pointwise (not reduction) caller. */
static bool readsSamePoint(MlirOperation call) {
  MlirOperation caller = mlirOperationGetParentOperation(call);
  if (!uslOpIs(caller, USL_PIPELINE_FUNC) ||
      mlirOperationGetNumOperands(caller) != 0)
    return false;
  MlirAffineMap map = mlirAffineMapAttrGetValue(mlirOperationGetAttributeByName(
      call, mlirStringRefCreateFromCString("map")));
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(caller, 0));
  intptr_t rank = mlirBlockGetNumArguments(body);
  if (!mlirAffineMapIsIdentity(map) ||
      mlirAffineMapGetNumResults(map) != rank ||
      mlirOperationGetNumOperands(call) != rank + 1)
    return false;
  for (intptr_t d = 0; d < rank; ++d)
    if (!mlirValueEqual(mlirOperationGetOperand(call, d + 1),
                        mlirBlockGetArgument(body, d)))
      return false;
  return true;
}

static MlirWalkResult inlinePointwise(MlirOperation op, void *userData) {
  (void)userData;
  if (!uslOpIs(op, USL_PIPELINE_FUNC) || mlirOperationGetNumOperands(op) != 0)
    return MlirWalkResultAdvance;
  MlirValue f = mlirOperationGetResult(op, 0);
  bool pointwise = !mlirOpOperandIsNull(mlirValueGetFirstUse(f));
  for (MlirOpOperand use = mlirValueGetFirstUse(f);
       pointwise && !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use))
    pointwise = uslOpIs(mlirOpOperandGetOwner(use), USL_PIPELINE_CALL) &&
                readsSamePoint(mlirOpOperandGetOwner(use));
  if (pointwise)
    mlirOperationSetAttributeByName(
        op, mlirStringRefCreateFromCString("inline"),
        mlirUnitAttrGet(mlirOperationGetContext(op)));
  return MlirWalkResultAdvance;
}

/* A stencil producer is fused into its consumer only when this many times
 * its elements, or fewer, are computed. */
static const double MAX_RECOMPUTE = 2.0;

/* How many points of the loops inside `loop` (up to `read`) run per
 * iteration of `loop`, or 0 when one of them has no constant bounds. */
static int64_t pointsPerIteration(MlirOperation read, MlirOperation loop) {
  int64_t points = 1;
  for (MlirOperation p = uslGetParentOfName(read, USL_SLOOP_FOR);
       !mlirOperationIsNull(p) && !mlirOperationEqual(p, loop);
       p = uslGetParentOfName(p, USL_SLOOP_FOR)) {
    int64_t trips;
    if (!uslConstantTripCount(p, &trips))
      return 0;
    points *= trips;
  }
  return points;
}

/* Swallows the diagnostics of attempts the policy may give up. */
static MlirLogicalResult quiet(MlirDiagnostic d, void *userData) {
  (void)d;
  (void)userData;
  return mlirLogicalResultSuccess();
}

static void computeAtConsumer(MlirOperation alloc) {
  MlirValue buffer = mlirOperationGetResult(alloc, 0);
  UslOpList reads = {0};
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use))
    if (uslOpIs(mlirOpOperandGetOwner(use), USL_SLOOP_LOAD))
      uslOpListPush(&reads, mlirOpOperandGetOwner(use));
  MlirOperation best = {NULL};
  /* Loops around every read, innermost first. */
  for (MlirOperation loop = reads.size
                                ? uslGetParentOfName(reads.ops[0], USL_SLOOP_FOR)
                                : (MlirOperation){NULL};
       !mlirOperationIsNull(loop);
       loop = uslGetParentOfName(loop, USL_SLOOP_FOR)) {
    int64_t points = 0, window;
    bool around = true;
    for (size_t i = 0; i < reads.size && around; ++i) {
      around = uslIsInside(reads.ops[i], loop);
      int64_t p = around ? pointsPerIteration(reads.ops[i], loop) : 0;
      points = p > points ? p : points;
    }
    if (!around || points == 0 || !uslComputeAtWindow(buffer, loop, &window))
      continue;
    if ((double)window <= MAX_RECOMPUTE * (double)points) {
      best = loop;
      break;
    }
  }
  uslOpListFree(&reads);
  if (mlirOperationIsNull(best) ||
      mlirLogicalResultIsFailure(uslComputeAt(buffer, best)))
    return;
  MlirContext ctx = mlirOperationGetContext(best);
  MlirDiagnosticHandlerID handler =
      mlirContextAttachDiagnosticHandler(ctx, quiet, NULL, NULL);
  uslStageMem(best, true, buffer, mlirStringRefCreateFromCString(""),
              USL_MEM_DRAM);
  mlirContextDetachDiagnosticHandler(ctx, handler);
}

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const FuseOptions *o = opaque;
  if (o->target.loop[0]) {
    MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "fuse");
    if (mlirOperationIsNull(loop))
      return mlirLogicalResultFailure();
    return uslFuse(loop);
  }
  mlirOperationWalk(module, inlinePointwise, NULL, MlirWalkPreOrder);
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
  UslOpList allocs = {0};
  const char *allocName[] = {USL_SLOOP_ALLOC};
  uslCollectOps(module, allocName, 1, MlirWalkPreOrder, &allocs);
  for (size_t i = 0; i < allocs.size; ++i)
    computeAtConsumer(allocs.ops[i]);
  uslOpListFree(&allocs);
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
