/*===- usl/avx512.h - the AVX-512 dialect from C -------------------------===*
 *
 * One op per AVX-512 instruction; registers are buffers in the avx512
 * memory space (memref<16xf32> or memref<32xi16>).
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_AVX512_H
#define USL_AVX512_H

#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Avx512, avx512);

#define USL_AVX512_SETZERO "avx512.setzero"
#define USL_AVX512_LOADU "avx512.loadu"
#define USL_AVX512_MASKZ_LOADU "avx512.maskz_loadu"
#define USL_AVX512_MASK_LOADU "avx512.mask_loadu"
#define USL_AVX512_STOREU "avx512.storeu"
#define USL_AVX512_MASK_STOREU "avx512.mask_storeu"
#define USL_AVX512_SET1 "avx512.set1"
#define USL_AVX512_MASK_SET1 "avx512.mask_set1"
#define USL_AVX512_ADD "avx512.add"
#define USL_AVX512_MASK_ADD "avx512.mask_add"
#define USL_AVX512_MUL "avx512.mul"
#define USL_AVX512_MAX "avx512.max"
#define USL_AVX512_MULHI "avx512.mulhi"
#define USL_AVX512_FMADD "avx512.fmadd"
#define USL_AVX512_MASK_FMADD "avx512.mask_fmadd"
#define USL_AVX512_RELU "avx512.relu"

/* The number of zmm registers: at most this many register buffers live. */
#define USL_AVX512_NUM_REGISTERS 32

#ifdef __cplusplus
}
#endif

#endif /* USL_AVX512_H */
