/* Tests the C API of schedule directives and instruction libraries the way
 * an embedder scheduling its own IR uses it: directives applied to ops
 * (split, stage-mem, set-memory), a rejected directive that reports one
 * error and changes nothing, AVX-512 instruction selection, and the
 * built-in instruction libraries.
 */
// RUN: usl-capi-schedule | FileCheck %s

#include "usl/usl.h"

#include "mlir-c/Diagnostics.h"

#include <stdio.h>
#include <string.h>

static void printToStdout(MlirStringRef s, void *userData) {
  (void)userData;
  fwrite(s.data, 1, s.length, stdout);
}

static MlirLogicalResult printDiagnostic(MlirDiagnostic d, void *userData) {
  (void)userData;
  printf("diagnostic: ");
  mlirDiagnosticPrint(d, printToStdout, NULL);
  printf("\n");
  return mlirLogicalResultSuccess();
}

static MlirStringRef str(const char *s) {
  return mlirStringRefCreateFromCString(s);
}

static const char *const program =
    "func.func @vadd(%x: memref<64xf32> {sloop.name = \"x\"},\n"
    "                %y: memref<64xf32> {sloop.name = \"y\"}) {\n"
    "  sloop.for %i = 0 to 64 {\n"
    "    %a = sloop.load %x[%i] : memref<64xf32>\n"
    "    %b = sloop.load %y[%i] : memref<64xf32>\n"
    "    %s = arith.addf %a, %b : f32\n"
    "    sloop.store %s, %y[%i] : memref<64xf32>\n"
    "  }\n"
    "  return\n"
    "}\n";

/* The sloop.alloc named `name` in `func`'s body (first level or in the
 * first loop), or a null op. */
static MlirOperation findAlloc(MlirOperation root, const char *name) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(root, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (uslOpIs(op, USL_SLOOP_ALLOC)) {
      MlirStringRef n = uslAllocGetName(op);
      if (n.length == strlen(name) && !memcmp(n.data, name, n.length))
        return op;
    }
    if (uslOpIs(op, USL_SLOOP_FOR)) {
      MlirOperation inner = findAlloc(op, name);
      if (!mlirOperationIsNull(inner))
        return inner;
    }
  }
  return (MlirOperation){NULL};
}

int main(void) {
  MlirContext ctx = mlirContextCreate();
  uslContextPrepare(ctx);
  mlirContextAttachDiagnosticHandler(ctx, printDiagnostic, NULL, NULL);
  MlirModule module = mlirModuleCreateParse(ctx, str(program));
  MlirOperation moduleOp = mlirModuleGetOperation(module);
  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  MlirValue x = mlirBlockGetArgument(entry, 0);
  MlirValue y = mlirBlockGetArgument(entry, 1);

  // A split the trip count does not allow: one error, nothing changed.
  // CHECK: diagnostic: cannot split loop 'i' by 5 with tail=perfect
  // CHECK: split by 5: failed, loop 'i' still there: 1
  MlirOperation i = uslFindLoop(moduleOp, str("i"), 0);
  MlirLogicalResult r = uslSplit(i, 5, USL_TAIL_PERFECT, str(""), str(""));
  printf("split by 5: %s, loop 'i' still there: %d\n",
         mlirLogicalResultIsFailure(r) ? "failed" : "applied",
         !mlirOperationIsNull(uslFindLoop(moduleOp, str("i"), 0)));

  // Split by 16, x and y staged into 16-lane registers per iteration of io.
  bool ok =
      mlirLogicalResultIsSuccess(
          uslSplit(i, 16, USL_TAIL_PERFECT, str(""), str(""))) &&
      mlirLogicalResultIsSuccess(uslStageMem(uslFindLoop(moduleOp, str("ii"), 0),
                                             false, x, str("xr"),
                                             USL_MEM_DRAM)) &&
      mlirLogicalResultIsSuccess(uslStageMem(uslFindLoop(moduleOp, str("ii"), 0),
                                             false, y, str("yr"),
                                             USL_MEM_DRAM)) &&
      mlirLogicalResultIsSuccess(
          uslSetMemory(findAlloc(func, "xr"), USL_MEM_AVX512)) &&
      mlirLogicalResultIsSuccess(
          uslSetMemory(findAlloc(func, "yr"), USL_MEM_AVX512));
  // CHECK: scheduled: 1
  printf("scheduled: %d\n", ok);

  // CHECK: unknown ISA: failed
  // CHECK: selected: 1
  printf("unknown ISA: %s\n",
         mlirLogicalResultIsFailure(
             uslSelectInstructionsFor(moduleOp, (UslIsa)7, NULL))
             ? "failed"
             : "applied");
  printf("selected: %d\n", mlirLogicalResultIsSuccess(uslSelectInstructionsFor(
                               moduleOp, USL_ISA_AVX512, NULL)));
  // CHECK:      sloop.for %io = 0 to 4 {
  // CHECK:        avx512.loadu %xr
  // CHECK:        avx512.loadu %yr
  // CHECK-NEXT:   avx512.add %yr, %xr, %yr
  // CHECK:        avx512.storeu %yr
  mlirOperationPrint(moduleOp, printToStdout, NULL);
  printf("\n");

  // The built-in libraries parse, each instruction a function.
  // CHECK: rvm library: {{[1-9][0-9]*}} instructions
  // CHECK: avx512 library: {{[1-9][0-9]*}} instructions
  const char *names[] = {"rvm", "avx512"};
  for (int isa = USL_ISA_RVM; isa <= USL_ISA_AVX512; ++isa) {
    MlirModule lib = mlirModuleCreateParse(
        ctx, str(uslInstructionLibrary((UslIsa)isa)));
    int count = 0;
    for (MlirOperation op = mlirBlockGetFirstOperation(mlirModuleGetBody(lib));
         !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
      count += !mlirAttributeIsNull(
          mlirOperationGetAttributeByName(op, str("usl.instruction")));
    printf("%s library: %d instructions\n", names[isa], count);
    mlirModuleDestroy(lib);
  }

  mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  return 0;
}
