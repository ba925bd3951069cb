//===- pipelines.c - usl-lower-to-llvm: from scheduled loops to LLVM -----===//
//
// The whole way down as one named pipeline:
//   convert-sloop-to-scf (USL)  scheduled loops, tile memory -> scf/memref
//   [convert-scf-to-openmp]     par loops -> OpenMP threads (openmp=true),
//   [usl-dissolve-alloca-scopes]  minus the stack scopes cf cannot lower
//   lower-affine                affine.apply -> arith
//   convert-scf-to-cf           remaining loops -> branches
//   expand-strided-metadata     windows -> pointer arithmetic
//   convert-*-to-llvm           the llvm dialect, ready for translation
//
//===----------------------------------------------------------------------===//

#include "../passes/pass_table.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct LowerOptions {
  bool openmp;
} LowerOptions;

static const LowerOptions defaults = {.openmp = false};

static const UslOptionSpec options[] = {
    {"openmp", USL_OPTION_BOOL, offsetof(LowerOptions, openmp),
     "run par loops on threads through OpenMP", 0, 0},
};

static void ignoreError(MlirStringRef message, void *userData) {
  (void)message;
  (void)userData;
}

static MlirLogicalResult addPipeline(MlirOpPassManager pm, const char *text) {
  return mlirOpPassManagerAddPipeline(pm, mlirStringRefCreateFromCString(text),
                                      ignoreError, NULL);
}

static void addFuncPass(MlirOpPassManager pm, const UslPassInfo *info) {
  MlirOpPassManager funcPm = mlirOpPassManagerGetNestedUnder(
      pm, mlirStringRefCreateFromCString("func.func"));
  mlirOpPassManagerAddOwnedPass(funcPm, uslCreatePass(info, info->defaults));
}

static MlirLogicalResult build(MlirOpPassManager pm, const void *opaque) {
  const LowerOptions *o = opaque;
  addFuncPass(pm, &uslConvertSloopToScfPass);
  if (o->openmp) {
    if (mlirLogicalResultIsFailure(addPipeline(pm, "convert-scf-to-openmp")))
      return mlirLogicalResultFailure();
    addFuncPass(pm, &uslDissolveAllocaScopesPass);
  }
  char rest[512];
  snprintf(rest, sizeof rest,
           "lower-affine,convert-scf-to-cf,expand-strided-metadata,"
           "lower-affine,finalize-memref-to-llvm,convert-math-to-llvm,"
           "convert-arith-to-llvm,convert-index-to-llvm,convert-cf-to-llvm,"
           "%sconvert-func-to-llvm,reconcile-unrealized-casts",
           o->openmp ? "convert-openmp-to-llvm," : "");
  return addPipeline(pm, rest);
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
