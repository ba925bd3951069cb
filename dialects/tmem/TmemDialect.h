//===- TmemDialect.h - C++ declarations of the tmem dialect ------*- C++ -*-===//
//
// Private to the dialect glue; C code uses include/usl/tmem.h.
//
//===----------------------------------------------------------------------===//

#ifndef USL_DIALECTS_TMEM_TMEMDIALECT_H
#define USL_DIALECTS_TMEM_TMEMDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

#include "TmemEnums.h.inc"

#include "TmemDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "TmemAttrs.h.inc"

#define GET_OP_CLASSES
#include "TmemOps.h.inc"

namespace usl::tmem {

/// The memory space of `type`: dram when it has none, nothing when it has
/// one that is not a tmem space.
std::optional<MemorySpace> spaceOf(mlir::MemRefType type);

/// Checks the memory operand of an instruction of a register target: in
/// ordinary memory, with the `element` type of the `holder` ("tile",
/// "register") it moves to or from.
mlir::LogicalResult verifyMemoryOperand(mlir::Operation *op,
                                        mlir::MemRefType type,
                                        mlir::Type element,
                                        llvm::StringRef holder);

} // namespace usl::tmem

#endif
