//===- unroll.c - unroll: replicate a loop body ---------------------------===//
//
// Before:  sloop.for %i = 0 to 8 { S(i) }
// After:   sloop.for %i = 0 to 8 unroll { S(i) }      (factor=0: fully)
//          sloop.for %io = 0 to 2 { sloop.for %ii = 0 to 4 unroll {
//            S(4 * io + ii) } }                        (factor=4)
// The unroll kind is expanded when lowering. Always legal.
//
//===----------------------------------------------------------------------===//

#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

/* Lowering replicates at most this many iterations. */
enum { UNROLL_LIMIT = 4096 };

MlirLogicalResult uslUnroll(MlirOperation loop, int64_t factor) {
  char name[USL_MAX_STRING_OPTION];
  uslLoopName(loop, name, sizeof name);
  MlirLocation loc = mlirOperationGetLocation(loop);
  if (factor < 0) {
    uslEmitErrorf(loc, "cannot unroll loop '%s' by %lld: the factor must not "
                       "be negative", name, (long long)factor);
    return mlirLogicalResultFailure();
  }
  if (factor == 0) {
    int64_t lb, ub;
    if (!uslForGetConstantBounds(loop, &lb, &ub)) {
      uslEmitErrorf(loc, "cannot fully unroll loop '%s': its bounds are not "
                         "constant; unroll by a factor instead", name);
      return mlirLogicalResultFailure();
    }
    int64_t step = uslForGetStep(loop);
    int64_t trips = ub > lb ? (ub - lb + step - 1) / step : 0;
    if (trips > UNROLL_LIMIT) {
      uslEmitErrorf(loc, "cannot fully unroll loop '%s': %lld iterations, at "
                         "most %d", name, (long long)trips, UNROLL_LIMIT);
      return mlirLogicalResultFailure();
    }
    uslForSetKind(loop, USL_LOOP_UNROLL);
    return mlirLogicalResultSuccess();
  }
  if (factor > UNROLL_LIMIT) {
    uslEmitErrorf(loc, "cannot unroll loop '%s' by %lld: at most %d", name,
                  (long long)factor, UNROLL_LIMIT);
    return mlirLogicalResultFailure();
  }
  MlirOperation outer;
  if (mlirLogicalResultIsFailure(uslSplitLoop(
          loop, factor, USL_TAIL_CUT, mlirStringRefCreateFromCString(""),
          mlirStringRefCreateFromCString(""), &outer)))
    return mlirLogicalResultFailure();
  uslForSetKind(uslOnlyChildLoop(outer), USL_LOOP_UNROLL);
  return mlirLogicalResultSuccess();
}

typedef struct UnrollOptions {
  UslLoopTarget target;
  int64_t factor;
} UnrollOptions;

static const UnrollOptions defaults = {.factor = 0};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(UnrollOptions, target),
    {"factor", USL_OPTION_INT, offsetof(UnrollOptions, factor),
     "copies of the body per iteration; 0 unrolls fully", 0, UNROLL_LIMIT},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const UnrollOptions *o = opaque;
  MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "unroll");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslUnroll(loop, o->factor);
}

const UslPassInfo uslUnrollPass = {
    .argument = "unroll",
    .summary = "unroll a loop fully or by a factor",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(UnrollOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
