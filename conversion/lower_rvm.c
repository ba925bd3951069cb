//===- lower_rvm.c - lower-rvm: RVM instruction selection -----------------===//
//
// lower-rvm is instruction selection by matching (select.c) with the RVM
// register file (8 tiles in rvm_tile) and the built-in library
// instructions/rvm.mlir (more with library=FILE). A function with no tile
// buffers first gets a default schedule when its first loop nest is
// matmul-like or conv1d-like: the example schedule, compiled in, applied
// with the nest's loop and buffer names.
//
//===----------------------------------------------------------------------===//

#include "../passes/directive.h"
#include "../passes/pass_table.h"
#include "../passes/support.h"
#include "usl_embedded.h"
#include "rvm_lowering.h"
#include "select.h"
#include "usl/rvm.h"
#include "usl/schedule.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

//===----------------------------------------------------------------------===//
// The default schedule
//===----------------------------------------------------------------------===//

/* Whether access `op` indexes exactly with the variables of `a`, `b`. */
static bool indexedBy(MlirOperation op, MlirOperation a, MlirOperation b) {
  MlirAffineMap map = uslAccessGetMap(op);
  if (mlirAffineMapGetNumResults(map) != 2)
    return false;
  MlirOperation loops[2] = {a, b};
  for (intptr_t d = 0; d < 2; ++d) {
    MlirAffineExpr e = mlirAffineMapGetResult(map, d);
    if (!mlirAffineExprIsADim(e) ||
        !mlirValueEqual(mlirOperationGetOperand(
                            op, uslAccessGetFirstIndex(op) +
                                    mlirAffineDimExprGetPosition(e)),
                        uslForGetInductionVar(loops[d])))
      return false;
  }
  return true;
}

static bool loopNamed(MlirOperation func, const char *name) {
  const char *forName[] = {USL_SLOOP_FOR};
  UslOpList loops = {0};
  uslCollectOps(func, forName, 1, MlirWalkPreOrder, &loops);
  bool found = false;
  for (size_t i = 0; i < loops.size && !found; ++i) {
    MlirStringRef n = uslForGetName(loops.ops[i]);
    found = n.length == strlen(name) && !memcmp(n.data, name, n.length);
  }
  uslOpListFree(&loops);
  return found;
}

static bool bufferNamed(MlirOperation func, const char *name) {
  const char *allocName[] = {USL_SLOOP_ALLOC};
  UslOpList allocs = {0};
  uslCollectOps(func, allocName, 1, MlirWalkPreOrder, &allocs);
  bool found = false;
  for (size_t i = 0; i < allocs.size && !found; ++i) {
    MlirStringRef n = uslAllocGetName(allocs.ops[i]);
    found = n.length == strlen(name) && !memcmp(n.data, name, n.length);
  }
  uslOpListFree(&allocs);
  return found;
}

/* A matmul-like nest at `i`: for i { for j { C[i,j] = 0; for k {
 * C[i,j] += A[i,k] * B[k,j] } } } over i32 or f32, trip counts multiples
 * of 4, loops from 0; its loops and buffers' names in `names`. */
