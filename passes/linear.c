//===- linear.c - index values as linear forms ---------------------------===//

#include "linear.h"
#include "support.h"
#include "usl/sloop.h"

#include "mlir-c/AffineMap.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/IntegerSet.h"

UslLinearIn uslAffineLinearIn(MlirAffineExpr e, bool symbol, intptr_t pos) {
  if (mlirAffineExprIsADim(e)) {
    bool is = !symbol && mlirAffineDimExprGetPosition(e) == pos;
    return (UslLinearIn){true, is, is};
  }
  if (mlirAffineExprIsASymbol(e)) {
    bool is = symbol && mlirAffineSymbolExprGetPosition(e) == pos;
    return (UslLinearIn){true, is, is};
  }
  if (!mlirAffineExprIsABinary(e))
    return (UslLinearIn){true, false, 0};
  MlirAffineExpr lhs = mlirAffineBinaryOpExprGetLHS(e);
  MlirAffineExpr rhs = mlirAffineBinaryOpExprGetRHS(e);
  UslLinearIn l = uslAffineLinearIn(lhs, symbol, pos);
  UslLinearIn r = uslAffineLinearIn(rhs, symbol, pos);
  bool involves = l.involves || r.involves;
  if (mlirAffineExprIsAAdd(e))
    return (UslLinearIn){l.linear && r.linear, involves, l.c + r.c};
  if (mlirAffineExprIsAMul(e)) {
    if (mlirAffineExprIsAConstant(rhs))
      return (UslLinearIn){l.linear, involves,
                           l.c * mlirAffineConstantExprGetValue(rhs)};
    if (mlirAffineExprIsAConstant(lhs))
      return (UslLinearIn){r.linear, involves,
                           r.c * mlirAffineConstantExprGetValue(lhs)};
  }
  /* mod, floordiv, ceildiv, products of two inputs */
  return (UslLinearIn){!involves, involves, 0};
}

static int atomIndex(UslLinear *l, MlirValue v) {
  for (int k = 0; k < l->n; ++k)
    if (mlirValueEqual(l->atoms[k], v))
      return k;
  if (l->n == USL_LINEAR_MAX_ATOMS)
    return -1;
  l->atoms[l->n] = v;
  l->coef[l->n] = 0;
  return l->n++;
}

bool uslLinearAdd(UslLinear *a, const UslLinear *b, int64_t k) {
  for (int i = 0; i < b->n; ++i) {
    int j = atomIndex(a, b->atoms[i]);
    if (j < 0)
      return false;
    a->coef[j] += k * b->coef[i];
  }
  a->constant += k * b->constant;
  return true;
}

/* The op that defines `v`, or owns the block whose argument it is. */
static MlirOperation ownerOf(MlirValue v) {
  if (mlirValueIsAOpResult(v))
    return mlirOpResultGetOwner(v);
  return mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v));
}

/* The value of a linear expression with every input at 0. */
static int64_t constantTerm(MlirAffineExpr e) {
  if (mlirAffineExprIsAConstant(e))
    return mlirAffineConstantExprGetValue(e);
  if (mlirAffineExprIsAAdd(e))
    return constantTerm(mlirAffineBinaryOpExprGetLHS(e)) +
           constantTerm(mlirAffineBinaryOpExprGetRHS(e));
  if (mlirAffineExprIsAMul(e))
    return constantTerm(mlirAffineBinaryOpExprGetLHS(e)) *
           constantTerm(mlirAffineBinaryOpExprGetRHS(e));
  return 0; /* a dimension or a symbol */
}

bool uslLinearOfMap(MlirAffineMap map, intptr_t pos, const MlirValue *operands,
                    MlirOperation scope, UslLinear *out) {
  intptr_t numDims = mlirAffineMapGetNumDims(map);
  intptr_t numInputs = mlirAffineMapGetNumInputs(map);
  MlirAffineExpr e = mlirAffineMapGetResult(map, pos);
  *out = (UslLinear){0};
  for (intptr_t i = 0; i < numInputs; ++i) {
    bool symbol = i >= numDims;
    UslLinearIn in = uslAffineLinearIn(e, symbol, symbol ? i - numDims : i);
    if (!in.linear)
      return false;
    if (!in.involves || in.c == 0)
      continue;
    UslLinear operand;
    if (!uslLinearOfValue(operands[i], scope, &operand) ||
        !uslLinearAdd(out, &operand, in.c))
      return false;
  }
  out->constant += constantTerm(e);
  return true;
}

static bool decompose(MlirValue v, MlirOperation scope, UslLinear *out);

