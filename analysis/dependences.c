/*===- dependences.c - exact dependences of scheduled loops (isl) --------===*
 *
 * The model is written as isl text ("[p0] -> { S3[i0, i1] : 0 <= i0 < p0 }")
 * and parsed by isl: affine expressions translate one to one, and the text
 * is what one reads when debugging. See dependences.h for the semantics.
 *
 *===---------------------------------------------------------------------===*/

#include "dependences.h"
#include "memory.h"

#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/AffineExpr.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <isl/ctx.h>
#include <isl/map.h>
#include <isl/options.h>
#include <isl/point.h>
#include <isl/set.h>
#include <isl/space.h>
#include <isl/union_map.h>
#include <isl/flow.h>
#include <isl/union_set.h>
#include <isl/val.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*--- growable strings ---------------------------------------------------------*/

typedef struct Str {
  char *data;
  size_t length, capacity;
} Str;

static void strAppendf(Str *s, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static void strAppendf(Str *s, const char *format, ...) {
  for (;;) {
    va_list args;
    va_start(args, format);
    size_t room = s->capacity - s->length;
    int n = vsnprintf(s->data ? s->data + s->length : NULL, room, format, args);
    va_end(args);
    if (n >= 0 && (size_t)n < room) {
      s->length += (size_t)n;
      return;
    }
    s->capacity = 2 * s->capacity + (size_t)n + 64;
    s->data = realloc(s->data, s->capacity);
  }
}

static void strReset(Str *s) {
  s->length = 0;
  if (s->data)
    s->data[0] = '\0';
}

static void appendTuple(Str *s, const char *prefix, int n) {
  for (int i = 0; i < n; ++i)
    strAppendf(s, "%s%s%d", i ? ", " : "", prefix, i);
}

/*--- the model ------------------------------------------------------------------*/

enum { ACCESS_READ = 1, ACCESS_WRITE = 2, ACCESS_REDUCE = 3 };

/* One entry of an op's position: a block index, or a loop variable. */
typedef struct PathEntry {
  bool isLoop;
  int value; /* block position or region index; loop depth when isLoop */
} PathEntry;

enum { MAX_PATH = 3 * USL_DEPS_MAX_DEPTH + 8 };

typedef struct Stmt {
  MlirOperation op;
  int kind;
  int reduceKind;
  int depth;
  MlirOperation loops[USL_DEPS_MAX_DEPTH];
  int pathLength;
  PathEntry path[MAX_PATH];
  bool affine;
  /* When not affine, why: an op and what about it (for messages). */
  MlirOperation whyOp;
  const char *why;
  int kindBits;
  int buffer; /* the one buffer it addresses, or -1 */
  int *touched, numTouched; /* every buffer its access relation reaches */
  isl_union_map *access;   /* domain-restricted, S -> B */
  isl_union_map *reads, *writes; /* the parts it reads, writes */
  isl_union_map *schedule; /* domain-restricted, S -> [W] */
} Stmt;

typedef struct Buffer {
  UslMemView view; /* of its root */
  MlirValue value;
  int rank;
  int allocDepth; /* loops around the allocation: private copies */
  MlirOperation allocLoops[USL_DEPS_MAX_DEPTH];
} Buffer;

struct UslDeps {
  isl_ctx *ctx;
  MlirOperation func;
  MlirBlock entry;
  Stmt *stmts;
  int numStmts;
  Buffer *buffers;
  int numBuffers;
  MlirValue *params;
  int numParams;
  int width;
  Str paramDecl; /* "[p0, p1] -> " */
  /* An access nested too deep to model, and its depth: every query then
   * answers the conservative way, and the description says why. */
  MlirOperation tooDeep;
  int tooDeepDepth;
  int tooMany; /* or the number of accesses, past USL_DEPS_MAX_ACCESSES */
};

/* Loops around `op` and ops between it and `func`. */
static void nesting(MlirOperation op, MlirOperation func, int *loops,
                    int *ops) {
  *loops = *ops = 0;
  for (MlirOperation p = mlirOperationGetParentOperation(op);
       !mlirOperationIsNull(p) && !mlirOperationEqual(p, func);
       p = mlirOperationGetParentOperation(p)) {
    ++*ops;
    *loops += uslOpIs(p, USL_SLOOP_FOR);
  }
}

/* Fills `v` for a model that was not built; returns `answer`. */
static bool unmodelled(const UslDeps *d, UslDepViolation *v, bool answer) {
  memset(v, 0, sizeof *v);
  v->first = v->second = d->tooDeep;
  v->rank = -1;
  v->conservative = true;
  v->tooDeepDepth = d->tooDeepDepth;
  v->tooMany = d->tooMany;
  return answer;
}

static bool opIs(MlirOperation op, const char *name) { return uslOpIs(op, name); }

static int indexInBlock(MlirOperation op) {
  int i = 0;
  for (MlirOperation o = mlirBlockGetFirstOperation(mlirOperationGetBlock(op));
       !mlirOperationEqual(o, op); o = mlirOperationGetNextInBlock(o))
    ++i;
  return i;
}

static int regionIndexOf(MlirOperation parent, MlirBlock block) {
  MlirRegion region = mlirBlockGetParentRegion(block);
  for (intptr_t r = 0; r < mlirOperationGetNumRegions(parent); ++r)
    if (mlirRegionEqual(mlirOperationGetRegion(parent, r), region))
      return (int)r;
  return 0;
}

/* The sloop.for loops around `op`, outermost first, below `func`. */
static int enclosingLoops(MlirOperation op, MlirOperation func,
                          MlirOperation *loops) {
  MlirOperation chain[4 * USL_DEPS_MAX_DEPTH];
  int n = 0, depth = 0;
  for (MlirOperation p = mlirOperationGetParentOperation(op);
       !mlirOperationIsNull(p) && !mlirOperationEqual(p, func) &&
       n < 4 * USL_DEPS_MAX_DEPTH;
       p = mlirOperationGetParentOperation(p))
    chain[n++] = p;
  for (int i = n - 1; i >= 0; --i)
    if (opIs(chain[i], USL_SLOOP_FOR) && depth < USL_DEPS_MAX_DEPTH)
      loops[depth++] = chain[i];
  return depth;
}

/* The position of `op` as a path from the function body: block positions,
 * with the variable of each enclosing loop and the region index of each
 * other enclosing op in between. */
static int pathOf(MlirOperation op, MlirOperation func, PathEntry *path) {
  MlirOperation chain[4 * USL_DEPS_MAX_DEPTH + 1];
  int n = 0;
  for (MlirOperation p = op; !mlirOperationIsNull(p) && !mlirOperationEqual(p, func) &&
                             n < 4 * USL_DEPS_MAX_DEPTH + 1;
       p = mlirOperationGetParentOperation(p))
    chain[n++] = p;
  int length = 0, depth = 0;
  for (int i = n - 1; i >= 0 && length + 2 <= MAX_PATH; --i) {
    path[length++] = (PathEntry){false, indexInBlock(chain[i])};
    if (i == 0)
      break;
    if (opIs(chain[i], USL_SLOOP_FOR))
      path[length++] = (PathEntry){true, depth++};
    else
      path[length++] = (PathEntry){
          false, regionIndexOf(chain[i], mlirOperationGetBlock(chain[i - 1]))};
  }
  return length;
}

/* Index of the value's parameter, registering it. */
static int paramIndex(UslDeps *d, MlirValue v) {
  for (int i = 0; i < d->numParams; ++i)
    if (mlirValueEqual(d->params[i], v))
      return i;
  d->params = realloc(d->params, (size_t)(d->numParams + 1) * sizeof *d->params);
  d->params[d->numParams] = v;
  return d->numParams++;
}

/* The isl name of `v` seen from inside `loops[0..depth)`: "i<k>" for a loop
 * variable, "p<k>" for a value of the function's entry block; false when it
 * varies in a way the model does not follow. */
static bool nameOf(UslDeps *d, MlirValue v, MlirOperation *loops, int depth,
                   char *out, size_t size) {
  for (int k = 0; k < depth; ++k)
    if (mlirValueEqual(v, uslForGetInductionVar(loops[k]))) {
      snprintf(out, size, "i%d", k);
      return true;
    }
  MlirBlock owner = mlirValueIsABlockArgument(v)
                        ? mlirBlockArgumentGetOwner(v)
                        : mlirOperationGetBlock(mlirOpResultGetOwner(v));
  if (!mlirBlockEqual(owner, d->entry) ||
      !mlirTypeIsAIndex(mlirValueGetType(v)))
    return false;
  snprintf(out, size, "p%d", paramIndex(d, v));
  return true;
}

/* Names dimension `pos` of an expression in isl text; false when the
 * dimension stands for something the model does not follow. */
typedef bool (*DimNamer)(const void *ctx, intptr_t pos, Str *out);

/* Appends the isl form of `e`; false when it is not affine in names the
 * namer knows. */
static bool appendExprWith(Str *out, MlirAffineExpr e, DimNamer namer,
                           const void *ctx) {
  if (mlirAffineExprIsAConstant(e)) {
    strAppendf(out, "(%lld)", (long long)mlirAffineConstantExprGetValue(e));
    return true;
  }
  if (mlirAffineExprIsADim(e)) {
    return namer(ctx, mlirAffineDimExprGetPosition(e), out);
  }
  if (mlirAffineExprIsASymbol(e))
    return false; /* maps built by USL have dimensions only */
  MlirAffineExpr lhs = mlirAffineBinaryOpExprGetLHS(e);
  MlirAffineExpr rhs = mlirAffineBinaryOpExprGetRHS(e);
  if (mlirAffineExprIsAAdd(e)) {
    strAppendf(out, "(");
    if (!appendExprWith(out, lhs, namer, ctx))
      return false;
    strAppendf(out, " + ");
    if (!appendExprWith(out, rhs, namer, ctx))
      return false;
    strAppendf(out, ")");
    return true;
  }
  if (mlirAffineExprIsAMul(e)) {
    if (mlirAffineExprIsAConstant(lhs)) {
      MlirAffineExpr t = lhs;
      lhs = rhs;
      rhs = t;
    }
    if (!mlirAffineExprIsAConstant(rhs))
      return false;
    strAppendf(out, "(%lld * ", (long long)mlirAffineConstantExprGetValue(rhs));
    if (!appendExprWith(out, lhs, namer, ctx))
      return false;
    strAppendf(out, ")");
    return true;
  }
  if (!mlirAffineExprIsAConstant(rhs) ||
      mlirAffineConstantExprGetValue(rhs) <= 0)
    return false;
  long long c = (long long)mlirAffineConstantExprGetValue(rhs);
  const char *fn = mlirAffineExprIsAFloorDiv(e)  ? "floor"
                   : mlirAffineExprIsACeilDiv(e) ? "ceil"
                                                 : NULL;
  strAppendf(out, fn ? "%s((" : "((", fn ? fn : "");
  if (!appendExprWith(out, lhs, namer, ctx))
    return false;
  if (fn)
    strAppendf(out, ")/%lld)", c);
  else
    strAppendf(out, ") mod %lld)", c);
  return true;
}

typedef struct OperandNamer {
  UslDeps *deps;
  const MlirValue *operands;
  MlirOperation *loops;
  int depth;
} OperandNamer;

static bool nameOperand(const void *ctx, intptr_t pos, Str *out) {
  const OperandNamer *n = ctx;
  char name[32];
  if (!nameOf(n->deps, n->operands[pos], n->loops, n->depth, name,
              sizeof name))
    return false;
  strAppendf(out, "%s", name);
  return true;
}

/* Appends `e`, whose dimension k is operand k of `operands`. */
static bool appendExpr(UslDeps *d, Str *out, MlirAffineExpr e,
                       const MlirValue *operands, MlirOperation *loops,
                       int depth) {
  OperandNamer namer = {d, operands, loops, depth};
  return appendExprWith(out, e, nameOperand, &namer);
}

static bool nameFreeDim(const void *ctx, intptr_t pos, Str *out) {
  (void)ctx;
  strAppendf(out, "d%ld", (long)pos);
  return true;
}

bool uslAffineIsMultipleOf(MlirAffineExpr e, int numDims, int64_t factor) {
  if (mlirAffineExprIsAConstant(e))
    return mlirAffineConstantExprGetValue(e) % factor == 0;
  Str text = {0};
  strAppendf(&text, "[");
  appendTuple(&text, "d", numDims);
  strAppendf(&text, "] -> { [] : (");
  bool ok = appendExprWith(&text, e, nameFreeDim, NULL);
  strAppendf(&text, ") mod %lld >= 1 }", (long long)factor);
  bool multiple = false;
  if (ok) {
    isl_ctx *ctx = isl_ctx_alloc();
    isl_options_set_on_error(ctx, ISL_ON_ERROR_CONTINUE);
    isl_set *rest = isl_set_read_from_str(ctx, text.data);
    multiple = rest && isl_set_is_empty(rest) == isl_bool_true;
    isl_set_free(rest);
    isl_ctx_free(ctx);
  }
  free(text.data);
  return multiple;
}

/* Appends result `pos` of `map` over operands [first, ...) of `op`. */
static bool appendMapResult(UslDeps *d, Str *out, MlirAffineMap map,
                            intptr_t pos, MlirOperation op, intptr_t first,
                            MlirOperation *loops, int depth) {
  intptr_t n = mlirAffineMapGetNumInputs(map);
  MlirValue operands[64];
  if (n > 64)
    return false;
  for (intptr_t i = 0; i < n; ++i)
    operands[i] = mlirOperationGetOperand(op, first + i);
  return appendExpr(d, out, mlirAffineMapGetResult(map, pos), operands, loops,
                    depth);
}

/*--- statements -----------------------------------------------------------------*/

/* The buffer of the root of `view`, registering it. */
static int bufferIndex(UslDeps *d, const UslMemView *view) {
  for (int i = 0; i < d->numBuffers; ++i)
    if (uslMemSameRoot(&d->buffers[i].view, view))
      return i;
  d->buffers = realloc(d->buffers, (size_t)(d->numBuffers + 1) * sizeof *d->buffers);
  Buffer *b = &d->buffers[d->numBuffers];
  memset(b, 0, sizeof *b);
  b->view = *view;
  b->value = view->root;
  b->rank = view->rootRank < 0 ? 0 : view->rootRank;
  /* A fresh allocation in every iteration of the loops around it. */
  if (view->kind == USL_MEM_ROOT_ALLOC)
    b->allocDepth = enclosingLoops(view->rootOp, d->func, b->allocLoops);
  return d->numBuffers++;
}

/* "S<k>[i0, ..., i<d-1>]" */
static void appendStmtTuple(Str *s, int index, int depth) {
  strAppendf(s, "S%d[", index);
  appendTuple(s, "i", depth);
  strAppendf(s, "]");
}

/* The iteration domain of a statement (or of `op` in general). */
static void appendDomain(UslDeps *d, Str *s, MlirOperation op, Stmt *stmt) {
  /* Walk the ops enclosing `op`, outermost first, adding their constraints. */
  MlirOperation chain[4 * USL_DEPS_MAX_DEPTH + 1];
  int n = 0, depth = 0;
  for (MlirOperation p = op; !mlirOperationIsNull(p) && !mlirOperationEqual(p, d->func) &&
                             n < 4 * USL_DEPS_MAX_DEPTH + 1;
       p = mlirOperationGetParentOperation(p))
    chain[n++] = p;
  strAppendf(s, "true");
  Str c = {0};
  for (int i = n - 1; i >= 1; --i) {
    MlirOperation p = chain[i];
    if (opIs(p, USL_SLOOP_FOR)) {
      char iv[16];
      snprintf(iv, sizeof iv, "i%d", depth);
      intptr_t numLb = uslForGetNumLowerBoundOperands(p);
      strReset(&c);
      bool lbOk = appendMapResult(d, &c, uslForGetLowerBoundMap(p), 0, p, 0,
                                  stmt->loops, depth);
      if (lbOk) {
        strAppendf(s, " and %s <= %s", c.data, iv);
        if (uslForGetStep(p) != 1)
          strAppendf(s, " and (%s - %s) mod %lld = 0", iv, c.data,
                     (long long)uslForGetStep(p));
      }
      strReset(&c);
      bool ubOk = appendMapResult(d, &c, uslForGetUpperBoundMap(p), 0, p,
                                  numLb, stmt->loops, depth);
      if (ubOk)
        strAppendf(s, " and %s < %s", iv, c.data);
      if (!lbOk || !ubOk)
        stmt->affine = false;
      ++depth;
    } else if (opIs(p, USL_SLOOP_IF)) {
      MlirIntegerSet set = uslIfGetCondition(p);
      int region = regionIndexOf(p, mlirOperationGetBlock(chain[i - 1]));
      strReset(&c);
      bool ok = true;
      MlirValue operands[64];
      intptr_t numInputs = mlirIntegerSetGetNumInputs(set);
      if (numInputs > 64)
        ok = false;
      for (intptr_t k = 0; ok && k < numInputs; ++k)
        operands[k] = mlirOperationGetOperand(p, k);
      strAppendf(&c, "true");
      for (intptr_t k = 0; ok && k < mlirIntegerSetGetNumConstraints(set); ++k) {
        strAppendf(&c, " and ");
        ok = appendExpr(d, &c, mlirIntegerSetGetConstraint(set, k), operands,
                        stmt->loops, depth);
        strAppendf(&c, mlirIntegerSetIsConstraintEq(set, k) ? " = 0" : " >= 0");
      }
      if (ok)
        strAppendf(s, region == 0 ? " and (%s)" : " and not (%s)", c.data);
      else
        stmt->affine = false;
    }
  }
  free(c.data);
}

/* "B<b>[o0, ...]": every element of buffer b. */
static void appendWholeBuffer(Str *s, const Buffer *b, int index) {
  strAppendf(s, "B%d[", index);
  appendTuple(s, "o", b->allocDepth + b->rank);
  strAppendf(s, "]");
}

/* True when `stmt` runs inside the loops around b's allocation, so that it
 * can reach only the copy of its own iteration of them. */
static bool inOwnCopy(const Stmt *stmt, const Buffer *b) {
  if (stmt->depth < b->allocDepth)
    return false;
  for (int k = 0; k < b->allocDepth; ++k)
    if (!mlirOperationEqual(stmt->loops[k], b->allocLoops[k]))
      return false;
  return true;
}

/* Every element of b that `stmt` can reach: "B<b>[i0, .., o<d>, ...]" with
 * the variables of the allocation's loops when it runs inside them. */
static void appendReachable(Str *s, const Stmt *stmt, const Buffer *b,
                            int index) {
  if (!b->allocDepth || !inOwnCopy(stmt, b)) {
    appendWholeBuffer(s, b, index);
    return;
  }
  strAppendf(s, "B%d[", index);
  appendTuple(s, "i", b->allocDepth);
  for (int k = 0; k < b->rank; ++k)
    strAppendf(s, ", o%d", b->allocDepth + k);
  strAppendf(s, "]");
}

/* Names the dimensions of a view's map: its indices are the access's index
 * expressions (or the existential e<k>), the rest the view's operands. */
typedef struct ViewNamer {
  UslDeps *deps;
  Stmt *stmt;
  const UslMemAccess *access;
  const UslMemView *view;
  bool existential; /* the view's indices are e<k>, not the access's */
} ViewNamer;

static bool nameViewDim(const void *ctx, intptr_t pos, Str *out) {
  const ViewNamer *n = ctx;
  if (pos < n->view->rank && n->existential) {
    strAppendf(out, "e%ld", (long)pos);
    return true;
  }
  if (pos < n->view->rank) {
    strAppendf(out, "(");
    bool ok = appendMapResult(n->deps, out, n->access->map, pos,
                              n->stmt->op, n->access->first, n->stmt->loops,
                              n->stmt->depth);
    strAppendf(out, ")");
    return ok;
  }
  char name[32];
  if (!nameOf(n->deps, n->view->operands[pos - n->view->rank],
              n->stmt->loops, n->stmt->depth, name, sizeof name))
    return false;
  strAppendf(out, "%s", name);
  return true;
}

/* Appends "B<b>[...]", the element of the root the access touches; false
 * when it is not affine in the names the model follows. */
static bool appendAccessRange(UslDeps *d, Str *s, Stmt *stmt, int buffer,
                              const UslMemAccess *access,
                              const UslMemView *view) {
  Buffer *b = &d->buffers[buffer];
  /* Private copies: the variables of the loops around the allocation, which
   * are the outermost loops around the access. */
  if (!view->exact || !access->indexed ||
      mlirAffineMapGetNumResults(access->map) != view->rank ||
      !inOwnCopy(stmt, b))
    return false;
  strAppendf(s, "B%d[", buffer);
  appendTuple(s, "i", b->allocDepth);
  ViewNamer namer = {d, stmt, access, view, false};
  bool ok = true;
  for (intptr_t r = 0; ok && r < mlirAffineMapGetNumResults(view->map); ++r) {
    strAppendf(s, "%s", r || b->allocDepth ? ", " : "");
    ok = appendExprWith(s, mlirAffineMapGetResult(view->map, r), nameViewDim,
                        &namer);
  }
  strAppendf(s, "]");
  return ok;
}

/* For an op that touches all of a view (an instruction on a window): the
 * range "B<b>[..., o<k>, ...]" and, in `cond`, that o is the image of an
 * index inside the view's shape. */
static bool appendFootprint(UslDeps *d, Str *s, Str *cond, Stmt *stmt,
                            int buffer, const UslMemAccess *access,
                            const UslMemView *view) {
  Buffer *b = &d->buffers[buffer];
  if (!view->exact || access->indexed || !inOwnCopy(stmt, b))
    return false;
  MlirType type = mlirValueGetType(access->memref);
  if (!mlirTypeIsAMemRef(type) ||
      mlirShapedTypeGetRank(type) != view->rank)
    return false;
  appendReachable(s, stmt, b, buffer);
  strAppendf(cond, "exists (");
  appendTuple(cond, "e", view->rank);
  strAppendf(cond, "%strue", view->rank ? " : " : ": ");
  ViewNamer namer = {d, stmt, access, view, true};
  bool ok = true;
  for (intptr_t r = 0; ok && r < mlirAffineMapGetNumResults(view->map); ++r) {
    strAppendf(cond, " and o%ld = ", (long)(b->allocDepth + r));
    ok = appendExprWith(cond, mlirAffineMapGetResult(view->map, r),
                        nameViewDim, &namer);
  }
  for (int k = 0; ok && k < view->rank; ++k) {
    strAppendf(cond, " and e%d >= 0", k);
    int64_t size = mlirShapedTypeGetDimSize(type, k);
    if (!mlirShapedTypeIsDynamicSize(size))
      strAppendf(cond, " and e%d < %lld", k, (long long)size);
  }
  strAppendf(cond, ")");
  return ok;
}


static isl_union_map *readUnionMap(UslDeps *d, const char *text) {
  isl_union_map *m = isl_union_map_read_from_str(d->ctx, text);
  if (!m) {
    fprintf(stderr, "usl: internal error: isl rejected '%s'\n", text);
    abort(); /* the text is built here; a parse error is a USL bug */
  }
  return m;
}

/* Records the first reason a statement is described conservatively. */
static void noteWhy(Stmt *stmt, MlirOperation op, const char *why) {
  stmt->affine = false;
  if (stmt->why)
    return;
  stmt->whyOp = mlirOperationIsNull(op) ? stmt->op : op;
  stmt->why = why;
}

static bool stmtTouches(const Stmt *s, int buffer) {
  for (int i = 0; i < s->numTouched; ++i)
    if (s->touched[i] == buffer)
      return true;
  return false;
}

static void touch(Stmt *s, int buffer) {
  if (stmtTouches(s, buffer))
    return;
  s->touched = realloc(s->touched, (size_t)(s->numTouched + 1) * sizeof *s->touched);
  s->touched[s->numTouched++] = buffer;
}

/* Building one statement's access relation, piece by piece. */
typedef struct AccessText {
  UslDeps *deps;
  Stmt *stmt;
  int index;
  Str *text[3]; /* everything, what it reads, what it writes */
  const char *domain;
  int pieces[3];
} AccessText;

static void appendPieceTo(AccessText *a, int which, const char *range,
                          const char *cond) {
  Str *t = a->text[which];
  strAppendf(t, "%s", a->pieces[which]++ ? "; " : "");
  appendStmtTuple(t, a->index, a->stmt->depth);
  strAppendf(t, " -> %s : %s%s%s", range, a->domain, cond ? " and " : "",
             cond ? cond : "");
}

/* One piece of the access relation, with what is done to it. */
static void appendPiece(AccessText *a, const char *range, const char *cond,
                        int effect) {
  appendPieceTo(a, 0, range, cond);
  if (effect & ACCESS_READ)
    appendPieceTo(a, 1, range, cond);
  if (effect & ACCESS_WRITE)
    appendPieceTo(a, 2, range, cond);
}

static void appendWholePiece(AccessText *a, int buffer, int effect) {
  Str range = {0};
  appendReachable(&range, a->stmt, &a->deps->buffers[buffer], buffer);
  appendPiece(a, range.data, NULL, effect);
  free(range.data);
  touch(a->stmt, buffer);
}

static bool appendOneAccess(MlirOperation op, const UslMemAccess *access,
                            void *ctx) {
  AccessText *a = ctx;
  UslDeps *d = a->deps;
  Stmt *stmt = a->stmt;
  UslMemView view;
  uslMemResolve(access->memref, &view);
  int b = bufferIndex(d, &view);
  stmt->kindBits |= access->effect;
  if (stmt->buffer == -2)
    stmt->buffer = b;
  else if (stmt->buffer != b)
    stmt->buffer = -1;
  Str range = {0}, footprint = {0}, cond = {0};
  if (appendAccessRange(d, &range, stmt, b, access, &view)) {
    appendPiece(a, range.data, NULL, access->effect);
    touch(stmt, b);
  } else if (appendFootprint(d, &footprint, &cond, stmt, b, access, &view)) {
    /* Exact enough: the op touches at most the view's elements. */
    noteWhy(stmt, op, "it is an op that may touch any element of the "
                      "window or buffer it is given");
    appendPiece(a, footprint.data, cond.data, access->effect);
    touch(stmt, b);
  } else {
    if (!view.exact)
      noteWhy(stmt, view.why, view.reason);
    else if (!access->indexed)
      noteWhy(stmt, op, "it is an op whose accesses the model does not "
                        "know, so it may touch any element of its buffers");
    else
      noteWhy(stmt, op, "its indices are not affine in loop variables and "
                        "function arguments");
    appendWholePiece(a, b, access->effect);
  }
  free(range.data);
  free(footprint.data);
  free(cond.data);
  /* Memory the root may share with other roots. */
  for (int c = 0; c < d->numBuffers; ++c) {
    const UslMemView *other = &d->buffers[c].view;
    if (c == b || !uslMemMayAlias(&view, other))
      continue;
    if (view.kind == USL_MEM_ROOT_UNKNOWN)
      noteWhy(stmt, view.rootOp, "its memref cannot be traced to a buffer, "
                                 "so it may be any argument, global or "
                                 "escaping buffer");
    else if (other->kind == USL_MEM_ROOT_UNKNOWN)
      noteWhy(stmt, other->rootOp, "this memref cannot be traced to a "
                                   "buffer, so it may be any argument, "
                                   "global or escaping buffer");
    else
      noteWhy(stmt, op, "its argument is marked usl.may_alias, so it may "
                        "overlap any other argument so marked");
    appendWholePiece(a, c, access->effect);
  }
  return true;
}

/* The isl texts of a statement's access relation and schedule, both
 * restricted to its domain. Translating registers the parameters met. */
static void stmtTexts(UslDeps *d, Stmt *stmt, int index, Str access[3],
                      Str *schedule) {
  MlirOperation op = stmt->op;
  stmt->affine = true;
  stmt->why = NULL;
  stmt->buffer = -2;
  stmt->kindBits = 0;
  stmt->numTouched = 0;
  Str domain = {0};
  appendDomain(d, &domain, op, stmt);
  if (!stmt->affine)
    noteWhy(stmt, op, "a bound or guard around it is not affine");

  for (int k = 0; k < 3; ++k)
    strAppendf(&access[k], "%s{ ", d->paramDecl.data);
  AccessText a = {d, stmt, index, {&access[0], &access[1], &access[2]},
                  domain.data, {0, 0, 0}};
  uslMemForEachAccess(op, appendOneAccess, &a);
  if (uslMemTouchesGlobals(op)) {
    for (int c = 0; c < d->numBuffers; ++c) {
      const UslMemView *v = &d->buffers[c].view;
      if (v->kind == USL_MEM_ROOT_GLOBAL || v->kind == USL_MEM_ROOT_UNKNOWN ||
          (v->kind == USL_MEM_ROOT_ALLOC && uslMemAllocEscapes(v->root))) {
        noteWhy(stmt, op, "a call may touch globals and escaping buffers");
        stmt->kindBits |= ACCESS_READ | ACCESS_WRITE;
        appendWholePiece(&a, c, ACCESS_READ | ACCESS_WRITE);
      }
    }
  }
  for (int k = 0; k < 3; ++k)
    strAppendf(&access[k], " }");
  if (stmt->buffer == -2)
    stmt->buffer = -1;
  stmt->kind = stmt->kindBits ? stmt->kindBits : ACCESS_READ;

  strAppendf(schedule, "%s{ ", d->paramDecl.data);
  appendStmtTuple(schedule, index, stmt->depth);
  strAppendf(schedule, " -> [");
  for (int i = 0; i < d->width; ++i) {
    strAppendf(schedule, "%s", i ? ", " : "");
    if (i >= stmt->pathLength)
      strAppendf(schedule, "0");
    else if (stmt->path[i].isLoop)
      strAppendf(schedule, "i%d", stmt->path[i].value);
    else
      strAppendf(schedule, "%d", stmt->path[i].value);
  }
  strAppendf(schedule, "] : %s }", domain.data);
  free(domain.data);
}

static bool noteAccess(MlirOperation op, const UslMemAccess *access,
                       void *ctx) {
  (void)op;
  (void)access;
  *(bool *)ctx = true;
  return false;
}

/* Ops that touch memory: they take a buffer (views and memref.dim only
 * describe one), or they call code that may. */
static bool isAccess(MlirOperation op) {
  if (uslMemTouchesGlobals(op))
    return true;
  bool any = false;
  uslMemForEachAccess(op, noteAccess, &any);
  return any;
}

typedef struct Collect {
  MlirOperation *ops;
  int size, capacity;
} Collect;

static MlirWalkResult collectAccess(MlirOperation op, void *userData) {
  Collect *c = userData;
  if (isAccess(op)) {
    if (c->size == c->capacity) {
      c->capacity = c->capacity ? 2 * c->capacity : 32;
      c->ops = realloc(c->ops, (size_t)c->capacity * sizeof *c->ops);
    }
    c->ops[c->size++] = op;
  }
  return MlirWalkResultAdvance;
}

static bool registerRoot(MlirOperation op, const UslMemAccess *access,
                         void *ctx) {
  (void)op;
  UslMemView view;
  uslMemResolve(access->memref, &view);
  bufferIndex(ctx, &view);
  return true;
}

UslDeps *uslDepsCreate(MlirOperation func) {
  UslDeps *d = calloc(1, sizeof *d);
  d->ctx = isl_ctx_alloc();
  isl_options_set_on_error(d->ctx, ISL_ON_ERROR_CONTINUE);
  d->func = func;
  d->entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));

  Collect c = {0};
  mlirOperationWalk(func, collectAccess, &c, MlirWalkPreOrder);
  if (c.size > USL_DEPS_MAX_ACCESSES) {
    d->tooDeep = c.ops[USL_DEPS_MAX_ACCESSES];
    d->tooMany = c.size;
    free(c.ops);
    return d;
  }
  for (int i = 0; i < c.size; ++i) {
    int loops, ops;
    nesting(c.ops[i], func, &loops, &ops);
    if (loops > USL_DEPS_MAX_DEPTH || ops >= 4 * USL_DEPS_MAX_DEPTH) {
      d->tooDeep = c.ops[i];
      d->tooDeepDepth = loops;
      free(c.ops);
      return d;
    }
  }
  d->numStmts = c.size;
  d->stmts = calloc((size_t)(c.size ? c.size : 1), sizeof *d->stmts);

  /* First pass: buffers, paths; then the isl text, which needs every
   * buffer, every parameter and the schedule width. */
  for (int i = 0; i < c.size; ++i) {
    Stmt *s = &d->stmts[i];
    s->op = c.ops[i];
    s->reduceKind = opIs(s->op, USL_SLOOP_REDUCE) ? (int)uslReduceGetKind(s->op)
                                                  : -1;
    s->depth = enclosingLoops(s->op, func, s->loops);
    s->pathLength = pathOf(s->op, func, s->path);
    if (s->pathLength > d->width)
      d->width = s->pathLength;
    uslMemForEachAccess(s->op, registerRoot, d);
  }
  /* Translating registers parameters; the isl texts must declare them all,
   * so translate once to find them, then again to build. */
  Str access[3] = {{0}, {0}, {0}}, schedule = {0};
  for (int pass = 0; pass < 2; ++pass) {
    strReset(&d->paramDecl);
    strAppendf(&d->paramDecl, "[");
    appendTuple(&d->paramDecl, "p", d->numParams);
    strAppendf(&d->paramDecl, "] -> ");
    for (int i = 0; i < d->numStmts; ++i) {
      for (int k = 0; k < 3; ++k)
        strReset(&access[k]);
      strReset(&schedule);
      stmtTexts(d, &d->stmts[i], i, access, &schedule);
      if (pass == 1) {
        d->stmts[i].access = readUnionMap(d, access[0].data);
        d->stmts[i].reads = readUnionMap(d, access[1].data);
        d->stmts[i].writes = readUnionMap(d, access[2].data);
        d->stmts[i].schedule = readUnionMap(d, schedule.data);
      }
    }
  }
  for (int k = 0; k < 3; ++k)
    free(access[k].data);
  free(schedule.data);
  free(c.ops);
  return d;
}

