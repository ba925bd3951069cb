//===- PipelineDialect.h - C++ declarations of the pipeline dialect -*- C++ -*-===//
//
// Private to the dialect glue; C code uses include/usl/pipeline.h.
//
//===----------------------------------------------------------------------===//

#ifndef USL_DIALECTS_PIPELINE_PIPELINEDIALECT_H
#define USL_DIALECTS_PIPELINE_PIPELINEDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "PipelineEnums.h.inc"

#include "PipelineDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "PipelineTypes.h.inc"

#define GET_OP_CLASSES
#include "PipelineOps.h.inc"

#endif
