//===- lift_alloc.c - lift-alloc: allocate a buffer outside its loops -----===//
//
// Before:  sloop.for %i { %t = sloop.alloc : memref<4xf32>  ... }
// After:   %t = sloop.alloc : memref<4xf32>  sloop.for %i { ... }
// One buffer then serves every iteration instead of a fresh one each.
// Legal when its sizes are known outside every loop it leaves and none of
// them is par or vec (iterations running at once would share it). The
// buffer's contents are undefined when allocated, so a sequential loop may
// share one: what an iteration reads before writing was undefined before.
//
//===----------------------------------------------------------------------===//

#include "buffers.h"
#include "pass_table.h"
#include "usl/sloop.h"

static bool definedOutside(MlirValue v, MlirOperation loop) {
  MlirOperation owner =
      mlirValueIsABlockArgument(v)
          ? mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v))
          : mlirOpResultGetOwner(v);
  for (MlirOperation p = owner; !mlirOperationIsNull(p);
       p = mlirOperationGetParentOperation(p))
    if (mlirOperationEqual(p, loop))
      return false;
  return true;
}

MlirLogicalResult uslLiftAlloc(MlirOperation alloc, int64_t levels) {
  MlirStringRef n = uslAllocGetName(alloc);
  MlirLocation loc = mlirOperationGetLocation(alloc);
  /* Each loop it leaves, innermost first, is checked in turn. */
  MlirOperation loop = alloc;
  for (int64_t k = 0; k < levels; ++k) {
    loop = uslGetParentOfName(loop, USL_SLOOP_FOR);
    if (mlirOperationIsNull(loop)) {
      uslEmitErrorf(loc, "cannot lift buffer '%.*s' %lld levels: it is inside "
                         "%lld loops",
                    (int)n.length, n.data, (long long)levels, (long long)k);
      return mlirLogicalResultFailure();
    }
    char name[USL_MAX_STRING_OPTION];
    uslLoopName(loop, name, sizeof name);
    UslLoopKind kind = uslForGetKind(loop);
    if (kind == USL_LOOP_PAR || kind == USL_LOOP_VEC) {
      uslEmitErrorf(loc, "cannot lift buffer '%.*s' out of %s loop '%s': its "
                         "iterations run at once and would share it",
                    (int)n.length, n.data,
                    kind == USL_LOOP_PAR ? "par" : "vec", name);
      return mlirLogicalResultFailure();
    }
    for (intptr_t i = 0; i < mlirOperationGetNumOperands(alloc); ++i)
      if (!definedOutside(mlirOperationGetOperand(alloc, i), loop)) {
        uslEmitErrorf(loc, "cannot lift buffer '%.*s' out of loop '%s': its "
                           "size is computed inside it",
                      (int)n.length, n.data, name);
        return mlirLogicalResultFailure();
      }
  }
  /* All checks passed: move it before the outermost loop it leaves. */
  mlirOperationMoveBefore(alloc, loop);
  return mlirLogicalResultSuccess();
}

typedef struct LiftAllocOptions {
  UslBufferTarget target;
  int64_t levels;
} LiftAllocOptions;

static const LiftAllocOptions defaults = {.levels = 1};

static const UslOptionSpec options[] = {
    USL_BUFFER_TARGET_OPTIONS(LiftAllocOptions, target),
    {"levels", USL_OPTION_INT, offsetof(LiftAllocOptions, levels),
     "how many loops to lift it out of (default 1)", 1, 64},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const LiftAllocOptions *o = opaque;
  MlirOperation alloc = uslDirectiveFindAlloc(module, &o->target, "lift-alloc");
  if (mlirOperationIsNull(alloc))
    return mlirLogicalResultFailure();
  return uslLiftAlloc(alloc, o->levels);
}

const UslPassInfo uslLiftAllocPass = {
    .argument = "lift-alloc",
    .summary = "allocate a buffer outside the loops around it",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(LiftAllocOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