void uslDepsDestroy(UslDeps *d) {
  if (!d)
    return;
  for (int i = 0; i < d->numStmts; ++i) {
    isl_union_map_free(d->stmts[i].access);
    isl_union_map_free(d->stmts[i].reads);
    isl_union_map_free(d->stmts[i].writes);
    isl_union_map_free(d->stmts[i].schedule);
    free(d->stmts[i].touched);
  }
  free(d->stmts);
  free(d->buffers);
  free(d->params);
  free(d->paramDecl.data);
  isl_ctx_free(d->ctx);
  free(d);
}

/*--- queries --------------------------------------------------------------------*/

static bool isInside(MlirOperation op, MlirOperation ancestor) {
  for (MlirOperation p = mlirOperationGetParentOperation(op);
       !mlirOperationIsNull(p); p = mlirOperationGetParentOperation(p))
    if (mlirOperationEqual(p, ancestor))
      return true;
  return false;
}

static isl_union_map *accessOn(UslDeps *d, isl_union_map *access, int b);

/* Pairs of instances of s then t touching one element (of buffer `only`
 * when not -1), one of them writing, s running first; NULL when the kinds
 * cannot conflict. */
static isl_union_map *pairDeps(UslDeps *d, Stmt *s, Stmt *t,
                               bool reductionsCommute, int only) {
  if (!((s->kind | t->kind) & ACCESS_WRITE))
    return NULL;
  if (reductionsCommute && s->reduceKind >= 0 &&
      s->reduceKind == t->reduceKind)
    return NULL;
  isl_union_map *sAll = accessOn(d, s->access, only);
  isl_union_map *tAll = accessOn(d, t->access, only);
  isl_union_map *sWrites = accessOn(d, s->writes, only);
  isl_union_map *tWrites = accessOn(d, t->writes, only);
  isl_union_map *same = isl_union_map_union(
      isl_union_map_apply_range(sWrites, isl_union_map_reverse(tAll)),
      isl_union_map_apply_range(sAll, isl_union_map_reverse(tWrites)));
  isl_union_map *before = isl_union_map_lex_lt_union_map(
      isl_union_map_copy(s->schedule), isl_union_map_copy(t->schedule));
  return isl_union_map_intersect(same, before);
}

