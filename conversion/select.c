//===- select.c - instruction selection by matching -----------------------===//
//
// An instruction is a function of an instruction library (instructions/
// rvm.mlir, instructions/avx512.mlir, built in; more with library=FILE): its
// body is a loop nest saying what the instruction computes on its
// arguments, its `usl.instruction` attribute the op that does it. Selection
// replaces each loop nest of the program that computes the same by that op:
//
//   - loops: a perfect nest of the same depth with the same trip counts,
//     the instruction's loops matched to the nest's in any order;
//   - body: the instruction's stored value unified with the nest's, op by
//     op from the store back (same ops and attributes, commutative
//     operands either way round, constants by value), using every op of
//     the nest's body; guards (sloop.if) around the store or yielding
//     values match guards whose conditions have the same coefficients on
//     the loop variables, the difference solving for the instruction's
//     index operands (a mask's lane count);
//   - operands: a register argument binds a whole register buffer indexed
//     exactly as the instruction indexes it; any other memref argument
//     binds a window of a buffer: each index of the nest, as a linear form
//     of the loop variables, is the instruction's index plus an offset that
//     does not depend on them, the row variable in one dimension and the
//     column variable in the buffer's last (contiguous) one, both with
//     coefficient 1 -- solving for the window's offsets. An index the
//     instruction fixes (a broadcast's [0]) is a window of one element.
//
// Before matching, unroll loops that touch registers are expanded and
// register buffers indexed by constants in their leading dimensions are
// split into one buffer per register (unroll-buffer). After it, any access
// left on a register is an error at that access, and registers are
// allocated.
//
//===----------------------------------------------------------------------===//

#include "select.h"

#include "../passes/linear.h"
#include "../passes/support.h"
#include "usl/instructions.h"
#include "usl/schedule.h"
#include "usl/sloop.h"
#include "usl/tmem.h"
#include "vectorize_loops.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/IntegerSet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool uslIsRegisterType(const UslRegisterFile *rf, MlirType type) {
  UslMemorySpace space;
  return mlirTypeIsAMemRef(type) && uslMemRefTypeGetSpace(type, &space) &&
         space == rf->space;
}

enum {
  MAX_DEPTH = 4,
  MAX_ARGS = 4,
  MAX_BINDINGS = 64,
  MAX_RANK = 8,
  MAX_OUTER = 8
};

//===----------------------------------------------------------------------===//
// The library
//===----------------------------------------------------------------------===//

typedef struct Instruction {
  MlirOperation func;
  char op[32];
  int numArgs;
  MlirValue args[MAX_ARGS];
  bool isIndex[MAX_ARGS]; /* an index operand, solved from guards */
  int depth;
  MlirOperation loops[MAX_DEPTH];
  int64_t trips[MAX_DEPTH];
  MlirOperation store; /* the one store or reduce of the body */
} Instruction;

/* The stores and reduces in `block` and in the guards (sloop.if) in it:
 * counts them, keeps the last in `*store`. */
static int findStores(MlirBlock block, MlirOperation *store) {
  int count = 0;
  for (MlirOperation o = mlirBlockGetFirstOperation(block);
       !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o)) {
    if (uslOpIs(o, USL_SLOOP_STORE) || uslOpIs(o, USL_SLOOP_REDUCE)) {
      *store = o;
      ++count;
    }
    if (uslOpIs(o, USL_SLOOP_IF))
      for (intptr_t r = 0; r < mlirOperationGetNumRegions(o); ++r) {
        MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(o, r));
        if (!mlirBlockIsNull(b))
          count += findStores(b, store);
      }
  }
  return count;
}

/* Reads one library function; false (with an error) when it is not an
 * instruction as this pass understands them. */
static bool readInstruction(MlirOperation func, Instruction *in) {
  MlirLocation loc = mlirOperationGetLocation(func);
  MlirAttribute name = mlirOperationGetAttributeByName(
      func, mlirStringRefCreateFromCString("usl.instruction"));
  if (mlirAttributeIsNull(name) || !mlirAttributeIsAString(name)) {
    uslEmitErrorf(loc, "an instruction library function needs a "
                       "usl.instruction attribute naming its op");
    return false;
  }
  MlirStringRef op = mlirStringAttrGetValue(name);
  *in = (Instruction){.func = func};
  snprintf(in->op, sizeof in->op, "%.*s", (int)op.length, op.data);
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  in->numArgs = (int)mlirBlockGetNumArguments(entry);
  if (in->numArgs > MAX_ARGS) {
    uslEmitErrorf(loc, "instruction '%s' has more than %d operands", in->op,
                  MAX_ARGS);
    return false;
  }
  for (int i = 0; i < in->numArgs; ++i) {
    in->args[i] = mlirBlockGetArgument(entry, i);
    MlirType t = mlirValueGetType(in->args[i]);
    in->isIndex[i] = mlirTypeIsAIndex(t);
    if (!in->isIndex[i] && !mlirTypeIsAMemRef(t)) {
      uslEmitErrorf(loc, "instruction '%s': operand %d must be a buffer or an "
                         "index", in->op, i);
      return false;
    }
  }
  /* Constants, then one perfect nest of constant loops from 0. */
  MlirOperation nest = {NULL};
  for (MlirOperation o = mlirBlockGetFirstOperation(entry);
       !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o))
    if (uslOpIs(o, USL_SLOOP_FOR))
      nest = o;
  int stores = 0;
  for (MlirOperation l = nest; !mlirOperationIsNull(l);) {
    int64_t lb, ub;
    if (in->depth == MAX_DEPTH || !uslForGetConstantBounds(l, &lb, &ub) ||
        lb != 0 || uslForGetStep(l) != 1) {
      uslEmitErrorf(loc, "instruction '%s': its loops must run from 0 to a "
                         "constant, at most %d deep", in->op, MAX_DEPTH);
      return false;
    }
    in->loops[in->depth] = l;
    in->trips[in->depth++] = ub;
    stores += findStores(uslForGetBody(l), &in->store);
    MlirOperation inner = {NULL};
    for (MlirOperation o = mlirBlockGetFirstOperation(uslForGetBody(l));
         !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o))
      if (uslOpIs(o, USL_SLOOP_FOR))
        inner = o;
    l = inner;
  }
  if (stores > 1) {
    uslEmitErrorf(loc, "instruction '%s' must store exactly once", in->op);
    return false;
  }
  if (in->depth == 0 || mlirOperationIsNull(in->store)) {
    uslEmitErrorf(loc, "instruction '%s' must be a loop nest that stores",
                  in->op);
    return false;
  }
  return true;
}

typedef struct Library {
  MlirModule modules[2];
  int numModules;
  Instruction *items;
  size_t size;
} Library;

static void libraryFree(Library *lib) {
  for (int i = 0; i < lib->numModules; ++i)
    mlirModuleDestroy(lib->modules[i]);
  free(lib->items);
  *lib = (Library){0};
}

