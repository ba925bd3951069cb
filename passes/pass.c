/*===- pass.c - a USL pass as an MLIR external pass ----------------------===*
 *
 * Wraps a table entry and a copy of its options into an MLIR pass. Each clone
 * (one per thread when passes run on functions in parallel) owns its own copy
 * of the options; nothing is shared or mutable.
 *
 *===---------------------------------------------------------------------===*/

#include "usl/passes.h"

#include "mlir-c/Support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct PassData {
  const UslPassInfo *info;
  void *options;
} PassData;

static PassData *newPassData(const UslPassInfo *info, const void *options) {
  PassData *data = malloc(sizeof *data);
  data->info = info;
  data->options = malloc(info->optionsSize ? info->optionsSize : 1);
  memcpy(data->options, options, info->optionsSize);
  return data;
}

static void construct(void *userData) { (void)userData; }

static void destruct(void *userData) {
  PassData *data = userData;
  free(data->options);
  free(data);
}

static MlirLogicalResult initialize(MlirContext ctx, void *userData) {
  (void)ctx;
  (void)userData;
  return mlirLogicalResultSuccess();
}

static void *clonePass(void *userData) {
  PassData *data = userData;
  return newPassData(data->info, data->options);
}

static void runPass(MlirOperation op, MlirExternalPass pass, void *userData) {
  PassData *data = userData;
  /* A function declaration (func.func private @f(...) without a body) has
   * nothing for a pass on functions to do. */
  if (mlirOperationGetNumRegions(op) == 1 &&
      !mlirRegionIsNull(mlirOperationGetRegion(op, 0)) &&
      mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0))))
    return;
  if (mlirLogicalResultIsFailure(data->info->run(op, data->options)))
    mlirExternalPassSignalFailure(pass);
}

MlirPass uslCreatePass(const UslPassInfo *info, const void *options) {
  MlirDialectHandle deps[8];
  intptr_t numDeps = info->dependentDialects ? info->dependentDialects(deps) : 0;
  MlirExternalPassCallbacks callbacks = {construct, destruct, initialize,
                                         clonePass, runPass};
  MlirStringRef argument = mlirStringRefCreateFromCString(info->argument);
  return mlirCreateExternalPass(
      mlirTypeIDCreate(info), argument, argument,
      mlirStringRefCreateFromCString(info->summary),
      mlirStringRefCreateFromCString(info->anchor), numDeps, deps, callbacks,
      newPassData(info, options));
}

static bool nameIs(MlirStringRef s, const char *name) {
  return s.length == strlen(name) && memcmp(s.data, name, s.length) == 0;
}

typedef struct StringBuffer {
  char text[64];
  size_t length;
} StringBuffer;

static void appendString(MlirStringRef s, void *userData) {
  StringBuffer *b = userData;
  size_t n = s.length < sizeof b->text - 1 - b->length
                 ? s.length
                 : sizeof b->text - 1 - b->length;
  memcpy(b->text + b->length, s.data, n);
  b->length += n;
  b->text[b->length] = '\0';
}

MlirLogicalResult uslAddPassToManager(MlirOpPassManager pm,
                                      const UslPassInfo *info,
                                      const void *options) {
  /* The anchor of `pm` decides whether the pass must be nested. */
  StringBuffer anchor = {.length = 0};
  mlirPrintPassPipeline(pm, appendString, &anchor);
  /* mlirPrintPassPipeline prints "anchor(...)"; keep the anchor name. */
  char *paren = strchr(anchor.text, '(');
  if (paren)
    *paren = '\0';
  anchor.length = strlen(anchor.text);
  MlirOpPassManager target = pm;
  bool anyAnchor = nameIs((MlirStringRef){anchor.text, anchor.length}, "any");
  if (!anyAnchor &&
      !nameIs((MlirStringRef){anchor.text, anchor.length}, info->anchor)) {
    if (strcmp(info->anchor, "builtin.module") == 0)
      return mlirLogicalResultFailure();
    target = mlirOpPassManagerGetNestedUnder(
        pm, mlirStringRefCreateFromCString(info->anchor));
  }
  if (info->build)
    return info->build(target, options);
  mlirOpPassManagerAddOwnedPass(target, uslCreatePass(info, options));
  return mlirLogicalResultSuccess();
}

bool uslAddPass(MlirOpPassManager pm, const char *argument,
                const char *options, char *error, size_t errorSize) {
  const UslPassInfo *info =
      uslLookupPass(mlirStringRefCreateFromCString(argument));
  if (!info) {
    snprintf(error, errorSize, "unknown USL pass '%s'", argument);
    return false;
  }
  void *parsed = malloc(info->optionsSize ? info->optionsSize : 1);
  memcpy(parsed, info->defaults, info->optionsSize);
  bool ok = uslParsePassOptions(
      info, mlirStringRefCreateFromCString(options ? options : ""), parsed,
      error, errorSize);
  if (ok && mlirLogicalResultIsFailure(uslAddPassToManager(pm, info, parsed))) {
    snprintf(error, errorSize, "'%s' runs on '%s' and cannot be nested here",
             argument, info->anchor);
    ok = false;
  }
  free(parsed);
  return ok;
}
