//===- partition_loops.c - partition-loops: a steady state without edges -===//
//
// Before:  sloop.for %xo = 0 to %N ceildiv 32 {
//            sloop.for %x = 0 to 32 {
//              sloop.if %xo * 32 + %x < %N {
//                %i = arith.maxsi(%xo * 32 + %x - 1, 0) ... } } }
// After:   sloop.for %xo.prologue = 0 to %a { ...as before... }
//          sloop.for %xo = %a to %b {            -- neither guard nor clamp
//            sloop.for %x = 0 to 32 { %i = %xo * 32 + %x - 1 ... } }
//          sloop.for %xo.epilogue = %b to %N ceildiv 32 { ...as before... }
//
// Guards of partial tiles and the clamps of boundary conditions are needed
// only near the edges of an image. For each loop, outermost first, the
// conditions below it (guard constraints, and maxsi/minsi of index values
// where one side varies with the loops and the other does not) that are
// linear in its variable, with every inner loop in between of constant
// bounds, give the range of its variable where they hold for every inner
// iteration. The loop is split into the iterations before that range, the
// range itself (the conditions dropped, the clamps replaced by the side that
// wins) and the iterations after it; the copies are then partitioned by
// their inner loops. Copies of the edges are made only while the function
// stays under a size budget. vec and unroll loops are not split.
//
//===----------------------------------------------------------------------===//

#include "../passes/directive.h"
#include "../passes/linear.h"
#include "../passes/pass_table.h"
#include "../passes/rewrite.h"
#include "../passes/support.h"
#include "usl/sloop.h"

#include "mlir-c/AffineExpr.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/Affine.h"
#include "mlir-c/IntegerSet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most ops the copies of loop edges may add to one function. */
enum { COPY_BUDGET = 20000 };

typedef struct PartitionOptions {
  /* Only these loops are split (all when empty): a schedule can partition
   * tile loops before instruction selection and keep the guards inside. */
  char loops[USL_MAX_STRING_OPTION];
} PartitionOptions;

typedef struct Partitioner {
  size_t budget;
  char names[USL_MAX_LIST_OPTION][USL_MAX_STRING_OPTION];
  int numNames; /* 0: every loop */
} Partitioner;

static bool selected(const Partitioner *p, MlirOperation loop) {
  if (p->numNames == 0)
    return true;
  MlirStringRef n = uslForGetName(loop);
  for (int i = 0; i < p->numNames; ++i)
    if (strlen(p->names[i]) == n.length &&
        !memcmp(p->names[i], n.data, n.length))
      return true;
  return false;
}

typedef struct Condition {
  MlirOperation op;      /* the sloop.if, or the maxsi / minsi */
  intptr_t constraint;   /* sloop.if: which constraint */
  intptr_t keep;         /* clamp: the operand that holds in the range */
  UslLinear form;        /* the condition is form >= 0 */
  intptr_t inner;        /* a clamp of a clamp: the inner one, or -1 */
} Condition;

typedef struct Conditions {
  Condition *items;
  size_t size, capacity;
} Conditions;

static void push(Conditions *list, Condition c) {
  if (list->size == list->capacity) {
    list->capacity = list->capacity ? 2 * list->capacity : 16;
    list->items = realloc(list->items, list->capacity * sizeof *list->items);
  }
  list->items[list->size++] = c;
}

/* Whether `form` changes with the loops from `scope` down. */
static bool varies(const UslLinear *form, MlirOperation scope) {
  for (int k = 0; k < form->n; ++k) {
    MlirOperation loop = uslLoopOfVariable(form->atoms[k], (MlirOperation){NULL});
    if (form->coef[k] && !mlirOperationIsNull(loop) &&
        uslIsInside(loop, scope))
      return true;
  }
  return false;
}

/* An operand of a clamp as a linear form; an inner clamp stands for the
 * side it keeps, valid where that clamp's own condition holds. */
static bool clampOperand(MlirValue v, MlirOperation scope,
                         const Conditions *found, UslLinear *form,
                         intptr_t *inner) {
  if (uslLinearOfValue(v, scope, form))
    return true;
  if (!mlirValueIsAOpResult(v))
    return false;
  MlirOperation def = mlirOpResultGetOwner(v);
  for (size_t i = found->size; i-- > 0;) {
    const Condition *c = &found->items[i];
    if (!mlirOperationEqual(c->op, def) || uslOpIs(def, USL_SLOOP_IF))
      continue;
    *inner = (intptr_t)i;
    return uslLinearOfValue(mlirOperationGetOperand(def, c->keep), scope,
                            form);
  }
  return false;
}

