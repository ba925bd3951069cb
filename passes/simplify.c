//===- simplify.c - simplify: tidy index arithmetic, guards and loops -----===//
//
// Rewrites that never change what the program computes:
//   - index constants used in bounds, guards and indices move into the
//     affine expressions, which are simplified;
//   - a guard whose conditions hold (or fail) for every iteration of the
//     constant-bound loops around it is replaced by its then (else) body;
//     conditions that always hold by the constant bounds on the side of
//     each loop variable that matters are dropped (a tile index from 0 to
//     a size known only at run time is at least 0);
//   - a loop with no iteration, or with nothing in its body, is removed;
//   - a loop with exactly one iteration is replaced by its body.
//
//===----------------------------------------------------------------------===//

#include "directive.h"
#include "pass_table.h"
#include "linear.h"
#include "rewrite.h"
#include "usl/sloop.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/IntegerSet.h"

#include <string.h>

static void simplifyMap(MlirOperation op, const char *attrName) {
  MlirStringRef name = mlirStringRefCreateFromCString(attrName);
  MlirAttribute attr = mlirOperationGetAttributeByName(op, name);
  if (mlirAttributeIsNull(attr))
    return;
  MlirAffineMap map = mlirAffineMapAttrGetValue(attr);
  intptr_t n = mlirAffineMapGetNumResults(map);
  MlirAffineExpr exprs[32];
  if (n > 32)
    return;
  for (intptr_t r = 0; r < n; ++r)
    exprs[r] = mlirSimplifyAffineExpr(mlirAffineMapGetResult(map, r),
                                      mlirAffineMapGetNumDims(map),
                                      mlirAffineMapGetNumSymbols(map));
  mlirOperationSetAttributeByName(
      op, name,
      mlirAffineMapAttrGet(mlirAffineMapGet(
          mlirOperationGetContext(op), mlirAffineMapGetNumDims(map),
          mlirAffineMapGetNumSymbols(map), n, exprs)));
}

/* Moves the ops of the first block of region `r` of `op` before `op`,
 * replacing `op`'s results with the values its terminator yields, and
 * erases `op`. */
static void inlineRegion(MlirOperation op, intptr_t r) {
  MlirBlock block = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
  if (!mlirBlockIsNull(block)) {
    MlirOperation end = mlirBlockGetTerminator(block);
    for (intptr_t i = 0; i < mlirOperationGetNumResults(op); ++i)
      mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(op, i),
                                    mlirOperationGetOperand(end, i));
    uslMoveBodyBefore(block, op);
  }
  mlirOperationDestroy(op);
}

/* 1 when every constraint of the guard always holds, 0 when one never
 * does, -1 when it depends. */
static int decideGuard(MlirOperation ifOp) {
  MlirIntegerSet set = uslIfGetCondition(ifOp);
  MlirValue operands[64];
  intptr_t n = mlirIntegerSetGetNumInputs(set);
  if (n > 64)
    return -1;
  uslGetOperands(ifOp, 0, n, operands);
  int result = 1;
  for (intptr_t k = 0; k < mlirIntegerSetGetNumConstraints(set); ++k) {
    int64_t lo, hi;
    if (!uslAffineRange(mlirIntegerSetGetConstraint(set, k), operands,
                        (MlirOperation){NULL}, &lo, &hi, NULL)) {
      result = -1; /* this one depends; another may still never hold */
      continue;
    }
    bool eq = mlirIntegerSetIsConstraintEq(set, k);
    bool always = eq ? (lo == 0 && hi == 0) : lo >= 0;
    bool never = eq ? (lo > 0 || hi < 0) : hi < 0;
    if (never)
      return 0;
    if (!always)
      result = -1;
  }
  return result;
}

/* Whether inequality `k` of the guard holds whatever the loops around it
 * do. Each loop variable is replaced by the bound on the side that matters
 * (a positive coefficient needs only the lower bound: a tile index from 0
 * to a run-time size), outer loops' variables in turn, until the form is
 * over values from outside the loops: it must then be a constant >= 0,
 * sizes (memref.dim, never negative) counting with positive coefficients.
 * `i < N floordiv 4` gives 4 i + 3 < N. */
