//===- tile.c - tile: split a loop band into tiles ------------------------===//
//
// Before:  sloop.for %i = 0 to %N { sloop.for %j = 0 to %M { S(i, j) } }
// After:   sloop.for %io = 0 to %N ceildiv 32 { sloop.for %jo = 0 to %M ceildiv 32 {
//            sloop.for %ii = 0 to 32 { sloop.for %ji = 0 to 32 {
//              sloop.if 32 * io + ii < N and 32 * jo + ji < M { S(..) } } } } }
// (tail=guard; tail=perfect needs every size to divide provably.) Legal when
// the band is rectangular and fully permutable: no dependence between its
// iterations goes backwards in any of its loops.
//
// With no options, --tile tiles every perfect band of two or more loops in
// every function by 32 in each loop with tail=guard, skipping bands whose
// tiling is not legal or whose bounds depend on each other, bands that fit
// in one tile, and producers: bands that compute a buffer of the function's
// own read after them, which the default --fuse computes inside the tiles of
// their consumer.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "directive.h"
#include "pass_table.h"
#include "rewrite.h"
#include "usl/sloop.h"

#include "mlir-c/IntegerSet.h"

#include <stdio.h>
#include <string.h>

enum { DEFAULT_TILE_SIZE = 32 };

static MlirAffineExpr subtract(MlirAffineExpr a, MlirAffineExpr b) {
  return mlirAffineAddExprGet(
      a, mlirAffineMulExprGet(b, mlirAffineConstantExprGet(
                                     mlirAffineExprGetContext(b), -1)));
}

/* Checks legality; emits the error at band[0] when `report`. */
static bool tileIsLegal(MlirOperation *band, int n, bool report) {
  UslDeps *deps = uslDepsCreate(uslEnclosingFunc(band[0]));
  UslDepViolation v;
  bool ok = uslDepsBandIsPermutable(deps, band, n, &v);
  uslDepsDestroy(deps);
  if (!ok && report) {
    char detail[1024];
    uslDepsDescribe(&v, detail, sizeof detail);
    uslEmitErrorf(mlirOperationGetLocation(band[0]),
                  "cannot tile: %s, %s", detail,
                  uslDepsConsequence(&v, "and tiles would run them the "
                                         "other way round"));
  }
  return ok;
}

