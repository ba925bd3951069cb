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

typedef struct UslLowerOptions {
  bool openmp;     /* par loops on OpenMP threads */
  bool rvmEmulate; /* RVM instructions as calls to the emulator
                      (usl_rvm_exec, runtime/) instead of inline assembly */
} UslLowerOptions;

/* The same with every option of the pipeline. */
MlirLogicalResult uslLowerModuleToLLVMWithOptions(MlirModule module,
                                                  const UslLowerOptions *opts);

#ifdef __cplusplus
}
#endif

#endif /* USL_CONVERSION_H */
