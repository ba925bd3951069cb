/*===- fuzz_passes.c - every USL pass on arbitrary verified IR ------------===*
 *
 * Input: a first line `--PASS=OPTIONS` (or `--PASS`), then a module. When
 * the module parses and verifies and the pass and options are accepted, the
 * pass runs: it may succeed or fail with an error, never crash, trip a
 * sanitizer or run out of time.
 *
 *===---------------------------------------------------------------------===*/

#include "fuzz_common.h"

#include "usl/passes.h"

#include "mlir-c/Pass.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *eol = memchr(data, '\n', size);
  if (!eol || size < 3 || data[0] != '-' || data[1] != '-')
    return 0;
  size_t lineLength = (size_t)(eol - data);
  char *line = malloc(lineLength + 1);
  memcpy(line, data + 2, lineLength - 2);
  line[lineLength - 2] = '\0';
  char *options = strchr(line, '=');
  if (options)
    *options++ = '\0';
  /* Quotes around the options, as on a command line. */
  if (options && options[0] == '"') {
    ++options;
    char *end = strrchr(options, '"');
    if (end)
      *end = '\0';
  }
  const UslPassInfo *info = uslLookupPass(mlirStringRefCreateFromCString(line));
  if (!info) {
    free(line);
    return 0;
  }

  MlirModule m = uslFuzzParse(eol + 1, size - lineLength - 1);
  if (!mlirModuleIsNull(m)) {
    MlirPassManager pm = mlirPassManagerCreate(uslFuzzContext());
    char error[512];
    if (uslAddPass(mlirPassManagerGetAsOpPassManager(pm), line,
                   options ? options : "", error, sizeof error)) {
      /* Success or an error are both fine; the pass manager verifies what
       * a pass leaves and fails when it does not verify. */
      mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(m));
    }
    mlirPassManagerDestroy(pm);
    mlirModuleDestroy(m);
  }
  free(line);
  return 0;
}
