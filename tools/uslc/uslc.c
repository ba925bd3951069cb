/*===- uslc.c - compile a USL module to an object file and a C header ----===*
 *
 *   uslc FILE -o OUT.o [--header=OUT.h] [--target=TRIPLE] [--cpu=CPU]
 *        [--features=+a,-b] [-O0..-O3] [--openmp] [--emit=obj|asm]
 *
 * Lowers the module with usl-lower-to-llvm, optimizes it with LLVM's
 * default pipeline for the target and writes an object (or assembly) file.
 * Each function gets a C entry point `_mlir_ciface_<name>`, declared in the
 * header, that takes every buffer as a pointer to its memref descriptor:
 *
 *   typedef struct { float *allocated, *aligned; int64_t offset;
 *                    int64_t sizes[2], strides[2]; } usl_memref_2d_f32;
 *   void _mlir_ciface_matmul(usl_memref_2d_f32 *A, ...);
 *
 * The target is the host by default; `riscv32` and `riscv64` are short for
 * bare-metal RV32IMC and Linux RV64GC.
 *
 *===---------------------------------------------------------------------===*/

#define _GNU_SOURCE /* getopt_long */

#include "../common/compile.h"
#include "../common/driver.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include "llvm-c/Target.h"
#include "llvm-c/TargetMachine.h"
#include "llvm-c/Transforms/PassBuilder.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const program = "uslc";

/*--- the C header -------------------------------------------------------------*/

/* The C spelling and short name of a scalar type, or false. */
static bool cType(MlirType t, const char **spelling, const char **tag) {
  if (mlirTypeIsAF32(t)) {
    *spelling = "float", *tag = "f32";
  } else if (mlirTypeIsAF64(t)) {
    *spelling = "double", *tag = "f64";
  } else if (mlirTypeIsAIndex(t)) {
    *spelling = "int64_t", *tag = "index";
  } else if (mlirTypeIsAInteger(t)) {
    switch (mlirIntegerTypeGetWidth(t)) {
    case 1: *spelling = "bool", *tag = "i1"; break;
    case 8: *spelling = "int8_t", *tag = "i8"; break;
    case 16: *spelling = "int16_t", *tag = "i16"; break;
    case 32: *spelling = "int32_t", *tag = "i32"; break;
    case 64: *spelling = "int64_t", *tag = "i64"; break;
    default: return false;
    }
  } else {
    return false;
  }
  return true;
}

/* Descriptor types already written to the header, as "<rank>d_<tag>". */
typedef struct Written {
  char names[64][24];
  int count;
} Written;

static void writeDescriptorType(FILE *h, MlirType memref, Written *written) {
  const char *elt, *tag;
  cType(mlirShapedTypeGetElementType(memref), &elt, &tag);
  long rank = (long)mlirShapedTypeGetRank(memref);
  char name[24];
  snprintf(name, sizeof name, "%ldd_%s", rank, tag);
  for (int i = 0; i < written->count; ++i)
    if (!strcmp(written->names[i], name))
      return;
  if (written->count < 64)
    strcpy(written->names[written->count++], name);
  fprintf(h, "#ifndef USL_MEMREF_%ldD_%s\n#define USL_MEMREF_%ldD_%s\n", rank,
          tag, rank, tag);
  fprintf(h, "typedef struct usl_memref_%ldd_%s {\n  %s *allocated;\n"
             "  %s *aligned;\n  int64_t offset;\n",
          rank, tag, elt, elt);
  if (rank)
    fprintf(h, "  int64_t sizes[%ld];\n  int64_t strides[%ld];\n", rank,
            rank);
  fprintf(h, "} usl_memref_%ldd_%s;\n#endif\n\n", rank, tag);
}

