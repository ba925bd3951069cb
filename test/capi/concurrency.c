/* Tests that USL passes may run at the same time on several threads, each
 * with its own MlirContext (what an embedder compiling on a thread pool
 * does): every pass of the pass table runs over inputs of the test suite,
 * first on one thread, then on two threads at once, several rounds each,
 * and every output (printed module and diagnostics) must equal the first
 * run's. A pass no job runs fails the test, so new passes get covered.
 * Built with -DUSL_TSAN=ON (make check-sanitize), ThreadSanitizer also
 * checks that no memory is shared without synchronization.
 */
// RUN: usl-capi-concurrency %usl_src | FileCheck %s
// CHECK: usl-capi-concurrency: {{[0-9]+}} jobs cover {{[0-9]+}} passes
// CHECK: usl-capi-concurrency: 2 threads x 2 rounds: every output equals the
// single-threaded one

#include "usl/usl.h"

#include "mlir-c/Diagnostics.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_STEPS = 8, NUM_THREADS = 2, ROUNDS = 2 };

/* Passes run in order over each `// -----` piece of a file of the suite. */
typedef struct Job {
  const char *file;
  const char *steps[MAX_STEPS][2]; /* pass, options */
} Job;

static const Job jobs[] = {
    {"test/passes/split-tails.mlir",
     {{"split", "loop=i factor=4 tail=cut outer=a inner=b"}}},
    {"test/passes/split.mlir", {{"split", "loop=i factor=4 tail=guard"}}},
    {"test/passes/tile.mlir", {{"tile", ""}}},
    {"test/passes/band-occurrence.mlir",
     {{"tile", "loops=i,j sizes=2,8 occurrence=1"},
      {"reorder", "loops=ji,ii occurrence=0"}}},
    {"test/passes/reorder.mlir", {{"reorder", "loop=i"}}},
    {"test/passes/fission.mlir", {{"fission", "loop=i after=1"}}},
    {"test/passes/fuse.mlir", {{"fuse", ""}}},
    {"test/passes/unroll.mlir", {{"unroll", "loop=i factor=4"}}},
    {"test/passes/parallelize.mlir", {{"parallelize", "loop=i"}}},
    {"test/passes/vectorize.mlir", {{"vectorize", "loop=i width=8"}}},
    {"test/passes/stage-mem.mlir",
     {{"stage-mem", "loop=k buffer=C into=acc memory=rvm_tile"}}},
    {"test/passes/stage-mem-private.mlir",
     {{"stage-mem", "loop=i buffer=t body=true"}}},
    {"test/passes/buffers.mlir",
     {{"lift-alloc", "buffer=t"},
      {"expand-dim", "buffer=t size=4 by=ji"},
      {"lift-alloc", "buffer=t"},
      {"expand-dim", "buffer=t size=4 by=ii"},
      {"set-memory", "buffer=t memory=rvm_tile"}}},
    {"test/passes/divide-dim.mlir",
     {{"divide-dim", "buffer=c dim=1 factor=16"}}},
    {"test/passes/simplify.mlir", {{"simplify", ""}}},
    {"test/passes/hoist.mlir", {{"hoist", "loop=i"}}},
    {"test/passes/compute-at.mlir", {{"compute-at", "buffer=t loop=io"}}},
    {"test/passes/lift-scope.mlir", {{"lift-scope", "loop=i"}}},
    {"test/passes/remove-loop.mlir", {{"remove-loop", "loop=i"}}},
    {"test/passes/unroll-buffer.mlir", {{"unroll-buffer", "buffer=acc dim=0"}}},
    {"test/passes/reuse-buffer.mlir", {{"reuse-buffer", "buffer=b with=a"}}},
    {"test/passes/rearrange-dim.mlir",
     {{"rearrange-dim", "buffer=t order=1,0"}}},
    {"test/e2e/pipeline-scheduled.mlir",
     {{"lower-pipeline", ""}, {"apply-schedule", ""}}},
    {"test/conversion/lower-pipeline.mlir", {{"lower-pipeline", ""}}},
    {"test/conversion/partition-loops.mlir", {{"partition-loops", ""}}},
    {"test/conversion/lower-rvm.mlir",
     {{"lower-rvm", ""}, {"rvm-allocate-tiles", ""}, {"convert-rvm", ""}}},
    {"test/conversion/lower-avx512.mlir",
     {{"lower-avx512", ""}, {"convert-avx512", ""}}},
    {"test/conversion/sloop-to-scf.mlir",
     {{"convert-sloop-to-scf", ""}, {"usl-dissolve-alloca-scopes", ""}}},
    {"test/conversion/vectorize-loops.mlir", {{"convert-sloop-to-scf", ""}}},
    {"test/conversion/check-parallel.mlir", {{"usl-check-parallel", ""}}},
    {"test/conversion/lower-to-llvm.mlir", {{"usl-lower-to-llvm", ""}}},
    {"test/e2e/matmul.mlir",
     {{"tile", ""}, {"usl-lower-to-upstream", "openmp=true"}}},
    {"test/conversion/import-linalg.mlir", {{"import-linalg", ""}}},
    {"test/conversion/import-linalg.mlir",
     {{"import-linalg", "bufferize=false"}}},
    {"test/conversion/import-linalg.mlir", {{"convert-linalg-to-sloop", ""}}},
};
enum { NUM_JOBS = sizeof jobs / sizeof jobs[0] };

