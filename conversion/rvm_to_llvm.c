//===- rvm_to_llvm.c - tile registers, and RVM ops to code ----------------===//
//
// rvm-allocate-tiles: each buffer in the rvm_tile space is one tile register
// for as long as it is live: from its first to its last use in program
// order, and over the whole of every loop that uses it without allocating
// it (its value crosses iterations). Registers are given greedily in order
// of first use, reusing a register whose buffer is dead; more than eight
// live at once is an error naming them. The register is the
// `rvm.register` attribute of the buffer's sloop.alloc. Only RVM
// instructions may use a tile buffer.
//
// convert-rvm: each RVM op becomes its instruction word (runtime/rvm_isa.h)
//   - as inline assembly, `.insn 4, WORD` for mzero and the
//     multiply-accumulates, `.insn r 0x2B, 0, funct7, x<16 + tile>, rs1,
//     rs2` for mld.w / mst.w with the window's address and row stride in
//     bytes in registers; or, with emulate=true,
//   - as a call usl_rvm_exec(WORD, address, stride) into the emulator.
// The tile buffers then go: they live in registers only.
//
// Coherence: the RVM spec defines no fence between the accelerator's
// memory accesses and the CPU's. The lowering assumes the accelerator
// performs its loads and stores in program order with the CPU's (as the
// emulator does); every instruction is emitted as inline assembly with a
// memory clobber so that the compiler keeps CPU loads and stores in place
// around it.
//
//===----------------------------------------------------------------------===//

#include "../passes/pass_table.h"
#include "../passes/support.h"
#include "rvm_isa.h"
#include "rvm_lowering.h"
#include "select.h"
#include "usl/rvm.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/Func.h"
#include "mlir-c/Dialect/LLVM.h"
#include "mlir-c/Dialect/MemRef.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const rvmOps[] = {USL_RVM_MZERO,  USL_RVM_MLD,
                                     USL_RVM_MST,    USL_RVM_MMASA,
                                     USL_RVM_FMMACC, USL_RVM_MMADA,
                                     USL_RVM_MMAQA};
enum { NUM_RVM_OPS = sizeof rvmOps / sizeof rvmOps[0] };

//===----------------------------------------------------------------------===//
// Tile-register allocation
//===----------------------------------------------------------------------===//

static const char *const overwriting[] = {USL_RVM_MZERO, USL_RVM_MLD};

const UslRegisterFile uslRvmRegisters = {
    .space = USL_MEM_RVM_TILE,
    .count = USL_RVM_NUM_TILES,
    .rank = 2,
    .dialect = "rvm",
    .isa = "RVM",
    .what = "RVM tile registers",
    .unit = "RVM tiles",
    .registerAttr = USL_RVM_REGISTER_ATTR,
    .overwriting = overwriting,
    .numOverwriting = 2,
};

bool uslRvmAllocateTiles(MlirOperation func) {
  return uslAllocateRegisters(func, &uslRvmRegisters);
}

static MlirLogicalResult runAllocate(MlirOperation func, const void *options) {
  (void)options;
  return uslRvmAllocateTiles(func) ? mlirLogicalResultSuccess()
                                   : mlirLogicalResultFailure();
}

static intptr_t allocateDialects(MlirDialectHandle *out) {
  (void)out;
  return 0;
}

static const char noOptions;

const UslPassInfo uslRvmAllocateTilesPass = {
    .argument = "rvm-allocate-tiles",
    .summary = "give each RVM tile buffer one of the 8 tile registers for "
               "its live range (an error when more than 8 are live)",
    .anchor = "func.func",
    .defaults = &noOptions,
    .run = runAllocate,
    .dependentDialects = allocateDialects,
};

//===----------------------------------------------------------------------===//
// Emission
//===----------------------------------------------------------------------===//

typedef struct ConvertOptions {
  bool emulate;
} ConvertOptions;

static const ConvertOptions convertDefaults = {.emulate = false};