bool uslGuardConstraintAlwaysHolds(MlirOperation ifOp, intptr_t k) {
  MlirIntegerSet set = uslIfGetCondition(ifOp);
  if (mlirIntegerSetIsConstraintEq(set, k))
    return false;
  MlirOperation scope = (MlirOperation){NULL};
  for (MlirOperation p = mlirOperationGetParentOperation(ifOp);
       !mlirOperationIsNull(p); p = mlirOperationGetParentOperation(p))
    if (uslOpIs(p, USL_SLOOP_FOR))
      scope = p;
  if (mlirOperationIsNull(scope))
    scope = ifOp; /* no loop around: its operands are the atoms */
  UslLinear l;
  if (!uslGuardConstraintLinear(ifOp, k, scope, &l))
    return false;
  for (int round = 0; round < 16; ++round) {
    UslLinear next = {.constant = l.constant};
    bool replaced = false;
    for (int a = 0; a < l.n; ++a) {
      if (!l.coef[a])
        continue;
      MlirOperation loop = uslLoopOfVariable(l.atoms[a], (MlirOperation){NULL});
      UslLinear term = {.n = 1, .atoms = {l.atoms[a]}, .coef = {l.coef[a]}};
      if (!mlirOperationIsNull(loop)) {
        /* v >= lb, or v <= floor(ub / den) - 1 and so
         * -c v >= -(c / den) ub + c when den divides c. */
        UslLinear bound;
        int64_t den;
        bool upper = l.coef[a] < 0;
        if (!uslLoopBoundLinear(loop, upper, scope, &bound, &den) ||
            (l.coef[a] % den) != 0)
          return false;
        term = (UslLinear){.constant = upper ? -l.coef[a] : 0};
        if (!uslLinearAdd(&term, &bound, l.coef[a] / den))
          return false;
        replaced = true;
      }
      if (!uslLinearAdd(&next, &term, 1))
        return false;
    }
    l = next;
    if (!replaced)
      break;
  }
  int64_t lo = l.constant;
  for (int a = 0; a < l.n; ++a) {
    if (!l.coef[a])
      continue;
    MlirOperation owner =
        mlirValueIsAOpResult(l.atoms[a])
            ? mlirOpResultGetOwner(l.atoms[a])
            : (MlirOperation){NULL};
    bool size = !mlirOperationIsNull(owner) && uslOpIs(owner, "memref.dim");
    if (l.coef[a] < 0 || !size ||
        !mlirOperationIsNull(uslLoopOfVariable(l.atoms[a], (MlirOperation){NULL})))
      return false;
  }
  return lo >= 0;
}

/* Drops the inequalities of a guard that always hold; true when it
 * dropped any. */
static bool pruneGuard(MlirOperation ifOp) {
  MlirIntegerSet set = uslIfGetCondition(ifOp);
  intptr_t n = mlirIntegerSetGetNumConstraints(set);
  MlirAffineExpr kept[64];
  bool eq[64];
  intptr_t numKept = 0;
  if (n > 64)
    return false;
  for (intptr_t k = 0; k < n; ++k)
    if (!uslGuardConstraintAlwaysHolds(ifOp, k)) {
      eq[numKept] = mlirIntegerSetIsConstraintEq(set, k);
      kept[numKept++] = mlirIntegerSetGetConstraint(set, k);
    }
  if (numKept == n || numKept == 0)
    return false; /* nothing to drop, or decideGuard's case */
  mlirOperationSetAttributeByName(
      ifOp, mlirStringRefCreateFromCString("condition"),
      mlirIntegerSetAttrGet(mlirIntegerSetGet(
          mlirOperationGetContext(ifOp), mlirIntegerSetGetNumDims(set),
          mlirIntegerSetGetNumSymbols(set), numKept, kept, eq)));
  return true;
}

