/*===- jitrun.c - running lowered functions on seeded buffers ------------===*/

#include "jitrun.h"

#include "driver.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t uslElementSize(UslElementKind k) {
  static const size_t sizes[] = {4, 8, 1, 2, 4, 8};
  return sizes[k];
}

bool uslElementIsFloat(UslElementKind k) { return k == USL_EK_F32 || k == USL_EK_F64; }

static bool elementKindOf(MlirType t, UslElementKind *k) {
  if (mlirTypeIsAF32(t))
    *k = USL_EK_F32;
  else if (mlirTypeIsAF64(t))
    *k = USL_EK_F64;
  else if (mlirTypeIsAIndex(t))
    *k = USL_EK_I64;
  else if (mlirTypeIsAInteger(t)) {
    switch (mlirIntegerTypeGetWidth(t)) {
    case 8: *k = USL_EK_I8; break;
    case 16: *k = USL_EK_I16; break;
    case 32: *k = USL_EK_I32; break;
    case 64: *k = USL_EK_I64; break;
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
static void fillRandom(UslRunArg *a, uint64_t seed) {
  uint64_t state = seed;
  for (int64_t i = 0; i < a->numElements; ++i) {
    uint64_t r = nextRandom(&state);
    double f = (double)(int64_t)(r >> 47) / 65536.0 - 1.0;
    int64_t v = (int64_t)(r >> 58) - 32; /* [-32, 32) */
    switch (a->kind) {
    case USL_EK_F32: ((float *)a->initial)[i] = (float)f; break;
    case USL_EK_F64: ((double *)a->initial)[i] = f; break;
    case USL_EK_I8: ((int8_t *)a->initial)[i] = (int8_t)(v / 4); break;
    case USL_EK_I16: ((int16_t *)a->initial)[i] = (int16_t)v; break;
    case USL_EK_I32: ((int32_t *)a->initial)[i] = (int32_t)v; break;
    case USL_EK_I64: ((int64_t *)a->initial)[i] = v; break;
    }
  }
}

double uslElementAsDouble(const void *data, UslElementKind k, int64_t i) {
  switch (k) {
  case USL_EK_F32: return ((const float *)data)[i];
  case USL_EK_F64: return ((const double *)data)[i];
  case USL_EK_I8: return ((const int8_t *)data)[i];
  case USL_EK_I16: return ((const int16_t *)data)[i];
  case USL_EK_I32: return ((const int32_t *)data)[i];
  case USL_EK_I64: return (double)((const int64_t *)data)[i];
  }
  return 0;
}

static bool elementsEqual(const void *a, const void *b, UslElementKind k,
                          int64_t i) {
  size_t s = uslElementSize(k);
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
bool uslRunArgsBuild(const char *program, MlirType fnType, const char *spec,
                     uint64_t seed, UslRunArgs *out) {
  memset(out, 0, sizeof *out);
  UslRunArg *args = out->args;
  int *numArgs = &out->count;
  intptr_t n = mlirFunctionTypeGetNumInputs(fnType);
  if (n > USL_RUN_MAX_ARGS) {
    uslToolError(program, "functions with more than %d arguments are not "
                          "supported", USL_RUN_MAX_ARGS);
    return false;
  }
  if (mlirFunctionTypeGetNumResults(fnType) != 0) {
    uslToolError(program, "the function returns values; only functions "
                          "that write their results to buffers can run");
    return false;
  }
  *numArgs = (int)n;
  const char *rest = spec;
  for (intptr_t i = 0; i < n; ++i) {
    UslRunArg *a = &args[i];
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
      if (uslElementIsFloat(a->kind))
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
    if (a->rank > USL_RUN_MAX_RANK) {
      uslToolError(program, "argument %ld has rank %d; at most %d is "
                            "supported", (long)i, a->rank, USL_RUN_MAX_RANK);
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
                        uslElementSize(a->kind));
    fillRandom(a, seed * 1000003u + (uint64_t)i);
  }
  if (rest && *rest) {
    uslToolError(program, "--args lists more values than the function's %d "
                          "arguments", *numArgs);
    return false;
  }
  return true;
}


void uslRunPrepare(const UslRunArgs *all, UslRun *run) {
  const UslRunArg *args = all->args;
  int numArgs = all->count;
  for (int i = 0; i < numArgs; ++i) {
    run->data[i] = NULL;
    if (!args[i].isBuffer)
      continue;
    size_t bytes = (size_t)args[i].numElements * uslElementSize(args[i].kind);
    size_t rounded = (bytes + 63) / 64 * 64;
    run->data[i] = aligned_alloc(64, rounded ? rounded : 64);
    memcpy(run->data[i], args[i].initial, bytes);
    UslDescriptor *d = &run->desc[i];
    d->allocated = d->aligned = run->data[i];
    d->offset = 0;
    memcpy(d->sizes, args[i].sizes, sizeof d->sizes);
    memcpy(d->strides, args[i].strides, sizeof d->strides);
  }
}

void uslRunRelease(const UslRunArgs *all, UslRun *run) {
  const UslRunArg *args = all->args;
  int numArgs = all->count;
  for (int i = 0; i < numArgs; ++i)
    if (args[i].isBuffer)
      free(run->data[i]);
}

/*--- calling ------------------------------------------------------------------*/


void uslScalarSlot(const UslRunArg *a, UslScalarSlot *s) {
  switch (a->kind) {
  case USL_EK_F32: s->f32 = (float)a->scalar.f; break;
  case USL_EK_F64: s->f64 = a->scalar.f; break;
  case USL_EK_I8: s->i8 = (int8_t)a->scalar.i; break;
  case USL_EK_I16: s->i16 = (int16_t)a->scalar.i; break;
  case USL_EK_I32: s->i32 = (int32_t)a->scalar.i; break;
  case USL_EK_I64: s->i64 = a->scalar.i; break;
  }
}

/* Calls the lowered function through its packed wrapper: each memref is
 * passed as its unpacked descriptor fields. */
bool uslRunInvokeJit(MlirExecutionEngine jit, const char *name,
                     const UslRunArgs *all, UslRun *run) {
  const UslRunArg *args = all->args;
  int numArgs = all->count;
  void *packed[USL_RUN_MAX_ARGS * (3 + 2 * USL_RUN_MAX_RANK)];
  UslScalarSlot scalars[USL_RUN_MAX_ARGS];
  int n = 0;
  for (int i = 0; i < numArgs; ++i) {
    if (!args[i].isBuffer) {
      uslScalarSlot(&args[i], &scalars[i]);
      packed[n++] = &scalars[i];
      continue;
    }
    UslDescriptor *d = &run->desc[i];
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

static void formatIndex(const UslRunArg *a, int64_t flat, char *out, size_t size) {
  size_t used = (size_t)snprintf(out, size, "[");
  for (int d = 0; d < a->rank; ++d)
    used += (size_t)snprintf(out + used, size - used, "%s%" PRId64,
                             d ? ", " : "", flat / a->strides[d] % a->sizes[d]);
  snprintf(out + used, size - used, "]");
}

UslCompareResult uslRunCompare(const char *program, const UslRunArgs *all,
                               const UslRun *rx, const char *xLabel,
                               const UslRun *ry, const char *yLabel,
                               UslTolerance tolerance) {
  UslCompareResult r = {0, 0, 0, 0, 0};
  for (int i = 0; i < all->count; ++i) {
    const UslRunArg *a = &all->args[i];
    if (!a->isBuffer)
      continue;
    ++r.buffers;
    int64_t bad = 0;
    for (int64_t e = 0; e < a->numElements; ++e) {
      ++r.compared;
      bool ok;
      double u = uslElementAsDouble(rx->data[i], a->kind, e);
      double v = uslElementAsDouble(ry->data[i], a->kind, e);
      if (uslElementIsFloat(a->kind) && !tolerance.exact) {
        double diff = fabs(u - v);
        ok = diff <= tolerance.atol + tolerance.rtol * fabs(v) ||
             (isnan(u) && isnan(v));
        if (diff > r.maxAbs)
          r.maxAbs = diff;
        if (v != 0 && diff / fabs(v) > r.maxRel)
          r.maxRel = diff / fabs(v);
      } else {
        ok = elementsEqual(rx->data[i], ry->data[i], a->kind, e);
        if (!ok && fabs(u - v) > r.maxAbs)
          r.maxAbs = fabs(u - v);
      }
      if (ok)
        continue;
      if (bad++ < 5) {
        char where[128];
        formatIndex(a, e, where, sizeof where);
        fprintf(stderr, "%s: mismatch in argument %d at %s: %s gives %.9g, "
                        "%s gives %.9g\n",
                program, i, where, xLabel, u, yLabel, v);
      }
    }
    if (bad > 5)
      fprintf(stderr, "%s: ... %" PRId64 " mismatches in argument %d\n",
              program, bad, i);
    r.mismatches += bad;
  }
  return r;
}

void uslRunArgsFree(UslRunArgs *args) {
  for (int i = 0; i < args->count; ++i)
    free(args->args[i].initial);
  args->count = 0;
}
