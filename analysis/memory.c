/*===- memory.c - where the elements of a memref live -------------------===*
 *
 * See memory.h for the model. A view is built from its source's: the
 * source's map takes (source indices, source operands) to the root, the view
 * op's own map takes (view indices, its operands) to the source indices, and
 * their composition takes (view indices, source operands, view operands) to
 * the root.
 *
 *===---------------------------------------------------------------------===*/

#include "memory.h"

#include "usl/dialects.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/AffineExpr.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static bool opIs(MlirOperation op, const char *name) { return uslOpIs(op, name); }

static MlirAttribute attr(MlirOperation op, const char *name) {
  return mlirOperationGetAttributeByName(op,
                                         mlirStringRefCreateFromCString(name));
}

static bool isRankedMemRef(MlirValue v) {
  return mlirTypeIsAMemRef(mlirValueGetType(v));
}

static int rankOf(MlirValue v) {
  return isRankedMemRef(v) ? (int)mlirShapedTypeGetRank(mlirValueGetType(v))
                           : -1;
}

/* The function whose entry block defines `arg`, or null. */
static MlirOperation entryFunctionOf(MlirValue arg) {
  MlirBlock owner = mlirBlockArgumentGetOwner(arg);
  MlirOperation parent = mlirBlockGetParentOperation(owner);
  if (mlirOperationIsNull(parent) || !opIs(parent, "func.func"))
    return (MlirOperation){NULL};
  MlirBlock entry = mlirRegionGetFirstBlock(mlirOperationGetRegion(parent, 0));
  return mlirBlockEqual(entry, owner) ? parent : (MlirOperation){NULL};
}

bool uslMemIsViewOp(MlirOperation op) {
  return opIs(op, USL_TMEM_WINDOW) || opIs(op, "memref.subview") ||
         opIs(op, "memref.cast") || opIs(op, "memref.expand_shape") ||
         opIs(op, "memref.collapse_shape") ||
         opIs(op, "memref.reinterpret_cast") || opIs(op, "memref.view") ||
         opIs(op, "memref.transpose") ||
         opIs(op, "memref.memory_space_cast") ||
         opIs(op, "memref.assume_alignment");
}

static bool isAllocation(MlirOperation op) {
  return opIs(op, USL_SLOOP_ALLOC) || opIs(op, "memref.alloc") ||
         opIs(op, "memref.alloca");
}

/*--- building maps ----------------------------------------------------------*/

static void setIdentity(UslMemView *v, MlirContext ctx, int rank) {
  v->exact = true;
  v->numOperands = 0;
  v->map = mlirAffineMapMultiDimIdentityGet(ctx, rank);
}

static void setInexact(UslMemView *v, MlirOperation why, const char *reason) {
  if (!v->exact)
    return; /* keep the first reason */
  v->exact = false;
  v->why = why;
  v->reason = reason;
}

/* A view op's own map: (view indices, op operands...) -> source indices.
 * `numOperands`/`operands` receive the values its extra dimensions stand
 * for. False (with a reason) when the op's layout cannot be followed. */
typedef struct OwnMap {
  int numResults;
  MlirAffineExpr results[USL_MEM_MAX_RANK];
  int numOperands;
  MlirValue operands[USL_MEM_MAX_VIEW_OPERANDS];
} OwnMap;

static int64_t staticSize(MlirValue v, int dim) {
  return mlirShapedTypeGetDimSize(mlirValueGetType(v), dim);
}

static bool addOperand(OwnMap *m, MlirValue v, int viewRank,
                       MlirContext ctx, MlirAffineExpr *dim) {
  if (m->numOperands == USL_MEM_MAX_VIEW_OPERANDS)
    return false;
  m->operands[m->numOperands] = v;
  *dim = mlirAffineDimExprGet(ctx, viewRank + m->numOperands);
  ++m->numOperands;
  return true;
}

static const char *windowMap(MlirOperation op, int rank, MlirContext ctx,
                             OwnMap *m) {
  MlirAffineMap offsets =
      mlirAffineMapAttrGetValue(attr(op, "offsets"));
  intptr_t inputs = mlirAffineMapGetNumInputs(offsets);
  MlirAffineExpr dims[USL_MEM_MAX_VIEW_OPERANDS];
  for (intptr_t i = 0; i < inputs; ++i)
    if (!addOperand(m, mlirOperationGetOperand(op, 1 + i), rank, ctx,
                    &dims[i]))
      return "the window has too many offset operands";
  MlirAffineMap rename =
      mlirAffineMapGet(ctx, rank + m->numOperands, 0, inputs, dims);
  m->numResults = rank;
  for (int k = 0; k < rank; ++k)
    m->results[k] = mlirAffineAddExprGet(
        mlirAffineDimExprGet(ctx, k),
        mlirAffineExprCompose(mlirAffineMapGetResult(offsets, k), rename));
  return NULL;
}