static void collectClamp(MlirOperation op, MlirOperation scope,
                         Conditions *out) {
  bool isMax = uslOpIs(op, "arith.maxsi");
  if ((!isMax && !uslOpIs(op, "arith.minsi")) ||
      !mlirTypeIsAIndex(mlirValueGetType(mlirOperationGetResult(op, 0))))
    return;
  UslLinear side[2];
  intptr_t inner = -1;
  for (int i = 0; i < 2; ++i)
    if (!clampOperand(mlirOperationGetOperand(op, i), scope, out, &side[i],
                      &inner))
      return;
  bool v0 = varies(&side[0], scope), v1 = varies(&side[1], scope);
  if (v0 == v1)
    return;
  intptr_t keep = v0 ? 0 : 1;
  /* max(a, b) is a where a - b >= 0; min(a, b) is a where b - a >= 0. */
  UslLinear form = side[isMax ? keep : 1 - keep];
  if (!uslLinearAdd(&form, &side[isMax ? 1 - keep : keep], -1))
    return;
  push(out, (Condition){.op = op, .keep = keep, .form = form, .inner = inner});
}

/* Whether a guard has an else branch (which runs where it fails). */
static bool hasElse(MlirOperation guard) {
  return mlirOperationGetNumRegions(guard) > 1 &&
         !mlirBlockIsNull(
             mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 1)));
}

/* The constraints of guards without results (with or without an else). */
static void collectGuard(MlirOperation op, MlirOperation scope,
                         Conditions *out) {
  if (mlirOperationGetNumResults(op) != 0)
    return;
  MlirIntegerSet set = uslIfGetCondition(op);
  intptr_t numDims = mlirIntegerSetGetNumDims(set);
  intptr_t numInputs = mlirIntegerSetGetNumInputs(set);
  MlirValue operands[64];
  if (numInputs > 64)
    return;
  uslGetOperands(op, 0, numInputs, operands);
  for (intptr_t i = 0; i < mlirIntegerSetGetNumConstraints(set); ++i) {
    if (mlirIntegerSetIsConstraintEq(set, i))
      continue;
    MlirAffineExpr e = mlirIntegerSetGetConstraint(set, i);
    MlirAffineMap map = mlirAffineMapGet(mlirOperationGetContext(op), numDims,
                                         numInputs - numDims, 1, &e);
    Condition c = {.op = op, .constraint = i, .inner = -1};
    if (uslLinearOfMap(map, 0, operands, scope, &c.form))
      push(out, c);
  }
}

/* Conditions in `block` and the blocks nested in it through loops and
 * guards. */
static void collect(MlirBlock block, MlirOperation scope, Conditions *out) {
  for (MlirOperation op = mlirBlockGetFirstOperation(block);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (uslOpIs(op, USL_SLOOP_IF))
      collectGuard(op, scope, out);
    else
      collectClamp(op, scope, out);
    if (uslOpIs(op, USL_SLOOP_FOR) || uslOpIs(op, USL_SLOOP_IF))
      for (intptr_t r = 0; r < mlirOperationGetNumRegions(op); ++r) {
        MlirBlock inner = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
        if (!mlirBlockIsNull(inner))
          collect(inner, scope, out);
      }
  }
}

//===----------------------------------------------------------------------===//
// Thresholds
//===----------------------------------------------------------------------===//

/* Where `c` holds for every iteration of the loops inside `loop`:
 * iv >= bound (lower) or iv < bound (upper), bound = expr over `symbols`.
 * False when it cannot be said (inner loops without constant bounds,
 * no dependence on the variable). */
typedef struct Threshold {
  bool lower;
  bool exact; /* no inner loop in it: the condition fails beyond it */
  bool whole; /* it excludes no iteration of the loop */
  MlirAffineExpr expr; /* dimension k stands for symbols[k] */
  int numSymbols;
  MlirValue symbols[USL_LINEAR_MAX_ATOMS];
} Threshold;

/* The first (`last` false) or last iteration of `inner`, a loop of step 1
 * with a bound `loop` does not change, as a linear form over values from
 * outside `loop`. */