/* Adds the instructions of `text`, or of the file `path` when it is given. */
static bool libraryAdd(Library *lib, MlirContext ctx, MlirStringRef text,
                       const char *path, const char *what) {
  MlirModule m =
      path ? mlirModuleCreateParseFromFile(ctx, mlirStringRefCreateFromCString(path))
           : mlirModuleCreateParse(ctx, text);
  if (mlirModuleIsNull(m)) {
    uslEmitErrorf(mlirLocationUnknownGet(ctx),
                  "cannot parse the instruction library %s", what);
    return false;
  }
  lib->modules[lib->numModules++] = m;
  MlirBlock body = mlirModuleGetBody(m);
  for (MlirOperation f = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(f); f = mlirOperationGetNextInBlock(f)) {
    if (!uslOpIs(f, "func.func"))
      continue;
    lib->items = realloc(lib->items, (lib->size + 1) * sizeof *lib->items);
    if (!readInstruction(f, &lib->items[lib->size]))
      return false;
    ++lib->size;
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Matching
//===----------------------------------------------------------------------===//

typedef struct Window {
  bool bound;
  MlirValue buffer;
  int rank;
  UslLinear offset[MAX_RANK]; /* per dimension, without the nest's loops */
  int64_t sizes[MAX_RANK];
} Window;

typedef struct Match {
  const Instruction *in;
  const UslRegisterFile *rf;
  MlirOperation loops[MAX_DEPTH]; /* the nest's loop for instruction loop k */
  int64_t lbs[MAX_DEPTH];
  MlirValue operands[MAX_ARGS];   /* registers, or the windowed buffers */
  Window windows[MAX_ARGS];
  UslLinear scalars[MAX_ARGS];    /* index operands, outside the nest */
  bool scalarBound[MAX_ARGS];
  /* Constraints of the nest's guards that no loop of the nest affects:
   * the instruction runs under them (form >= 0, or == 0 when eq). */
  UslLinear outer[MAX_OUTER];
  bool outerEq[MAX_OUTER];
  int numOuter;
  /* values of the instruction bound to values of the nest */
  MlirValue from[MAX_BINDINGS], to[MAX_BINDINGS];
  int numBindings;
  MlirOperation nest;             /* the nest's outermost loop */
  int usedOps;                    /* ops of the nest's body matched */
} Match;

static int argIndex(const Instruction *in, MlirValue v) {
  for (int i = 0; i < in->numArgs; ++i)
    if (mlirValueEqual(in->args[i], v))
      return i;
  return -1;
}

static int loopIndex(const Instruction *in, MlirValue iv) {
  for (int k = 0; k < in->depth; ++k)
    if (mlirValueEqual(uslForGetInductionVar(in->loops[k]), iv))
      return k;
  return -1;
}

/* Index `dim` of a nest access as a linear form in which the nest's loop
 * variables stand for their counters from 0 (the instruction's). */
static bool nestIndex(const Match *m, MlirOperation access, intptr_t dim,
                      UslLinear *out) {
  MlirAffineMap map = uslAccessGetMap(access);
  MlirValue operands[64];
  intptr_t n = mlirAffineMapGetNumInputs(map);
  if (n > 64)
    return false;
  uslGetOperands(access, uslAccessGetFirstIndex(access), n, operands);
  if (!uslLinearOfMap(map, dim, operands, m->nest, out))
    return false;
  /* iv = lb + counter: the constant absorbs the lower bounds. */
  for (int k = 0; k < m->in->depth; ++k)
    for (int a = 0; a < out->n; ++a)
      if (mlirValueEqual(out->atoms[a], uslForGetInductionVar(m->loops[k])))
        out->constant += out->coef[a] * m->lbs[k];
  return true;
}

static int64_t coefOf(const UslLinear *l, MlirValue atom) {
  for (int a = 0; a < l->n; ++a)
    if (mlirValueEqual(l->atoms[a], atom))
      return l->coef[a];
  return 0;
}

/* Whether `l` involves a loop variable of the nest. */
static bool involvesNest(const Match *m, const UslLinear *l) {
  for (int k = 0; k < m->in->depth; ++k)
    if (coefOf(l, uslForGetInductionVar(m->loops[k])))
      return true;
  return false;
}

static bool sameLinear(const UslLinear *a, const UslLinear *b) {
  UslLinear d = *a;
  if (!uslLinearAdd(&d, b, -1) || d.constant)
    return false;
  for (int i = 0; i < d.n; ++i)
    if (d.coef[i])
      return false;
  return true;
}

/* The instruction's access `p` against the nest's access `f`. */
static bool matchAccess(Match *m, MlirOperation p, MlirOperation f) {
  const Instruction *in = m->in;
  int arg = argIndex(in, uslAccessGetMemRef(p));
  if (arg < 0)
    return false;
  MlirValue buffer = uslAccessGetMemRef(f);
  MlirType argType = mlirValueGetType(in->args[arg]);
  MlirType bufType = mlirValueGetType(buffer);
  if (!mlirTypeEqual(mlirShapedTypeGetElementType(argType),
                     mlirShapedTypeGetElementType(bufType)))
    return false;
  intptr_t prank = mlirShapedTypeGetRank(argType);
  intptr_t frank = mlirShapedTypeGetRank(bufType);
  /* The instruction's loop behind each of its index dimensions; -1 for
   * an index it fixes to 0 (one element). */
  int ploop[MAX_RANK];
  if (prank > MAX_RANK || frank > MAX_RANK)
    return false;
  for (intptr_t d = 0; d < prank; ++d) {
    MlirAffineExpr e = mlirAffineMapGetResult(uslAccessGetMap(p), d);
    if (mlirAffineExprIsAConstant(e) &&
        mlirAffineConstantExprGetValue(e) == 0 &&
        mlirShapedTypeGetDimSize(argType, d) == 1) {
      ploop[d] = -1;
      continue;
    }
    if (!mlirAffineExprIsADim(e))
      return false;
    ploop[d] = loopIndex(
        in, mlirOperationGetOperand(p, uslAccessGetFirstIndex(p) +
                                           mlirAffineDimExprGetPosition(e)));
    if (ploop[d] < 0)
      return false;
  }
  if (uslIsRegisterType(m->rf, argType)) {
    /* A whole register buffer of the same type, indexed alike. */
    if (!mlirTypeEqual(argType, bufType) ||
        (!mlirValueIsNull(m->operands[arg]) &&
         !mlirValueEqual(m->operands[arg], buffer)))
      return false;
    for (intptr_t d = 0; d < prank; ++d) {
      UslLinear l;
      if (ploop[d] < 0 || !nestIndex(m, f, d, &l) || l.constant)
        return false;
      for (int a = 0; a < l.n; ++a) {
        int64_t want = mlirValueEqual(l.atoms[a], uslForGetInductionVar(
                                                      m->loops[ploop[d]]))
                           ? 1
                           : 0;
        if (l.coef[a] != want)
          return false;
      }
      if (!coefOf(&l, uslForGetInductionVar(m->loops[ploop[d]])))
        return false;
    }
    m->operands[arg] = buffer;
    return true;
  }
  /* A window: dimension d of the instruction's operand in one dimension
   * of the buffer, in order, the last in the last, coefficient 1. */
  UslMemorySpace space;
  if (!uslMemRefTypeGetSpace(bufType, &space) || uslMemorySpaceIsRegister(space))
    return false;
  Window w = {.bound = true, .buffer = buffer, .rank = (int)frank};
  int previous = -1;
  int dimOf[MAX_RANK];
  for (intptr_t d = 0; d < frank; ++d) {
    if (!nestIndex(m, f, d, &w.offset[d]))
      return false;
    w.sizes[d] = 1;
  }
  int lastLoop = -1; /* the instruction's last dimension with a loop */
  for (intptr_t pd = 0; pd < prank; ++pd) {
    if (ploop[pd] < 0)
      continue;
    MlirValue iv = uslForGetInductionVar(m->loops[ploop[pd]]);
    int found = -1;
    for (intptr_t d = 0; d < frank; ++d) {
      int64_t c = coefOf(&w.offset[d], iv);
      if (!c)
        continue;
      if (c != 1 || found >= 0)
        return false;
      found = (int)d;
    }
    if (found <= previous)
      return false;
    dimOf[pd] = found;
    previous = found;
    lastLoop = (int)pd;
  }
  /* The lanes or columns along the buffer's contiguous last dimension. */
  if (lastLoop >= 0 &&
      (lastLoop != prank - 1 || dimOf[prank - 1] != frank - 1))
    return false;
  for (intptr_t pd = 0; pd < prank; ++pd) {
    if (ploop[pd] < 0)
      continue;
    UslLinear iv = {.n = 1,
                    .atoms = {uslForGetInductionVar(m->loops[ploop[pd]])},
                    .coef = {1}};
    uslLinearAdd(&w.offset[dimOf[pd]], &iv, -1);
    w.sizes[dimOf[pd]] = mlirShapedTypeGetDimSize(argType, pd);
  }
  for (intptr_t d = 0; d < frank; ++d)
    if (involvesNest(m, &w.offset[d]))
      return false;
  /* The rows contiguous in memory. */
  int64_t strides[MAX_RANK], offset;
  if (lastLoop >= 0 &&
      (mlirLogicalResultIsFailure(
           mlirMemRefTypeGetStridesAndOffset(bufType, strides, &offset)) ||
       strides[frank - 1] != 1))
    return false;
  if (m->windows[arg].bound) {
    if (!mlirValueEqual(m->windows[arg].buffer, buffer))
      return false;
    for (intptr_t d = 0; d < frank; ++d)
      if (!sameLinear(&m->windows[arg].offset[d], &w.offset[d]))
        return false;
    return true;
  }
  m->windows[arg] = w;
  m->operands[arg] = buffer;
  return true;
}

static bool bind(Match *m, MlirValue p, MlirValue f) {
  for (int i = 0; i < m->numBindings; ++i)
    if (mlirValueEqual(m->from[i], p))
      return mlirValueEqual(m->to[i], f);
  if (m->numBindings == MAX_BINDINGS)
    return false;
  m->from[m->numBindings] = p;
  m->to[m->numBindings++] = f;
  return true;
}

/* Index arithmetic: pure ops whose results are all of index type. */
static bool isAddressArithmetic(MlirOperation op) {
  if (!uslIsPureArithmetic(op) || mlirOperationGetNumResults(op) == 0)
    return false;
  for (intptr_t i = 0; i < mlirOperationGetNumResults(op); ++i)
    if (!mlirTypeIsAIndex(mlirValueGetType(mlirOperationGetResult(op, i))))
      return false;
  return true;
}

static bool isCommutative(MlirOperation op) {
  static const char *const names[] = {
      "arith.addi", "arith.muli", "arith.addf", "arith.mulf", "arith.andi",
      "arith.ori",  "arith.xori", "arith.maxsi", "arith.minsi",
      "arith.maxui", "arith.minui", "arith.maximumf", "arith.minimumf"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i)
    if (uslOpIs(op, names[i]))
      return true;
  return false;
}

static bool sameAttributes(MlirOperation a, MlirOperation b) {
  intptr_t n = mlirOperationGetNumAttributes(a);
  if (n != mlirOperationGetNumAttributes(b))
    return false;
  for (intptr_t i = 0; i < n; ++i) {
    MlirNamedAttribute x = mlirOperationGetAttribute(a, i);
    MlirAttribute y = mlirOperationGetAttributeByName(
        b, mlirIdentifierStr(x.name));
    if (mlirAttributeIsNull(y) || !mlirAttributeEqual(x.attribute, y))
      return false;
  }
  return true;
}

/* The instruction's guard `p` against the nest's guard `f`: constraint by
 * constraint, the same coefficients on the loop variables; what is left of
 * the nest's is the instruction's index operand (at most one a constraint,
 * coefficient +-1) as a linear form of values outside the nest. With
 * `outer`, constraints of `f` that no loop of the nest affects are set
 * aside for a guard around the instruction. */
static bool matchCondition(Match *m, MlirOperation p, MlirOperation f,
                           bool outer) {
  const Instruction *in = m->in;
  MlirIntegerSet ps = uslIfGetCondition(p), fs = uslIfGetCondition(f);
  intptr_t np = mlirIntegerSetGetNumConstraints(ps);
  intptr_t nf = mlirIntegerSetGetNumConstraints(fs);
  intptr_t k = 0; /* the next constraint of p */
  for (intptr_t kf = 0; kf < nf; ++kf) {
    UslLinear pl, fl;
    if (!uslGuardConstraintLinear(f, kf, m->nest, &fl))
      return false;
    bool eq = mlirIntegerSetIsConstraintEq(fs, kf);
    if (outer && !involvesNest(m, &fl)) {
      if (m->numOuter == MAX_OUTER)
        return false;
      m->outerEq[m->numOuter] = eq;
      m->outer[m->numOuter++] = fl;
      continue;
    }
    if (k == np || mlirIntegerSetIsConstraintEq(ps, k) != eq ||
        !uslGuardConstraintLinear(p, k, in->loops[0], &pl))
      return false;
    ++k;
    /* iv = lb + counter, as in nestIndex */
    for (int l = 0; l < in->depth; ++l)
      fl.constant += coefOf(&fl, uslForGetInductionVar(m->loops[l])) * m->lbs[l];
    UslLinear rest = fl;
    rest.constant -= pl.constant;
    for (int l = 0; l < in->depth; ++l) {
      MlirValue iv = uslForGetInductionVar(m->loops[l]);
      int64_t c = coefOf(&fl, iv);
      if (coefOf(&pl, uslForGetInductionVar(in->loops[l])) != c)
        return false;
      UslLinear term = {.n = 1, .atoms = {iv}, .coef = {1}};
      if (!uslLinearAdd(&rest, &term, -c))
        return false;
    }
    int arg = -1;
    int64_t c = 0;
    for (int a = 0; a < pl.n; ++a) {
      if (!pl.coef[a] || loopIndex(in, pl.atoms[a]) >= 0)
        continue;
      int i = argIndex(in, pl.atoms[a]);
      if (i < 0 || !in->isIndex[i] || arg >= 0)
        return false;
      arg = i;
      c = pl.coef[a];
    }
    if (arg < 0) {
      UslLinear zero = {.n = 0};
      if (!sameLinear(&rest, &zero))
        return false;
      continue;
    }
    if (c != 1 && c != -1)
      return false;
    /* c * operand = rest */
    for (int a = 0; a < rest.n; ++a)
      rest.coef[a] *= c;
    rest.constant *= c;
    if (involvesNest(m, &rest))
      return false;
    if (m->scalarBound[arg]) {
      if (!sameLinear(&m->scalars[arg], &rest))
        return false;
    } else {
      m->scalars[arg] = rest;
      m->scalarBound[arg] = true;
    }
  }
  return k == np;
}

/* The yields of region `r` of guards `p` and `f`, value by value. */
static bool matchValue(Match *m, MlirValue p, MlirValue f);

static bool matchYields(Match *m, MlirOperation p, MlirOperation f,
                        intptr_t r) {
  MlirBlock pb = mlirRegionGetFirstBlock(mlirOperationGetRegion(p, r));
  MlirBlock fb = mlirRegionGetFirstBlock(mlirOperationGetRegion(f, r));
  if (mlirBlockIsNull(pb) || mlirBlockIsNull(fb))
    return mlirBlockIsNull(pb) == mlirBlockIsNull(fb);
  MlirOperation py = mlirBlockGetTerminator(pb);
  MlirOperation fy = mlirBlockGetTerminator(fb);
  intptr_t n = mlirOperationGetNumOperands(py);
  if (n != mlirOperationGetNumOperands(fy))
    return false;
  for (intptr_t i = 0; i < n; ++i)
    if (!matchValue(m, mlirOperationGetOperand(py, i),
                    mlirOperationGetOperand(fy, i)))
      return false;
  return true;
}

static bool matchOp(Match *m, MlirOperation p, MlirOperation f) {
  bool access = uslOpIs(p, USL_SLOOP_LOAD) || uslOpIs(p, USL_SLOOP_STORE) ||
                uslOpIs(p, USL_SLOOP_REDUCE);
  bool guard = uslOpIs(p, USL_SLOOP_IF);
  /* Accesses and guards differ in the values their indices use. */
  if (!mlirIdentifierEqual(mlirOperationGetName(p), mlirOperationGetName(f)) ||
      (!access && !guard &&
       mlirOperationGetNumOperands(p) != mlirOperationGetNumOperands(f)) ||
      mlirOperationGetNumResults(p) != mlirOperationGetNumResults(f))
    return false;
  for (intptr_t i = 0; i < mlirOperationGetNumResults(p); ++i)
    if (!mlirTypeEqual(mlirValueGetType(mlirOperationGetResult(p, i)),
                       mlirValueGetType(mlirOperationGetResult(f, i))))
      return false;
  if (uslOpIs(p, USL_SLOOP_IF))
    return matchCondition(m, p, f, false) && matchYields(m, p, f, 0) &&
           matchYields(m, p, f, 1);
  if (access) {
    if (uslOpIs(p, USL_SLOOP_REDUCE) &&
        uslReduceGetKind(p) != uslReduceGetKind(f))
      return false;
    if (!matchAccess(m, p, f))
      return false;
    if (!uslOpIs(p, USL_SLOOP_LOAD))
      return matchValue(m, mlirOperationGetOperand(p, 0),
                        mlirOperationGetOperand(f, 0));
    return true;
  }
  if (!sameAttributes(p, f))
    return false;
  intptr_t n = mlirOperationGetNumOperands(p);
  Match saved = *m;
  bool ok = true;
  for (intptr_t i = 0; i < n && ok; ++i)
    ok = matchValue(m, mlirOperationGetOperand(p, i),
                    mlirOperationGetOperand(f, i));
  if (!ok && n == 2 && isCommutative(p)) {
    *m = saved;
    ok = matchValue(m, mlirOperationGetOperand(p, 0),
                    mlirOperationGetOperand(f, 1)) &&
         matchValue(m, mlirOperationGetOperand(p, 1),
                    mlirOperationGetOperand(f, 0));
  }
  return ok;
}

MlirAttribute uslConstantOf(MlirValue v) {
  if (!mlirValueIsAOpResult(v) ||
      !uslOpIs(mlirOpResultGetOwner(v), "arith.constant"))
    return (MlirAttribute){NULL};
  return mlirOperationGetAttributeByName(mlirOpResultGetOwner(v),
                                         mlirStringRefCreateFromCString("value"));
}

static bool matchValue(Match *m, MlirValue p, MlirValue f) {
  MlirAttribute pc = uslConstantOf(p);
  if (!mlirAttributeIsNull(pc)) {
    MlirAttribute fc = uslConstantOf(f);
    return !mlirAttributeIsNull(fc) && mlirAttributeEqual(pc, fc);
  }
  if (!mlirValueIsAOpResult(p) || !mlirValueIsAOpResult(f))
    return false;
  MlirOperation pop = mlirOpResultGetOwner(p), fop = mlirOpResultGetOwner(f);
  if (mlirOpResultGetResultNumber(p) != mlirOpResultGetResultNumber(f))
    return false;
  /* Values of the nest's body only, each matched once. */
  if (!uslIsInside(fop, m->nest))
    return false;
  for (int i = 0; i < m->numBindings; ++i)
    if (mlirValueEqual(m->from[i], p))
      return mlirValueEqual(m->to[i], f);
  if (!bind(m, p, f) || !matchOp(m, pop, fop))
    return false;
  if (!isAddressArithmetic(fop))
    ++m->usedOps;
  return true;
}

/* The perfect nest of `depth` loops from `loop`; false when it is not one. */
static bool nestOf(MlirOperation loop, int depth, MlirOperation *loops,
                   int64_t *lbs, int64_t *trips, MlirBlock *body) {
  MlirOperation l = loop;
  for (int k = 0; k < depth; ++k) {
    int64_t lb, ub;
    if (!uslOpIs(l, USL_SLOOP_FOR) || !uslForGetConstantBounds(l, &lb, &ub) ||
        uslForGetStep(l) != 1 || uslForGetKind(l) == USL_LOOP_PAR)
      return false;
    loops[k] = l;
    lbs[k] = lb;
    trips[k] = ub - lb;
    MlirBlock b = uslForGetBody(l);
    if (k + 1 < depth) {
      MlirOperation first = mlirBlockGetFirstOperation(b);
      if (mlirOperationIsNull(first) ||
          !mlirOperationEqual(mlirOperationGetNextInBlock(first),
                              mlirBlockGetTerminator(b)))
        return false;
      l = first;
    } else {
      *body = b;
    }
  }
  return true;
}

/* Counts the ops of a nest's body `block` (and of the guards in it) that a
 * match must use; false unless they are one store or reduce, loads, pure
 * arithmetic and guards. Constants match by value, index arithmetic
 * through the indices, so neither counts. */
static bool scanBody(MlirBlock block, MlirOperation *store, int *numOps) {
  MlirOperation terminator = mlirBlockGetTerminator(block);
  for (MlirOperation o = mlirBlockGetFirstOperation(block);
       !mlirOperationEqual(o, terminator); o = mlirOperationGetNextInBlock(o)) {
    if (uslOpIs(o, "arith.constant") || isAddressArithmetic(o))
      continue;
    ++*numOps;
    if (uslOpIs(o, USL_SLOOP_STORE) || uslOpIs(o, USL_SLOOP_REDUCE)) {
      if (!mlirOperationIsNull(*store))
        return false;
      *store = o;
    } else if (uslOpIs(o, USL_SLOOP_IF)) {
      for (intptr_t r = 0; r < mlirOperationGetNumRegions(o); ++r) {
        MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(o, r));
        if (!mlirBlockIsNull(b) && !scanBody(b, store, numOps))
          return false;
      }
    } else if (!uslIsPureArithmetic(o) && !uslOpIs(o, USL_SLOOP_LOAD)) {
      return false;
    }
  }
  return true;
}

/* Whether `f` sits in the then region of the result-less guard `g`. */
static bool inThenOf(MlirOperation f, MlirOperation g) {
  return !mlirOperationGetNumResults(g) &&
         mlirRegionEqual(mlirBlockGetParentRegion(mlirOperationGetBlock(f)),
                         mlirOperationGetRegion(g, 0));
}

/* Takes the nest's guard `g` around `f` as conditions around the
 * instruction when no loop of the nest affects any of them. */
static bool takeOuterGuard(Match *m, MlirOperation g, MlirOperation f) {
  MlirIntegerSet set = uslIfGetCondition(g);
  intptr_t n = mlirIntegerSetGetNumConstraints(set);
  if (!inThenOf(f, g) || m->numOuter + n > MAX_OUTER)
    return false;
  UslLinear forms[MAX_OUTER];
  for (intptr_t k = 0; k < n; ++k)
    if (!uslGuardConstraintLinear(g, k, m->nest, &forms[k]) ||
        involvesNest(m, &forms[k]))
      return false;
  for (intptr_t k = 0; k < n; ++k) {
    m->outerEq[m->numOuter] = mlirIntegerSetIsConstraintEq(set, k);
    m->outer[m->numOuter++] = forms[k];
  }
  ++m->usedOps;
  return true;
}

/* The guards around the instruction's store `p` against those around the
 * nest's `f`, innermost first: each instruction guard matched by a nest
 * guard holding the store in its then region; nest guards that no loop of
 * the nest affects go around the instruction. */
static bool matchGuards(Match *m, MlirOperation p, MlirOperation f) {
  for (;;) {
    MlirOperation pg = mlirOperationGetParentOperation(p);
    MlirOperation fg = mlirOperationGetParentOperation(f);
    bool pIf = uslOpIs(pg, USL_SLOOP_IF), fIf = uslOpIs(fg, USL_SLOOP_IF);
    if (!pIf && !fIf)
      return true;
    if (fIf && takeOuterGuard(m, fg, f)) {
      f = fg;
      continue;
    }
    if (!pIf || !fIf || !inThenOf(p, pg) || !inThenOf(f, fg) ||
        !matchCondition(m, pg, fg, true))
      return false;
    ++m->usedOps;
    p = pg;
    f = fg;
  }
}

typedef struct ReadsOnlyWritten {
  const Instruction *in;
  MlirValue arg;
  bool ok;
} ReadsOnlyWritten;

static MlirWalkResult checkRead(MlirOperation op, void *userData) {
  ReadsOnlyWritten *r = userData;
  if (!uslOpIs(op, USL_SLOOP_LOAD) ||
      !mlirValueEqual(uslAccessGetMemRef(op), r->arg))
    return MlirWalkResultAdvance;
  MlirOperation store = r->in->store;
  MlirAffineMap lm = uslAccessGetMap(op), sm = uslAccessGetMap(store);
  intptr_t n = mlirAffineMapGetNumResults(lm);
  for (intptr_t d = 0; d < n && r->ok; ++d) {
    MlirAffineExpr le = mlirAffineMapGetResult(lm, d);
    MlirAffineExpr se = mlirAffineMapGetResult(sm, d);
    r->ok = mlirAffineExprIsADim(le) && mlirAffineExprIsADim(se) &&
            mlirValueEqual(
                mlirOperationGetOperand(op, uslAccessGetFirstIndex(op) +
                                                mlirAffineDimExprGetPosition(le)),
                mlirOperationGetOperand(
                    store, uslAccessGetFirstIndex(store) +
                               mlirAffineDimExprGetPosition(se)));
  }
  return r->ok ? MlirWalkResultAdvance : MlirWalkResultInterrupt;
}

/* Whether the instruction reads its operand `a` only at the indices at
 * which it stores, so that the nest may read and write one buffer through
 * both (element-wise ops in place). */
static bool readsOnlyWritten(const Instruction *in, int a) {
  ReadsOnlyWritten r = {.in = in, .arg = in->args[a], .ok = true};
  if (mlirShapedTypeGetRank(mlirValueGetType(in->args[a])) !=
      mlirShapedTypeGetRank(mlirValueGetType(uslAccessGetMemRef(in->store))))
    return false;
  mlirOperationWalk(in->func, checkRead, &r, MlirWalkPreOrder);
  return r.ok;
}

/* Tries `in` on the nest at `loop`, with its loops in every order. */
static bool tryMatch(const Instruction *in, const UslRegisterFile *rf,
                     MlirOperation loop, Match *m) {
  MlirOperation loops[MAX_DEPTH];
  int64_t lbs[MAX_DEPTH], trips[MAX_DEPTH];
  MlirBlock body;
  if (!nestOf(loop, in->depth, loops, lbs, trips, &body))
    return false;
  /* The nest's body: one store or reduce, the rest what it depends on. */
  MlirOperation store = {NULL};
  int numOps = 0;
  if (!scanBody(body, &store, &numOps) || mlirOperationIsNull(store))
    return false;
  /* Every order of the instruction's loops over the nest's. */
  int perm[MAX_DEPTH];
  int count = 1;
  for (int k = 2; k <= in->depth; ++k)
    count *= k;
  for (int p = 0; p < count; ++p) {
    /* the p-th permutation, by the factorial number system */
    bool used[MAX_DEPTH] = {false};
    int rest = p;
    for (int k = 0; k < in->depth; ++k) {
      int f = 1;
      for (int j = 2; j < in->depth - k; ++j)
        f *= j;
      int pick = in->depth - k > 1 ? rest / f : 0;
      rest = in->depth - k > 1 ? rest % f : 0;
      for (int j = 0; j < in->depth; ++j)
        if (!used[j] && pick-- == 0) {
          perm[k] = j;
          used[j] = true;
          break;
        }
    }
    *m = (Match){.in = in, .rf = rf, .nest = loop};
    bool ok = true;
    for (int k = 0; k < in->depth && ok; ++k) {
      m->loops[k] = loops[perm[k]];
      m->lbs[k] = lbs[perm[k]];
      ok = trips[perm[k]] == in->trips[k];
    }
    if (!ok || !matchOp(m, in->store, store) ||
        !matchGuards(m, in->store, store))
      continue;
    m->usedOps += 1; /* the store */
    if (m->usedOps != numOps)
      continue;
    for (int a = 0; a < in->numArgs && ok; ++a)
      ok = in->isIndex[a] ? m->scalarBound[a] : !mlirValueIsNull(m->operands[a]);
    /* The instruction reads its operands before it writes: the buffer the
     * nest writes must not be one it reads through another operand, unless
     * the instruction reads that operand only at the element it writes. */
    int written = argIndex(in, uslAccessGetMemRef(in->store));
    for (int a = 0; a < in->numArgs && ok; ++a)
      ok = a == written || in->isIndex[a] ||
           !mlirValueEqual(m->operands[a], m->operands[written]) ||
           readsOnlyWritten(in, a);
    if (ok)
      return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Rewriting
//===----------------------------------------------------------------------===//

/* `count` linear forms as one affine map over the values they involve
 * (written into `values`, at most USL_LINEAR_MAX_ATOMS * count of them). */
static MlirAffineMap linearMap(MlirContext ctx, const UslLinear *forms,
                               int count, MlirValue *values, int *numValues) {
  MlirAffineExpr exprs[MAX_RANK];
  *numValues = 0;
  for (int d = 0; d < count; ++d) {
    MlirAffineExpr e = mlirAffineConstantExprGet(ctx, forms[d].constant);
    for (int a = 0; a < forms[d].n; ++a) {
      if (!forms[d].coef[a])
        continue;
      int k = 0;
      while (k < *numValues && !mlirValueEqual(values[k], forms[d].atoms[a]))
        ++k;
      if (k == *numValues)
        values[(*numValues)++] = forms[d].atoms[a];
      e = mlirAffineAddExprGet(
          e, mlirAffineMulExprGet(mlirAffineDimExprGet(ctx, k),
                                  mlirAffineConstantExprGet(ctx, forms[d].coef[a])));
    }
    exprs[d] = mlirSimplifyAffineExpr(e, (unsigned)(USL_LINEAR_MAX_ATOMS * count), 0);
  }
  return mlirAffineMapGet(ctx, *numValues, 0, count, exprs);
}

static MlirValue buildWindow(UslBuilder *b, const Window *w) {
  MlirValue values[USL_LINEAR_MAX_ATOMS * MAX_RANK];
  int numValues;
  MlirAffineMap map = linearMap(b->ctx, w->offset, w->rank, values, &numValues);
  MlirOperation window =
      uslWindowCreate(b->loc, w->buffer, map, values, w->rank, w->sizes);
  mlirBlockInsertOwnedOperationBefore(b->block, b->before, window);
  return mlirOperationGetResult(window, 0);
}

/* The index value of a linear form. */
static MlirValue buildLinear(UslBuilder *b, const UslLinear *l) {
  MlirValue values[USL_LINEAR_MAX_ATOMS];
  int numValues;
  MlirAffineMap map = linearMap(b->ctx, l, 1, values, &numValues);
  return uslBuildAffineResult(b, map, 0, values);
}

static void rewrite(const Match *m) {
  UslBuilder b = uslBuilderBefore(m->nest);
  b.loc = mlirOperationGetLocation(m->nest);
  if (m->numOuter) {
    /* The instruction under the constraints no loop of the nest affects. */
    MlirValue values[USL_LINEAR_MAX_ATOMS * MAX_OUTER];
    int numValues;
    MlirAffineMap map =
        linearMap(b.ctx, m->outer, m->numOuter, values, &numValues);
    MlirAffineExpr exprs[MAX_OUTER];
    for (int k = 0; k < m->numOuter; ++k)
      exprs[k] = mlirAffineMapGetResult(map, k);
    MlirOperation guard = uslIfCreate(
        b.loc,
        mlirIntegerSetGet(b.ctx, numValues, 0, m->numOuter, exprs,
                          m->outerEq),
        values);
    mlirBlockInsertOwnedOperationBefore(b.block, b.before, guard);
    MlirBlock then = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
    b.block = then;
    b.before = mlirBlockGetTerminator(then);
  }
  MlirValue operands[MAX_ARGS];
  for (int a = 0; a < m->in->numArgs; ++a)
    operands[a] = m->in->isIndex[a]      ? buildLinear(&b, &m->scalars[a])
                  : m->windows[a].bound ? buildWindow(&b, &m->windows[a])
                                        : m->operands[a];
  uslBuild(&b, m->in->op, m->in->numArgs, operands, 0, NULL, 0, NULL, 0);
  mlirOperationDestroy(m->nest);
}

//===----------------------------------------------------------------------===//
// Preparing registers
//===----------------------------------------------------------------------===//

typedef struct FindRegister {
  const UslRegisterFile *rf;
  bool found;
} FindRegister;

/* Whether an op in the walk defines or uses a register buffer. */
static MlirWalkResult findRegister(MlirOperation op, void *userData) {
  FindRegister *f = userData;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op) && !f->found; ++i)
    f->found = uslIsRegisterType(
        f->rf, mlirValueGetType(mlirOperationGetOperand(op, i)));
  for (intptr_t r = 0; r < mlirOperationGetNumResults(op) && !f->found; ++r)
    f->found = uslIsRegisterType(
        f->rf, mlirValueGetType(mlirOperationGetResult(op, r)));
  return f->found ? MlirWalkResultInterrupt : MlirWalkResultAdvance;
}

bool uslTouchesRegisters(MlirOperation op, const UslRegisterFile *rf) {
  FindRegister f = {.rf = rf};
  mlirOperationWalk(op, findRegister, &f, MlirWalkPreOrder);
  return f.found;
}

/* The store a branch of a guard ends with, when the branch is computation,
 * loads and that one store (to a register of `rf`); else a null op. */
static MlirOperation branchStore(MlirOperation guard, intptr_t region,
                                 const UslRegisterFile *rf) {
  MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, region));
  if (mlirBlockIsNull(b))
    return (MlirOperation){NULL};
  MlirOperation store = {NULL};
  for (MlirOperation o = mlirBlockGetFirstOperation(b); !mlirOperationIsNull(o);
       o = mlirOperationGetNextInBlock(o)) {
    if (uslOpIs(o, USL_SLOOP_YIELD))
      break;
    if (!mlirOperationIsNull(store))
      return (MlirOperation){NULL}; /* something after the store */
    if (uslOpIs(o, USL_SLOOP_STORE)) {
      store = o;
      continue;
    }
    MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(o));
    bool pure = uslOpIs(o, USL_SLOOP_LOAD) ||
                (mlirOperationGetNumRegions(o) == 0 && name.length > 6 &&
                 (!strncmp(name.data, "arith.", 6) ||
                  !strncmp(name.data, "math.", 5)));
    if (!pure)
      return (MlirOperation){NULL};
  }
  if (mlirOperationIsNull(store) ||
      !uslIsRegisterType(rf, mlirValueGetType(uslAccessGetMemRef(store))))
    return (MlirOperation){NULL};
  return store;
}

