//===- PipelineDialect.cpp - syntax and verifiers of pipeline -------------===//
//
// Custom syntax (coordinates as block arguments, affine call coordinates,
// names carried by SSA names) and verifiers. Lowering to scheduled loops is
// in C.
//
//===----------------------------------------------------------------------===//

#include "PipelineDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace usl::pipeline;

#include "PipelineDialect.cpp.inc"
#include "PipelineEnums.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "PipelineTypes.cpp.inc"

void PipelineDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "PipelineTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "PipelineOps.cpp.inc"
      >();
}

using UnresolvedOperand = OpAsmParser::UnresolvedOperand;

static bool isScalar(Type t) {
  return isa<IntegerType, FloatType, IndexType>(t);
}

static bool isValidName(StringRef name) {
  return !name.empty() && llvm::all_of(name, [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '-';
  });
}

/// Prints ` name "x"` when the SSA name of `value` does not spell `name`.
static void printNameIfHidden(OpAsmPrinter &p, Value value, StringRef name) {
  std::string text;
  llvm::raw_string_ostream os(text);
  p.printOperand(value, os);
  if (text != ("%" + name).str()) {
    p << " name ";
    p.printString(name);
  }
}

//===----------------------------------------------------------------------===//
// FuncType
//===----------------------------------------------------------------------===//

LogicalResult FuncType::verify(function_ref<InFlightDiagnostic()> emitError,
                               unsigned rank, Type elementType) {
  if (rank < 1 || rank > 8)
    return emitError() << "a pipeline function has 1 to 8 dimensions, not "
                       << rank;
  if (!isScalar(elementType))
    return emitError() << "a pipeline function's values must be integers, "
                          "floats or indices, not "
                       << elementType;
  return success();
}

static LogicalResult matchesBuffer(Operation *op, FuncType func,
                                   Type bufferType) {
  auto buffer = cast<MemRefType>(bufferType);
  if (buffer.getRank() != static_cast<int64_t>(func.getRank()))
    return op->emitOpError("buffer of rank ")
           << buffer.getRank() << " for a function of " << func.getRank()
           << " dimensions";
  if (buffer.getElementType() != func.getElementType())
    return op->emitOpError("buffer of ")
           << buffer.getElementType() << " for a function of "
           << func.getElementType();
  return success();
}

//===----------------------------------------------------------------------===//
// InputOp
//===----------------------------------------------------------------------===//

ParseResult InputOp::parse(OpAsmParser &parser, OperationState &result) {
  UnresolvedOperand buffer, value;
  StringRef word;
  SMLoc loc = parser.getCurrentLocation();
  std::string name = parser.getResultName(0).first.str();
  if (parser.parseOperand(buffer) || parser.parseKeyword(&word))
    return failure();
  std::optional<Boundary> boundary = symbolizeBoundary(word);
  if (!boundary)
    return parser.emitError(loc, "unknown boundary '")
           << word << "'; expected none, clamp, constant or mirror";
  bool hasValue = succeeded(parser.parseOptionalLParen());
  if (hasValue && (parser.parseOperand(value) || parser.parseRParen()))
    return failure();
  if (succeeded(parser.parseOptionalKeyword("name")) &&
      parser.parseString(&name))
    return failure();
  MemRefType bufferType;
  FuncType funcType;
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(bufferType) || parser.parseArrow() ||
      parser.parseType(funcType) ||
      parser.resolveOperand(buffer, bufferType, result.operands))
    return failure();
  if (hasValue && parser.resolveOperand(value, funcType.getElementType(),
                                        result.operands))
    return failure();
  result.addAttribute("boundary",
                      BoundaryAttr::get(parser.getContext(), *boundary));
  result.addAttribute("name", parser.getBuilder().getStringAttr(name));
  result.addTypes(funcType);
  return success();
}

void InputOp::print(OpAsmPrinter &p) {
  p << ' ' << getBuffer() << ' ' << stringifyBoundary(getBoundary());
  if (getValue())
    p << '(' << getValue() << ')';
  printNameIfHidden(p, getResult(), getName());
  p.printOptionalAttrDict((*this)->getAttrs(), {"boundary", "name"});
  p << " : " << getBuffer().getType() << " -> " << getResult().getType();
}

void InputOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getResult(), getName());
}

LogicalResult InputOp::verify() {
  if (!isValidName(getName()))
    return emitOpError("input name '") << getName() << "' is not valid";
  auto func = cast<FuncType>(getResult().getType());
  if (failed(matchesBuffer(*this, func, getBuffer().getType())))
    return failure();
  bool wantsValue = getBoundary() == Boundary::constant;
  if (wantsValue != static_cast<bool>(getValue()))
    return emitOpError(wantsValue
                           ? "a constant boundary needs its value: constant(%v)"
                           : "only a constant boundary takes a value");
  return success();
}