/* Writes one prototype; false (after a message) for unsupported types. */
static bool writePrototype(FILE *h, MlirOperation func, Written *written) {
  MlirStringRef name = mlirStringAttrGetValue(mlirOperationGetAttributeByName(
      func, mlirStringRefCreateFromCString("sym_name")));
  MlirType fnType = uslToolFuncType(func);
  intptr_t numIn = mlirFunctionTypeGetNumInputs(fnType);
  intptr_t numOut = mlirFunctionTypeGetNumResults(fnType);
  const char *elt, *tag;
  for (intptr_t i = 0; i < numIn; ++i) {
    MlirType t = mlirFunctionTypeGetInput(fnType, i);
    bool ok = mlirTypeIsAMemRef(t)
                  ? cType(mlirShapedTypeGetElementType(t), &elt, &tag)
                  : cType(t, &elt, &tag);
    if (!ok) {
      uslToolError(program, "@%.*s: argument %ld has a type C cannot name",
                   (int)name.length, name.data, (long)i);
      return false;
    }
    if (mlirTypeIsAMemRef(t))
      writeDescriptorType(h, t, written);
  }
  const char *result = "void";
  if (numOut > 1 ||
      (numOut == 1 &&
       !cType(mlirFunctionTypeGetResult(fnType, 0), &result, &tag))) {
    uslToolError(program, "@%.*s: only functions returning nothing or one "
                          "scalar have a C entry point",
                 (int)name.length, name.data);
    return false;
  }
  fprintf(h, "%s _mlir_ciface_%.*s(", result, (int)name.length, name.data);
  for (intptr_t i = 0; i < numIn; ++i) {
    MlirType t = mlirFunctionTypeGetInput(fnType, i);
    if (i)
      fprintf(h, ", ");
    if (mlirTypeIsAMemRef(t)) {
      cType(mlirShapedTypeGetElementType(t), &elt, &tag);
      fprintf(h, "usl_memref_%ldd_%s *arg%ld",
              (long)mlirShapedTypeGetRank(t), tag, (long)i);
    } else {
      cType(t, &elt, &tag);
      fprintf(h, "%s arg%ld", elt, (long)i);
    }
  }
  fprintf(h, "%s);\n\n", numIn ? "" : "void");
  return true;
}

static bool writeHeader(const char *path, MlirModule module) {
  FILE *h = fopen(path, "w");
  if (!h) {
    uslToolError(program, "cannot write %s", path);
    return false;
  }
  fprintf(h, "/* Generated by uslc: C entry points of the compiled module. */"
             "\n#pragma once\n#include <stdbool.h>\n#include <stdint.h>\n\n"
             "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
  bool ok = true;
  Written written = {.count = 0};
  for (MlirOperation op = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
       ok && !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    MlirStringRef opName = mlirIdentifierStr(mlirOperationGetName(op));
    if (opName.length == 9 && !memcmp(opName.data, "func.func", 9) &&
        !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0))))
      ok = writePrototype(h, op, &written);
  }
  fprintf(h, "#ifdef __cplusplus\n}\n#endif\n");
  return fclose(h) == 0 && ok;
}

/*--- the target ---------------------------------------------------------------*/

typedef struct Target {
  const char *triple, *cpu, *features;
} Target;

static Target resolveTarget(const char *triple, const char *cpu,
                            const char *features) {
  Target t = {triple, cpu, features};
  if (triple && !strcmp(triple, "riscv32"))
    t = (Target){"riscv32-unknown-elf", "generic-rv32", "+m,+c"};
  else if (triple && !strcmp(triple, "riscv64"))
    t = (Target){"riscv64-unknown-linux-gnu", "generic-rv64",
                 "+m,+a,+f,+d,+c"};
  if (cpu)
    t.cpu = cpu;
  if (features)
    t.features = features;
  return t;
}

static void usage(FILE *out) {
  fprintf(out,
          "usage: uslc FILE -o OUTPUT [options]\n"
          "Compiles FILE to an object file for the host or another target.\n\n"
          "  -o OUTPUT           the object (or assembly) file\n"
          "  --header=FILE.h     also write the C prototypes of the functions\n"
          "  --target=TRIPLE     a target triple, or riscv32 / riscv64\n"
          "  --cpu=CPU           the CPU (default: the host's, or the\n"
          "                      target's generic one)\n"
          "  --features=LIST     target features, e.g. +avx512f\n"
          "  --emit=obj|asm      what to write (default obj)\n"
          "  --openmp            run par loops on threads (OpenMP)\n"
          "  -O0..-O3            optimization level (default 3)\n");
}

