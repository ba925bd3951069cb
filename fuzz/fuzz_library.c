/*===- fuzz_library.c - the instruction-library parser --------------------===*
 *
 * Input: an instruction library (MLIR text, one func.func per instruction).
 * It is read as the only library of the AVX-512 target and used to select
 * instructions in a fixed program staged into zmm registers: any library
 * is either read and matched or refused with an error. (The built-in
 * library is left out: parsing it for every input would be most of the
 * work.)
 *
 *===---------------------------------------------------------------------===*/

#include "fuzz_common.h"

#include "../conversion/select.h"

#include <stdlib.h>

static const char program[] =
    "func.func @vadd(%x: memref<64xf32>, %y: memref<64xf32>) {\n"
    "  %xr = sloop.alloc : memref<16xf32, #tmem.space<avx512>>\n"
    "  %yr = sloop.alloc : memref<16xf32, #tmem.space<avx512>>\n"
    "  sloop.for %io = 0 to 4 {\n"
    "    sloop.for %l = 0 to 16 {\n"
    "      %a = sloop.load %x[%io * 16 + %l] : memref<64xf32>\n"
    "      sloop.store %a, %xr[%l] : memref<16xf32, #tmem.space<avx512>>\n"
    "    }\n"
    "    sloop.for %l = 0 to 16 {\n"
    "      %a = sloop.load %y[%io * 16 + %l] : memref<64xf32>\n"
    "      sloop.store %a, %yr[%l] : memref<16xf32, #tmem.space<avx512>>\n"
    "    }\n"
    "    sloop.for %l = 0 to 16 {\n"
    "      %a = sloop.load %xr[%l] : memref<16xf32, #tmem.space<avx512>>\n"
    "      %b = sloop.load %yr[%l] : memref<16xf32, #tmem.space<avx512>>\n"
    "      %s = arith.subf %a, %b : f32\n"
    "      sloop.store %s, %yr[%l] : memref<16xf32, #tmem.space<avx512>>\n"
    "    }\n"
    "    sloop.for %l = 0 to 16 {\n"
    "      %a = sloop.load %yr[%l] : memref<16xf32, #tmem.space<avx512>>\n"
    "      sloop.store %a, %y[%io * 16 + %l] : memref<64xf32>\n"
    "    }\n"
    "  }\n"
    "  return\n"
    "}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MlirContext ctx = uslFuzzContext();
  mlirContextGetOrLoadDialect(ctx, mlirStringRefCreateFromCString("avx512"));
  MlirModule m = uslFuzzParse((const uint8_t *)program, sizeof program - 1);
  if (mlirModuleIsNull(m))
    abort();
  uslSelectInstructionsWithText(mlirModuleGetOperation(m), &uslAvx512Target,
                                mlirStringRefCreate((const char *)data, size));
  mlirModuleDestroy(m);
  return 0;
}