static MlirLogicalResult tile(MlirOperation *band, int n, const int64_t *sizes,
                              UslTail tail, bool report) {
  MlirContext ctx = mlirOperationGetContext(band[0]);
  MlirLocation loc = mlirOperationGetLocation(band[0]);
  if (tail == USL_TAIL_CUT) {
    if (report)
      uslEmitErrorf(loc, "tile supports tail=perfect and tail=guard; for a "
                         "remainder loop, split with tail=cut and reorder");
    return mlirLogicalResultFailure();
  }
  if (!uslCheckRectangularBand(band, n, "tile"))
    return mlirLogicalResultFailure();
  UslAffineValue lb[USL_MAX_LIST_OPTION], ub[USL_MAX_LIST_OPTION],
      trip[USL_MAX_LIST_OPTION];
  bool divides[USL_MAX_LIST_OPTION];
  for (int k = 0; k < n; ++k) {
    char name[USL_MAX_STRING_OPTION];
    uslLoopName(band[k], name, sizeof name);
    if (sizes[k] < 1 || uslForGetStep(band[k]) != 1) {
      if (report)
        uslEmitErrorf(mlirOperationGetLocation(band[k]),
                      sizes[k] < 1 ? "cannot tile loop '%s': sizes must be "
                                     "positive"
                                   : "cannot tile loop '%s': tiling needs a "
                                     "unit step",
                      name);
      return mlirLogicalResultFailure();
    }
    intptr_t numLb = uslForGetNumLowerBoundOperands(band[k]);
    if (!uslAffineValueFromMap(uslForGetLowerBoundMap(band[k]), 0, band[k], 0,
                               &lb[k]) ||
        !uslAffineValueFromMap(uslForGetUpperBoundMap(band[k]), 0, band[k],
                               numLb, &ub[k]))
      return mlirLogicalResultFailure();
    trip[k] = uslAffineCombine(&ub[k], &lb[k], subtract);
    divides[k] = uslAffineIsMultipleOf(trip[k].expr, trip[k].numValues,
                                       sizes[k]);
    if (tail == USL_TAIL_PERFECT && !divides[k]) {
      if (report)
        uslEmitErrorf(mlirOperationGetLocation(band[k]),
                      "cannot tile loop '%s' by %lld with tail=perfect: its "
                      "trip count is not provably a multiple of %lld; use "
                      "tail=guard",
                      name, (long long)sizes[k], (long long)sizes[k]);
      return mlirLogicalResultFailure();
    }
  }
  if (!tileIsLegal(band, n, report))
    return mlirLogicalResultFailure();
  uslSinkBandGuards(band, n);

  /* Tile loops, then point loops, then the guard. */
  MlirOperation loops[2 * USL_MAX_LIST_OPTION];
  MlirBlock block = mlirOperationGetBlock(band[0]);
  MlirOperation before = band[0];
  for (int k = 0; k < 2 * n; ++k) {
    int b = k % n;
    char name[USL_MAX_STRING_OPTION], full[USL_MAX_STRING_OPTION + 2];
    uslLoopName(band[b], name, sizeof name);
    snprintf(full, sizeof full, "%s%s", name, k < n ? "o" : "i");
    if (k < n) {
      UslAffineValue tiles = trip[b];
      MlirAffineExpr s = mlirAffineConstantExprGet(ctx, sizes[b]);
      tiles.expr = mlirSimplifyAffineExpr(
          divides[b] ? mlirAffineFloorDivExprGet(trip[b].expr, s)
                     : mlirAffineCeilDivExprGet(trip[b].expr, s),
          tiles.numValues, 0);
      loops[k] = uslForCreate(
          loc, mlirAffineMapConstantGet(ctx, 0), NULL,
          mlirAffineMapGet(ctx, tiles.numValues, 0, 1, &tiles.expr),
          tiles.values, 1, mlirStringRefCreateFromCString(full),
          uslForGetKind(band[b]) == USL_LOOP_PAR ? USL_LOOP_PAR
                                                 : USL_LOOP_SEQ);
    } else {
      loops[k] = uslForCreateConstant(loc, 0, sizes[b], 1,
                                      mlirStringRefCreateFromCString(full),
                                      USL_LOOP_SEQ);
    }
    mlirBlockInsertOwnedOperationBefore(block, before, loops[k]);
    block = uslForGetBody(loops[k]);
    before = mlirBlockGetTerminator(block);
  }
  /* i = lb + size * io + ii, for each loop of the band. */
  UslAffineValue index[USL_MAX_LIST_OPTION];
  for (int b = 0; b < n; ++b) {
    index[b] = lb[b];
    int base = index[b].numValues;
    index[b].values[index[b].numValues++] = uslForGetInductionVar(loops[b]);
    index[b].values[index[b].numValues++] =
        uslForGetInductionVar(loops[n + b]);
    index[b].expr = mlirAffineAddExprGet(
        lb[b].expr,
        mlirAffineAddExprGet(
            mlirAffineMulExprGet(mlirAffineDimExprGet(ctx, base),
                                 mlirAffineConstantExprGet(ctx, sizes[b])),
            mlirAffineDimExprGet(ctx, base + 1)));
  }
  MlirBlock target = block;
  if (tail == USL_TAIL_GUARD) {
    MlirAffineExpr constraints[USL_MAX_LIST_OPTION];
    bool eq[USL_MAX_LIST_OPTION];
    UslAffineValue all = {mlirAffineConstantExprGet(ctx, 0), 0, {{NULL}}};
    int count = 0;
    for (int b = 0; b < n; ++b) {
      if (divides[b])
        continue;
      UslAffineValue room = uslAffineCombine(&ub[b], &index[b], subtract);
      /* Put this constraint's values after those gathered so far. */
      MlirAffineExpr c = mlirAffineExprShiftDims(
          mlirAffineAddExprGet(room.expr, mlirAffineConstantExprGet(ctx, -1)),
          (uint32_t)room.numValues, (uint32_t)all.numValues, 0);
      for (int v = 0; v < room.numValues; ++v)
        all.values[all.numValues++] = room.values[v];
      eq[count] = false;
      constraints[count++] = c;
    }
    if (count) {
      for (int k = 0; k < count; ++k)
        constraints[k] =
            mlirSimplifyAffineExpr(constraints[k], all.numValues, 0);
      MlirOperation guard = uslIfCreate(
          loc, mlirIntegerSetGet(ctx, all.numValues, 0, count, constraints, eq),
          all.values);
      mlirBlockInsertOwnedOperationBefore(block, before, guard);
      target = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
    }
  }
  uslMoveBodyBefore(uslForGetBody(band[n - 1]), mlirBlockGetTerminator(target));
  for (int b = 0; b < n; ++b)
    uslReplaceWithAffine(uslForGetInductionVar(band[b]), &index[b], target);
  mlirOperationDestroy(band[0]);
  return mlirLogicalResultSuccess();
}

