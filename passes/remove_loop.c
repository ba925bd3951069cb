//===- remove_loop.c - remove-loop: run a repeated body once --------------===//
//
// Before:  sloop.for %ii = 0 to 4 { sloop.for %j { y[%j] = data[%j] } }
// After:   sloop.for %j { y[%j] = data[%j] }
// Legal when the body does not use the loop's variable, the loop surely
// runs, and running the body again changes nothing: no buffer it writes is
// also read or updated by it (by root buffer: a window of x is x; a buffer
// allocated in the body is new in each iteration).
//
//===----------------------------------------------------------------------===//

#include "../analysis/memory.h"
#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include <stdlib.h>
#include <string.h>

/* What the body touches: every access, by root, and whether some op's
 * effects are unknown. */
typedef struct Effects {
  MlirOperation loop;
  UslMemView *views;
  int *effects;
  int size;
  MlirOperation unknown;
} Effects;

static bool addAccess(MlirOperation op, const UslMemAccess *access,
                      void *ctx) {
  (void)op;
  Effects *e = ctx;
  UslMemView view;
  uslMemResolve(access->memref, &view);
  /* A buffer allocated in the body is new in each iteration. */
  if (view.kind == USL_MEM_ROOT_ALLOC && uslIsInside(view.rootOp, e->loop))
    return true;
  e->views = realloc(e->views, (size_t)(e->size + 1) * sizeof *e->views);
  e->effects = realloc(e->effects, (size_t)(e->size + 1) * sizeof *e->effects);
  e->views[e->size] = view;
  e->effects[e->size++] = access->effect;
  return true;
}

static MlirWalkResult collectEffects(MlirOperation op, void *userData) {
  Effects *e = userData;
  if (uslOpIs(op, USL_SLOOP_FOR) || uslOpIs(op, USL_SLOOP_IF) ||
      uslOpIs(op, USL_SLOOP_YIELD) || uslOpIs(op, USL_SLOOP_ALLOC) ||
      uslIsPureArithmetic(op) || uslMemIsViewOp(op) ||
      uslOpIs(op, "memref.dim"))
    return MlirWalkResultAdvance;
  bool known = uslOpIs(op, USL_SLOOP_LOAD) || uslOpIs(op, USL_SLOOP_STORE) ||
               uslOpIs(op, USL_SLOOP_REDUCE) || uslOpIs(op, "memref.load") ||
               uslOpIs(op, "memref.store") || uslOpIs(op, "memref.copy");
  if (known)
    uslMemForEachAccess(op, addAccess, e);
  else if (mlirOperationIsNull(e->unknown))
    e->unknown = op;
  return MlirWalkResultAdvance;
}

MlirLogicalResult uslRemoveLoop(MlirOperation loop) {
  char name[USL_MAX_STRING_OPTION];
  uslLoopName(loop, name, sizeof name);
  MlirLocation loc = mlirOperationGetLocation(loop);
  MlirValue iv = uslForGetInductionVar(loop);
  if (!mlirOpOperandIsNull(mlirValueGetFirstUse(iv))) {
    uslEmitErrorf(loc, "cannot remove loop '%s': its body uses its variable",
                  name);
    return mlirLogicalResultFailure();
  }
  int64_t lb, ub;
  if (!uslForGetConstantBounds(loop, &lb, &ub) || ub <= lb) {
    uslEmitErrorf(loc, "cannot remove loop '%s': it may run no iteration",
                  name);
    return mlirLogicalResultFailure();
  }
  Effects e = {.loop = loop};
  mlirOperationWalk(loop, collectEffects, &e, MlirWalkPreOrder);
  bool ok = mlirOperationIsNull(e.unknown);
  if (!ok) {
    MlirStringRef op = mlirIdentifierStr(mlirOperationGetName(e.unknown));
    uslEmitErrorf(loc, "cannot remove loop '%s': its body has ops whose "
                       "effects are unknown ('%.*s', line %d)",
                  name, (int)op.length, op.data, uslLineOf(e.unknown));
  }
  /* Running the body again changes nothing unless it reads memory it
   * writes (any element: the model compares roots). */
  for (int w = 0; ok && w < e.size; ++w)
    for (int r = 0; ok && r < e.size; ++r) {
      if (!(e.effects[w] & USL_MEM_WRITE) || !(e.effects[r] & USL_MEM_READ) ||
          !uslMemMayAlias(&e.views[w], &e.views[r]))
        continue;
      char written[160], read[160];
      uslMemDescribeRoot(&e.views[w], written, sizeof written);
      uslMemDescribeRoot(&e.views[r], read, sizeof read);
      if (uslMemSameRoot(&e.views[w], &e.views[r]))
        uslEmitErrorf(loc, "cannot remove loop '%s': its body reads %s, "
                           "which it also writes, so running it again may "
                           "change the result",
                      name, read);
      else
        uslEmitErrorf(loc, "cannot remove loop '%s': its body reads %s and "
                           "writes %s, which may be the same memory, so "
                           "running it again may change the result",
                      name, read, written);
      ok = false;
    }
  free(e.views);
  free(e.effects);
  if (!ok)
    return mlirLogicalResultFailure();
  uslMoveBodyBefore(uslForGetBody(loop), loop);
  mlirOperationDestroy(loop);
  return mlirLogicalResultSuccess();
}

typedef struct RemoveLoopOptions {
  UslLoopTarget target;
} RemoveLoopOptions;

static const RemoveLoopOptions defaults = {.target = {.occurrence = 0}};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(RemoveLoopOptions, target),
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const RemoveLoopOptions *o = opaque;
  MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "remove-loop");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslRemoveLoop(loop);
}

const UslPassInfo uslRemoveLoopPass = {
    .argument = "remove-loop",
    .summary = "run the body of a loop once when repeating it changes nothing",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(RemoveLoopOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