static bool innerBound(MlirOperation inner, bool last, MlirOperation loop,
                       UslLinear *out) {
  if (uslForGetStep(inner) != 1 ||
      !uslLoopBoundLinear(inner, last, loop, out, NULL) || varies(out, loop))
    return false;
  if (last)
    out->constant -= 1;
  return true;
}

static bool thresholdOf(const Condition *c, MlirOperation loop,
                        Threshold *t) {
  MlirContext ctx = mlirOperationGetContext(loop);
  MlirValue iv = uslForGetInductionVar(loop);
  int64_t cv = 0, constant = c->form.constant;
  MlirAffineExpr rest = mlirAffineConstantExprGet(ctx, 0);
  t->numSymbols = 0;
  t->exact = true;
  UslLinear worst = {0}; /* the form without the variable, inner worst */
  for (int k = 0; k < c->form.n; ++k) {
    MlirValue atom = c->form.atoms[k];
    int64_t coef = c->form.coef[k];
    if (coef == 0)
      continue;
    if (mlirValueEqual(atom, iv)) {
      cv = coef;
      continue;
    }
    MlirOperation inner = uslLoopOfVariable(atom, loop);
    UslLinear terms = {.n = 1, .atoms = {atom}, .coef = {coef}};
    if (!mlirOperationIsNull(inner)) {
      /* The worst case over the inner loop's iterations. */
      t->exact = false;
      int64_t lb, ub;
      if (uslForGetConstantBounds(inner, &lb, &ub)) {
        if (ub <= lb)
          return false;
        int64_t last = lb + (ub - 1 - lb) / uslForGetStep(inner) *
                                uslForGetStep(inner);
        constant += coef > 0 ? coef * lb : coef * last;
        continue;
      }
      /* A bound the loop does not change (an inner loop to a run-time
       * size): its first or last iteration, as a form over values. If
       * the inner loop runs no iteration, the condition is not evaluated. */
      if (!innerBound(inner, coef < 0, loop, &terms))
        return false;
      for (int j = 0; j < terms.n; ++j)
        terms.coef[j] *= coef;
      constant += coef * terms.constant;
    }
    for (int j = 0; j < terms.n; ++j) {
      if (terms.coef[j] == 0)
        continue;
      if (worst.n == USL_LINEAR_MAX_ATOMS)
        return false;
      worst.atoms[worst.n] = terms.atoms[j];
      worst.coef[worst.n++] = terms.coef[j];
      MlirAffineExpr term = mlirAffineMulExprGet(
          mlirAffineDimExprGet(ctx, t->numSymbols),
          mlirAffineConstantExprGet(ctx, terms.coef[j]));
      t->symbols[t->numSymbols++] = terms.atoms[j];
      rest = mlirAffineAddExprGet(rest, term);
    }
  }
  if (cv == 0)
    return false;
  /* cv * iv + rest + constant >= 0 */
  rest = mlirAffineAddExprGet(rest, mlirAffineConstantExprGet(ctx, constant));
  t->lower = cv > 0;
  if (t->lower) { /* iv >= ceildiv(-rest, cv) */
    t->expr = mlirAffineCeilDivExprGet(
        mlirAffineMulExprGet(rest, mlirAffineConstantExprGet(ctx, -1)),
        mlirAffineConstantExprGet(ctx, cv));
  } else { /* iv <= floordiv(rest, -cv) */
    t->expr = mlirAffineAddExprGet(
        mlirAffineFloorDivExprGet(rest, mlirAffineConstantExprGet(ctx, -cv)),
        mlirAffineConstantExprGet(ctx, 1));
  }
  t->expr = mlirSimplifyAffineExpr(t->expr, (unsigned)t->numSymbols, 0);

  /* At the loop's first (cv > 0) or last (cv < 0) iteration the condition
   * may hold by a constant margin whatever the symbols. */
  worst.constant = constant;
  UslLinear bound;
  t->whole = false;
  bool ok = uslLoopBoundLinear(loop, cv < 0, loop, &bound, NULL);
  if (ok && cv < 0)
    bound.constant -= 1;
  if (ok && uslLinearAdd(&worst, &bound, cv)) {
    bool constantForm = true;
    for (int k = 0; k < worst.n; ++k)
      constantForm = constantForm && worst.coef[k] == 0;
    t->whole = constantForm && worst.constant >= 0;
  }
  return true;
}

/* Whether `c` holds wherever it is evaluated: its smallest value, with every
 * atom the variable of a loop (enclosing or inner) ranging over bounds that
 * are constant where they matter, is not negative. */
