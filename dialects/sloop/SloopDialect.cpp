//===- SloopDialect.cpp - custom syntax and verifiers of sloop ------------===//
//
// Only what ODS cannot generate: the affine-expression syntax of bounds,
// conditions and indices, the loop and buffer names carried by SSA names, and
// the verifiers. All transformations of this IR are written in C.
//
//===----------------------------------------------------------------------===//

#include "SloopDialect.h"

#include "../tmem/TmemDialect.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineExprVisitor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IntegerSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include "usl/sloop.h"

using namespace mlir;
using namespace usl::sloop;

#include "SloopDialect.cpp.inc"
#include "SloopEnums.cpp.inc"

void SloopDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "SloopOps.cpp.inc"
      >();
}

// The C header mirrors the enum values; keep them in step.
static_assert(static_cast<int>(LoopKind::seq) == USL_LOOP_SEQ &&
                  static_cast<int>(LoopKind::par) == USL_LOOP_PAR &&
                  static_cast<int>(LoopKind::vec) == USL_LOOP_VEC &&
                  static_cast<int>(LoopKind::unroll) == USL_LOOP_UNROLL,
              "LoopKind differs from include/usl/sloop.h");
static_assert(static_cast<int>(ReduceKind::add) == USL_REDUCE_ADD &&
                  static_cast<int>(ReduceKind::mul) == USL_REDUCE_MUL &&
                  static_cast<int>(ReduceKind::max) == USL_REDUCE_MAX &&
                  static_cast<int>(ReduceKind::min) == USL_REDUCE_MIN,
              "ReduceKind differs from include/usl/sloop.h");

//===----------------------------------------------------------------------===//
// Shared syntax helpers
//===----------------------------------------------------------------------===//

using UnresolvedOperand = OpAsmParser::UnresolvedOperand;

/// Parses an affine expression written over SSA values. Every value becomes a
/// dimension, numbered after those already in `operands`, so several
/// expressions can share one operand list; a value named twice is one
/// dimension.
static ParseResult parseExprOfIds(OpAsmParser &parser,
                                  SmallVectorImpl<UnresolvedOperand> &operands,
                                  AffineExpr &expr) {
  SmallVector<UnresolvedOperand> dims, syms;
  if (parser.parseAffineExprOfSSAIds(dims, syms, expr))
    return failure();
  MLIRContext *ctx = parser.getContext();
  auto positionOf = [&](const UnresolvedOperand &v) {
    for (auto [i, known] : llvm::enumerate(operands))
      if (known.name == v.name && known.number == v.number)
        return static_cast<unsigned>(i);
    operands.push_back(v);
    return static_cast<unsigned>(operands.size() - 1);
  };
  SmallVector<AffineExpr> dimRepl, symRepl;
  for (const UnresolvedOperand &d : dims)
    dimRepl.push_back(getAffineDimExpr(positionOf(d), ctx));
  for (const UnresolvedOperand &s : syms)
    symRepl.push_back(getAffineDimExpr(positionOf(s), ctx));
  expr = expr.replaceDimsAndSymbols(dimRepl, symRepl);
  return success();
}

/// True when `name` can be spelled as an SSA name suffix, which is how loop
/// and buffer names are written.
static bool isValidName(StringRef name) {
  if (name.empty())
    return false;
  return llvm::all_of(name, [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '-';
  });
}

/// The SSA name under which `value` is printed, e.g. "%ioi".
static std::string printedName(OpAsmPrinter &p, Value value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  p.printOperand(value, os);
  return text;
}

/// Prints ` name "x"` when the SSA name of `value` does not spell `name`.
static void printNameIfHidden(OpAsmPrinter &p, Value value, StringRef name) {
  if (printedName(p, value) != ("%" + name).str()) {
    p << " name ";
    p.printString(name);
  }
}

static LogicalResult verifyAccess(Operation *op, Type memrefType,
                                  AffineMap map, size_t numIndices) {
  auto type = cast<MemRefType>(memrefType);
  if (map.getNumResults() != static_cast<unsigned>(type.getRank()))
    return op->emitOpError("has ")
           << map.getNumResults() << " indices for a buffer of rank "
           << type.getRank();
  if (map.getNumInputs() != numIndices)
    return op->emitOpError("index map takes ")
           << map.getNumInputs() << " values but " << numIndices
           << " are given";
  return success();
}

