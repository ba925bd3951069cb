//===- remove_loop.c - remove-loop: run a repeated body once --------------===//
//
// Before:  sloop.for %ii = 0 to 4 { sloop.for %j { y[%j] = data[%j] } }
// After:   sloop.for %j { y[%j] = data[%j] }
// Legal when the body does not use the loop's variable, the loop surely
// runs, and running the body again changes nothing: no buffer it writes is
// also read or updated by it.
//
//===----------------------------------------------------------------------===//

#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include <string.h>

enum { MAX_BUFFERS = 64 };

typedef struct Effects {
  MlirValue read[MAX_BUFFERS], written[MAX_BUFFERS];
  int numRead, numWritten;
  bool unknown;
} Effects;

static void add(MlirValue *list, int *n, MlirValue v) {
  for (int i = 0; i < *n; ++i)
    if (mlirValueEqual(list[i], v))
      return;
  if (*n < MAX_BUFFERS)
    list[(*n)++] = v;
}

static MlirWalkResult collectEffects(MlirOperation op, void *userData) {
  Effects *e = userData;
  if (uslOpIs(op, USL_SLOOP_LOAD)) {
    add(e->read, &e->numRead, uslAccessGetMemRef(op));
  } else if (uslOpIs(op, USL_SLOOP_STORE)) {
    add(e->written, &e->numWritten, uslAccessGetMemRef(op));
  } else if (uslOpIs(op, USL_SLOOP_REDUCE)) {
    add(e->read, &e->numRead, uslAccessGetMemRef(op));
    add(e->written, &e->numWritten, uslAccessGetMemRef(op));
  } else if (!uslOpIs(op, USL_SLOOP_FOR) && !uslOpIs(op, USL_SLOOP_IF) &&
             !uslOpIs(op, USL_SLOOP_YIELD) && !uslOpIs(op, USL_SLOOP_ALLOC)) {
    MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
    bool arithmetic = (name.length > 6 && !strncmp(name.data, "arith.", 6)) ||
                      (name.length > 5 && !strncmp(name.data, "math.", 5)) ||
                      uslOpIs(op, "affine.apply");
    if (!arithmetic)
      e->unknown = true;
  }
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
  Effects e = {.numRead = 0, .numWritten = 0, .unknown = false};
  mlirOperationWalk(loop, collectEffects, &e, MlirWalkPreOrder);
  if (e.unknown) {
    uslEmitErrorf(loc, "cannot remove loop '%s': its body has ops whose "
                       "effects are unknown",
                  name);
    return mlirLogicalResultFailure();
  }
  for (int w = 0; w < e.numWritten; ++w)
    for (int r = 0; r < e.numRead; ++r)
      if (mlirValueEqual(e.written[w], e.read[r])) {
        char buffer[USL_MAX_STRING_OPTION];
        uslBufferName(e.written[w], buffer, sizeof buffer);
        uslEmitErrorf(loc, "cannot remove loop '%s': its body reads '%s', "
                           "which it also writes, so running it again may "
                           "change the result",
                      name, buffer);
        return mlirLogicalResultFailure();
      }
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
