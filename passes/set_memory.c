//===- set_memory.c - set-memory: move a buffer to another memory space ---===//
//
// Before:  %acc = sloop.alloc : memref<4x4xi32>
// After:   %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
// Where a buffer lives does not change what the program computes; a buffer
// in a register space must then be consumed by instruction selection.
//
//===----------------------------------------------------------------------===//

#include "../analysis/memory.h"
#include "buffers.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinTypes.h"

/* A view of `v` other than a window (which takes its source's space), or
 * null: casts and subviews keep the space their type names. */
static MlirOperation fixedView(MlirValue v) {
  for (MlirOpOperand use = mlirValueGetFirstUse(v); !mlirOpOperandIsNull(use);
       use = mlirOpOperandGetNextUse(use)) {
    MlirOperation user = mlirOpOperandGetOwner(use);
    if (uslOpIs(user, USL_TMEM_WINDOW)) {
      MlirOperation inner = fixedView(mlirOperationGetResult(user, 0));
      if (!mlirOperationIsNull(inner))
        return inner;
    } else if (uslMemIsViewOp(user)) {
      return user;
    }
  }
  return (MlirOperation){NULL};
}

MlirLogicalResult uslSetMemory(MlirOperation alloc, UslMemorySpace space) {
  MlirValue buffer = mlirOperationGetResult(alloc, 0);
  MlirType type = mlirValueGetType(buffer);
  MlirOperation view = fixedView(buffer);
  if (!mlirOperationIsNull(view)) {
    MlirStringRef name = uslAllocGetName(alloc);
    MlirStringRef op = mlirIdentifierStr(mlirOperationGetName(view));
    uslEmitErrorf(mlirOperationGetLocation(alloc),
                  "cannot put buffer '%.*s' in %s: '%.*s' (line %d) views it "
                  "with a type that names its memory space",
                  (int)name.length, name.data, uslMemorySpaceName(space),
                  (int)op.length, op.data, uslLineOf(view));
    return mlirLogicalResultFailure();
  }
  if (space == USL_MEM_DRAM_STATIC && !mlirShapedTypeHasStaticShape(type)) {
    MlirStringRef name = uslAllocGetName(alloc);
    uslEmitErrorf(mlirOperationGetLocation(alloc),
                  "cannot put buffer '%.*s' in dram_static: its shape is not "
                  "static",
                  (int)name.length, name.data);
    return mlirLogicalResultFailure();
  }
  uslRetypeBuffer(buffer, uslMemRefWithSpace(type, space));
  return mlirLogicalResultSuccess();
}

typedef struct SetMemoryOptions {
  UslBufferTarget target;
  char memory[USL_MAX_STRING_OPTION];
} SetMemoryOptions;

static const SetMemoryOptions defaults = {.memory = ""};

static const UslOptionSpec options[] = {
    USL_BUFFER_TARGET_OPTIONS(SetMemoryOptions, target),
    {"memory", USL_OPTION_STRING, offsetof(SetMemoryOptions, memory),
     "dram, dram_static, rvm_tile or avx512", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const SetMemoryOptions *o = opaque;
  UslMemorySpace space;
  if (!uslParseMemorySpace(o->memory, &space)) {
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'set-memory': unknown memory '%s'; expected dram, "
                  "dram_static, rvm_tile or avx512",
                  o->memory);
    return mlirLogicalResultFailure();
  }
  MlirOperation alloc =
      uslDirectiveFindAlloc(module, &o->target, "set-memory");
  if (mlirOperationIsNull(alloc))
    return mlirLogicalResultFailure();
  return uslSetMemory(alloc, space);
}

const UslPassInfo uslSetMemoryPass = {
    .argument = "set-memory",
    .summary = "put a buffer in another memory space",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(SetMemoryOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