static LogicalResult verifyElement(Operation *op, Type memrefType,
                                   Type valueType) {
  Type element = cast<MemRefType>(memrefType).getElementType();
  if (element != valueType)
    return op->emitOpError("value of type ")
           << valueType << " does not match the buffer's element type "
           << element;
  return success();
}

//===----------------------------------------------------------------------===//
// ForOp
//===----------------------------------------------------------------------===//

void ForOp::build(OpBuilder &builder, OperationState &result, int64_t lb,
                  int64_t ub, int64_t step, StringRef name) {
  MLIRContext *ctx = builder.getContext();
  result.addAttribute(getLbMapAttrName(result.name),
                      AffineMapAttr::get(AffineMap::getConstantMap(lb, ctx)));
  result.addAttribute(getUbMapAttrName(result.name),
                      AffineMapAttr::get(AffineMap::getConstantMap(ub, ctx)));
  result.addAttribute(getStepAttrName(result.name),
                      builder.getI64IntegerAttr(step));
  result.addAttribute(getNameAttrName(result.name),
                      builder.getStringAttr(name));
  result.addAttribute(getKindAttrName(result.name),
                      LoopKindAttr::get(ctx, LoopKind::seq));
  result.addAttribute(getOperandSegmentSizesAttrName(result.name),
                      builder.getDenseI32ArrayAttr({0, 0}));
  Region *body = result.addRegion();
  Block *block = new Block();
  block->addArgument(builder.getIndexType(), result.location);
  body->push_back(block);
  ensureTerminator(*body, builder, result.location);
}

ParseResult ForOp::parse(OpAsmParser &parser, OperationState &result) {
  MLIRContext *ctx = parser.getContext();
  Builder &builder = parser.getBuilder();
  OpAsmParser::Argument iv;
  SmallVector<UnresolvedOperand> lbOperands, ubOperands;
  AffineExpr lb, ub;
  if (parser.parseArgument(iv) || parser.parseEqual() ||
      parseExprOfIds(parser, lbOperands, lb) || parser.parseKeyword("to") ||
      parseExprOfIds(parser, ubOperands, ub))
    return failure();
  iv.type = builder.getIndexType();

  int64_t step = 1;
  if (succeeded(parser.parseOptionalKeyword("step"))) {
    SMLoc loc = parser.getCurrentLocation();
    if (parser.parseInteger(step))
      return failure();
    if (step <= 0)
      return parser.emitError(loc, "loop step must be positive, got ")
             << step;
  }
  LoopKind kind = LoopKind::seq;
  StringRef kindWord;
  if (succeeded(parser.parseOptionalKeyword(&kindWord,
                                            {"seq", "par", "vec", "unroll"})))
    kind = *symbolizeLoopKind(kindWord);

  std::string name = iv.ssaName.name.drop_front().str();
  if (succeeded(parser.parseOptionalKeyword("name")) &&
      parser.parseString(&name))
    return failure();

  Type index = builder.getIndexType();
  if (parser.resolveOperands(lbOperands, index, result.operands) ||
      parser.resolveOperands(ubOperands, index, result.operands))
    return failure();
  result.addAttribute("lbMap", AffineMapAttr::get(AffineMap::get(
                                   lbOperands.size(), 0, lb)));
  result.addAttribute("ubMap", AffineMapAttr::get(AffineMap::get(
                                   ubOperands.size(), 0, ub)));
  result.addAttribute("step", builder.getI64IntegerAttr(step));
  result.addAttribute("name", builder.getStringAttr(name));
  result.addAttribute("kind", LoopKindAttr::get(ctx, kind));
  result.addAttribute("operandSegmentSizes",
                      builder.getDenseI32ArrayAttr(
                          {static_cast<int32_t>(lbOperands.size()),
                           static_cast<int32_t>(ubOperands.size())}));

  Region *body = result.addRegion();
  if (parser.parseRegion(*body, {iv}))
    return failure();
  ensureTerminator(*body, builder, result.location);
  return parser.parseOptionalAttrDict(result.attributes);
}

