//===- stage_mem.c - stage-mem: work on a small copy of a buffer window ---===//
//
// Before:  sloop.for %c = 0 to 4 {
//            ... sloop.reduce add %p, %out[%io * 4 + %ii, %jo * 4 + %ji] }
// After:   %out_tile = sloop.alloc : memref<4x4xi32>
//          <copy out[%io*4 .. +4, %jo*4 .. +4] into %out_tile>     (copy-in)
//          sloop.for %c = 0 to 4 {
//            ... sloop.reduce add %p, %out_tile[%ii, %ji] }
//          <copy %out_tile back into the window of out>             (copy-out)
//
// The window is the smallest box holding every element of the buffer the
// loop touches in one execution: each index must be a loop-invariant offset
// plus a part that depends only on loops inside the staged loop (with
// constant bounds). Copy-in happens when the loop reads the buffer, or writes
// it without provably overwriting the whole window; copy-out when it writes.
// Copies are guarded to stay inside the buffer. A buffer of the function's
// own used only inside the staged loop (with `body`: inside one iteration,
// no read seeing an earlier iteration's value) needs no copies: the staged
// buffer replaces it (store_at). Always legal by itself; if a
// par loop encloses the staged loop and windows are copied out, the par loop
// must stay free of races, or the directive is undone with an error.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "../analysis/memory.h"
#include "directive.h"
#include "pass_table.h"
#include "rewrite.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/IntegerSet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_RANK = 8, MAX_ACCESSES = 256 };

typedef struct Interval {
  int64_t lo, hi;
} Interval;

typedef struct Access {
  MlirOperation op;
  MlirAffineExpr inner[MAX_RANK]; /* over the op's index operands */
  UslAffineValue outer[MAX_RANK];
  Interval range[MAX_RANK];
} Access;

typedef struct Stage {
  MlirOperation loop;
  MlirValue buffer;
  UslMemView view; /* of the buffer's root */
  int rank;
  Access accesses[MAX_ACCESSES];
  int numAccesses;
  bool reads, writes;
  bool body; /* stage one iteration's accesses, not the whole loop's */
  char why[512]; /* why staging is impossible */
} Stage;

/* The loop whose variable `v` is, when it is `loop` or inside it (any
 * loop when `loop` is null). */
static MlirOperation innerLoopOf(MlirValue v, MlirOperation loop) {
  if (!mlirValueIsABlockArgument(v))
    return (MlirOperation){NULL};
  MlirOperation owner =
      mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v));
  if (mlirOperationIsNull(owner) || !uslOpIs(owner, USL_SLOOP_FOR) ||
      (!mlirOperationIsNull(loop) && !uslIsInside(owner, loop)))
    return (MlirOperation){NULL};
  return owner;
}

/* The loop whose variable `v` is, when it varies within what is staged:
 * inside the loop, or strictly inside it when staging one iteration. */
static MlirOperation stagedLoopOf(MlirValue v, const Stage *s) {
  MlirOperation l = innerLoopOf(v, s->loop);
  if (s->body && !mlirOperationIsNull(l) && mlirOperationEqual(l, s->loop))
    return (MlirOperation){NULL};
  return l;
}

static bool usesInner(MlirAffineExpr e, const MlirValue *operands, int n,
                      const Stage *s) {
  for (int d = 0; d < n; ++d)
    if (mlirAffineExprIsFunctionOfDim(e, d) &&
        !mlirOperationIsNull(stagedLoopOf(operands[d], s)))
      return true;
  return false;
}

/* The values `e` takes as the loops inside `loop` run (any loops when
 * null); false, with the reason in `s`, when unbounded. */
static bool rangeOf(MlirAffineExpr e, const MlirValue *operands,
                    MlirOperation loop, Interval *out, Stage *s) {
  MlirOperation unbounded = {NULL};
  if (uslAffineRange(e, operands, loop, &out->lo, &out->hi, &unbounded))
    return true;
  if (!mlirOperationIsNull(unbounded)) {
    char name[USL_MAX_STRING_OPTION];
    uslLoopName(unbounded, name, sizeof name);
    snprintf(s->why, sizeof s->why,
             "loop '%s' has no constant, non-empty range", name);
  }
  return false;
}

/* Splits index `e` of `op` into an outer part (loop-invariant in `loop`) and
 * an inner part (only loops inside it). */
