/*===- usl-fuzz-schedules.c - random schedules must not change results ---===*
 *
 *   usl-fuzz-schedules FILE -e FN [--args=...]... [--seed=S] [--count=N]
 *                      [--steps=K] [--repeat=R] [--openmp] [--verbose]
 *
 * Makes N copies of FN and applies K random directives to each (random
 * loops and buffers of every origin, random parameters, legal or not). A
 * rejected directive must emit an error and leave its function exactly as
 * it was; every schedule must verify; then all copies are lowered together,
 * JIT-compiled once and run on the same seeded inputs as FN, for each
 * --args (sizes that make trip counts 0, 1 or negative among them), R times
 * each (par loops on threads race differently each time), and every buffer
 * must equal FN's (integers exactly, floats within tolerance). Prints each
 * failing schedule as the list of directives that made it, and ends with
 * "N passed, M failed".
 *
 *===---------------------------------------------------------------------===*/

#define _GNU_SOURCE /* getopt_long */

#include "../common/driver.h"
#include "../common/jitrun.h"
#include "usl/conversion.h"
#include "usl/schedule.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const program = "usl-fuzz-schedules";

/*--- small helpers -------------------------------------------------------------*/

typedef struct Text {
  char *data;
  size_t length, capacity;
} Text;

static void textAppend(MlirStringRef s, void *userData) {
  Text *t = userData;
  if (t->length + s.length + 1 > t->capacity) {
    t->capacity = 2 * (t->length + s.length + 1);
    t->data = realloc(t->data, t->capacity);
  }
  memcpy(t->data + t->length, s.data, s.length);
  t->length += s.length;
  t->data[t->length] = '\0';
}

static char *printOp(MlirOperation op) {
  Text t = {0};
  textAppend(mlirStringRefCreateFromCString(""), &t);
  mlirOperationPrint(op, textAppend, &t);
  return t.data;
}