void ForOp::print(OpAsmPrinter &p) {
  p << ' ';
  p.printOperand(getInductionVar());
  p << " = ";
  p.printAffineExprOfSSAIds(getLbMap().getResult(0), getLbOperands(), {});
  p << " to ";
  p.printAffineExprOfSSAIds(getUbMap().getResult(0), getUbOperands(), {});
  if (getStep() != 1)
    p << " step " << getStep();
  if (getKind() != LoopKind::seq)
    p << ' ' << stringifyLoopKind(getKind());
  printNameIfHidden(p, getInductionVar(), getName());
  p << ' ';
  p.printRegion(getRegion(), /*printEntryBlockArgs=*/false,
                /*printBlockTerminators=*/false);
  p.printOptionalAttrDict((*this)->getAttrs(),
                          {"lbMap", "ubMap", "step", "name", "kind",
                           "operandSegmentSizes"});
}

void ForOp::getAsmBlockArgumentNames(Region &region,
                                     OpAsmSetValueNameFn setNameFn) {
  if (!region.empty() && region.front().getNumArguments() == 1)
    setNameFn(region.front().getArgument(0), getName());
}

LogicalResult ForOp::verify() {
  if (!isValidName(getName()))
    return emitOpError("loop name '")
           << getName()
           << "' must be non-empty and use only letters, digits, '_', '$', "
              "'.' or '-'";
  for (auto [what, map, operands] :
       {std::tuple<const char *, AffineMap, OperandRange>{
            "lower", getLbMap(), getLbOperands()},
        {"upper", getUbMap(), getUbOperands()}}) {
    if (map.getNumResults() != 1)
      return emitOpError(what) << " bound must be a single affine expression";
    if (map.getNumInputs() != operands.size())
      return emitOpError(what)
             << " bound takes " << map.getNumInputs() << " values but "
             << operands.size() << " are given";
    // Trip counts and the bounds directives derive must fit in 64 bits.
    constexpr int64_t limit = int64_t(1) << 61;
    std::optional<int64_t> outside;
    map.getResult(0).walk([&](AffineExpr e) {
      if (auto c = dyn_cast<AffineConstantExpr>(e))
        if (c.getValue() > limit || c.getValue() < -limit)
          outside = c.getValue();
    });
    if (outside)
      return emitOpError(what)
             << " bound holds " << *outside
             << ", outside the range loop bounds may use, -2^61 to 2^61";
  }
  Block *body = getBody();
  if (body->getNumArguments() != 1 || !body->getArgument(0).getType().isIndex())
    return emitOpError("body must take exactly one index argument");
  if (getKind() == LoopKind::unroll &&
      (!getLbMap().isSingleConstant() || !getUbMap().isSingleConstant()))
    return emitOpError("an unroll loop needs constant bounds, loop '")
           << getName() << "' has a symbolic bound";
  return success();
}

//===----------------------------------------------------------------------===//
// IfOp
//===----------------------------------------------------------------------===//

/// Splits a sum into terms with positive and with negative coefficients, and
/// a constant: e = sum(pos) - sum(neg) + constant.
static void splitTerms(AffineExpr e, SmallVectorImpl<AffineExpr> &pos,
                       SmallVectorImpl<AffineExpr> &neg, int64_t &constant) {
  if (e.getKind() == AffineExprKind::Add) {
    auto bin = cast<AffineBinaryOpExpr>(e);
    splitTerms(bin.getLHS(), pos, neg, constant);
    splitTerms(bin.getRHS(), pos, neg, constant);
    return;
  }
  if (auto c = dyn_cast<AffineConstantExpr>(e)) {
    constant += c.getValue();
    return;
  }
  if (e.getKind() == AffineExprKind::Mul) {
    auto bin = cast<AffineBinaryOpExpr>(e);
    auto k = dyn_cast<AffineConstantExpr>(bin.getRHS());
    if (k && k.getValue() < 0) {
      neg.push_back(bin.getLHS() * (-k.getValue()));
      return;
    }
  }
  pos.push_back(e);
}

static AffineExpr sum(ArrayRef<AffineExpr> terms, MLIRContext *ctx) {
  AffineExpr total = getAffineConstantExpr(0, ctx);
  for (AffineExpr t : terms)
    total = total + t;
  return total;
}