int main(int argc, char **argv) {
  const char *output = NULL, *header = NULL, *triple = NULL, *cpu = NULL,
             *features = NULL;
  bool openmp = false, assembly = false;
  int optLevel = 3;
  static const struct option longOptions[] = {
      {"header", required_argument, NULL, 'H'},
      {"target", required_argument, NULL, 't'},
      {"cpu", required_argument, NULL, 'c'},
      {"features", required_argument, NULL, 'f'},
      {"emit", required_argument, NULL, 'e'},
      {"openmp", no_argument, NULL, 'p'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "o:O:h", longOptions, NULL)) != -1) {
    switch (c) {
    case 'o': output = optarg; break;
    case 'H': header = optarg; break;
    case 't': triple = optarg; break;
    case 'c': cpu = optarg; break;
    case 'f': features = optarg; break;
    case 'p': openmp = true; break;
    case 'e':
      if (strcmp(optarg, "obj") && strcmp(optarg, "asm")) {
        uslToolError(program, "--emit expects obj or asm, got '%s'", optarg);
        return 2;
      }
      assembly = !strcmp(optarg, "asm");
      break;
    case 'O':
      if (!uslToolParseOptLevel(program, optarg, &optLevel))
        return 2;
      break;
    case 'h': usage(stdout); return 0;
    default: usage(stderr); return 2;
    }
  }
  if (optind != argc - 1 || !output) {
    uslToolError(program, optind == argc      ? "no input file"
                          : optind < argc - 1 ? "more than one input file"
                                              : "no output: pass -o FILE");
    usage(stderr);
    return 2;
  }

  LLVMInitializeAllTargetInfos();
  LLVMInitializeAllTargets();
  LLVMInitializeAllTargetMCs();
  LLVMInitializeAllAsmPrinters();
  LLVMInitializeAllAsmParsers(); /* inline assembly (RVM .insn words) */
  Target target = resolveTarget(triple, cpu, features);
  char *hostTriple = LLVMGetDefaultTargetTriple();
  char *hostCpu = LLVMGetHostCPUName();
  char *hostFeatures = LLVMGetHostCPUFeatures();
  if (!target.triple) {
    /* The host's features go with the host's CPU only: they switch off
     * what this machine lacks, which a CPU named with --cpu may have. */
    target.triple = hostTriple;
    if (!target.cpu) {
      target.cpu = hostCpu;
      target.features = target.features ? target.features : hostFeatures;
    }
  }
  if (!target.cpu)
    target.cpu = "generic";
  if (!target.features)
    target.features = "";

  int status = 1;
  MlirContext ctx = uslToolCreateContext();
  LLVMContextRef llvmCtx = LLVMContextCreate();
  LLVMModuleRef llvmModule = NULL;
  LLVMTargetMachineRef machine = NULL;
  char *error = NULL;
  LLVMTargetRef llvmTarget;
  if (LLVMGetTargetFromTriple(target.triple, &llvmTarget, &error)) {
    uslToolError(program, "unknown target '%s': %s", target.triple, error);
    goto done;
  }
  machine = LLVMCreateTargetMachine(
      llvmTarget, target.triple, target.cpu, target.features,
      optLevel == 0 ? LLVMCodeGenLevelNone
      : optLevel < 3 ? LLVMCodeGenLevelDefault
                     : LLVMCodeGenLevelAggressive,
      LLVMRelocPIC, LLVMCodeModelDefault);

  MlirModule module = uslToolParseFile(ctx, argv[optind]);
  if (mlirModuleIsNull(module))
    goto done;
  uslToolRequestCInterfaces(module);
  if (!header || writeHeader(header, module))
    llvmModule = uslToolTranslate(module, openmp, llvmCtx);
  mlirModuleDestroy(module);
  if (!llvmModule)
    goto done;

  LLVMSetTarget(llvmModule, target.triple);
  LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(machine);
  char *layoutText = LLVMCopyStringRepOfTargetData(layout);
  LLVMSetDataLayout(llvmModule, layoutText);
  LLVMDisposeMessage(layoutText);
  LLVMDisposeTargetData(layout);

  char pipeline[32];
  snprintf(pipeline, sizeof pipeline, "default<O%d>", optLevel);
  LLVMPassBuilderOptionsRef passOptions = LLVMCreatePassBuilderOptions();
  LLVMErrorRef passError =
      LLVMRunPasses(llvmModule, pipeline, machine, passOptions);
  LLVMDisposePassBuilderOptions(passOptions);
  if (passError) {
    char *message = LLVMGetErrorMessage(passError);
    uslToolError(program, "LLVM optimization failed: %s", message);
    LLVMDisposeErrorMessage(message);
    goto done;
  }
  if (LLVMTargetMachineEmitToFile(machine, llvmModule, output,
                                  assembly ? LLVMAssemblyFile : LLVMObjectFile,
                                  &error)) {
    uslToolError(program, "cannot write %s: %s", output, error);
    goto done;
  }
  status = 0;

done:
  if (error)
    LLVMDisposeMessage(error);
  if (llvmModule)
    LLVMDisposeModule(llvmModule);
  if (machine)
    LLVMDisposeTargetMachine(machine);
  LLVMContextDispose(llvmCtx);
  mlirContextDestroy(ctx);
  LLVMDisposeMessage(hostTriple);
  LLVMDisposeMessage(hostCpu);
  LLVMDisposeMessage(hostFeatures);
  return status;
}