static bool holdsEverywhere(const Condition *c) {
  int64_t min = c->form.constant;
  for (int k = 0; k < c->form.n; ++k) {
    int64_t coef = c->form.coef[k];
    if (coef == 0)
      continue;
    MlirOperation loop = uslLoopOfVariable(c->form.atoms[k], (MlirOperation){NULL});
    if (mlirOperationIsNull(loop))
      return false;
    MlirAffineExpr bound = mlirAffineMapGetResult(
        coef > 0 ? uslForGetLowerBoundMap(loop) : uslForGetUpperBoundMap(loop),
        0);
    if (!mlirAffineExprIsAConstant(bound))
      return false;
    /* the largest value is at most ub - 1 */
    min += coef * (mlirAffineConstantExprGetValue(bound) - (coef > 0 ? 0 : 1));
  }
  return min >= 0;
}

//===----------------------------------------------------------------------===//
// Rewriting
//===----------------------------------------------------------------------===//

static MlirValue boundValue(UslBuilder *b, MlirOperation loop, bool lower) {
  intptr_t numLb = uslForGetNumLowerBoundOperands(loop);
  intptr_t n = lower ? numLb : mlirOperationGetNumOperands(loop) - numLb;
  MlirValue operands[64];
  if (n > 64)
    return (MlirValue){NULL};
  uslGetOperands(loop, lower ? 0 : numLb, n, operands);
  return uslBuildAffineResult(
      b, lower ? uslForGetLowerBoundMap(loop) : uslForGetUpperBoundMap(loop),
      0, operands);
}

/* Whether threshold i repeats an earlier one (clamps of several loads of
 * the same row give the same bound). */
static bool sameAsEarlier(const Threshold *t, const bool *holds, size_t i) {
  for (size_t j = 0; j < i; ++j) {
    if (!holds[j] || t[j].whole || t[j].lower != t[i].lower ||
        t[j].numSymbols != t[i].numSymbols ||
        !mlirAffineExprEqual(t[j].expr, t[i].expr))
      continue;
    bool same = true;
    for (int k = 0; k < t[i].numSymbols && same; ++k)
      same = mlirValueEqual(t[j].symbols[k], t[i].symbols[k]);
    if (same)
      return true;
  }
  return false;
}

/* maxsi / minsi of two index values, folded when both are constants. */
static MlirValue combine(UslBuilder *b, const char *name, MlirValue x,
                         MlirValue y) {
  int64_t cx, cy;
  if (uslConstantIndexValue(x, &cx) && uslConstantIndexValue(y, &cy)) {
    bool max = !strcmp(name, "arith.maxsi");
    return uslBuildIndexConstant(b, max ? (cx > cy ? cx : cy)
                                        : (cx < cy ? cx : cy));
  }
  MlirValue operands[2] = {x, y};
  MlirType index = mlirIndexTypeGet(b->ctx);
  return mlirOperationGetResult(
      uslBuild(b, name, 2, operands, 1, &index, 0, NULL, 0), 0);
}

static void setBound(MlirOperation loop, bool lower, MlirValue value) {
  MlirContext ctx = mlirOperationGetContext(loop);
  MlirAffineExpr d0 = mlirAffineDimExprGet(ctx, 0);
  MlirAffineMap identity = mlirAffineMapGet(ctx, 1, 0, 1, &d0);
  intptr_t numLb = uslForGetNumLowerBoundOperands(loop);
  intptr_t n = mlirOperationGetNumOperands(loop);
  MlirValue operands[64];
  if (n > 64)
    return;
  uslGetOperands(loop, 0, n, operands);
  if (lower)
    uslForSetBounds(loop, identity, &value, uslForGetUpperBoundMap(loop),
                    operands + numLb);
  else
    uslForSetBounds(loop, uslForGetLowerBoundMap(loop), operands, identity,
                    &value);
}

static void renameCopy(MlirOperation loop, const char *suffix) {
  char name[256];
  MlirStringRef old = uslForGetName(loop);
  snprintf(name, sizeof name, "%.*s.%s", (int)old.length, old.data, suffix);
  uslSetName(loop, mlirStringRefCreateFromCString(name));
}

