//===- compute_at.c - compute-at: compute a producer where it is read ------===//
//
// Before:  sloop.for %blurx.x { sloop.for %blurx.y { %blurx[x, y + 1] = .. } }
//          sloop.for %blury.xo { sloop.for %blury.yo { .. reads of %blurx .. } }
// After:   sloop.for %blury.xo { sloop.for %blury.yo {
//            sloop.for %blurx.x = <window of this tile> { sloop.for %blurx.y = .. {
//              sloop.if <inside the producer's original range> { %blurx[..] = .. } } }
//            .. reads of %blurx .. } }
// Halide's compute_at: the producer's loop nest moves into one iteration of
// the consumer's loop and computes only the part of the buffer that
// iteration reads (recomputing what neighbouring iterations share). With
// store_at as well, `stage-mem` then shrinks the buffer to that window.
//
// Legal when one loop nest before the loop writes the buffer, element by
// element with a store whose index is a loop variable plus a constant per
// dimension; the buffer is read nowhere else; and nothing between the nest
// and the loop writes what the nest reads.
//
//===----------------------------------------------------------------------===//

#include "buffers.h"
#include "pass_table.h"
#include "rewrite.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/IntegerSet.h"

#include <stdio.h>
#include <string.h>

enum { MAX_RANK = 8 };

typedef struct Accesses {
  MlirValue buffer;
  UslOpList reads, writes, others;
} Accesses;

static MlirWalkResult scanBuffer(MlirOperation op, void *userData) {
  Accesses *a = userData;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    if (!mlirValueEqual(mlirOperationGetOperand(op, i), a->buffer))
      continue;
    bool access = (uslOpIs(op, USL_SLOOP_LOAD) || uslOpIs(op, USL_SLOOP_STORE) ||
                   uslOpIs(op, USL_SLOOP_REDUCE)) &&
                  i == uslAccessGetFirstIndex(op) - 1;
    if (!access)
      uslOpListPush(&a->others, op);
    else if (uslOpIs(op, USL_SLOOP_LOAD))
      uslOpListPush(&a->reads, op);
    else
      uslOpListPush(&a->writes, op);
  }
  return MlirWalkResultAdvance;
}

typedef struct Written {
  MlirValue buffers[32];
  int count;
  bool overflow;
} Written;


static void addBuffer(Written *w, MlirValue b) {
  b = uslRootBuffer(b);
  for (int k = 0; k < w->count; ++k)
    if (mlirValueEqual(w->buffers[k], b))
      return;
  if (w->count < 32)
    w->buffers[w->count++] = b;
  else
    w->overflow = true;
}

/* The buffers an op may write: those of sloop stores and reductions, and
 * every buffer any op but an sloop load passes on (it may write it). */
static MlirWalkResult collectWrites(MlirOperation op, void *userData) {
  Written *w = userData;
  if (uslOpIs(op, USL_SLOOP_STORE) || uslOpIs(op, USL_SLOOP_REDUCE)) {
    addBuffer(w, uslAccessGetMemRef(op));
    return MlirWalkResultAdvance;
  }
  if (uslOpIs(op, USL_SLOOP_LOAD))
    return MlirWalkResultAdvance;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    if (mlirTypeIsAMemRef(mlirValueGetType(v)))
      addBuffer(w, v);
  }
  return MlirWalkResultAdvance;
}

/* The buffers an op may read: any it takes. */
static MlirWalkResult collectUses(MlirOperation op, void *userData) {
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    if (mlirTypeIsAMemRef(mlirValueGetType(v)))
      addBuffer(userData, v);
  }
  return MlirWalkResultAdvance;
}

static MlirAffineExpr minus(MlirAffineExpr a, MlirAffineExpr b) {
  return mlirAffineAddExprGet(
      a, mlirAffineMulExprGet(b, mlirAffineConstantExprGet(
                                     mlirAffineExprGetContext(b), -1)));
}

/* Bounds of `e` (over `values`) as the loops inside `loop` run: `e` is
 * split into a part invariant in those loops plus [lo, hi]. */
