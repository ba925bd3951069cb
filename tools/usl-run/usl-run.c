/*===- usl-run.c - run USL functions through the JIT and compare them ----===*
 *
 *   usl-run FILE -e FN [--args=17x13,13x31,...]... [--seed=N]
 *           [--compare=FN2] [--reference=LIB.so:SYMBOL]
 *           [--atol=X --rtol=Y | --exact] [--bench=N] [--openmp] [--print]
 *
 * Lowers the module with usl-lower-to-llvm, fills every buffer argument of
 * FN with seeded pseudo-random data and runs FN through MLIR's execution
 * engine. With --compare, FN2 runs on an identical copy of the inputs; with
 * --reference, a C function from a shared library does (buffers as pointers
 * to their first element, scalars by value, in FN's argument order). Then
 * every buffer argument is compared element by element: exactly for
 * integers, within a tolerance for floats. --bench times N runs of each and
 * prints medians and their ratio. Each --args is one such run, all on one
 * compilation of the module.
 *
 *===---------------------------------------------------------------------===*/

#define _GNU_SOURCE /* getopt_long, clock_gettime, dlopen */

#include "../common/driver.h"
#include "../common/jitrun.h"
#include "rvm_isa.h"
#include "usl/conversion.h"
#include "usl/runtime.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/ExecutionEngine.h"

#include <dlfcn.h>
#include <ffi.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const program = "usl-run";

/* The most --args a run takes (each a run on those shapes, one compile). */
enum { MAX_ARG_SETS = 64 };

typedef struct Options {
  const char *input, *entry, *compare, *reference;
  const char *argSpecs[MAX_ARG_SETS];
  int numArgSpecs;
  uint64_t seed;
  double atol, rtol;
  bool exact, openmp, print, rvmCounts;
  int bench;
} Options;

static ffi_type *ffiTypeOf(UslElementKind k) {
  switch (k) {
  case USL_EK_F32: return &ffi_type_float;
  case USL_EK_F64: return &ffi_type_double;
  case USL_EK_I8: return &ffi_type_sint8;
  case USL_EK_I16: return &ffi_type_sint16;
  case USL_EK_I32: return &ffi_type_sint32;
  case USL_EK_I64: return &ffi_type_sint64;
  }
  return &ffi_type_void;
}

/* Calls a C reference: buffers as pointers, scalars by value. */
static void invokeC(void (*fn)(void), const UslRunArgs *all, UslRun *run) {
  const UslRunArg *args = all->args;
  int numArgs = all->count;
  ffi_type *types[USL_RUN_MAX_ARGS];
  void *values[USL_RUN_MAX_ARGS];
  UslScalarSlot scalars[USL_RUN_MAX_ARGS];
  for (int i = 0; i < numArgs; ++i) {
    if (args[i].isBuffer) {
      types[i] = &ffi_type_pointer;
      values[i] = &run->data[i];
    } else {
      types[i] = ffiTypeOf(args[i].kind);
      uslScalarSlot(&args[i], &scalars[i]);
      values[i] = &scalars[i];
    }
  }
  ffi_cif cif;
  ffi_prep_cif(&cif, FFI_DEFAULT_ABI, (unsigned)numArgs, &ffi_type_void,
               types);
  ffi_call(&cif, fn, NULL, values);
}

/* Either a JIT function or a C function. */
typedef struct Callee {
  const char *label; /* for messages: "@name" or "lib.so:symbol" */
  const char *jitName;
  void (*cFunction)(void);
} Callee;

static bool call(MlirExecutionEngine jit, const Callee *c,
                 const UslRunArgs *args, UslRun *run) {
  if (c->cFunction) {
    invokeC(c->cFunction, args, run);
    return true;
  }
  if (!uslRunInvokeJit(jit, c->jitName, args, run)) {
    uslToolError(program, "cannot call %s in the JIT", c->label);
    return false;
  }
  return true;
}

/*--- checking and timing ------------------------------------------------------*/