static const char *subviewMap(MlirOperation op, int rank, int sourceRank,
                              MlirContext ctx, OwnMap *m) {
  MlirAttribute arrays[3] = {attr(op, "static_offsets"),
                             attr(op, "static_sizes"),
                             attr(op, "static_strides")};
  for (int a = 0; a < 3; ++a)
    if (mlirAttributeIsNull(arrays[a]) ||
        !mlirAttributeIsADenseI64Array(arrays[a]) ||
        mlirDenseArrayGetNumElements(arrays[a]) != sourceRank)
      return "its offsets, sizes or strides are not in the form expected";
  /* Dynamic entries take the op's operands in order, after the source. */
  MlirAffineExpr offset[USL_MEM_MAX_RANK], stride[USL_MEM_MAX_RANK];
  bool unitSize[USL_MEM_MAX_RANK];
  intptr_t next = 1;
  for (int a = 0; a < 3; ++a)
    for (int k = 0; k < sourceRank; ++k) {
      int64_t x = mlirDenseI64ArrayGetElement(arrays[a], k);
      bool dynamic = x == INT64_MIN;
      MlirValue operand = dynamic ? mlirOperationGetOperand(op, next++)
                                  : (MlirValue){NULL};
      if (a == 0) {
        if (dynamic && !addOperand(m, operand, rank, ctx, &offset[k]))
          return "the subview has too many offset operands";
        if (!dynamic)
          offset[k] = mlirAffineConstantExprGet(ctx, x);
      } else if (a == 1) {
        unitSize[k] = !dynamic && x == 1;
      } else {
        if (dynamic)
          return "a stride is known only at run time";
        stride[k] = mlirAffineConstantExprGet(ctx, x);
      }
    }
  /* A rank-reducing subview drops unit dimensions; which ones is clear
   * when exactly as many are unit as are dropped. */
  int units = 0;
  for (int k = 0; k < sourceRank; ++k)
    units += unitSize[k];
  bool dropUnits = rank < sourceRank;
  if (dropUnits && units != sourceRank - rank)
    return "it drops dimensions, and which ones is ambiguous";
  m->numResults = sourceRank;
  int j = 0;
  for (int k = 0; k < sourceRank; ++k) {
    if (dropUnits && unitSize[k]) {
      m->results[k] = offset[k];
      continue;
    }
    m->results[k] = mlirAffineAddExprGet(
        offset[k], mlirAffineMulExprGet(mlirAffineDimExprGet(ctx, j++),
                                        stride[k]));
  }
  return NULL;
}

/* The groups of a reassociation: group g lists dimensions of the larger
 * side. False when the attribute is not as expected. */
static bool groupOf(MlirAttribute reassociation, int g, int *dims, int *n) {
  MlirAttribute group = mlirArrayAttrGetElement(reassociation, g);
  if (!mlirAttributeIsAArray(group))
    return false;
  *n = (int)mlirArrayAttrGetNumElements(group);
  for (int i = 0; i < *n; ++i) {
    MlirAttribute d = mlirArrayAttrGetElement(group, i);
    if (!mlirAttributeIsAInteger(d) || i >= USL_MEM_MAX_RANK)
      return false;
    dims[i] = (int)mlirIntegerAttrGetValueInt(d);
  }
  return true;
}

/* expand_shape: source dim g = sum of view dims of group g, each scaled by
 * the sizes after it in the group. */