static bool windowOf(MlirAffineExpr e, const MlirValue *values, int n,
                     MlirOperation loop, UslAffineValue *outer, int64_t *lo,
                     int64_t *hi) {
  MlirContext ctx = mlirAffineExprGetContext(e);
  /* Terms of the sum: those using loops strictly inside `loop` vary. */
  MlirAffineExpr terms[64];
  int numTerms = uslAffineSumTerms(e, terms, 64);
  if (numTerms < 0)
    return false;
  MlirAffineExpr invariant = mlirAffineConstantExprGet(ctx, 0);
  MlirAffineExpr varying = mlirAffineConstantExprGet(ctx, 0);
  for (int k = 0; k < numTerms; ++k) {
    bool inner = false, other = false;
    for (int v = 0; v < n; ++v) {
      if (!mlirAffineExprIsFunctionOfDim(terms[k], v))
        continue;
      MlirValue x = values[v];
      MlirOperation owner =
          mlirValueIsABlockArgument(x)
              ? mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(x))
              : (MlirOperation){NULL};
      bool insideLoop = !mlirOperationIsNull(owner) &&
                        uslOpIs(owner, USL_SLOOP_FOR) &&
                        !mlirOperationEqual(owner, loop) &&
                        uslIsInside(owner, loop);
      /* Values the window depends on must be known before the loop's
       * body starts: its own variable or values from outside it. */
      bool known = mlirOperationEqual(owner, loop) ||
                   (mlirValueIsABlockArgument(x) && mlirOperationIsNull(owner)) ||
                   !uslIsInside(mlirValueIsABlockArgument(x)
                                    ? owner
                                    : mlirOpResultGetOwner(x),
                                loop);
      if (!insideLoop && !known)
        return false;
      inner |= insideLoop;
      other |= !insideLoop;
    }
    if (inner && other)
      return false;
    if (inner || mlirAffineExprIsAConstant(terms[k]))
      varying = mlirAffineAddExprGet(varying, terms[k]);
    else
      invariant = mlirAffineAddExprGet(invariant, terms[k]);
  }
  if (!uslAffineRange(varying, values, loop, lo, hi, NULL))
    return false;
  outer->expr = mlirSimplifyAffineExpr(invariant, n, 0);
  outer->numValues = n;
  memcpy(outer->values, values, (size_t)n * sizeof *values);
  uslAffineCompact(outer);
  return true;
}

/* Ops of the nest outside the store's block run for every point of the
 * window, also those out of the range the nest had (the guard covers only
 * the store's block): only loops and arithmetic that cannot trap may. */
static bool safeOutsideGuard(MlirOperation op) {
  return uslOpIs(op, USL_SLOOP_FOR) || uslOpIs(op, USL_SLOOP_YIELD) ||
         (uslIsPureArithmetic(op) && !uslMayTrap(op));
}

typedef struct Outside {
  MlirBlock storeBlock;
  bool unsafe;
} Outside;

static MlirWalkResult checkOutside(MlirOperation op, void *userData) {
  Outside *o = userData;
  if (mlirOperationIsNull(uslAncestorInBlock(op, o->storeBlock)) &&
      !safeOutsideGuard(op))
    o->unsafe = true;
  return MlirWalkResultAdvance;
}

/* What computing a buffer at a loop moves and where: the nest and its
 * store; per dimension of the buffer, the nest's loop over it and the
 * constant of the store's index, the window read per iteration
 * (offset + [lo, hi]) and the loop's old bounds. */
typedef struct Plan {
  MlirOperation store, nest;
  int rank;
  MlirOperation nestLoops[MAX_RANK];
  int64_t shift[MAX_RANK], lo[MAX_RANK], hi[MAX_RANK];
  UslAffineValue offset[MAX_RANK], oldLb[MAX_RANK], oldUb[MAX_RANK];
} Plan;

/* Checks computing `buffer` at `loop` and fills `p`; returns why it is
 * not possible, or null. Changes nothing. */
