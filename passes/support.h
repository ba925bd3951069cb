/*===- support.h - small IR helpers shared by USL passes ----------------===*
 *
 * Building ops through the generic C API, collecting ops, and a value map for
 * cloning. Internal to the library.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_PASSES_SUPPORT_H
#define USL_PASSES_SUPPORT_H

#include "mlir-c/AffineMap.h"
#include "mlir-c/IR.h"

#include <stddef.h>

/*--- lists of ops ---------------------------------------------------------*/

typedef struct UslOpList {
  MlirOperation *ops;
  size_t size, capacity;
} UslOpList;

void uslOpListPush(UslOpList *list, MlirOperation op);
void uslOpListFree(UslOpList *list);

/* Appends every op nested in `root` (not `root` itself) whose name is one of
 * `names`, in the given walk order. */
void uslCollectOps(MlirOperation root, const char *const *names,
                   size_t numNames, MlirWalkOrder order, UslOpList *out);

/* The first ancestor of `op` named `name`, or a null op. */
MlirOperation uslGetParentOfName(MlirOperation op, const char *name);

/* True when `op` is `ancestor` or nested in it. */
bool uslIsInside(MlirOperation op, MlirOperation ancestor);

/* arith, math and affine.apply ops: no memory effects, no regions. */
bool uslIsPureArithmetic(MlirOperation op);

/* Ops that may trap when run where the schedule did not run them: integer
 * division and remainder (by zero or overflowing) unless by a constant
 * other than 0 and -1, loads (out of bounds). */
bool uslMayTrap(MlirOperation op);

/* Erases the pure arithmetic op defining `v` when nothing uses `v`. */
void uslDropIfUnused(MlirValue v);
/* The op of `block` that is `op` or holds it, or a null op. */
MlirOperation uslAncestorInBlock(MlirOperation op, MlirBlock block);

/* Moves every op of `block` but its terminator before `before`. */
void uslMoveBodyBefore(MlirBlock block, MlirOperation before);

/*--- building ops -------------------------------------------------------*/

/* Where new ops go: before `before` (or at the end of `block` when `before`
 * is null), with location `loc`. */
typedef struct UslBuilder {
  MlirContext ctx;
  MlirBlock block;
  MlirOperation before;
  MlirLocation loc;
} UslBuilder;

UslBuilder uslBuilderBefore(MlirOperation op);
UslBuilder uslBuilderAtEnd(MlirBlock block, MlirLocation loc);

/* Creates and inserts op `name`. Regions are created empty. */
MlirOperation uslBuild(UslBuilder *b, const char *name, intptr_t numOperands,
                       const MlirValue *operands, intptr_t numResults,
                       const MlirType *results, intptr_t numAttrs,
                       const MlirNamedAttribute *attrs, intptr_t numRegions);

MlirNamedAttribute uslNamedAttr(MlirContext ctx, const char *name,
                                MlirAttribute value);

/* Creates and inserts op `name` with one result of `type`, no attributes
 * and no regions; returns the result. */
MlirValue uslBuild1(UslBuilder *b, const char *name, intptr_t numOperands,
                    const MlirValue *operands, MlirType type);

MlirValue uslBuildIndexConstant(UslBuilder *b, int64_t value);

/* The value of `v` when an arith.constant of index type defines it. */
bool uslConstantIndexValue(MlirValue v, int64_t *value);

/* The value of result `pos` of `map` applied to `operands` (as many as the
 * map has inputs): the operand itself for a plain dimension, a constant for
 * a constant, an affine.apply otherwise. */
MlirValue uslBuildAffineResult(UslBuilder *b, MlirAffineMap map, intptr_t pos,
                               const MlirValue *operands);

/* Copies operands [first, first + count) of `op` into `out`. */
void uslGetOperands(MlirOperation op, intptr_t first, intptr_t count,
                    MlirValue *out);

/*--- value map, for cloning -----------------------------------------------*/

typedef struct UslValueMap {
  void **keys;
  MlirValue *values;
  size_t size, capacity;
} UslValueMap;

void uslValueMapSet(UslValueMap *map, MlirValue from, MlirValue to);
/* The mapped value, or `v` itself when unmapped. */
MlirValue uslValueMapLookup(const UslValueMap *map, MlirValue v);
void uslValueMapFree(UslValueMap *map);

/* Clones `op` before `before`, replacing every use (also nested) of a mapped
 * value, and maps the results of `op` to those of the clone. */
MlirOperation uslCloneWithMap(MlirOperation op, MlirOperation before,
                              UslValueMap *map);

/*--- unrolling limits ------------------------------------------------------*/

/* An unroll loop runs at most USL_UNROLL_LIMIT iterations, and expanding
 * the unroll loops of a nest makes at most USL_UNROLLED_OPS_LIMIT ops. */
enum { USL_UNROLL_LIMIT = 4096, USL_UNROLLED_OPS_LIMIT = 1 << 18 };

/* The iterations of a sloop.for with constant bounds (0 when empty);
 * false when a bound is not constant (passes/unroll.c). */
bool uslConstantTripCount(MlirOperation loop, int64_t *trips);

/* How many ops `op` (itself and all it holds) becomes once every unroll
 * loop in it, itself included, is expanded (passes/unroll.c); saturates
 * past USL_UNROLLED_OPS_LIMIT. */
int64_t uslUnrolledOps(MlirOperation op);

/* The line `op` was parsed from, or 0. */
int uslLineOf(MlirOperation op);

/* Emits a warning at `loc` formatted as printf: what a pass leaves
 * undone, said rather than skipped silently. */
void uslEmitWarningf(MlirLocation loc, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Emits an error at `loc` formatted as printf. */
void uslEmitErrorf(MlirLocation loc, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#endif
