/*===- usl/instructions.h - instruction libraries and selection ----------===*
 *
 * An instruction library is MLIR text: one func.func per instruction whose
 * body is a loop nest saying what the instruction computes, and whose
 * `usl.instruction` attribute names the op that does it. Selection replaces
 * every loop nest staged into the target's registers that computes what an
 * instruction computes by that instruction, then allocates the registers.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_INSTRUCTIONS_H
#define USL_INSTRUCTIONS_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum UslIsa {
  USL_ISA_RVM = 0,    /* the RISC-V matrix extension: 8 tile registers */
  USL_ISA_AVX512 = 1, /* x86-64 AVX-512: 32 zmm registers */
} UslIsa;

/* The built-in library of `isa` (instructions/rvm.mlir or avx512.mlir), as
 * text; NULL for an unknown ISA. */
const char *uslInstructionLibrary(UslIsa isa);

/* What --lower-rvm / --lower-avx512 do on `module`: selection with the
 * built-in library and, when `extraLibrary` is neither NULL nor empty, the
 * instructions of that file. Failure is reported through the context's
 * diagnostic handlers. */
MlirLogicalResult uslSelectInstructionsFor(MlirOperation module, UslIsa isa,
                                           const char *extraLibrary);

#ifdef __cplusplus
}
#endif

#endif /* USL_INSTRUCTIONS_H */
