//===- RvmDialect.cpp - the RVM instructions' verifiers -------------------===//
//
// What an instruction accepts: tiles of one register in the rvm_tile space
// with the element type the instruction works on, and memory windows of
// four rows whose elements are contiguous. Selecting, allocating and
// emitting instructions is in C.
//
//===----------------------------------------------------------------------===//

#include "RvmDialect.h"
#include "../tmem/TmemDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace usl::rvm;

#include "RvmDialect.cpp.inc"

#define GET_OP_CLASSES
#include "RvmOps.cpp.inc"

void RvmDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "RvmOps.cpp.inc"
      >();
}

/// Bytes in a tile row, and rows in a tile.
static constexpr int64_t kRowBytes = 16, kRows = 4;

static int64_t elementBytes(Type t) {
  return (t.getIntOrFloatBitWidth() + 7) / 8;
}

/// A tile: one register's worth (4 rows of 16 bytes) in rvm_tile, with
/// `element` elements when it is given.
static LogicalResult verifyTile(Operation *op, StringRef role, Value value,
                                Type element = {}) {
  auto type = llvm::cast<MemRefType>(value.getType());
  if (usl::tmem::spaceOf(type) != usl::tmem::MemorySpace::rvm_tile)
    return op->emitOpError(role)
           << " must be a tile in #tmem.space<rvm_tile>, got " << type;
  Type et = type.getElementType();
  if (!type.hasStaticShape() || type.getDimSize(0) != kRows ||
      type.getDimSize(1) * elementBytes(et) != kRowBytes ||
      !type.getLayout().isIdentity())
    return op->emitOpError(role)
           << " must be one tile register: 4 rows of 16 bytes (4x4 of i32 "
              "or f32, 4x8xi16, 4x16xi8) with the identity layout, got "
           << type;
  if (element && et != element)
    return op->emitOpError(role)
           << " must have " << element << " elements for this instruction, got "
           << type;
  return success();
}

LogicalResult MzeroOp::verify() { return verifyTile(*this, "tile", getTile()); }

/// A window of memory a tile moves to or from.
static LogicalResult verifyWindow(Operation *op, Value tile, Value window) {
  if (failed(verifyTile(op, "tile", tile)))
    return failure();
  auto tileType = llvm::cast<MemRefType>(tile.getType());
  auto type = llvm::cast<MemRefType>(window.getType());
  if (failed(usl::tmem::verifyMemoryOperand(op, type,
                                            tileType.getElementType(), "tile")))
    return failure();
  int64_t rank = type.getRank();
  int64_t rows = 1, nonUnit = 0;
  for (int64_t d = 0; d + 1 < rank; ++d) {
    if (type.isDynamicDim(d))
      return op->emitOpError("memory operand must have a static shape, got ")
             << type;
    rows *= type.getDimSize(d);
    nonUnit += type.getDimSize(d) != 1;
  }
  if (rank < 2 || rows != kRows || nonUnit != 1 ||
      type.getDimSize(rank - 1) != tileType.getDimSize(1))
    return op->emitOpError("memory operand must be a window of 4 rows of ")
           << tileType.getDimSize(1) << " elements (other dimensions 1), got "
           << type;
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)) ||
      strides.back() != 1)
    return op->emitOpError("memory operand must have a unit element stride "
                           "(its rows contiguous), got ")
           << type;
  return success();
}

LogicalResult MldOp::verify() { return verifyWindow(*this, getTile(), getWindow()); }
LogicalResult MstOp::verify() { return verifyWindow(*this, getTile(), getWindow()); }

/// acc: 4x4 of `accElement`; lhs, rhs: tiles of `element`.
static LogicalResult verifyMac(Operation *op, Value acc, Value lhs, Value rhs,
                               Type accElement, Type element) {
  if (failed(verifyTile(op, "accumulator", acc, accElement)) ||
      failed(verifyTile(op, "lhs", lhs, element)) ||
      failed(verifyTile(op, "rhs", rhs, element)))
    return failure();
  return success();
}

LogicalResult MmasaOp::verify() {
  Builder b(getContext());
  return verifyMac(*this, getAcc(), getLhs(), getRhs(), b.getI32Type(),
                   b.getI32Type());
}

LogicalResult FmmaccOp::verify() {
  Builder b(getContext());
  return verifyMac(*this, getAcc(), getLhs(), getRhs(), b.getF32Type(),
                   b.getF32Type());
}

LogicalResult MmadaOp::verify() {
  Builder b(getContext());
  return verifyMac(*this, getAcc(), getLhs(), getRhs(), b.getI32Type(),
                   b.getI16Type());
}

LogicalResult MmaqaOp::verify() {
  Builder b(getContext());
  return verifyMac(*this, getAcc(), getLhs(), getRhs(), b.getI32Type(),
                   b.getI8Type());
}
