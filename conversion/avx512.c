//===- avx512.c - lower-avx512 and convert-avx512 --------------------------===//
//
// lower-avx512: instruction selection by matching (select.c) with the
// AVX-512 register file (32 zmm registers, buffers of one register in the
// avx512 space) and the built-in library instructions/avx512.mlir (more
// with library=FILE). More than 32 registers live at once is an error
// naming them; LLVM assigns the registers themselves.
//
// convert-avx512: each avx512 op becomes upstream vector and arith ops on
// 16 x f32 / 16 x i32 / 32 x i16 vectors, which LLVM compiles to the
// instruction on an AVX-512 target (vmovups, vbroadcastss, vfmadd231ps,
// masked moves with {k}) and to equivalent code on others, so the same
// program runs everywhere. A register buffer becomes an ordinary small
// buffer that sloop-to-scf puts on the stack and LLVM keeps in a register
// (SROA); a mask is vector.create_mask of the lane count, so lanes past it
// are never read or written in memory.
//
//===----------------------------------------------------------------------===//

#include "../passes/buffers.h"
#include "../passes/pass_table.h"
#include "../passes/support.h"
#include "select.h"
#include "usl/avx512.h"
#include "usl/sloop.h"
#include "usl/tmem.h"
#include "usl_embedded.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Affine.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/MemRef.h"
#include "mlir-c/Dialect/SCF.h"
#include "mlir-c/Dialect/Vector.h"

#include <string.h>

static const char *const overwriting[] = {USL_AVX512_SETZERO, USL_AVX512_LOADU,
                                          USL_AVX512_MASKZ_LOADU,
                                          USL_AVX512_SET1};

static const UslRegisterFile avx512Registers = {
    .space = USL_MEM_AVX512,
    .count = USL_AVX512_NUM_REGISTERS,
    .rank = 1,
    .dialect = "avx512",
    .isa = "AVX-512",
    .what = "AVX-512 registers",
    .unit = "AVX-512 registers",
    .registerAttr = NULL,
    .overwriting = overwriting,
    .numOverwriting = sizeof overwriting / sizeof overwriting[0],
};

//===----------------------------------------------------------------------===//
// lower-avx512
//===----------------------------------------------------------------------===//

typedef struct LowerOptions {
  char library[USL_MAX_PATH_OPTION];
} LowerOptions;

static const LowerOptions lowerDefaults = {.library = ""};

static const UslOptionSpec lowerOptions[] = {
    {"library", USL_OPTION_PATH, offsetof(LowerOptions, library),
     "an .mlir file of more instructions", 0, 0},
};

const UslTarget uslAvx512Target = {
    .pass = "lower-avx512",
    .registers = &avx512Registers,
    .builtin = uslAvx512InstructionLibrary,
    .builtinName = "instructions/avx512.mlir",
};

static MlirLogicalResult runLower(MlirOperation module, const void *opaque) {
  const LowerOptions *o = opaque;
  return uslSelectInstructions(module, &uslAvx512Target, o->library)
             ? mlirLogicalResultSuccess()
             : mlirLogicalResultFailure();
}

static intptr_t lowerDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__arith__();
  out[1] = mlirGetDialectHandle__sloop__();
  out[2] = mlirGetDialectHandle__tmem__();
  out[3] = mlirGetDialectHandle__avx512__();
  out[4] = mlirGetDialectHandle__affine__();
  return 5;
}

const UslPassInfo uslLowerAvx512Pass = {
    .argument = "lower-avx512",
    .summary = "select AVX-512 instructions for the loop nests that compute "
               "what an instruction computes on registers in the avx512 "
               "space (at most 32 live)",
    .anchor = "builtin.module",
    .options = lowerOptions,
    .numOptions = sizeof lowerOptions / sizeof lowerOptions[0],
    .optionsSize = sizeof(LowerOptions),
    .defaults = &lowerDefaults,
    .run = runLower,
    .dependentDialects = lowerDialects,
};

//===----------------------------------------------------------------------===//
// convert-avx512
//===----------------------------------------------------------------------===//

