/*===- usl/dialects.h - registering the USL dialects ---------------------===*/

#ifndef USL_DIALECTS_H
#define USL_DIALECTS_H

#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Adds every USL dialect to `registry`. */
void uslRegisterDialects(MlirDialectRegistry registry);

/* Makes `ctx` ready for USL: every upstream dialect and LLVM translation,
 * and the USL dialects, registered; loaded are the USL dialects and those
 * the schedule directives create ops of (affine, arith, memref), so the
 * directives of usl/schedule.h can be called outside a pass. */
void uslContextPrepare(MlirContext ctx);

/* The memory effects `op` declares on its operand `index` (which it reads
 * or writes through, as MLIR's memory-effect interface says): a mask of
 * USL_OPERAND_READ and USL_OPERAND_WRITE, 0 for none, or -1 when the op
 * declares no effects at all. */
enum { USL_OPERAND_READ = 1, USL_OPERAND_WRITE = 2 };

/* Emits a warning at `loc` (the C API has errors only). */
void uslEmitWarning(MlirLocation loc, const char *message);
int uslOperandMemoryEffects(MlirOperation op, intptr_t index);

#ifdef __cplusplus
}
#endif

#endif /* USL_DIALECTS_H */