/* Drops the conditions marked in `holds` from the ops of `list`. */
static void simplify(Conditions *list, const bool *holds) {
  for (size_t i = 0; i < list->size; ++i) {
    Condition *c = &list->items[i];
    if (!holds[i] || mlirOperationIsNull(c->op))
      continue;
    if (!uslOpIs(c->op, USL_SLOOP_IF)) {
      mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(c->op, 0),
                                    mlirOperationGetOperand(c->op, c->keep));
      mlirOperationDestroy(c->op);
      c->op = (MlirOperation){NULL};
      continue;
    }
    /* Every constraint of this guard that holds, at once. */
    MlirOperation guard = c->op;
    MlirIntegerSet set = uslIfGetCondition(guard);
    intptr_t n = mlirIntegerSetGetNumConstraints(set);
    bool *drop = calloc((size_t)n, sizeof *drop);
    for (size_t j = i; j < list->size; ++j)
      if (holds[j] && mlirOperationEqual(list->items[j].op, guard)) {
        drop[list->items[j].constraint] = true;
        list->items[j].op = (MlirOperation){NULL};
      }
    MlirAffineExpr *kept = malloc((size_t)n * sizeof *kept);
    bool *eq = malloc((size_t)n * sizeof *eq);
    intptr_t numKept = 0;
    for (intptr_t k = 0; k < n; ++k)
      if (!drop[k]) {
        kept[numKept] = mlirIntegerSetGetConstraint(set, k);
        eq[numKept++] = mlirIntegerSetIsConstraintEq(set, k);
      }
    if (numKept == 0) {
      MlirBlock then = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
      uslMoveBodyBefore(then, guard);
      mlirOperationDestroy(guard);
    } else {
      MlirIntegerSet smaller = mlirIntegerSetGet(
          mlirOperationGetContext(guard), mlirIntegerSetGetNumDims(set),
          mlirIntegerSetGetNumSymbols(set), numKept, kept, eq);
      mlirOperationSetAttributeByName(
          guard, mlirStringRefCreateFromCString("condition"),
          mlirIntegerSetAttrGet(smaller));
    }
    free(drop);
    free(kept);
    free(eq);
  }
}

/* Guards that never pass in the prologue or the epilogue: those beyond
 * the only threshold on that side when the threshold is exact. They are
 * marked before the copies are made and dropped from the copies. */
static const char DEAD_IN_PROLOGUE[] = "usl.dead_in_prologue";
static const char DEAD_IN_EPILOGUE[] = "usl.dead_in_epilogue";

static void markDeadGuards(const Conditions *list, const bool *holds,
                           const Threshold *t, const int *distinct) {
  for (size_t i = 0; i < list->size; ++i) {
    MlirOperation op = list->items[i].op;
    if (!holds[i] || t[i].whole || !t[i].exact || distinct[t[i].lower] != 1 ||
        !uslOpIs(op, USL_SLOOP_IF) || hasElse(op))
      continue;
    mlirOperationSetDiscardableAttributeByName(
        op,
        mlirStringRefCreateFromCString(t[i].lower ? DEAD_IN_PROLOGUE
                                                  : DEAD_IN_EPILOGUE),
        mlirUnitAttrGet(mlirOperationGetContext(op)));
  }
}

static bool hasSideEffects(MlirOperation op) {
  return !uslIsPureArithmetic(op) &&
         !mlirOperationEqual(op, mlirBlockGetTerminator(mlirOperationGetBlock(op)));
}

/* Drops the guards of `copy` marked `mark` (none when null) and every
 * mark; then the loops left without effect, the copy itself included.
 * Returns the copy, or a null op when it went. */
