/*===- driver.h - what the USL command-line tools share ------------------===*/

#ifndef USL_TOOLS_DRIVER_H
#define USL_TOOLS_DRIVER_H

#include "mlir-c/IR.h"

#include <stdbool.h>

/* A context with every upstream and USL dialect and the LLVM translations. */
MlirContext uslToolCreateContext(void);

/* Parses `path` ("-" for standard input). On failure the diagnostic has
 * been printed and the module is null. An input without any operation is an
 * error, as in usl-opt. */
MlirModule uslToolParseFile(MlirContext ctx, const char *path);

/* The func.func named `name` in `module`, or a null op. */
MlirOperation uslToolFindFunc(MlirModule module, const char *name);

/* The function type of a func.func. */
MlirType uslToolFuncType(MlirOperation func);

/* Parses the digit of -O0..-O3 into `level`; prints an error otherwise. */
bool uslToolParseOptLevel(const char *program, const char *text, int *level);

/* Prints `program: error: <message>` to stderr. */
void uslToolError(const char *program, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#endif