static const char *expandMap(MlirOperation op, MlirValue view,
                             int sourceRank, MlirContext ctx, OwnMap *m) {
  MlirAttribute re = attr(op, "reassociation");
  if (mlirAttributeIsNull(re) || !mlirAttributeIsAArray(re) ||
      mlirArrayAttrGetNumElements(re) != sourceRank)
    return "its reassociation is not in the form expected";
  m->numResults = sourceRank;
  for (int g = 0; g < sourceRank; ++g) {
    int dims[USL_MEM_MAX_RANK], n;
    if (!groupOf(re, g, dims, &n) || n == 0)
      return "its reassociation is not in the form expected";
    MlirAffineExpr e = mlirAffineConstantExprGet(ctx, 0);
    int64_t scale = 1;
    for (int i = n - 1; i >= 0; --i) {
      e = mlirAffineAddExprGet(
          e, mlirAffineMulExprGet(mlirAffineDimExprGet(ctx, dims[i]),
                                  mlirAffineConstantExprGet(ctx, scale)));
      if (i > 0) {
        int64_t size = staticSize(view, dims[i]);
        if (mlirShapedTypeIsDynamicSize(size))
          return "it expands into sizes known only at run time";
        if (size > 0 && scale > INT64_MAX / size)
          return "its sizes overflow 64 bits";
        scale *= size;
      }
    }
    m->results[g] = e;
  }
  return NULL;
}

/* collapse_shape: source dim k_i of group g = (view dim g floordiv the
 * sizes after k_i) mod size k_i (no mod for the first). */
static const char *collapseMap(MlirOperation op, MlirValue source, int rank,
                               int sourceRank, MlirContext ctx, OwnMap *m) {
  MlirAttribute re = attr(op, "reassociation");
  if (mlirAttributeIsNull(re) || !mlirAttributeIsAArray(re) ||
      mlirArrayAttrGetNumElements(re) != rank)
    return "its reassociation is not in the form expected";
  m->numResults = sourceRank;
  for (int g = 0; g < rank; ++g) {
    int dims[USL_MEM_MAX_RANK], n;
    if (!groupOf(re, g, dims, &n) || n == 0)
      return "its reassociation is not in the form expected";
    int64_t scale = 1;
    for (int i = n - 1; i >= 0; --i) {
      if (dims[i] < 0 || dims[i] >= sourceRank)
        return "its reassociation is not in the form expected";
      MlirAffineExpr e = mlirAffineFloorDivExprGet(
          mlirAffineDimExprGet(ctx, g), mlirAffineConstantExprGet(ctx, scale));
      if (i > 0) {
        int64_t size = staticSize(source, dims[i]);
        if (mlirShapedTypeIsDynamicSize(size) || size <= 0)
          return "it collapses sizes known only at run time";
        e = mlirAffineModExprGet(e, mlirAffineConstantExprGet(ctx, size));
        if (scale > INT64_MAX / size)
          return "its sizes overflow 64 bits";
        scale *= size;
      }
      m->results[dims[i]] = e;
    }
  }
  return NULL;
}

/* Composes the source view `v` with the view op's own map. */
static void compose(UslMemView *v, const OwnMap *own, int viewRank,
                    MlirContext ctx) {
  int n = v->numOperands;
  if (n + own->numOperands > USL_MEM_MAX_VIEW_OPERANDS) {
    setInexact(v, v->why, "the chain of views has too many operands");
    return;
  }
  /* The source map's inputs (source indices, source operands) in terms of
   * (view indices, source operands, view operands). */
  MlirAffineExpr subst[USL_MEM_MAX_RANK + USL_MEM_MAX_VIEW_OPERANDS];
  int total = viewRank + n + own->numOperands;
  for (int k = 0; k < own->numResults; ++k) {
    /* own->results use dims: view indices, then own operands at viewRank. */
    MlirAffineExpr shift[USL_MEM_MAX_RANK + USL_MEM_MAX_VIEW_OPERANDS];
    for (int d = 0; d < viewRank; ++d)
      shift[d] = mlirAffineDimExprGet(ctx, d);
    for (int q = 0; q < own->numOperands; ++q)
      shift[viewRank + q] = mlirAffineDimExprGet(ctx, viewRank + n + q);
    MlirAffineMap shiftMap =
        mlirAffineMapGet(ctx, total, 0, viewRank + own->numOperands, shift);
    subst[k] = mlirAffineExprCompose(own->results[k], shiftMap);
  }
  for (int o = 0; o < n; ++o)
    subst[own->numResults + o] = mlirAffineDimExprGet(ctx, viewRank + o);
  MlirAffineMap substMap =
      mlirAffineMapGet(ctx, total, 0, own->numResults + n, subst);
  MlirAffineExpr results[USL_MEM_MAX_RANK];
  intptr_t rootRank = mlirAffineMapGetNumResults(v->map);
  for (intptr_t r = 0; r < rootRank; ++r)
    results[r] = mlirAffineExprCompose(mlirAffineMapGetResult(v->map, r),
                                       substMap);
  v->map = mlirAffineMapGet(ctx, total, 0, rootRank, results);
  for (int q = 0; q < own->numOperands; ++q)
    v->operands[n + q] = own->operands[q];
  v->numOperands = n + own->numOperands;
}