/* Whether two stores write the same element of the same buffer. */
static bool sameElement(MlirOperation a, MlirOperation b) {
  intptr_t n = mlirOperationGetNumOperands(a);
  if (n != mlirOperationGetNumOperands(b) ||
      !mlirAffineMapEqual(uslAccessGetMap(a), uslAccessGetMap(b)))
    return false;
  for (intptr_t i = 1; i < n; ++i)
    if (!mlirValueEqual(mlirOperationGetOperand(a, i),
                        mlirOperationGetOperand(b, i)))
      return false;
  return true;
}

/* `if c { ...; store x, R[e] } else { ...; store z, R[e] }` into a register
 * R becomes `v = if c -> x else z; store v, R[e]`, the one form the
 * library writes guarded values in (maskz_loadu): a zero boundary written
 * with stores in both branches selects like one written with yields. */
static void storesOutOfGuards(MlirOperation func, const UslRegisterFile *rf) {
  const char *ifName[] = {USL_SLOOP_IF};
  UslOpList guards = {0};
  uslCollectOps(func, ifName, 1, MlirWalkPostOrder, &guards);
  for (size_t i = 0; i < guards.size; ++i) {
    MlirOperation guard = guards.ops[i];
    if (mlirOperationGetNumResults(guard) != 0 ||
        mlirOperationGetNumRegions(guard) != 2)
      continue;
    MlirOperation stores[2] = {branchStore(guard, 0, rf),
                               branchStore(guard, 1, rf)};
    if (mlirOperationIsNull(stores[0]) || mlirOperationIsNull(stores[1]) ||
        !sameElement(stores[0], stores[1]))
      continue;
    MlirLocation loc = mlirOperationGetLocation(guard);
    MlirValue value = mlirOperationGetOperand(stores[0], 0);
    MlirType type = mlirValueGetType(value);
    MlirOperationState state =
        mlirOperationStateGet(mlirStringRefCreateFromCString(USL_SLOOP_IF), loc);
    intptr_t numOperands = mlirOperationGetNumOperands(guard);
    for (intptr_t k = 0; k < numOperands; ++k) {
      MlirValue v = mlirOperationGetOperand(guard, k);
      mlirOperationStateAddOperands(&state, 1, &v);
    }
    MlirNamedAttribute condition = uslNamedAttr(
        mlirOperationGetContext(guard), "condition",
        mlirOperationGetAttributeByName(
            guard, mlirStringRefCreateFromCString("condition")));
    mlirOperationStateAddAttributes(&state, 1, &condition);
    mlirOperationStateAddResults(&state, 1, &type);
    MlirRegion regions[2] = {mlirRegionCreate(), mlirRegionCreate()};
    mlirOperationStateAddOwnedRegions(&state, 2, regions);
    MlirOperation yielding = mlirOperationCreate(&state);
    mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(guard), guard,
                                        yielding);
    for (intptr_t r = 0; r < 2; ++r) {
      MlirRegion region = mlirOperationGetRegion(yielding, r);
      mlirRegionTakeBody(region, mlirOperationGetRegion(guard, r));
      MlirBlock b = mlirRegionGetFirstBlock(region);
      MlirValue stored = mlirOperationGetOperand(stores[r], 0);
      mlirOperationDestroy(mlirBlockGetTerminator(b));
      UslBuilder yb = uslBuilderAtEnd(b, loc);
      uslBuild(&yb, USL_SLOOP_YIELD, 1, &stored, 0, NULL, 0, NULL, 0);
    }
    /* The store after the guard, of what it yields. */
    MlirValue result = mlirOperationGetResult(yielding, 0);
    intptr_t first = uslAccessGetFirstIndex(stores[0]);
    intptr_t n = mlirOperationGetNumOperands(stores[0]) - first;
    MlirValue *indices = malloc(sizeof(MlirValue) * (size_t)(n ? n : 1));
    for (intptr_t k = 0; k < n; ++k)
      indices[k] = mlirOperationGetOperand(stores[0], first + k);
    MlirOperation store = uslStoreCreate(
        mlirOperationGetLocation(stores[0]), result,
        uslAccessGetMemRef(stores[0]), uslAccessGetMap(stores[0]), indices);
    free(indices);
    mlirBlockInsertOwnedOperationAfter(mlirOperationGetBlock(guard), yielding,
                                       store);
    mlirOperationDestroy(stores[0]);
    mlirOperationDestroy(stores[1]);
    mlirOperationDestroy(guard);
  }
  uslOpListFree(&guards);
}