/* Reads the coordinates of a sampled point of [S[x] -> T[y]]. */
static void fillViolation(UslDeps *d, Stmt *s, Stmt *t, isl_union_map *bad,
                          UslDepViolation *v) {
  memset(v, 0, sizeof *v);
  v->first = s->op;
  v->second = t->op;
  v->firstDepth = s->depth;
  v->secondDepth = t->depth;
  memcpy(v->firstLoops, s->loops, sizeof s->loops);
  memcpy(v->secondLoops, t->loops, sizeof t->loops);
  v->conservative = !s->affine || !t->affine;
  const Stmt *vague = !s->affine ? s : t;
  if (v->conservative && vague->why) {
    v->whyOp = vague->whyOp;
    v->why = vague->why;
  }
  v->rank = -1;
  /* The first violating pair in program order reads best. */
  isl_map *m = isl_map_from_union_map(bad);
  isl_point *pt = isl_set_sample_point(isl_set_lexmin(isl_map_wrap(m)));
  if (!pt)
    return;
  for (int k = 0; k < s->depth; ++k) {
    isl_val *val = isl_point_get_coordinate_val(pt, isl_dim_set, k);
    v->firstIters[k] = isl_val_get_num_si(val);
    isl_val_free(val);
  }
  for (int k = 0; k < t->depth; ++k) {
    isl_val *val = isl_point_get_coordinate_val(pt, isl_dim_set, s->depth + k);
    v->secondIters[k] = isl_val_get_num_si(val);
    isl_val_free(val);
  }
  /* The element: the image of the first instance under both accesses. */
  isl_set *wrapped = isl_set_from_point(pt);
  isl_map *pair = isl_set_unwrap(wrapped);
  isl_set *x = isl_map_domain(isl_map_copy(pair));
  isl_set *y = isl_map_range(pair);
  isl_union_set *ex = isl_union_set_apply(isl_union_set_from_set(x),
                                          isl_union_map_copy(s->access));
  isl_union_set *ey = isl_union_set_apply(isl_union_set_from_set(y),
                                          isl_union_map_copy(t->access));
  isl_union_set *both = isl_union_set_intersect(ex, ey);
  isl_point *ept = isl_union_set_sample_point(both);
  if (ept && !isl_point_is_void(ept)) {
    isl_space *space = isl_point_get_space(ept);
    const char *name = isl_space_get_tuple_name(space, isl_dim_set);
    int b = name ? atoi(name + 1) : -1;
    if (b >= 0 && b < d->numBuffers) {
      Buffer *buf = &d->buffers[b];
      v->buffer = buf->value;
      if (buf->rank <= USL_DEPS_MAX_RANK) {
        v->rank = buf->rank;
        for (int k = 0; k < buf->rank; ++k) {
          isl_val *val = isl_point_get_coordinate_val(ept, isl_dim_set,
                                                      buf->allocDepth + k);
          v->element[k] = isl_val_get_num_si(val);
          isl_val_free(val);
        }
      }
    }
    isl_space_free(space);
  }
  isl_point_free(ept);
}