typedef struct Emitter {
  UslBuilder b;
  MlirType element, vector, mask;
  int64_t lanes;
} Emitter;

static intptr_t rankOf(MlirValue v) {
  return mlirShapedTypeGetRank(mlirValueGetType(v));
}

/* Where element [0, ...] of `memref` is, as a buffer and indices into
 * `out`: a window's source at the window's offsets (no view to build, the
 * address computed once), any other buffer at zeros. Returns the number of
 * indices (the rank, at most 8: the verifier's limit). */
static intptr_t addressOf(Emitter *e, MlirValue memref, MlirValue *out) {
  MlirOperation window = mlirValueIsAOpResult(memref)
                             ? mlirOpResultGetOwner(memref)
                             : (MlirOperation){NULL};
  if (!mlirOperationIsNull(window) && uslOpIs(window, USL_TMEM_WINDOW)) {
    MlirAffineMap offsets = mlirAffineMapAttrGetValue(
        mlirOperationGetAttributeByName(
            window, mlirStringRefCreateFromCString("offsets")));
    intptr_t n = mlirAffineMapGetNumInputs(offsets);
    MlirValue operands[64];
    if (n <= 64) {
      uslGetOperands(window, 1, n, operands);
      out[0] = mlirOperationGetOperand(window, 0);
      for (intptr_t d = 0; d < rankOf(out[0]); ++d)
        out[1 + d] = uslBuildAffineResult(&e->b, offsets, d, operands);
      return rankOf(out[0]);
    }
  }
  out[0] = memref;
  MlirValue zero = uslBuildIndexConstant(&e->b, 0);
  for (intptr_t d = 0; d < rankOf(memref); ++d)
    out[1 + d] = zero;
  return rankOf(memref);
}

/* The vector in memory at `memref`[0, ...]: a register or a window. */
static MlirValue load(Emitter *e, MlirValue memref) {
  MlirValue operands[1 + 8];
  intptr_t r = addressOf(e, memref, operands);
  return uslBuild1(&e->b, "vector.load", 1 + r, operands, e->vector);
}

static void store(Emitter *e, MlirValue value, MlirValue memref) {
  MlirValue operands[2 + 8];
  operands[0] = value;
  intptr_t r = addressOf(e, memref, operands + 1);
  uslBuild(&e->b, "vector.store", 2 + r, operands, 0, NULL, 0, NULL, 0);
}

static MlirValue maskOf(Emitter *e, MlirValue lanes) {
  return uslBuild1(&e->b, "vector.create_mask", 1, &lanes, e->mask);
}

/* The first `lanes` lanes from `window`, the others from `passThrough`. */
static MlirValue maskedLoad(Emitter *e, MlirValue window, MlirValue lanes,
                            MlirValue passThrough) {
  MlirValue operands[3 + 8];
  intptr_t r = addressOf(e, window, operands);
  operands[1 + r] = maskOf(e, lanes);
  operands[2 + r] = passThrough;
  return uslBuild1(&e->b, "vector.maskedload", 3 + r, operands, e->vector);
}

static MlirValue zeroVector(Emitter *e) {
  MlirAttribute zero = mlirTypeIsAF32(e->element)
                           ? mlirFloatAttrDoubleGet(e->b.ctx, e->element, 0.0)
                           : mlirIntegerAttrGet(e->element, 0);
  MlirNamedAttribute attr = uslNamedAttr(
      e->b.ctx, "value", mlirDenseElementsAttrSplatGet(e->vector, zero));
  return mlirOperationGetResult(
      uslBuild(&e->b, "arith.constant", 0, NULL, 1, &e->vector, 1, &attr, 0),
      0);
}

static MlirValue binary(Emitter *e, const char *name, MlirValue a,
                        MlirValue c) {
  MlirValue operands[2] = {a, c};
  return uslBuild1(&e->b, name, 2, operands, e->vector);
}

static MlirValue select3(Emitter *e, MlirValue cond, MlirValue a,
                         MlirValue c) {
  MlirValue operands[3] = {cond, a, c};
  return uslBuild1(&e->b, "arith.select", 3, operands, e->vector);
}

