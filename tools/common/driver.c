/*===- driver.c - what the USL command-line tools share ------------------===*/

#include "driver.h"

#include "usl/dialects.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void printString(MlirStringRef s, void *userData) {
  fwrite(s.data, 1, s.length, (FILE *)userData);
}

/* Prints `file:line:col: error: message`, the form editors and lit expect. */
static void printDiagnostic(MlirDiagnostic d, const char *indent) {
  static const char *const severity[] = {"error", "warning", "note", "remark"};
  MlirLocation loc = mlirDiagnosticGetLocation(d);
  fputs(indent, stderr);
  if (mlirLocationIsAFileLineColRange(loc)) {
    MlirStringRef file =
        mlirIdentifierStr(mlirLocationFileLineColRangeGetFilename(loc));
    fprintf(stderr, "%.*s:%d:%d: ", (int)file.length, file.data,
            mlirLocationFileLineColRangeGetStartLine(loc),
            mlirLocationFileLineColRangeGetStartColumn(loc));
  } else {
    mlirLocationPrint(loc, printString, stderr);
    fputs(": ", stderr);
  }
  fprintf(stderr, "%s: ", severity[mlirDiagnosticGetSeverity(d)]);
  mlirDiagnosticPrint(d, printString, stderr);
  fputc('\n', stderr);
  for (intptr_t i = 0; i < mlirDiagnosticGetNumNotes(d); ++i)
    printDiagnostic(mlirDiagnosticGetNote(d, i), indent);
}

static MlirLogicalResult handleDiagnostic(MlirDiagnostic d, void *userData) {
  (void)userData;
  printDiagnostic(d, "");
  return mlirLogicalResultSuccess();
}

MlirContext uslToolCreateContext(void) {
  MlirContext ctx = mlirContextCreate();
  uslContextPrepare(ctx);
  mlirContextAttachDiagnosticHandler(ctx, handleDiagnostic, NULL, NULL);
  return ctx;
}

void uslToolError(const char *program, const char *format, ...) {
  va_list args;
  va_start(args, format);
  fprintf(stderr, "%s: error: ", program);
  vfprintf(stderr, format, args);
  fputc('\n', stderr);
  va_end(args);
}

bool uslToolParseOptLevel(const char *program, const char *text, int *level) {
  if (strlen(text) != 1 || text[0] < '0' || text[0] > '3') {
    uslToolError(program, "-O expects 0, 1, 2 or 3, got '%s'", text);
    return false;
  }
  *level = text[0] - '0';
  return true;
}

static char *readAll(FILE *f, size_t *size) {
  size_t capacity = 1 << 16, used = 0;
  char *data = malloc(capacity);
  size_t n;
  while ((n = fread(data + used, 1, capacity - used, f)) > 0) {
    used += n;
    if (used == capacity)
      data = realloc(data, capacity *= 2);
  }
  data[used] = '\0'; /* MLIR's parser reads up to a NUL past the text */
  *size = used;
  return data;
}

/* True when the text holds only white space and `//` comments. */
static bool hasNoOperations(const char *text, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    if (isspace((unsigned char)text[i]))
      continue;
    if (text[i] == '/' && i + 1 < size && text[i + 1] == '/') {
      while (i < size && text[i] != '\n')
        ++i;
      continue;
    }
    return false;
  }
  return true;
}

MlirModule uslToolParseFile(MlirContext ctx, const char *path) {
  bool isStdin = strcmp(path, "-") == 0;
  FILE *f = isStdin ? stdin : fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "%s: error: cannot open input: %s\n", path,
            strerror(errno));
    return (MlirModule){NULL};
  }
  size_t size;
  char *text = readAll(f, &size);
  if (!isStdin)
    fclose(f);
  const char *shown = isStdin ? "<stdin>" : path;
  if (hasNoOperations(text, size)) {
    fprintf(stderr, "%s:1:1: error: empty input: expected MLIR operations\n",
            shown);
    free(text);
    return (MlirModule){NULL};
  }
  /* Files are parsed by name so that diagnostics carry it. */
  MlirModule module =
      isStdin ? mlirModuleCreateParse(
                    ctx, (MlirStringRef){.data = text, .length = size})
              : mlirModuleCreateParseFromFile(
                    ctx, mlirStringRefCreateFromCString(path));
  free(text);
  return module;
}

MlirOperation uslToolFindFunc(MlirModule module, const char *name) {
  MlirBlock body = mlirModuleGetBody(module);
  for (MlirOperation op = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    MlirStringRef opName = mlirIdentifierStr(mlirOperationGetName(op));
    if (opName.length != 9 || memcmp(opName.data, "func.func", 9) != 0)
      continue;
    MlirAttribute sym = mlirOperationGetAttributeByName(
        op, mlirStringRefCreateFromCString("sym_name"));
    MlirStringRef s = mlirStringAttrGetValue(sym);
    if (s.length == strlen(name) && memcmp(s.data, name, s.length) == 0)
      return op;
  }
  return (MlirOperation){NULL};
}

MlirType uslToolFuncType(MlirOperation func) {
  return mlirTypeAttrGetValue(mlirOperationGetAttributeByName(
      func, mlirStringRefCreateFromCString("function_type")));
}
