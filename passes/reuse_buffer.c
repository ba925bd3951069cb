//===- reuse_buffer.c - reuse-buffer: let a later buffer take a dead one --===//
//
// Before:  %a = sloop.alloc : memref<4x4xi32> ... uses of %a ...
//          %b = sloop.alloc : memref<4x4xi32> ... uses of %b ...
// After:   %a = sloop.alloc : memref<4x4xi32> ... uses of %a ... uses of %a
// Legal when both have the same type, are allocated in the same block, and
// every use of the first comes before the second is allocated: the first is
// dead when the second starts. Uses through views (tmem.window, casts,
// subviews) count as uses of the buffer.
//
//===----------------------------------------------------------------------===//

#include "../analysis/memory.h"
#include "buffers.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include <string.h>

typedef struct LateUse {
  MlirBlock block;
  MlirOperation alloc;
  MlirOperation use; /* the first use found after `alloc` */
} LateUse;

static bool usedBefore(MlirOperation user, MlirValue memref, void *ctx) {
  (void)memref;
  LateUse *l = ctx;
  MlirOperation at = uslAncestorInBlock(user, l->block);
  if (!mlirOperationIsNull(at))
    for (MlirOperation o = mlirOperationGetNextInBlock(at);
         !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o))
      if (mlirOperationEqual(o, l->alloc))
        return true;
  l->use = user;
  return false;
}

MlirLogicalResult uslReuseBuffer(MlirOperation alloc, MlirOperation dead) {
  MlirStringRef a = uslAllocGetName(dead), b = uslAllocGetName(alloc);
  MlirLocation loc = mlirOperationGetLocation(alloc);
  MlirValue later = mlirOperationGetResult(alloc, 0);
  MlirValue earlier = mlirOperationGetResult(dead, 0);
  if (!mlirTypeEqual(mlirValueGetType(later), mlirValueGetType(earlier))) {
    uslEmitErrorf(loc, "cannot let buffer '%.*s' reuse '%.*s': their types "
                       "differ",
                  (int)b.length, b.data, (int)a.length, a.data);
    return mlirLogicalResultFailure();
  }
  MlirBlock block = mlirOperationGetBlock(alloc);
  if (!mlirBlockEqual(block, mlirOperationGetBlock(dead))) {
    uslEmitErrorf(loc, "cannot let buffer '%.*s' reuse '%.*s': they are not "
                       "allocated in the same block",
                  (int)b.length, b.data, (int)a.length, a.data);
    return mlirLogicalResultFailure();
  }
  /* Every use of the dead buffer, through views too, must come before the
   * new allocation. */
  LateUse late = {block, alloc, {NULL}};
  if (!uslMemForEachUse(earlier, usedBefore, &late)) {
    MlirStringRef op = mlirIdentifierStr(mlirOperationGetName(late.use));
    uslEmitErrorf(loc, "cannot let buffer '%.*s' reuse '%.*s': '%.*s' is "
                       "still used after '%.*s' is allocated, by '%.*s' (line "
                       "%d)",
                  (int)b.length, b.data, (int)a.length, a.data,
                  (int)a.length, a.data, (int)b.length, b.data,
                  (int)op.length, op.data, uslLineOf(late.use));
    return mlirLogicalResultFailure();
  }
  mlirValueReplaceAllUsesOfWith(later, earlier);
  mlirOperationDestroy(alloc);
  return mlirLogicalResultSuccess();
}

typedef struct ReuseBufferOptions {
  UslBufferTarget target;
  char with[USL_MAX_STRING_OPTION];
} ReuseBufferOptions;

static const ReuseBufferOptions defaults = {.with = ""};

static const UslOptionSpec options[] = {
    USL_BUFFER_TARGET_OPTIONS(ReuseBufferOptions, target),
    {"with", USL_OPTION_STRING, offsetof(ReuseBufferOptions, with),
     "the earlier buffer whose storage it takes", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const ReuseBufferOptions *o = opaque;
  if (!o->with[0]) {
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'reuse-buffer' needs the buffer to reuse: with=NAME");
    return mlirLogicalResultFailure();
  }
  MlirOperation alloc =
      uslDirectiveFindAlloc(module, &o->target, "reuse-buffer");
  if (mlirOperationIsNull(alloc))
    return mlirLogicalResultFailure();
  UslBufferTarget deadTarget = o->target;
  memcpy(deadTarget.buffer, o->with, sizeof deadTarget.buffer);
  deadTarget.occurrence = 0;
  MlirOperation dead =
      uslDirectiveFindAlloc(module, &deadTarget, "reuse-buffer");
  if (mlirOperationIsNull(dead))
    return mlirLogicalResultFailure();
  return uslReuseBuffer(alloc, dead);
}

const UslPassInfo uslReuseBufferPass = {
    .argument = "reuse-buffer",
    .summary = "let a buffer take the storage of an earlier one that is "
               "dead by then",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(ReuseBufferOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
