//===- Avx512Dialect.h - C++ declarations of the avx512 dialect -*- C++ -*-===//
//
// Private to the dialect glue; C code uses include/usl/avx512.h.
//
//===----------------------------------------------------------------------===//

#ifndef USL_DIALECTS_AVX512_AVX512DIALECT_H
#define USL_DIALECTS_AVX512_AVX512DIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "Avx512Dialect.h.inc"

#define GET_OP_CLASSES
#include "Avx512Ops.h.inc"

#endif