static const char *planComputeAt(MlirValue buffer, MlirOperation loop,
                                 Plan *p) {
  MlirOperation func = uslEnclosingFunc(loop);
  Accesses a = {buffer, {0}, {0}, {0}};
  mlirOperationWalk(func, scanBuffer, &a, MlirWalkPreOrder);
  const char *why = NULL;
  MlirOperation store = {NULL}, nest = {NULL};
  if (!mlirValueIsAOpResult(buffer) ||
      !uslOpIs(mlirOpResultGetOwner(buffer), USL_SLOOP_ALLOC))
    why = "only a buffer of the function's own (sloop.alloc) can be computed "
          "in part; its caller sees all of an argument";
  else if (a.others.size)
    why = "an op other than loads and stores uses it";
  else if (a.writes.size != 1 || !uslOpIs(a.writes.ops[0], USL_SLOOP_STORE))
    why = "it is not written by exactly one store (reductions are not "
          "supported yet)";
  if (!why) {
    store = a.writes.ops[0];
    /* The nest: the outermost loop around the store, in the block that
     * also holds the consumer loop (or an ancestor of it). */
    nest = store;
    while (!mlirOperationIsNull(mlirOperationGetParentOperation(nest)) &&
           !uslIsInside(loop, mlirOperationGetParentOperation(nest)))
      nest = mlirOperationGetParentOperation(nest);
    if (!uslOpIs(nest, USL_SLOOP_FOR) || uslIsInside(loop, nest))
      why = "its store is not in a loop nest of its own";
  }
  if (!why) {
    Outside o = {mlirOperationGetBlock(store), false};
    mlirOperationWalk(nest, checkOutside, &o, MlirWalkPreOrder);
    if (o.unsafe)
      why = "its nest reads or divides outside the loop around its store "
            "(move that into the loop first)";
  }
  for (size_t i = 0; !why && i < a.reads.size; ++i)
    if (!uslIsInside(a.reads.ops[i], loop))
      why = "it is also read outside the loop";
  for (size_t i = 0; !why && i < a.reads.size; ++i)
    if (uslIsInside(a.reads.ops[i], nest))
      why = "the nest computing it reads it";
  MlirOperation consumer = {NULL};
  if (!why) {
    /* The op holding the loop in the nest's block, after the nest. */
    consumer = uslAncestorInBlock(loop, mlirOperationGetBlock(nest));
    bool after = false;
    for (MlirOperation o = mlirOperationGetNextInBlock(nest);
         !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o))
      after |= mlirOperationEqual(o, consumer);
    if (mlirOperationIsNull(consumer) || !after)
      why = "the nest computing it does not come before the loop";
  }
  /* Neighbouring iterations recompute what their windows share: they must
   * not run at once. */
  for (MlirOperation p = loop; !why && !mlirOperationIsNull(p) &&
                               uslIsInside(p, consumer);
       p = mlirOperationGetParentOperation(p))
    if (uslOpIs(p, USL_SLOOP_FOR) && uslForGetKind(p) == USL_LOOP_PAR)
      why = "it would be computed by parallel iterations (compute it at the "
            "loop first, then parallelize)";
  if (!why) {
    /* Nothing from the nest to the loop may write what the nest reads. */
    Written w = {.count = 0};
    for (MlirOperation o = mlirOperationGetNextInBlock(nest);
         !mlirOperationEqual(o, consumer); o = mlirOperationGetNextInBlock(o))
      mlirOperationWalk(o, collectWrites, &w, MlirWalkPreOrder);
    mlirOperationWalk(consumer, collectWrites, &w, MlirWalkPreOrder);
    for (int k = w.count - 1; k >= 0; --k)
      if (mlirValueEqual(w.buffers[k], buffer))
        w.buffers[k] = w.buffers[--w.count];
    Written used = {.count = 0};
    mlirOperationWalk(nest, collectUses, &used, MlirWalkPreOrder);
    bool reads = false;
    for (int i = 0; i < used.count; ++i)
      for (int k = 0; k < w.count; ++k)
        reads |= !mlirValueEqual(used.buffers[i], buffer) &&
                 mlirValueEqual(used.buffers[i], w.buffers[k]);
    if (w.overflow || used.overflow)
      why = "too many buffers are written between it and the loop";
    else if (reads)
      why = "code between it and the loop writes a buffer its nest reads";
    /* The nest may write only the buffer: it runs again per iteration. */
    Written own = {.count = 0};
    mlirOperationWalk(nest, collectWrites, &own, MlirWalkPreOrder);
    for (int k = 0; k < own.count && !why; ++k)
      if (!mlirValueEqual(own.buffers[k], buffer))
        why = "the nest computing it also writes other buffers";
  }
  /* The store's index: a loop variable of the nest plus a constant. */
  MlirOperation *nestLoops = p->nestLoops;
  int64_t *shift = p->shift;
  int rank = 0;
  if (!why) {
    MlirAffineMap map = uslAccessGetMap(store);
    rank = (int)mlirAffineMapGetNumResults(map);
    if (rank > MAX_RANK)
      why = "its rank is too large";
    for (int d = 0; d < rank && !why; ++d) {
      MlirAffineExpr e = mlirAffineMapGetResult(map, d);
      int64_t c = 0;
      if (mlirAffineExprIsAAdd(e) &&
          mlirAffineExprIsAConstant(mlirAffineBinaryOpExprGetRHS(e))) {
        c = mlirAffineConstantExprGetValue(mlirAffineBinaryOpExprGetRHS(e));
        e = mlirAffineBinaryOpExprGetLHS(e);
      }
      MlirValue v = {NULL};
      if (mlirAffineExprIsADim(e))
        v = mlirOperationGetOperand(store, uslAccessGetFirstIndex(store) +
                                               mlirAffineDimExprGetPosition(e));
      MlirOperation owner =
          !mlirValueIsNull(v) && mlirValueIsABlockArgument(v)
              ? mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v))
              : (MlirOperation){NULL};
      if (mlirOperationIsNull(owner) || !uslOpIs(owner, USL_SLOOP_FOR) ||
          !uslIsInside(owner, nest) || uslForGetStep(owner) != 1 ||
          mlirAffineMapGetNumResults(uslForGetLowerBoundMap(owner)) != 1 ||
          mlirAffineMapGetNumResults(uslForGetUpperBoundMap(owner)) != 1)
        why = "its store is not at a loop variable plus a constant in every "
              "dimension";
      for (int k = 0; k < d && !why; ++k)
        if (mlirOperationEqual(nestLoops[k], owner))
          why = "its store uses one loop variable in two dimensions";
      if (!why) {
        nestLoops[d] = owner;
        shift[d] = c;
      }
    }
  }
  /* The window the loop reads, per iteration. */
  UslAffineValue *offset = p->offset;
  int64_t *lo = p->lo, *hi = p->hi;
  for (int d = 0; d < rank && !why; ++d) {
    bool first = true;
    for (size_t i = 0; i < a.reads.size && !why; ++i) {
      MlirOperation read = a.reads.ops[i];
      MlirAffineMap map = uslAccessGetMap(read);
      int n = (int)mlirAffineMapGetNumInputs(map);
      MlirValue values[USL_AFFINE_MAX_VALUES];
      if (n > USL_AFFINE_MAX_VALUES) {
        why = "a read uses too many values";
        break;
      }
      uslGetOperands(read, uslAccessGetFirstIndex(read), n, values);
      UslAffineValue outer;
      int64_t l, h;
      if (!windowOf(mlirAffineMapGetResult(map, d), values, n, loop, &outer,
                    &l, &h)) {
        why = "a read's index is not an affine function of loops with "
              "constant bounds inside the loop";
        break;
      }
      if (first) {
        offset[d] = outer, lo[d] = l, hi[d] = h, first = false;
        continue;
      }
      if (outer.numValues + offset[d].numValues > USL_AFFINE_MAX_VALUES) {
        why = "its reads use too many values";
        break;
      }
      UslAffineValue diff = uslAffineCombine(&outer, &offset[d], minus);
      if (!mlirAffineExprIsAConstant(diff.expr)) {
        why = "its reads are at offsets that differ by more than a constant";
        break;
      }
      int64_t c = mlirAffineConstantExprGetValue(diff.expr);
      if (l + c < lo[d])
        lo[d] = l + c;
      if (h + c > hi[d])
        hi[d] = h + c;
    }
  }
  UslAffineValue *oldLb = p->oldLb, *oldUb = p->oldUb;
  int numGuardBound = 0;
  for (int d = 0; d < rank && !why; ++d) {
    MlirOperation l = nestLoops[d];
    intptr_t numLb = uslForGetNumLowerBoundOperands(l);
    if (!uslAffineValueFromMap(uslForGetLowerBoundMap(l), 0, l, 0, &oldLb[d]) ||
        !uslAffineValueFromMap(uslForGetUpperBoundMap(l), 0, l, numLb,
                               &oldUb[d]))
      why = "a loop of its nest has bounds over too many values";
    else
      numGuardBound += oldLb[d].numValues + oldUb[d].numValues + 2;
  }
  if (!why && numGuardBound > USL_AFFINE_MAX_VALUES)
    why = "the loops of its nest have bounds over too many values";
  for (int d = 0; d < rank && !why; ++d)
    if (offset[d].numValues + 1 > USL_AFFINE_MAX_VALUES)
      why = "its window depends on too many values";
  uslOpListFree(&a.reads);
  uslOpListFree(&a.writes);
  uslOpListFree(&a.others);
  p->store = store;
  p->nest = nest;
  p->rank = rank;
  return why;
}