/* Index constants used by affine maps become part of the maps. */
static bool foldConstantOperands(MlirOperation op) {
  bool changed = false;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    int64_t value;
    if (!uslConstantIndexValue(v, &value))
      continue;
    UslAffineValue c = {
        mlirAffineConstantExprGet(mlirOperationGetContext(op), value), 0,
        {{NULL}}};
    if (uslSubstituteInOp(op, v, &c)) {
      changed = true;
      i = -1; /* operands were renumbered */
    }
  }
  return changed;
}

static bool simplifyOnce(MlirOperation root) {
  UslOpList ops = {0};
  const char *names[] = {USL_SLOOP_FOR, USL_SLOOP_IF, USL_SLOOP_LOAD,
                         USL_SLOOP_STORE, USL_SLOOP_REDUCE, USL_TMEM_WINDOW};
  uslCollectOps(root, names, sizeof names / sizeof names[0], MlirWalkPostOrder,
                &ops);
  bool changed = false;
  for (size_t i = 0; i < ops.size; ++i) {
    MlirOperation op = ops.ops[i];
    changed |= foldConstantOperands(op);
    if (uslOpIs(op, USL_SLOOP_FOR)) {
      simplifyMap(op, "lbMap");
      simplifyMap(op, "ubMap");
      MlirBlock body = uslForGetBody(op);
      int64_t lb, ub, step = uslForGetStep(op);
      bool constant = uslForGetConstantBounds(op, &lb, &ub);
      bool empty = mlirOperationEqual(mlirBlockGetFirstOperation(body),
                                      mlirBlockGetTerminator(body));
      if (empty || (constant && ub <= lb)) {
        mlirOperationDestroy(op);
        changed = true;
      } else if (constant && ub - lb <= step) {
        UslAffineValue first = {
            mlirAffineConstantExprGet(mlirOperationGetContext(op), lb), 0,
            {{NULL}}};
        uslReplaceWithAffine(uslForGetInductionVar(op), &first, body);
        inlineRegion(op, 0);
        changed = true;
      }
    } else if (uslOpIs(op, USL_SLOOP_IF)) {
      int decided = decideGuard(op);
      bool all = true;
      for (intptr_t k = 0;
           decided < 0 &&
           k < mlirIntegerSetGetNumConstraints(uslIfGetCondition(op));
           ++k)
        all = all && uslGuardConstraintAlwaysHolds(op, k);
      if (decided < 0 && all)
        decided = 1;
      if (decided >= 0) {
        inlineRegion(op, decided == 1 ? 0 : 1);
        changed = true;
      } else {
        changed |= pruneGuard(op);
      }
    } else if (uslOpIs(op, USL_TMEM_WINDOW)) {
      simplifyMap(op, "offsets");
    } else {
      simplifyMap(op, "map");
    }
  }
  uslOpListFree(&ops);
  return changed;
}

MlirLogicalResult uslSimplify(MlirOperation root) {
  for (int round = 0; round < 64 && simplifyOnce(root); ++round)
    ;
  return mlirLogicalResultSuccess();
}

typedef struct SimplifyOptions {
  char func[USL_MAX_STRING_OPTION];
} SimplifyOptions;

static const SimplifyOptions defaults = {.func = ""};

static const UslOptionSpec options[] = {
    {"func", USL_OPTION_STRING, offsetof(SimplifyOptions, func),
     "only this function", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const SimplifyOptions *o = opaque;
  bool found = false;
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation f = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(f); f = mlirOperationGetNextInBlock(f)) {
    if (!uslFuncSelected(f, o->func))
      continue;
    found = true;
    uslSimplify(f);
  }
  if (o->func[0] && !found) {
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'simplify': no function @%s", o->func);
    return mlirLogicalResultFailure();
  }
  return mlirLogicalResultSuccess();
}

const UslPassInfo uslSimplifyPass = {
    .argument = "simplify",
    .summary = "simplify index arithmetic, settled guards, and empty or "
               "single-iteration loops",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(SimplifyOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
