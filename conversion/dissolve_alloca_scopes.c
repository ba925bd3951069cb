//===- dissolve_alloca_scopes.c - remove stack scopes with no allocas ----===//
//
// Before:  memref.alloca_scope { ops without memref.alloca }
// After:   ops
//
// convert-scf-to-openmp wraps each parallel loop body in a
// memref.alloca_scope, which convert-scf-to-cf cannot lower when the body
// holds loops (the scope's region must keep a single block). The stack
// buffers USL's lowering puts in a parallel loop are scratch space that
// each iteration writes before it reads (registers, small staged tiles), at
// the start of the loop body with static shapes: they move to the start of
// the enclosing omp.parallel region -- one per thread rather than one per
// iteration -- and the scope, empty of allocas, goes. A scope that still
// holds an alloca (of run-time size) becomes a stack save before its ops
// and a restore after them. Run without OpenMP, the pass moves those of a
// scf.parallel (run sequentially) to the function's entry block.
//
//===----------------------------------------------------------------------===//

#include "../passes/pass_table.h"
#include "../passes/support.h"
#include "usl/sloop.h"

#include "mlir-c/Dialect/LLVM.h"

#include <stdbool.h>

typedef struct AllocaSearch {
  MlirOperation scope;
  bool found;
} AllocaSearch;

/* An alloca belongs to the nearest scope around it: an alloca_scope, an
 * omp.parallel region (each thread's stack) or the function. */
static MlirWalkResult findAlloca(MlirOperation op, void *userData) {
  AllocaSearch *search = userData;
  if (!uslOpIs(op, "memref.alloca"))
    return MlirWalkResultAdvance;
  MlirOperation owner = mlirOperationGetParentOperation(op);
  while (!mlirOperationIsNull(owner) &&
         !uslOpIs(owner, "memref.alloca_scope") &&
         !uslOpIs(owner, "omp.parallel") && !uslOpIs(owner, "func.func"))
    owner = mlirOperationGetParentOperation(owner);
  if (!mlirOperationEqual(owner, search->scope))
    return MlirWalkResultAdvance;
  search->found = true;
  return MlirWalkResultInterrupt;
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

/* Moves the operand-less allocas at the start of `block` to the start of
 * `target`. */
static void hoistAllocas(MlirBlock block, MlirBlock target) {
  MlirOperation first = mlirBlockGetFirstOperation(target);
  for (MlirOperation op = mlirBlockGetFirstOperation(block);
       !mlirOperationIsNull(op) && uslOpIs(op, "memref.alloca") &&
       mlirOperationGetNumOperands(op) == 0;) {
    MlirOperation next = mlirOperationGetNextInBlock(op);
    mlirOperationMoveBefore(op, first);
    op = next;
  }
}

static MlirBlock firstBlock(MlirOperation op) {
  return mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
}

/* A scope's stack slots go to the start of the enclosing omp.parallel
 * region: one per thread. */
static void hoistToThread(MlirOperation scope) {
  MlirOperation parallel = uslGetParentOfName(scope, "omp.parallel");
  if (!mlirOperationIsNull(parallel) && !mlirBlockIsNull(firstBlock(scope)))
    hoistAllocas(firstBlock(scope), firstBlock(parallel));
}

/* A parallel loop left as scf.parallel runs its iterations one after the
 * other: the stack slots at the start of its body move to the function's
 * entry block (an alloca inside a loop would grow the stack every
 * iteration), or to the start of the thread's region when the loop runs
 * inside an omp.parallel. */
static void hoistFromSequential(MlirOperation parallel, MlirOperation func) {
  MlirOperation thread = uslGetParentOfName(parallel, "omp.parallel");
  hoistAllocas(firstBlock(parallel),
               firstBlock(mlirOperationIsNull(thread) ? func : thread));
}

/* A scope that keeps an alloca (one of run-time size, say, in a parallel
 * loop body) releases its stack at its end: the stack pointer saved before
 * it and restored after it, which is what the scope means, in a form
 * convert-scf-to-cf can leave around the loops inside. */
static void saveAndRestoreStack(MlirOperation scope) {
  MlirContext ctx = mlirOperationGetContext(scope);
  UslBuilder before = uslBuilderBefore(scope);
  MlirValue saved = uslBuild1(&before, "llvm.intr.stacksave", 0, NULL,
                              mlirLLVMPointerTypeGet(ctx, 0));
  MlirOperation next = mlirOperationGetNextInBlock(scope);
  UslBuilder after = mlirOperationIsNull(next)
                         ? uslBuilderAtEnd(mlirOperationGetBlock(scope),
                                           mlirOperationGetLocation(scope))
                         : uslBuilderBefore(next);
  uslBuild(&after, "llvm.intr.stackrestore", 1, &saved, 0, NULL, 0, NULL, 0);
}

static MlirLogicalResult run(MlirOperation root, const void *options) {
  (void)options;
  UslOpList parallels = {0};
  const char *parallelName[] = {"scf.parallel"};
  uslCollectOps(root, parallelName, 1, MlirWalkPostOrder, &parallels);
  for (size_t i = 0; i < parallels.size; ++i)
    hoistFromSequential(parallels.ops[i], root);
  uslOpListFree(&parallels);
  UslOpList scopes = {0};
  const char *names[] = {"memref.alloca_scope"};
  uslCollectOps(root, names, 1, MlirWalkPostOrder, &scopes);
  for (size_t i = 0; i < scopes.size; ++i) {
    hoistToThread(scopes.ops[i]);
    AllocaSearch search = {scopes.ops[i], false};
    mlirOperationWalk(scopes.ops[i], findAlloca, &search, MlirWalkPreOrder);
    if (search.found)
      saveAndRestoreStack(scopes.ops[i]);
    dissolve(scopes.ops[i]);
  }
  uslOpListFree(&scopes);
  return mlirLogicalResultSuccess();
}

static const char noOptions;

const UslPassInfo uslDissolveAllocaScopesPass = {
    .argument = "usl-dissolve-alloca-scopes",
    .summary = "inline memref.alloca_scope regions (scratch buffers of a "
               "parallel loop body move to its thread's region first; a "
               "scope still holding an alloca saves and restores the stack)",
    .anchor = "func.func",
    .defaults = &noOptions,
    .run = run,
};