/// Prints the constraint `e >= 0` (or `e == 0`) as a comparison of two sums
/// with non-negative coefficients, e.g. `%j + %r < %N`.
static void printConstraint(OpAsmPrinter &p, AffineExpr e, bool isEq,
                            ValueRange operands) {
  MLIRContext *ctx = e.getContext();
  SmallVector<AffineExpr> pos, neg;
  int64_t c = 0;
  splitTerms(e, pos, neg, c);
  AffineExpr lhs = sum(neg, ctx), rhs = sum(pos, ctx);
  const char *op;
  if (neg.empty()) {
    // Only positive terms: `%i >= 2`, `%i == 0`.
    lhs = rhs;
    rhs = getAffineConstantExpr(-c, ctx);
    op = isEq ? " == " : " >= ";
  } else if (isEq) {
    op = " == ";
    if (c < 0)
      lhs = lhs + (-c);
    else
      rhs = rhs + c;
  } else if (c < 0) {
    op = " < ";
    lhs = lhs + (-c - 1);
  } else {
    op = " <= ";
    rhs = rhs + c;
  }
  p.printAffineExprOfSSAIds(lhs, operands, {});
  p << op;
  p.printAffineExprOfSSAIds(rhs, operands, {});
}

ParseResult IfOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  SmallVector<UnresolvedOperand> operands;
  SmallVector<AffineExpr> constraints;
  SmallVector<bool> eqFlags;
  do {
    AffineExpr lhs, rhs;
    if (parseExprOfIds(parser, operands, lhs))
      return failure();
    enum { LT, LE, GT, GE, EQ } cmp;
    if (succeeded(parser.parseOptionalLess()))
      cmp = succeeded(parser.parseOptionalEqual()) ? LE : LT;
    else if (succeeded(parser.parseOptionalGreater()))
      cmp = succeeded(parser.parseOptionalEqual()) ? GE : GT;
    else if (succeeded(parser.parseOptionalEqual())) {
      if (parser.parseEqual())
        return failure();
      cmp = EQ;
    } else
      return parser.emitError(parser.getCurrentLocation(),
                              "expected a comparison: <, <=, >, >= or ==");
    if (parseExprOfIds(parser, operands, rhs))
      return failure();
    AffineExpr e;
    switch (cmp) {
    case LT: e = rhs - lhs - 1; break;
    case LE: e = rhs - lhs; break;
    case GT: e = lhs - rhs - 1; break;
    case GE: e = lhs - rhs; break;
    case EQ: e = lhs - rhs; break;
    }
    constraints.push_back(e);
    eqFlags.push_back(cmp == EQ);
  } while (succeeded(parser.parseOptionalKeyword("and")));

  for (AffineExpr &e : constraints)
    e = simplifyAffineExpr(e, operands.size(), 0);
  result.addAttribute("condition",
                      IntegerSetAttr::get(IntegerSet::get(
                          operands.size(), 0, constraints, eqFlags)));
  if (parser.resolveOperands(operands, builder.getIndexType(),
                             result.operands) ||
      parser.parseOptionalArrowTypeList(result.types))
    return failure();

  Region *thenRegion = result.addRegion();
  Region *elseRegion = result.addRegion();
  if (parser.parseRegion(*thenRegion, {}))
    return failure();
  if (result.types.empty())
    ensureTerminator(*thenRegion, builder, result.location);
  if (succeeded(parser.parseOptionalKeyword("else"))) {
    if (parser.parseRegion(*elseRegion, {}))
      return failure();
    if (result.types.empty())
      ensureTerminator(*elseRegion, builder, result.location);
  }
  return parser.parseOptionalAttrDict(result.attributes);
}

void IfOp::print(OpAsmPrinter &p) {
  IntegerSet set = getCondition();
  for (unsigned i = 0, e = set.getNumConstraints(); i < e; ++i) {
    p << (i ? " and " : " ");
    printConstraint(p, set.getConstraint(i), set.isEq(i), getCondOperands());
  }
  bool yieldsValues = !getResults().empty();
  if (yieldsValues) {
    p << " -> ";
    if (getNumResults() == 1)
      p << getResult(0).getType();
    else
      p << '(' << getResultTypes() << ')';
  }
  p << ' ';
  p.printRegion(getThenRegion(), false, yieldsValues);
  if (!getElseRegion().empty()) {
    p << " else ";
    p.printRegion(getElseRegion(), false, yieldsValues);
  }
  p.printOptionalAttrDict((*this)->getAttrs(), {"condition"});
}

