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

#ifdef __cplusplus
}
#endif

#endif /* USL_DIALECTS_H */
