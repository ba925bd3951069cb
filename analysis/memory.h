/*===- memory.h - where the elements of a memref live -------------------===*
 *
 * USL's one memory model. Every memref value of a function is a view of a
 * root buffer, and every directive that asks "do these two accesses touch
 * the same memory" asks it here.
 *
 * Roots:
 *   - a buffer argument of the function;
 *   - an allocation: sloop.alloc, memref.alloc, memref.alloca. Each is a new
 *     buffer, disjoint from every other root; one inside loops is a new
 *     buffer in each of their iterations;
 *   - a global: memref.get_global @g (every get_global of @g is one root);
 *   - unknown: a memref the model cannot trace (returned by a call, loaded
 *     from memory, a block argument of an inner region, ...).
 *
 * Aliasing: distinct allocations never alias each other or anything else.
 * Distinct arguments are assumed not to overlap, as Halide and Exo assume
 * of their buffers, unless the user marks them: every argument carrying the
 * unit attribute `usl.may_alias` may overlap every other marked one, in any
 * way. Globals alias only themselves. An unknown root may alias arguments,
 * globals, other unknown roots and allocations that escape (a view of them
 * reaches an op the model does not know, such as a call).
 *
 * Views: tmem.window, memref.subview, memref.cast, memref.expand_shape and
 * memref.collapse_shape are followed exactly: the view's indices map to the
 * root's by an affine map. A view whose layout the model cannot follow
 * (memref.reinterpret_cast, memref.view, dynamic strides, ...) keeps its
 * root but is inexact: an access through it may touch any element of the
 * root, and `why` says which op made it so.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_ANALYSIS_MEMORY_H
#define USL_ANALYSIS_MEMORY_H

#include "mlir-c/AffineMap.h"
#include "mlir-c/IR.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum UslMemRootKind {
  USL_MEM_ROOT_ARGUMENT,
  USL_MEM_ROOT_ALLOC,
  USL_MEM_ROOT_GLOBAL,
  USL_MEM_ROOT_UNKNOWN,
} UslMemRootKind;

enum { USL_MEM_MAX_VIEW_OPERANDS = 48, USL_MEM_MAX_RANK = 16 };

/* A memref value seen as a view of its root. */
typedef struct UslMemView {
  UslMemRootKind kind;
  /* The root: the argument, the allocation's result, the first get_global
   * of the symbol met, or the untraceable value itself. */
  MlirValue root;
  MlirOperation rootOp; /* the allocation or get_global; null otherwise */
  int rootRank;
  int rank; /* of the view */
  /* exact: `map` takes (view indices..., operands...) to the root's
   * indices. Otherwise an access through the view may touch any element of
   * the root, because of the op `why` (for `reason`). */
  bool exact;
  MlirAffineMap map;
  int numOperands;
  MlirValue operands[USL_MEM_MAX_VIEW_OPERANDS];
  MlirOperation why;
  const char *reason;
} UslMemView;

/* Traces `memref` to its root. Never fails: what cannot be traced is an
 * unknown root or an inexact view. */
void uslMemResolve(MlirValue memref, UslMemView *view);

/* True when the two views have the same root (globals by symbol). */
bool uslMemSameRoot(const UslMemView *a, const UslMemView *b);

/* True when memory of `a`'s root may be memory of `b`'s root: the same
 * root, or roots the aliasing rule above lets overlap. */
bool uslMemMayAlias(const UslMemView *a, const UslMemView *b);

/* True when the argument carries `usl.may_alias`. */
bool uslMemArgumentMayAlias(MlirValue argument);

/* True when a view of the allocation `root` reaches an op that is neither
 * a view nor an access the model knows, so unknown memrefs may alias it. */
bool uslMemAllocEscapes(MlirValue root);

/* "argument 2", "'tile'" (sloop.alloc), "the memref.alloc at line 7",
 * "global @lut", "the memref defined at line 9". */
void uslMemDescribeRoot(const UslMemView *view, char *out, size_t size);

/* True for the ops the model follows as views (their result is a view of
 * their first operand). */
bool uslMemIsViewOp(MlirOperation op);

/* Calls `fn` for each op that uses `root` directly or through views
 * (transitively), with the memref operand it uses; views themselves are
 * walked through, not reported. Stops and returns false when `fn` does. */
typedef bool (*UslMemUseFn)(MlirOperation user, MlirValue memref, void *ctx);
bool uslMemForEachUse(MlirValue root, UslMemUseFn fn, void *ctx);

/* What an op does to memory. */
enum { USL_MEM_READ = 1, USL_MEM_WRITE = 2 };

typedef struct UslMemAccess {
  MlirValue memref; /* the operand */
  int effect;       /* USL_MEM_READ | USL_MEM_WRITE */
  bool reduce;      /* a sloop.reduce (effect is read | write) */
  /* Indices: the access touches memref[map(operands[first...])]; when
   * !indexed, any element of it. */
  bool indexed;
  MlirAffineMap map;
  intptr_t first;
} UslMemAccess;

/* Calls `fn` for each memref operand `op` reads or writes, itself (not its
 * regions): sloop.load/store/reduce and memref.load/store exactly, views,
 * memref.dim and allocation bookkeeping not at all, any other op taking a
 * memref as reading and writing all of it. Returns false when `fn` does. */
typedef bool (*UslMemAccessFn)(MlirOperation op, const UslMemAccess *access,
                               void *ctx);
bool uslMemForEachAccess(MlirOperation op, UslMemAccessFn fn, void *ctx);

/* True when `op` may also touch memory it is not given (a call may touch
 * globals). */
bool uslMemTouchesGlobals(MlirOperation op);

#endif
