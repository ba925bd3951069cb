//===- Avx512Dialect.cpp - the AVX-512 instructions' verifiers ------------===//
//
// What an instruction accepts: registers of one zmm (16 x f32, 16 x i32 or
// 32 x i16)
// in the avx512 space with the element type the instruction works on, and
// memory windows whose last dimension holds the lanes contiguously.
// Selecting and emitting instructions is in C.
//
//===----------------------------------------------------------------------===//

#include "Avx512Dialect.h"
#include "../tmem/TmemDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace usl::avx512;

#include "Avx512Dialect.cpp.inc"

#define GET_OP_CLASSES
#include "Avx512Ops.cpp.inc"

void Avx512Dialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "Avx512Ops.cpp.inc"
      >();
}

/// Bytes in a zmm register.
static constexpr int64_t kRegisterBytes = 64;
/// The most dimensions a memory operand may have (what convert-avx512
/// handles).
static constexpr int64_t kMaxWindowRank = 8;

/// Which element types an instruction takes: f32 only, i16 only, f32 or
/// i32 (the multiplies), or any of the three.
enum class Elements { f32, i16, f32OrI32, any };

/// A register: one zmm (16 x f32, 16 x i32 or 32 x i16) in the avx512 space.
static LogicalResult verifyRegister(Operation *op, StringRef role, Value value,
                                    Elements elements) {
  auto type = llvm::cast<MemRefType>(value.getType());
  if (usl::tmem::spaceOf(type) != usl::tmem::MemorySpace::avx512)
    return op->emitOpError(role)
           << " must be a register in #tmem.space<avx512>, got " << type;
  Type et = type.getElementType();
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      type.getDimSize(0) * ((et.getIntOrFloatBitWidth() + 7) / 8) !=
          kRegisterBytes)
    return op->emitOpError(role)
           << " must be one zmm register (16xf32, 16xi32 or 32xi16) with "
              "the identity layout, got "
           << type;
  if ((elements == Elements::f32 && !et.isF32()) ||
      (elements == Elements::i16 && !et.isInteger(16)) ||
      (elements == Elements::f32OrI32 && !et.isF32() && !et.isInteger(32)))
    return op->emitOpError(role)
           << " must have "
           << (elements == Elements::f32   ? "f32"
               : elements == Elements::i16 ? "i16"
                                           : "f32 or i32")
           << " elements for this instruction, got " << type;
  return success();
}

/// Registers that must all have the type of the first.
static LogicalResult verifyRegisters(Operation *op, ArrayRef<Value> regs,
                                     ArrayRef<StringRef> roles,
                                     Elements elements) {
  for (size_t i = 0; i < regs.size(); ++i) {
    if (failed(verifyRegister(op, roles[i], regs[i], elements)))
      return failure();
    if (regs[i].getType() != regs[0].getType())
      return op->emitOpError(roles[i])
             << " must have the type of " << roles[0] << ", "
             << regs[0].getType() << ", got " << regs[i].getType();
  }
  return success();
}

/// A window of memory a register moves to or from: its lanes in the last
/// dimension at unit stride, or one element for a broadcast.
static LogicalResult verifyWindow(Operation *op, Value reg, Value window,
                                  bool broadcast) {
  if (failed(verifyRegister(op, "register", reg, Elements::any)))
    return failure();
  auto regType = llvm::cast<MemRefType>(reg.getType());
  auto type = llvm::cast<MemRefType>(window.getType());
  if (failed(usl::tmem::verifyMemoryOperand(op, type,
                                            regType.getElementType(), "register")))
    return failure();
  int64_t rank = type.getRank();
  int64_t lanes = broadcast ? 1 : regType.getDimSize(0);
  bool ok = rank >= 1 && rank <= kMaxWindowRank && type.hasStaticShape() &&
            type.getDimSize(rank - 1) == lanes;
  for (int64_t d = 0; ok && d + 1 < rank; ++d)
    ok = type.getDimSize(d) == 1;
  if (!ok)
    return op->emitOpError("memory operand must be a window of ")
           << lanes << (lanes == 1 ? " element" : " elements")
           << " in its last dimension (the others 1, at most "
           << kMaxWindowRank << " dimensions), got " << type;
  SmallVector<int64_t> strides;
  int64_t offset;
  if (!broadcast && (failed(type.getStridesAndOffset(strides, offset)) ||
                     strides.back() != 1))
    return op->emitOpError("memory operand must have a unit element stride, "
                           "got ")
           << type;
  return success();
}

LogicalResult SetzeroOp::verify() {
  return verifyRegister(*this, "destination", getDst(), Elements::any);
}
LogicalResult LoaduOp::verify() {
  return verifyWindow(*this, getReg(), getWindow(), false);
}
LogicalResult MaskzLoaduOp::verify() {
  return verifyWindow(*this, getReg(), getWindow(), false);
}
LogicalResult MaskLoaduOp::verify() {
  return verifyWindow(*this, getReg(), getWindow(), false);
}
LogicalResult StoreuOp::verify() {
  return verifyWindow(*this, getReg(), getWindow(), false);
}
LogicalResult MaskStoreuOp::verify() {
  return verifyWindow(*this, getReg(), getWindow(), false);
}
LogicalResult Set1Op::verify() {
  return verifyWindow(*this, getReg(), getWindow(), true);
}
LogicalResult MaskSet1Op::verify() {
  return verifyWindow(*this, getReg(), getWindow(), true);
}

static LogicalResult verifyBinary(Operation *op, Value dst, Value lhs,
                                  Value rhs, Elements elements) {
  return verifyRegisters(op, {dst, lhs, rhs}, {"destination", "lhs", "rhs"},
                         elements);
}

LogicalResult AddOp::verify() {
  return verifyBinary(*this, getDst(), getLhs(), getRhs(), Elements::any);
}
LogicalResult MaskAddOp::verify() {
  return verifyBinary(*this, getDst(), getLhs(), getRhs(), Elements::any);
}
LogicalResult MulOp::verify() {
  return verifyBinary(*this, getDst(), getLhs(), getRhs(), Elements::f32OrI32);
}
LogicalResult MaxOp::verify() {
  return verifyBinary(*this, getDst(), getLhs(), getRhs(), Elements::f32);
}
LogicalResult MulhiOp::verify() {
  return verifyBinary(*this, getDst(), getLhs(), getRhs(), Elements::i16);
}
LogicalResult FmaddOp::verify() {
  return verifyRegisters(*this, {getAcc(), getLhs(), getRhs()},
                         {"accumulator", "lhs", "rhs"}, Elements::f32OrI32);
}
LogicalResult MaskFmaddOp::verify() {
  return verifyRegisters(*this, {getAcc(), getLhs(), getRhs()},
                         {"accumulator", "lhs", "rhs"}, Elements::f32OrI32);
}
LogicalResult ReluOp::verify() {
  return verifyRegisters(*this, {getDst(), getSrc()}, {"destination", "source"},
                         Elements::f32);
}
