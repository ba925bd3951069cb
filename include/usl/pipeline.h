/*===- usl/pipeline.h - the pipeline dialect from C ----------------------===*/

#ifndef USL_PIPELINE_H
#define USL_PIPELINE_H

#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Pipeline, pipeline);

/* Op names. */
#define USL_PIPELINE_INPUT "pipeline.input"
#define USL_PIPELINE_FUNC "pipeline.func"
#define USL_PIPELINE_CALL "pipeline.call"
#define USL_PIPELINE_YIELD "pipeline.yield"
#define USL_PIPELINE_OUTPUT "pipeline.output"

/* The boundary condition of pipeline.input (the `boundary` attribute). */
typedef enum UslBoundary {
  USL_BOUNDARY_NONE = 0,
  USL_BOUNDARY_CLAMP = 1,
  USL_BOUNDARY_CONSTANT = 2,
  USL_BOUNDARY_MIRROR = 3,
} UslBoundary;

#ifdef __cplusplus
}
#endif

#endif /* USL_PIPELINE_H */
