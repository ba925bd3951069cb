//===- hoist.c - hoist: move loop-invariant work out of a loop ------------===//
//
// Before:  sloop.for %i { %k = sloop.load %K[%c] ; %s = arith.mulf %k, %x ; ... }
// After:   %k = sloop.load %K[%c] ; %s = arith.mulf %k, %x ; sloop.for %i { ... }
// An op moves when all its operands come from outside the loop and it is
// arithmetic (arith, math, affine.apply) or a load from a buffer the loop
// never writes; ops that may trap (loads, integer division) move only out of
// loops that provably run. A loop nest moves when it uses nothing defined in
// the loop, reads nothing it writes, and the rest of the loop writes nothing
// it touches and reads what it writes only after it (an im2col tile
// computed again in every iteration, say). Always legal: what moves computes the same values
// in every iteration.
//
//===----------------------------------------------------------------------===//

#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include <string.h>

/* True when `v` is defined outside `loop` (its variable is inside). */
static bool definedOutside(MlirValue v, MlirOperation loop) {
  MlirOperation owner =
      mlirValueIsABlockArgument(v)
          ? mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v))
          : mlirOpResultGetOwner(v);
  return !uslIsInside(owner, loop);
}


typedef struct WriteScan {
  MlirValue buffer;
  bool written;
} WriteScan;

static MlirWalkResult findWrite(MlirOperation op, void *userData) {
  WriteScan *w = userData;
  if (uslOpIs(op, USL_SLOOP_LOAD) || uslOpIs(op, USL_SLOOP_FOR) ||
      uslOpIs(op, USL_SLOOP_IF) || uslOpIs(op, USL_TMEM_WINDOW))
    return MlirWalkResultAdvance;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i)
    if (mlirValueEqual(mlirOperationGetOperand(op, i), w->buffer)) {
      w->written = true;
      return MlirWalkResultInterrupt;
    }
  return MlirWalkResultAdvance;
}

static bool runsAtLeastOnce(MlirOperation loop) {
  int64_t lb, ub;
  return uslForGetConstantBounds(loop, &lb, &ub) && ub > lb;
}



/* Buffers a loop nest reads and writes. */
typedef struct Touched {
  MlirValue read[32], written[32];
  int numRead, numWritten;
  bool unknown;
} Touched;

static void addBuffer(MlirValue *list, int *n, MlirValue v) {
  for (int i = 0; i < *n; ++i)
    if (mlirValueEqual(list[i], v))
      return;
  if (*n < 32)
    list[(*n)++] = v;
}

typedef struct TouchScan {
  Touched *touched;
  MlirOperation skip; /* not counted */
} TouchScan;

static MlirWalkResult touch(MlirOperation op, void *userData) {
  TouchScan *t = userData;
  if (!mlirOperationIsNull(t->skip) && mlirOperationEqual(op, t->skip))
    return MlirWalkResultSkip;
  Touched *x = t->touched;
  if (uslOpIs(op, USL_SLOOP_LOAD))
    addBuffer(x->read, &x->numRead, uslAccessGetMemRef(op));
  else if (uslOpIs(op, USL_SLOOP_STORE))
    addBuffer(x->written, &x->numWritten, uslAccessGetMemRef(op));
  else if (uslOpIs(op, USL_SLOOP_REDUCE)) {
    addBuffer(x->read, &x->numRead, uslAccessGetMemRef(op));
    addBuffer(x->written, &x->numWritten, uslAccessGetMemRef(op));
  } else if (!uslOpIs(op, USL_SLOOP_FOR) && !uslOpIs(op, USL_SLOOP_IF) &&
             !uslOpIs(op, USL_SLOOP_YIELD) && !uslOpIs(op, USL_SLOOP_ALLOC) &&
             !uslIsPureArithmetic(op))
    x->unknown = true;
  return MlirWalkResultAdvance;
}

static bool shares(const MlirValue *a, int na, const MlirValue *b, int nb) {
  for (int i = 0; i < na; ++i)
    for (int j = 0; j < nb; ++j)
      if (mlirValueEqual(a[i], b[j]))
        return true;
  return false;
}

typedef struct UseScan {
  MlirOperation nest, loop;
  bool inside;
} UseScan;

/* Every operand used in the nest must come from outside the loop or from
 * the nest itself. */