/* Compares every buffer of two runs; prints a summary or the mismatches. */
static bool compareRuns(const Options *o, const Callee *x, const Callee *y,
                        const UslRunArgs *args, const UslRun *rx,
                        const UslRun *ry) {
  UslTolerance tolerance = {o->atol, o->rtol, o->exact};
  UslCompareResult r =
      uslRunCompare(program, args, rx, x->label, ry, y->label, tolerance);
  if (r.mismatches) {
    uslToolError(program, "%s differs from %s in %" PRId64 " of %" PRId64
                          " elements",
                 x->label, y->label, r.mismatches, r.compared);
    return false;
  }
  printf("%s: %s matches %s: %d buffers, %" PRId64 " elements, max abs "
         "diff %.3g, max rel diff %.3g\n",
         program, x->label, y->label, r.buffers, r.compared, r.maxAbs,
         r.maxRel);
  return true;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int compareDoubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Median seconds of `runs` calls (after one warm-up call). */
static bool timeCalls(MlirExecutionEngine jit, const Callee *c,
                      const UslRunArgs *args, int runs,
                      double *median) {
  UslRun run;
  uslRunPrepare(args, &run);
  double *times = malloc((size_t)runs * sizeof *times);
  bool ok = call(jit, c, args, &run);
  for (int r = 0; r < runs && ok; ++r) {
    double start = now();
    ok = call(jit, c, args, &run);
    times[r] = now() - start;
  }
  if (ok) {
    qsort(times, (size_t)runs, sizeof *times, compareDoubles);
    *median = runs % 2 ? times[runs / 2]
                       : 0.5 * (times[runs / 2 - 1] + times[runs / 2]);
  }
  free(times);
  uslRunRelease(args, &run);
  return ok;
}

static void printBuffers(const UslRunArgs *all, const UslRun *run,
                         const char *label) {
  const UslRunArg *args = all->args;
  for (int i = 0; i < all->count; ++i) {
    if (!args[i].isBuffer)
      continue;
    printf("%s argument %d:", label, i);
    for (int64_t e = 0; e < args[i].numElements; ++e)
      printf(" %.9g", uslElementAsDouble(run->data[i], args[i].kind, e));
    printf("\n");
  }
}

/*--- main -------------------------------------------------------------------*/

static void usage(FILE *out) {
  fprintf(out,
          "usage: usl-run FILE -e FUNCTION [options]\n"
          "Runs FUNCTION of FILE (a func.func: scheduled loops or upstream\n"
          "dialects) through the JIT on seeded pseudo-random inputs.\n\n"
          "  -e, --entry=FN        the function to run\n"
          "  --args=LIST           one item per argument: a shape (17x13) for\n"
          "                        a buffer, a number for a scalar; repeat it\n"
          "                        to run on several shapes, compiled once\n"
          "  --seed=N              seed of the input data (default 1)\n"
          "  --compare=FN2         run FN2 on the same inputs and compare\n"
          "  --reference=LIB:SYM   run C function SYM of shared library LIB\n"
          "                        (buffers as pointers, scalars by value)\n"
          "  --atol=X, --rtol=Y    float tolerance |a-b| <= X + Y*|b|\n"
          "                        (default 1e-5 and 1e-4)\n"
          "  --exact               compare floats bit for bit\n"
          "  --bench=N             print the median time of N runs of each\n"
          "  --openmp              run par loops on threads (OpenMP)\n"
          "  --print               print every buffer after the run\n"
          "  --rvm-counts          print how many of each RVM instruction the\n"
          "                        run executed (RVM code runs on the emulator)\n"
          "  -O0..-O3              JIT optimization level (default 3)\n");
}

static bool parseDouble(const char *text, double *out) {
  char *end;
  *out = strtod(text, &end);
  return end != text && !*end && *out >= 0;
}

/* One run of the entry on `args` (and of what it is compared with), the
 * comparison, and the timing when asked. */
static bool runOnce(MlirExecutionEngine jit, const Options *o,
                    const Callee *first, const Callee *second,
                    const UslRunArgs *args) {
  UslRun runX, runY;
  uslRunPrepare(args, &runX);
  usl_rvm_reset();
  bool ok = call(jit, first, args, &runX);
  if (ok && o->rvmCounts) {
    printf("%s: RVM instructions of %s:", program, first->label);
    for (int op = 0; op < USL_RVM_OP_COUNT; ++op)
      printf(" %s %llu", uslRvmEncodings[op].name,
             (unsigned long long)usl_rvm_count((UslRvmOpcode)op));
    printf("\n");
  }
  if (ok && o->print)
    printBuffers(args, &runX, first->label);
  bool comparing = o->compare || o->reference;
  if (ok && comparing) {
    uslRunPrepare(args, &runY);
    ok = call(jit, second, args, &runY) &&
         compareRuns(o, first, second, args, &runX, &runY);
    uslRunRelease(args, &runY);
  } else if (ok) {
    printf("%s: ran %s\n", program, first->label);
  }
  uslRunRelease(args, &runX);

  if (ok && o->bench) {
    double t1, t2 = 0;
    ok = timeCalls(jit, first, args, o->bench, &t1) &&
         (!comparing || timeCalls(jit, second, args, o->bench, &t2));
    if (ok && comparing)
      printf("%s: median of %d runs: %s %.4f ms, %s %.4f ms: %s is %.2fx "
             "as fast\n",
             program, o->bench, first->label, t1 * 1e3, second->label,
             t2 * 1e3, first->label, t2 / t1);
    else if (ok)
      printf("%s: median of %d runs: %s %.4f ms\n", program, o->bench,
             first->label, t1 * 1e3);
  }
  return ok;
}

int main(int argc, char **argv) {
  Options o = {.seed = 1, .atol = 1e-5, .rtol = 1e-4};
  int optLevel = 3;
  enum { OPT_ARGS = 256, OPT_SEED, OPT_COMPARE, OPT_REFERENCE, OPT_ATOL,
         OPT_RTOL, OPT_EXACT, OPT_BENCH, OPT_OPENMP, OPT_PRINT,
         OPT_RVM_COUNTS };
  static const struct option longOptions[] = {
      {"entry", required_argument, NULL, 'e'},
      {"args", required_argument, NULL, OPT_ARGS},
      {"seed", required_argument, NULL, OPT_SEED},
      {"compare", required_argument, NULL, OPT_COMPARE},
      {"reference", required_argument, NULL, OPT_REFERENCE},
      {"atol", required_argument, NULL, OPT_ATOL},
      {"rtol", required_argument, NULL, OPT_RTOL},
      {"exact", no_argument, NULL, OPT_EXACT},
      {"bench", required_argument, NULL, OPT_BENCH},
      {"openmp", no_argument, NULL, OPT_OPENMP},
      {"print", no_argument, NULL, OPT_PRINT},
      {"rvm-counts", no_argument, NULL, OPT_RVM_COUNTS},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  char *end;
  while ((c = getopt_long(argc, argv, "e:O:h", longOptions, NULL)) != -1) {
    switch (c) {
    case 'e': o.entry = optarg; break;
    case OPT_ARGS:
      if (o.numArgSpecs == MAX_ARG_SETS) {
        uslToolError(program, "at most %d --args", MAX_ARG_SETS);
        return 2;
      }
      o.argSpecs[o.numArgSpecs++] = optarg;
      break;
    case OPT_SEED:
      o.seed = strtoull(optarg, &end, 10);
      if (end == optarg || *end) {
        uslToolError(program, "--seed expects a non-negative integer, got "
                              "'%s'", optarg);
        return 2;
      }
      break;
    case OPT_COMPARE: o.compare = optarg; break;
    case OPT_REFERENCE: o.reference = optarg; break;
    case OPT_ATOL:
    case OPT_RTOL:
      if (!parseDouble(optarg, c == OPT_ATOL ? &o.atol : &o.rtol)) {
        uslToolError(program, "--%s expects a non-negative number, got '%s'",
                     c == OPT_ATOL ? "atol" : "rtol", optarg);
        return 2;
      }
      break;
    case OPT_EXACT: o.exact = true; break;
    case OPT_BENCH:
      o.bench = (int)strtol(optarg, &end, 10);
      if (end == optarg || *end || o.bench < 1 || o.bench > 100000) {
        uslToolError(program, "--bench expects a run count in [1, 100000], "
                              "got '%s'", optarg);
        return 2;
      }
      break;
    case OPT_OPENMP: o.openmp = true; break;
    case OPT_PRINT: o.print = true; break;
    case OPT_RVM_COUNTS: o.rvmCounts = true; break;
    case 'O':
      if (!uslToolParseOptLevel(program, optarg, &optLevel))
        return 2;
      break;
    case 'h': usage(stdout); return 0;
    default: usage(stderr); return 2;
    }
  }
  if (optind != argc - 1 || !o.entry) {
    uslToolError(program, optind == argc ? "no input file"
                          : optind < argc - 1 ? "more than one input file"
                                              : "no function: pass -e NAME");
    usage(stderr);
    return 2;
  }
  o.input = argv[optind];
  if (o.compare && o.reference) {
    uslToolError(program, "--compare and --reference cannot be combined");
    return 2;
  }

  if (o.numArgSpecs == 0)
    o.argSpecs[o.numArgSpecs++] = "";

  int status = 1;
  MlirContext ctx = uslToolCreateContext();
  MlirModule module = uslToolParseFile(ctx, o.input);
  MlirExecutionEngine jit = {NULL};
  void *library = NULL;
  UslRunArgs *argSets = calloc((size_t)o.numArgSpecs, sizeof *argSets);
  int numBuilt = 0;
  if (mlirModuleIsNull(module) || !argSets)
    goto done;

  MlirOperation entry = uslToolFindFunc(module, o.entry);
  if (mlirOperationIsNull(entry)) {
    uslToolError(program, "no function @%s in %s", o.entry, o.input);
    goto done;
  }
  MlirType fnType = uslToolFuncType(entry);
  if (o.compare) {
    MlirOperation other = uslToolFindFunc(module, o.compare);
    if (mlirOperationIsNull(other)) {
      uslToolError(program, "no function @%s in %s", o.compare, o.input);
      goto done;
    }
    if (!mlirTypeEqual(fnType, uslToolFuncType(other))) {
      uslToolError(program, "@%s and @%s have different signatures",
                   o.entry, o.compare);
      goto done;
    }
  }
  for (; numBuilt < o.numArgSpecs; ++numBuilt)
    if (!uslRunArgsBuild(program, fnType, o.argSpecs[numBuilt], o.seed,
                         &argSets[numBuilt]))
      goto done;

  char entryLabel[128], otherLabel[256];
  snprintf(entryLabel, sizeof entryLabel, "@%s", o.entry);
  Callee first = {entryLabel, o.entry, NULL};
  Callee second = {otherLabel, o.compare, NULL};
  if (o.compare)
    snprintf(otherLabel, sizeof otherLabel, "@%s", o.compare);
  if (o.reference) {
    snprintf(otherLabel, sizeof otherLabel, "%s", o.reference);
    char path[4096];
    const char *colon = strrchr(o.reference, ':');
    if (!colon || colon == o.reference || !colon[1] ||
        (size_t)(colon - o.reference) >= sizeof path) {
      uslToolError(program, "--reference expects LIBRARY:SYMBOL, got '%s'",
                   o.reference);
      goto done;
    }
    memcpy(path, o.reference, (size_t)(colon - o.reference));
    path[colon - o.reference] = '\0';
    library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
      uslToolError(program, "cannot load %s: %s", path, dlerror());
      goto done;
    }
    void *symbol = dlsym(library, colon + 1);
    if (!symbol) {
      uslToolError(program, "no symbol %s in %s", colon + 1, path);
      goto done;
    }
    memcpy(&second.cFunction, &symbol, sizeof symbol);
  }

  /* The host runs RVM instructions on the emulator. */
  UslLowerOptions lowering = {.openmp = o.openmp, .rvmEmulate = true};
  if (mlirLogicalResultIsFailure(
          uslLowerModuleToLLVMWithOptions(module, &lowering)))
    goto done;
  MlirStringRef libs[1] = {
      mlirStringRefCreateFromCString(USL_OPENMP_RUNTIME)};
  jit = mlirExecutionEngineCreate(module, optLevel, o.openmp ? 1 : 0, libs,
                                  false, false);
  if (mlirExecutionEngineIsNull(jit)) {
    uslToolError(program, "the JIT could not compile the module");
    goto done;
  }
  uslRegisterRuntimeSymbols(jit);
  mlirExecutionEngineInitialize(jit);

  bool ok = true;
  for (int k = 0; k < o.numArgSpecs; ++k)
    ok = runOnce(jit, &o, &first, &second, &argSets[k]) && ok;
  status = ok ? 0 : 1;

done:
  for (int k = 0; k < numBuilt; ++k)
    uslRunArgsFree(&argSets[k]);
  free(argSets);
  if (!mlirExecutionEngineIsNull(jit))
    mlirExecutionEngineDestroy(jit);
  if (!mlirModuleIsNull(module))
    mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  if (library)
    dlclose(library);
  return status;
}
