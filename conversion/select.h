/*===- select.h - instruction selection by matching, for every target -----===*
 *
 * An instruction library is a module of functions, one per instruction:
 * its body is a loop nest saying what the instruction computes on its
 * arguments, its `usl.instruction` attribute the op that does it. A target
 * is a register file (a memory space whose buffers are registers, how many
 * there are, whose ops may touch them) and a built-in library; lower-rvm
 * and lower-avx512 are this file's driver with their target.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_CONVERSION_SELECT_H
#define USL_CONVERSION_SELECT_H

#include "usl/tmem.h"

#include "mlir-c/IR.h"

#include <stdbool.h>

typedef struct UslRegisterFile {
  UslMemorySpace space;
  int count;           /* registers */
  int rank;            /* the rank of a buffer of one register */
  const char *dialect; /* only ops of this dialect may access registers */
  const char *isa;     /* for messages: "RVM" */
  const char *what;    /* for messages: "RVM tile registers" */
  const char *unit;    /* for messages: "RVM tiles" (live here) */
  const char *registerAttr; /* set on each alloc to its register, or NULL */
  /* Ops that write their first operand whole without reading it. */
  const char *const *overwriting;
  int numOverwriting;
} UslRegisterFile;

typedef struct UslTarget {
  const char *pass; /* the pass's flag, for messages */
  const UslRegisterFile *registers;
  const char *builtin;     /* the built-in library's text */
  const char *builtinName; /* and its file, for messages */
  /* Runs first on each function (a default schedule); may be NULL. */
  bool (*prepare)(MlirOperation module, MlirOperation func);
} UslTarget;

/* The targets of lower-rvm and lower-avx512. */
extern const UslTarget uslRvmTarget, uslAvx512Target;

/* Whether `type` is a memref in the registers' memory space. */
bool uslIsRegisterType(const UslRegisterFile *rf, MlirType type);

/* Whether `op` or an op in it defines or uses a register buffer. */
bool uslTouchesRegisters(MlirOperation op, const UslRegisterFile *rf);

/* In every function of `module`: the target's prepare step; unroll loops
 * over registers expanded and buffers of several registers split; every
 * loop nest that computes what an instruction of the built-in library (or
 * of the file `library`, when not empty) computes replaced by it; then
 * registers allocated. False, with an error, when any step fails. */
bool uslSelectInstructions(MlirOperation module, const UslTarget *target,
                           const char *library);

/* The same with only the instructions of `library` (MLIR text), not the
 * built-in ones: for testing instruction libraries (fuzz/). */
bool uslSelectInstructionsWithText(MlirOperation module,
                                   const UslTarget *target,
                                   MlirStringRef library);

/* Gives each register buffer of `func` a register for its live range (in
 * the alloc's `registerAttr`); false, with an error, when a register buffer
 * is accessed by other ops than the register file's, or more registers than
 * there are would be live. */
bool uslAllocateRegisters(MlirOperation func, const UslRegisterFile *rf);

/* The value attribute of the arith.constant defining `v`, or a null one. */
MlirAttribute uslConstantOf(MlirValue v);

#endif