/* a > c ? a : c, lane by lane: what vmaxps computes. */
static MlirValue maxOf(Emitter *e, MlirValue a, MlirValue c) {
  MlirValue operands[2] = {a, c};
  MlirType i64 = mlirIntegerTypeGet(e->b.ctx, 64);
  MlirNamedAttribute ogt =
      uslNamedAttr(e->b.ctx, "predicate", mlirIntegerAttrGet(i64, 2));
  MlirValue gt = mlirOperationGetResult(
      uslBuild(&e->b, "arith.cmpf", 2, operands, 1, &e->mask, 1, &ogt, 0), 0);
  return select3(e, gt, a, c);
}

/* The element at `window`[0, ...] broadcast to every lane; when `lanes` is
 * given, read only if it is positive. */
static MlirValue broadcast(Emitter *e, MlirValue window, MlirValue lanes) {
  MlirValue operands[1 + 8];
  intptr_t n = 1 + addressOf(e, window, operands);
  MlirValue scalar;
  if (mlirValueIsNull(lanes)) {
    scalar = uslBuild1(&e->b, "memref.load", n, operands, e->element);
  } else {
    MlirValue zero = uslBuildIndexConstant(&e->b, 0);
    MlirValue cmp[2] = {lanes, zero};
    MlirType i1 = mlirIntegerTypeGet(e->b.ctx, 1), i64 =
        mlirIntegerTypeGet(e->b.ctx, 64);
    MlirNamedAttribute sgt =
        uslNamedAttr(e->b.ctx, "predicate", mlirIntegerAttrGet(i64, 4));
    MlirValue positive = mlirOperationGetResult(
        uslBuild(&e->b, "arith.cmpi", 2, cmp, 1, &i1, 1, &sgt, 0), 0);
    MlirOperation ifOp =
        uslBuild(&e->b, "scf.if", 1, &positive, 1, &e->element, 0, NULL, 2);
    for (intptr_t r = 0; r < 2; ++r) {
      MlirRegion region = mlirOperationGetRegion(ifOp, r);
      MlirBlock block = mlirBlockCreate(0, NULL, NULL);
      mlirRegionAppendOwnedBlock(region, block);
      UslBuilder in = uslBuilderAtEnd(block, e->b.loc);
      MlirValue v;
      if (r == 0) {
        v = uslBuild1(&in, "memref.load", n, operands, e->element);
      } else {
        MlirAttribute z = mlirTypeIsAF32(e->element)
                              ? mlirFloatAttrDoubleGet(in.ctx, e->element, 0.0)
                              : mlirIntegerAttrGet(e->element, 0);
        MlirNamedAttribute attr = uslNamedAttr(in.ctx, "value", z);
        v = mlirOperationGetResult(
            uslBuild(&in, "arith.constant", 0, NULL, 1, &e->element, 1, &attr,
                     0),
            0);
      }
      uslBuild(&in, "scf.yield", 1, &v, 0, NULL, 0, NULL, 0);
    }
    scalar = mlirOperationGetResult(ifOp, 0);
  }
  return uslBuild1(&e->b, "vector.broadcast", 1, &scalar, e->vector);
}