/*--- growing strings --------------------------------------------------------*/

typedef struct Text {
  char *data;
  size_t size, capacity;
} Text;

static void append(Text *t, const char *data, size_t n) {
  if (t->size + n + 1 > t->capacity) {
    t->capacity = 2 * (t->size + n + 1);
    t->data = realloc(t->data, t->capacity);
    if (!t->data) {
      fprintf(stderr, "usl-capi-concurrency: out of memory\n");
      exit(1);
    }
  }
  memcpy(t->data + t->size, data, n);
  t->size += n;
  t->data[t->size] = 0;
}

static void appendRef(MlirStringRef s, void *userData) {
  append(userData, s.data, s.length);
}

static void appendString(Text *t, const char *s) { append(t, s, strlen(s)); }

static MlirLogicalResult recordDiagnostic(MlirDiagnostic d, void *userData) {
  appendString(userData, "diagnostic: ");
  mlirDiagnosticPrint(d, appendRef, userData);
  appendString(userData, "\n");
  return mlirLogicalResultSuccess();
}

static char *readFile(const char *root, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", root, name);
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  Text t = {0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    append(&t, chunk, n);
  fclose(f);
  if (!t.data)
    append(&t, "", 0);
  return t.data;
}

/*--- running jobs
 * -------------------------------------------------------------*/

/* Runs `job` over each piece of `source` in a context of its own; returns
 * what it printed (modules, failures, diagnostics). */
static char *runJob(const Job *job, const char *source) {
  Text out = {0};
  appendString(&out, "");
  MlirContext ctx = mlirContextCreateWithThreading(false);
  uslContextPrepare(ctx);
  MlirDiagnosticHandlerID handler =
      mlirContextAttachDiagnosticHandler(ctx, recordDiagnostic, &out, NULL);
  const char *separator = "\n// -----\n";
  for (const char *piece = source; piece;) {
    const char *end = strstr(piece, separator);
    size_t length = end ? (size_t)(end - piece) : strlen(piece);
    MlirModule module =
        mlirModuleCreateParse(ctx, (MlirStringRef){piece, length});
    piece = end ? end + strlen(separator) : NULL;
    if (mlirModuleIsNull(module)) {
      appendString(&out, "parse failed\n");
      continue;
    }
    MlirOperation op = mlirModuleGetOperation(module);
    MlirPassManager pm = mlirPassManagerCreateOnOperation(
        ctx, mlirStringRefCreateFromCString("builtin.module"));
    MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager(pm);
    for (int s = 0; s < MAX_STEPS && job->steps[s][0]; ++s) {
      char error[512];
      if (!uslAddPass(opm, job->steps[s][0], job->steps[s][1], error,
                      sizeof error)) {
        fprintf(stderr, "usl-capi-concurrency: %s: %s\n", job->file, error);
        exit(1);
      }
    }
    if (mlirLogicalResultIsFailure(mlirPassManagerRunOnOp(pm, op)))
      appendString(&out, "pass failed\n");
    mlirOperationPrint(op, appendRef, &out);
    appendString(&out, "\n");
    mlirPassManagerDestroy(pm);
    mlirModuleDestroy(module);
  }
  mlirContextDetachDiagnosticHandler(ctx, handler);
  mlirContextDestroy(ctx);
  return out.data;
}

typedef struct Worker {
  pthread_t thread;
  int first; /* the job it starts with: threads run the jobs rotated */
  char *const *sources;
  char *const *expected;
  int mismatches;
  int firstMismatch;
} Worker;

static void *work(void *arg) {
  Worker *w = arg;
  for (int round = 0; round < ROUNDS; ++round)
    for (int k = 0; k < NUM_JOBS; ++k) {
      int j = (w->first + k) % NUM_JOBS;
      char *got = runJob(&jobs[j], w->sources[j]);
      if (strcmp(got, w->expected[j]) && w->mismatches++ == 0)
        w->firstMismatch = j;
      free(got);
    }
  return NULL;
}

int main(int argc, char **argv) {
  bool print = argc == 3 && !strcmp(argv[2], "--print");
  if (argc != 2 && !print) {
    fprintf(stderr, "usage: usl-capi-concurrency SOURCE_ROOT [--print]\n");
    return 2;
  }
  /* Every pass of the table is run by some job. */
  size_t numPasses;
  const UslPassInfo *const *passes = uslGetPasses(&numPasses);
  for (size_t p = 0; p < numPasses; ++p) {
    bool covered = false;
    for (int j = 0; j < NUM_JOBS && !covered; ++j)
      for (int s = 0; s < MAX_STEPS && jobs[j].steps[s][0] && !covered; ++s)
        covered = !strcmp(jobs[j].steps[s][0], passes[p]->argument);
    if (!covered) {
      fprintf(stderr, "usl-capi-concurrency: no job runs pass '%s'\n",
              passes[p]->argument);
      return 1;
    }
  }
  printf("usl-capi-concurrency: %d jobs cover %zu passes\n", (int)NUM_JOBS,
         numPasses);

  char *sources[NUM_JOBS], *expected[NUM_JOBS];
  for (int j = 0; j < NUM_JOBS; ++j) {
    sources[j] = readFile(argv[1], jobs[j].file);
    if (!sources[j]) {
      fprintf(stderr, "usl-capi-concurrency: cannot read %s/%s\n", argv[1],
              jobs[j].file);
      return 1;
    }
    expected[j] = runJob(&jobs[j], sources[j]);
    if (print)
      printf("// %s\n%s", jobs[j].file, expected[j]);
  }

  Worker workers[NUM_THREADS];
  for (int t = 0; t < NUM_THREADS; ++t) {
    workers[t] = (Worker){.first = t * NUM_JOBS / NUM_THREADS,
                          .sources = sources,
                          .expected = expected};
    if (pthread_create(&workers[t].thread, NULL, work, &workers[t])) {
      fprintf(stderr, "usl-capi-concurrency: cannot start a thread\n");
      return 1;
    }
  }
  int failed = 0;
  for (int t = 0; t < NUM_THREADS; ++t) {
    pthread_join(workers[t].thread, NULL);
    if (workers[t].mismatches) {
      fprintf(stderr,
              "usl-capi-concurrency: error: thread %d: %d outputs differ "
              "from the single-threaded run, the first of %s\n",
              t, workers[t].mismatches, jobs[workers[t].firstMismatch].file);
      failed = 1;
    }
  }
  for (int j = 0; j < NUM_JOBS; ++j) {
    free(sources[j]);
    free(expected[j]);
  }
  if (failed)
    return 1;
  printf("usl-capi-concurrency: %d threads x %d rounds: every output equals "
         "the single-threaded one\n",
         NUM_THREADS, ROUNDS);
  return 0;
}
