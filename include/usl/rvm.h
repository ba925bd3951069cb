/*===- usl/rvm.h - the RISC-V matrix extension dialect from C ------------===*
 *
 * One op per RVM instruction; tiles are buffers in the rvm_tile memory
 * space. Encodings and the emulator are in runtime/rvm_isa.h.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_RVM_H
#define USL_RVM_H

#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Rvm, rvm);

#define USL_RVM_MZERO "rvm.mzero"
#define USL_RVM_MLD "rvm.mld.w"
#define USL_RVM_MST "rvm.mst.w"
#define USL_RVM_MMASA "rvm.mmasa.w"
#define USL_RVM_FMMACC "rvm.fmmacc.s"
#define USL_RVM_MMADA "rvm.mmada.h"
#define USL_RVM_MMAQA "rvm.mmaqa.b"

/* The attribute of a tile's sloop.alloc naming its register (0..7), set by
 * tile-register allocation. */
#define USL_RVM_REGISTER_ATTR "rvm.register"

#ifdef __cplusplus
}
#endif

#endif /* USL_RVM_H */
