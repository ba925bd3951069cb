//===- parallelize.c - parallelize: run a loop's iterations at once -------===//
//
// Before:  sloop.for %i = 0 to %N { S(i) }
// After:   sloop.for %i = 0 to %N par { S(i) }
// Legal when no two iterations touch an element one of them writes; two
// updates of one element by sloop.reduce race too, so they also forbid it.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

/* Emits "cannot <what> loop 'i': <violation>" at the loop. */
static void reportCarried(MlirOperation loop, const char *what,
                          const UslDepViolation *v) {
  char name[USL_MAX_STRING_OPTION], detail[1024];
  uslLoopName(loop, name, sizeof name);
  uslDepsDescribe(v, detail, sizeof detail);
  uslEmitErrorf(mlirOperationGetLocation(loop),
                "cannot %s loop '%s': %s, %s", what, name, detail,
                uslDepsConsequence(v, "so its iterations depend on each "
                                      "other"));
}

bool uslCheckLoopParallelIn(UslDeps *deps, MlirOperation loop,
                            const char *what) {
  UslDepViolation v;
  bool ok = uslDepsLoopIsParallel(deps, loop, &v);
  if (!ok)
    reportCarried(loop, what, &v);
  return ok;
}

bool uslCheckLoopParallel(MlirOperation loop, const char *what) {
  UslDeps *deps = uslDepsCreate(uslEnclosingFunc(loop));
  bool ok = uslCheckLoopParallelIn(deps, loop, what);
  uslDepsDestroy(deps);
  return ok;
}

MlirLogicalResult uslParallelize(MlirOperation loop) {
  if (!uslCheckLoopParallel(loop, "parallelize"))
    return mlirLogicalResultFailure();
  uslForSetKind(loop, USL_LOOP_PAR);
  return mlirLogicalResultSuccess();
}

typedef struct ParallelizeOptions {
  UslLoopTarget target;
} ParallelizeOptions;

static const ParallelizeOptions defaults = {.target = {.occurrence = 0}};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(ParallelizeOptions, target),
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const ParallelizeOptions *o = opaque;
  MlirOperation loop =
      uslDirectiveFindLoop(module, &o->target, "parallelize");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslParallelize(loop);
}

const UslPassInfo uslParallelizePass = {
    .argument = "parallelize",
    .summary = "mark a loop parallel after checking its iterations are "
               "independent",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(ParallelizeOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