static void convertOp(MlirOperation op) {
  MlirValue reg = mlirOperationGetOperand(op, 0);
  MlirType regType = mlirValueGetType(reg);
  Emitter e = {.b = uslBuilderBefore(op)};
  e.b.loc = mlirOperationGetLocation(op);
  e.element = mlirShapedTypeGetElementType(regType);
  e.lanes = mlirShapedTypeGetDimSize(regType, 0);
  e.vector = mlirVectorTypeGet(1, &e.lanes, e.element);
  MlirType i1 = mlirIntegerTypeGet(e.b.ctx, 1);
  e.mask = mlirVectorTypeGet(1, &e.lanes, i1);
  intptr_t n = mlirOperationGetNumOperands(op);
  MlirValue x = n > 1 ? mlirOperationGetOperand(op, 1) : (MlirValue){NULL};
  MlirValue y = n > 2 ? mlirOperationGetOperand(op, 2) : (MlirValue){NULL};
  MlirValue lanes = mlirOperationGetOperand(op, n - 1);
  bool isFloat = mlirTypeIsAF32(e.element);
  if (uslOpIs(op, USL_AVX512_SETZERO)) {
    store(&e, zeroVector(&e), reg);
  } else if (uslOpIs(op, USL_AVX512_LOADU)) {
    store(&e, load(&e, x), reg);
  } else if (uslOpIs(op, USL_AVX512_MASKZ_LOADU)) {
    store(&e, maskedLoad(&e, x, lanes, zeroVector(&e)), reg);
  } else if (uslOpIs(op, USL_AVX512_MASK_LOADU)) {
    store(&e, maskedLoad(&e, x, lanes, load(&e, reg)), reg);
  } else if (uslOpIs(op, USL_AVX512_STOREU)) {
    store(&e, load(&e, reg), x);
  } else if (uslOpIs(op, USL_AVX512_MASK_STOREU)) {
    MlirValue operands[3 + 8];
    intptr_t r = addressOf(&e, x, operands);
    operands[1 + r] = maskOf(&e, lanes);
    operands[2 + r] = load(&e, reg);
    uslBuild(&e.b, "vector.maskedstore", 3 + r, operands, 0, NULL, 0, NULL, 0);
  } else if (uslOpIs(op, USL_AVX512_SET1)) {
    store(&e, broadcast(&e, x, (MlirValue){NULL}), reg);
  } else if (uslOpIs(op, USL_AVX512_MASK_SET1)) {
    MlirValue v = broadcast(&e, x, lanes);
    store(&e, select3(&e, maskOf(&e, lanes), v, load(&e, reg)), reg);
  } else if (uslOpIs(op, USL_AVX512_ADD)) {
    store(&e, binary(&e, isFloat ? "arith.addf" : "arith.addi", load(&e, x),
                     load(&e, y)),
          reg);
  } else if (uslOpIs(op, USL_AVX512_MASK_ADD)) {
    MlirValue sum = binary(&e, isFloat ? "arith.addf" : "arith.addi",
                           load(&e, x), load(&e, y));
    store(&e, select3(&e, maskOf(&e, lanes), sum, load(&e, reg)), reg);
  } else if (uslOpIs(op, USL_AVX512_MUL)) {
    store(&e, binary(&e, isFloat ? "arith.mulf" : "arith.muli", load(&e, x),
                     load(&e, y)),
          reg);
  } else if (uslOpIs(op, USL_AVX512_MAX)) {
    store(&e, maxOf(&e, load(&e, x), load(&e, y)), reg);
  } else if (uslOpIs(op, USL_AVX512_RELU)) {
    store(&e, maxOf(&e, load(&e, x), zeroVector(&e)), reg);
  } else if (uslOpIs(op, USL_AVX512_MULHI)) {
    MlirType i32 = mlirIntegerTypeGet(e.b.ctx, 32);
    MlirType wide = mlirVectorTypeGet(1, &e.lanes, i32);
    MlirValue a = load(&e, x), c = load(&e, y);
    MlirValue wa = uslBuild1(&e.b, "arith.extui", 1, &a, wide);
    MlirValue wc = uslBuild1(&e.b, "arith.extui", 1, &c, wide);
    MlirValue product[2] = {wa, wc};
    MlirValue p = uslBuild1(&e.b, "arith.muli", 2, product, wide);
    MlirNamedAttribute attr = uslNamedAttr(
        e.b.ctx, "value",
        mlirDenseElementsAttrSplatGet(wide, mlirIntegerAttrGet(i32, 16)));
    MlirValue sixteen = mlirOperationGetResult(
        uslBuild(&e.b, "arith.constant", 0, NULL, 1, &wide, 1, &attr, 0), 0);
    MlirValue shift[2] = {p, sixteen};
    MlirValue high = uslBuild1(&e.b, "arith.shrui", 2, shift, wide);
    store(&e, uslBuild1(&e.b, "arith.trunci", 1, &high, e.vector), reg);
  } else if (uslOpIs(op, USL_AVX512_FMADD) ||
             uslOpIs(op, USL_AVX512_MASK_FMADD)) {
    MlirValue acc = load(&e, reg);
    MlirValue operands[3] = {load(&e, x), load(&e, y), acc};
    /* i32 lanes: vpmulld then vpaddd, exact modulo 2^32. */
    MlirValue fma =
        isFloat ? uslBuild1(&e.b, "vector.fma", 3, operands, e.vector)
                : binary(&e, "arith.addi", acc,
                         binary(&e, "arith.muli", operands[0], operands[1]));
    if (uslOpIs(op, USL_AVX512_MASK_FMADD))
      fma = select3(&e, maskOf(&e, lanes), fma, acc);
    store(&e, fma, reg);
  }
  mlirOperationDestroy(op);
}

