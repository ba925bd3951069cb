/*===- registry.c - the table of every USL pass --------------------------===*
 *
 * One line per pass or pipeline; each entry is defined next to its code.
 * Adding a pass: define its UslPassInfo in its file, declare it in
 * passes/pass_table.h and list it here.
 *
 *===---------------------------------------------------------------------===*/

#include "pass_table.h"

#include <string.h>

static const UslPassInfo *const passes[] = {
    &uslLowerPipelinePass,
    &uslPartitionLoopsPass,
    &uslLowerRvmPass,
    &uslRvmAllocateTilesPass,
    &uslConvertRvmPass,
    &uslLowerAvx512Pass,
    &uslConvertAvx512Pass,
    &uslConvertSloopToScfPass,
    &uslDissolveAllocaScopesPass,
    &uslCheckParallelPass,
    &uslLowerToLLVMPipeline,
    &uslLowerToUpstreamPipeline,
    &uslImportLinalgPipeline,
    &uslConvertLinalgToSloopPass,
    &uslSplitPass,
    &uslTilePass,
    &uslReorderPass,
    &uslFissionPass,
    &uslFusePass,
    &uslUnrollPass,
    &uslParallelizePass,
    &uslVectorizePass,
    &uslStageMemPass,
    &uslSetMemoryPass,
    &uslLiftAllocPass,
    &uslExpandDimPass,
    &uslDivideDimPass,
    &uslSimplifyPass,
    &uslHoistPass,
    &uslComputeAtPass,
    &uslApplySchedulePass,
    &uslLiftScopePass,
    &uslRemoveLoopPass,
    &uslUnrollBufferPass,
    &uslReuseBufferPass,
    &uslRearrangeDimPass,
};

const UslPassInfo *const *uslGetPasses(size_t *count) {
  *count = sizeof passes / sizeof passes[0];
  return passes;
}

const UslPassInfo *uslLookupPass(MlirStringRef argument) {
  for (size_t i = 0; i < sizeof passes / sizeof passes[0]; ++i)
    if (strlen(passes[i]->argument) == argument.length &&
        memcmp(passes[i]->argument, argument.data, argument.length) == 0)
      return passes[i];
  return NULL;
}
