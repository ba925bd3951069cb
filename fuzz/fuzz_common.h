/*===- fuzz_common.h - what the USL fuzz targets share ---------------------===*
 *
 * One MLIR context for the whole fuzzing run (USL and upstream dialects,
 * diagnostics swallowed: an error is a correct answer to bad input; only a
 * crash, a sanitizer report or a timeout is a finding).
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_FUZZ_COMMON_H
#define USL_FUZZ_COMMON_H

#include "mlir-c/IR.h"

#include <stddef.h>
#include <stdint.h>

/* The shared context, created on first use. */
MlirContext uslFuzzContext(void);

/* Parses `size` bytes as a module (NULL bytes end it); a null module when
 * they do not parse or verify. */
MlirModule uslFuzzParse(const uint8_t *data, size_t size);

#endif