/*--- resolving --------------------------------------------------------------*/

static void setRoot(UslMemView *v, UslMemRootKind kind, MlirValue root,
                    MlirOperation rootOp) {
  v->kind = kind;
  v->root = root;
  v->rootOp = rootOp;
  v->rootRank = rankOf(root);
  v->rank = v->rootRank;
  v->why = (MlirOperation){NULL};
  v->reason = NULL;
  if (v->rootRank < 0 || v->rootRank > USL_MEM_MAX_RANK) {
    v->exact = true; /* so that setInexact records the reason */
    v->numOperands = 0;
    v->map = (MlirAffineMap){NULL};
    setInexact(v, rootOp,
               v->rootRank < 0 ? "it is not a ranked memref"
                               : "its rank is above what the model takes");
    return;
  }
  setIdentity(v, mlirTypeGetContext(mlirValueGetType(root)), v->rootRank);
}

void uslMemResolve(MlirValue memref, UslMemView *v) {
  memset(v, 0, sizeof *v);
  if (mlirValueIsABlockArgument(memref)) {
    bool argument = !mlirOperationIsNull(entryFunctionOf(memref));
    setRoot(v, argument ? USL_MEM_ROOT_ARGUMENT : USL_MEM_ROOT_UNKNOWN,
            memref, (MlirOperation){NULL});
    return;
  }
  MlirOperation def = mlirOpResultGetOwner(memref);
  if (isAllocation(def)) {
    setRoot(v, USL_MEM_ROOT_ALLOC, memref, def);
    return;
  }
  if (opIs(def, "memref.get_global")) {
    setRoot(v, USL_MEM_ROOT_GLOBAL, memref, def);
    return;
  }
  if (!uslMemIsViewOp(def) || mlirOperationGetNumOperands(def) == 0 ||
      !mlirTypeIsAMemRef(mlirValueGetType(mlirOperationGetOperand(def, 0)))) {
    setRoot(v, USL_MEM_ROOT_UNKNOWN, memref, def);
    return;
  }
  MlirValue source = mlirOperationGetOperand(def, 0);
  uslMemResolve(source, v);
  int rank = rankOf(memref), sourceRank = rankOf(source);
  v->rank = rank;
  if (!v->exact)
    return;
  if (rank < 0 || rank > USL_MEM_MAX_RANK || sourceRank < 0) {
    setInexact(v, def, "the view is not a ranked memref the model takes");
    return;
  }
  MlirContext ctx = mlirTypeGetContext(mlirValueGetType(memref));
  OwnMap own;
  memset(&own, 0, sizeof own);
  const char *why = NULL;
  if (opIs(def, USL_TMEM_WINDOW)) {
    why = windowMap(def, rank, ctx, &own);
  } else if (opIs(def, "memref.subview")) {
    why = subviewMap(def, rank, sourceRank, ctx, &own);
  } else if (opIs(def, "memref.cast") ||
             opIs(def, "memref.memory_space_cast") ||
             opIs(def, "memref.assume_alignment")) {
    if (rank != sourceRank) {
      why = "it changes the rank";
    } else {
      own.numResults = rank;
      for (int k = 0; k < rank; ++k)
        own.results[k] = mlirAffineDimExprGet(ctx, k);
    }
  } else if (opIs(def, "memref.expand_shape")) {
    why = expandMap(def, memref, sourceRank, ctx, &own);
  } else if (opIs(def, "memref.collapse_shape")) {
    why = collapseMap(def, source, rank, sourceRank, ctx, &own);
  } else {
    why = "it lays the buffer out anew";
  }
  if (why) {
    setInexact(v, def, why);
    return;
  }
  compose(v, &own, rank, ctx);
  if (!v->exact && mlirOperationIsNull(v->why))
    v->why = def;
}

/*--- aliasing ---------------------------------------------------------------*/

static bool sameGlobal(MlirOperation a, MlirOperation b) {
  MlirAttribute x = attr(a, "name"), y = attr(b, "name");
  if (mlirAttributeIsNull(x) || mlirAttributeIsNull(y))
    return false;
  return mlirAttributeEqual(x, y);
}