typedef bool (*PairFilter)(Stmt *s, Stmt *t, const void *ctx);

/* Finds a dependence s -> t (filtered) whose schedule pair lies in `bad`,
 * a relation on schedule vectors. */
static bool findViolation(UslDeps *d, PairFilter filter, const void *ctx,
                          isl_map *bad, bool reductionsCommute, int only,
                          UslDepViolation *v) {
  isl_union_map *badU = isl_union_map_from_map(bad);
  bool found = false;
  for (int i = 0; i < d->numStmts && !found; ++i)
    for (int j = 0; j < d->numStmts && !found; ++j) {
      Stmt *s = &d->stmts[i], *t = &d->stmts[j];
      if (!filter(s, t, ctx))
        continue;
      isl_union_map *deps = pairDeps(d, s, t, reductionsCommute, only);
      if (!deps)
        continue;
      isl_union_map *wrong = isl_union_map_apply_range(
          isl_union_map_apply_range(isl_union_map_copy(s->schedule),
                                    isl_union_map_copy(badU)),
          isl_union_map_reverse(isl_union_map_copy(t->schedule)));
      deps = isl_union_map_intersect(deps, wrong);
      if (isl_union_map_is_empty(deps) == isl_bool_false) {
        found = true;
        if (v)
          fillViolation(d, s, t, deps, v);
        else
          isl_union_map_free(deps);
      } else {
        isl_union_map_free(deps);
      }
    }
  isl_union_map_free(badU);
  return found;
}

