/*===- usl/schedule.h - schedule directives on scheduled loops -----------===*
 *
 * Each directive rewrites a loop nest without changing what it computes.
 * Those that could change the result are checked first with an exact
 * dependence analysis; when the check fails, or the directive does not apply,
 * the directive emits one error at the loop naming what is wrong and leaves
 * the IR unchanged. New loops are named as in Exo: splitting "i" gives "io"
 * and "ii".
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_SCHEDULE_H
#define USL_SCHEDULE_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"
#include "usl/tmem.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How split handles a trip count the factor may not divide. */
typedef enum UslTail {
  USL_TAIL_PERFECT, /* the factor must provably divide it */
  USL_TAIL_GUARD,   /* round up; guard the body with a condition */
  USL_TAIL_CUT,     /* a main loop of whole tiles plus a remainder loop */
} UslTail;

/* The `occurrence`-th loop (0 first, program order) named `name` in `root`,
 * or a null op. */
MlirOperation uslFindLoop(MlirOperation root, MlirStringRef name,
                          int occurrence);

/* i -> io, ii with i = lb + factor * io + ii. Empty names mean name+"o" and
 * name+"i". */
MlirLogicalResult uslSplit(MlirOperation loop, int64_t factor, UslTail tail,
                           MlirStringRef outerName, MlirStringRef innerName);

/* Runs the perfectly nested loops band[0..n) (band[0] outermost) in the
 * order band[perm[0]], band[perm[1]], ... . */
MlirLogicalResult uslReorder(MlirOperation *band, int n, const int *perm);

/* Marks the loop par: its iterations may run at once, on several cores. */
MlirLogicalResult uslParallelize(MlirOperation loop);

/* Marks the loop vec with `width` lanes, splitting it by `width` first
 * (remainder loop cut off) unless its trip count is already `width`. */
MlirLogicalResult uslVectorize(MlirOperation loop, int64_t width);

/* factor 0: mark the loop unroll (constant trip count); otherwise split by
 * `factor` (remainder cut off) and mark the inner loop unroll. */
MlirLogicalResult uslUnroll(MlirOperation loop, int64_t factor);

/* Splits each loop of the perfectly nested band[0..n) by sizes[k] and moves
 * the tile loops outside: i, j -> io, jo, ii, ji. */
MlirLogicalResult uslTile(MlirOperation *band, int n, const int64_t *sizes,
                          UslTail tail);

/* Splits the loop in two after the first `after` ops of its body. */
MlirLogicalResult uslFission(MlirOperation loop, int64_t after);

/* Merges the loop with the loop right after it, which has the same bounds. */
MlirLogicalResult uslFuse(MlirOperation loop);

/* Makes `loop` work on a new buffer `into` in memory `space` holding the
 * window of `buffer` it touches, copied in before and out after as needed;
 * with `body`, one iteration at a time (staged inside the loop's body).
 * Window dimensions of one element are dropped from the new buffer. */
MlirLogicalResult uslStageMem(MlirOperation loop, bool body, MlirValue buffer,
                              MlirStringRef into, UslMemorySpace space);

/* Moves the memory space of a buffer (a sloop.alloc). */
MlirLogicalResult uslSetMemory(MlirOperation alloc, UslMemorySpace space);

/* Moves a sloop.alloc out of the `levels` loops around it. */
MlirLogicalResult uslLiftAlloc(MlirOperation alloc, int64_t levels);

/* Adds a leading dimension of `size` to a sloop.alloc, indexed by the
 * variable of `loop` at every access. */
MlirLogicalResult uslExpandDim(MlirOperation alloc, int64_t size,
                               MlirOperation loop);

/* Divides dimension `dim` of a sloop.alloc into (size / factor, factor),
 * every index e becoming (e floordiv factor, e mod factor), written as
 * (q, r) when e = q * factor + r with r a loop variable within
 * [0, factor) or a constant. */
MlirLogicalResult uslDivideDim(MlirOperation alloc, int64_t dim,
                               int64_t factor);

/* Splits a sloop.alloc along dimension `dim`, which every access indexes
 * with a constant, into one buffer per index. */
MlirLogicalResult uslUnrollBuffer(MlirOperation alloc, int64_t dim);

/* Permutes the dimensions of a buffer of the function's own: dimension d
 * of the new buffer is dimension order[d] of the old one (n = its rank). */
MlirLogicalResult uslRearrangeDim(MlirOperation alloc, const int64_t *order,
                                  int n);

/* Replaces the buffer of `alloc` by the earlier buffer of `dead` (same type,
 * same block, no use after `alloc`). */
MlirLogicalResult uslReuseBuffer(MlirOperation alloc, MlirOperation dead);

/* Simplifies affine expressions, settled guards, and empty or
 * single-iteration loops under `root`. */
MlirLogicalResult uslSimplify(MlirOperation root);

/* Moves the loop nest that computes `buffer` into the start of `loop`'s
 * body, computing per iteration only the window of `buffer` that iteration
 * reads (Halide's compute_at). */
MlirLogicalResult uslComputeAt(MlirValue buffer, MlirOperation loop);

/* Moves the loop-invariant arithmetic and loads of `loop` before it. */
MlirLogicalResult uslHoist(MlirOperation loop);

/* Replaces a loop by one run of its body, when the body ignores the loop's
 * variable and repeating it changes nothing. */
MlirLogicalResult uslRemoveLoop(MlirOperation loop);

/* Moves the single guard (or loop) inside `loop` outside it. */
MlirLogicalResult uslLiftScope(MlirOperation loop);

#ifdef __cplusplus
}
#endif

#endif /* USL_SCHEDULE_H */
