//===- vectorize.c - vectorize: run a loop's iterations as SIMD lanes -----===//
//
// Before:  sloop.for %j = 0 to %N { S(j) }
// After:   sloop.for %jo = 0 to %N floordiv 16 {
//            sloop.for %ji = 0 to 16 vec { S(16 * jo + ji) } }
//          sloop.if %N >= 0 {
//            sloop.for %ji = 16 * (%N floordiv 16) to %N { S(ji) } }
// A loop of exactly `width` iterations is marked vec as it is. Legal when
// the iterations are independent, as for parallelize.
//
//===----------------------------------------------------------------------===//

#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

MlirLogicalResult uslVectorize(MlirOperation loop, int64_t width) {
  char name[USL_MAX_STRING_OPTION];
  uslLoopName(loop, name, sizeof name);
  if (width < 1) {
    uslEmitErrorf(mlirOperationGetLocation(loop),
                  "cannot vectorize loop '%s' with %lld lanes", name,
                  (long long)width);
    return mlirLogicalResultFailure();
  }
  if (!uslCheckLoopParallel(loop, "vectorize"))
    return mlirLogicalResultFailure();
  int64_t lb, ub;
  if (uslForGetConstantBounds(loop, &lb, &ub) && uslForGetStep(loop) == 1 &&
      ub - lb == width) {
    uslForSetKind(loop, USL_LOOP_VEC);
    return mlirLogicalResultSuccess();
  }
  MlirOperation outer;
  if (mlirLogicalResultIsFailure(uslSplitLoop(
          loop, width, USL_TAIL_CUT, mlirStringRefCreateFromCString(""),
          mlirStringRefCreateFromCString(""), &outer)))
    return mlirLogicalResultFailure();
  uslForSetKind(uslOnlyChildLoop(outer), USL_LOOP_VEC);
  return mlirLogicalResultSuccess();
}

typedef struct VectorizeOptions {
  UslLoopTarget target;
  int64_t width;
} VectorizeOptions;

static const VectorizeOptions defaults = {.width = 16};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(VectorizeOptions, target),
    {"width", USL_OPTION_INT, offsetof(VectorizeOptions, width),
     "lanes per vector (default 16: f32 in AVX-512)", 1, 1024},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const VectorizeOptions *o = opaque;
  MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "vectorize");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslVectorize(loop, o->width);
}

const UslPassInfo uslVectorizePass = {
    .argument = "vectorize",
    .summary = "run a loop's iterations as vector lanes (strip-mining by the "
               "width), checked independent",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(VectorizeOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