static void applyComputeAt(MlirOperation loop, const Plan *p) {
  MlirContext ctx = mlirOperationGetContext(loop);
  MlirLocation loc = mlirOperationGetLocation(loop);
  MlirOperation store = p->store, nest = p->nest;
  int rank = p->rank;
  const MlirOperation *nestLoops = p->nestLoops;
  const int64_t *shift = p->shift, *lo = p->lo, *hi = p->hi;
  const UslAffineValue *offset = p->offset, *oldLb = p->oldLb,
                       *oldUb = p->oldUb;
  /* Move the nest to the start of the loop's body, and guard its store to
   * the range the nest had: oldLb <= iv < oldUb for each coordinate. */
  mlirOperationMoveBefore(nest, mlirBlockGetFirstOperation(uslForGetBody(loop)));
  MlirAffineExpr constraints[2 * MAX_RANK];
  bool eq[2 * MAX_RANK] = {false};
  MlirValue guardValues[USL_AFFINE_MAX_VALUES];
  int count = 0, numGuardValues = 0;
  for (int d = 0; d < rank; ++d) {
    UslAffineValue iv = uslAffineOfValue(ctx, uslForGetInductionVar(nestLoops[d]));
    UslAffineValue above = uslAffineCombine(&iv, &oldLb[d], minus);
    UslAffineValue below = uslAffineCombine(&oldUb[d], &iv, minus);
    below.expr = mlirAffineAddExprGet(below.expr,
                                      mlirAffineConstantExprGet(ctx, -1));
    const UslAffineValue *pair[2] = {&above, &below};
    for (int k = 0; k < 2; ++k) {
      constraints[count++] = mlirAffineExprShiftDims(
          mlirSimplifyAffineExpr(pair[k]->expr, pair[k]->numValues, 0),
          (uint32_t)pair[k]->numValues, (uint32_t)numGuardValues, 0);
      for (int v = 0; v < pair[k]->numValues; ++v)
        guardValues[numGuardValues++] = pair[k]->values[v];
    }
  }
  MlirBlock storeBlock = mlirOperationGetBlock(store);
  MlirOperation guard = uslIfCreate(
      loc, mlirIntegerSetGet(ctx, numGuardValues, 0, count, constraints, eq),
      guardValues);
  mlirBlockInsertOwnedOperationBefore(
      storeBlock, mlirBlockGetFirstOperation(storeBlock), guard);
  MlirOperation thenEnd = mlirBlockGetTerminator(
      mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0)));
  MlirOperation end = mlirBlockGetTerminator(storeBlock);
  for (MlirOperation o = mlirOperationGetNextInBlock(guard);
       !mlirOperationEqual(o, end);) {
    MlirOperation next = mlirOperationGetNextInBlock(o);
    mlirOperationMoveBefore(o, thenEnd);
    o = next;
  }

  /* Each loop over a coordinate now runs over the window, from 0 so that
   * its extent stays constant: index = offset + lo + i, so the loop's
   * variable was offset + lo - shift + i. */
  for (int d = 0; d < rank; ++d) {
    MlirOperation old = nestLoops[d];
    char name[USL_MAX_STRING_OPTION];
    uslLoopName(old, name, sizeof name);
    MlirOperation l = uslForCreateConstant(
        mlirOperationGetLocation(old), 0, hi[d] - lo[d] + 1, 1,
        mlirStringRefCreateFromCString(name), uslForGetKind(old));
    mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(old), old, l);
    MlirBlock newBody = uslForGetBody(l);
    uslMoveBodyBefore(uslForGetBody(old), mlirBlockGetTerminator(newBody));
    UslAffineValue i = uslAffineOfValue(ctx, uslForGetInductionVar(l));
    UslAffineValue base = offset[d];
    base.expr = mlirAffineAddExprGet(
        base.expr, mlirAffineConstantExprGet(ctx, lo[d] - shift[d]));
    UslAffineValue at = uslAffineCombine(&base, &i, mlirAffineAddExprGet);
    uslReplaceWithAffine(uslForGetInductionVar(old), &at, newBody);
    mlirOperationDestroy(old);
  }
}

