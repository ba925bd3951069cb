//===- apply_schedule.c - the schedule a function carries -----------------===//
//
//   func.func @blur(...) attributes {usl.schedule = [
//       "tile loops=blury.x,blury.y sizes=32,256",
//       "compute-at buffer=blurx loop=blury.yo"]} { ... }
//
// Each entry is a directive and its options, as on the usl-opt command line
// without the dashes; they run in order on that function (`func=` is implied)
// and the attribute goes once they all have. So an algorithm and its schedule
// travel in one file, and the same entries work as usl-opt flags. A bad
// entry, or a directive that rejects its step, is an error at the function
// (or at the loop, from the directive) and stops the schedule.
//
//===----------------------------------------------------------------------===//

#include "directive.h"
#include "pass_table.h"
#include "support.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCHEDULE_ATTR "usl.schedule"

static MlirWalkResult collectScheduled(MlirOperation op, void *userData) {
  if (uslOpIs(op, "func.func") &&
      !mlirAttributeIsNull(mlirOperationGetDiscardableAttributeByName(
          op, mlirStringRefCreateFromCString(SCHEDULE_ATTR))))
    uslOpListPush(userData, op);
  return MlirWalkResultAdvance;
}

static bool hasOption(const UslPassInfo *info, const char *name) {
  for (size_t i = 0; i < info->numOptions; ++i)
    if (!strcmp(info->options[i].name, name))
      return true;
  return false;
}

/* Runs entry `text` of the schedule of `func` (named `name`). */
static MlirLogicalResult applyEntry(MlirOperation module, MlirOperation func,
                                    const char *name, MlirStringRef text,
                                    intptr_t index) {
  MlirLocation loc = mlirOperationGetLocation(func);
  size_t cut = 0;
  while (cut < text.length && text.data[cut] != ' ')
    ++cut;
  const UslPassInfo *info =
      uslLookupPass((MlirStringRef){text.data, cut});
  if (!info || !info->isDirective) {
    char known[1024] = "";
    size_t used = 0, count = 0;
    const UslPassInfo *const *all = uslGetPasses(&count);
    for (size_t i = 0; i < count && used < sizeof known; ++i)
      if (all[i]->isDirective)
        used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                                 used ? ", " : "", all[i]->argument);
    uslEmitErrorf(loc,
                  "entry %ld of the schedule of @%s: unknown directive "
                  "'%.*s'; directives are %s",
                  (long)index, name, (int)cut, text.data, known);
    return mlirLogicalResultFailure();
  }
  /* The options, with func= this function unless the entry says. */
  size_t size = text.length + USL_MAX_STRING_OPTION + 16;
  char *options = malloc(size);
  MlirStringRef rest = {text.data + cut, text.length - cut};
  bool addFunc = hasOption(info, "func") && !strstr(rest.data, "func=");
  snprintf(options, size, "%s%s%.*s", addFunc ? "func=" : "",
           addFunc ? name : "", (int)rest.length, rest.data);
  void *values = malloc(info->optionsSize ? info->optionsSize : 1);
  memcpy(values, info->defaults, info->optionsSize);
  char error[512];
  MlirLogicalResult result = mlirLogicalResultFailure();
  if (!uslParsePassOptions(info, mlirStringRefCreateFromCString(options),
                           values, error, sizeof error))
    uslEmitErrorf(loc, "entry %ld of the schedule of @%s: %s", (long)index,
                  name, error);
  else
    result = info->run(module, values);
  free(values);
  free(options);
  return result;
}

MlirLogicalResult uslApplyDirectiveText(MlirOperation module,
                                        MlirOperation func, const char *text) {
  MlirStringRef symbolName = uslFuncName(func);
  char name[USL_MAX_STRING_OPTION];
  snprintf(name, sizeof name, "%.*s", (int)symbolName.length, symbolName.data);
  return applyEntry(module, func, name, mlirStringRefCreateFromCString(text),
                    0);
}

/* The pass has no options. */
static const char noOptions = 0;

static MlirLogicalResult run(MlirOperation module, const void *options) {
  (void)options;
  UslOpList funcs = {0};
  mlirOperationWalk(module, collectScheduled, &funcs, MlirWalkPreOrder);
  MlirLogicalResult result = mlirLogicalResultSuccess();
  MlirStringRef attrName = mlirStringRefCreateFromCString(SCHEDULE_ATTR);
  for (size_t f = 0; f < funcs.size && mlirLogicalResultIsSuccess(result);
       ++f) {
    MlirOperation func = funcs.ops[f];
    MlirAttribute schedule =
        mlirOperationGetDiscardableAttributeByName(func, attrName);
    MlirStringRef symbolName = uslFuncName(func);
    char name[USL_MAX_STRING_OPTION];
    if (symbolName.length >= sizeof name) {
      uslEmitErrorf(mlirOperationGetLocation(func),
                    "a function with a schedule needs a name of at most %d "
                    "characters (directives name it with func=)",
                    (int)sizeof name - 1);
      result = mlirLogicalResultFailure();
      break;
    }
    snprintf(name, sizeof name, "%.*s", (int)symbolName.length,
             symbolName.data);
    bool wellFormed = mlirAttributeIsAArray(schedule);
    for (intptr_t i = 0; wellFormed && i < mlirArrayAttrGetNumElements(schedule);
         ++i)
      wellFormed = mlirAttributeIsAString(mlirArrayAttrGetElement(schedule, i));
    if (!wellFormed) {
      uslEmitErrorf(mlirOperationGetLocation(func),
                    "the schedule of @%s must be an array of strings, each a "
                    "directive and its options",
                    name);
      result = mlirLogicalResultFailure();
      break;
    }
    /* A directive that fails restores the function: find it by name for
     * each entry. Entries are copied to NUL-terminated strings. */
    intptr_t n = mlirArrayAttrGetNumElements(schedule);
    mlirOperationRemoveDiscardableAttributeByName(func, attrName);
    for (intptr_t i = 0; i < n && mlirLogicalResultIsSuccess(result); ++i) {
      MlirStringRef text =
          mlirStringAttrGetValue(mlirArrayAttrGetElement(schedule, i));
      char *copy = malloc(text.length + 1);
      memcpy(copy, text.data, text.length);
      copy[text.length] = '\0';
      func = uslFindFunc(module, mlirStringRefCreateFromCString(name));
      result = applyEntry(module, func, name,
                          (MlirStringRef){copy, text.length}, i);
      free(copy);
    }
  }
  uslOpListFree(&funcs);
  return result;
}

const UslPassInfo uslApplySchedulePass = {
    .argument = "apply-schedule",
    .summary = "apply the schedule each function carries in its usl.schedule "
               "attribute: directives with their options, in order",
    .anchor = "builtin.module",
    .options = NULL,
    .numOptions = 0,
    .optionsSize = 0,
    .defaults = &noOptions,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
};
