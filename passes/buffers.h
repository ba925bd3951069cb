/*===- buffers.h - finding buffers and rewriting their types -------------===*/

#ifndef USL_PASSES_BUFFERS_H
#define USL_PASSES_BUFFERS_H

#include "directive.h"

/* Which buffer a directive applies to: the `occurrence`-th sloop.alloc named
 * `buffer` (0 first, program order), in function `func` if given. */
typedef struct UslBufferTarget {
  char func[USL_MAX_STRING_OPTION];
  char buffer[USL_MAX_STRING_OPTION];
  int64_t occurrence;
} UslBufferTarget;

#define USL_BUFFER_TARGET_OPTIONS(Type, field)                                 \
  {"buffer", USL_OPTION_STRING, offsetof(Type, field.buffer),                  \
   "name of the buffer (its sloop.alloc)", 0, 0},                              \
      {"occurrence", USL_OPTION_INT, offsetof(Type, field.occurrence),         \
       "which buffer of that name, 0 being the first", 0, 1 << 30},            \
      {"func", USL_OPTION_STRING, offsetof(Type, field.func),                  \
       "the function holding the buffer", 0, 0}

/* The sloop.alloc `target` designates; emits an error naming the buffers
 * that exist and returns null otherwise. */
MlirOperation uslDirectiveFindAlloc(MlirOperation module,
                                    const UslBufferTarget *target,
                                    const char *directive);

/* Sets the type of `value` and re-derives the types of the windows built on
 * it, recursively. */
void uslRetypeBuffer(MlirValue value, MlirType type);

/* True when `use` is the buffer operand of a sloop load, store or reduce. */
bool uslIsBufferAccess(MlirOpOperand use);

/* `type` (a memref) in memory `space` (no attribute for dram). */
MlirType uslMemRefWithSpace(MlirType type, UslMemorySpace space);

/* Whether compute-at of `buffer` at `loop` is legal, and then how many
 * elements of it one iteration of the loop computes. Changes nothing. */
bool uslComputeAtWindow(MlirValue buffer, MlirOperation loop,
                        int64_t *elements);

/* The buffer a view (tmem.window, memref casts and views) is of. */
MlirValue uslRootBuffer(MlirValue v);

#endif
