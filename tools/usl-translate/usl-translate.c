/*===- usl-translate.c - a USL module as LLVM IR -------------------------===*
 *
 *   usl-translate FILE [-o OUT.ll] [--openmp]
 *
 * Lowers the module (any level from scheduled loops down to the llvm
 * dialect) with usl-lower-to-llvm and prints the LLVM IR, for llc, opt or
 * clang.
 *
 *===---------------------------------------------------------------------===*/

#define _GNU_SOURCE /* getopt_long */

#include "../common/compile.h"
#include "../common/driver.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const program = "usl-translate";

static void usage(FILE *out) {
  fprintf(out, "usage: usl-translate FILE [-o OUTPUT] [--openmp]\n"
               "Lowers FILE to the llvm dialect and prints it as LLVM IR.\n");
}

int main(int argc, char **argv) {
  const char *output = "-";
  bool openmp = false;
  static const struct option longOptions[] = {
      {"openmp", no_argument, NULL, 'p'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "o:h", longOptions, NULL)) != -1) {
    switch (c) {
    case 'o': output = optarg; break;
    case 'p': openmp = true; break;
    case 'h': usage(stdout); return 0;
    default: usage(stderr); return 2;
    }
  }
  if (optind != argc - 1) {
    uslToolError(program, optind == argc ? "no input file"
                                         : "more than one input file");
    usage(stderr);
    return 2;
  }

  int status = 1;
  MlirContext ctx = uslToolCreateContext();
  LLVMContextRef llvmCtx = LLVMContextCreate();
  LLVMModuleRef llvmModule = NULL;
  MlirModule module = uslToolParseFile(ctx, argv[optind]);
  if (!mlirModuleIsNull(module))
    llvmModule = uslToolTranslate(module, openmp, llvmCtx);
  if (llvmModule) {
    char *text = LLVMPrintModuleToString(llvmModule);
    FILE *out = output[0] == '-' && !output[1] ? stdout : fopen(output, "w");
    if (out) {
      fputs(text, out);
      status = out == stdout ? 0 : (fclose(out) == 0 ? 0 : 1);
    } else {
      uslToolError(program, "cannot write %s", output);
    }
    LLVMDisposeMessage(text);
    LLVMDisposeModule(llvmModule);
  }
  if (!mlirModuleIsNull(module))
    mlirModuleDestroy(module);
  LLVMContextDispose(llvmCtx);
  mlirContextDestroy(ctx);
  return status;
}