bool uslMemSameRoot(const UslMemView *a, const UslMemView *b) {
  if (a->kind != b->kind)
    return false;
  if (a->kind == USL_MEM_ROOT_GLOBAL)
    return sameGlobal(a->rootOp, b->rootOp);
  return mlirValueEqual(a->root, b->root);
}

bool uslMemArgumentMayAlias(MlirValue argument) {
  if (!mlirValueIsABlockArgument(argument))
    return false;
  MlirOperation func = entryFunctionOf(argument);
  if (mlirOperationIsNull(func))
    return false;
  MlirAttribute all = attr(func, "arg_attrs");
  intptr_t index = mlirBlockArgumentGetArgNumber(argument);
  if (mlirAttributeIsNull(all) || !mlirAttributeIsAArray(all) ||
      index >= mlirArrayAttrGetNumElements(all))
    return false;
  MlirAttribute dict = mlirArrayAttrGetElement(all, index);
  return mlirAttributeIsADictionary(dict) &&
         !mlirAttributeIsNull(mlirDictionaryAttrGetElementByName(
             dict, mlirStringRefCreateFromCString("usl.may_alias")));
}

static bool dialectIs(MlirOperation op, const char *prefix) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  size_t n = strlen(prefix);
  return name.length > n && !strncmp(name.data, prefix, n);
}

/* Ops that take a memref without letting its address go anywhere. */
static bool keepsAddress(MlirOperation user, MlirValue memref) {
  if (opIs(user, "memref.store"))
    return !mlirValueEqual(mlirOperationGetOperand(user, 0), memref);
  return dialectIs(user, "sloop.") || dialectIs(user, "tmem.") ||
         dialectIs(user, "rvm.") || dialectIs(user, "avx512.") ||
         dialectIs(user, "pipeline.") || dialectIs(user, "linalg.") ||
         opIs(user, "memref.load") || opIs(user, "memref.dim") ||
         opIs(user, "memref.dealloc") || opIs(user, "memref.copy") ||
         opIs(user, "vector.load") || opIs(user, "vector.store") ||
         opIs(user, "vector.maskedload") || opIs(user, "vector.maskedstore") ||
         opIs(user, "vector.transfer_read") ||
         opIs(user, "vector.transfer_write");
}

static bool noteEscape(MlirOperation user, MlirValue memref, void *ctx) {
  (void)ctx;
  return keepsAddress(user, memref);
}

bool uslMemAllocEscapes(MlirValue root) {
  return !uslMemForEachUse(root, noteEscape, NULL);
}

/* Roots that an unknown memref may be. */
static bool visibleToUnknown(const UslMemView *v) {
  return v->kind != USL_MEM_ROOT_ALLOC || uslMemAllocEscapes(v->root);
}

bool uslMemMayAlias(const UslMemView *a, const UslMemView *b) {
  if (uslMemSameRoot(a, b))
    return true;
  if (a->kind == USL_MEM_ROOT_UNKNOWN)
    return visibleToUnknown(b);
  if (b->kind == USL_MEM_ROOT_UNKNOWN)
    return visibleToUnknown(a);
  if (a->kind == USL_MEM_ROOT_ARGUMENT && b->kind == USL_MEM_ROOT_ARGUMENT)
    return uslMemArgumentMayAlias(a->root) && uslMemArgumentMayAlias(b->root);
  return false;
}

/*--- uses and accesses ------------------------------------------------------*/

bool uslMemForEachUse(MlirValue root, UslMemUseFn fn, void *ctx) {
  for (MlirOpOperand use = mlirValueGetFirstUse(root);
       !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation user = mlirOpOperandGetOwner(use);
    if (uslMemIsViewOp(user) && mlirOpOperandGetOperandNumber(use) == 0) {
      for (intptr_t r = 0; r < mlirOperationGetNumResults(user); ++r)
        if (!uslMemForEachUse(mlirOperationGetResult(user, r), fn, ctx))
          return false;
      continue;
    }
    if (!fn(user, root, ctx))
      return false;
  }
  return true;
}

static int lineOf(MlirOperation op) {
  MlirLocation loc = mlirOperationGetLocation(op);
  return mlirLocationIsAFileLineColRange(loc)
             ? mlirLocationFileLineColRangeGetStartLine(loc)
             : 0;
}

