/*===- compile.h - lowering a USL module to an LLVM module ---------------===*/

#ifndef USL_TOOLS_COMPILE_H
#define USL_TOOLS_COMPILE_H

#include "mlir-c/IR.h"

#include "llvm-c/Core.h"

#include <stdbool.h>

/* Marks every func.func with a body so that lowering also emits a C-callable
 * `_mlir_ciface_<name>` taking memrefs as pointers to descriptors. */
void uslToolRequestCInterfaces(MlirModule module);

/* Lowers `module` with usl-lower-to-llvm and translates it into an LLVM
 * module owned by the caller; NULL after printing a diagnostic. */
LLVMModuleRef uslToolTranslate(MlirModule module, bool openmp,
                               LLVMContextRef llvmCtx);

#endif