static MlirWalkResult checkUses(MlirOperation op, void *userData) {
  UseScan *u = userData;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    MlirOperation owner =
        mlirValueIsABlockArgument(v)
            ? mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v))
            : mlirOpResultGetOwner(v);
    if (uslIsInside(owner, u->loop) && !uslIsInside(owner, u->nest)) {
      u->inside = true;
      return MlirWalkResultInterrupt;
    }
  }
  return MlirWalkResultAdvance;
}

/* A loop nest may leave the loop when it uses nothing the loop defines, the
 * loop surely runs, repeating it changes nothing (it reads nothing it
 * writes) and the rest of the loop neither writes what it reads nor touches
 * what it writes. */
static bool invariantNest(MlirOperation nest, MlirOperation loop) {
  if (!runsAtLeastOnce(loop))
    return false;
  UseScan u = {nest, loop, false};
  mlirOperationWalk(nest, checkUses, &u, MlirWalkPreOrder);
  if (u.inside)
    return false;
  /* The rest of the body, split at the nest: what runs after it in an
   * iteration may read what it writes. */
  Touched mine = {.numRead = 0}, before = {.numRead = 0},
          after = {.numRead = 0};
  TouchScan t = {&mine, {NULL}};
  mlirOperationWalk(nest, touch, &t, MlirWalkPreOrder);
  MlirBlock body = uslForGetBody(loop);
  Touched *side = &before;
  for (MlirOperation op = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (mlirOperationEqual(op, nest)) {
      side = &after;
      continue;
    }
    TouchScan s = {side, {NULL}};
    mlirOperationWalk(op, touch, &s, MlirWalkPreOrder);
  }
  return !mine.unknown && !before.unknown && !after.unknown &&
         !shares(mine.written, mine.numWritten, mine.read, mine.numRead) &&
         !shares(mine.read, mine.numRead, before.written, before.numWritten) &&
         !shares(mine.read, mine.numRead, after.written, after.numWritten) &&
         !shares(mine.written, mine.numWritten, before.written,
                 before.numWritten) &&
         !shares(mine.written, mine.numWritten, after.written,
                 after.numWritten) &&
         !shares(mine.written, mine.numWritten, before.read, before.numRead);
}

static bool invariant(MlirOperation op, MlirOperation loop) {
  if (uslOpIs(op, USL_SLOOP_FOR))
    return invariantNest(op, loop);
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i)
    if (!definedOutside(mlirOperationGetOperand(op, i), loop))
      return false;
  if (uslMayTrap(op) && !runsAtLeastOnce(loop))
    return false;
  if (uslIsPureArithmetic(op))
    return true;
  if (!uslOpIs(op, USL_SLOOP_LOAD))
    return false;
  /* A load whose buffer (not a window of it) the loop never writes. */
  WriteScan w = {uslAccessGetMemRef(op), false};
  if (!mlirValueIsABlockArgument(w.buffer) &&
      uslOpIs(mlirOpResultGetOwner(w.buffer), USL_TMEM_WINDOW))
    return false;
  mlirOperationWalk(loop, findWrite, &w, MlirWalkPreOrder);
  return !w.written;
}

MlirLogicalResult uslHoist(MlirOperation loop) {
  MlirBlock body = uslForGetBody(loop);
  bool moved = true, any = false;
  while (moved) {
    moved = false;
    MlirOperation end = mlirBlockGetTerminator(body);
    for (MlirOperation op = mlirBlockGetFirstOperation(body);
         !mlirOperationEqual(op, end);) {
      MlirOperation next = mlirOperationGetNextInBlock(op);
      if (invariant(op, loop)) {
        mlirOperationMoveBefore(op, loop);
        moved = any = true;
      }
      op = next;
    }
  }
  if (!any) {
    char name[USL_MAX_STRING_OPTION];
    uslLoopName(loop, name, sizeof name);
    uslEmitErrorf(mlirOperationGetLocation(loop),
                  "nothing in loop '%s' can be hoisted: every op uses a value "
                  "of the loop, may write what the loop reads, or may trap "
                  "in a loop that may not run",
                  name);
    return mlirLogicalResultFailure();
  }
  return mlirLogicalResultSuccess();
}

typedef struct HoistOptions {
  UslLoopTarget target;
} HoistOptions;

static const HoistOptions defaults = {.target = {.occurrence = 0}};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(HoistOptions, target),
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const HoistOptions *o = opaque;
  MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "hoist");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslHoist(loop);
}

const UslPassInfo uslHoistPass = {
    .argument = "hoist",
    .summary = "move the loop-invariant arithmetic and loads of a loop before "
               "it",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(HoistOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