/* unroll loops that touch registers are expanded; register buffers of more
 * than one register are split along their leading dimensions. */
static bool prepareRegisters(MlirOperation func, const UslRegisterFile *rf) {
  const char *forName[] = {USL_SLOOP_FOR};
  UslOpList loops = {0};
  uslCollectOps(func, forName, 1, MlirWalkPostOrder, &loops);
  bool ok = true, expanded = false;
  storesOutOfGuards(func, rf);
  for (size_t i = 0; i < loops.size && ok; ++i) {
    if (uslForGetKind(loops.ops[i]) != USL_LOOP_UNROLL)
      continue;
    if (uslTouchesRegisters(loops.ops[i], rf))
      ok = expanded = uslExpandUnrollLoop(loops.ops[i]);
  }
  uslOpListFree(&loops);
  /* The copies' constant indices into the affine maps. */
  if (ok && expanded)
    ok = mlirLogicalResultIsSuccess(uslSimplify(func));
  const char *allocName[] = {USL_SLOOP_ALLOC};
  bool changed = true;
  while (ok && changed) {
    changed = false;
    UslOpList allocs = {0};
    uslCollectOps(func, allocName, 1, MlirWalkPreOrder, &allocs);
    for (size_t i = 0; i < allocs.size && !changed; ++i) {
      MlirType t = mlirValueGetType(mlirOperationGetResult(allocs.ops[i], 0));
      if (!uslIsRegisterType(rf, t) || mlirShapedTypeGetRank(t) <= rf->rank)
        continue;
      /* unroll-buffer says why when it cannot. */
      changed = mlirLogicalResultIsSuccess(uslUnrollBuffer(allocs.ops[i], 0));
      ok = changed;
    }
    uslOpListFree(&allocs);
  }
  return ok;
}