static bool matmulLike(MlirOperation i, char names[][USL_MAX_STRING_OPTION]) {
  MlirOperation j, k;
  int64_t lb, ub;
  MlirBlock bi = uslForGetBody(i);
  j = mlirBlockGetFirstOperation(bi);
  if (!uslOpIs(j, USL_SLOOP_FOR) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(j),
                          mlirBlockGetTerminator(bi)))
    return false;
  MlirBlock bj = uslForGetBody(j);
  MlirOperation init = mlirBlockGetFirstOperation(bj);
  if (!uslOpIs(init, USL_SLOOP_STORE))
    return false;
  k = mlirOperationGetNextInBlock(init);
  if (!uslOpIs(k, USL_SLOOP_FOR) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(k),
                          mlirBlockGetTerminator(bj)))
    return false;
  MlirOperation loops[3] = {i, j, k};
  for (int l = 0; l < 3; ++l)
    if (!uslForGetConstantBounds(loops[l], &lb, &ub) || lb != 0 || ub % 4 ||
        uslForGetStep(loops[l]) != 1 || uslForGetKind(loops[l]) != USL_LOOP_SEQ)
      return false;
  /* The body, in this order: load A, load B, multiply, accumulate. */
  MlirBlock bk = uslForGetBody(k);
  MlirOperation la = mlirBlockGetFirstOperation(bk);
  MlirOperation lb2 = mlirOperationIsNull(la) ? la : mlirOperationGetNextInBlock(la);
  MlirOperation mul = mlirOperationIsNull(lb2) ? lb2 : mlirOperationGetNextInBlock(lb2);
  MlirOperation acc = mlirOperationIsNull(mul) ? mul : mlirOperationGetNextInBlock(mul);
  if (mlirOperationIsNull(acc) || !uslOpIs(la, USL_SLOOP_LOAD) ||
      !uslOpIs(lb2, USL_SLOOP_LOAD) ||
      !(uslOpIs(mul, "arith.muli") || uslOpIs(mul, "arith.mulf")) ||
      !uslOpIs(acc, USL_SLOOP_REDUCE) || uslReduceGetKind(acc) != USL_REDUCE_ADD ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(acc),
                          mlirBlockGetTerminator(bk)))
    return false;
  MlirType t = mlirValueGetType(mlirOperationGetResult(mul, 0));
  bool i32 = mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 32;
  if (!i32 && !mlirTypeIsAF32(t))
    return false;
  MlirValue c = uslAccessGetMemRef(acc);
  MlirValue zero = mlirOperationGetOperand(init, 0);
  MlirAttribute z = uslConstantOf(zero);
  if (!mlirValueEqual(uslAccessGetMemRef(init), c) || mlirAttributeIsNull(z) ||
      !indexedBy(init, i, j) || !indexedBy(acc, i, j) ||
      !indexedBy(la, i, k) || !indexedBy(lb2, k, j) ||
      !mlirValueEqual(mlirOperationGetOperand(mul, 0),
                      mlirOperationGetResult(la, 0)) ||
      !mlirValueEqual(mlirOperationGetOperand(mul, 1),
                      mlirOperationGetResult(lb2, 0)) ||
      !mlirValueEqual(mlirOperationGetOperand(acc, 0),
                      mlirOperationGetResult(mul, 0)))
    return false;
  bool isZero = i32 ? mlirIntegerAttrGetValueInt(z) == 0
                    : mlirFloatAttrGetValueDouble(z) == 0.0;
  if (!isZero)
    return false;
  MlirValue buffers[3] = {uslAccessGetMemRef(la), uslAccessGetMemRef(lb2), c};
  for (int l = 0; l < 3; ++l)
    uslLoopName(loops[l], names[l], USL_MAX_STRING_OPTION);
  for (int b = 0; b < 3; ++b) {
    UslMemorySpace space;
    if (!uslMemRefTypeGetSpace(mlirValueGetType(buffers[b]), &space) ||
        uslMemorySpaceIsRegister(space))
      return false;
    uslBufferName(buffers[b], names[3 + b], USL_MAX_STRING_OPTION);
  }
  return true;
}

/* Default schedules are the example schedule files, compiled in, with the
 * example's loop and buffer names replaced by the nest's. */
typedef struct Renames {
  int numLoops, numBuffers;
  const char *loops[6], *buffers[6];          /* the example's names */
  char loopTo[6][USL_MAX_STRING_OPTION];      /* the nest's */
  char bufferTo[6][USL_MAX_STRING_OPTION];
} Renames;

static const char *embeddedSchedule(const char *name, size_t length) {
  static const struct {
    const char *name, *text;
  } files[] = {{"matmul-rvm.schedule", uslMatmulRvmSchedule},
               {"conv1d-rvm.schedule", uslConv1dRvmSchedule},
               {"conv1d-rvm-tiles.schedule", uslConv1dRvmTilesSchedule}};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; ++i)
    if (strlen(files[i].name) == length && !memcmp(files[i].name, name, length))
      return files[i].text;
  return NULL;
}

/* A name of the example schedule as the nest's: a buffer, or a loop with
 * the suffixes split and tile give its parts (o, i, oo, oi). */
static void renameName(const Renames *r, const char *token, size_t length,
                   char *out, size_t size) {
  for (int b = 0; b < r->numBuffers; ++b)
    if (strlen(r->buffers[b]) == length &&
        !memcmp(r->buffers[b], token, length)) {
      snprintf(out, size, "%s", r->bufferTo[b]);
      return;
    }
  static const char *const suffixes[] = {"", "o", "i", "oo", "oi"};
  for (int l = 0; l < r->numLoops; ++l) {
    size_t base = strlen(r->loops[l]);
    if (length < base || memcmp(r->loops[l], token, base))
      continue;
    for (size_t x = 0; x < sizeof suffixes / sizeof suffixes[0]; ++x)
      if (length - base == strlen(suffixes[x]) &&
          !memcmp(token + base, suffixes[x], length - base)) {
        snprintf(out, size, "%s%s", r->loopTo[l], suffixes[x]);
        return;
      }
  }
  snprintf(out, size, "%.*s", (int)length, token);
}

