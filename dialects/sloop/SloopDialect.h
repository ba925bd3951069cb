//===- SloopDialect.h - C++ declarations of the sloop dialect ----*- C++ -*-===//
//
// Private to the dialect glue; C code uses include/usl/sloop.h.
//
//===----------------------------------------------------------------------===//

#ifndef USL_DIALECTS_SLOOP_SLOOPDIALECT_H
#define USL_DIALECTS_SLOOP_SLOOPDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "SloopEnums.h.inc"

#include "SloopDialect.h.inc"

#define GET_OP_CLASSES
#include "SloopOps.h.inc"

#endif
