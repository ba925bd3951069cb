//===- check_parallel.c - par and vec loops checked whatever wrote them ---===//
//
// A loop is par or vec because parallelize or vectorize checked it, or
// because the input says so; lowering cannot tell which. So lowering checks
// every one with the analysis those directives use, and refuses a loop whose
// iterations depend on each other with the message they give. A loop
// carrying the unit attribute `usl.unchecked` is taken as written: that is
// the one, explicit, way to run a loop the analysis cannot prove.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "../passes/directive.h"
#include "../passes/pass_table.h"
#include "usl/sloop.h"

static bool unchecked(MlirOperation loop) {
  return !mlirAttributeIsNull(mlirOperationGetAttributeByName(
      loop, mlirStringRefCreateFromCString("usl.unchecked")));
}

static MlirLogicalResult run(MlirOperation func, const void *opaque) {
  (void)opaque;
  UslOpList loops = {0}, checked = {0};
  const char *names[] = {USL_SLOOP_FOR};
  uslCollectOps(func, names, 1, MlirWalkPreOrder, &loops);
  for (size_t i = 0; i < loops.size; ++i) {
    UslLoopKind kind = uslForGetKind(loops.ops[i]);
    if ((kind == USL_LOOP_PAR || kind == USL_LOOP_VEC) &&
        !unchecked(loops.ops[i]))
      uslOpListPush(&checked, loops.ops[i]);
  }
  bool ok = true;
  if (checked.size) {
    UslDeps *deps = uslDepsCreate(func);
    for (size_t i = 0; i < checked.size; ++i) {
      MlirOperation loop = checked.ops[i];
      ok &= uslCheckLoopParallelIn(deps, loop,
                                   uslForGetKind(loop) == USL_LOOP_PAR
                                       ? "parallelize"
                                       : "vectorize");
    }
    uslDepsDestroy(deps);
  }
  uslOpListFree(&loops);
  uslOpListFree(&checked);
  return ok ? mlirLogicalResultSuccess() : mlirLogicalResultFailure();
}

static const char noOptions;

const UslPassInfo uslCheckParallelPass = {
    .argument = "usl-check-parallel",
    .summary = "check that every par and vec loop, whatever wrote it, has "
               "independent iterations (loops marked usl.unchecked are "
               "taken as written)",
    .anchor = "func.func",
    .defaults = &noOptions,
    .run = run,
};
