//===- lower_rvm.c - lower-rvm: instruction selection by matching ---------===//
//
// An instruction is a function of an instruction library (instructions/
// rvm.mlir, built in; more with library=FILE): its body is a loop nest
// saying what the instruction computes on its arguments, its
// `usl.instruction` attribute the op that does it. Selection replaces each
// loop nest of the program that computes the same by that op:
//
//   - loops: a perfect nest of the same depth with the same trip counts,
//     the instruction's loops matched to the nest's in any order;
//   - body: the instruction's stored value unified with the nest's, op by
//     op from the store back (same ops and attributes, commutative
//     operands either way round, constants by value), using every op of
//     the nest's body;
//   - operands: a tile argument (rvm_tile) binds a whole tile buffer
//     indexed exactly as the instruction indexes it; any other memref
//     argument binds a window of a buffer: each index of the nest, as a
//     linear form of the loop variables, is the instruction's index
//     plus an offset that does not depend on them, the row variable in one
//     dimension and the column variable in the buffer's last (contiguous)
//     one, both with coefficient 1 -- solving for the window's offsets.
//
// Before matching, unroll loops that touch tiles are expanded and tile
// buffers indexed by constants in their leading dimensions are split into
// one buffer per tile (unroll-buffer). After it, any access left on a tile
// is an error at that access, and tile registers are allocated.
//
//===----------------------------------------------------------------------===//

#include "../passes/directive.h"
#include "../passes/linear.h"
#include "../passes/pass_table.h"
#include "../passes/support.h"
#include "rvm_instructions.h"
#include "rvm_lowering.h"
#include "usl/rvm.h"
#include "usl/schedule.h"
#include "usl/sloop.h"
#include "usl/tmem.h"
#include "vectorize_loops.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Dialect/Arith.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_DEPTH = 4, MAX_ARGS = 4, MAX_BINDINGS = 64, MAX_RANK = 8 };

//===----------------------------------------------------------------------===//
// The library
//===----------------------------------------------------------------------===//

