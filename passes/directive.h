/*===- directive.h - what the schedule directive passes share ------------===*/

#ifndef USL_PASSES_DIRECTIVE_H
#define USL_PASSES_DIRECTIVE_H

#include "support.h"
#include "usl/passes.h"
#include "usl/schedule.h"
#include "usl/tmem.h"

#include <stddef.h>

/* Which loop a directive applies to: `loop` names it, `occurrence` picks
 * among loops of that name (0 first, in program order), `func` among
 * functions when several hold it. */
typedef struct UslLoopTarget {
  char func[USL_MAX_STRING_OPTION];
  char loop[USL_MAX_STRING_OPTION];
  int64_t occurrence;
} UslLoopTarget;

#define USL_LOOP_TARGET_OPTIONS(Type, field)                                   \
  {"loop", USL_OPTION_STRING, offsetof(Type, field.loop),                      \
   "name of the loop", 0, 0},                                                  \
      {"occurrence", USL_OPTION_INT, offsetof(Type, field.occurrence),         \
       "which loop of that name, 0 being the first", 0, 1 << 30},              \
      {"func", USL_OPTION_STRING, offsetof(Type, field.func),                  \
       "the function holding the loop", 0, 0}

/* The loop `target` designates in `module`; emits an error naming the
 * loops that exist and returns null when there is none, or when several
 * functions have one and `func` does not choose. */
MlirOperation uslDirectiveFindLoop(MlirOperation module,
                                   const UslLoopTarget *target,
                                   const char *directive);

/* The loop `target` designates and the buffer called `buffer` seen from it
 * (see uslFindBuffer); emits an error and returns false when either is
 * missing. */
bool uslDirectiveFindLoopAndBuffer(MlirOperation module,
                                   const UslLoopTarget *target,
                                   const char *buffer, const char *directive,
                                   MlirOperation *loop, MlirValue *value);

/* The symbol name of a func.func. */
MlirStringRef uslFuncName(MlirOperation func);

/* True when `op` is a func.func that `name` selects: any when `name` is
 * empty, else the one of that name. */
bool uslFuncSelected(MlirOperation op, const char *name);

/* The func.func of the module's body called `name`, or a null op. */
MlirOperation uslFindFunc(MlirOperation module, MlirStringRef name);

/* The func.func around `op`. */
MlirOperation uslEnclosingFunc(MlirOperation op);

/* A copy of a function to restore when a multi-step directive fails. */
typedef struct UslSnapshot {
  MlirOperation func, copy;
} UslSnapshot;

UslSnapshot uslSnapshotTake(MlirOperation func);
void uslSnapshotRestore(UslSnapshot *s); /* invalidates ops of the function */
void uslSnapshotDrop(UslSnapshot *s);

/* Writes the loop's name, NUL-terminated, into `out`. */
void uslLoopName(MlirOperation loop, char *out, size_t size);

/* The only loop in `loop`'s body (besides its terminator), or null. */
MlirOperation uslOnlyChildLoop(MlirOperation loop);

/* Parses "perfect", "guard" or "cut". */
bool uslParseTail(const char *text, UslTail *tail);


/* Checks that the iterations of `loop` are independent; otherwise emits
 * "cannot <what> loop ..." with the dependence at the loop. */
bool uslCheckLoopParallel(MlirOperation loop, const char *what);

/* The same with a model of the function already built. */
typedef struct UslDeps UslDeps;
bool uslCheckLoopParallelIn(UslDeps *deps, MlirOperation loop,
                            const char *what);

/* Reads a comma-separated list of names from `text` into `names`; returns
 * the count, or -1 when there are more than `max`. */
int uslSplitNames(const char *text, char names[][USL_MAX_STRING_OPTION],
                  int max);

/* The perfectly nested band of loops named `names[0..n)` (in any order) in
 * `module`, outermost first, written to `band`; emits an error otherwise.
 * `occurrence` picks among such bands in program order (0 first: after
 * fission, occurrence=1 is the second copy of a nest).
 * A guard that is all of a band loop's body and holds the next loop (as
 * tile tail=guard leaves them) does not break the band; a directive that
 * goes ahead moves it in with uslSinkBandGuards. */
bool uslDirectiveFindBand(MlirOperation module, const char *func,
                          int occurrence,
                          char names[][USL_MAX_STRING_OPTION], int n,
                          MlirOperation *band, const char *directive);

/* Checks that `band[0..n)` is a perfect nest (up to guards between its
 * loops) whose bounds do not use each other's variables; emits an error
 * naming the offending loop otherwise. */
bool uslCheckRectangularBand(MlirOperation *band, int n, const char *what);

/* Moves the guards between the loops of a band into its innermost loop
 * (`if g { for k { S } }` is `for k { if g { S } }`, since g cannot depend
 * on k), making it a perfect nest. Call once every check has passed. */
void uslSinkBandGuards(MlirOperation *band, int n);

/* The dialects directives may create ops of (affine.apply for a rewritten
 * loop variable used outside affine maps). */
intptr_t uslDirectiveDependentDialects(MlirDialectHandle *out);

/* The buffer called `name` seen from `loop`: a sloop.alloc before it in an
 * enclosing block, or a function argument whose `sloop.name` attribute is
 * `name` or that is argument N for "argN"; null when there is none. */
MlirValue uslFindBuffer(MlirOperation loop, const char *name);

/* The name directives know a buffer by (see uslFindBuffer). */
void uslBufferName(MlirValue buffer, char *out, size_t size);

/* Parses "dram", "dram_static", "rvm_tile" or "avx512". */
bool uslParseMemorySpace(const char *text, UslMemorySpace *space);

/* uslSplit, also returning the new outer loop. */
MlirLogicalResult uslSplitLoop(MlirOperation loop, int64_t factor,
                               UslTail tail, MlirStringRef outerName,
                               MlirStringRef innerName, MlirOperation *outer);

/* Whether inequality `k` of the sloop.if `ifOp` holds whatever the loops
 * around it do, by their bounds and sizes (memref.dim) being never negative
 * (simplify.c). */
bool uslGuardConstraintAlwaysHolds(MlirOperation ifOp, intptr_t k);

/* Rebuilds the perfect nest band[0..n) so that loop k has band[perm[k]]'s
 * header; no legality check (reorder.c). */
void uslPermuteBand(MlirOperation *band, int n, const int *perm);

/* Runs one directive written as on the command line without the dashes
 * ("tile loops=i,j sizes=4,4") on function `func` of `module`. */
MlirLogicalResult uslApplyDirectiveText(MlirOperation module,
                                        MlirOperation func, const char *text);

#endif
