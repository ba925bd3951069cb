/*===- usl-run.c - run USL functions through the JIT and compare them ----===*
 *
 *   usl-run FILE -e FN [--args=17x13,13x31,...] [--seed=N]
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
 * prints medians and their ratio.
 *
 *===---------------------------------------------------------------------===*/

#define _GNU_SOURCE /* getopt_long, clock_gettime, dlopen */

#include "../common/driver.h"
#include "usl/conversion.h"

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

enum { MAX_RANK = 8, MAX_ARGS = 64 };

typedef enum ElementKind { EK_F32, EK_F64, EK_I8, EK_I16, EK_I32, EK_I64 } ElementKind;

/* One argument of the entry function: a buffer or a scalar. */
typedef struct Arg {
  bool isBuffer;
  ElementKind kind;
  int rank;
  int64_t sizes[MAX_RANK], strides[MAX_RANK];
  int64_t numElements;
  void *initial; /* the seeded contents, copied into each run's buffer */
  union {
    int64_t i;
    double f;
  } scalar;
} Arg;

/* A memref descriptor as the lowered function takes it, unpacked. */
typedef struct Descriptor {
  void *allocated, *aligned;
  int64_t offset;
  int64_t sizes[MAX_RANK], strides[MAX_RANK];
} Descriptor;

typedef struct Options {
  const char *input, *entry, *compare, *reference, *argSpec;
  uint64_t seed;
  double atol, rtol;
  bool exact, openmp, print;
  int bench;
} Options;

static size_t elementSize(ElementKind k) {
  static const size_t sizes[] = {4, 8, 1, 2, 4, 8};
  return sizes[k];
}

static bool isFloatKind(ElementKind k) { return k == EK_F32 || k == EK_F64; }

static bool elementKindOf(MlirType t, ElementKind *k) {
  if (mlirTypeIsAF32(t))
    *k = EK_F32;
  else if (mlirTypeIsAF64(t))
    *k = EK_F64;
  else if (mlirTypeIsAIndex(t))
    *k = EK_I64;
  else if (mlirTypeIsAInteger(t)) {
    switch (mlirIntegerTypeGetWidth(t)) {
    case 8: *k = EK_I8; break;
    case 16: *k = EK_I16; break;
    case 32: *k = EK_I32; break;
    case 64: *k = EK_I64; break;
    default: return false;
    }
  } else
    return false;
  return true;
}

/*--- deterministic data ---------------------------------------------------*/