LogicalResult IfOp::verify() {
  IntegerSet set = getCondition();
  if (set.getNumInputs() != getCondOperands().size())
    return emitOpError("condition takes ")
           << set.getNumInputs() << " values but "
           << getCondOperands().size() << " are given";
  if (!getResults().empty() && getElseRegion().empty())
    return emitOpError("an 'if' that yields values needs an 'else' region");
  return success();
}

//===----------------------------------------------------------------------===//
// YieldOp
//===----------------------------------------------------------------------===//

LogicalResult YieldOp::verify() {
  Operation *parent = (*this)->getParentOp();
  TypeRange expected;
  if (isa<IfOp>(parent))
    expected = parent->getResultTypes();
  if (getValues().getTypes() != expected) {
    auto diag = emitOpError("yields ")
                << getValues().size() << " values but its parent '"
                << parent->getName() << "' expects " << expected.size();
    if (!expected.empty())
      diag << " of types " << expected;
    return diag;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// LoadOp, StoreOp, ReduceOp
//===----------------------------------------------------------------------===//

ParseResult LoadOp::parse(OpAsmParser &parser, OperationState &result) {
  UnresolvedOperand memref;
  SmallVector<UnresolvedOperand> indices;
  MemRefType type;
  Attribute ignored;
  if (parser.parseOperand(memref) ||
      parser.parseAffineMapOfSSAIds(indices, ignored, "map",
                                    result.attributes) ||
      parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type) ||
      parser.resolveOperand(memref, type, result.operands) ||
      parser.resolveOperands(indices, parser.getBuilder().getIndexType(),
                             result.operands))
    return failure();
  result.addTypes(type.getElementType());
  return success();
}

void LoadOp::print(OpAsmPrinter &p) {
  p << ' ' << getMemref() << '[';
  p.printAffineMapOfSSAIds(getMapAttr(), getIndices());
  p << ']';
  p.printOptionalAttrDict((*this)->getAttrs(), {"map"});
  p << " : " << getMemref().getType();
}

LogicalResult LoadOp::verify() {
  if (failed(verifyAccess(*this, getMemref().getType(), getMap(),
                          getIndices().size())))
    return failure();
  return verifyElement(*this, getMemref().getType(), getType());
}

void LoadOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  effects.emplace_back(MemoryEffects::Read::get(), &getMemrefMutable(),
                       SideEffects::DefaultResource::get());
}

/// Parses `%value, %buf[<indices>] : <memref type>`, shared by store and
/// reduce.
static ParseResult parseValueAccess(OpAsmParser &parser,
                                    OperationState &result) {
  UnresolvedOperand value, memref;
  SmallVector<UnresolvedOperand> indices;
  MemRefType type;
  Attribute ignored;
  if (parser.parseOperand(value) || parser.parseComma() ||
      parser.parseOperand(memref) ||
      parser.parseAffineMapOfSSAIds(indices, ignored, "map",
                                    result.attributes) ||
      parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type) ||
      parser.resolveOperand(value, type.getElementType(), result.operands) ||
      parser.resolveOperand(memref, type, result.operands) ||
      parser.resolveOperands(indices, parser.getBuilder().getIndexType(),
                             result.operands))
    return failure();
  return success();
}

static void printValueAccess(OpAsmPrinter &p, Operation *op, Value value,
                             Value memref, AffineMapAttr map,
                             ValueRange indices,
                             ArrayRef<StringRef> elided) {
  p << ' ' << value << ", " << memref << '[';
  p.printAffineMapOfSSAIds(map, indices);
  p << ']';
  p.printOptionalAttrDict(op->getAttrs(), elided);
  p << " : " << memref.getType();
}

ParseResult StoreOp::parse(OpAsmParser &parser, OperationState &result) {
  return parseValueAccess(parser, result);
}

void StoreOp::print(OpAsmPrinter &p) {
  printValueAccess(p, *this, getValue(), getMemref(), getMapAttr(),
                   getIndices(), {"map"});
}