/* A register write that the next instruction on the same register
 * overwrites entirely, with nothing reading the register in between, is
 * dead: staging copies in what the program then zeroes. */
static bool isOverwriting(const UslRegisterFile *rf, MlirOperation op) {
  for (int i = 0; i < rf->numOverwriting; ++i)
    if (uslOpIs(op, rf->overwriting[i]))
      return true;
  return false;
}

typedef struct RegisterWrites {
  const UslRegisterFile *rf;
  UslOpList ops;
} RegisterWrites;

static MlirWalkResult collectRegisterWrites(MlirOperation op, void *userData) {
  RegisterWrites *w = userData;
  if (isOverwriting(w->rf, op))
    uslOpListPush(&w->ops, op);
  return MlirWalkResultAdvance;
}

static bool usesValue(MlirOperation op, MlirValue v) {
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i)
    if (mlirValueEqual(mlirOperationGetOperand(op, i), v))
      return true;
  bool nested = false;
  for (intptr_t r = 0; r < mlirOperationGetNumRegions(op) && !nested; ++r)
    for (MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
         !mlirBlockIsNull(b) && !nested; b = mlirBlockGetNextInRegion(b))
      for (MlirOperation o = mlirBlockGetFirstOperation(b);
           !mlirOperationIsNull(o) && !nested; o = mlirOperationGetNextInBlock(o))
        nested = usesValue(o, v);
  return nested;
}

