/*===- usl/sloop.h - the scheduled-loop dialect from C -------------------===*
 *
 * Op names, enum values and accessors for sloop ops, for passes and embedders
 * written in C. Attribute names are those of the ODS definitions in
 * dialects/sloop/Sloop.td.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_SLOOP_H
#define USL_SLOOP_H

#include "mlir-c/AffineMap.h"
#include "mlir-c/IR.h"
#include "mlir-c/IntegerSet.h"

#ifdef __cplusplus
extern "C" {
#endif

MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Sloop, sloop);

/* Op names. */
#define USL_SLOOP_FOR "sloop.for"
#define USL_SLOOP_IF "sloop.if"
#define USL_SLOOP_YIELD "sloop.yield"
#define USL_SLOOP_LOAD "sloop.load"
#define USL_SLOOP_STORE "sloop.store"
#define USL_SLOOP_REDUCE "sloop.reduce"
#define USL_SLOOP_ALLOC "sloop.alloc"

/* How a loop's iterations run (the `kind` attribute). */
typedef enum UslLoopKind {
  USL_LOOP_SEQ = 0,
  USL_LOOP_PAR = 1,
  USL_LOOP_VEC = 2,
  USL_LOOP_UNROLL = 3,
} UslLoopKind;

/* The operator of sloop.reduce (the `kind` attribute). */
typedef enum UslReduceKind {
  USL_REDUCE_ADD = 0,
  USL_REDUCE_MUL = 1,
  USL_REDUCE_MAX = 2,
  USL_REDUCE_MIN = 3,
} UslReduceKind;

/* True when `op` is the sloop op named `name` (one of the USL_SLOOP_*). */
bool uslOpIs(MlirOperation op, const char *name);

/* sloop.for: name (borrowed), kind, step, bounds. Bounds are single-result
 * affine maps over their own operand lists. */
MlirStringRef uslForGetName(MlirOperation forOp);
UslLoopKind uslForGetKind(MlirOperation forOp);
void uslForSetKind(MlirOperation forOp, UslLoopKind kind);
int64_t uslForGetStep(MlirOperation forOp);
MlirAffineMap uslForGetLowerBoundMap(MlirOperation forOp);
MlirAffineMap uslForGetUpperBoundMap(MlirOperation forOp);
intptr_t uslForGetNumLowerBoundOperands(MlirOperation forOp);
/* Operand `pos` of the upper bound is operand
 * uslForGetNumLowerBoundOperands(op) + pos of the op. */
MlirBlock uslForGetBody(MlirOperation forOp);
MlirValue uslForGetInductionVar(MlirOperation forOp);
/* True and the constant bounds when both bounds are constants. */
bool uslForGetConstantBounds(MlirOperation forOp, int64_t *lb, int64_t *ub);

/* sloop.load / sloop.store / sloop.reduce: the buffer, and the index map
 * whose inputs are the op's index operands (operands from
 * uslAccessGetFirstIndex on). */
MlirValue uslAccessGetMemRef(MlirOperation access);
MlirAffineMap uslAccessGetMap(MlirOperation access);
intptr_t uslAccessGetFirstIndex(MlirOperation access);
UslReduceKind uslReduceGetKind(MlirOperation reduce);

/* sloop.if: the condition, an integer set over the op's operands. */
MlirIntegerSet uslIfGetCondition(MlirOperation ifOp);

/* sloop.alloc: the buffer's name (borrowed). */
MlirStringRef uslAllocGetName(MlirOperation alloc);

/*--- building ops ----------------------------------------------------------
 * Each returns a new op, not yet inserted into a block (insert it with
 * mlirBlockInsertOwnedOperation*). Maps are single-result affine maps for
 * bounds; an access map has one result per buffer dimension. Operand arrays
 * hold as many values as the map has inputs. */

/* A loop whose body holds only its terminator; fill it before the
 * terminator (mlirBlockGetTerminator(uslForGetBody(op))). */
MlirOperation uslForCreate(MlirLocation loc, MlirAffineMap lb,
                           const MlirValue *lbOperands, MlirAffineMap ub,
                           const MlirValue *ubOperands, int64_t step,
                           MlirStringRef name, UslLoopKind kind);
/* A loop from constant bounds. */
MlirOperation uslForCreateConstant(MlirLocation loc, int64_t lb, int64_t ub,
                                   int64_t step, MlirStringRef name,
                                   UslLoopKind kind);
MlirOperation uslLoadCreate(MlirLocation loc, MlirValue memref,
                            MlirAffineMap map, const MlirValue *indices);
MlirOperation uslStoreCreate(MlirLocation loc, MlirValue value,
                             MlirValue memref, MlirAffineMap map,
                             const MlirValue *indices);
MlirOperation uslReduceCreate(MlirLocation loc, UslReduceKind kind,
                              MlirValue value, MlirValue memref,
                              MlirAffineMap map, const MlirValue *indices);
/* A guard without results: its then region holds only its terminator. */
MlirOperation uslIfCreate(MlirLocation loc, MlirIntegerSet condition,
                          const MlirValue *operands);
/* Replaces the bounds of `forOp`: maps `lb` and `ub` over the given operands. */
void uslForSetBounds(MlirOperation forOp, MlirAffineMap lb,
                     const MlirValue *lbOperands, MlirAffineMap ub,
                     const MlirValue *ubOperands);
/* Renames a loop or buffer. */
void uslSetName(MlirOperation op, MlirStringRef name);

/* A buffer of `type` (a memref); `dynamicSizes` has one value per dynamic
 * extent. */
MlirOperation uslAllocCreate(MlirLocation loc, MlirType type,
                             const MlirValue *dynamicSizes,
                             MlirStringRef name);

#ifdef __cplusplus
}
#endif

#endif /* USL_SLOOP_H */
