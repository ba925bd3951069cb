/*===- fuzz_parse.c - parsing and verifying USL IR ------------------------===*
 *
 * Any bytes: parsed as a module with every USL and upstream dialect,
 * verified (the ODS and C++ verifiers of sloop, tmem, pipeline, rvm,
 * avx512), printed back and parsed again.
 *
 *===---------------------------------------------------------------------===*/

#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

typedef struct Text {
  char *data;
  size_t size;
} Text;

static void append(MlirStringRef s, void *userData) {
  Text *t = userData;
  t->data = realloc(t->data, t->size + s.length + 1);
  memcpy(t->data + t->size, s.data, s.length);
  t->size += s.length;
  t->data[t->size] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MlirModule m = uslFuzzParse(data, size);
  if (mlirModuleIsNull(m))
    return 0;
  Text printed = {0};
  mlirOperationPrint(mlirModuleGetOperation(m), append, &printed);
  mlirModuleDestroy(m);
  if (!printed.data)
    return 0;
  /* What USL prints, it reads back: a verified module round-trips. */
  MlirModule again = uslFuzzParse((const uint8_t *)printed.data, printed.size);
  if (mlirModuleIsNull(again))
    abort();
  mlirModuleDestroy(again);
  free(printed.data);
  return 0;
}