typedef struct Instruction {
  MlirOperation func;
  char op[32];
  int numArgs;
  MlirValue args[MAX_ARGS];
  int depth;
  MlirOperation loops[MAX_DEPTH];
  int64_t trips[MAX_DEPTH];
  MlirOperation store; /* the one store or reduce of the body */
} Instruction;

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
  for (int i = 0; i < in->numArgs; ++i)
    in->args[i] = mlirBlockGetArgument(entry, i);
  /* Constants, then one perfect nest of constant loops from 0. */
  MlirOperation nest = {NULL};
  for (MlirOperation o = mlirBlockGetFirstOperation(entry);
       !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o))
    if (uslOpIs(o, USL_SLOOP_FOR))
      nest = o;
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
    MlirOperation inner = {NULL};
    for (MlirOperation o = mlirBlockGetFirstOperation(uslForGetBody(l));
         !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o)) {
      if (uslOpIs(o, USL_SLOOP_STORE) || uslOpIs(o, USL_SLOOP_REDUCE)) {
        if (!mlirOperationIsNull(in->store)) {
          uslEmitErrorf(loc, "instruction '%s' must store exactly once",
                        in->op);
          return false;
        }
        in->store = o;
      }
      if (uslOpIs(o, USL_SLOOP_FOR))
        inner = o;
    }
    l = inner;
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
  MlirOperation loops[MAX_DEPTH]; /* the nest's loop for instruction loop k */
  int64_t lbs[MAX_DEPTH];
  MlirValue operands[MAX_ARGS];   /* tile buffers, or the windowed buffers */
  Window windows[MAX_ARGS];
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
  /* The instruction's loop behind each of its index dimensions. */
  int ploop[MAX_RANK];
  for (intptr_t d = 0; d < prank && d < MAX_RANK; ++d) {
    MlirAffineExpr e = mlirAffineMapGetResult(uslAccessGetMap(p), d);
    if (!mlirAffineExprIsADim(e))
      return false;
    ploop[d] = loopIndex(
        in, mlirOperationGetOperand(p, uslAccessGetFirstIndex(p) +
                                           mlirAffineDimExprGetPosition(e)));
    if (ploop[d] < 0)
      return false;
  }
  if (prank > MAX_RANK || frank > MAX_RANK)
    return false;
  if (uslIsRvmTile(argType)) {
    /* A whole tile buffer of the same type, indexed alike. */
    if (!mlirTypeEqual(argType, bufType) ||
        (!mlirValueIsNull(m->operands[arg]) &&
         !mlirValueEqual(m->operands[arg], buffer)))
      return false;
    for (intptr_t d = 0; d < prank; ++d) {
      UslLinear l;
      if (!nestIndex(m, f, d, &l) || l.constant)
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
  for (intptr_t pd = 0; pd < prank; ++pd) {
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
  }
  if (dimOf[prank - 1] != frank - 1)
    return false;
  for (intptr_t pd = 0; pd < prank; ++pd) {
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
  if (mlirLogicalResultIsFailure(
          mlirMemRefTypeGetStridesAndOffset(bufType, strides, &offset)) ||
      strides[frank - 1] != 1)
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

static bool matchValue(Match *m, MlirValue p, MlirValue f);

static bool matchOp(Match *m, MlirOperation p, MlirOperation f) {
  bool access = uslOpIs(p, USL_SLOOP_LOAD) || uslOpIs(p, USL_SLOOP_STORE) ||
                uslOpIs(p, USL_SLOOP_REDUCE);
  /* Accesses differ in the values their indices use. */
  if (!mlirIdentifierEqual(mlirOperationGetName(p), mlirOperationGetName(f)) ||
      (!access &&
       mlirOperationGetNumOperands(p) != mlirOperationGetNumOperands(f)) ||
      mlirOperationGetNumResults(p) != mlirOperationGetNumResults(f))
    return false;
  for (intptr_t i = 0; i < mlirOperationGetNumResults(p); ++i)
    if (!mlirTypeEqual(mlirValueGetType(mlirOperationGetResult(p, i)),
                       mlirValueGetType(mlirOperationGetResult(f, i))))
      return false;
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

/* The value attribute of the arith.constant defining `v`, or a null one. */
static MlirAttribute constantOf(MlirValue v) {
  if (!mlirValueIsAOpResult(v) ||
      !uslOpIs(mlirOpResultGetOwner(v), "arith.constant"))
    return (MlirAttribute){NULL};
  return mlirOperationGetAttributeByName(mlirOpResultGetOwner(v),
                                         mlirStringRefCreateFromCString("value"));
}

static bool matchValue(Match *m, MlirValue p, MlirValue f) {
  MlirAttribute pc = constantOf(p);
  if (!mlirAttributeIsNull(pc)) {
    MlirAttribute fc = constantOf(f);
    return !mlirAttributeIsNull(fc) && mlirAttributeEqual(pc, fc);
  }
  if (!mlirValueIsAOpResult(p) || !mlirValueIsAOpResult(f))
    return false;
  MlirOperation pop = mlirOpResultGetOwner(p), fop = mlirOpResultGetOwner(f);
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

/* Tries `in` on the nest at `loop`, with its loops in every order. */
static bool tryMatch(const Instruction *in, MlirOperation loop, Match *m) {
  MlirOperation loops[MAX_DEPTH];
  int64_t lbs[MAX_DEPTH], trips[MAX_DEPTH];
  MlirBlock body;
  if (!nestOf(loop, in->depth, loops, lbs, trips, &body))
    return false;
  /* The nest's body: one store or reduce, the rest what it depends on. */
  MlirOperation store = {NULL};
  int numOps = 0;
  MlirOperation terminator = mlirBlockGetTerminator(body);
  for (MlirOperation o = mlirBlockGetFirstOperation(body);
       !mlirOperationEqual(o, terminator); o = mlirOperationGetNextInBlock(o)) {
    /* Constants match by value, index arithmetic through the indices. */
    if (uslOpIs(o, "arith.constant") || isAddressArithmetic(o))
      continue;
    ++numOps;
    if (uslOpIs(o, USL_SLOOP_STORE) || uslOpIs(o, USL_SLOOP_REDUCE)) {
      if (!mlirOperationIsNull(store))
        return false;
      store = o;
    } else if (!uslIsPureArithmetic(o) && !uslOpIs(o, USL_SLOOP_LOAD)) {
      return false;
    }
  }
  if (mlirOperationIsNull(store))
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
    *m = (Match){.in = in, .nest = loop};
    bool ok = true;
    for (int k = 0; k < in->depth && ok; ++k) {
      m->loops[k] = loops[perm[k]];
      m->lbs[k] = lbs[perm[k]];
      ok = trips[perm[k]] == in->trips[k];
    }
    if (!ok || !matchOp(m, in->store, store))
      continue;
    m->usedOps += 1; /* the store */
    if (m->usedOps != numOps)
      continue;
    for (int a = 0; a < in->numArgs && ok; ++a)
      ok = !mlirValueIsNull(m->operands[a]);
    /* The instruction reads its operands before it writes: the buffer the
     * nest writes must not be one it reads through another operand. */
    int written = argIndex(in, uslAccessGetMemRef(in->store));
    for (int a = 0; a < in->numArgs && ok; ++a)
      ok = a == written || !mlirValueEqual(m->operands[a], m->operands[written]);
    if (ok)
      return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Rewriting
//===----------------------------------------------------------------------===//

static MlirValue buildWindow(UslBuilder *b, const Window *w) {
  MlirValue values[USL_LINEAR_MAX_ATOMS * MAX_RANK];
  int numValues = 0;
  MlirAffineExpr exprs[MAX_RANK];
  for (int d = 0; d < w->rank; ++d) {
    MlirAffineExpr e = mlirAffineConstantExprGet(b->ctx, w->offset[d].constant);
    for (int a = 0; a < w->offset[d].n; ++a) {
      if (!w->offset[d].coef[a])
        continue;
      int k = 0;
      while (k < numValues && !mlirValueEqual(values[k], w->offset[d].atoms[a]))
        ++k;
      if (k == numValues)
        values[numValues++] = w->offset[d].atoms[a];
      e = mlirAffineAddExprGet(
          e, mlirAffineMulExprGet(mlirAffineDimExprGet(b->ctx, k),
                                  mlirAffineConstantExprGet(
                                      b->ctx, w->offset[d].coef[a])));
    }
    exprs[d] = mlirSimplifyAffineExpr(e, (unsigned)USL_LINEAR_MAX_ATOMS * MAX_RANK, 0);
  }
  MlirAffineMap map = mlirAffineMapGet(b->ctx, numValues, 0, w->rank, exprs);
  MlirOperation window =
      uslWindowCreate(b->loc, w->buffer, map, values, w->rank, w->sizes);
  mlirBlockInsertOwnedOperationBefore(b->block, b->before, window);
  return mlirOperationGetResult(window, 0);
}

static void rewrite(const Match *m) {
  UslBuilder b = uslBuilderBefore(m->nest);
  b.loc = mlirOperationGetLocation(m->nest);
  MlirValue operands[MAX_ARGS];
  for (int a = 0; a < m->in->numArgs; ++a)
    operands[a] = m->windows[a].bound ? buildWindow(&b, &m->windows[a])
                                      : m->operands[a];
  uslBuild(&b, m->in->op, m->in->numArgs, operands, 0, NULL, 0, NULL, 0);
  mlirOperationDestroy(m->nest);
}

//===----------------------------------------------------------------------===//
// Preparing tiles
//===----------------------------------------------------------------------===//

/* Whether an op in the walk defines or uses a tile buffer. */
static MlirWalkResult findTile(MlirOperation op, void *userData) {
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i)
    if (uslIsRvmTile(mlirValueGetType(mlirOperationGetOperand(op, i)))) {
      *(bool *)userData = true;
      return MlirWalkResultInterrupt;
    }
  for (intptr_t r = 0; r < mlirOperationGetNumResults(op); ++r)
    if (uslIsRvmTile(mlirValueGetType(mlirOperationGetResult(op, r)))) {
      *(bool *)userData = true;
      return MlirWalkResultInterrupt;
    }
  return MlirWalkResultAdvance;
}

/* unroll loops that touch tiles are expanded; tile buffers of more than
 * one tile are split along their leading dimensions. */
static bool prepareTiles(MlirOperation func) {
  const char *forName[] = {USL_SLOOP_FOR};
  UslOpList loops = {0};
  uslCollectOps(func, forName, 1, MlirWalkPostOrder, &loops);
  bool ok = true, expanded = false;
  for (size_t i = 0; i < loops.size && ok; ++i) {
    if (uslForGetKind(loops.ops[i]) != USL_LOOP_UNROLL)
      continue;
    bool tiles = false;
    mlirOperationWalk(loops.ops[i], findTile, &tiles, MlirWalkPreOrder);
    if (tiles)
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
      if (!uslIsRvmTile(t) || mlirShapedTypeGetRank(t) <= 2)
        continue;
      /* unroll-buffer says why when it cannot. */
      changed = mlirLogicalResultIsSuccess(uslUnrollBuffer(allocs.ops[i], 0));
      ok = changed;
    }
    uslOpListFree(&allocs);
  }
  return ok;
}

/* A tile load or zeroing that the next instruction on the same tile
 * overwrites entirely, with nothing reading the tile in between, is dead:
 * staging copies in what the program then zeroes. */
static bool overwritesTile(MlirOperation op, MlirValue tile) {
  return (uslOpIs(op, USL_RVM_MZERO) || uslOpIs(op, USL_RVM_MLD)) &&
         mlirValueEqual(mlirOperationGetOperand(op, 0), tile);
}

static MlirWalkResult collectTileWrites(MlirOperation op, void *userData) {
  if (uslOpIs(op, USL_RVM_MZERO) || uslOpIs(op, USL_RVM_MLD))
    uslOpListPush(userData, op);
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

static void dropDeadTileWrites(MlirOperation func) {
  UslOpList writes = {0};
  mlirOperationWalk(func, collectTileWrites, &writes, MlirWalkPreOrder);
  for (size_t i = 0; i < writes.size; ++i) {
    MlirOperation w = writes.ops[i];
    MlirValue tile = mlirOperationGetOperand(w, 0);
    for (MlirOperation o = mlirOperationGetNextInBlock(w);
         !mlirOperationIsNull(o); o = mlirOperationGetNextInBlock(o)) {
      if (overwritesTile(o, tile) &&
          !(uslOpIs(o, USL_RVM_MLD) &&
            mlirValueEqual(mlirOperationGetOperand(o, 1), tile))) {
        mlirOperationDestroy(w);
        break;
      }
      if (usesValue(o, tile))
        break;
    }
  }
  uslOpListFree(&writes);
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
// The default schedule
//===----------------------------------------------------------------------===//

/* Whether access `op` indexes exactly with the variables of `a`, `b`. */
static bool indexedBy(MlirOperation op, MlirOperation a, MlirOperation b) {
  MlirAffineMap map = uslAccessGetMap(op);
  if (mlirAffineMapGetNumResults(map) != 2)
    return false;
  MlirOperation loops[2] = {a, b};
  for (intptr_t d = 0; d < 2; ++d) {
    MlirAffineExpr e = mlirAffineMapGetResult(map, d);
    if (!mlirAffineExprIsADim(e) ||
        !mlirValueEqual(mlirOperationGetOperand(
                            op, uslAccessGetFirstIndex(op) +
                                    mlirAffineDimExprGetPosition(e)),
                        uslForGetInductionVar(loops[d])))
      return false;
  }
  return true;
}

static bool loopNamed(MlirOperation func, const char *name) {
  const char *forName[] = {USL_SLOOP_FOR};
  UslOpList loops = {0};
  uslCollectOps(func, forName, 1, MlirWalkPreOrder, &loops);
  bool found = false;
  for (size_t i = 0; i < loops.size && !found; ++i) {
    MlirStringRef n = uslForGetName(loops.ops[i]);
    found = n.length == strlen(name) && !memcmp(n.data, name, n.length);
  }
  uslOpListFree(&loops);
  return found;
}

static bool bufferNamed(MlirOperation func, const char *name) {
  const char *allocName[] = {USL_SLOOP_ALLOC};
  UslOpList allocs = {0};
  uslCollectOps(func, allocName, 1, MlirWalkPreOrder, &allocs);
  bool found = false;
  for (size_t i = 0; i < allocs.size && !found; ++i) {
    MlirStringRef n = uslAllocGetName(allocs.ops[i]);
    found = n.length == strlen(name) && !memcmp(n.data, name, n.length);
  }
  uslOpListFree(&allocs);
  return found;
}

/* A matmul-like nest at `i`: for i { for j { C[i,j] = 0; for k {
 * C[i,j] += A[i,k] * B[k,j] } } } over i32 or f32, trip counts multiples
 * of 4, loops from 0; its loops and buffers' names in `names`. */
static bool matmulLike(MlirOperation i, char names[][USL_MAX_STRING_OPTION]) {
  MlirOperation j, k;
  int64_t lb, ub;
  MlirBlock bi = uslForGetBody(i);
  j = mlirBlockGetFirstOperation(bi);
  if (!uslOpIs(j, USL_SLOOP_FOR) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(j),
                          mlirBlockGetTerminator(bi)))
    return false;
  MlirBlock bj = uslForGetBody(j);
  MlirOperation init = mlirBlockGetFirstOperation(bj);
  if (!uslOpIs(init, USL_SLOOP_STORE))
    return false;
  k = mlirOperationGetNextInBlock(init);
  if (!uslOpIs(k, USL_SLOOP_FOR) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(k),
                          mlirBlockGetTerminator(bj)))
    return false;
  MlirOperation loops[3] = {i, j, k};
  for (int l = 0; l < 3; ++l)
    if (!uslForGetConstantBounds(loops[l], &lb, &ub) || lb != 0 || ub % 4 ||
        uslForGetStep(loops[l]) != 1 || uslForGetKind(loops[l]) != USL_LOOP_SEQ)
      return false;
  /* The body, in this order: load A, load B, multiply, accumulate. */
  MlirBlock bk = uslForGetBody(k);
  MlirOperation la = mlirBlockGetFirstOperation(bk);
  MlirOperation lb2 = mlirOperationIsNull(la) ? la : mlirOperationGetNextInBlock(la);
  MlirOperation mul = mlirOperationIsNull(lb2) ? lb2 : mlirOperationGetNextInBlock(lb2);
  MlirOperation acc = mlirOperationIsNull(mul) ? mul : mlirOperationGetNextInBlock(mul);
  if (mlirOperationIsNull(acc) || !uslOpIs(la, USL_SLOOP_LOAD) ||
      !uslOpIs(lb2, USL_SLOOP_LOAD) ||
      !(uslOpIs(mul, "arith.muli") || uslOpIs(mul, "arith.mulf")) ||
      !uslOpIs(acc, USL_SLOOP_REDUCE) || uslReduceGetKind(acc) != USL_REDUCE_ADD ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(acc),
                          mlirBlockGetTerminator(bk)))
    return false;
  MlirType t = mlirValueGetType(mlirOperationGetResult(mul, 0));
  bool i32 = mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) == 32;
  if (!i32 && !mlirTypeIsAF32(t))
    return false;
  MlirValue c = uslAccessGetMemRef(acc);
  MlirValue zero = mlirOperationGetOperand(init, 0);
  MlirAttribute z = constantOf(zero);
  if (!mlirValueEqual(uslAccessGetMemRef(init), c) || mlirAttributeIsNull(z) ||
      !indexedBy(init, i, j) || !indexedBy(acc, i, j) ||
      !indexedBy(la, i, k) || !indexedBy(lb2, k, j) ||
      !mlirValueEqual(mlirOperationGetOperand(mul, 0),
                      mlirOperationGetResult(la, 0)) ||
      !mlirValueEqual(mlirOperationGetOperand(mul, 1),
                      mlirOperationGetResult(lb2, 0)) ||
      !mlirValueEqual(mlirOperationGetOperand(acc, 0),
                      mlirOperationGetResult(mul, 0)))
    return false;
  bool isZero = i32 ? mlirIntegerAttrGetValueInt(z) == 0
                    : mlirFloatAttrGetValueDouble(z) == 0.0;
  if (!isZero)
    return false;
  MlirValue buffers[3] = {uslAccessGetMemRef(la), uslAccessGetMemRef(lb2), c};
  for (int l = 0; l < 3; ++l)
    uslLoopName(loops[l], names[l], USL_MAX_STRING_OPTION);
  for (int b = 0; b < 3; ++b) {
    UslMemorySpace space;
    if (!uslMemRefTypeGetSpace(mlirValueGetType(buffers[b]), &space) ||
        uslMemorySpaceIsRegister(space))
      return false;
    uslBufferName(buffers[b], names[3 + b], USL_MAX_STRING_OPTION);
  }
  return true;
}

/* Default schedules are the example schedule files, compiled in, with the
 * example's loop and buffer names replaced by the nest's. */
typedef struct Renames {
  int numLoops, numBuffers;
  const char *loops[6], *buffers[6];          /* the example's names */
  char loopTo[6][USL_MAX_STRING_OPTION];      /* the nest's */
  char bufferTo[6][USL_MAX_STRING_OPTION];
} Renames;

static const char *embeddedSchedule(const char *name, size_t length) {
  static const struct {
    const char *name, *text;
  } files[] = {{"matmul-rvm.schedule", uslMatmulRvmSchedule},
               {"conv1d-rvm.schedule", uslConv1dRvmSchedule},
               {"conv1d-rvm-tiles.schedule", uslConv1dRvmTilesSchedule}};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; ++i)
    if (strlen(files[i].name) == length && !memcmp(files[i].name, name, length))
      return files[i].text;
  return NULL;
}

/* A name of the example schedule as the nest's: a buffer, or a loop with
 * the suffixes split and tile give its parts (o, i, oo, oi). */
static void renameName(const Renames *r, const char *token, size_t length,
                   char *out, size_t size) {
  for (int b = 0; b < r->numBuffers; ++b)
    if (strlen(r->buffers[b]) == length &&
        !memcmp(r->buffers[b], token, length)) {
      snprintf(out, size, "%s", r->bufferTo[b]);
      return;
    }
  static const char *const suffixes[] = {"", "o", "i", "oo", "oi"};
  for (int l = 0; l < r->numLoops; ++l) {
    size_t base = strlen(r->loops[l]);
    if (length < base || memcmp(r->loops[l], token, base))
      continue;
    for (size_t x = 0; x < sizeof suffixes / sizeof suffixes[0]; ++x)
      if (length - base == strlen(suffixes[x]) &&
          !memcmp(token + base, suffixes[x], length - base)) {
        snprintf(out, size, "%s%s", r->loopTo[l], suffixes[x]);
        return;
      }
  }
  snprintf(out, size, "%.*s", (int)length, token);
}

/* One line of a schedule file (`--name=options`) as a directive of the
 * nest: the values of loop=, loops=, by= and buffer= renamed. */
static void translate(const Renames *r, const char *line, size_t length,
                      char *out, size_t size) {
  size_t used = 0, i = 2; /* past "--" */
  while (i < length && line[i] != '=' && used + 1 < size)
    out[used++] = line[i++];
  ++i;
  while (i < length && used + 1 < size) {
    out[used++] = ' ';
    size_t key = i;
    while (i < length && line[i] != '=' && line[i] != ' ')
      ++i;
    size_t keyLength = i - key;
    used += (size_t)snprintf(out + used, size - used, "%.*s", (int)keyLength,
                             line + key);
    if (i < length && line[i] == '=') {
      ++i;
      bool names = (keyLength == 4 && !memcmp(line + key, "loop", 4)) ||
                   (keyLength == 5 && !memcmp(line + key, "loops", 5)) ||
                   (keyLength == 2 && !memcmp(line + key, "by", 2)) ||
                   (keyLength == 6 && !memcmp(line + key, "buffer", 6));
      out[used++] = '=';
      while (i < length && line[i] != ' ' && used + 1 < size) {
        size_t item = i;
        while (i < length && line[i] != ',' && line[i] != ' ')
          ++i;
        char renamed[USL_MAX_STRING_OPTION];
        if (names)
          renameName(r, line + item, i - item, renamed, sizeof renamed);
        else
          snprintf(renamed, sizeof renamed, "%.*s", (int)(i - item),
                   line + item);
        used += (size_t)snprintf(out + used, size - used, "%s", renamed);
        if (i < length && line[i] == ',' && used + 1 < size)
          out[used++] = line[i++];
      }
    }
    while (i < length && line[i] == ' ')
      ++i;
  }
  out[used < size ? used : size - 1] = 0;
}

static bool applySchedule(MlirOperation module, MlirOperation func,
                          const char *text, const Renames *r) {
  for (const char *line = text; *line;) {
    const char *end = strchr(line, '\n');
    size_t length = end ? (size_t)(end - line) : strlen(line);
    while (length && (line[length - 1] == ' ' || line[length - 1] == '\r'))
      --length;
    if (length && line[0] == '@') {
      const char *included = embeddedSchedule(line + 1, length - 1);
      if (!included || !applySchedule(module, func, included, r))
        return false;
    } else if (length > 2 && line[0] == '-' && line[1] == '-') {
      char directive[4 * USL_MAX_STRING_OPTION];
      translate(r, line, length, directive, sizeof directive);
      if (mlirLogicalResultIsFailure(
              uslApplyDirectiveText(module, func, directive)))
        return false;
    }
    line = end ? end + 1 : line + length;
  }
  return true;
}

/* Whether the names a default schedule introduces are free in `func`. */
static bool namesFree(MlirOperation func, const Renames *r,
                      const char *const *buffers, int numBuffers) {
  static const char *const suffixes[] = {"o", "i", "oo", "oi"};
  for (int l = 0; l < r->numLoops; ++l)
    for (int x = 0; x < 4; ++x) {
      char name[USL_MAX_STRING_OPTION + 3];
      snprintf(name, sizeof name, "%s%s", r->loopTo[l], suffixes[x]);
      if (loopNamed(func, name))
        return false;
    }
  for (int b = 0; b < numBuffers; ++b)
    if (bufferNamed(func, buffers[b]))
      return false;
  return true;
}

/* The only op of a loop's body, when it is a loop. */
static MlirOperation onlyLoop(MlirOperation loop) {
  MlirBlock b = uslForGetBody(loop);
  MlirOperation first = mlirBlockGetFirstOperation(b);
  return uslOpIs(first, USL_SLOOP_FOR) &&
                 mlirOperationEqual(mlirOperationGetNextInBlock(first),
                                    mlirBlockGetTerminator(b))
             ? first
             : (MlirOperation){NULL};
}

/* A conv1d-like nest at `i`, the shape of examples/conv1d-rvm.mlir:
 * for i { for j { out[i,j] = 0; for c { for r { y = (guarded data or 0);
 * out[i,j] += kernels[i,c,r] * y } } } } in int32, with i a multiple of
 * 16, j of 4 and r of width 4; names of loops i, j, c, r and buffers out,
 * y, kernels in `names`. */
static bool convLike(MlirOperation i, char names[][USL_MAX_STRING_OPTION]) {
  MlirOperation j = onlyLoop(i);
  if (mlirOperationIsNull(j))
    return false;
  MlirBlock bj = uslForGetBody(j);
  MlirOperation init = mlirBlockGetFirstOperation(bj);
  MlirOperation c = mlirOperationIsNull(init) ? init : mlirOperationGetNextInBlock(init);
  if (!uslOpIs(init, USL_SLOOP_STORE) || !uslOpIs(c, USL_SLOOP_FOR) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(c),
                          mlirBlockGetTerminator(bj)))
    return false;
  MlirOperation r = onlyLoop(c);
  if (mlirOperationIsNull(r))
    return false;
  MlirOperation loops[4] = {i, j, c, r};
  int64_t multiple[4] = {16, 4, 1, 4};
  for (int l = 0; l < 4; ++l) {
    int64_t lb, ub;
    if (!uslForGetConstantBounds(loops[l], &lb, &ub) || lb != 0 ||
        ub % multiple[l] || uslForGetStep(loops[l]) != 1 ||
        uslForGetKind(loops[l]) != USL_LOOP_SEQ || (l == 3 && ub != 4))
      return false;
  }
  /* r's body: y's alloc, its guarded definition, the kernel and y loads,
   * the product and the accumulation into out[i, j]. */
  MlirOperation ops[6];
  MlirOperation o = mlirBlockGetFirstOperation(uslForGetBody(r));
  for (int k = 0; k < 6; ++k) {
    if (mlirOperationIsNull(o))
      return false;
    ops[k] = o;
    o = mlirOperationGetNextInBlock(o);
  }
  if (!mlirOperationEqual(o, mlirBlockGetTerminator(uslForGetBody(r))) ||
      !uslOpIs(ops[0], USL_SLOOP_ALLOC) || !uslOpIs(ops[1], USL_SLOOP_IF) ||
      !uslOpIs(ops[2], USL_SLOOP_LOAD) || !uslOpIs(ops[3], USL_SLOOP_LOAD) ||
      !uslOpIs(ops[4], "arith.muli") || !uslOpIs(ops[5], USL_SLOOP_REDUCE) ||
      uslReduceGetKind(ops[5]) != USL_REDUCE_ADD)
    return false;
  MlirValue y = mlirOperationGetResult(ops[0], 0);
  MlirValue out = uslAccessGetMemRef(ops[5]);
  MlirValue kernels = uslAccessGetMemRef(ops[2]);
  MlirType yt = mlirValueGetType(y);
  MlirType et = mlirShapedTypeGetElementType(yt);
  if (mlirShapedTypeGetRank(yt) != 0 || !mlirTypeIsAInteger(et) ||
      mlirIntegerTypeGetWidth(et) != 32 ||
      !mlirValueEqual(uslAccessGetMemRef(ops[3]), y) ||
      !mlirValueEqual(uslAccessGetMemRef(init), out) ||
      !indexedBy(init, i, j) || !indexedBy(ops[5], i, j) ||
      mlirAffineMapGetNumResults(uslAccessGetMap(ops[2])) != 3 ||
      !mlirValueEqual(mlirOperationGetOperand(ops[4], 0),
                      mlirOperationGetResult(ops[2], 0)) ||
      !mlirValueEqual(mlirOperationGetOperand(ops[4], 1),
                      mlirOperationGetResult(ops[3], 0)) ||
      !mlirValueEqual(mlirOperationGetOperand(ops[5], 0),
                      mlirOperationGetResult(ops[4], 0)))
    return false;
  /* y is written only in the guard, out and kernels are ordinary buffers */
  for (MlirOpOperand use = mlirValueGetFirstUse(y); !mlirOpOperandIsNull(use);
       use = mlirOpOperandGetNextUse(use))
    if (!uslIsInside(mlirOpOperandGetOwner(use), ops[1]) &&
        !mlirOperationEqual(mlirOpOperandGetOwner(use), ops[3]))
      return false;
  MlirValue buffers[2] = {out, kernels};
  for (int b = 0; b < 2; ++b) {
    UslMemorySpace space;
    if (!uslMemRefTypeGetSpace(mlirValueGetType(buffers[b]), &space) ||
        uslMemorySpaceIsRegister(space))
      return false;
  }
  for (int l = 0; l < 4; ++l)
    uslLoopName(loops[l], names[l], USL_MAX_STRING_OPTION);
  uslBufferName(out, names[4], USL_MAX_STRING_OPTION);
  uslBufferName(y, names[5], USL_MAX_STRING_OPTION);
  uslBufferName(kernels, names[6], USL_MAX_STRING_OPTION);
  return true;
}