static uint64_t nextRandom(uint64_t *state) { /* splitmix64 */
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Floats in [-1, 1) on a 2^-16 grid; integers small enough that sums of a
 * few thousand products do not overflow 32 bits. */
static void fillRandom(Arg *a, uint64_t seed) {
  uint64_t state = seed;
  for (int64_t i = 0; i < a->numElements; ++i) {
    uint64_t r = nextRandom(&state);
    double f = (double)(int64_t)(r >> 47) / 65536.0 - 1.0;
    int64_t v = (int64_t)(r >> 58) - 32; /* [-32, 32) */
    switch (a->kind) {
    case EK_F32: ((float *)a->initial)[i] = (float)f; break;
    case EK_F64: ((double *)a->initial)[i] = f; break;
    case EK_I8: ((int8_t *)a->initial)[i] = (int8_t)(v / 4); break;
    case EK_I16: ((int16_t *)a->initial)[i] = (int16_t)v; break;
    case EK_I32: ((int32_t *)a->initial)[i] = (int32_t)v; break;
    case EK_I64: ((int64_t *)a->initial)[i] = v; break;
    }
  }
}

static double elementAsDouble(const void *data, ElementKind k, int64_t i) {
  switch (k) {
  case EK_F32: return ((const float *)data)[i];
  case EK_F64: return ((const double *)data)[i];
  case EK_I8: return ((const int8_t *)data)[i];
  case EK_I16: return ((const int16_t *)data)[i];
  case EK_I32: return ((const int32_t *)data)[i];
  case EK_I64: return (double)((const int64_t *)data)[i];
  }
  return 0;
}

static bool elementsEqual(const void *a, const void *b, ElementKind k,
                          int64_t i) {
  size_t s = elementSize(k);
  return memcmp((const char *)a + i * s, (const char *)b + i * s, s) == 0;
}

/*--- arguments --------------------------------------------------------------*/

/* Takes the next comma-separated item of the --args list into `item`. */
static bool nextItem(const char **list, char *item, size_t size) {
  if (!*list || !**list)
    return false;
  size_t n = strcspn(*list, ",");
  if (n >= size)
    n = size - 1;
  memcpy(item, *list, n);
  item[n] = '\0';
  *list += n;
  if (**list == ',')
    ++*list;
  return true;
}

/* Describes the arguments of `fnType` from the --args list. */
static bool buildArgs(MlirType fnType, const char *spec, uint64_t seed,
                      Arg *args, int *numArgs) {
  intptr_t n = mlirFunctionTypeGetNumInputs(fnType);
  if (n > MAX_ARGS) {
    uslToolError(program, "functions with more than %d arguments are not "
                          "supported", MAX_ARGS);
    return false;
  }
  if (mlirFunctionTypeGetNumResults(fnType) != 0) {
    uslToolError(program, "the function returns values; usl-run runs "
                          "functions that write their results to buffers");
    return false;
  }
  *numArgs = (int)n;
  const char *rest = spec;
  for (intptr_t i = 0; i < n; ++i) {
    Arg *a = &args[i];
    memset(a, 0, sizeof *a);
    MlirType t = mlirFunctionTypeGetInput(fnType, i);
    char item[128] = "";
    bool given = nextItem(&rest, item, sizeof item);
    a->isBuffer = mlirTypeIsAMemRef(t);
    MlirType element = a->isBuffer ? mlirShapedTypeGetElementType(t) : t;
    if (!elementKindOf(element, &a->kind)) {
      uslToolError(program, "argument %ld has an unsupported type; use "
                            "f32, f64, i8, i16, i32, i64 or index",
                   (long)i);
      return false;
    }
    if (!a->isBuffer) {
      char *end;
      if (!given) {
        uslToolError(program, "argument %ld is a scalar and needs a value "
                              "in --args", (long)i);
        return false;
      }
      if (isFloatKind(a->kind))
        a->scalar.f = strtod(item, &end);
      else
        a->scalar.i = strtoll(item, &end, 10);
      if (end == item || *end) {
        uslToolError(program, "argument %ld: '%s' is not a number", (long)i,
                     item);
        return false;
      }
      continue;
    }
    a->rank = (int)mlirShapedTypeGetRank(t);
    if (a->rank > MAX_RANK) {
      uslToolError(program, "argument %ld has rank %d; at most %d is "
                            "supported", (long)i, a->rank, MAX_RANK);
      return false;
    }
    /* Sizes: from the item (`17x13`) or the static type. */
    const char *p = item;
    for (int d = 0; d < a->rank; ++d) {
      int64_t fixed = mlirShapedTypeIsDynamicDim(t, d)
                          ? -1
                          : mlirShapedTypeGetDimSize(t, d);
      int64_t size = fixed;
      if (given && *item) {
        char *end;
        size = strtoll(p, &end, 10);
        if (end == p || size < 0 || (*end && *end != 'x') ||
            (d + 1 < a->rank && *end != 'x') || (d + 1 == a->rank && *end)) {
          uslToolError(program, "argument %ld: '%s' is not a shape of rank "
                                "%d like 4x8", (long)i, item, a->rank);
          return false;
        }
        p = *end ? end + 1 : end;
      }
      if (size < 0) {
        uslToolError(program, "argument %ld has a dynamic size; give its "
                              "shape in --args (e.g. 17x13)", (long)i);
        return false;
      }
      if (fixed >= 0 && size != fixed) {
        uslToolError(program, "argument %ld: size %" PRId64 " of dimension "
                              "%d differs from the type's %" PRId64,
                     (long)i, size, d, fixed);
        return false;
      }
      a->sizes[d] = size;
    }
    a->numElements = 1;
    for (int d = a->rank - 1; d >= 0; --d) {
      a->strides[d] = a->numElements;
      a->numElements *= a->sizes[d];
    }
    if (!mlirAttributeIsNull(mlirMemRefTypeGetLayout(t)) &&
        !mlirAffineMapIsIdentity(mlirMemRefTypeGetAffineMap(t))) {
      uslToolError(program, "argument %ld must have the identity layout",
                   (long)i);
      return false;
    }
    a->initial = calloc((size_t)(a->numElements ? a->numElements : 1),
                        elementSize(a->kind));
    fillRandom(a, seed * 1000003u + (uint64_t)i);
  }
  if (rest && *rest) {
    uslToolError(program, "--args lists more values than the function's %d "
                          "arguments", *numArgs);
    return false;
  }
  return true;
}

/* The buffers of one run: fresh copies of the initial contents. */
typedef struct Run {
  void *data[MAX_ARGS];
  Descriptor desc[MAX_ARGS];
} Run;

static void prepareRun(const Arg *args, int numArgs, Run *run) {
  for (int i = 0; i < numArgs; ++i) {
    run->data[i] = NULL;
    if (!args[i].isBuffer)
      continue;
    size_t bytes = (size_t)args[i].numElements * elementSize(args[i].kind);
    size_t rounded = (bytes + 63) / 64 * 64;
    run->data[i] = aligned_alloc(64, rounded ? rounded : 64);
    memcpy(run->data[i], args[i].initial, bytes);
    Descriptor *d = &run->desc[i];
    d->allocated = d->aligned = run->data[i];
    d->offset = 0;
    memcpy(d->sizes, args[i].sizes, sizeof d->sizes);
    memcpy(d->strides, args[i].strides, sizeof d->strides);
  }
}

static void freeRun(const Arg *args, int numArgs, Run *run) {
  for (int i = 0; i < numArgs; ++i)
    if (args[i].isBuffer)
      free(run->data[i]);
}

/*--- calling ------------------------------------------------------------------*/

/* Scalars converted to the function's parameter types. */
typedef union ScalarSlot {
  float f32;
  double f64;
  int8_t i8;
  int16_t i16;
  int32_t i32;
  int64_t i64;
} ScalarSlot;

static void scalarSlot(const Arg *a, ScalarSlot *s) {
  switch (a->kind) {
  case EK_F32: s->f32 = (float)a->scalar.f; break;
  case EK_F64: s->f64 = a->scalar.f; break;
  case EK_I8: s->i8 = (int8_t)a->scalar.i; break;
  case EK_I16: s->i16 = (int16_t)a->scalar.i; break;
  case EK_I32: s->i32 = (int32_t)a->scalar.i; break;
  case EK_I64: s->i64 = a->scalar.i; break;
  }
}

/* Calls the lowered function through its packed wrapper: each memref is
 * passed as its unpacked descriptor fields. */
static bool invokeJit(MlirExecutionEngine jit, const char *name,
                      const Arg *args, int numArgs, Run *run) {
  void *packed[MAX_ARGS * (3 + 2 * MAX_RANK)];
  ScalarSlot scalars[MAX_ARGS];
  int n = 0;
  for (int i = 0; i < numArgs; ++i) {
    if (!args[i].isBuffer) {
      scalarSlot(&args[i], &scalars[i]);
      packed[n++] = &scalars[i];
      continue;
    }
    Descriptor *d = &run->desc[i];
    packed[n++] = &d->allocated;
    packed[n++] = &d->aligned;
    packed[n++] = &d->offset;
    for (int r = 0; r < args[i].rank; ++r)
      packed[n++] = &d->sizes[r];
    for (int r = 0; r < args[i].rank; ++r)
      packed[n++] = &d->strides[r];
  }
  /* The engine wraps every function `f` in `_mlir_f(void **args)`. */
  void *wrapper =
      mlirExecutionEngineLookupPacked(jit, mlirStringRefCreateFromCString(name));
  if (!wrapper)
    return false;
  void (*fn)(void **);
  memcpy(&fn, &wrapper, sizeof fn);
  fn(packed);
  return true;
}

static ffi_type *ffiTypeOf(ElementKind k) {
  switch (k) {
  case EK_F32: return &ffi_type_float;
  case EK_F64: return &ffi_type_double;
  case EK_I8: return &ffi_type_sint8;
  case EK_I16: return &ffi_type_sint16;
  case EK_I32: return &ffi_type_sint32;
  case EK_I64: return &ffi_type_sint64;
  }
  return &ffi_type_void;
}

/* Calls a C reference: buffers as pointers, scalars by value. */
static void invokeC(void (*fn)(void), const Arg *args, int numArgs,
                    Run *run) {
  ffi_type *types[MAX_ARGS];
  void *values[MAX_ARGS];
  ScalarSlot scalars[MAX_ARGS];
  for (int i = 0; i < numArgs; ++i) {
    if (args[i].isBuffer) {
      types[i] = &ffi_type_pointer;
      values[i] = &run->data[i];
    } else {
      types[i] = ffiTypeOf(args[i].kind);
      scalarSlot(&args[i], &scalars[i]);
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

static bool call(MlirExecutionEngine jit, const Callee *c, const Arg *args,
                 int numArgs, Run *run) {
  if (c->cFunction) {
    invokeC(c->cFunction, args, numArgs, run);
    return true;
  }
  if (!invokeJit(jit, c->jitName, args, numArgs, run)) {
    uslToolError(program, "cannot call %s in the JIT", c->label);
    return false;
  }
  return true;
}

/*--- checking and timing ------------------------------------------------------*/

static void formatIndex(const Arg *a, int64_t flat, char *out, size_t size) {
  size_t used = (size_t)snprintf(out, size, "[");
  for (int d = 0; d < a->rank; ++d)
    used += (size_t)snprintf(out + used, size - used, "%s%" PRId64,
                             d ? ", " : "", flat / a->strides[d] % a->sizes[d]);
  snprintf(out + used, size - used, "]");
}

/* Compares every buffer of two runs; prints a summary or the mismatches. */
static bool compareRuns(const Options *o, const Callee *x, const Callee *y,
                        const Arg *args, int numArgs, const Run *rx,
                        const Run *ry) {
  int64_t compared = 0, mismatches = 0;
  double maxAbs = 0, maxRel = 0;
  int buffers = 0;
  for (int i = 0; i < numArgs; ++i) {
    const Arg *a = &args[i];
    if (!a->isBuffer)
      continue;
    ++buffers;
    int64_t reported = 0, bad = 0;
    for (int64_t e = 0; e < a->numElements; ++e) {
      ++compared;
      bool ok;
      double u = elementAsDouble(rx->data[i], a->kind, e);
      double v = elementAsDouble(ry->data[i], a->kind, e);
      if (isFloatKind(a->kind) && !o->exact) {
        double diff = fabs(u - v);
        ok = diff <= o->atol + o->rtol * fabs(v) || (isnan(u) && isnan(v));
        if (diff > maxAbs)
          maxAbs = diff;
        if (v != 0 && diff / fabs(v) > maxRel)
          maxRel = diff / fabs(v);
      } else {
        ok = elementsEqual(rx->data[i], ry->data[i], a->kind, e);
        if (!ok && fabs(u - v) > maxAbs)
          maxAbs = fabs(u - v);
      }
      if (ok)
        continue;
      ++bad;
      if (reported++ < 5) {
        char where[128];
        formatIndex(a, e, where, sizeof where);
        fprintf(stderr, "%s: mismatch in argument %d at %s: %s gives %.9g, "
                        "%s gives %.9g\n",
                program, i, where, x->label, u, y->label, v);
      }
    }
    if (bad > 5)
      fprintf(stderr, "%s: ... %" PRId64 " mismatches in argument %d\n",
              program, bad, i);
    mismatches += bad;
  }
  if (mismatches) {
    uslToolError(program, "%s differs from %s in %" PRId64 " of %" PRId64
                          " elements",
                 x->label, y->label, mismatches, compared);
    return false;
  }
  printf("%s: %s matches %s: %d buffers, %" PRId64 " elements, max abs "
         "diff %.3g, max rel diff %.3g\n",
         program, x->label, y->label, buffers, compared, maxAbs, maxRel);
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
                      const Arg *args, int numArgs, int runs,
                      double *median) {
  Run run;
  prepareRun(args, numArgs, &run);
  double *times = malloc((size_t)runs * sizeof *times);
  bool ok = call(jit, c, args, numArgs, &run);
  for (int r = 0; r < runs && ok; ++r) {
    double start = now();
    ok = call(jit, c, args, numArgs, &run);
    times[r] = now() - start;
  }
  if (ok) {
    qsort(times, (size_t)runs, sizeof *times, compareDoubles);
    *median = runs % 2 ? times[runs / 2]
                       : 0.5 * (times[runs / 2 - 1] + times[runs / 2]);
  }
  free(times);
  freeRun(args, numArgs, &run);
  return ok;
}

static void printBuffers(const Arg *args, int numArgs, const Run *run,
                         const char *label) {
  for (int i = 0; i < numArgs; ++i) {
    if (!args[i].isBuffer)
      continue;
    printf("%s argument %d:", label, i);
    for (int64_t e = 0; e < args[i].numElements; ++e)
      printf(" %.9g", elementAsDouble(run->data[i], args[i].kind, e));
    printf("\n");
  }
}

/*--- main -------------------------------------------------------------------*/

static void usage(FILE *out) {
  fprintf(out,
          "usage: usl-run FILE -e FUNCTION [options]\n"
          "Runs FUNCTION of FILE (scheduled loops or any level down to the llvm\n"
          "dialect) through the JIT on seeded pseudo-random inputs.\n\n"
          "  -e, --entry=FN        the function to run\n"
          "  --args=LIST           one item per argument: a shape (17x13) for\n"
          "                        a buffer, a number for a scalar\n"
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
          "  -O0..-O3              JIT optimization level (default 3)\n");
}

static bool parseDouble(const char *text, double *out) {
  char *end;
  *out = strtod(text, &end);
  return end != text && !*end && *out >= 0;
}

int main(int argc, char **argv) {
  Options o = {.seed = 1, .atol = 1e-5, .rtol = 1e-4, .argSpec = ""};
  int optLevel = 3;
  enum { OPT_ARGS = 256, OPT_SEED, OPT_COMPARE, OPT_REFERENCE, OPT_ATOL,
         OPT_RTOL, OPT_EXACT, OPT_BENCH, OPT_OPENMP, OPT_PRINT };
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
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  char *end;
  while ((c = getopt_long(argc, argv, "e:O:h", longOptions, NULL)) != -1) {
    switch (c) {
    case 'e': o.entry = optarg; break;
    case OPT_ARGS: o.argSpec = optarg; break;
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

  int status = 1;
  MlirContext ctx = uslToolCreateContext();
  MlirModule module = uslToolParseFile(ctx, o.input);
  MlirExecutionEngine jit = {NULL};
  void *library = NULL;
  static Arg args[MAX_ARGS];
  int numArgs = 0;
  if (mlirModuleIsNull(module))
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
  if (!buildArgs(fnType, o.argSpec, o.seed, args, &numArgs))
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

  if (mlirLogicalResultIsFailure(uslLowerModuleToLLVM(module, o.openmp)))
    goto done;
  MlirStringRef libs[1] = {
      mlirStringRefCreateFromCString(USL_OPENMP_RUNTIME)};
  jit = mlirExecutionEngineCreate(module, optLevel, o.openmp ? 1 : 0, libs,
                                  false, false);
  if (mlirExecutionEngineIsNull(jit)) {
    uslToolError(program, "the JIT could not compile the module");
    goto done;
  }
  mlirExecutionEngineInitialize(jit);

  Run runX, runY;
  prepareRun(args, numArgs, &runX);
  bool ok = call(jit, &first, args, numArgs, &runX);
  if (ok && o.print)
    printBuffers(args, numArgs, &runX, entryLabel);
  bool comparing = o.compare || o.reference;
  if (ok && comparing) {
    prepareRun(args, numArgs, &runY);
    ok = call(jit, &second, args, numArgs, &runY) &&
         compareRuns(&o, &first, &second, args, numArgs, &runX, &runY);
    freeRun(args, numArgs, &runY);
  } else if (ok) {
    printf("%s: ran %s\n", program, entryLabel);
  }
  freeRun(args, numArgs, &runX);

  if (ok && o.bench) {
    double t1, t2 = 0;
    ok = timeCalls(jit, &first, args, numArgs, o.bench, &t1) &&
         (!comparing || timeCalls(jit, &second, args, numArgs, o.bench, &t2));
    if (ok && comparing)
      printf("%s: median of %d runs: %s %.4f ms, %s %.4f ms: %s is %.2fx "
             "as fast\n",
             program, o.bench, first.label, t1 * 1e3, second.label, t2 * 1e3,
             first.label, t2 / t1);
    else if (ok)
      printf("%s: median of %d runs: %s %.4f ms\n", program, o.bench,
             first.label, t1 * 1e3);
  }
  status = ok ? 0 : 1;

done:
  for (int i = 0; i < numArgs; ++i)
    free(args[i].initial);
  if (!mlirExecutionEngineIsNull(jit))
    mlirExecutionEngineDestroy(jit);
  if (!mlirModuleIsNull(module))
    mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  if (library)
    dlclose(library);
  return status;
}
