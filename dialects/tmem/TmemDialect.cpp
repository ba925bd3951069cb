//===- TmemDialect.cpp - memory spaces and windows ------------------------===//
//
// The window op's syntax (affine offsets, static sizes, derived result type)
// and its verifier. Everything that moves data between spaces is in C.
//
//===----------------------------------------------------------------------===//

#include "TmemDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

#include "usl/tmem.h"

using namespace mlir;
using namespace usl::tmem;

#include "TmemDialect.cpp.inc"
#include "TmemEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "TmemAttrs.cpp.inc"

static_assert(static_cast<int>(MemorySpace::dram) == USL_MEM_DRAM &&
                  static_cast<int>(MemorySpace::dram_static) ==
                      USL_MEM_DRAM_STATIC &&
                  static_cast<int>(MemorySpace::rvm_tile) ==
                      USL_MEM_RVM_TILE &&
                  static_cast<int>(MemorySpace::avx512) == USL_MEM_AVX512,
              "MemorySpace differs from include/usl/tmem.h");

void TmemDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "TmemAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "TmemOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// MemorySpaceAttr: #tmem.space<name>
//===----------------------------------------------------------------------===//

Attribute MemorySpaceAttr::parse(AsmParser &parser, Type) {
  StringRef word;
  if (parser.parseLess())
    return {};
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseKeyword(&word))
    return {};
  std::optional<MemorySpace> space = symbolizeMemorySpace(word);
  if (!space) {
    parser.emitError(loc, "unknown memory space '")
        << word << "'; expected dram, dram_static, rvm_tile or avx512";
    return {};
  }
  if (parser.parseGreater())
    return {};
  return MemorySpaceAttr::get(parser.getContext(), *space);
}

void MemorySpaceAttr::print(AsmPrinter &printer) const {
  printer << '<' << stringifyMemorySpace(getValue()) << '>';
}

//===----------------------------------------------------------------------===//
// WindowOp
//===----------------------------------------------------------------------===//

MemRefType WindowOp::inferWindowType(MemRefType source,
                                     ArrayRef<int64_t> sizes) {
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(source.getStridesAndOffset(strides, offset)))
    strides.assign(source.getRank(), ShapedType::kDynamic);
  auto layout = StridedLayoutAttr::get(source.getContext(),
                                       ShapedType::kDynamic, strides);
  return MemRefType::get(sizes, source.getElementType(), layout,
                         source.getMemorySpace());
}

ParseResult WindowOp::parse(OpAsmParser &parser, OperationState &result) {
  OpAsmParser::UnresolvedOperand source;
  SmallVector<OpAsmParser::UnresolvedOperand> offsets;
  SmallVector<int64_t> sizes;
  Attribute ignored;
  MemRefType type;
  if (parser.parseOperand(source) ||
      parser.parseAffineMapOfSSAIds(offsets, ignored, "offsets",
                                    result.attributes) ||
      parser.parseCommaSeparatedList(
          OpAsmParser::Delimiter::Square,
          [&]() { return parser.parseInteger(sizes.emplace_back()); }) ||
      parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type) ||
      parser.resolveOperand(source, type, result.operands) ||
      parser.resolveOperands(offsets, parser.getBuilder().getIndexType(),
                             result.operands))
    return failure();
  for (int64_t s : sizes)
    if (s <= 0)
      return parser.emitError(parser.getNameLoc(),
                              "window sizes must be positive, got ")
             << s;
  if (sizes.size() != static_cast<size_t>(type.getRank()))
    return parser.emitError(parser.getNameLoc(), "window has ")
           << sizes.size() << " sizes for a buffer of rank "
           << type.getRank();
  result.addAttribute("sizes", parser.getBuilder().getDenseI64ArrayAttr(sizes));
  result.addTypes(inferWindowType(type, sizes));
  return success();
}

void WindowOp::print(OpAsmPrinter &p) {
  p << ' ' << getSource() << '[';
  p.printAffineMapOfSSAIds(getOffsetsAttr(), getOffsetOperands());
  p << "] [";
  llvm::interleaveComma(getSizes(), p);
  p << ']';
  p.printOptionalAttrDict((*this)->getAttrs(), {"offsets", "sizes"});
  p << " : " << getSource().getType();
}

LogicalResult WindowOp::verify() {
  auto source = cast<MemRefType>(getSource().getType());
  ArrayRef<int64_t> sizes = getSizes();
  if (getOffsets().getNumResults() != static_cast<unsigned>(source.getRank()))
    return emitOpError("has ")
           << getOffsets().getNumResults() << " offsets for a buffer of rank "
           << source.getRank();
  if (getOffsets().getNumInputs() != getOffsetOperands().size())
    return emitOpError("offset map takes ")
           << getOffsets().getNumInputs() << " values but "
           << getOffsetOperands().size() << " are given";
  if (sizes.size() != static_cast<size_t>(source.getRank()))
    return emitOpError("has ") << sizes.size()
                               << " sizes for a buffer of rank "
                               << source.getRank();
  for (auto [dim, size] : llvm::enumerate(sizes)) {
    if (size <= 0)
      return emitOpError("size ") << size << " of dimension " << dim
                                  << " is not positive";
    if (!source.isDynamicDim(dim) && size > source.getDimSize(dim))
      return emitOpError("window of ")
             << size << " elements does not fit dimension " << dim
             << " of size " << source.getDimSize(dim);
  }
  MemRefType expected = inferWindowType(source, sizes);
  if (getResult().getType() != expected)
    return emitOpError("result type ")
           << getResult().getType() << " differs from the window type "
           << expected;
  return success();
}

Value WindowOp::getViewSource() { return getSource(); }

#define GET_OP_CLASSES
#include "TmemOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared by the instruction dialects' verifiers
//===----------------------------------------------------------------------===//

std::optional<usl::tmem::MemorySpace> usl::tmem::spaceOf(MemRefType type) {
  Attribute space = type.getMemorySpace();
  if (!space)
    return MemorySpace::dram;
  if (auto attr = llvm::dyn_cast<MemorySpaceAttr>(space))
    return attr.getValue();
  return std::nullopt;
}

LogicalResult usl::tmem::verifyMemoryOperand(Operation *op, MemRefType type,
                                             Type element, StringRef holder) {
  std::optional<MemorySpace> space = spaceOf(type);
  if (!space || *space == MemorySpace::rvm_tile ||
      *space == MemorySpace::avx512)
    return op->emitOpError("memory operand must be in dram, got ") << type;
  if (type.getElementType() != element)
    return op->emitOpError("memory operand has ")
           << type.getElementType() << " elements but the " << holder
           << " has " << element;
  return success();
}