LogicalResult StoreOp::verify() {
  if (failed(verifyAccess(*this, getMemref().getType(), getMap(),
                          getIndices().size())))
    return failure();
  return verifyElement(*this, getMemref().getType(), getValue().getType());
}

void StoreOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  effects.emplace_back(MemoryEffects::Write::get(), &getMemrefMutable(),
                       SideEffects::DefaultResource::get());
}

ParseResult ReduceOp::parse(OpAsmParser &parser, OperationState &result) {
  StringRef word;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseKeyword(&word))
    return failure();
  std::optional<ReduceKind> kind = symbolizeReduceKind(word);
  if (!kind)
    return parser.emitError(loc, "unknown reduction '")
           << word << "', expected add, mul, max or min";
  result.addAttribute("kind",
                      ReduceKindAttr::get(parser.getContext(), *kind));
  return parseValueAccess(parser, result);
}

void ReduceOp::print(OpAsmPrinter &p) {
  p << ' ' << stringifyReduceKind(getKind());
  printValueAccess(p, *this, getValue(), getMemref(), getMapAttr(),
                   getIndices(), {"map", "kind"});
}

LogicalResult ReduceOp::verify() {
  if (failed(verifyAccess(*this, getMemref().getType(), getMap(),
                          getIndices().size())))
    return failure();
  return verifyElement(*this, getMemref().getType(), getValue().getType());
}

void ReduceOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  effects.emplace_back(MemoryEffects::Read::get(), &getMemrefMutable(),
                       SideEffects::DefaultResource::get());
  effects.emplace_back(MemoryEffects::Write::get(), &getMemrefMutable(),
                       SideEffects::DefaultResource::get());
}

//===----------------------------------------------------------------------===//
// AllocOp
//===----------------------------------------------------------------------===//

ParseResult AllocOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<UnresolvedOperand> sizes;
  MemRefType type;
  std::string name = parser.getResultName(0).first.str();
  if (parser.parseOperandList(sizes, OpAsmParser::Delimiter::OptionalParen))
    return failure();
  if (succeeded(parser.parseOptionalKeyword("name")) &&
      parser.parseString(&name))
    return failure();
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseColonType(type) ||
      parser.resolveOperands(sizes, parser.getBuilder().getIndexType(),
                             result.operands))
    return failure();
  result.addAttribute("name", parser.getBuilder().getStringAttr(name));
  result.addTypes(type);
  return success();
}

void AllocOp::print(OpAsmPrinter &p) {
  if (!getDynamicSizes().empty())
    p << '(' << getDynamicSizes() << ')';
  printNameIfHidden(p, getMemref(), getName());
  p.printOptionalAttrDict((*this)->getAttrs(), {"name"});
  p << " : " << getMemref().getType();
}

void AllocOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getMemref(), getName());
}

LogicalResult AllocOp::verify() {
  if (!isValidName(getName()))
    return emitOpError("buffer name '")
           << getName()
           << "' must be non-empty and use only letters, digits, '_', '$', "
              "'.' or '-'";
  MemRefType type = getMemref().getType();
  if (!type.getLayout().isIdentity())
    return emitOpError("allocates a buffer with a non-identity layout ")
           << type.getLayout() << "; use tmem.window for views";
  if (getDynamicSizes().size() !=
      static_cast<size_t>(type.getNumDynamicDims()))
    return emitOpError("type ")
           << type << " has " << type.getNumDynamicDims()
           << " dynamic extents but " << getDynamicSizes().size()
           << " sizes are given";
  Attribute space = type.getMemorySpace();
  if (space && !isa<usl::tmem::MemorySpaceAttr>(space))
    return emitOpError("memory space ")
           << space << " is not a tile-memory space; expected "
           << "#tmem.space<dram|dram_static|rvm_tile|avx512>";
  if (auto s = dyn_cast_or_null<usl::tmem::MemorySpaceAttr>(space))
    if (s.getValue() == usl::tmem::MemorySpace::dram_static &&
        !type.hasStaticShape())
      return emitOpError("a dram_static buffer needs a static shape, got ")
             << type;
  return success();
}

#define GET_OP_CLASSES
#include "SloopOps.cpp.inc"