/* "{ [s0, ..] -> [t0, ..] : s0 = t0 and ... (first n) and <extra> }" */
static isl_map *scheduleRelation(UslDeps *d, int equalPrefix,
                                 const char *extra) {
  Str s = {0};
  strAppendf(&s, "{ [");
  appendTuple(&s, "s", d->width);
  strAppendf(&s, "] -> [");
  appendTuple(&s, "t", d->width);
  strAppendf(&s, "] : true");
  for (int k = 0; k < equalPrefix; ++k)
    strAppendf(&s, " and s%d = t%d", k, k);
  strAppendf(&s, " and %s }", extra);
  isl_map *m = isl_map_read_from_str(d->ctx, s.data);
  free(s.data);
  return m;
}

static int loopVariableDim(UslDeps *d, MlirOperation loop) {
  PathEntry path[MAX_PATH];
  return pathOf(loop, d->func, path); /* the variable follows the loop */
}

static bool bothInside(Stmt *s, Stmt *t, const void *loop) {
  MlirOperation l = *(const MlirOperation *)loop;
  return isInside(s->op, l) && isInside(t->op, l);
}

bool uslDepsLoopIsParallel(UslDeps *d, MlirOperation loop,
                           UslDepViolation *v) {
  if (!mlirOperationIsNull(d->tooDeep))
    return unmodelled(d, v, false);
  int dim = loopVariableDim(d, loop);
  char extra[64];
  snprintf(extra, sizeof extra, "s%d < t%d", dim, dim);
  return !findViolation(d, bothInside, &loop,
                        scheduleRelation(d, dim, extra), false, -1, v);
}