//===----------------------------------------------------------------------===//
// FuncOp
//===----------------------------------------------------------------------===//

ParseResult FuncOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  Type index = builder.getIndexType();
  std::string name = parser.getResultName(0).first.str();
  SmallVector<OpAsmParser::Argument> args;
  if (parser.parseArgumentList(args, OpAsmParser::Delimiter::Paren))
    return failure();
  SmallVector<UnresolvedOperand> lbs, ubs;
  UnresolvedOperand init;
  bool reduces = succeeded(parser.parseOptionalKeyword("reduce"));
  if (reduces) {
    StringRef word;
    SMLoc loc = parser.getCurrentLocation();
    if (parser.parseKeyword(&word))
      return failure();
    std::optional<ReduceKind> kind = symbolizeReduceKind(word);
    if (!kind)
      return parser.emitError(loc, "unknown reduction '")
             << word << "'; expected add, mul, max or min";
    result.addAttribute("reduction",
                        ReduceKindAttr::get(parser.getContext(), *kind));
    if (parser.parseCommaSeparatedList(
            OpAsmParser::Delimiter::Paren,
            [&]() -> ParseResult {
              OpAsmParser::Argument var;
              if (parser.parseArgument(var) || parser.parseEqual() ||
                  parser.parseOperand(lbs.emplace_back()) ||
                  parser.parseKeyword("to") ||
                  parser.parseOperand(ubs.emplace_back()))
                return failure();
              args.push_back(var);
              return success();
            }) ||
        parser.parseKeyword("init") || parser.parseOperand(init))
      return failure();
  }
  if (succeeded(parser.parseOptionalKeyword("name")) &&
      parser.parseString(&name))
    return failure();
  FuncType type;
  if (parser.parseColonType(type) ||
      parser.resolveOperands(lbs, index, result.operands) ||
      parser.resolveOperands(ubs, index, result.operands))
    return failure();
  if (reduces &&
      parser.resolveOperand(init, type.getElementType(), result.operands))
    return failure();
  SmallVector<StringRef> coordNames;
  for (OpAsmParser::Argument &a : args) {
    a.type = index;
    coordNames.push_back(a.ssaName.name.drop_front());
  }
  if (!result.attributes.get("coords"))
    result.addAttribute("coords", builder.getStrArrayAttr(coordNames));
  result.addAttribute("operandSegmentSizes",
                      builder.getDenseI32ArrayAttr(
                          {static_cast<int32_t>(lbs.size()),
                           static_cast<int32_t>(ubs.size()), reduces ? 1 : 0}));
  result.addAttribute("name", builder.getStringAttr(name));
  result.addTypes(type);
  Region *body = result.addRegion();
  if (parser.parseRegion(*body, args))
    return failure();
  ensureTerminator(*body, builder, result.location);
  return parser.parseOptionalAttrDict(result.attributes);
}

void FuncOp::getAsmBlockArgumentNames(Region &region,
                                      OpAsmSetValueNameFn setNameFn) {
  ArrayAttr names = getCoords();
  for (auto [arg, name] : llvm::zip(region.front().getArguments(), names))
    setNameFn(arg, cast<StringAttr>(name).getValue());
}

void FuncOp::print(OpAsmPrinter &p) {
  Block &block = getBody().front();
  unsigned rank = getRank();
  p << " (";
  llvm::interleaveComma(block.getArguments().take_front(rank), p,
                        [&](BlockArgument a) { p.printOperand(a); });
  p << ')';
  if (auto kind = getReduction()) {
    p << " reduce " << stringifyReduceKind(*kind) << " (";
    for (unsigned k = 0; k < getNumReductionVars(); ++k) {
      if (k)
        p << ", ";
      p.printOperand(block.getArgument(rank + k));
      p << " = " << getReductionLowerBounds()[k] << " to "
        << getReductionUpperBounds()[k];
    }
    p << ") init " << getInit();
  }
  printNameIfHidden(p, getResult(), getName());
  p << " : " << getResult().getType() << ' ';
  p.printRegion(getBody(), /*printEntryBlockArgs=*/false,
                /*printBlockTerminators=*/true);
  p.printOptionalAttrDict((*this)->getAttrs(),
                          {"name", "reduction", "operandSegmentSizes", "coords"});
}

void FuncOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getResult(), getName());
}