MlirLogicalResult uslTile(MlirOperation *band, int n, const int64_t *sizes,
                          UslTail tail) {
  if (n < 1 || n > USL_MAX_LIST_OPTION)
    return mlirLogicalResultFailure();
  return tile(band, n, sizes, tail, true);
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

typedef struct TileOptions {
  char func[USL_MAX_STRING_OPTION];
  char loops[USL_MAX_STRING_OPTION];
  UslIntList sizes;
  char tail[USL_MAX_STRING_OPTION];
  int64_t occurrence;
} TileOptions;

static const TileOptions defaults = {.tail = "guard"};

static const UslOptionSpec options[] = {
    {"loops", USL_OPTION_STRING, offsetof(TileOptions, loops),
     "the perfectly nested loops to tile, outermost first, e.g. i,j", 0, 0},
    {"sizes", USL_OPTION_INT_LIST, offsetof(TileOptions, sizes),
     "tile size of each loop (default 32)", 1, 1 << 20},
    {"tail", USL_OPTION_STRING, offsetof(TileOptions, tail),
     "perfect or guard (default guard)", 0, 0},
    {"func", USL_OPTION_STRING, offsetof(TileOptions, func),
     "the function holding the loops", 0, 0},
    {"occurrence", USL_OPTION_INT, offsetof(TileOptions, occurrence),
     "which loop of each name, 0 being the first", 0, 1 << 30},
};

/* The maximal perfect bands of two or more loops under `op`. */
static void collectBands(MlirOperation op, UslOpList *starts) {
  UslOpList loops = {0};
  const char *names[] = {USL_SLOOP_FOR};
  uslCollectOps(op, names, 1, MlirWalkPreOrder, &loops);
  for (size_t i = 0; i < loops.size; ++i) {
    MlirOperation loop = loops.ops[i];
    MlirOperation parent = mlirOperationGetParentOperation(loop);
    bool continuesBand = uslOpIs(parent, USL_SLOOP_FOR) &&
                         mlirOperationEqual(uslOnlyChildLoop(parent), loop);
    if (!continuesBand && !mlirOperationIsNull(uslOnlyChildLoop(loop)))
      uslOpListPush(starts, loop);
  }
  uslOpListFree(&loops);
}

/* Whether `nest` computes a buffer of the function's own that code after it
 * reads: a producer, which the default --fuse places inside the tiles of
 * its consumer instead. */
static bool isProducer(MlirOperation nest) {
  const char *storeName[] = {USL_SLOOP_STORE};
  UslOpList stores = {0};
  uslCollectOps(nest, storeName, 1, MlirWalkPreOrder, &stores);
  MlirValue buffer = {NULL};
  bool one = stores.size > 0;
  for (size_t i = 0; i < stores.size && one; ++i) {
    MlirValue b = uslAccessGetMemRef(stores.ops[i]);
    one = mlirValueIsNull(buffer) || mlirValueEqual(buffer, b);
    buffer = b;
  }
  uslOpListFree(&stores);
  if (!one || !mlirValueIsAOpResult(buffer) ||
      !uslOpIs(mlirOpResultGetOwner(buffer), USL_SLOOP_ALLOC))
    return false;
  for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use))
    if (uslOpIs(mlirOpOperandGetOwner(use), USL_SLOOP_LOAD) &&
        !uslIsInside(mlirOpOperandGetOwner(use), nest))
      return true;
  return false;
}

