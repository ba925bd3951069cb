//===- reorder.c - reorder: permute the loops of a perfect nest -----------===//
//
// Before:  sloop.for %i { sloop.for %j { S(i, j) } }
// After:   sloop.for %j { sloop.for %i { S(i, j) } }        (loops=j,i)
// Legal when the nest is rectangular (no bound uses another band loop) and
// every dependence still runs forward in the new order. Updates by
// sloop.reduce of one element commute, so reductions may be reordered.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A new loop with `from`'s bounds, step, name and kind. */
static MlirOperation copyHeader(MlirOperation from) {
  intptr_t numLb = uslForGetNumLowerBoundOperands(from);
  intptr_t numAll = mlirOperationGetNumOperands(from);
  MlirValue *operands = malloc((size_t)(numAll ? numAll : 1) * sizeof *operands);
  uslGetOperands(from, 0, numAll, operands);
  MlirOperation loop = uslForCreate(
      mlirOperationGetLocation(from), uslForGetLowerBoundMap(from), operands,
      uslForGetUpperBoundMap(from), operands + numLb, uslForGetStep(from),
      uslForGetName(from), uslForGetKind(from));
  free(operands);
  return loop;
}

/* Rebuilds the band with loop k holding band[perm[k]]'s header. */
void uslPermuteBand(MlirOperation *band, int n, const int *perm) {
  MlirOperation at = band[0];
  MlirBlock block = mlirOperationGetBlock(at);
  MlirOperation before = at;
  MlirOperation created[USL_MAX_LIST_OPTION];
  for (int k = 0; k < n; ++k) {
    created[k] = copyHeader(band[perm[k]]);
    mlirBlockInsertOwnedOperationBefore(block, before, created[k]);
    block = uslForGetBody(created[k]);
    before = mlirBlockGetTerminator(block);
  }
  uslMoveBodyBefore(uslForGetBody(band[n - 1]), before);
  for (int k = 0; k < n; ++k)
    mlirValueReplaceAllUsesOfWith(uslForGetInductionVar(band[perm[k]]),
                                  uslForGetInductionVar(created[k]));
  mlirOperationDestroy(band[0]);
}

MlirLogicalResult uslReorder(MlirOperation *band, int n, const int *perm) {
  if (n < 2 || n > USL_MAX_LIST_OPTION)
    return mlirLogicalResultSuccess();
  if (!uslCheckRectangularBand(band, n, "reorder"))
    return mlirLogicalResultFailure();
  UslDeps *deps = uslDepsCreate(uslEnclosingFunc(band[0]));
  UslDepViolation v;
  bool ok = uslDepsPermutationIsLegal(deps, band, n, perm, &v);
  uslDepsDestroy(deps);
  if (!ok) {
    char names[256] = "", detail[1024];
    size_t used = 0;
    for (int k = 0; k < n; ++k) {
      char name[USL_MAX_STRING_OPTION];
      uslLoopName(band[perm[k]], name, sizeof name);
      used += (size_t)snprintf(names + used, sizeof names - used, "%s'%s'",
                               k ? ", " : "", name);
    }
    uslDepsDescribe(&v, detail, sizeof detail);
    uslEmitErrorf(mlirOperationGetLocation(band[0]),
                  "cannot reorder the loops to %s: %s, %s", names, detail,
                  uslDepsConsequence(&v, "and the new order would run them "
                                         "the other way round"));
    return mlirLogicalResultFailure();
  }
  uslSinkBandGuards(band, n);
  uslPermuteBand(band, n, perm);
  return mlirLogicalResultSuccess();
}

typedef struct ReorderOptions {
  UslLoopTarget target;
  char loops[USL_MAX_STRING_OPTION];
} ReorderOptions;

static const ReorderOptions defaults = {.target = {.occurrence = 0}};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(ReorderOptions, target),
    {"loops", USL_OPTION_STRING, offsetof(ReorderOptions, loops),
     "the new order of a perfect nest, outermost first, e.g. k,i,j", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const ReorderOptions *o = opaque;
  MlirLocation loc = mlirOperationGetLocation(module);
  if (!o->loops[0]) {
    /* loop=NAME: swap it with the loop right inside it. */
    MlirOperation outer = uslDirectiveFindLoop(module, &o->target, "reorder");
    if (mlirOperationIsNull(outer))
      return mlirLogicalResultFailure();
    MlirOperation band[2] = {outer, uslOnlyChildLoop(outer)};
    if (mlirOperationIsNull(band[1])) {
      uslEmitErrorf(mlirOperationGetLocation(outer),
                    "cannot reorder loop '%s': its body is not exactly one "
                    "loop to swap it with",
                    o->target.loop);
      return mlirLogicalResultFailure();
    }
    int perm[2] = {1, 0};
    return uslReorder(band, 2, perm);
  }
  if (o->target.loop[0]) {
    uslEmitErrorf(loc, "'reorder' takes loop=NAME or loops=A,B,..., not both");
    return mlirLogicalResultFailure();
  }
  char names[USL_MAX_LIST_OPTION][USL_MAX_STRING_OPTION];
  int n = uslSplitNames(o->loops, names, USL_MAX_LIST_OPTION);
  if (n < 2) {
    uslEmitErrorf(loc, "'reorder': loops= needs 2 to %d loop names, got '%s'",
                  USL_MAX_LIST_OPTION, o->loops);
    return mlirLogicalResultFailure();
  }
  MlirOperation band[USL_MAX_LIST_OPTION];
  if (!uslDirectiveFindBand(module, o->target.func,
                            (int)o->target.occurrence, names, n, band,
                            "reorder"))
    return mlirLogicalResultFailure();
  int perm[USL_MAX_LIST_OPTION];
  for (int k = 0; k < n; ++k)
    for (int j = 0; j < n; ++j) {
      char name[USL_MAX_STRING_OPTION];
      uslLoopName(band[j], name, sizeof name);
      if (!strcmp(name, names[k]))
        perm[k] = j;
    }
  return uslReorder(band, n, perm);
}

const UslPassInfo uslReorderPass = {
    .argument = "reorder",
    .summary = "swap a loop with the loop inside it, or permute a perfect "
               "nest, checked against the dependences",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(ReorderOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