/* A default: which nests it recognises (their loop names, then their
 * buffer names, in the order of the example's), the example's names, the
 * names its schedule creates, and the schedule. */
typedef struct DefaultSchedule {
  bool (*recognise)(MlirOperation, char names[][USL_MAX_STRING_OPTION]);
  int numLoops, numBuffers, numMade;
  const char *loops[6], *buffers[6], *made[4];
  const char *text;
} DefaultSchedule;

static const DefaultSchedule defaultSchedules[] = {
    {matmulLike, 3, 3, 4, {"i", "j", "k"}, {"A", "B", "C"},
     {"acc", "a_tile", "b_tile", "b_reg"}, uslMatmulRvmSchedule},
    {convLike, 4, 3, 3, {"i", "j", "c", "r"}, {"out", "y", "kernels"},
     {"out_tile", "kernel_tile", "data_tile"}, uslConv1dRvmSchedule},
};

/* 1 when a default scheduled the nest at `i`, 0 when none applies, -1 when
 * a step failed (with its error). */
static int scheduleNest(MlirOperation module, MlirOperation func,
                        MlirOperation i) {
  for (size_t k = 0; k < sizeof defaultSchedules / sizeof defaultSchedules[0];
       ++k) {
    const DefaultSchedule *d = &defaultSchedules[k];
    char n[12][USL_MAX_STRING_OPTION];
    if (!d->recognise(i, n))
      continue;
    Renames r = {.numLoops = d->numLoops, .numBuffers = d->numBuffers};
    for (int l = 0; l < d->numLoops; ++l) {
      r.loops[l] = d->loops[l];
      snprintf(r.loopTo[l], sizeof r.loopTo[l], "%s", n[l]);
    }
    for (int b = 0; b < d->numBuffers; ++b) {
      r.buffers[b] = d->buffers[b];
      snprintf(r.bufferTo[b], sizeof r.bufferTo[b], "%s", n[d->numLoops + b]);
    }
    if (!namesFree(func, &r, d->made, d->numMade))
      return 0;
    return applySchedule(module, func, d->text, &r) ? 1 : -1;
  }
  return 0;
}