/* The buffer whose root `memref` views; -1 when no access reaches it. */
static int findBuffer(UslDeps *d, MlirValue memref) {
  UslMemView view;
  uslMemResolve(memref, &view);
  for (int i = 0; i < d->numBuffers; ++i)
    if (uslMemSameRoot(&d->buffers[i].view, &view))
      return i;
  return -1;
}

/* The part of an access relation on buffer b (all of it when b is -1). */
static isl_union_map *accessOn(UslDeps *d, isl_union_map *access, int b) {
  if (b < 0)
    return isl_union_map_copy(access);
  Str text = {0};
  strAppendf(&text, "%s{ ", d->paramDecl.data);
  appendWholeBuffer(&text, &d->buffers[b], b);
  strAppendf(&text, " }");
  isl_union_set *all = isl_union_set_read_from_str(d->ctx, text.data);
  free(text.data);
  return isl_union_map_intersect_range(isl_union_map_copy(access), all);
}

typedef struct LoopAndBuffer {
  MlirOperation loop;
  int buffer;
} LoopAndBuffer;

static bool bothInsideOnBuffer(Stmt *s, Stmt *t, const void *ctx) {
  const LoopAndBuffer *lb = ctx;
  return stmtTouches(s, lb->buffer) && stmtTouches(t, lb->buffer) &&
         isInside(s->op, lb->loop) && isInside(t->op, lb->loop);
}