static bool splitIndex(MlirOperation op, intptr_t first, MlirAffineMap map,
                       int d, MlirOperation loop, Access *a, Stage *s) {
  MlirContext ctx = mlirOperationGetContext(op);
  int n = (int)mlirAffineMapGetNumInputs(map);
  MlirValue operands[64];
  if (n > 64 || n > USL_AFFINE_MAX_VALUES)
    return false;
  uslGetOperands(op, first, n, operands);
  MlirAffineExpr terms[64];
  int numTerms = uslAffineSumTerms(mlirAffineMapGetResult(map, d), terms, 64);
  if (numTerms < 0)
    return false;
  MlirAffineExpr outer = mlirAffineConstantExprGet(ctx, 0);
  MlirAffineExpr inner = mlirAffineConstantExprGet(ctx, 0);
  for (int k = 0; k < numTerms; ++k) {
    /* Constants go with the inner part, so offsets differing only by a
     * constant share one window. */
    if (!mlirAffineExprIsAConstant(terms[k]) &&
        !usesInner(terms[k], operands, n, s)) {
      outer = mlirAffineAddExprGet(outer, terms[k]);
      continue;
    }
    /* An inner term must not also use an outer value. */
    for (int v = 0; v < n; ++v)
      if (mlirAffineExprIsFunctionOfDim(terms[k], v) &&
          mlirOperationIsNull(stagedLoopOf(operands[v], s))) {
        snprintf(s->why, sizeof s->why,
                 "an index mixes loops inside and outside the staged loop "
                 "in one term");
        return false;
      }
    inner = mlirAffineAddExprGet(inner, terms[k]);
  }
  a->inner[d] = mlirSimplifyAffineExpr(inner, n, 0);
  a->outer[d].expr = mlirSimplifyAffineExpr(outer, n, 0);
  a->outer[d].numValues = n;
  memcpy(a->outer[d].values, operands, (size_t)n * sizeof *operands);
  uslAffineCompact(&a->outer[d]);
  if (!rangeOf(a->inner[d], operands, loop, &a->range[d], s)) {
    if (!s->why[0])
      snprintf(s->why, sizeof s->why,
               "an index is not a bounded affine function of the loops "
               "inside");
    return false;
  }
  return true;
}

static MlirAffineExpr negate(MlirAffineExpr a, MlirAffineExpr b) {
  return mlirAffineAddExprGet(
      a, mlirAffineMulExprGet(b, mlirAffineConstantExprGet(
                                     mlirAffineExprGetContext(b), -1)));
}

static bool sameOffset(const UslAffineValue *a, const UslAffineValue *b) {
  UslAffineValue diff = uslAffineCombine(a, b, negate);
  return mlirAffineExprIsAConstant(diff.expr) &&
         mlirAffineConstantExprGetValue(diff.expr) == 0;
}

typedef struct UserScan {
  Stage *stage;
  bool ok;
} UserScan;

/* Refuses an access to the staged memory through another value (a window
 * or cast of the buffer, another get_global of its symbol, an argument it
 * may alias): staging redirects only the buffer's own accesses. */
static bool notThroughOtherValue(MlirOperation op, const UslMemAccess *access,
                                 void *ctx) {
  UserScan *u = ctx;
  Stage *s = u->stage;
  if (mlirValueEqual(access->memref, s->buffer))
    return true;
  UslMemView view;
  uslMemResolve(access->memref, &view);
  if (!uslMemMayAlias(&view, &s->view))
    return true;
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  char root[160];
  uslMemDescribeRoot(&view, root, sizeof root);
  snprintf(s->why, sizeof s->why,
           "'%.*s' (line %d) reaches %s through another value, which staging "
           "would not redirect",
           (int)name.length, name.data, uslLineOf(op), root);
  u->ok = false;
  return false;
}

/* Collects the accesses of the buffer inside the loop; any other use of it
 * there makes staging impossible. */
static MlirWalkResult scanUse(MlirOperation op, void *userData) {
  UserScan *u = userData;
  Stage *s = u->stage;
  if (!uslMemForEachAccess(op, notThroughOtherValue, u))
    return MlirWalkResultInterrupt;
  bool isAccess = uslOpIs(op, USL_SLOOP_LOAD) ||
                  uslOpIs(op, USL_SLOOP_STORE) || uslOpIs(op, USL_SLOOP_REDUCE);
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    if (!mlirValueEqual(mlirOperationGetOperand(op, i), s->buffer))
      continue;
    if (!isAccess || i != uslAccessGetFirstIndex(op) - 1) {
      MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
      snprintf(s->why, sizeof s->why,
               "'%.*s' uses the buffer in a way staging cannot follow",
               (int)name.length, name.data);
      u->ok = false;
      return MlirWalkResultInterrupt;
    }
    if (s->numAccesses == MAX_ACCESSES) {
      snprintf(s->why, sizeof s->why, "more than %d accesses", MAX_ACCESSES);
      u->ok = false;
      return MlirWalkResultInterrupt;
    }
    Access *a = &s->accesses[s->numAccesses++];
    memset(a, 0, sizeof *a);
    a->op = op;
    s->reads |= !uslOpIs(op, USL_SLOOP_STORE);
    s->writes |= !uslOpIs(op, USL_SLOOP_LOAD);
    MlirAffineMap map = uslAccessGetMap(op);
    for (int d = 0; d < s->rank; ++d)
      if (!splitIndex(op, uslAccessGetFirstIndex(op), map, d, s->loop, a, s)) {
        u->ok = false;
        return MlirWalkResultInterrupt;
      }
  }
  return MlirWalkResultAdvance;
}

