//===- dissolve_alloca_scopes.c - remove stack scopes with no allocas ----===//
//
// Before:  memref.alloca_scope { ops without memref.alloca }
// After:   ops
//
// convert-scf-to-openmp wraps each parallel loop body in a
// memref.alloca_scope, which convert-scf-to-cf cannot lower when the body
// holds loops (the scope's region must keep a single block). USL's lowering
// never puts stack allocations inside a parallel loop (they go to the
// function's entry block), so such scopes are empty of allocas and can go.
// Scopes that do hold an alloca are kept.
//
//===----------------------------------------------------------------------===//

#include "../passes/pass_table.h"
#include "../passes/support.h"
#include "usl/sloop.h"

#include <stdbool.h>

static MlirWalkResult findAlloca(MlirOperation op, void *userData) {
  if (uslOpIs(op, "memref.alloca")) {
    *(bool *)userData = true;
    return MlirWalkResultInterrupt;
  }
  return MlirWalkResultAdvance;
}

static void dissolve(MlirOperation scope) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(scope, 0));
  if (mlirBlockIsNull(body))
    return;
  MlirOperation terminator = mlirBlockGetTerminator(body);
  for (intptr_t i = 0; i < mlirOperationGetNumResults(scope); ++i)
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(scope, i),
                                  mlirOperationGetOperand(terminator, i));
  uslMoveBodyBefore(body, scope);
  mlirOperationDestroy(scope);
}

static MlirLogicalResult run(MlirOperation root, const void *options) {
  (void)options;
  UslOpList scopes = {0};
  const char *names[] = {"memref.alloca_scope"};
  uslCollectOps(root, names, 1, MlirWalkPostOrder, &scopes);
  for (size_t i = 0; i < scopes.size; ++i) {
    bool hasAlloca = false;
    mlirOperationWalk(scopes.ops[i], findAlloca, &hasAlloca, MlirWalkPreOrder);
    if (!hasAlloca)
      dissolve(scopes.ops[i]);
  }
  uslOpListFree(&scopes);
  return mlirLogicalResultSuccess();
}

static const char noOptions;

const UslPassInfo uslDissolveAllocaScopesPass = {
    .argument = "usl-dissolve-alloca-scopes",
    .summary = "inline memref.alloca_scope regions that allocate nothing on "
               "the stack",
    .anchor = "func.func",
    .defaults = &noOptions,
    .run = run,
};
