/*===- fuzz_common.c - the shared context of the fuzz targets -------------===*/

#include "fuzz_common.h"

#include "usl/dialects.h"

#include "mlir-c/Diagnostics.h"

#include <stdlib.h>
#include <string.h>

static MlirLogicalResult swallow(MlirDiagnostic d, void *userData) {
  (void)d;
  (void)userData;
  return mlirLogicalResultSuccess();
}

MlirContext uslFuzzContext(void) {
  static MlirContext ctx = {NULL};
  if (!ctx.ptr) {
    ctx = mlirContextCreateWithThreading(false);
    uslContextPrepare(ctx);
    mlirContextAttachDiagnosticHandler(ctx, swallow, NULL, NULL);
  }
  return ctx;
}

MlirModule uslFuzzParse(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  memcpy(text, data, size);
  text[size] = '\0';
  MlirModule m = mlirModuleCreateParse(uslFuzzContext(),
                                       mlirStringRefCreate(text, strlen(text)));
  free(text);
  if (!mlirModuleIsNull(m) &&
      !mlirOperationVerify(mlirModuleGetOperation(m))) {
    mlirModuleDestroy(m);
    return (MlirModule){NULL};
  }
  return m;
}
