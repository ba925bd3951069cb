//===- pipelines.c - usl-lower-to-llvm and usl-lower-to-upstream ---------===//
//
// The whole way down as one named pipeline (usl-lower-to-upstream stops
// after the USL steps, at upstream scf/memref/vector/arith/affine and omp,
// for another compiler or stock mlir-opt to take on):
//   lower-pipeline (USL)        pipelines -> scheduled loops
//   apply-schedule (USL)        the directives functions carry (usl.schedule)
//   partition-loops (USL)       steady states without edge guards, clamps
//   convert-rvm (USL)           tile registers; RVM ops -> .insn / emulator
//   convert-sloop-to-scf (USL)  scheduled loops, tile memory -> scf/memref
//   [convert-scf-to-openmp]     par loops -> OpenMP threads (openmp=true),
//   [usl-dissolve-alloca-scopes]  minus the stack scopes cf cannot lower
//   ---- usl-lower-to-upstream ends here ----
//   lower-affine                affine.apply -> arith
//   convert-scf-to-cf           remaining loops -> branches
//   expand-strided-metadata     windows -> pointer arithmetic
//   convert-vector-to-llvm      vec loops' vector ops -> LLVM vectors
//   convert-*-to-llvm           the llvm dialect, ready for translation
//
//===----------------------------------------------------------------------===//

#include "../passes/pass_table.h"
#include "usl/conversion.h"

#include "mlir-c/Conversion.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.capi.h.inc"

#include <stdbool.h>

typedef struct LowerOptions {
  bool openmp;
  bool rvmEmulate;
} LowerOptions;

static const LowerOptions defaults = {.openmp = false, .rvmEmulate = false};

static const UslOptionSpec options[] = {
    {"openmp", USL_OPTION_BOOL, offsetof(LowerOptions, openmp),
     "run par loops on threads through OpenMP", 0, 0},
    {"rvm-emulate", USL_OPTION_BOOL, offsetof(LowerOptions, rvmEmulate),
     "RVM instructions call the emulator instead of being emitted", 0, 0},
};

static void add(MlirOpPassManager pm, MlirPass pass) {
  mlirOpPassManagerAddOwnedPass(pm, pass);
}

static void addFuncPass(MlirOpPassManager pm, const UslPassInfo *info) {
  MlirOpPassManager funcPm = mlirOpPassManagerGetNestedUnder(
      pm, mlirStringRefCreateFromCString("func.func"));
  add(funcPm, uslCreatePass(info, info->defaults));
}

/* The passes are created directly rather than parsed from a pipeline string,
 * so the pipeline works without MLIR's global pass registry. */
static MlirLogicalResult buildToUpstream(MlirOpPassManager pm,
                                         const void *opaque) {
  const LowerOptions *o = opaque;
  addFuncPass(pm, &uslLowerPipelinePass);
  add(pm, uslCreatePass(&uslApplySchedulePass,
                         uslApplySchedulePass.defaults));
  addFuncPass(pm, &uslCheckParallelPass);
  addFuncPass(pm, &uslPartitionLoopsPass);
  add(pm, uslCreateConvertRvmPass(o->rvmEmulate));
  addFuncPass(pm, &uslConvertAvx512Pass);
  addFuncPass(pm, &uslConvertSloopToScfPass);
  if (o->openmp)
    add(pm, mlirCreateConversionConvertSCFToOpenMPPass());
  addFuncPass(pm, &uslDissolveAllocaScopesPass);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult build(MlirOpPassManager pm, const void *opaque) {
  const LowerOptions *o = opaque;
  buildToUpstream(pm, opaque);
  add(pm, mlirCreateConversionLowerAffinePass());
  add(pm, mlirCreateConversionSCFToControlFlowPass());
  add(pm, mlirCreateMemRefExpandStridedMetadataPass());
  add(pm, mlirCreateConversionLowerAffinePass());
  add(pm, mlirCreateConversionConvertVectorToLLVMPass());
  add(pm, mlirCreateConversionFinalizeMemRefToLLVMConversionPass());
  add(pm, mlirCreateConversionConvertMathToLLVMPass());
  add(pm, mlirCreateConversionArithToLLVMConversionPass());
  add(pm, mlirCreateConversionConvertIndexToLLVMPass());
  add(pm, mlirCreateConversionConvertControlFlowToLLVMPass());
  if (o->openmp)
    add(pm, mlirCreateConversionConvertOpenMPToLLVMPass());
  add(pm, mlirCreateConversionConvertFuncToLLVMPass());
  add(pm, mlirCreateConversionReconcileUnrealizedCastsPass());
  return mlirLogicalResultSuccess();
}

const UslPassInfo uslLowerToLLVMPipeline = {
    .argument = "usl-lower-to-llvm",
    .summary = "lower scheduled loops and tile memory all the way to the llvm "
               "dialect",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(LowerOptions),
    .defaults = &defaults,
    .build = build,
};

const UslPassInfo uslLowerToUpstreamPipeline = {
    .argument = "usl-lower-to-upstream",
    .summary = "lower every USL dialect, leaving only upstream dialects "
               "(scf, memref, vector, arith, affine, omp) for other compilers",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(LowerOptions),
    .defaults = &defaults,
    .build = buildToUpstream,
};

MlirLogicalResult uslLowerModuleToLLVM(MlirModule module, bool openmp) {
  UslLowerOptions o = {.openmp = openmp};
  return uslLowerModuleToLLVMWithOptions(module, &o);
}

MlirLogicalResult uslLowerModuleToLLVMWithOptions(MlirModule module,
                                                  const UslLowerOptions *opts) {
  MlirContext ctx = mlirModuleGetContext(module);
  MlirPassManager pm = mlirPassManagerCreateOnOperation(
      ctx, mlirStringRefCreateFromCString("builtin.module"));
  LowerOptions o = {.openmp = opts->openmp, .rvmEmulate = opts->rvmEmulate};
  MlirLogicalResult result =
      build(mlirPassManagerGetAsOpPassManager(pm), &o);
  if (mlirLogicalResultIsSuccess(result))
    result = mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module));
  mlirPassManagerDestroy(pm);
  return result;
}
