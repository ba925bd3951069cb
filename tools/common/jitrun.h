/*===- jitrun.h - running lowered functions on seeded buffers ------------===*
 *
 * What usl-run and the schedule fuzzer share: arguments described from a
 * function type and an --args list, seeded buffer contents, calls through the
 * execution engine's packed wrappers, and element-wise comparison.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_TOOLS_JITRUN_H
#define USL_TOOLS_JITRUN_H

#include "mlir-c/ExecutionEngine.h"
#include "mlir-c/IR.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { USL_RUN_MAX_RANK = 8, USL_RUN_MAX_ARGS = 64 };

typedef enum UslElementKind {
  USL_EK_F32, USL_EK_F64, USL_EK_I8, USL_EK_I16, USL_EK_I32, USL_EK_I64
} UslElementKind;

/* One argument of a function: a buffer (identity layout) or a scalar. */
typedef struct UslRunArg {
  bool isBuffer;
  UslElementKind kind;
  int rank;
  int64_t sizes[USL_RUN_MAX_RANK], strides[USL_RUN_MAX_RANK];
  int64_t numElements;
  void *initial; /* the seeded contents, copied into each run's buffer */
  union {
    int64_t i;
    double f;
  } scalar;
} UslRunArg;

typedef struct UslRunArgs {
  int count;
  UslRunArg args[USL_RUN_MAX_ARGS];
} UslRunArgs;

/* A memref descriptor as the lowered function takes it, unpacked. */
typedef struct UslDescriptor {
  void *allocated, *aligned;
  int64_t offset;
  int64_t sizes[USL_RUN_MAX_RANK], strides[USL_RUN_MAX_RANK];
} UslDescriptor;

/* The buffers of one run: fresh copies of the initial contents. */
typedef struct UslRun {
  void *data[USL_RUN_MAX_ARGS];
  UslDescriptor desc[USL_RUN_MAX_ARGS];
} UslRun;

/* Describes the arguments of `fnType` from `spec` (one comma-separated item
 * per argument: a shape like 17x13 for a buffer, a number for a scalar) and
 * fills the buffers from `seed`. Prints `program: error: ...` and returns
 * false on a bad spec or an unsupported type. */
bool uslRunArgsBuild(const char *program, MlirType fnType, const char *spec,
                     uint64_t seed, UslRunArgs *args);
void uslRunArgsFree(UslRunArgs *args);

void uslRunPrepare(const UslRunArgs *args, UslRun *run);
void uslRunRelease(const UslRunArgs *args, UslRun *run);

/* A scalar argument converted to its parameter type. */
typedef union UslScalarSlot {
  float f32;
  double f64;
  int8_t i8;
  int16_t i16;
  int32_t i32;
  int64_t i64;
} UslScalarSlot;

void uslScalarSlot(const UslRunArg *arg, UslScalarSlot *slot);

/* Calls the lowered function `name` through its packed wrapper. */
bool uslRunInvokeJit(MlirExecutionEngine jit, const char *name,
                     const UslRunArgs *args, UslRun *run);

size_t uslElementSize(UslElementKind k);
bool uslElementIsFloat(UslElementKind k);
double uslElementAsDouble(const void *data, UslElementKind k, int64_t i);

/* How two runs are compared: floats within |a-b| <= atol + rtol*|b| unless
 * `exact`; integers always exactly. */
typedef struct UslTolerance {
  double atol, rtol;
  bool exact;
} UslTolerance;

typedef struct UslCompareResult {
  int buffers;
  int64_t compared, mismatches;
  double maxAbs, maxRel;
} UslCompareResult;

/* Compares every buffer of two runs; prints up to five mismatches per buffer
 * as `program: mismatch in argument N at [i, j]: X gives .., Y gives ..`. */
UslCompareResult uslRunCompare(const char *program, const UslRunArgs *args,
                               const UslRun *x, const char *xLabel,
                               const UslRun *y, const char *yLabel,
                               UslTolerance tolerance);

#endif
