/* Tests the USL C API the way an embedder uses it: a context prepared for
 * USL, a loop nest built with the sloop builders, read back through the
 * accessors, verified, and lowered by a USL pass added by name with options.
 */
// RUN: usl-capi-sloop | FileCheck %s

#include "usl/dialects.h"
#include "usl/passes.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Pass.h"

#include <stdio.h>
#include <stdlib.h>

static void printToStdout(MlirStringRef s, void *userData) {
  (void)userData;
  fwrite(s.data, 1, s.length, stdout);
}

static void printModule(MlirModule module) {
  mlirOperationPrint(mlirModuleGetOperation(module), printToStdout, NULL);
  printf("\n");
}

/* func @sum: S[0] += A[i] for i < 8, built op by op. */
static MlirModule buildSum(MlirContext ctx) {
  MlirModule module = mlirModuleCreateParse(
      ctx, mlirStringRefCreateFromCString(
               "func.func @sum(%A: memref<8xf32>, %S: memref<1xf32>) {\n"
               "  return\n"
               "}\n"));
  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  MlirValue A = mlirBlockGetArgument(entry, 0);
  MlirValue S = mlirBlockGetArgument(entry, 1);
  MlirLocation loc = mlirLocationUnknownGet(ctx);

  MlirOperation loop = uslForCreateConstant(
      loc, 0, 8, 1, mlirStringRefCreateFromCString("i"), USL_LOOP_SEQ);
  mlirBlockInsertOwnedOperationBefore(entry, mlirBlockGetTerminator(entry),
                                      loop);
  MlirBlock body = uslForGetBody(loop);
  MlirOperation yield = mlirBlockGetTerminator(body);
  MlirValue iv = uslForGetInductionVar(loop);

  MlirAffineMap identity = mlirAffineMapMultiDimIdentityGet(ctx, 1);
  MlirOperation load = uslLoadCreate(loc, A, identity, &iv);
  mlirBlockInsertOwnedOperationBefore(body, yield, load);
  MlirAffineExpr zero = mlirAffineConstantExprGet(ctx, 0);
  MlirAffineMap first = mlirAffineMapGet(ctx, 0, 0, 1, &zero);
  MlirOperation reduce = uslReduceCreate(
      loc, USL_REDUCE_ADD, mlirOperationGetResult(load, 0), S, first, NULL);
  mlirBlockInsertOwnedOperationBefore(body, yield, reduce);
  return module;
}

static void printError(const char *what, MlirOpPassManager pm,
                       const char *pass, const char *options) {
  char error[256] = "";
  bool ok = uslAddPass(pm, pass, options, error, sizeof error);
  printf("%s: %s %s\n", what, ok ? "accepted" : "rejected:", error);
}

int main(void) {
  MlirContext ctx = mlirContextCreate();
  uslContextPrepare(ctx);
  MlirModule module = buildSum(ctx);

  // CHECK: verified: 1
  printf("verified: %d\n",
         mlirOperationVerify(mlirModuleGetOperation(module)));
  // CHECK-LABEL: func.func @sum
  // CHECK: sloop.for %i = 0 to 8 {
  // CHECK:   %[[A:.*]] = sloop.load %{{.*}}[%i] : memref<8xf32>
  // CHECK:   sloop.reduce add %[[A]], %{{.*}}[0] : memref<1xf32>
  printModule(module);

  // CHECK: loop 'i': kind 0, step 1, bounds [0, 8)
  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  MlirOperation loop = mlirBlockGetFirstOperation(
      mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)));
  MlirStringRef name = uslForGetName(loop);
  int64_t lb, ub;
  uslForGetConstantBounds(loop, &lb, &ub);
  printf("loop '%.*s': kind %d, step %lld, bounds [%lld, %lld)\n",
         (int)name.length, name.data, uslForGetKind(loop),
         (long long)uslForGetStep(loop), (long long)lb, (long long)ub);
  // CHECK: after set kind: sloop.for %i = 0 to 8 par
  uslForSetKind(loop, USL_LOOP_PAR);
  printf("after set kind: ");
  mlirOperationPrint(loop, printToStdout, NULL);
  printf("\n");
  uslForSetKind(loop, USL_LOOP_SEQ);

  MlirPassManager pm = mlirPassManagerCreateOnOperation(
      ctx, mlirStringRefCreateFromCString("builtin.module"));
  MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager(pm);
  // CHECK: unknown pass: rejected: unknown USL pass 'tile-everything'
  printError("unknown pass", opm, "tile-everything", "");
  // CHECK: bad option: rejected: unknown option 'fast' for 'convert-sloop-to-scf'; it takes no options
  printError("bad option", opm, "convert-sloop-to-scf", "fast=1");
  // CHECK: bad value: rejected: option 'openmp' of 'usl-lower-to-llvm' expects true or false, got '2'
  printError("bad value", opm, "usl-lower-to-llvm", "openmp=2");
  // CHECK: conversion: accepted
  printError("conversion", opm, "convert-sloop-to-scf", "");

  // CHECK: ran: 1
  printf("ran: %d\n", mlirLogicalResultIsSuccess(mlirPassManagerRunOnOp(
                          pm, mlirModuleGetOperation(module))));
  // CHECK-LABEL: func.func @sum
  // CHECK: scf.for
  // CHECK: memref.load
  // CHECK: arith.addf
  // CHECK: memref.store
  // CHECK-NOT: sloop.
  printModule(module);

  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  return 0;
}
