/*===- dependences.h - exact dependences of scheduled loops (isl) --------===*
 *
 * A polyhedral model of one function's scheduled loops: every access
 * (sloop.load, sloop.store, sloop.reduce, or any other op touching a buffer)
 * is a statement with an iteration domain (its enclosing loops' bounds and
 * guards), an access relation (the elements it touches) and a schedule (its
 * order in the program, as a 2d+1 vector of block positions and loop
 * variables). Dependences are pairs of statement instances that touch the
 * same element, at least one of them writing, the first running first.
 *
 * Directives ask whether a new order keeps every dependence: a loop is
 * parallel when it carries none; a permutation of loops is legal when every
 * dependence still goes forward; fission and fusion likewise. When the answer
 * is no, a violation names the two accesses, their iterations and the element.
 *
 * Two sloop.reduce of the same operator on one element commute, so they do
 * not order each other for reordering (floating-point reassociation is
 * accepted, as in Exo and Halide); they still race, so they do for par loops.
 * Buffers are the roots of memory.h's model (arguments, allocations,
 * globals, untraceable memrefs), accesses through views are composed with
 * the view's map to the root, and roots that may alias are related as that
 * model says. A buffer allocated inside loops is private to each of their
 * iterations. An access whose indices are not affine in loop variables and
 * function arguments, or through a view the model cannot follow, is taken
 * to touch its whole buffer, and violations involving one say why.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_ANALYSIS_DEPENDENCES_H
#define USL_ANALYSIS_DEPENDENCES_H

#include "mlir-c/AffineExpr.h"
#include "mlir-c/IR.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct UslDeps UslDeps;

enum { USL_DEPS_MAX_DEPTH = 16, USL_DEPS_MAX_RANK = 12, USL_DEPS_MAX_ACCESSES = 512 };

/* Two statement instances that a proposed order would run the wrong way
 * round (or at once). */
typedef struct UslDepViolation {
  MlirOperation first, second; /* the accesses, in original program order */
  int firstDepth, secondDepth; /* how many loops enclose each */
  MlirOperation firstLoops[USL_DEPS_MAX_DEPTH], secondLoops[USL_DEPS_MAX_DEPTH];
  int64_t firstIters[USL_DEPS_MAX_DEPTH], secondIters[USL_DEPS_MAX_DEPTH];
  MlirValue buffer;
  int rank; /* of the element below; -1 when not known */
  int64_t element[USL_DEPS_MAX_RANK + USL_DEPS_MAX_DEPTH];
  bool conservative; /* an access was not exact */
  MlirOperation whyOp; /* then the op that made it so, and how */
  const char *why;
  int tooDeepDepth;  /* > 0: `first` is nested deeper than the model takes */
  int tooMany;       /* > 0: the function has this many accesses, too many */
} UslDepViolation;

/* Builds the model of `func` (a func.func). Never fails: what cannot be
 * modelled exactly is over-approximated, and in a function with an access
 * under more than USL_DEPS_MAX_DEPTH loops, or more than
 * USL_DEPS_MAX_ACCESSES accesses, every query answers the conservative way
 * (the violation says why). */
UslDeps *uslDepsCreate(MlirOperation func);
void uslDepsDestroy(UslDeps *deps);

/* True when iterations of `loop` may run in any order or at once: no two of
 * its iterations touch an element that one of them writes or updates. */
bool uslDepsLoopIsParallel(UslDeps *deps, MlirOperation loop,
                           UslDepViolation *violation);

/* True when an iteration of `loop` touches an element of `buffer` that a
 * later iteration touches too, one of them writing (updates included). */
bool uslDepsLoopCarriesThrough(UslDeps *deps, MlirOperation loop,
                               MlirValue buffer, UslDepViolation *violation);

/* True when a read of `buffer` in one iteration of `loop` sees a value
 * written in an earlier iteration (exact dataflow: later writes kill). */
bool uslDepsLoopCarriesFlowThrough(UslDeps *deps, MlirOperation loop,
                                   MlirValue buffer,
                                   UslDepViolation *violation);

/* True when the perfectly nested loops `band[0..n)` (outermost first) can be
 * run in the order band[perm[0]], band[perm[1]], ... (outermost first). */
bool uslDepsPermutationIsLegal(UslDeps *deps, MlirOperation *band, int n,
                               const int *perm, UslDepViolation *violation);

/* True when the perfectly nested loops `band[0..n)` are fully permutable:
 * no dependence between their iterations goes backwards in any of them, so
 * they can be tiled. */
bool uslDepsBandIsPermutable(UslDeps *deps, MlirOperation *band, int n,
                             UslDepViolation *violation);

/* True when the body of `loop` can be split into two loops, the first
 * running the body's ops before `splitAfter` (inclusive), the second the
 * rest. */
bool uslDepsFissionIsLegal(UslDeps *deps, MlirOperation loop,
                           MlirOperation splitAfter,
                           UslDepViolation *violation);

/* True when adjacent loops `first` and `second` (same bounds) can run as one
 * loop whose body is first's body then second's. */
bool uslDepsFusionIsLegal(UslDeps *deps, MlirOperation first,
                          MlirOperation second, UslDepViolation *violation);

/* True when the affine expression `e` over `numDims` dimensions is a
 * multiple of `factor` whatever integer values the dimensions take. */
bool uslAffineIsMultipleOf(MlirAffineExpr e, int numDims, int64_t factor);

/* Writes "'sloop.store' (line 12) writes C[1, 0] in iteration (i = 1, k = 0)
 * before 'sloop.load' (line 14) reads it in iteration (i = 0, k = 1)". */
void uslDepsDescribe(const UslDepViolation *v, char *out, size_t size);

/* What follows the description in a directive's error: `usual` for a
 * dependence found, a note that nothing could be checked when the model
 * was not built. */
const char *uslDepsConsequence(const UslDepViolation *v, const char *usual);

#endif
