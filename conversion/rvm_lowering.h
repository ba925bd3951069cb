/*===- rvm_lowering.h - shared by lower-rvm and convert-rvm --------------===*/

#ifndef USL_CONVERSION_RVM_LOWERING_H
#define USL_CONVERSION_RVM_LOWERING_H

#include "select.h"

#include "mlir-c/IR.h"

#include <stdbool.h>

/* The 8 tile registers (rvm_to_llvm.c). */
extern const UslRegisterFile uslRvmRegisters;

/* Gives each tile buffer of `func` a register (rvm_to_llvm.c); false, with
 * an error, when a tile is accessed by anything but an RVM instruction or
 * more than 8 are live. */
bool uslRvmAllocateTiles(MlirOperation func);

#endif
