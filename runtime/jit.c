/*===- jit.c - the runtime's entry points for embedders -------------------===*
 *
 * Implements usl/runtime.h over the emulator of rvm_emulator.c.
 *
 *===---------------------------------------------------------------------===*/

#include "usl/runtime.h"

#include "rvm_isa.h"

void uslRegisterRuntimeSymbols(MlirExecutionEngine jit) {
  mlirExecutionEngineRegisterSymbol(
      jit, mlirStringRefCreateFromCString("usl_rvm_exec"),
      (void *)(uintptr_t)usl_rvm_exec);
}

void uslRvmEmulatorReset(void) { usl_rvm_reset(); }

uint64_t uslRvmEmulatorInstructionCount(void) {
  uint64_t total = 0;
  for (int op = 0; op < USL_RVM_OP_COUNT; ++op)
    total += usl_rvm_count((UslRvmOpcode)op);
  return total;
}
