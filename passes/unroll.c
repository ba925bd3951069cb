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


static int64_t capped(int64_t v) {
  return v > USL_UNROLLED_OPS_LIMIT ? USL_UNROLLED_OPS_LIMIT + 1 : v;
}

bool uslConstantTripCount(MlirOperation loop, int64_t *trips) {
  int64_t lb, ub;
  if (!uslForGetConstantBounds(loop, &lb, &ub))
    return false;
  int64_t step = uslForGetStep(loop);
  *trips = ub > lb ? (ub - lb + step - 1) / step : 0;
  return true;
}

int64_t uslUnrolledOps(MlirOperation op) {
  int64_t inner = 0;
  for (intptr_t r = 0; r < mlirOperationGetNumRegions(op); ++r)
    for (MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
         !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
      for (MlirOperation o = mlirBlockGetFirstOperation(b);
           !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o))
        inner = capped(inner + uslUnrolledOps(o));
  int64_t trips;
  if (uslOpIs(op, USL_SLOOP_FOR) && uslForGetKind(op) == USL_LOOP_UNROLL &&
      uslConstantTripCount(op, &trips)) {
    if (trips > USL_UNROLL_LIMIT)
      return USL_UNROLLED_OPS_LIMIT + 1;
    return capped(trips * inner);
  }
  return capped(1 + inner);
}

/* The outermost unroll loop around `loop` (or `loop`): what is expanded
 * as one piece. */
static MlirOperation unrolledPiece(MlirOperation loop) {
  MlirOperation piece = loop;
  for (MlirOperation p = mlirOperationGetParentOperation(loop);
       !mlirOperationIsNull(p) && uslOpIs(p, USL_SLOOP_FOR);
       p = mlirOperationGetParentOperation(p))
    if (uslForGetKind(p) == USL_LOOP_UNROLL)
      piece = p;
  return piece;
}

/* Marks `loop` unroll unless its piece would grow past the limit. */
static bool markUnroll(MlirOperation loop, const char *name) {
  UslLoopKind old = uslForGetKind(loop);
  uslForSetKind(loop, USL_LOOP_UNROLL);
  int64_t ops = uslUnrolledOps(unrolledPiece(loop));
  if (ops <= USL_UNROLLED_OPS_LIMIT)
    return true;
  uslForSetKind(loop, old);
  uslEmitErrorf(mlirOperationGetLocation(loop),
                "cannot unroll loop '%s': with the unroll loops around and "
                "inside it, it would expand to more than %d ops",
                name, USL_UNROLLED_OPS_LIMIT);
  return false;
}

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
    int64_t trips;
    if (!uslConstantTripCount(loop, &trips)) {
      uslEmitErrorf(loc, "cannot fully unroll loop '%s': its bounds are not "
                         "constant; unroll by a factor instead", name);
      return mlirLogicalResultFailure();
    }
    if (trips > USL_UNROLL_LIMIT) {
      uslEmitErrorf(loc, "cannot fully unroll loop '%s': %lld iterations, at "
                         "most %d", name, (long long)trips, USL_UNROLL_LIMIT);
      return mlirLogicalResultFailure();
    }
    return markUnroll(loop, name) ? mlirLogicalResultSuccess()
                                  : mlirLogicalResultFailure();
  }
  if (factor > USL_UNROLL_LIMIT) {
    uslEmitErrorf(loc, "cannot unroll loop '%s' by %lld: at most %d", name,
                  (long long)factor, USL_UNROLL_LIMIT);
    return mlirLogicalResultFailure();
  }
  /* The copies of the body, times the unroll loops around: checked before
   * the split, so that a refusal changes nothing. */
  int64_t ops = capped(factor * (uslUnrolledOps(loop) - 1));
  for (MlirOperation p = mlirOperationGetParentOperation(loop);
       !mlirOperationIsNull(p) && uslOpIs(p, USL_SLOOP_FOR);
       p = mlirOperationGetParentOperation(p)) {
    int64_t trips;
    if (uslForGetKind(p) == USL_LOOP_UNROLL && uslConstantTripCount(p, &trips))
      ops = capped(ops * trips);
  }
  if (ops > USL_UNROLLED_OPS_LIMIT) {
    uslEmitErrorf(loc, "cannot unroll loop '%s' by %lld: with the unroll "
                       "loops around and inside it, it would expand to more "
                       "than %d ops",
                  name, (long long)factor, USL_UNROLLED_OPS_LIMIT);
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
     "copies of the body per iteration; 0 unrolls fully", 0, USL_UNROLL_LIMIT},
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