static const UslOptionSpec convertOptions[] = {
    {"emulate", USL_OPTION_BOOL, offsetof(ConvertOptions, emulate),
     "call the RVM emulator (runtime/) instead of emitting the instructions",
     0, 0},
};

static const char EXEC[] = "usl_rvm_exec";

/* The register of a tile operand. */
static unsigned registerOf(MlirValue tile) {
  MlirOperation alloc = mlirOpResultGetOwner(tile);
  MlirAttribute reg = mlirOperationGetAttributeByName(
      alloc, mlirStringRefCreateFromCString(USL_RVM_REGISTER_ATTR));
  return (unsigned)mlirIntegerAttrGetValueInt(reg);
}

static MlirValue indexConst(UslBuilder *b, int64_t v) {
  return uslBuildIndexConstant(b, v);
}

/* The address of a window's first element and its row stride, in bytes, as
 * index values. */
static void addressAndStride(UslBuilder *b, MlirValue window, MlirValue *addr,
                             MlirValue *stride) {
  MlirType type = mlirValueGetType(window);
  MlirType index = mlirIndexTypeGet(b->ctx);
  intptr_t rank = mlirShapedTypeGetRank(type);
  MlirType element = mlirShapedTypeGetElementType(type);
  int64_t bytes = (mlirTypeIsAFloat(element) ? mlirFloatTypeGetWidth(element)
                                             : mlirIntegerTypeGetWidth(element)) /
                  8;
  /* base, offset, sizes..., strides... */
  MlirType *types = malloc((size_t)(2 + 2 * rank) * sizeof *types);
  MlirType baseType =
      mlirMemRefTypeGet(element, 0, NULL, mlirAttributeGetNull(),
                        mlirMemRefTypeGetMemorySpace(type));
  types[0] = baseType;
  for (intptr_t i = 1; i < 2 + 2 * rank; ++i)
    types[i] = index;
  MlirOperation meta = uslBuild(b, "memref.extract_strided_metadata", 1,
                                &window, 2 + 2 * rank, types, 0, NULL, 0);
  free(types);
  MlirValue base = uslBuild1(b, "memref.extract_aligned_pointer_as_index", 1,
                          &window, index);
  MlirValue size = indexConst(b, bytes);
  MlirValue offsetBytes[2] = {mlirOperationGetResult(meta, 1), size};
  MlirValue sum[2] = {base, uslBuild1(b, "arith.muli", 2, offsetBytes, index)};
  *addr = uslBuild1(b, "arith.addi", 2, sum, index);
  /* The row dimension: the one of size 4 before the last. */
  intptr_t rowDim = 0;
  for (intptr_t d = 0; d + 1 < rank; ++d)
    if (mlirShapedTypeGetDimSize(type, d) != 1)
      rowDim = d;
  MlirValue strideBytes[2] = {mlirOperationGetResult(meta, 2 + rank + rowDim),
                              size};
  *stride = uslBuild1(b, "arith.muli", 2, strideBytes, index);
}

static void declareExec(MlirOperation module) {
  MlirContext ctx = mlirOperationGetContext(module);
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    MlirAttribute name = mlirOperationGetAttributeByName(
        op, mlirStringRefCreateFromCString("sym_name"));
    if (!mlirAttributeIsNull(name) &&
        mlirStringRefEqual(mlirStringAttrGetValue(name),
                           mlirStringRefCreateFromCString(EXEC)))
      return;
  }
  MlirType i32 = mlirIntegerTypeGet(ctx, 32), i64 = mlirIntegerTypeGet(ctx, 64);
  MlirType inputs[3] = {i32, i64, i64};
  MlirType fnType = mlirFunctionTypeGet(ctx, 3, inputs, 0, NULL);
  MlirNamedAttribute attrs[3] = {
      uslNamedAttr(ctx, "sym_name",
                   mlirStringAttrGet(ctx, mlirStringRefCreateFromCString(EXEC))),
      uslNamedAttr(ctx, "function_type", mlirTypeAttrGet(fnType)),
      uslNamedAttr(ctx, "sym_visibility",
                   mlirStringAttrGet(ctx,
                                     mlirStringRefCreateFromCString("private")))};
  UslBuilder b = uslBuilderAtEnd(body, mlirLocationUnknownGet(ctx));
  uslBuild(&b, "func.func", 0, NULL, 0, NULL, 3, attrs, 1);
}