void uslMemDescribeRoot(const UslMemView *v, char *out, size_t size) {
  switch (v->kind) {
  case USL_MEM_ROOT_ARGUMENT:
    snprintf(out, size, "argument %ld",
             (long)mlirBlockArgumentGetArgNumber(v->root));
    return;
  case USL_MEM_ROOT_ALLOC:
    if (opIs(v->rootOp, USL_SLOOP_ALLOC)) {
      MlirStringRef n = uslAllocGetName(v->rootOp);
      snprintf(out, size, "'%.*s'", (int)n.length, n.data);
      return;
    }
    break;
  case USL_MEM_ROOT_GLOBAL: {
    MlirAttribute name = attr(v->rootOp, "name");
    if (!mlirAttributeIsNull(name) && mlirAttributeIsAFlatSymbolRef(name)) {
      MlirStringRef s = mlirFlatSymbolRefAttrGetValue(name);
      snprintf(out, size, "global @%.*s", (int)s.length, s.data);
      return;
    }
    break;
  }
  case USL_MEM_ROOT_UNKNOWN:
    break;
  }
  MlirOperation op = v->rootOp;
  if (mlirOperationIsNull(op)) {
    snprintf(out, size, "a block argument memref (not traceable)");
    return;
  }
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  const char *from = v->kind == USL_MEM_ROOT_UNKNOWN ? "the memref from " : "";
  int line = lineOf(op);
  if (line)
    snprintf(out, size, "%sthe %.*s at line %d", from, (int)name.length,
             name.data, line);
  else
    snprintf(out, size, "%sa %.*s", from, (int)name.length, name.data);
}

static bool report(MlirOperation op, UslMemAccessFn fn, void *ctx,
                   MlirValue memref, int effect, bool reduce, bool indexed,
                   MlirAffineMap map, intptr_t first) {
  UslMemAccess a = {memref, effect, reduce, indexed, map, first};
  return fn(op, &a, ctx);
}

bool uslMemForEachAccess(MlirOperation op, UslMemAccessFn fn, void *ctx) {
  if (opIs(op, USL_SLOOP_LOAD) || opIs(op, USL_SLOOP_STORE) ||
      opIs(op, USL_SLOOP_REDUCE)) {
    bool reduce = opIs(op, USL_SLOOP_REDUCE);
    int effect = opIs(op, USL_SLOOP_LOAD)    ? USL_MEM_READ
                 : opIs(op, USL_SLOOP_STORE) ? USL_MEM_WRITE
                                             : USL_MEM_READ | USL_MEM_WRITE;
    return report(op, fn, ctx, uslAccessGetMemRef(op), effect, reduce, true,
                  uslAccessGetMap(op), uslAccessGetFirstIndex(op));
  }
  if (opIs(op, "memref.load") || opIs(op, "memref.store")) {
    intptr_t at = opIs(op, "memref.load") ? 0 : 1;
    MlirValue m = mlirOperationGetOperand(op, at);
    int rank = rankOf(m);
    if (rank >= 0 && mlirOperationGetNumOperands(op) == at + 1 + rank) {
      MlirContext ctx2 = mlirOperationGetContext(op);
      return report(op, fn, ctx, m, at ? USL_MEM_WRITE : USL_MEM_READ, false,
                    true, mlirAffineMapMultiDimIdentityGet(ctx2, rank),
                    at + 1);
    }
  }
  if (uslMemIsViewOp(op) || opIs(op, "memref.dim") ||
      opIs(op, "memref.extract_strided_metadata") ||
      opIs(op, "memref.extract_aligned_pointer_as_index"))
    return true;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    MlirValue m = mlirOperationGetOperand(op, i);
    if (!mlirTypeIsAMemRef(mlirValueGetType(m)) &&
        !mlirTypeIsAUnrankedMemRef(mlirValueGetType(m)))
      continue;
    /* What the op declares (an instruction reads its sources and writes
     * its destination), or reading and writing for an op that says
     * nothing. */
    int declared = uslOperandMemoryEffects(op, i);
    if (declared == 0)
      continue;
    int effect = declared < 0 ? USL_MEM_READ | USL_MEM_WRITE
                              : ((declared & USL_OPERAND_READ) ? USL_MEM_READ : 0) |
                                    ((declared & USL_OPERAND_WRITE) ? USL_MEM_WRITE : 0);
    if (!report(op, fn, ctx, m, effect, false, false, (MlirAffineMap){NULL},
                0))
      return false;
  }
  return true;
}

bool uslMemTouchesGlobals(MlirOperation op) {
  return opIs(op, "func.call") || opIs(op, "func.call_indirect") ||
         opIs(op, "llvm.call");
}