/* True when one store, unguarded inside the loop, writes every element of
 * the window: its inner indices are distinct full loops of the window size. */
/* True when `first` comes before `second`, both in `block`. */
static bool comesBefore(MlirOperation first, MlirOperation second) {
  for (MlirOperation o = first; !mlirOperationIsNull(o);
       o = mlirOperationGetNextInBlock(o))
    if (mlirOperationEqual(o, second))
      return true;
  return false;
}

/* A loop or guard the dependence model describes exactly: its bounds or
 * condition use only loop variables and values of the function's entry
 * block. */
static bool exactScope(MlirOperation op, MlirBlock entry) {
  if (!uslOpIs(op, USL_SLOOP_FOR) && !uslOpIs(op, USL_SLOOP_IF))
    return false;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    MlirBlock owner = mlirValueIsABlockArgument(v)
                          ? mlirBlockArgumentGetOwner(v)
                          : mlirOperationGetBlock(mlirOpResultGetOwner(v));
    bool loopVariable =
        mlirValueIsABlockArgument(v) &&
        uslOpIs(mlirBlockGetParentOperation(owner), USL_SLOOP_FOR);
    if (!loopVariable && !mlirBlockEqual(owner, entry))
      return false;
  }
  return true;
}

/* True when `buffer` is a sloop.alloc used only inside `loop`, by sloop
 * accesses, and no read sees a value written in an earlier iteration of
 * the loops from the alloc down to the staged region (`loop` itself with
 * `body`): so its contents never enter or leave one staged region, and
 * the staged buffer can replace it. The dataflow is exact only for writes
 * under loops and guards the model describes exactly. */
static bool privateTo(MlirValue buffer, MlirOperation loop, bool body) {
  if (!mlirValueIsAOpResult(buffer) ||
      !uslOpIs(mlirOpResultGetOwner(buffer), USL_SLOOP_ALLOC))
    return false;
  MlirBlock home = mlirOperationGetBlock(mlirOpResultGetOwner(buffer));
  MlirOperation func = uslEnclosingFunc(loop);
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  MlirOperation top = uslAncestorInBlock(loop, home);
  if (mlirOperationIsNull(top))
    return false;
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation user = mlirOpOperandGetOwner(use);
    if (!uslIsInside(user, loop) || mlirOperationEqual(user, loop) ||
        !(uslOpIs(user, USL_SLOOP_LOAD) || uslOpIs(user, USL_SLOOP_STORE) ||
          uslOpIs(user, USL_SLOOP_REDUCE)))
      return false;
    if (uslOpIs(user, USL_SLOOP_LOAD))
      continue;
    for (MlirOperation p = mlirOperationGetParentOperation(user);;
         p = mlirOperationGetParentOperation(p)) {
      if (!exactScope(p, entry))
        return false;
      if (mlirOperationEqual(p, top))
        break;
    }
  }
  /* The model is built only when some loop needs asking. */
  UslDeps *deps = NULL;
  bool carried = false;
  for (MlirOperation p = body ? loop : mlirOperationGetParentOperation(loop);
       !carried && uslIsInside(p, top); p = mlirOperationGetParentOperation(p)) {
    if (!uslOpIs(p, USL_SLOOP_FOR))
      continue;
    if (!deps)
      deps = uslDepsCreate(func);
    UslDepViolation v;
    carried = uslDepsLoopCarriesFlowThrough(deps, p, buffer, &v);
  }
  if (deps)
    uslDepsDestroy(deps);
  return !carried;
}

