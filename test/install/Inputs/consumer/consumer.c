/* An ML compiler embedding USL through its installed C API: its own context
 * and pass manager, USL passes added by name (tile, lower-rvm,
 * usl-lower-to-llvm with the RVM emulator), and a JIT run of the result
 * checked against C.
 *
 *   usl-consumer FILE.mlir   (a func @matmul: C = A B, i32 16x12 * 12x8)
 */

#include "usl/usl.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/ExecutionEngine.h"
#include "mlir-c/Pass.h"
#include "mlir-c/RegisterEverything.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { M = 16, K = 12, N = 8 };

/* A 2-d memref as the JIT's C interface passes it. */
typedef struct Memref2D {
  int32_t *allocated, *aligned;
  int64_t offset, sizes[2], strides[2];
} Memref2D;

static Memref2D memrefOf(int32_t *data, int64_t rows, int64_t cols) {
  return (Memref2D){data, data, 0, {rows, cols}, {cols, 1}};
}

static MlirModule parseFile(MlirContext ctx, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "usl-consumer: cannot open %s\n", path);
    return (MlirModule){NULL};
  }
  static char text[1 << 16];
  size_t n = fread(text, 1, sizeof text - 1, f);
  fclose(f);
  text[n] = '\0';
  return mlirModuleCreateParse(ctx, mlirStringRefCreate(text, n));
}

static bool addPass(MlirOpPassManager pm, const char *name,
                    const char *options) {
  char error[512];
  if (uslAddPass(pm, name, options, error, sizeof error))
    return true;
  fprintf(stderr, "usl-consumer: %s\n", error);
  return false;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: usl-consumer FILE.mlir\n");
    return 2;
  }
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  uslRegisterDialects(registry);
  MlirContext ctx = mlirContextCreateWithRegistry(registry, false);
  mlirDialectRegistryDestroy(registry);
  mlirRegisterAllLLVMTranslations(ctx);
  mlirContextLoadAllAvailableDialects(ctx);

  int status = 1;
  MlirModule module = parseFile(ctx, argv[1]);
  if (mlirModuleIsNull(module))
    goto done;
  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  mlirOperationSetAttributeByName(
      func, mlirStringRefCreateFromCString("llvm.emit_c_interface"),
      mlirUnitAttrGet(ctx));

  MlirPassManager pm = mlirPassManagerCreate(ctx);
  MlirOpPassManager top = mlirPassManagerGetAsOpPassManager(pm);
  bool added = addPass(top, "tile", "") && addPass(top, "lower-rvm", "") &&
               addPass(top, "usl-lower-to-llvm", "rvm-emulate");
  MlirLogicalResult ran =
      added ? mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))
            : mlirLogicalResultFailure();
  mlirPassManagerDestroy(pm);
  if (mlirLogicalResultIsFailure(ran)) {
    fprintf(stderr, "usl-consumer: the passes failed\n");
    goto done;
  }

  MlirExecutionEngine jit =
      mlirExecutionEngineCreate(module, 2, 0, NULL, false, false);
  if (mlirExecutionEngineIsNull(jit)) {
    fprintf(stderr, "usl-consumer: the JIT could not compile the module\n");
    goto done;
  }
  uslRegisterRuntimeSymbols(jit);
  mlirExecutionEngineInitialize(jit);
  void (*matmul)(Memref2D *, Memref2D *, Memref2D *) =
      (void (*)(Memref2D *, Memref2D *, Memref2D *))(uintptr_t)
          mlirExecutionEngineLookup(
              jit, mlirStringRefCreateFromCString("_mlir_ciface_matmul"));
  if (!matmul) {
    fprintf(stderr, "usl-consumer: no _mlir_ciface_matmul\n");
    mlirExecutionEngineDestroy(jit);
    goto done;
  }

  static int32_t a[M][K], b[K][N], c[M][N];
  for (int i = 0; i < M; ++i)
    for (int k = 0; k < K; ++k)
      a[i][k] = (i * 7 + k * 3) % 19 - 9;
  for (int k = 0; k < K; ++k)
    for (int j = 0; j < N; ++j)
      b[k][j] = (k * 5 + j * 11) % 23 - 11;
  Memref2D ma = memrefOf(&a[0][0], M, K), mb = memrefOf(&b[0][0], K, N),
           mc = memrefOf(&c[0][0], M, N);
  uslRvmEmulatorReset();
  matmul(&ma, &mb, &mc);
  int wrong = 0;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      int32_t sum = 0;
      for (int k = 0; k < K; ++k)
        sum += a[i][k] * b[k][j];
      wrong += c[i][j] != sum;
    }
  printf("usl-consumer: %d of %d elements wrong, %llu RVM instructions\n",
         wrong, M * N, (unsigned long long)uslRvmEmulatorInstructionCount());
  mlirExecutionEngineDestroy(jit);
  status = wrong != 0;

done:
  if (!mlirModuleIsNull(module))
    mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  return status;
}