static void emitCall(UslBuilder *b, uint32_t word, MlirValue addr,
                     MlirValue stride) {
  MlirType i32 = mlirIntegerTypeGet(b->ctx, 32);
  MlirType i64 = mlirIntegerTypeGet(b->ctx, 64);
  MlirNamedAttribute value =
      uslNamedAttr(b->ctx, "value", mlirIntegerAttrGet(i32, (int32_t)word));
  MlirValue args[3];
  args[0] = mlirOperationGetResult(
      uslBuild(b, "arith.constant", 0, NULL, 1, &i32, 1, &value, 0), 0);
  MlirValue zero = indexConst(b, 0);
  args[1] = uslBuild1(b, "arith.index_cast", 1,
                   mlirValueIsNull(addr) ? &zero : &addr, i64);
  args[2] = uslBuild1(b, "arith.index_cast", 1,
                   mlirValueIsNull(stride) ? &zero : &stride, i64);
  MlirNamedAttribute callee = uslNamedAttr(
      b->ctx, "callee",
      mlirFlatSymbolRefAttrGet(b->ctx, mlirStringRefCreateFromCString(EXEC)));
  uslBuild(b, "func.call", 3, args, 0, NULL, 1, &callee, 0);
}

static void emitAsm(UslBuilder *b, const char *text, MlirValue addr,
                    MlirValue stride) {
  MlirContext ctx = b->ctx;
  MlirType ptr = mlirLLVMPointerTypeGet(ctx, 0);
  MlirValue operands[2];
  intptr_t n = 0;
  if (!mlirValueIsNull(addr)) {
    /* XLEN-wide registers on riscv32 and riscv64 alike: pointers. */
    MlirType i64 = mlirIntegerTypeGet(ctx, 64);
    MlirValue a = uslBuild1(b, "arith.index_cast", 1, &addr, i64);
    MlirValue s = uslBuild1(b, "arith.index_cast", 1, &stride, i64);
    operands[n++] = uslBuild1(b, "llvm.inttoptr", 1, &a, ptr);
    operands[n++] = uslBuild1(b, "llvm.inttoptr", 1, &s, ptr);
  }
  int32_t segments[1] = {(int32_t)n};
  (void)segments;
  MlirNamedAttribute attrs[3] = {
      uslNamedAttr(ctx, "asm_string",
                   mlirStringAttrGet(ctx, mlirStringRefCreateFromCString(text))),
      uslNamedAttr(ctx, "constraints",
                   mlirStringAttrGet(ctx, mlirStringRefCreateFromCString(
                                              n ? "r,r,~{memory}"
                                                : "~{memory}"))),
      uslNamedAttr(ctx, "has_side_effects", mlirUnitAttrGet(ctx))};
  uslBuild(b, "llvm.inline_asm", n, operands, 0, NULL, 3, attrs, 0);
}

static UslRvmOpcode opcodeOf(MlirOperation op) {
  static const UslRvmOpcode codes[NUM_RVM_OPS] = {
      USL_RVM_OP_MZERO,    USL_RVM_OP_MLD_W,   USL_RVM_OP_MST_W,
      USL_RVM_OP_MMASA_W,  USL_RVM_OP_FMMACC_S, USL_RVM_OP_MMADA_H,
      USL_RVM_OP_MMAQA_B};
  for (int i = 0; i < NUM_RVM_OPS; ++i)
    if (uslOpIs(op, rvmOps[i]))
      return codes[i];
  return USL_RVM_OP_COUNT;
}