static bool overwritesWindow(const Stage *s, const Interval *box) {
  for (int k = 0; k < s->numAccesses; ++k) {
    const Access *a = &s->accesses[k];
    if (!uslOpIs(a->op, USL_SLOOP_STORE))
      continue;
    /* With reads, the store must come first: staging one iteration, it is
     * in the body itself and every other access follows it. */
    if (s->reads) {
      MlirBlock body = uslForGetBody(s->loop);
      if (!s->body || !mlirBlockEqual(mlirOperationGetBlock(a->op), body))
        continue;
      bool first = true;
      for (int j = 0; j < s->numAccesses && first; ++j)
        first = j == k || comesBefore(mlirOperationGetNextInBlock(a->op),
                                      uslAncestorInBlock(s->accesses[j].op, body));
      if (!first)
        continue;
    }
    bool guarded = false;
    for (MlirOperation p = mlirOperationGetParentOperation(a->op);
         !mlirOperationEqual(p, s->loop); p = mlirOperationGetParentOperation(p))
      guarded |= !uslOpIs(p, USL_SLOOP_FOR);
    if (guarded)
      continue;
    MlirOperation used[MAX_RANK];
    bool covers = true;
    for (int d = 0; d < s->rank && covers; ++d) {
      MlirAffineExpr e = a->inner[d];
      if (mlirAffineExprIsAConstant(e)) {
        /* A one-element dimension the store always hits. */
        covers = box[d].lo == box[d].hi &&
                 mlirAffineConstantExprGetValue(e) == box[d].lo;
        used[d] = (MlirOperation){NULL};
        continue;
      }
      if (!mlirAffineExprIsADim(e)) {
        covers = false;
        break;
      }
      MlirValue v = mlirOperationGetOperand(
          a->op, uslAccessGetFirstIndex(a->op) + mlirAffineDimExprGetPosition(e));
      MlirOperation l = stagedLoopOf(v, s);
      int64_t lb, ub;
      covers = !mlirOperationIsNull(l) && uslForGetStep(l) == 1 &&
               uslForGetConstantBounds(l, &lb, &ub) && lb == box[d].lo &&
               ub - 1 == box[d].hi;
      for (int j = 0; j < d && covers; ++j)
        covers = mlirOperationIsNull(used[j]) || !mlirOperationEqual(used[j], l);
      used[d] = l;
    }
    if (covers)
      return true;
  }
  return false;
}

/* The extent of dimension d of the buffer as an affine value, inserting a
 * memref.dim at the function's start for a dynamic argument. */
static bool extentOf(MlirValue buffer, int d, UslAffineValue *out) {
  MlirContext ctx = mlirValueGetContext(buffer);
  MlirType type = mlirValueGetType(buffer);
  if (!mlirShapedTypeIsDynamicDim(type, d)) {
    *out = (UslAffineValue){
        mlirAffineConstantExprGet(ctx, mlirShapedTypeGetDimSize(type, d)), 0,
        {{NULL}}};
    return true;
  }
  if (!mlirValueIsABlockArgument(buffer)) {
    MlirOperation alloc = mlirOpResultGetOwner(buffer);
    if (!uslOpIs(alloc, USL_SLOOP_ALLOC))
      return false;
    int k = 0;
    for (int j = 0; j < d; ++j)
      k += mlirShapedTypeIsDynamicDim(type, j);
    *out = uslAffineOfValue(ctx, mlirOperationGetOperand(alloc, k));
    return true;
  }
  MlirBlock entry = mlirBlockArgumentGetOwner(buffer);
  UslBuilder b = uslBuilderBefore(mlirBlockGetFirstOperation(entry));
  MlirValue dimIndex = uslBuildIndexConstant(&b, d);
  MlirValue operands[2] = {buffer, dimIndex};
  MlirType index = mlirIndexTypeGet(ctx);
  MlirValue size = mlirOperationGetResult(
      uslBuild(&b, "memref.dim", 2, operands, 1, &index, 0, NULL, 0), 0);
  *out = uslAffineOfValue(ctx, size);
  return true;
}

/* Emits, before `before` in `block`, copies between the window at
 * `offsets` of `buffer` and `staged`: from the buffer when `in`, back to it
 * otherwise. Dimensions of size 1 (`keep[d]` false) are not in `staged`. */
