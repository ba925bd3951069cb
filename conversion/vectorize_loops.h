/*===- vectorize_loops.h - vec and unroll loops expanded ----------------===*/

#ifndef USL_CONVERSION_VECTORIZE_LOOPS_H
#define USL_CONVERSION_VECTORIZE_LOOPS_H

#include "mlir-c/IR.h"

#include <stdbool.h>

/* Replaces the vec loop `loop` by vector ops computing all its iterations
 * at once, when its body is made of contiguous or uniform accesses, guards
 * and arithmetic; returns false and leaves the IR as it was otherwise. */
bool uslVectorizeVecLoop(MlirOperation loop);

/* Replaces an unroll loop by copies of its body, one per iteration
 * (sloop_to_scf.c); false, with an error, past the iteration limit. */
bool uslExpandUnrollLoop(MlirOperation loop);

#endif