static MlirOperation dropDeadGuards(MlirOperation copy, const char *mark) {
  if (mlirOperationIsNull(copy))
    return copy;
  const char *names[] = {USL_SLOOP_IF};
  UslOpList guards = {0};
  uslCollectOps(copy, names, 1, MlirWalkPreOrder, &guards);
  bool dropped = false;
  for (size_t i = 0; i < guards.size; ++i) {
    MlirOperation g = guards.ops[i];
    if (mlirOperationIsNull(g))
      continue;
    bool dead = mark && !mlirAttributeIsNull(mlirOperationGetAttributeByName(
                            g, mlirStringRefCreateFromCString(mark)));
    if (dead) {
      /* guards nested in it go with it */
      for (size_t j = i + 1; j < guards.size; ++j)
        if (uslIsInside(guards.ops[j], g))
          guards.ops[j] = (MlirOperation){NULL};
      mlirOperationDestroy(g);
      dropped = true;
      continue;
    }
    mlirOperationRemoveDiscardableAttributeByName(
        g, mlirStringRefCreateFromCString(DEAD_IN_PROLOGUE));
    mlirOperationRemoveDiscardableAttributeByName(
        g, mlirStringRefCreateFromCString(DEAD_IN_EPILOGUE));
  }
  uslOpListFree(&guards);
  if (!dropped)
    return copy;
  const char *loops[] = {USL_SLOOP_FOR};
  UslOpList nested = {0};
  uslCollectOps(copy, loops, 1, MlirWalkPostOrder, &nested);
  uslOpListPush(&nested, copy);
  for (size_t i = 0; i < nested.size; ++i) {
    MlirBlock body = uslForGetBody(nested.ops[i]);
    bool effects = false;
    for (MlirOperation op = mlirBlockGetFirstOperation(body);
         !mlirOperationIsNull(op) && !effects;
         op = mlirOperationGetNextInBlock(op))
      effects = hasSideEffects(op);
    if (!effects) {
      if (mlirOperationEqual(nested.ops[i], copy))
        copy = (MlirOperation){NULL};
      mlirOperationDestroy(nested.ops[i]);
    }
  }
  uslOpListFree(&nested);
  return copy;
}

static size_t countOps(MlirOperation op) {
  size_t n = 1;
  for (intptr_t r = 0; r < mlirOperationGetNumRegions(op); ++r)
    for (MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
         !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
      for (MlirOperation o = mlirBlockGetFirstOperation(b);
           !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o))
        n += countOps(o);
  return n;
}

static void partitionChildren(MlirOperation loop, Partitioner *p);

/* Drops the conditions below `loop` that hold wherever they are evaluated,
 * before any copy is made of them. */
static void dropUniversal(MlirOperation loop) {
  Conditions list = {0};
  collect(uslForGetBody(loop), loop, &list);
  bool *holds = calloc(list.size ? list.size : 1, sizeof *holds);
  for (size_t i = 0; i < list.size; ++i) {
    intptr_t inner = list.items[i].inner;
    holds[i] = (inner < 0 || holds[inner]) && holdsEverywhere(&list.items[i]);
  }
  simplify(&list, holds);
  free(holds);
  free(list.items);
}

/* Partitions `loop`, then the loops inside it and inside its copies. */
static void partition(MlirOperation loop, Partitioner *p) {
  UslLoopKind kind = uslForGetKind(loop);
  if (kind == USL_LOOP_VEC || kind == USL_LOOP_UNROLL ||
      uslForGetStep(loop) != 1 || !selected(p, loop)) {
    partitionChildren(loop, p);
    return;
  }
  dropUniversal(loop);
  Conditions list = {0};
  collect(uslForGetBody(loop), loop, &list);
  bool *holds = calloc(list.size ? list.size : 1, sizeof *holds);
  Threshold *thresholds =
      malloc((list.size ? list.size : 1) * sizeof *thresholds);
  bool needLower = false, needUpper = false;
  for (size_t i = 0; i < list.size; ++i) {
    /* A clamp of a clamp holds only where the inner one does. */
    intptr_t inner = list.items[i].inner;
    if (inner >= 0 && !holds[inner])
      continue;
    if (!thresholdOf(&list.items[i], loop, &thresholds[i]))
      continue;
    holds[i] = true;
    if (thresholds[i].whole)
      continue;
    if (thresholds[i].lower)
      needLower = true;
    else
      needUpper = true;
  }
  size_t size = needLower || needUpper ? countOps(loop) : 0;
  size_t copies = (size_t)needLower + (size_t)needUpper;
  if (copies * size > p->budget) {
    /* No room for the edges. */
    memset(holds, 0, list.size * sizeof *holds);
    needLower = needUpper = false;
  } else {
    p->budget -= copies * size;
  }

  MlirOperation prologue = {NULL}, epilogue = {NULL};
  if (needLower || needUpper) {
    UslBuilder b = uslBuilderBefore(loop);
    MlirValue lb = boundValue(&b, loop, true);
    MlirValue ub = boundValue(&b, loop, false);
    MlirValue start = lb, end = ub;
    int distinct[2] = {0, 0}; /* upper, lower */
    for (size_t i = 0; i < list.size; ++i) {
      Threshold *t = &thresholds[i];
      if (!holds[i])
        continue;
      if (t->whole || sameAsEarlier(thresholds, holds, i))
        continue;
      ++distinct[t->lower];
      MlirAffineMap map =
          mlirAffineMapGet(b.ctx, t->numSymbols, 0, 1, &t->expr);
      MlirValue bound = uslBuildAffineResult(&b, map, 0, t->symbols);
      if (t->lower)
        start = combine(&b, "arith.maxsi", start, bound);
      else
        end = combine(&b, "arith.minsi", end, bound);
      uslDropIfUnused(bound);
    }
    /* lb <= start <= end <= ub */
    if (needLower)
      start = combine(&b, "arith.minsi", start, ub);
    if (needUpper)
      end = combine(&b, "arith.maxsi", end, start);
    uslDropIfUnused(lb);
    uslDropIfUnused(ub);
    markDeadGuards(&list, holds, thresholds, distinct);
    if (needLower) {
      prologue = mlirOperationClone(loop);
      mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(loop), loop,
                                          prologue);
      setBound(prologue, false, start);
      renameCopy(prologue, "prologue");
      setBound(loop, true, start);
    }
    if (needUpper) {
      epilogue = mlirOperationClone(loop);
      mlirBlockInsertOwnedOperationAfter(mlirOperationGetBlock(loop), loop,
                                         epilogue);
      setBound(epilogue, true, end);
      renameCopy(epilogue, "epilogue");
      setBound(loop, false, end);
    }
    prologue = dropDeadGuards(prologue, DEAD_IN_PROLOGUE);
    epilogue = dropDeadGuards(epilogue, DEAD_IN_EPILOGUE);
    dropDeadGuards(loop, NULL);
  }
  simplify(&list, holds);
  free(holds);
  free(thresholds);
  free(list.items);

  partitionChildren(loop, p);
  if (!mlirOperationIsNull(prologue))
    partitionChildren(prologue, p);
  if (!mlirOperationIsNull(epilogue))
    partitionChildren(epilogue, p);
}