static void buildCopy(MlirBlock block, MlirOperation before, MlirValue buffer,
                      MlirValue staged, const char *into, int rank,
                      const int64_t *sizes, const bool *keep,
                      const UslAffineValue *offsets,
                      const UslAffineValue *extents, bool in) {
  MlirContext ctx = mlirValueGetContext(buffer);
  MlirLocation loc = mlirOperationGetLocation(before);
  /* One copy loop per kept dimension. */
  MlirValue ivs[MAX_RANK];
  MlirValue stagedIvs[MAX_RANK];
  int numKept = 0;
  for (int d = 0; d < rank; ++d) {
    if (!keep[d])
      continue;
    char name[USL_MAX_STRING_OPTION + 16];
    snprintf(name, sizeof name, "%s_%d", into, numKept);
    MlirOperation l = uslForCreateConstant(
        loc, 0, sizes[d], 1, mlirStringRefCreateFromCString(name),
        USL_LOOP_SEQ);
    mlirBlockInsertOwnedOperationBefore(block, before, l);
    ivs[d] = stagedIvs[numKept++] = uslForGetInductionVar(l);
    block = uslForGetBody(l);
    before = mlirBlockGetTerminator(block);
  }
  /* The element of the buffer: offset + t, kept inside 0 <= . < extent. */
  UslAffineValue index[MAX_RANK];
  MlirAffineExpr constraints[2 * MAX_RANK];
  bool eq[2 * MAX_RANK] = {false};
  UslAffineValue all = {mlirAffineConstantExprGet(ctx, 0), 0, {{NULL}}};
  int count = 0;
  for (int d = 0; d < rank; ++d) {
    index[d] = offsets[d];
    if (keep[d]) {
      UslAffineValue t = uslAffineOfValue(ctx, ivs[d]);
      index[d] = uslAffineCombine(&offsets[d], &t, mlirAffineAddExprGet);
    }
    UslAffineValue room = uslAffineCombine(&extents[d], &index[d], negate);
    UslAffineValue pair[2] = {index[d], room};
    for (int k = 0; k < 2; ++k) {
      MlirAffineExpr c = k ? mlirAffineAddExprGet(
                                 pair[k].expr, mlirAffineConstantExprGet(ctx, -1))
                           : pair[k].expr;
      c = mlirSimplifyAffineExpr(c, pair[k].numValues, 0);
      /* Constraints that hold over the ranges of the loops around need no
       * guard. */
      Interval r;
      Stage ignored;
      if (rangeOf(c, pair[k].values, (MlirOperation){NULL}, &r, &ignored) &&
          r.lo >= 0)
        continue;
      constraints[count++] = mlirAffineExprShiftDims(
          c, (uint32_t)pair[k].numValues, (uint32_t)all.numValues, 0);
      for (int v = 0; v < pair[k].numValues; ++v)
        all.values[all.numValues++] = pair[k].values[v];
    }
  }
  if (count) {
    MlirOperation guard = uslIfCreate(
        loc, mlirIntegerSetGet(ctx, all.numValues, 0, count, constraints, eq),
        all.values);
    mlirBlockInsertOwnedOperationBefore(block, before, guard);
    block = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
    before = mlirBlockGetTerminator(block);
  }
  /* The staged element is the copy loops' variables. */
  MlirAffineMap identity = mlirAffineMapMultiDimIdentityGet(ctx, numKept);
  MlirValue indexValues[MAX_RANK * USL_AFFINE_MAX_VALUES];
  MlirAffineExpr exprs[MAX_RANK];
  int numValues = 0;
  for (int d = 0; d < rank; ++d) {
    exprs[d] = mlirAffineExprShiftDims(index[d].expr,
                                       (uint32_t)index[d].numValues,
                                       (uint32_t)numValues, 0);
    for (int v = 0; v < index[d].numValues; ++v)
      indexValues[numValues++] = index[d].values[v];
  }
  MlirAffineMap bufferMap = mlirAffineMapGet(ctx, numValues, 0, rank, exprs);
  MlirOperation load =
      in ? uslLoadCreate(loc, buffer, bufferMap, indexValues)
         : uslLoadCreate(loc, staged, identity, stagedIvs);
  mlirBlockInsertOwnedOperationBefore(block, before, load);
  MlirValue v = mlirOperationGetResult(load, 0);
  MlirOperation store =
      in ? uslStoreCreate(loc, v, staged, identity, stagedIvs)
         : uslStoreCreate(loc, v, buffer, bufferMap, indexValues);
  mlirBlockInsertOwnedOperationBefore(block, before, store);
}