static const char *const avx512Ops[] = {
    USL_AVX512_SETZERO,     USL_AVX512_LOADU,     USL_AVX512_MASKZ_LOADU,
    USL_AVX512_MASK_LOADU,  USL_AVX512_STOREU,    USL_AVX512_MASK_STOREU,
    USL_AVX512_SET1,        USL_AVX512_MASK_SET1, USL_AVX512_ADD,
    USL_AVX512_MASK_ADD,    USL_AVX512_MUL,       USL_AVX512_MAX,
    USL_AVX512_MULHI,       USL_AVX512_FMADD,     USL_AVX512_MASK_FMADD,
    USL_AVX512_RELU};

static MlirLogicalResult runConvert(MlirOperation func, const void *options) {
  (void)options;
  /* Registers only AVX-512 instructions touch, at most 32 live. */
  if (!uslAllocateRegisters(func, &avx512Registers))
    return mlirLogicalResultFailure();
  UslOpList ops = {0};
  uslCollectOps(func, avx512Ops, sizeof avx512Ops / sizeof avx512Ops[0],
                MlirWalkPreOrder, &ops);
  for (size_t i = 0; i < ops.size; ++i)
    convertOp(ops.ops[i]);
  uslOpListFree(&ops);
  /* The windows the ops read through, now addressed directly. */
  const char *windowName[] = {USL_TMEM_WINDOW};
  UslOpList windows = {0};
  uslCollectOps(func, windowName, 1, MlirWalkPostOrder, &windows);
  for (size_t i = windows.size; i-- > 0;)
    if (mlirOpOperandIsNull(
            mlirValueGetFirstUse(mlirOperationGetResult(windows.ops[i], 0))))
      mlirOperationDestroy(windows.ops[i]);
  uslOpListFree(&windows);
  /* The register buffers become ordinary small buffers. */
  const char *allocName[] = {USL_SLOOP_ALLOC};
  UslOpList allocs = {0};
  uslCollectOps(func, allocName, 1, MlirWalkPreOrder, &allocs);
  for (size_t i = 0; i < allocs.size; ++i) {
    MlirValue buffer = mlirOperationGetResult(allocs.ops[i], 0);
    MlirType type = mlirValueGetType(buffer);
    if (!uslIsRegisterType(&avx512Registers, type))
      continue;
    uslRetypeBuffer(buffer, uslMemRefWithSpace(type, USL_MEM_DRAM));
    /* Still one register: LLVM keeps it in one, so it takes no stack
     * (convert-sloop-to-scf places it outside the stack budget). */
    mlirOperationSetAttributeByName(
        allocs.ops[i], mlirStringRefCreateFromCString("usl.register"),
        mlirUnitAttrGet(mlirOperationGetContext(allocs.ops[i])));
  }
  uslOpListFree(&allocs);
  return mlirLogicalResultSuccess();
}

static intptr_t convertDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__arith__();
  out[1] = mlirGetDialectHandle__vector__();
  out[2] = mlirGetDialectHandle__memref__();
  out[3] = mlirGetDialectHandle__scf__();
  return 4;
}

static const char noOptions;

const UslPassInfo uslConvertAvx512Pass = {
    .argument = "convert-avx512",
    .summary = "turn AVX-512 ops into upstream vector ops (AVX-512 "
               "instructions on an AVX-512 target) and their registers into "
               "small buffers",
    .anchor = "func.func",
    .defaults = &noOptions,
    .run = runConvert,
    .dependentDialects = convertDialects,
};
