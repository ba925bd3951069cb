/*===- fuzz_options.c - pass option strings --------------------------------===*
 *
 * Input: a pass name, a NUL byte, an option string. The name is looked up
 * (a byte picks a pass when it is unknown) and the options parsed into the
 * pass's struct, then added to a pass manager: every answer is a parsed
 * struct or an error message.
 *
 *===---------------------------------------------------------------------===*/

#include "fuzz_common.h"

#include "usl/passes.h"

#include "mlir-c/Pass.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *nul = memchr(data, 0, size);
  size_t nameLength = nul ? (size_t)(nul - data) : 0;
  const char *text = nul ? (const char *)nul + 1 : (const char *)data;
  size_t textLength = nul ? size - nameLength - 1 : size;

  size_t count;
  const UslPassInfo *const *passes = uslGetPasses(&count);
  const UslPassInfo *info =
      uslLookupPass(mlirStringRefCreate((const char *)data, nameLength));
  if (!info)
    info = passes[(size ? data[0] : 0) % count];

  char *options = malloc(textLength + 1);
  memcpy(options, text, textLength);
  options[textLength] = '\0';
  void *parsed = malloc(info->optionsSize + 1);
  memcpy(parsed, info->defaults, info->optionsSize);
  char error[512];
  uslParsePassOptions(info, mlirStringRefCreate(options, strlen(options)),
                      parsed, error, sizeof error);
  free(parsed);

  MlirPassManager pm = mlirPassManagerCreate(uslFuzzContext());
  uslAddPass(mlirPassManagerGetAsOpPassManager(pm), info->argument, options,
             error, sizeof error);
  mlirPassManagerDestroy(pm);
  free(options);
  return 0;
}