static uint64_t nextRandom(uint64_t *state) { /* splitmix64 */
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* A uniform integer in [lo, hi]. */
static int64_t pick(uint64_t *rng, int64_t lo, int64_t hi) {
  return lo + (int64_t)(nextRandom(rng) % (uint64_t)(hi - lo + 1));
}

/* Counts errors instead of printing them (unless verbose). */
typedef struct Diagnostics {
  int errors;
  bool verbose;
} Diagnostics;

static void printToStderr(MlirStringRef s, void *userData) {
  (void)userData;
  fwrite(s.data, 1, s.length, stderr);
}

static MlirLogicalResult countDiagnostic(MlirDiagnostic d, void *userData) {
  Diagnostics *diags = userData;
  if (mlirDiagnosticGetSeverity(d) == MlirDiagnosticError)
    ++diags->errors;
  if (diags->verbose) {
    fprintf(stderr, "  rejected: ");
    mlirDiagnosticPrint(d, printToStderr, NULL);
    fputc('\n', stderr);
  }
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult printErrors(MlirDiagnostic d, void *userData) {
  (void)userData;
  if (mlirDiagnosticGetSeverity(d) == MlirDiagnosticError) {
    mlirDiagnosticPrint(d, printToStderr, NULL);
    fputc('\n', stderr);
  }
  return mlirLogicalResultSuccess();
}

/*--- random directives ----------------------------------------------------------*/

typedef struct LoopList {
  MlirOperation ops[256];
  int count;
} LoopList;

static MlirWalkResult collectLoop(MlirOperation op, void *userData) {
  LoopList *l = userData;
  if (uslOpIs(op, USL_SLOOP_FOR) && l->count < 256)
    l->ops[l->count++] = op;
  return MlirWalkResultAdvance;
}

static MlirWalkResult collectAlloc(MlirOperation op, void *userData) {
  LoopList *l = userData;
  if (uslOpIs(op, USL_SLOOP_ALLOC) && l->count < 256)
    l->ops[l->count++] = op;
  return MlirWalkResultAdvance;
}

/* Buffers of every origin: arguments, sloop.alloc, memref.alloc/alloca,
 * get_global, and the views (windows, subviews, casts) made of them. */
typedef struct ValueList {
  MlirValue values[256];
  int count;
} ValueList;

static MlirWalkResult collectBuffer(MlirOperation op, void *userData) {
  ValueList *l = userData;
  if (mlirOperationGetNumResults(op) == 1 && l->count < 256 &&
      mlirTypeIsAMemRef(mlirValueGetType(mlirOperationGetResult(op, 0))))
    l->values[l->count++] = mlirOperationGetResult(op, 0);
  return MlirWalkResultAdvance;
}

static void collectBuffers(MlirOperation func, ValueList *l) {
  l->count = 0;
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  for (intptr_t i = 0; i < mlirBlockGetNumArguments(entry) && l->count < 256;
       ++i)
    if (mlirTypeIsAMemRef(mlirValueGetType(mlirBlockGetArgument(entry, i))))
      l->values[l->count++] = mlirBlockGetArgument(entry, i);
  mlirOperationWalk(func, collectBuffer, l, MlirWalkPreOrder);
}

/* "arg2", "'t'", or the op that makes the buffer. */
static void describeValue(MlirValue v, char *out, size_t size) {
  if (mlirValueIsABlockArgument(v)) {
    snprintf(out, size, "arg%ld", (long)mlirBlockArgumentGetArgNumber(v));
    return;
  }
  MlirOperation def = mlirOpResultGetOwner(v);
  if (uslOpIs(def, USL_SLOOP_ALLOC)) {
    MlirStringRef n = uslAllocGetName(def);
    snprintf(out, size, "'%.*s'", (int)n.length, n.data);
    return;
  }
  MlirStringRef n = mlirIdentifierStr(mlirOperationGetName(def));
  snprintf(out, size, "%.*s result", (int)n.length, n.data);
}

static MlirOperation onlyChildLoop(MlirOperation loop) {
  MlirBlock body = uslForGetBody(loop);
  MlirOperation first = mlirBlockGetFirstOperation(body);
  if (!uslOpIs(first, USL_SLOOP_FOR) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(first),
                          mlirBlockGetTerminator(body)))
    return (MlirOperation){NULL};
  return first;
}

static const char *const tailNames[] = {"perfect", "guard", "cut"};

/* Applies one random directive to a random loop of `func`; appends what it
 * did to `log`. Returns false when it was rejected. */
static bool applyRandom(MlirOperation func, uint64_t *rng, char *log,
                        size_t logSize) {
  LoopList loops = {.count = 0};
  mlirOperationWalk(func, collectLoop, &loops, MlirWalkPreOrder);
  size_t used = strlen(log);
  if (loops.count == 0) {
    snprintf(log + used, logSize - used, " (no loops)");
    return true;
  }
  MlirOperation loop = loops.ops[pick(rng, 0, loops.count - 1)];
  MlirStringRef n = uslForGetName(loop);
  char name[80];
  snprintf(name, sizeof name, "%.*s", (int)n.length, n.data);
  MlirLogicalResult r = mlirLogicalResultFailure();
  MlirStringRef none = mlirStringRefCreateFromCString("");
  switch (pick(rng, 0, 14)) {
  case 0: {
    int64_t f = pick(rng, 2, 9);
    UslTail t = (UslTail)pick(rng, 0, 2);
    snprintf(log + used, logSize - used, " split(%s, %lld, %s)", name,
             (long long)f, tailNames[t]);
    r = uslSplit(loop, f, t, none, none);
    break;
  }
  case 1: {
    MlirOperation band[2] = {loop, onlyChildLoop(loop)};
    int64_t sizes[2] = {pick(rng, 2, 5), pick(rng, 2, 5)};
    UslTail t = (UslTail)pick(rng, 0, 1);
    int n = mlirOperationIsNull(band[1]) ? 1 : 2;
    snprintf(log + used, logSize - used, " tile(%s x%d, %lld, %lld, %s)",
             name, n, (long long)sizes[0], (long long)sizes[1], tailNames[t]);
    r = uslTile(band, n, sizes, t);
    break;
  }
  case 2: {
    MlirOperation band[2] = {loop, onlyChildLoop(loop)};
    int perm[2] = {1, 0};
    snprintf(log + used, logSize - used, " reorder(%s)", name);
    if (mlirOperationIsNull(band[1]))
      return true; /* nothing to swap; not a directive to test */
    r = uslReorder(band, 2, perm);
    break;
  }
  case 3: {
    int64_t after = pick(rng, 1, 3);
    snprintf(log + used, logSize - used, " fission(%s, %lld)", name,
             (long long)after);
    r = uslFission(loop, after);
    break;
  }
  case 4:
    snprintf(log + used, logSize - used, " fuse(%s)", name);
    r = uslFuse(loop);
    break;
  case 5: {
    /* Factors above the trip count too. */
    int64_t f = pick(rng, 0, 7);
    if (f == 1)
      f = 0;
    int64_t lb, ub;
    if (f == 0 && (!uslForGetConstantBounds(loop, &lb, &ub) || ub - lb > 16))
      f = 2;
    snprintf(log + used, logSize - used, " unroll(%s, %lld)", name,
             (long long)f);
    r = uslUnroll(loop, f);
    break;
  }
  case 6:
    snprintf(log + used, logSize - used, " parallelize(%s)", name);
    r = uslParallelize(loop);
    break;
  case 8: {
    /* Stage a random buffer of any origin in the loop, sometimes as a
     * dram_static copy. */
    ValueList buffers;
    collectBuffers(func, &buffers);
    if (!buffers.count)
      return true;
    MlirValue b = buffers.values[pick(rng, 0, buffers.count - 1)];
    bool body = pick(rng, 0, 1);
    UslMemorySpace space = pick(rng, 0, 3) ? USL_MEM_DRAM : USL_MEM_DRAM_STATIC;
    char what[96];
    describeValue(b, what, sizeof what);
    snprintf(log + used, logSize - used, " stage-mem(%s, %s%s%s)", name, what,
             body ? ", body" : "",
             space == USL_MEM_DRAM_STATIC ? ", dram_static" : "");
    r = uslStageMem(loop, body, b, mlirStringRefCreateFromCString(""), space);
    break;
  }
  case 9:
    snprintf(log + used, logSize - used, " simplify");
    r = uslSimplify(func);
    break;
  case 10:
    snprintf(log + used, logSize - used, " hoist(%s)", name);
    r = uslHoist(loop);
    break;
  case 11:
    snprintf(log + used, logSize - used, " lift-scope(%s)", name);
    r = uslLiftScope(loop);
    break;
  case 14:
    snprintf(log + used, logSize - used, " remove-loop(%s)", name);
    r = uslRemoveLoop(loop);
    break;
  case 12:
  case 13: {
    /* Buffer directives on a random allocation, if there is one. */
    LoopList allocs = {.count = 0};
    mlirOperationWalk(func, collectAlloc, &allocs, MlirWalkPreOrder);
    if (!allocs.count)
      return true;
    MlirOperation alloc = allocs.ops[pick(rng, 0, allocs.count - 1)];
    MlirStringRef an = uslAllocGetName(alloc);
    int choice = (int)pick(rng, 0, 8);
    if (choice == 8) {
      MlirOperation dead = allocs.ops[pick(rng, 0, allocs.count - 1)];
      MlirStringRef dn = uslAllocGetName(dead);
      snprintf(log + used, logSize - used, " reuse-buffer(%.*s, %.*s)",
               (int)an.length, an.data, (int)dn.length, dn.data);
      if (mlirOperationEqual(alloc, dead))
        return true; /* not a directive to test */
      r = uslReuseBuffer(alloc, dead);
    } else if (choice == 7) {
      snprintf(log + used, logSize - used, " set-memory(%.*s, dram_static)",
               (int)an.length, an.data);
      r = uslSetMemory(alloc, USL_MEM_DRAM_STATIC);
    } else if (choice == 6) {
      int64_t dim = pick(rng, 0, 1), factor = pick(rng, 2, 4);
      snprintf(log + used, logSize - used, " divide-dim(%.*s, %lld, %lld)",
               (int)an.length, an.data, (long long)dim, (long long)factor);
      r = uslDivideDim(alloc, dim, factor);
    } else if (choice == 5) {
      int64_t order[2] = {1, 0};
      snprintf(log + used, logSize - used, " rearrange-dim(%.*s, 1, 0)",
               (int)an.length, an.data);
      r = uslRearrangeDim(alloc, order, 2);
    } else if (choice == 4) {
      bool body = pick(rng, 0, 1);
      snprintf(log + used, logSize - used, " stage-mem(%s, %.*s%s)", name,
               (int)an.length, an.data, body ? ", body" : "");
      r = uslStageMem(loop, body, mlirOperationGetResult(alloc, 0),
                      mlirStringRefCreateFromCString(""), USL_MEM_DRAM);
    } else if (choice == 3) {
      snprintf(log + used, logSize - used, " compute-at(%.*s, %s)",
               (int)an.length, an.data, name);
      r = uslComputeAt(mlirOperationGetResult(alloc, 0), loop);
    } else if (choice == 2) {
      int64_t dim = pick(rng, 0, 2);
      snprintf(log + used, logSize - used, " unroll-buffer(%.*s, %lld)",
               (int)an.length, an.data, (long long)dim);
      r = uslUnrollBuffer(alloc, dim);
    } else if (choice == 1) {
      int64_t levels = pick(rng, 1, 3);
      snprintf(log + used, logSize - used, " lift-alloc(%.*s, %lld)",
               (int)an.length, an.data, (long long)levels);
      r = uslLiftAlloc(alloc, levels);
    } else {
      int64_t size = pick(rng, 1, 8);
      snprintf(log + used, logSize - used, " expand-dim(%.*s, %lld, %s)",
               (int)an.length, an.data, (long long)size, name);
      r = uslExpandDim(alloc, size, loop);
    }
    break;
  }
  default: {
    int64_t w = pick(rng, 2, 16);
    snprintf(log + used, logSize - used, " vectorize(%s, %lld)", name,
             (long long)w);
    r = uslVectorize(loop, w);
    break;
  }
  }
  return mlirLogicalResultIsSuccess(r);
}

/*--- main ---------------------------------------------------------------------------*/

static void usage(FILE *out) {
  fprintf(out,
          "usage: usl-fuzz-schedules FILE -e FUNCTION [options]\n"
          "Applies random directives to copies of FUNCTION and checks that\n"
          "every accepted schedule computes what FUNCTION computes.\n\n"
          "  -e, --entry=FN      the function to schedule\n"
          "  --args=LIST         as for usl-run; repeat it to run every\n"
          "                      schedule on several sizes (at most 8)\n"
          "  --seed=N            seed of the schedules and data (default 1)\n"
          "  --count=N           schedules to try (default 50)\n"
          "  --steps=K           directives per schedule (default 4)\n"
          "  --repeat=R          runs of each schedule per --args (default 1)\n"
          "  --opt=L             LLVM optimization level of the JIT (default 1)\n"
          "  --openmp            run par loops on threads\n"
          "  --verbose           print every schedule and rejection\n");
}

int main(int argc, char **argv) {
  enum { MAX_SPECS = 8 };
  const char *entry = NULL, *specs[MAX_SPECS] = {""};
  int numSpecs = 0;
  uint64_t seed = 1;
  long count = 50, steps = 4, repeat = 1, optLevel = 1;
  bool openmp = false, verbose = false;
  static const struct option longOptions[] = {
      {"entry", required_argument, NULL, 'e'},
      {"args", required_argument, NULL, 'a'},
      {"seed", required_argument, NULL, 's'},
      {"count", required_argument, NULL, 'n'},
      {"steps", required_argument, NULL, 'k'},
      {"repeat", required_argument, NULL, 'r'},
      {"opt", required_argument, NULL, 'O'},
      {"openmp", no_argument, NULL, 'p'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  char *end;
  while ((c = getopt_long(argc, argv, "e:h", longOptions, NULL)) != -1) {
    switch (c) {
    case 'e': entry = optarg; break;
    case 'a':
      if (numSpecs == MAX_SPECS) {
        uslToolError(program, "at most %d --args", MAX_SPECS);
        return 2;
      }
      specs[numSpecs++] = optarg;
      break;
    case 's':
      seed = strtoull(optarg, &end, 10);
      if (end == optarg || *end) {
        uslToolError(program, "--seed expects an integer, got '%s'", optarg);
        return 2;
      }
      break;
    case 'n':
    case 'k':
    case 'r': {
      long v = strtol(optarg, &end, 10);
      const char *what = c == 'n' ? "count" : c == 'k' ? "steps" : "repeat";
      if (end == optarg || *end || v < 1 || v > 100000) {
        uslToolError(program, "--%s expects an integer in [1, 100000], got "
                              "'%s'", what, optarg);
        return 2;
      }
      *(c == 'n' ? &count : c == 'k' ? &steps : &repeat) = v;
      break;
    }
    case 'O':
      optLevel = strtol(optarg, &end, 10);
      if (end == optarg || *end || optLevel < 0 || optLevel > 3) {
        uslToolError(program, "--opt expects 0, 1, 2 or 3, got '%s'", optarg);
        return 2;
      }
      break;
    case 'p': openmp = true; break;
    case 'v': verbose = true; break;
    case 'h': usage(stdout); return 0;
    default: usage(stderr); return 2;
    }
  }
  if (optind != argc - 1 || !entry) {
    uslToolError(program, optind != argc - 1 ? "expected one input file"
                                             : "no function: pass -e NAME");
    return 2;
  }

  int status = 1;
  MlirContext ctx = uslToolCreateContext();
  MlirModule module = uslToolParseFile(ctx, argv[optind]);
  if (mlirModuleIsNull(module)) {
    mlirContextDestroy(ctx);
    return 1;
  }
  MlirOperation func = uslToolFindFunc(module, entry);
  if (!numSpecs)
    numSpecs = 1;
  static UslRunArgs args[MAX_SPECS];
  bool *failedSchedule = calloc((size_t)count, sizeof *failedSchedule);
  char **logs = calloc((size_t)count, sizeof *logs);
  char (*names)[96] = calloc((size_t)count, sizeof *names);
  long applied = 0, rejected = 0, changedByRejection = 0, invalid = 0;
  MlirExecutionEngine jit = {NULL};
  if (mlirOperationIsNull(func)) {
    uslToolError(program, "no function @%s in %s", entry, argv[optind]);
    goto done;
  }
  for (int k = 0; k < numSpecs; ++k)
    if (!uslRunArgsBuild(program, uslToolFuncType(func), specs[k], seed,
                         &args[k]))
      goto done;

  /* Directive errors are expected; count them instead of printing. */
  Diagnostics diags = {0, verbose};
  MlirDiagnosticHandlerID handler =
      mlirContextAttachDiagnosticHandler(ctx, countDiagnostic, &diags, NULL);
  MlirBlock body = mlirModuleGetBody(module);
  for (long t = 0; t < count; ++t) {
    MlirOperation copy = mlirOperationClone(func);
    snprintf(names[t], sizeof names[t], "%s_schedule%ld", entry, t);
    mlirOperationSetAttributeByName(
        copy, mlirStringRefCreateFromCString("sym_name"),
        mlirStringAttrGet(ctx, mlirStringRefCreateFromCString(names[t])));
    mlirBlockAppendOwnedOperation(body, copy);
    uint64_t rng = seed * 0x100000001B3ull + (uint64_t)t;
    logs[t] = calloc(4096, 1);
    for (long s = 0; s < steps; ++s) {
      char *before = printOp(copy);
      int errorsBefore = diags.errors;
      bool ok = applyRandom(copy, &rng, logs[t], 4096);
      if (ok) {
        ++applied;
      } else {
        ++rejected;
        char *after = printOp(copy);
        size_t used = strlen(logs[t]);
        snprintf(logs[t] + used, 4096 - used, "!");
        if (strcmp(before, after) || diags.errors == errorsBefore) {
          ++changedByRejection;
          fprintf(stderr, "%s: @%s:%s: %s\n", program, names[t], logs[t],
                  diags.errors == errorsBefore
                      ? "rejected without an error"
                      : "a rejected directive changed the IR");
        }
        free(after);
      }
      free(before);
    }
    if (!mlirOperationVerify(copy)) {
      ++invalid;
      fprintf(stderr, "%s: @%s:%s: the schedule does not verify\n", program,
              names[t], logs[t]);
    }
    if (verbose)
      fprintf(stderr, "@%s:%s\n", names[t], logs[t]);
  }
  mlirContextDetachDiagnosticHandler(ctx, handler);
  if (invalid || changedByRejection)
    goto done;

  /* Lowering's warnings (vec loops left scalar) are expected by the
   * thousand; its errors are failures and are printed. */
  handler = mlirContextAttachDiagnosticHandler(ctx, printErrors, NULL, NULL);
  MlirLogicalResult lowered = uslLowerModuleToLLVM(module, openmp);
  mlirContextDetachDiagnosticHandler(ctx, handler);
  if (mlirLogicalResultIsFailure(lowered))
    goto done;
  MlirStringRef libs[1] = {
      mlirStringRefCreateFromCString(USL_OPENMP_RUNTIME)};
  jit = mlirExecutionEngineCreate(module, optLevel, openmp ? 1 : 0, libs, false,
                                  false);
  if (mlirExecutionEngineIsNull(jit)) {
    uslToolError(program, "the JIT could not compile the schedules");
    goto done;
  }
  mlirExecutionEngineInitialize(jit);

  char entryLabel[128];
  snprintf(entryLabel, sizeof entryLabel, "@%s", entry);
  UslTolerance tolerance = {1e-5, 1e-4, false};
  for (int k = 0; k < numSpecs; ++k) {
    UslRun reference;
    uslRunPrepare(&args[k], &reference);
    if (!uslRunInvokeJit(jit, entry, &args[k], &reference)) {
      uslToolError(program, "cannot call @%s", entry);
      uslRunRelease(&args[k], &reference);
      goto done;
    }
    for (long t = 0; t < count; ++t)
      for (long rep = 0; rep < repeat && !failedSchedule[t]; ++rep) {
        UslRun run;
        uslRunPrepare(&args[k], &run);
        char label[128];
        snprintf(label, sizeof label, "@%s", names[t]);
        bool ok = uslRunInvokeJit(jit, names[t], &args[k], &run) &&
                  uslRunCompare(program, &args[k], &run, label, &reference,
                                entryLabel, tolerance)
                          .mismatches == 0;
        if (!ok) {
          failedSchedule[t] = true;
          fprintf(stderr, "%s: %s differs from %s with --args=%s (run %ld); "
                          "its schedule:%s\n",
                  program, label, entryLabel, specs[k], rep + 1, logs[t]);
        }
        uslRunRelease(&args[k], &run);
      }
    uslRunRelease(&args[k], &reference);
  }
  long failed = 0;
  for (long t = 0; t < count; ++t)
    failed += failedSchedule[t];
  printf("%s: %ld schedules of @%s (seed %llu): %ld directives applied, %ld "
         "rejected with an error and no change\n",
         program, count, entry, (unsigned long long)seed, applied, rejected);
  printf("%ld passed, %ld failed\n", count - failed, failed);
  status = failed ? 1 : 0;

done:
  for (long t = 0; t < count; ++t)
    free(logs[t]);
  free(logs);
  free(names);
  free(failedSchedule);
  for (int k = 0; k < numSpecs; ++k)
    uslRunArgsFree(&args[k]);
  if (!mlirExecutionEngineIsNull(jit))
    mlirExecutionEngineDestroy(jit);
  mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  return status;
}