bool uslLinearOfValue(MlirValue v, MlirOperation scope, UslLinear *out) {
  if (decompose(v, scope, out))
    return true;
  /* loop variables, and any other value from outside the scope */
  MlirOperation owner = ownerOf(v);
  if (!(mlirValueIsABlockArgument(v) && uslOpIs(owner, USL_SLOOP_FOR)) &&
      uslIsInside(owner, scope))
    return false;
  *out = (UslLinear){.n = 1, .atoms = {v}, .coef = {1}};
  return true;
}

/* Constants, affine.apply, addi, subi and muli by a constant. */
static bool decompose(MlirValue v, MlirOperation scope, UslLinear *out) {
  *out = (UslLinear){0};
  int64_t c;
  if (uslConstantIndexValue(v, &c)) {
    out->constant = c;
    return true;
  }
  MlirOperation owner = ownerOf(v);
  bool add = uslOpIs(owner, "arith.addi"), sub = uslOpIs(owner, "arith.subi");
  bool mul = uslOpIs(owner, "arith.muli");
  bool apply = uslOpIs(owner, "affine.apply");
  bool decomposable = !mlirValueIsABlockArgument(v) &&
                      mlirTypeIsAIndex(mlirValueGetType(v)) &&
                      (add || sub || mul || apply);
  if (!decomposable)
    return false;
  if (apply) {
    MlirAffineMap map = mlirAffineMapAttrGetValue(mlirOperationGetAttributeByName(
        owner, mlirStringRefCreateFromCString("map")));
    intptr_t n = mlirOperationGetNumOperands(owner);
    MlirValue operands[64];
    if (n > 64)
      return false;
    uslGetOperands(owner, 0, n, operands);
    return uslLinearOfMap(map, 0, operands, scope, out);
  }
  UslLinear a, b;
  if (!uslLinearOfValue(mlirOperationGetOperand(owner, 0), scope, &a) ||
      !uslLinearOfValue(mlirOperationGetOperand(owner, 1), scope, &b))
    return false;
  if (mul) {
    if (a.n == 0) {
      UslLinear t = a;
      a = b;
      b = t;
    }
    if (b.n != 0)
      return false;
    for (int k = 0; k < a.n; ++k)
      a.coef[k] *= b.constant;
    a.constant *= b.constant;
    *out = a;
    return true;
  }
  *out = a;
  return uslLinearAdd(out, &b, add ? 1 : -1);
}

bool uslGuardConstraintLinear(MlirOperation guard, intptr_t k,
                              MlirOperation scope, UslLinear *out) {
  MlirIntegerSet set = uslIfGetCondition(guard);
  intptr_t dims = mlirIntegerSetGetNumDims(set);
  intptr_t symbols = mlirIntegerSetGetNumSymbols(set);
  MlirValue operands[64];
  if (dims + symbols > 64)
    return false;
  uslGetOperands(guard, 0, dims + symbols, operands);
  MlirAffineExpr e = mlirIntegerSetGetConstraint(set, k);
  MlirAffineMap map = mlirAffineMapGet(mlirOperationGetContext(guard), dims,
                                       symbols, 1, &e);
  return uslLinearOfMap(map, 0, operands, scope, out);
}

bool uslLoopBoundLinear(MlirOperation loop, bool upper, MlirOperation scope,
                        UslLinear *out, int64_t *den) {
  MlirAffineMap map =
      upper ? uslForGetUpperBoundMap(loop) : uslForGetLowerBoundMap(loop);
  if (mlirAffineMapGetNumResults(map) != 1)
    return false;
  intptr_t first = upper ? uslForGetNumLowerBoundOperands(loop) : 0;
  intptr_t n = mlirAffineMapGetNumInputs(map);
  MlirValue operands[64];
  if (n > 64)
    return false;
  uslGetOperands(loop, first, n, operands);
  MlirAffineExpr e = mlirAffineMapGetResult(map, 0);
  if (den)
    *den = 1;
  if (den && upper && mlirAffineExprIsAFloorDiv(e)) {
    MlirAffineExpr rhs = mlirAffineBinaryOpExprGetRHS(e);
    if (!mlirAffineExprIsAConstant(rhs) ||
        mlirAffineConstantExprGetValue(rhs) <= 0)
      return false;
    *den = mlirAffineConstantExprGetValue(rhs);
    e = mlirAffineBinaryOpExprGetLHS(e);
    map = mlirAffineMapGet(mlirAffineMapGetContext(map),
                           mlirAffineMapGetNumDims(map),
                           mlirAffineMapGetNumSymbols(map), 1, &e);
  }
  return uslLinearOfMap(map, 0, operands, scope, out);
}