static void dropDeadRegisterWrites(MlirOperation func,
                                   const UslRegisterFile *rf) {
  RegisterWrites writes = {.rf = rf};
  mlirOperationWalk(func, collectRegisterWrites, &writes, MlirWalkPreOrder);
  for (size_t i = 0; i < writes.ops.size; ++i) {
    MlirOperation w = writes.ops.ops[i];
    MlirValue reg = mlirOperationGetOperand(w, 0);
    for (MlirOperation o = mlirOperationGetNextInBlock(w);
         !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o)) {
      bool readsToo = false;
      for (intptr_t k = 1; k < mlirOperationGetNumOperands(o); ++k)
        readsToo |= mlirValueEqual(mlirOperationGetOperand(o, k), reg);
      if (isOverwriting(rf, o) && !readsToo &&
          mlirValueEqual(mlirOperationGetOperand(o, 0), reg)) {
        mlirOperationDestroy(w);
        break;
      }
      if (usesValue(o, reg))
        break;
    }
  }
  uslOpListFree(&writes.ops);
}

/* Index arithmetic and windows the replaced nests, expanded loops and
 * dropped instructions no longer use. */
static MlirWalkResult collectPure(MlirOperation op, void *userData) {
  if (uslIsPureArithmetic(op) || uslOpIs(op, USL_TMEM_WINDOW))
    uslOpListPush(userData, op);
  return MlirWalkResultAdvance;
}

