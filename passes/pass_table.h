/*===- pass_table.h - the UslPassInfo of each pass -----------------------===*/

#ifndef USL_PASSES_PASS_TABLE_H
#define USL_PASSES_PASS_TABLE_H

#include "usl/passes.h"

extern const UslPassInfo uslConvertSloopToScfPass; /* conversion/sloop_to_scf.c */
extern const UslPassInfo uslLowerPipelinePass;     /* conversion/pipeline_to_sloop.c */
extern const UslPassInfo uslLowerRvmPass;          /* conversion/lower_rvm.c */
extern const UslPassInfo uslRvmAllocateTilesPass;  /* conversion/rvm_to_llvm.c */
extern const UslPassInfo uslConvertRvmPass;        /* conversion/rvm_to_llvm.c */
MlirPass uslCreateConvertRvmPass(bool emulate);
extern const UslPassInfo uslLowerAvx512Pass;       /* conversion/avx512.c */
extern const UslPassInfo uslConvertAvx512Pass;
extern const UslPassInfo uslPartitionLoopsPass;    /* conversion/partition_loops.c */
extern const UslPassInfo uslDissolveAllocaScopesPass; /* conversion/dissolve_alloca_scopes.c */
extern const UslPassInfo uslCheckParallelPass;     /* conversion/check_parallel.c */
extern const UslPassInfo uslLowerToLLVMPipeline;   /* conversion/pipelines.c */
extern const UslPassInfo uslLowerToUpstreamPipeline; /* conversion/pipelines.c */
extern const UslPassInfo uslImportLinalgPipeline;  /* conversion/linalg_import.c */
extern const UslPassInfo uslConvertLinalgToSloopPass; /* conversion/linalg_import.c */

/* Schedule directives (passes/<name>.c). */
extern const UslPassInfo uslSplitPass;
extern const UslPassInfo uslTilePass;
extern const UslPassInfo uslReorderPass;
extern const UslPassInfo uslFissionPass;
extern const UslPassInfo uslFusePass;
extern const UslPassInfo uslUnrollPass;
extern const UslPassInfo uslParallelizePass;
extern const UslPassInfo uslVectorizePass;
extern const UslPassInfo uslStageMemPass;
extern const UslPassInfo uslSetMemoryPass;
extern const UslPassInfo uslDivideDimPass;
extern const UslPassInfo uslLiftAllocPass;
extern const UslPassInfo uslExpandDimPass;
extern const UslPassInfo uslSimplifyPass;
extern const UslPassInfo uslHoistPass;
extern const UslPassInfo uslComputeAtPass;
extern const UslPassInfo uslApplySchedulePass;
extern const UslPassInfo uslLiftScopePass;
extern const UslPassInfo uslRemoveLoopPass;
extern const UslPassInfo uslUnrollBufferPass;
extern const UslPassInfo uslReuseBufferPass;
extern const UslPassInfo uslRearrangeDimPass;

#endif