bool uslComputeAtWindow(MlirValue buffer, MlirOperation loop,
                        int64_t *elements) {
  Plan plan;
  if (planComputeAt(buffer, loop, &plan))
    return false;
  *elements = 1;
  for (int d = 0; d < plan.rank; ++d)
    *elements *= plan.hi[d] - plan.lo[d] + 1;
  return true;
}

MlirLogicalResult uslComputeAt(MlirValue buffer, MlirOperation loop) {
  Plan plan;
  const char *why = planComputeAt(buffer, loop, &plan);
  if (!why) {
    applyComputeAt(loop, &plan);
    return mlirLogicalResultSuccess();
  }
  /* Name the loops where it would work. */
  char bname[USL_MAX_STRING_OPTION], lname[USL_MAX_STRING_OPTION];
  uslBufferName(buffer, bname, sizeof bname);
  uslLoopName(loop, lname, sizeof lname);
  UslOpList loops = {0};
  const char *forName[] = {USL_SLOOP_FOR};
  uslCollectOps(uslEnclosingFunc(loop), forName, 1, MlirWalkPreOrder, &loops);
  char legal[512] = "";
  size_t used = 0;
  int numLegal = 0;
  for (size_t i = 0; i < loops.size; ++i) {
    Plan other;
    if (planComputeAt(buffer, loops.ops[i], &other))
      continue;
    char name[USL_MAX_STRING_OPTION];
    uslLoopName(loops.ops[i], name, sizeof name);
    if (used < sizeof legal)
      used += (size_t)snprintf(legal + used, sizeof legal - used, "%s'%s'",
                               numLegal ? ", " : "", name);
    ++numLegal;
  }
  uslOpListFree(&loops);
  uslEmitErrorf(mlirOperationGetLocation(loop),
                "cannot compute '%s' at loop '%s': %s; %s%s", bname, lname, why,
                numLegal == 0   ? "no loop can compute it"
                : numLegal == 1 ? "it can be computed at loop "
                                : "it can be computed at loops ",
                legal);
  return mlirLogicalResultFailure();
}

typedef struct ComputeAtOptions {
  UslLoopTarget target;
  char buffer[USL_MAX_STRING_OPTION];
} ComputeAtOptions;

static const ComputeAtOptions defaults = {.buffer = ""};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(ComputeAtOptions, target),
    {"buffer", USL_OPTION_STRING, offsetof(ComputeAtOptions, buffer),
     "the buffer whose producing loop nest moves into the loop", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const ComputeAtOptions *o = opaque;
  if (!o->buffer[0]) {
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'compute-at' needs the buffer to compute: buffer=NAME");
    return mlirLogicalResultFailure();
  }
  MlirOperation loop;
  MlirValue buffer;
  if (!uslDirectiveFindLoopAndBuffer(module, &o->target, o->buffer,
                                     "compute-at", &loop, &buffer))
    return mlirLogicalResultFailure();
  return uslComputeAt(buffer, loop);
}

const UslPassInfo uslComputeAtPass = {
    .argument = "compute-at",
    .summary = "compute a buffer's producing loop nest inside the loop that "
               "reads it, only the part each iteration reads (Halide's "
               "compute_at)",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(ComputeAtOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