/* One line of a schedule file (`--name=options`) as a directive of the
 * nest: the values of loop=, loops=, by= and buffer= renamed. */
static void translate(const Renames *r, const char *line, size_t length,
                      char *out, size_t size) {
  size_t used = 0, i = 2; /* past "--" */
  while (i < length && line[i] != '=' && used + 1 < size)
    out[used++] = line[i++];
  ++i;
  while (i < length && used + 1 < size) {
    out[used++] = ' ';
    size_t key = i;
    while (i < length && line[i] != '=' && line[i] != ' ')
      ++i;
    size_t keyLength = i - key;
    used += (size_t)snprintf(out + used, size - used, "%.*s", (int)keyLength,
                             line + key);
    if (i < length && line[i] == '=') {
      ++i;
      bool names = (keyLength == 4 && !memcmp(line + key, "loop", 4)) ||
                   (keyLength == 5 && !memcmp(line + key, "loops", 5)) ||
                   (keyLength == 2 && !memcmp(line + key, "by", 2)) ||
                   (keyLength == 6 && !memcmp(line + key, "buffer", 6));
      out[used++] = '=';
      while (i < length && line[i] != ' ' && used + 1 < size) {
        size_t item = i;
        while (i < length && line[i] != ',' && line[i] != ' ')
          ++i;
        char renamed[USL_MAX_STRING_OPTION];
        if (names)
          renameName(r, line + item, i - item, renamed, sizeof renamed);
        else
          snprintf(renamed, sizeof renamed, "%.*s", (int)(i - item),
                   line + item);
        used += (size_t)snprintf(out + used, size - used, "%s", renamed);
        if (i < length && line[i] == ',' && used + 1 < size)
          out[used++] = line[i++];
      }
    }
    while (i < length && line[i] == ' ')
      ++i;
  }
  out[used < size ? used : size - 1] = 0;
}

static bool applySchedule(MlirOperation module, MlirOperation func,
                          const char *text, const Renames *r) {
  for (const char *line = text; *line;) {
    const char *end = strchr(line, '\n');
    size_t length = end ? (size_t)(end - line) : strlen(line);
    while (length && (line[length - 1] == ' ' || line[length - 1] == '\r'))
      --length;
    if (length && line[0] == '@') {
      const char *included = embeddedSchedule(line + 1, length - 1);
      if (!included || !applySchedule(module, func, included, r))
        return false;
    } else if (length > 2 && line[0] == '-' && line[1] == '-') {
      char directive[4 * USL_MAX_STRING_OPTION];
      translate(r, line, length, directive, sizeof directive);
      if (mlirLogicalResultIsFailure(
              uslApplyDirectiveText(module, func, directive)))
        return false;
    }
    line = end ? end + 1 : line + length;
  }
  return true;
}

/* Whether the names a default schedule introduces are free in `func`. */
static bool namesFree(MlirOperation func, const Renames *r,
                      const char *const *buffers, int numBuffers) {
  static const char *const suffixes[] = {"o", "i", "oo", "oi"};
  for (int l = 0; l < r->numLoops; ++l)
    for (int x = 0; x < 4; ++x) {
      char name[USL_MAX_STRING_OPTION + 3];
      snprintf(name, sizeof name, "%s%s", r->loopTo[l], suffixes[x]);
      if (loopNamed(func, name))
        return false;
    }
  for (int b = 0; b < numBuffers; ++b)
    if (bufferNamed(func, buffers[b]))
      return false;
  return true;
}

/* The only op of a loop's body, when it is a loop. */
static MlirOperation onlyLoop(MlirOperation loop) {
  MlirBlock b = uslForGetBody(loop);
  MlirOperation first = mlirBlockGetFirstOperation(b);
  return uslOpIs(first, USL_SLOOP_FOR) &&
                 mlirOperationEqual(mlirOperationGetNextInBlock(first),
                                    mlirBlockGetTerminator(b))
             ? first
             : (MlirOperation){NULL};
}

/* A conv1d-like nest at `i`, the shape of examples/conv1d-rvm.mlir:
 * for i { for j { out[i,j] = 0; for c { for r { y = (guarded data or 0);
 * out[i,j] += kernels[i,c,r] * y } } } } in int32, with i a multiple of
 * 16, j of 4 and r of width 4; names of loops i, j, c, r and buffers out,
 * y, kernels in `names`. */