LogicalResult FuncOp::verify() {
  if (!isValidName(getName()))
    return emitOpError("function name '") << getName() << "' is not valid";
  if (getReductionLowerBounds().size() != getReductionUpperBounds().size())
    return emitOpError("every reduction variable needs a lower and an upper "
                       "bound");
  bool reduces = getNumReductionVars() > 0;
  if (reduces != getReduction().has_value() ||
      reduces != static_cast<bool>(getInit()))
    return emitOpError("a reduction needs an operator, variables and an "
                       "init value together");
  Block &block = getBody().front();
  unsigned expected = getRank() + getNumReductionVars();
  if (block.getNumArguments() != expected)
    return emitOpError("body takes ")
           << block.getNumArguments() << " coordinates but the function has "
           << getRank() << " dimensions and " << getNumReductionVars()
           << " reduction variables";
  for (BlockArgument a : block.getArguments())
    if (!a.getType().isIndex())
      return emitOpError("coordinates must be of index type");
  if (getCoords().size() != expected)
    return emitOpError("names ")
           << getCoords().size() << " coordinates but has " << expected;
  for (Attribute name : getCoords())
    if (!isValidName(cast<StringAttr>(name).getValue()))
      return emitOpError("coordinate name '")
             << cast<StringAttr>(name).getValue() << "' is not valid";
  // A function is pure: lowering computes it wherever and whenever the
  // schedule says, so its body reads buffers only through pipeline.input
  // (pipeline.call), never in program order. A load could read a buffer
  // that is filled later, or changed between the points computed.
  Operation *impure = nullptr;
  getBody().walk([&](Operation *op) {
    if (isa<CallOp, YieldOp>(op) ||
        op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
      return WalkResult::advance();
    if (!isMemoryEffectFree(op)) {
      impure = op;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (impure)
    return impure->emitOpError("may read or write memory, but the body of "
                               "pipeline function '")
           << getName()
           << "' must be pure: read buffers through pipeline.input and "
              "pipeline.call";
  return success();
}

//===----------------------------------------------------------------------===//
// CallOp, YieldOp, OutputOp
//===----------------------------------------------------------------------===//

ParseResult CallOp::parse(OpAsmParser &parser, OperationState &result) {
  UnresolvedOperand callee;
  SmallVector<UnresolvedOperand> indices;
  Attribute ignored;
  FuncType type;
  if (parser.parseOperand(callee) ||
      parser.parseAffineMapOfSSAIds(indices, ignored, "map", result.attributes,
                                    OpAsmParser::Delimiter::Paren) ||
      parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type) ||
      parser.resolveOperand(callee, type, result.operands) ||
      parser.resolveOperands(indices, parser.getBuilder().getIndexType(),
                             result.operands))
    return failure();
  result.addTypes(type.getElementType());
  return success();
}

void CallOp::print(OpAsmPrinter &p) {
  p << ' ' << getCallee() << '(';
  p.printAffineMapOfSSAIds(getMapAttr(), getIndices());
  p << ')';
  p.printOptionalAttrDict((*this)->getAttrs(), {"map"});
  p << " : " << getCallee().getType();
}

LogicalResult CallOp::verify() {
  // Calls are evaluated at the points lowering computes, which exist only
  // inside a function's body.
  if (!(*this)->getParentOfType<FuncOp>())
    return emitOpError("reads a function at a point, so it must be inside "
                       "the body of a pipeline.func");
  auto type = cast<FuncType>(getCallee().getType());
  if (getMap().getNumResults() != type.getRank())
    return emitOpError("calls a function of ")
           << type.getRank() << " dimensions with "
           << getMap().getNumResults() << " coordinates";
  if (getMap().getNumInputs() != getIndices().size())
    return emitOpError("coordinate map takes ")
           << getMap().getNumInputs() << " values but " << getIndices().size()
           << " are given";
  if (getResult().getType() != type.getElementType())
    return emitOpError("result of type ")
           << getResult().getType() << " for a function of "
           << type.getElementType();
  return success();
}

LogicalResult YieldOp::verify() {
  auto func = cast<FuncOp>((*this)->getParentOp());
  Type element = cast<FuncType>(func.getResult().getType()).getElementType();
  if (getValues().size() != 1 || getValues()[0].getType() != element)
    return emitOpError("must yield one value of the function's type ")
           << element;
  return success();
}

LogicalResult OutputOp::verify() {
  return matchesBuffer(*this, cast<FuncType>(getFunc().getType()),
                       getBuffer().getType());
}

#define GET_OP_CLASSES
#include "PipelineOps.cpp.inc"