static MlirLogicalResult stageWith(Stage *s, MlirOperation loop, bool body,
                                   MlirValue buffer, const char *into,
                                   UslMemorySpace space,
                                   const char *bufferName) {
  char loopName[USL_MAX_STRING_OPTION];
  uslLoopName(loop, loopName, sizeof loopName);
  MlirLocation loc = mlirOperationGetLocation(loop);
  MlirContext ctx = mlirOperationGetContext(loop);
  s->loop = loop;
  s->body = body;
  s->buffer = buffer;
  uslMemResolve(buffer, &s->view);
  s->rank = (int)mlirShapedTypeGetRank(mlirValueGetType(buffer));
  if (s->rank > MAX_RANK) {
    uslEmitErrorf(loc, "cannot stage '%s': rank %d is above %d", bufferName,
                  s->rank, MAX_RANK);
    return mlirLogicalResultFailure();
  }
  UserScan scan = {s, true};
  mlirOperationWalk(loop, scanUse, &scan, MlirWalkPreOrder);
  if (scan.ok && s->numAccesses == 0)
    snprintf(s->why, sizeof s->why, "the loop does not access it"),
        scan.ok = false;
  /* Every access must sit at the same offset. */
  for (int k = 1; scan.ok && k < s->numAccesses; ++k)
    for (int d = 0; d < s->rank && scan.ok; ++d)
      if (!sameOffset(&s->accesses[0].outer[d], &s->accesses[k].outer[d])) {
        snprintf(s->why, sizeof s->why,
                 "its accesses are at different offsets in dimension %d, so "
                 "no one window holds them",
                 d);
        scan.ok = false;
      }
  if (!scan.ok) {
    uslEmitErrorf(loc, "cannot stage '%s' in loop '%s': %s", bufferName,
                  loopName, s->why);
    return mlirLogicalResultFailure();
  }

  Interval box[MAX_RANK];
  int64_t sizes[MAX_RANK], stagedSizes[MAX_RANK];
  bool keep[MAX_RANK];
  int stagedRank = 0;
  UslAffineValue offsets[MAX_RANK], extents[MAX_RANK];
  for (int d = 0; d < s->rank; ++d) {
    box[d] = s->accesses[0].range[d];
    for (int k = 1; k < s->numAccesses; ++k) {
      if (s->accesses[k].range[d].lo < box[d].lo)
        box[d].lo = s->accesses[k].range[d].lo;
      if (s->accesses[k].range[d].hi > box[d].hi)
        box[d].hi = s->accesses[k].range[d].hi;
    }
    sizes[d] = box[d].hi - box[d].lo + 1;
    keep[d] = sizes[d] != 1; /* a dimension of one element is dropped */
    if (keep[d])
      stagedSizes[stagedRank++] = sizes[d];
    offsets[d] = s->accesses[0].outer[d];
    offsets[d].expr = mlirSimplifyAffineExpr(
        mlirAffineAddExprGet(offsets[d].expr,
                             mlirAffineConstantExprGet(ctx, box[d].lo)),
        offsets[d].numValues, 0);
    uslAffineCompact(&offsets[d]);
  }
  bool copyIn = !overwritesWindow(s, box);
  bool copyOut = s->writes;
  bool replaces = privateTo(buffer, loop, body);
  if (replaces)
    copyIn = copyOut = false;

  MlirOperation func = uslEnclosingFunc(loop);
  UslSnapshot snapshot = uslSnapshotTake(func);
  for (int d = 0; d < s->rank; ++d)
    if (!extentOf(buffer, d, &extents[d])) {
      uslSnapshotDrop(&snapshot);
      uslEmitErrorf(loc, "cannot stage '%s': the extent of its dimension %d "
                         "is unknown", bufferName, d);
      return mlirLogicalResultFailure();
    }
  /* The staged buffer, right before the loop. */
  MlirType element = mlirShapedTypeGetElementType(mlirValueGetType(buffer));
  MlirAttribute spaceAttr = space == USL_MEM_DRAM
                                ? mlirAttributeGetNull()
                                : uslTmemSpaceAttrGet(ctx, space);
  MlirType type = mlirMemRefTypeGet(element, stagedRank, stagedSizes,
                                    mlirAttributeGetNull(), spaceAttr);
  MlirOperation alloc = uslAllocCreate(loc, type, NULL,
                                       mlirStringRefCreateFromCString(into));
  /* Around the loop, or inside its body for one iteration at a time. */
  MlirBlock block = body ? uslForGetBody(loop) : mlirOperationGetBlock(loop);
  MlirOperation start = body ? mlirBlockGetFirstOperation(block) : loop;
  MlirOperation end = body ? mlirBlockGetTerminator(block)
                           : mlirOperationGetNextInBlock(loop);
  mlirBlockInsertOwnedOperationBefore(block, start, alloc);
  MlirValue staged = mlirOperationGetResult(alloc, 0);
  if (copyIn)
    buildCopy(block, start, buffer, staged, into, s->rank, sizes, keep, offsets,
              extents, true);
  if (copyOut)
    buildCopy(block, end, buffer, staged, into, s->rank, sizes, keep, offsets,
              extents, false);
  /* Accesses go to the staged buffer at their inner index, shifted. */
  for (int k = 0; k < s->numAccesses; ++k) {
    Access *a = &s->accesses[k];
    MlirAffineMap old = uslAccessGetMap(a->op);
    MlirAffineExpr exprs[MAX_RANK];
    int r = 0;
    for (int d = 0; d < s->rank; ++d)
      if (keep[d])
        exprs[r++] = mlirSimplifyAffineExpr(
            mlirAffineAddExprGet(a->inner[d],
                                 mlirAffineConstantExprGet(ctx, -box[d].lo)),
            mlirAffineMapGetNumInputs(old), 0);
    mlirOperationSetAttributeByName(
        a->op, mlirStringRefCreateFromCString("map"),
        mlirAffineMapAttrGet(mlirAffineMapGet(
            ctx, mlirAffineMapGetNumInputs(old), 0, stagedRank, exprs)));
    mlirOperationSetOperand(a->op, uslAccessGetFirstIndex(a->op) - 1, staged);
  }
  /* Copying whole windows back must not make a par loop around race. */
  if (copyOut)
    for (MlirOperation p = uslGetParentOfName(alloc, USL_SLOOP_FOR);
         !mlirOperationIsNull(p); p = uslGetParentOfName(p, USL_SLOOP_FOR)) {
      if (uslForGetKind(p) != USL_LOOP_PAR)
        continue;
      UslDeps *deps = uslDepsCreate(func);
      UslDepViolation v;
      bool ok = uslDepsLoopIsParallel(deps, p, &v);
      uslDepsDestroy(deps);
      if (!ok) {
        char parName[USL_MAX_STRING_OPTION], detail[1024];
        uslLoopName(p, parName, sizeof parName);
        uslDepsDescribe(&v, detail, sizeof detail);
        uslSnapshotRestore(&snapshot);
        uslEmitErrorf(loc,
                      "cannot stage '%s' in loop '%s': copying the window "
                      "back would make par loop '%s' race: %s",
                      bufferName, loopName, parName, detail);
        return mlirLogicalResultFailure();
      }
    }
  uslSnapshotDrop(&snapshot);
  if (replaces)
    mlirOperationDestroy(mlirOpResultGetOwner(buffer));
  return mlirLogicalResultSuccess();
}

