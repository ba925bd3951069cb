//===- RvmDialect.h - C++ declarations of the rvm dialect --------*- C++ -*-===//
//
// Private to the dialect glue; C code uses include/usl/rvm.h.
//
//===----------------------------------------------------------------------===//

#ifndef USL_DIALECTS_RVM_RVMDIALECT_H
#define USL_DIALECTS_RVM_RVMDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "RvmDialect.h.inc"

#define GET_OP_CLASSES
#include "RvmOps.h.inc"

#endif
