/*===- usl/runtime.h - what code USL generates calls at run time ---------===*
 *
 * Code lowered with the RVM emulator on (UslLowerOptions.rvmEmulate) calls
 * usl_rvm_exec for each RVM instruction; the library holds that emulator.
 * An embedder that JIT-runs such code registers the runtime's symbols with
 * its execution engine before initializing it.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_RUNTIME_H
#define USL_RUNTIME_H

#include "mlir-c/ExecutionEngine.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Makes the USL runtime's functions (the RVM emulator) known to `jit`. */
void uslRegisterRuntimeSymbols(MlirExecutionEngine jit);

/* Clears the emulated tile registers and the instruction counts. */
void uslRvmEmulatorReset(void);

/* How many RVM instructions the emulator ran since the last reset. */
uint64_t uslRvmEmulatorInstructionCount(void);

#ifdef __cplusplus
}
#endif

#endif /* USL_RUNTIME_H */