static bool convLike(MlirOperation i, char names[][USL_MAX_STRING_OPTION]) {
  MlirOperation j = onlyLoop(i);
  if (mlirOperationIsNull(j))
    return false;
  MlirBlock bj = uslForGetBody(j);
  MlirOperation init = mlirBlockGetFirstOperation(bj);
  MlirOperation c = mlirOperationIsNull(init) ? init : mlirOperationGetNextInBlock(init);
  if (!uslOpIs(init, USL_SLOOP_STORE) || !uslOpIs(c, USL_SLOOP_FOR) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(c),
                          mlirBlockGetTerminator(bj)))
    return false;
  MlirOperation r = onlyLoop(c);
  if (mlirOperationIsNull(r))
    return false;
  MlirOperation loops[4] = {i, j, c, r};
  int64_t multiple[4] = {16, 4, 1, 4};
  for (int l = 0; l < 4; ++l) {
    int64_t lb, ub;
    if (!uslForGetConstantBounds(loops[l], &lb, &ub) || lb != 0 ||
        ub % multiple[l] || uslForGetStep(loops[l]) != 1 ||
        uslForGetKind(loops[l]) != USL_LOOP_SEQ || (l == 3 && ub != 4))
      return false;
  }
  /* r's body: y's alloc, its guarded definition, the kernel and y loads,
   * the product and the accumulation into out[i, j]. */
  MlirOperation ops[6];
  MlirOperation o = mlirBlockGetFirstOperation(uslForGetBody(r));
  for (int k = 0; k < 6; ++k) {
    if (mlirOperationIsNull(o))
      return false;
    ops[k] = o;
    o = mlirOperationGetNextInBlock(o);
  }
  if (!mlirOperationEqual(o, mlirBlockGetTerminator(uslForGetBody(r))) ||
      !uslOpIs(ops[0], USL_SLOOP_ALLOC) || !uslOpIs(ops[1], USL_SLOOP_IF) ||
      !uslOpIs(ops[2], USL_SLOOP_LOAD) || !uslOpIs(ops[3], USL_SLOOP_LOAD) ||
      !uslOpIs(ops[4], "arith.muli") || !uslOpIs(ops[5], USL_SLOOP_REDUCE) ||
      uslReduceGetKind(ops[5]) != USL_REDUCE_ADD)
    return false;
  MlirValue y = mlirOperationGetResult(ops[0], 0);
  MlirValue out = uslAccessGetMemRef(ops[5]);
  MlirValue kernels = uslAccessGetMemRef(ops[2]);
  MlirType yt = mlirValueGetType(y);
  MlirType et = mlirShapedTypeGetElementType(yt);
  if (mlirShapedTypeGetRank(yt) != 0 || !mlirTypeIsAInteger(et) ||
      mlirIntegerTypeGetWidth(et) != 32 ||
      !mlirValueEqual(uslAccessGetMemRef(ops[3]), y) ||
      !mlirValueEqual(uslAccessGetMemRef(init), out) ||
      !indexedBy(init, i, j) || !indexedBy(ops[5], i, j) ||
      mlirAffineMapGetNumResults(uslAccessGetMap(ops[2])) != 3 ||
      !mlirValueEqual(mlirOperationGetOperand(ops[4], 0),
                      mlirOperationGetResult(ops[2], 0)) ||
      !mlirValueEqual(mlirOperationGetOperand(ops[4], 1),
                      mlirOperationGetResult(ops[3], 0)) ||
      !mlirValueEqual(mlirOperationGetOperand(ops[5], 0),
                      mlirOperationGetResult(ops[4], 0)))
    return false;
  /* y is written only in the guard, out and kernels are ordinary buffers */
  for (MlirOpOperand use = mlirValueGetFirstUse(y); !mlirOpOperandIsNull(use);
       use = mlirOpOperandGetNextUse(use))
    if (!uslIsInside(mlirOpOperandGetOwner(use), ops[1]) &&
        !mlirOperationEqual(mlirOpOperandGetOwner(use), ops[3]))
      return false;
  MlirValue buffers[2] = {out, kernels};
  for (int b = 0; b < 2; ++b) {
    UslMemorySpace space;
    if (!uslMemRefTypeGetSpace(mlirValueGetType(buffers[b]), &space) ||
        uslMemorySpaceIsRegister(space))
      return false;
  }
  for (int l = 0; l < 4; ++l)
    uslLoopName(loops[l], names[l], USL_MAX_STRING_OPTION);
  uslBufferName(out, names[4], USL_MAX_STRING_OPTION);
  uslBufferName(y, names[5], USL_MAX_STRING_OPTION);
  uslBufferName(kernels, names[6], USL_MAX_STRING_OPTION);
  return true;
}

