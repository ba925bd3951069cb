/*===- usl/tmem.h - the tile-memory dialect from C -----------------------===*
 *
 * Memory spaces of buffers and windows into them.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_TMEM_H
#define USL_TMEM_H

#include "mlir-c/AffineMap.h"
#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Tmem, tmem);

#define USL_TMEM_WINDOW "tmem.window"

/* Where a buffer lives. A memref without a memory space is in dram. */
typedef enum UslMemorySpace {
  USL_MEM_DRAM = 0,
  USL_MEM_DRAM_STATIC = 1,
  USL_MEM_RVM_TILE = 2,
  USL_MEM_AVX512 = 3,
} UslMemorySpace;

/* The printable name of a space ("dram", "rvm_tile", ...). */
const char *uslMemorySpaceName(UslMemorySpace space);

/* #tmem.space<...> attributes. */
MlirAttribute uslTmemSpaceAttrGet(MlirContext ctx, UslMemorySpace space);
bool uslAttributeIsATmemSpace(MlirAttribute attr);
UslMemorySpace uslTmemSpaceAttrGetValue(MlirAttribute attr);

/* The space of a memref type: dram when it has none. Returns false for a
 * memory space that is not a tile-memory space. */
bool uslMemRefTypeGetSpace(MlirType memref, UslMemorySpace *space);

/* A tmem.window (not inserted anywhere) of `sizes` elements of `source` at
 * `offsets` (one result per dimension) over `offsetOperands`; its type is
 * derived from the source's. */
MlirOperation uslWindowCreate(MlirLocation loc, MlirValue source,
                              MlirAffineMap offsets,
                              const MlirValue *offsetOperands, intptr_t rank,
                              const int64_t *sizes);

/* True when data in `space` lives in registers that only the target's
 * instructions may touch (rvm_tile, avx512). */
bool uslMemorySpaceIsRegister(UslMemorySpace space);

#ifdef __cplusplus
}
#endif

#endif /* USL_TMEM_H */