/* The loops directly inside `loop` (possibly under guards). */
static void collectChildLoops(MlirBlock block, UslOpList *out) {
  for (MlirOperation op = mlirBlockGetFirstOperation(block);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (uslOpIs(op, USL_SLOOP_FOR)) {
      uslOpListPush(out, op);
    } else if (uslOpIs(op, USL_SLOOP_IF)) {
      for (intptr_t r = 0; r < 2; ++r) {
        MlirBlock inner = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
        if (!mlirBlockIsNull(inner))
          collectChildLoops(inner, out);
      }
    }
  }
}

static void partitionChildren(MlirOperation loop, Partitioner *p) {
  UslOpList children = {0};
  collectChildLoops(uslForGetBody(loop), &children);
  for (size_t i = 0; i < children.size; ++i)
    partition(children.ops[i], p);
  uslOpListFree(&children);
}

static MlirLogicalResult run(MlirOperation func, const void *opaque) {
  const PartitionOptions *o = opaque;
  Partitioner p = {.budget = COPY_BUDGET};
  if (o->loops[0]) {
    p.numNames = uslSplitNames(o->loops, p.names, USL_MAX_LIST_OPTION);
    if (p.numNames < 0) {
      uslEmitErrorf(mlirOperationGetLocation(func),
                    "'partition-loops': at most %d loops in loops=",
                    USL_MAX_LIST_OPTION);
      return mlirLogicalResultFailure();
    }
  }
  MlirRegion body = mlirOperationGetRegion(func, 0);
  MlirBlock entry = mlirRegionGetFirstBlock(body);
  if (mlirBlockIsNull(entry))
    return mlirLogicalResultSuccess();
  UslOpList loops = {0};
  collectChildLoops(entry, &loops);
  for (size_t i = 0; i < loops.size; ++i)
    partition(loops.ops[i], &p);
  uslOpListFree(&loops);
  return mlirLogicalResultSuccess();
}

static intptr_t dependentDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__affine__();
  out[1] = mlirGetDialectHandle__arith__();
  return 2;
}

static const PartitionOptions defaults = {.loops = ""};

static const UslOptionSpec options[] = {
    {"loops", USL_OPTION_STRING, offsetof(PartitionOptions, loops),
     "split only these loops, e.g. io,jo (default: every loop)", 0, 0},
};

const UslPassInfo uslPartitionLoopsPass = {
    .argument = "partition-loops",
    .summary = "split loops into a steady state free of the guards and "
               "clamps that hold there, and the iterations before and after",
    .anchor = "func.func",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(PartitionOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = dependentDialects,
};