/* A default: which nests it recognises (their loop names, then their
 * buffer names, in the order of the example's), the example's names, the
 * names its schedule creates, and the schedule. */
typedef struct DefaultSchedule {
  bool (*recognise)(MlirOperation, char names[][USL_MAX_STRING_OPTION]);
  int numLoops, numBuffers, numMade;
  const char *loops[6], *buffers[6], *made[4];
  const char *text;
} DefaultSchedule;

static const DefaultSchedule defaultSchedules[] = {
    {matmulLike, 3, 3, 4, {"i", "j", "k"}, {"A", "B", "C"},
     {"acc", "a_tile", "b_tile", "b_reg"}, uslMatmulRvmSchedule},
    {convLike, 4, 3, 3, {"i", "j", "c", "r"}, {"out", "y", "kernels"},
     {"out_tile", "kernel_tile", "data_tile"}, uslConv1dRvmSchedule},
};

/* 1 when a default scheduled the nest at `i`, 0 when none applies, -1 when
 * a step failed (with its error). */
static int scheduleNest(MlirOperation module, MlirOperation func,
                        MlirOperation i) {
  for (size_t k = 0; k < sizeof defaultSchedules / sizeof defaultSchedules[0];
       ++k) {
    const DefaultSchedule *d = &defaultSchedules[k];
    char n[12][USL_MAX_STRING_OPTION];
    if (!d->recognise(i, n))
      continue;
    Renames r = {.numLoops = d->numLoops, .numBuffers = d->numBuffers};
    for (int l = 0; l < d->numLoops; ++l) {
      r.loops[l] = d->loops[l];
      snprintf(r.loopTo[l], sizeof r.loopTo[l], "%s", n[l]);
    }
    for (int b = 0; b < d->numBuffers; ++b) {
      r.buffers[b] = d->buffers[b];
      snprintf(r.bufferTo[b], sizeof r.bufferTo[b], "%s", n[d->numLoops + b]);
    }
    if (!namesFree(func, &r, d->made, d->numMade))
      return 0;
    return applySchedule(module, func, d->text, &r) ? 1 : -1;
  }
  return 0;
}

/* A function with no tile yet gets the default: its first matmul-like nest
 * scheduled onto the tiles (the directives rename its loops, so one per
 * function). A step that fails is an error. */
static bool applyDefault(MlirOperation module, MlirOperation func) {
  if (uslTouchesRegisters(func, &uslRvmRegisters))
    return true;
  const char *forName[] = {USL_SLOOP_FOR};
  UslOpList loops = {0};
  uslCollectOps(func, forName, 1, MlirWalkPreOrder, &loops);
  bool ok = true;
  for (size_t l = 0; l < loops.size && ok; ++l) {
    int done = scheduleNest(module, func, loops.ops[l]);
    if (done == 0)
      continue;
    ok = done > 0;
    break;
  }
  uslOpListFree(&loops);
  return ok;
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

typedef struct LowerRvmOptions {
  char library[USL_MAX_PATH_OPTION];
} LowerRvmOptions;

static const LowerRvmOptions defaults = {.library = ""};

static const UslOptionSpec options[] = {
    {"library", USL_OPTION_PATH, offsetof(LowerRvmOptions, library),
     "an .mlir file of more instructions", 0, 0},
};

const UslTarget uslRvmTarget = {
    .pass = "lower-rvm",
    .registers = &uslRvmRegisters,
    .builtin = uslRvmInstructionLibrary,
    .builtinName = "instructions/rvm.mlir",
    .prepare = applyDefault,
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const LowerRvmOptions *o = opaque;
  return uslSelectInstructions(module, &uslRvmTarget, o->library)
             ? mlirLogicalResultSuccess()
             : mlirLogicalResultFailure();
}

static intptr_t dependentDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__arith__();
  out[1] = mlirGetDialectHandle__sloop__();
  out[2] = mlirGetDialectHandle__tmem__();
  out[3] = mlirGetDialectHandle__rvm__();
  return 4;
}

const UslPassInfo uslLowerRvmPass = {
    .argument = "lower-rvm",
    .summary = "select RVM instructions for the loop nests that compute what "
               "an instruction computes on tiles in rvm_tile, then allocate "
               "tile registers",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(LowerRvmOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = dependentDialects,
};