/* The analysis state is a few hundred KiB: on the heap, one per call, so
 * that passes on different functions may run at once. */
static MlirLogicalResult stage(MlirOperation loop, bool body, MlirValue buffer,
                               const char *into, UslMemorySpace space,
                               const char *bufferName) {
  Stage *s = calloc(1, sizeof *s);
  if (!s) {
    uslEmitErrorf(mlirOperationGetLocation(loop),
                  "cannot stage '%s': out of memory", bufferName);
    return mlirLogicalResultFailure();
  }
  MlirLogicalResult result =
      stageWith(s, loop, body, buffer, into, space, bufferName);
  free(s);
  return result;
}

/* The buffer called `name` seen from `loop`: a sloop.alloc around it of that
 * name, or an argument of the function named by `sloop.name` or "argN". */
bool uslDirectiveFindLoopAndBuffer(MlirOperation module,
                                   const UslLoopTarget *target,
                                   const char *buffer, const char *directive,
                                   MlirOperation *loop, MlirValue *value) {
  *loop = uslDirectiveFindLoop(module, target, directive);
  if (mlirOperationIsNull(*loop))
    return false;
  *value = uslFindBuffer(*loop, buffer);
  if (mlirValueIsNull(*value)) {
    uslEmitErrorf(mlirOperationGetLocation(*loop),
                  "'%s': no buffer '%s' is visible at loop '%s'", directive,
                  buffer, target->loop);
    return false;
  }
  return true;
}

MlirValue uslFindBuffer(MlirOperation loop, const char *name) {
  /* Allocations in blocks around the loop, before it. */
  for (MlirOperation at = loop; !mlirOperationIsNull(at);
       at = mlirOperationGetParentOperation(at)) {
    MlirBlock block = mlirOperationGetBlock(at);
    if (mlirBlockIsNull(block))
      break;
    for (MlirOperation op = mlirBlockGetFirstOperation(block);
         !mlirOperationIsNull(op) && !mlirOperationEqual(op, at);
         op = mlirOperationGetNextInBlock(op)) {
      if (!uslOpIs(op, USL_SLOOP_ALLOC))
        continue;
      MlirStringRef n = uslAllocGetName(op);
      if (n.length == strlen(name) && !memcmp(n.data, name, n.length))
        return mlirOperationGetResult(op, 0);
    }
    if (uslOpIs(at, "func.func"))
      break;
  }
  MlirOperation func = uslEnclosingFunc(loop);
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  MlirAttribute argAttrs = mlirOperationGetAttributeByName(
      func, mlirStringRefCreateFromCString("arg_attrs"));
  for (intptr_t i = 0; i < mlirBlockGetNumArguments(entry); ++i) {
    char generic[32];
    snprintf(generic, sizeof generic, "arg%ld", (long)i);
    bool match = !strcmp(generic, name);
    if (!match && !mlirAttributeIsNull(argAttrs) &&
        i < mlirArrayAttrGetNumElements(argAttrs)) {
      MlirAttribute dict = mlirArrayAttrGetElement(argAttrs, i);
      MlirAttribute n = mlirDictionaryAttrGetElementByName(
          dict, mlirStringRefCreateFromCString("sloop.name"));
      if (!mlirAttributeIsNull(n) && mlirAttributeIsAString(n)) {
        MlirStringRef s = mlirStringAttrGetValue(n);
        match = s.length == strlen(name) && !memcmp(s.data, name, s.length);
      }
    }
    if (match)
      return mlirBlockGetArgument(entry, i);
  }
  return (MlirValue){NULL};
}