static void dropDeadArithmetic(MlirOperation func) {
  UslOpList ops = {0};
  mlirOperationWalk(func, collectPure, &ops, MlirWalkPostOrder);
  /* Users come after definitions: newest first frees whole chains. */
  for (size_t i = ops.size; i-- > 0;) {
    MlirOperation op = ops.ops[i];
    bool used = false;
    for (intptr_t r = 0; r < mlirOperationGetNumResults(op) && !used; ++r)
      used = !mlirOpOperandIsNull(
          mlirValueGetFirstUse(mlirOperationGetResult(op, r)));
    if (!used)
      mlirOperationDestroy(op);
  }
  uslOpListFree(&ops);
}


//===----------------------------------------------------------------------===//
// Register allocation
//===----------------------------------------------------------------------===//

typedef struct Numbering {
  UslOpList ops; /* every op, in program order (pre-order) */
} Numbering;

static MlirWalkResult number(MlirOperation op, void *userData) {
  uslOpListPush(&((Numbering *)userData)->ops, op);
  return MlirWalkResultAdvance;
}

static size_t indexOf(const Numbering *n, MlirOperation op) {
  for (size_t i = 0; i < n->ops.size; ++i)
    if (mlirOperationEqual(n->ops.ops[i], op))
      return i;
  return 0;
}

/* The last op nested in `op` (or `op`), by number. */
static size_t lastInside(const Numbering *n, size_t first) {
  MlirOperation op = n->ops.ops[first];
  size_t last = first;
  while (last + 1 < n->ops.size && uslIsInside(n->ops.ops[last + 1], op))
    ++last;
  return last;
}

enum { MAX_REGISTERS = 64 };

typedef struct LiveRange {
  MlirOperation alloc;
  size_t start, end;
  int reg;
} LiveRange;

static bool isRegisterOp(const UslRegisterFile *rf, MlirOperation op) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  size_t n = strlen(rf->dialect);
  return name.length > n && !memcmp(name.data, rf->dialect, n) &&
         name.data[n] == '.';
}

static void bufferName(MlirOperation alloc, char *out, size_t size) {
  MlirStringRef name = uslAllocGetName(alloc);
  snprintf(out, size, "%.*s", (int)name.length, name.data);
}

