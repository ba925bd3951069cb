/*===- usl/conversion.h - lowering USL programs --------------------------===*/

#ifndef USL_CONVERSION_H
#define USL_CONVERSION_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Runs the usl-lower-to-llvm pipeline on `module`: afterwards it holds only
 * the llvm dialect (and omp when `openmp`). Errors are reported through the
 * context's diagnostic handlers. */
MlirLogicalResult uslLowerModuleToLLVM(MlirModule module, bool openmp);

#ifdef __cplusplus
}
#endif

#endif /* USL_CONVERSION_H */