static MlirLogicalResult tileEverything(MlirOperation module) {
  UslOpList starts = {0};
  collectBands(module, &starts);
  for (size_t i = 0; i < starts.size; ++i) {
    MlirOperation band[USL_MAX_LIST_OPTION];
    int64_t sizes[USL_MAX_LIST_OPTION];
    int n = 0;
    for (MlirOperation l = starts.ops[i];
         !mlirOperationIsNull(l) && n < USL_MAX_LIST_OPTION;
         l = uslOnlyChildLoop(l)) {
      sizes[n] = DEFAULT_TILE_SIZE;
      band[n++] = l;
    }
    /* Quietly keep bands that cannot be tiled as they are. */
    bool rectangular = true;
    for (int k = 1; k < n && rectangular; ++k)
      for (int j = 0; j < k; ++j)
        for (intptr_t o = 0; o < mlirOperationGetNumOperands(band[k]); ++o)
          if (mlirValueEqual(mlirOperationGetOperand(band[k], o),
                             uslForGetInductionVar(band[j])))
            rectangular = false;
    bool unit = true;
    for (int k = 0; k < n; ++k)
      unit = unit && uslForGetStep(band[k]) == 1;
    /* A band that fits in one tile is left as it is. */
    bool oneTile = true;
    for (int k = 0; k < n && oneTile; ++k) {
      int64_t lb, ub;
      oneTile = uslForGetConstantBounds(band[k], &lb, &ub) &&
                ub - lb <= sizes[k];
    }
    if (rectangular && unit && !oneTile && !isProducer(band[0]) &&
        tileIsLegal(band, n, false))
      tile(band, n, sizes, USL_TAIL_GUARD, false);
  }
  uslOpListFree(&starts);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const TileOptions *o = opaque;
  MlirLocation loc = mlirOperationGetLocation(module);
  UslTail tail;
  if (!uslParseTail(o->tail, &tail)) {
    uslEmitErrorf(loc, "'tile': unknown tail '%s'; expected perfect or guard",
                  o->tail);
    return mlirLogicalResultFailure();
  }
  if (!o->loops[0]) {
    if (o->sizes.count || o->occurrence) {
      uslEmitErrorf(loc, "'tile': %s= needs loops= to say which loops",
                    o->sizes.count ? "sizes" : "occurrence");
      return mlirLogicalResultFailure();
    }
    return tileEverything(module);
  }
  char names[USL_MAX_LIST_OPTION][USL_MAX_STRING_OPTION];
  int n = uslSplitNames(o->loops, names, USL_MAX_LIST_OPTION);
  if (n < 1) {
    uslEmitErrorf(loc, "'tile': loops= needs 1 to %d loop names, got '%s'",
                  USL_MAX_LIST_OPTION, o->loops);
    return mlirLogicalResultFailure();
  }
  int64_t sizes[USL_MAX_LIST_OPTION];
  if (o->sizes.count && o->sizes.count != n) {
    uslEmitErrorf(loc, "'tile': %d loops but %d sizes", n, o->sizes.count);
    return mlirLogicalResultFailure();
  }
  for (int k = 0; k < n; ++k)
    sizes[k] = o->sizes.count ? o->sizes.values[k] : DEFAULT_TILE_SIZE;
  MlirOperation band[USL_MAX_LIST_OPTION];
  if (!uslDirectiveFindBand(module, o->func, (int)o->occurrence, names, n,
                            band, "tile"))
    return mlirLogicalResultFailure();
  /* Sizes follow the order the loops were named in. */
  int64_t ordered[USL_MAX_LIST_OPTION];
  for (int k = 0; k < n; ++k) {
    char name[USL_MAX_STRING_OPTION];
    uslLoopName(band[k], name, sizeof name);
    for (int j = 0; j < n; ++j)
      if (!strcmp(name, names[j]))
        ordered[k] = sizes[j];
  }
  return uslTile(band, n, ordered, tail);
}

const UslPassInfo uslTilePass = {
    .argument = "tile",
    .summary = "tile a perfect loop nest (all nests by 32 when no loops are "
               "named), checked permutable",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(TileOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