bool uslAllocateRegisters(MlirOperation func, const UslRegisterFile *rf) {
  const char *allocName[] = {USL_SLOOP_ALLOC};
  UslOpList allocs = {0};
  uslCollectOps(func, allocName, 1, MlirWalkPreOrder, &allocs);
  LiveRange *ranges = calloc(allocs.size ? allocs.size : 1, sizeof *ranges);
  size_t numRanges = 0;
  Numbering n = {{0}};
  mlirOperationWalk(func, number, &n, MlirWalkPreOrder);
  bool ok = true;
  /* The first access to a register, in program order, that is not an
   * instruction of the register file's. */
  size_t bad = SIZE_MAX;
  MlirOperation badAlloc = {NULL};
  for (size_t i = 0; i < allocs.size; ++i) {
    MlirValue buffer = mlirOperationGetResult(allocs.ops[i], 0);
    if (!uslIsRegisterType(rf, mlirValueGetType(buffer)))
      continue;
    for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
         !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
      MlirOperation user = mlirOpOperandGetOwner(use);
      size_t at = indexOf(&n, user);
      if (!isRegisterOp(rf, user) && at < bad) {
        bad = at;
        badAlloc = allocs.ops[i];
      }
    }
  }
  if (bad != SIZE_MAX) {
    char name[64];
    bufferName(badAlloc, name, sizeof name);
    MlirOperation user = n.ops.ops[bad];
    MlirStringRef s = mlirIdentifierStr(mlirOperationGetName(user));
    uslEmitErrorf(mlirOperationGetLocation(user),
                  "buffer '%s' lives in %s: only %s instructions may "
                  "access it, not %.*s",
                  name, rf->what, rf->isa, (int)s.length, s.data);
    ok = false;
  }
  for (size_t i = 0; i < allocs.size && ok; ++i) {
    MlirOperation alloc = allocs.ops[i];
    MlirValue buffer = mlirOperationGetResult(alloc, 0);
    if (!uslIsRegisterType(rf, mlirValueGetType(buffer)))
      continue;
    LiveRange t = {.alloc = alloc, .start = SIZE_MAX, .end = 0, .reg = -1};
    for (MlirOpOperand use = mlirValueGetFirstUse(buffer);
         !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
      MlirOperation user = mlirOpOperandGetOwner(use);
      size_t at = indexOf(&n, user);
      t.start = at < t.start ? at : t.start;
      t.end = at > t.end ? at : t.end;
      /* Loops around the use but not around the buffer: live throughout. */
      for (MlirOperation l = uslGetParentOfName(user, USL_SLOOP_FOR);
           !mlirOperationIsNull(l) && !uslIsInside(alloc, l);
           l = uslGetParentOfName(l, USL_SLOOP_FOR)) {
        size_t first = indexOf(&n, l), last = lastInside(&n, first);
        t.start = first < t.start ? first : t.start;
        t.end = last > t.end ? last : t.end;
      }
    }
    if (t.start != SIZE_MAX)
      ranges[numRanges++] = t;
  }
  /* Greedy, by first use. */
  for (size_t i = 0; i < numRanges && ok; ++i) {
    size_t first = i;
    for (size_t j = i + 1; j < numRanges; ++j)
      if (ranges[j].start < ranges[first].start)
        first = j;
    LiveRange t = ranges[first];
    ranges[first] = ranges[i];
    ranges[i] = t;
    bool used[MAX_REGISTERS] = {false};
    for (size_t j = 0; j < i; ++j)
      if (ranges[j].end >= ranges[i].start)
        used[ranges[j].reg] = true;
    int reg = 0;
    while (reg < rf->count && used[reg])
      ++reg;
    if (reg == rf->count) {
      char live[2048] = "";
      size_t len = 0;
      for (size_t j = 0; j <= i; ++j) {
        if (j < i && ranges[j].end < ranges[i].start)
          continue;
        char name[64];
        bufferName(ranges[j].alloc, name, sizeof name);
        if (len < sizeof live)
          len += (size_t)snprintf(live + len, sizeof live - len, "%s'%s'",
                                  len ? ", " : "", name);
      }
      uslEmitErrorf(mlirOperationGetLocation(n.ops.ops[ranges[i].start]),
                    "more than %d %s live here: %s", rf->count,
                    rf->unit, live);
      ok = false;
      break;
    }
    ranges[i].reg = reg;
  }
  for (size_t i = 0; i < numRanges && ok && rf->registerAttr; ++i) {
    MlirContext ctx = mlirOperationGetContext(ranges[i].alloc);
    mlirOperationSetDiscardableAttributeByName(
        ranges[i].alloc, mlirStringRefCreateFromCString(rf->registerAttr),
        mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 64), ranges[i].reg));
  }
  uslOpListFree(&n.ops);
  uslOpListFree(&allocs);
  free(ranges);
  return ok;
}

//===----------------------------------------------------------------------===//
// The driver
//===----------------------------------------------------------------------===//

static bool selectWith(MlirOperation module, const UslTarget *target,
                       Library *lib, bool ok);

bool uslSelectInstructions(MlirOperation module, const UslTarget *target,
                           const char *library) {
  MlirContext ctx = mlirOperationGetContext(module);
  Library lib = {0};
  bool ok = libraryAdd(&lib, ctx, mlirStringRefCreateFromCString(target->builtin),
                       NULL, target->builtinName);
  if (ok && library && library[0]) {
    FILE *f = fopen(library, "rb");
    if (!f) {
      uslEmitErrorf(mlirOperationGetLocation(module),
                    "'%s': cannot read the instruction library '%s'",
                    target->pass, library);
      ok = false;
    } else {
      fclose(f);
      ok = libraryAdd(&lib, ctx, (MlirStringRef){NULL, 0}, library, library);
    }
  }
  return selectWith(module, target, &lib, ok);
}

bool uslSelectInstructionsWithText(MlirOperation module,
                                   const UslTarget *target,
                                   MlirStringRef library) {
  /* MLIR's parser reads up to a NUL past the end of its text. */
  char *text = malloc(library.length + 1);
  memcpy(text, library.data, library.length);
  text[library.length] = '\0';
  Library lib = {0};
  bool ok = libraryAdd(&lib, mlirOperationGetContext(module),
                       mlirStringRefCreate(text, library.length), NULL,
                       "given as text");
  free(text);
  return selectWith(module, target, &lib, ok);
}

/* Selection with the instructions of `lib` (freed here), when `ok`. */
static bool selectWith(MlirOperation module, const UslTarget *target,
                       Library *lib, bool ok) {
  const UslRegisterFile *rf = target->registers;
  const char *funcName[] = {"func.func"};
  UslOpList funcs = {0};
  uslCollectOps(module, funcName, 1, MlirWalkPreOrder, &funcs);
  for (size_t f = 0; f < funcs.size && ok; ++f) {
    ok = (!target->prepare || target->prepare(module, funcs.ops[f])) &&
         prepareRegisters(funcs.ops[f], rf);
    /* Outermost first: a selected nest goes with the loops inside it. */
    bool changed = true;
    while (ok && changed) {
      changed = false;
      const char *forName[] = {USL_SLOOP_FOR};
      UslOpList loops = {0};
      uslCollectOps(funcs.ops[f], forName, 1, MlirWalkPreOrder, &loops);
      for (size_t i = 0; i < loops.size && !changed; ++i)
        for (size_t k = 0; k < lib->size && !changed; ++k) {
          Match m;
          if (tryMatch(&lib->items[k], rf, loops.ops[i], &m)) {
            rewrite(&m);
            changed = true;
          }
        }
      uslOpListFree(&loops);
    }
    if (ok) {
      dropDeadRegisterWrites(funcs.ops[f], rf);
      dropDeadArithmetic(funcs.ops[f]);
      ok = uslAllocateRegisters(funcs.ops[f], rf);
    }
  }
  uslOpListFree(&funcs);
  libraryFree(lib);
  return ok;
}

/*--- the public entry points (usl/instructions.h) --------------------------*/

static const UslTarget *targetOf(UslIsa isa) {
  switch (isa) {
  case USL_ISA_RVM: return &uslRvmTarget;
  case USL_ISA_AVX512: return &uslAvx512Target;
  }
  return NULL;
}

const char *uslInstructionLibrary(UslIsa isa) {
  const UslTarget *target = targetOf(isa);
  return target ? target->builtin : NULL;
}

MlirLogicalResult uslSelectInstructionsFor(MlirOperation module, UslIsa isa,
                                           const char *extraLibrary) {
  const UslTarget *target = targetOf(isa);
  if (!target) {
    uslEmitErrorf(mlirOperationGetLocation(module), "unknown instruction set %d",
                  (int)isa);
    return mlirLogicalResultFailure();
  }
  /* What a pass declares as its dependent dialects: the ops selection
   * creates, loaded before it runs outside a pass manager. */
  MlirContext ctx = mlirOperationGetContext(module);
  const char *dialects[] = {"arith", "affine", "memref", "sloop", "tmem",
                            target->registers->dialect};
  for (size_t k = 0; k < sizeof dialects / sizeof dialects[0]; ++k)
    mlirContextGetOrLoadDialect(ctx, mlirStringRefCreateFromCString(dialects[k]));
  return uslSelectInstructions(module, target, extraLibrary ? extraLibrary : "")
             ? mlirLogicalResultSuccess()
             : mlirLogicalResultFailure();
}