static void convertOp(MlirOperation op, bool emulate) {
  UslBuilder b = uslBuilderBefore(op);
  UslRvmOpcode code = opcodeOf(op);
  MlirValue addr = {NULL}, stride = {NULL};
  uint32_t word;
  char text[96];
  if (code == USL_RVM_OP_MLD_W || code == USL_RVM_OP_MST_W) {
    unsigned tile = registerOf(mlirOperationGetOperand(op, 0));
    addressAndStride(&b, mlirOperationGetOperand(op, 1), &addr, &stride);
    word = uslRvmEncodeMem(code, tile, 0, 0);
    snprintf(text, sizeof text, ".insn r 0x2B, 0, 0x%02x, x%u, $0, $1",
             uslRvmMemFunct7(code), uslRvmMemRd(tile));
  } else {
    word = code == USL_RVM_OP_MZERO
               ? uslRvmEncodeMzero(registerOf(mlirOperationGetOperand(op, 0)))
               : uslRvmEncodeMac(code,
                                 registerOf(mlirOperationGetOperand(op, 0)),
                                 registerOf(mlirOperationGetOperand(op, 1)),
                                 registerOf(mlirOperationGetOperand(op, 2)));
    snprintf(text, sizeof text, ".insn 4, 0x%08x", (unsigned)word);
  }
  if (emulate)
    emitCall(&b, word, addr, stride);
  else
    emitAsm(&b, text, addr, stride);
  mlirOperationDestroy(op);
}

static MlirLogicalResult runConvert(MlirOperation module, const void *opaque) {
  const ConvertOptions *o = opaque;
  const char *funcName[] = {"func.func"};
  UslOpList funcs = {0};
  uslCollectOps(module, funcName, 1, MlirWalkPreOrder, &funcs);
  bool ok = true, any = false;
  for (size_t f = 0; f < funcs.size && ok; ++f) {
    UslOpList ops = {0};
    uslCollectOps(funcs.ops[f], rvmOps, NUM_RVM_OPS, MlirWalkPreOrder, &ops);
    if (ops.size && !uslRvmAllocateTiles(funcs.ops[f]))
      ok = false;
    for (size_t i = 0; i < ops.size && ok; ++i)
      convertOp(ops.ops[i], o->emulate);
    any = any || ops.size;
    uslOpListFree(&ops);
    /* The tile buffers live in registers only. */
    const char *allocName[] = {USL_SLOOP_ALLOC};
    UslOpList allocs = {0};
    uslCollectOps(funcs.ops[f], allocName, 1, MlirWalkPreOrder, &allocs);
    for (size_t i = 0; i < allocs.size && ok; ++i) {
      MlirValue buffer = mlirOperationGetResult(allocs.ops[i], 0);
      if (uslIsRegisterType(&uslRvmRegisters, mlirValueGetType(buffer)) &&
          mlirOpOperandIsNull(mlirValueGetFirstUse(buffer)))
        mlirOperationDestroy(allocs.ops[i]);
    }
    uslOpListFree(&allocs);
  }
  uslOpListFree(&funcs);
  if (ok && any && o->emulate)
    declareExec(module);
  return ok ? mlirLogicalResultSuccess() : mlirLogicalResultFailure();
}

static intptr_t convertDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__arith__();
  out[1] = mlirGetDialectHandle__func__();
  out[2] = mlirGetDialectHandle__llvm__();
  out[3] = mlirGetDialectHandle__memref__();
  return 4;
}

const UslPassInfo uslConvertRvmPass;

MlirPass uslCreateConvertRvmPass(bool emulate) {
  ConvertOptions o = {.emulate = emulate};
  return uslCreatePass(&uslConvertRvmPass, &o);
}

const UslPassInfo uslConvertRvmPass = {
    .argument = "convert-rvm",
    .summary = "allocate tile registers and turn RVM ops into their "
               "instruction words (inline assembly, or emulator calls with "
               "emulate=true)",
    .anchor = "builtin.module",
    .options = convertOptions,
    .numOptions = sizeof convertOptions / sizeof convertOptions[0],
    .optionsSize = sizeof(ConvertOptions),
    .defaults = &convertDefaults,
    .run = runConvert,
    .dependentDialects = convertDialects,
};