bool uslDepsLoopCarriesThrough(UslDeps *d, MlirOperation loop,
                               MlirValue buffer, UslDepViolation *v) {
  if (!mlirOperationIsNull(d->tooDeep))
    return unmodelled(d, v, true);
  LoopAndBuffer ctx = {loop, findBuffer(d, buffer)};
  if (ctx.buffer < 0)
    return false;
  int dim = loopVariableDim(d, loop);
  char extra[64];
  snprintf(extra, sizeof extra, "s%d < t%d", dim, dim);
  return findViolation(d, bothInsideOnBuffer, &ctx,
                       scheduleRelation(d, dim, extra), false, ctx.buffer, v);
}

bool uslDepsLoopCarriesFlowThrough(UslDeps *d, MlirOperation loop,
                                   MlirValue buffer, UslDepViolation *v) {
  if (!mlirOperationIsNull(d->tooDeep))
    return unmodelled(d, v, true);
  int b = findBuffer(d, buffer);
  if (b < 0)
    return false;
  /* Exact dataflow: which write produced the value each read sees. */
  /* Writes the model describes inexactly (under conditions or bounds it
   * cannot express, or to the whole buffer) may not happen: they kill
   * nothing. */
  isl_union_map *reads = NULL, *writes = NULL, *mayWrites = NULL,
                *schedule = NULL;
  for (int i = 0; i < d->numStmts; ++i) {
    Stmt *s = &d->stmts[i];
    if (!stmtTouches(s, b))
      continue;
    isl_union_map *sched = isl_union_map_copy(s->schedule);
    schedule = schedule ? isl_union_map_union(schedule, sched) : sched;
    if (s->kind & ACCESS_READ) {
      isl_union_map *a = accessOn(d, s->reads, b);
      reads = reads ? isl_union_map_union(reads, a) : a;
    }
    if (s->kind & ACCESS_WRITE) {
      isl_union_map *a = accessOn(d, s->writes, b);
      isl_union_map **into = s->affine ? &writes : &mayWrites;
      *into = *into ? isl_union_map_union(*into, a) : a;
    }
  }
  if (!reads || (!writes && !mayWrites)) {
    isl_union_map_free(reads);
    isl_union_map_free(writes);
    isl_union_map_free(mayWrites);
    isl_union_map_free(schedule);
    return false;
  }
  isl_union_access_info *info = isl_union_access_info_from_sink(reads);
  if (writes)
    info = isl_union_access_info_set_must_source(info, writes);
  if (mayWrites)
    info = isl_union_access_info_set_may_source(info, mayWrites);
  info = isl_union_access_info_set_schedule_map(info, schedule);
  isl_union_flow *flow = isl_union_access_info_compute_flow(info);
  isl_union_map *deps = isl_union_flow_get_may_dependence(flow);
  isl_union_flow_free(flow);

  int dim = loopVariableDim(d, loop);
  char extra[64];
  snprintf(extra, sizeof extra, "s%d < t%d", dim, dim);
  isl_union_map *bad =
      isl_union_map_from_map(scheduleRelation(d, dim, extra));
  bool found = false;
  for (int i = 0; i < d->numStmts && !found; ++i)
    for (int j = 0; j < d->numStmts && !found; ++j) {
      Stmt *s = &d->stmts[i], *t = &d->stmts[j];
      if (!stmtTouches(s, b) || !stmtTouches(t, b) ||
          !(s->kind & ACCESS_WRITE) ||
          !(t->kind & ACCESS_READ) || !isInside(s->op, loop) ||
          !isInside(t->op, loop))
        continue;
      isl_union_map *pair = isl_union_map_intersect_range(
          isl_union_map_intersect_domain(
              isl_union_map_copy(deps),
              isl_union_map_domain(isl_union_map_copy(s->schedule))),
          isl_union_map_domain(isl_union_map_copy(t->schedule)));
      isl_union_map *wrong = isl_union_map_apply_range(
          isl_union_map_apply_range(isl_union_map_copy(s->schedule),
                                    isl_union_map_copy(bad)),
          isl_union_map_reverse(isl_union_map_copy(t->schedule)));
      pair = isl_union_map_intersect(pair, wrong);
      if (isl_union_map_is_empty(pair) == isl_bool_false) {
        found = true;
        if (v)
          fillViolation(d, s, t, pair, v);
        else
          isl_union_map_free(pair);
      } else {
        isl_union_map_free(pair);
      }
    }
  isl_union_map_free(bad);
  isl_union_map_free(deps);
  return found;
}