void uslBufferName(MlirValue buffer, char *out, size_t size) {
  snprintf(out, size, "buffer");
  if (!mlirValueIsABlockArgument(buffer)) {
    MlirOperation owner = mlirOpResultGetOwner(buffer);
    if (uslOpIs(owner, USL_SLOOP_ALLOC)) {
      MlirStringRef n = uslAllocGetName(owner);
      snprintf(out, size, "%.*s", (int)n.length, n.data);
    }
    return;
  }
  intptr_t i = mlirBlockArgumentGetArgNumber(buffer);
  snprintf(out, size, "arg%ld", (long)i);
  MlirOperation func =
      mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(buffer));
  MlirAttribute argAttrs = mlirOperationGetAttributeByName(
      func, mlirStringRefCreateFromCString("arg_attrs"));
  if (mlirAttributeIsNull(argAttrs) || i >= mlirArrayAttrGetNumElements(argAttrs))
    return;
  MlirAttribute n = mlirDictionaryAttrGetElementByName(
      mlirArrayAttrGetElement(argAttrs, i),
      mlirStringRefCreateFromCString("sloop.name"));
  if (!mlirAttributeIsNull(n) && mlirAttributeIsAString(n)) {
    MlirStringRef v = mlirStringAttrGetValue(n);
    snprintf(out, size, "%.*s", (int)v.length, v.data);
  }
}

bool uslParseMemorySpace(const char *text, UslMemorySpace *space) {
  for (int s = USL_MEM_DRAM; s <= USL_MEM_AVX512; ++s)
    if (!strcmp(text, uslMemorySpaceName((UslMemorySpace)s))) {
      *space = (UslMemorySpace)s;
      return true;
    }
  return false;
}

MlirLogicalResult uslStageMem(MlirOperation loop, bool body, MlirValue buffer,
                              MlirStringRef into, UslMemorySpace space) {
  char name[USL_MAX_STRING_OPTION], intoName[USL_MAX_STRING_OPTION];
  uslBufferName(buffer, name, sizeof name);
  snprintf(intoName, sizeof intoName, "%.*s", (int)into.length, into.data);
  if (!intoName[0])
    snprintf(intoName, sizeof intoName, "%.50s_tile", name);
  if (mlirValueIsAOpResult(buffer) &&
      uslIsInside(mlirOpResultGetOwner(buffer), loop)) {
    char loopName[USL_MAX_STRING_OPTION];
    uslLoopName(loop, loopName, sizeof loopName);
    uslEmitErrorf(mlirOperationGetLocation(loop),
                  "cannot stage '%s' in loop '%s': it is allocated inside "
                  "the loop",
                  name, loopName);
    return mlirLogicalResultFailure();
  }
  return stage(loop, body, buffer, intoName, space, name);
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

typedef struct StageOptions {
  UslLoopTarget target;
  char buffer[USL_MAX_STRING_OPTION];
  char into[USL_MAX_STRING_OPTION];
  char memory[USL_MAX_STRING_OPTION];
  bool body;
} StageOptions;

static const StageOptions defaults = {.memory = "dram"};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(StageOptions, target),
    {"buffer", USL_OPTION_STRING, offsetof(StageOptions, buffer),
     "the buffer to stage: an alloc's name, an argument's sloop.name, argN",
     0, 0},
    {"into", USL_OPTION_STRING, offsetof(StageOptions, into),
     "name of the staged copy (default: buffer + \"_tile\")", 0, 0},
    {"memory", USL_OPTION_STRING, offsetof(StageOptions, memory),
     "memory space of the copy: dram, dram_static, rvm_tile, avx512", 0, 0},
    {"body", USL_OPTION_BOOL, offsetof(StageOptions, body),
     "stage one iteration of the loop at a time, inside its body", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const StageOptions *o = opaque;
  MlirLocation loc = mlirOperationGetLocation(module);
  UslMemorySpace space;
  if (!uslParseMemorySpace(o->memory, &space)) {
    uslEmitErrorf(loc, "'stage-mem': unknown memory '%s'; expected dram, "
                       "dram_static, rvm_tile or avx512", o->memory);
    return mlirLogicalResultFailure();
  }
  if (!o->buffer[0]) {
    uslEmitErrorf(loc, "'stage-mem' needs the buffer to stage: buffer=NAME");
    return mlirLogicalResultFailure();
  }
  MlirOperation loop;
  MlirValue buffer;
  if (!uslDirectiveFindLoopAndBuffer(module, &o->target, o->buffer,
                                     "stage-mem", &loop, &buffer))
    return mlirLogicalResultFailure();
  return uslStageMem(loop, o->body, buffer,
                     mlirStringRefCreateFromCString(o->into), space);
}

const UslPassInfo uslStageMemPass = {
    .argument = "stage-mem",
    .summary = "make a loop work on a copy of the window of a buffer it "
               "touches, with the copies in and out it needs",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(StageOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