/* A function with no tile yet gets the default: its first matmul-like nest
 * scheduled onto the tiles (the directives rename its loops, so one per
 * function). A step that fails is an error. */
static bool applyDefault(MlirOperation module, MlirOperation func) {
  bool tiles = false;
  mlirOperationWalk(func, findTile, &tiles, MlirWalkPreOrder);
  if (tiles)
    return true;
  const char *forName[] = {USL_SLOOP_FOR};
  UslOpList loops = {0};
  uslCollectOps(func, forName, 1, MlirWalkPreOrder, &loops);
  bool ok = true;
  for (size_t l = 0; l < loops.size && ok; ++l) {
    int done = scheduleNest(module, func, loops.ops[l]);
    if (done == 0)
      continue;
    ok = done > 0;
    break;
  }
  uslOpListFree(&loops);
  return ok;
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

typedef struct LowerRvmOptions {
  char library[USL_MAX_PATH_OPTION];
} LowerRvmOptions;

static const LowerRvmOptions defaults = {.library = ""};

static const UslOptionSpec options[] = {
    {"library", USL_OPTION_PATH, offsetof(LowerRvmOptions, library),
     "an .mlir file of more instructions", 0, 0},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const LowerRvmOptions *o = opaque;
  MlirContext ctx = mlirOperationGetContext(module);
  Library lib = {0};
  bool ok = libraryAdd(&lib, ctx,
                       mlirStringRefCreateFromCString(uslRvmInstructionLibrary),
                       NULL, "instructions/rvm.mlir");
  if (ok && o->library[0]) {
    FILE *f = fopen(o->library, "rb");
    if (!f) {
      uslEmitErrorf(mlirOperationGetLocation(module),
                    "'lower-rvm': cannot read the instruction library '%s'",
                    o->library);
      ok = false;
    } else {
      fclose(f);
      ok = libraryAdd(&lib, ctx, (MlirStringRef){NULL, 0}, o->library,
                      o->library);
    }
  }
  const char *funcName[] = {"func.func"};
  UslOpList funcs = {0};
  uslCollectOps(module, funcName, 1, MlirWalkPreOrder, &funcs);
  for (size_t f = 0; f < funcs.size && ok; ++f) {
    ok = applyDefault(module, funcs.ops[f]) && prepareTiles(funcs.ops[f]);
    /* Outermost first: a selected nest goes with the loops inside it. */
    bool changed = true;
    while (ok && changed) {
      changed = false;
      const char *forName[] = {USL_SLOOP_FOR};
      UslOpList loops = {0};
      uslCollectOps(funcs.ops[f], forName, 1, MlirWalkPreOrder, &loops);
      for (size_t i = 0; i < loops.size && !changed; ++i)
        for (size_t k = 0; k < lib.size && !changed; ++k) {
          Match m;
          if (tryMatch(&lib.items[k], loops.ops[i], &m)) {
            rewrite(&m);
            changed = true;
          }
        }
      uslOpListFree(&loops);
    }
    if (ok) {
      dropDeadTileWrites(funcs.ops[f]);
      dropDeadArithmetic(funcs.ops[f]);
    }
    if (ok)
      ok = uslRvmAllocateTiles(funcs.ops[f]);
  }
  uslOpListFree(&funcs);
  libraryFree(&lib);
  return ok ? mlirLogicalResultSuccess() : mlirLogicalResultFailure();
}

static intptr_t dependentDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__arith__();
  out[1] = mlirGetDialectHandle__sloop__();
  out[2] = mlirGetDialectHandle__tmem__();
  out[3] = mlirGetDialectHandle__rvm__();
  return 4;
}

const UslPassInfo uslLowerRvmPass = {
    .argument = "lower-rvm",
    .summary = "select RVM instructions for the loop nests that compute what "
               "an instruction computes on tiles in rvm_tile, then allocate "
               "tile registers",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(LowerRvmOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = dependentDialects,
};