bool uslDepsPermutationIsLegal(UslDeps *d, MlirOperation *band, int n,
                               const int *perm, UslDepViolation *v) {
  if (!mlirOperationIsNull(d->tooDeep))
    return unmodelled(d, v, false);
  /* P maps a schedule vector to the one after the permutation. */
  Str s = {0};
  strAppendf(&s, "{ [");
  appendTuple(&s, "s", d->width);
  strAppendf(&s, "] -> [");
  int dims[USL_DEPS_MAX_DEPTH];
  for (int k = 0; k < n; ++k)
    dims[k] = loopVariableDim(d, band[k]);
  for (int i = 0; i < d->width; ++i) {
    int from = i;
    for (int k = 0; k < n; ++k)
      if (dims[k] == i)
        from = dims[perm[k]];
    strAppendf(&s, "%ss%d", i ? ", " : "", from);
  }
  strAppendf(&s, "] }");
  isl_map *p = isl_map_read_from_str(d->ctx, s.data);
  free(s.data);
  isl_map *ge = isl_map_lex_ge(isl_space_range(isl_map_get_space(p)));
  isl_map *bad = isl_map_apply_range(
      isl_map_apply_range(isl_map_copy(p), ge), isl_map_reverse(p));
  return !findViolation(d, bothInside, &band[0], bad, true, -1, v);
}

bool uslDepsBandIsPermutable(UslDeps *d, MlirOperation *band, int n,
                             UslDepViolation *v) {
  if (!mlirOperationIsNull(d->tooDeep))
    return unmodelled(d, v, false);
  Str extra = {0};
  strAppendf(&extra, "(false");
  for (int k = 0; k < n; ++k) {
    int dim = loopVariableDim(d, band[k]);
    strAppendf(&extra, " or t%d < s%d", dim, dim);
  }
  strAppendf(&extra, ")");
  isl_map *bad =
      scheduleRelation(d, loopVariableDim(d, band[0]), extra.data);
  free(extra.data);
  return !findViolation(d, bothInside, &band[0], bad, true, -1, v);
}

bool uslDepsFissionIsLegal(UslDeps *d, MlirOperation loop,
                           MlirOperation splitAfter, UslDepViolation *v) {
  if (!mlirOperationIsNull(d->tooDeep))
    return unmodelled(d, v, false);
  int dim = loopVariableDim(d, loop);
  int k = indexInBlock(splitAfter);
  char extra[160];
  snprintf(extra, sizeof extra, "s%d < t%d and s%d > %d and t%d <= %d", dim,
           dim, dim + 1, k, dim + 1, k);
  return !findViolation(d, bothInside, &loop, scheduleRelation(d, dim, extra),
                        true, -1, v);
}

typedef struct FusionPair {
  MlirOperation first, second;
} FusionPair;

static bool firstThenSecond(Stmt *s, Stmt *t, const void *ctx) {
  const FusionPair *f = ctx;
  return isInside(s->op, f->first) && isInside(t->op, f->second);
}

bool uslDepsFusionIsLegal(UslDeps *d, MlirOperation first,
                          MlirOperation second, UslDepViolation *v) {
  if (!mlirOperationIsNull(d->tooDeep))
    return unmodelled(d, v, false);
  int dim = loopVariableDim(d, first); /* position at dim - 1 */
  char extra[160];
  snprintf(extra, sizeof extra, "s%d = %d and t%d = %d and t%d < s%d",
           dim - 1, indexInBlock(first), dim - 1, indexInBlock(second), dim,
           dim);
  FusionPair pair = {first, second};
  return !findViolation(d, firstThenSecond, &pair,
                        scheduleRelation(d, dim - 1, extra), true, -1, v);
}

/*--- messages -------------------------------------------------------------------*/

static int lineOf(MlirOperation op) {
  MlirLocation loc = mlirOperationGetLocation(op);
  return mlirLocationIsAFileLineColRange(loc)
             ? mlirLocationFileLineColRangeGetStartLine(loc)
             : 0;
}

/* "reads", or "may read" when the access is assumed conservatively. */
static const char *verbOf(MlirOperation op, bool conservative) {
  if (opIs(op, USL_SLOOP_LOAD) || opIs(op, "memref.load"))
    return conservative ? "may read" : "reads";
  if (opIs(op, USL_SLOOP_STORE) || opIs(op, "memref.store"))
    return conservative ? "may write" : "writes";
  if (opIs(op, USL_SLOOP_REDUCE))
    return conservative ? "may update" : "updates";
  return "may access";
}

static void describeOp(Str *s, MlirOperation op) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  strAppendf(s, "'%.*s'", (int)name.length, name.data);
  int line = lineOf(op);
  if (line)
    strAppendf(s, " (line %d)", line);
}

static void describeIteration(Str *s, const MlirOperation *loops,
                              const int64_t *iters, int depth) {
  if (depth == 0) {
    strAppendf(s, "outside any loop");
    return;
  }
  strAppendf(s, "in iteration (");
  for (int k = 0; k < depth; ++k) {
    MlirStringRef name = uslForGetName(loops[k]);
    strAppendf(s, "%s%.*s = %lld", k ? ", " : "", (int)name.length, name.data,
               (long long)iters[k]);
  }
  strAppendf(s, ")");
}

static void describeBuffer(Str *s, MlirValue buffer) {
  if (mlirValueIsNull(buffer)) {
    strAppendf(s, "a buffer");
    return;
  }
  UslMemView view;
  uslMemResolve(buffer, &view);
  char name[160];
  uslMemDescribeRoot(&view, name, sizeof name);
  strAppendf(s, "%s", name);
}

const char *uslDepsConsequence(const UslDepViolation *v, const char *usual) {
  return v->tooDeepDepth || v->tooMany ? "so the directive cannot be checked"
                                       : usual;
}

void uslDepsDescribe(const UslDepViolation *v, char *out, size_t size) {
  Str s = {0};
  if (v->tooMany || v->tooDeepDepth) {
    if (v->tooMany)
      strAppendf(&s, "the function has %d accesses to buffers; the "
                     "dependence analysis takes at most %d",
                 v->tooMany, USL_DEPS_MAX_ACCESSES);
    else {
      describeOp(&s, v->first);
      strAppendf(&s, " is nested in %d loops; the dependence analysis takes "
                     "at most %d",
                 v->tooDeepDepth, USL_DEPS_MAX_DEPTH);
    }
    snprintf(out, size, "%s", s.data);
    free(s.data);
    return;
  }
  describeOp(&s, v->first);
  strAppendf(&s, " %s ", verbOf(v->first, v->conservative));
  if (v->rank >= 0) {
    strAppendf(&s, "element [");
    for (int k = 0; k < v->rank; ++k)
      strAppendf(&s, "%s%lld", k ? ", " : "", (long long)v->element[k]);
    strAppendf(&s, "] of ");
  }
  describeBuffer(&s, v->buffer);
  strAppendf(&s, " ");
  describeIteration(&s, v->firstLoops, v->firstIters, v->firstDepth);
  strAppendf(&s, ", and ");
  describeOp(&s, v->second);
  strAppendf(&s, " %s it ", verbOf(v->second, v->conservative));
  describeIteration(&s, v->secondLoops, v->secondIters, v->secondDepth);
  if (v->conservative && v->why) {
    strAppendf(&s, " (assumed conservatively: ");
    describeOp(&s, v->whyOp);
    strAppendf(&s, ": %s)", v->why);
  } else if (v->conservative) {
    strAppendf(&s, " (an access or bound is not affine, so this is assumed "
                   "conservatively)");
  }
  snprintf(out, size, "%s", s.data ? s.data : "");
  free(s.data);
}
