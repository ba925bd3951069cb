//===- rvm_emulator.c - the RVM tile registers, emulated ------------------===//
//
// Exact semantics of each instruction on eight 4 x 16-byte tile registers,
// decoded from the same words the code generator emits, with a count per
// instruction. The emulated accelerator is coherent with the CPU and runs
// in program order: what the CPU stored before an mld.w is what it loads.
// int32 accumulation wraps; fp32 accumulates k in order, one rounding per
// multiply and per add (no fused multiply-add).
//
//===----------------------------------------------------------------------===//

#include "rvm_isa.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROWS = 4, ROW_BYTES = 16 };

/* Each thread has an accelerator of its own; the counts are shared. */
static _Thread_local uint8_t tiles[USL_RVM_NUM_TILES][ROWS][ROW_BYTES];
static _Atomic uint64_t counts[USL_RVM_OP_COUNT];

/* Element k of a row as a little-endian integer of `bytes` bytes. */
static int64_t element(const uint8_t *row, int k, int bytes) {
  switch (bytes) {
  case 1: {
    int8_t v;
    memcpy(&v, row + k, 1);
    return v;
  }
  case 2: {
    int16_t v;
    memcpy(&v, row + 2 * k, 2);
    return v;
  }
  default: {
    int32_t v;
    memcpy(&v, row + 4 * k, 4);
    return v;
  }
  }
}

/* acc[i][j] += sum_k lhs[i][k] * rhs[j][k] over integers of `bytes` bytes,
 * wrapping at 32 bits. */
static void macInt(uint8_t (*acc)[ROW_BYTES], uint8_t (*lhs)[ROW_BYTES],
                   uint8_t (*rhs)[ROW_BYTES], int bytes) {
  int k = ROW_BYTES / bytes;
  uint32_t sum[ROWS][ROWS];
  for (int i = 0; i < ROWS; ++i)
    for (int j = 0; j < ROWS; ++j) {
      uint32_t s = (uint32_t)element(acc[i], j, 4);
      for (int x = 0; x < k; ++x)
        s += (uint32_t)(element(lhs[i], x, bytes) * element(rhs[j], x, bytes));
      sum[i][j] = s;
    }
  /* acc may be lhs or rhs: write once every sum is known */
  for (int i = 0; i < ROWS; ++i)
    memcpy(acc[i], sum[i], ROW_BYTES);
}

static void macFloat(uint8_t (*acc)[ROW_BYTES], uint8_t (*lhs)[ROW_BYTES],
                     uint8_t (*rhs)[ROW_BYTES]) {
  float a[ROWS][ROWS], l[ROWS][ROWS], r[ROWS][ROWS];
  memcpy(a, acc, sizeof a);
  memcpy(l, lhs, sizeof l);
  memcpy(r, rhs, sizeof r);
  for (int i = 0; i < ROWS; ++i)
    for (int j = 0; j < ROWS; ++j)
      for (int k = 0; k < ROWS; ++k) {
        float p = l[i][k] * r[j][k];
        a[i][j] += p;
      }
  memcpy(acc, a, sizeof a);
}

void usl_rvm_exec(uint32_t word, uintptr_t rs1, uintptr_t rs2) {
  UslRvmFields f;
  if (!uslRvmDecode(word, &f)) {
    fprintf(stderr, "usl rvm emulator: 0x%08x is not an RVM instruction\n",
            (unsigned)word);
    abort();
  }
  atomic_fetch_add_explicit(&counts[f.op], 1, memory_order_relaxed);
  switch (f.op) {
  case USL_RVM_OP_MZERO:
    memset(tiles[f.acc], 0, sizeof tiles[f.acc]);
    break;
  case USL_RVM_OP_MLD_W:
    for (int i = 0; i < ROWS; ++i)
      memcpy(tiles[f.tile][i], (const void *)(rs1 + (uintptr_t)i * rs2),
             ROW_BYTES);
    break;
  case USL_RVM_OP_MST_W:
    for (int i = 0; i < ROWS; ++i)
      memcpy((void *)(rs1 + (uintptr_t)i * rs2), tiles[f.tile][i], ROW_BYTES);
    break;
  case USL_RVM_OP_MMASA_W:
    macInt(tiles[f.acc], tiles[f.lhs], tiles[f.rhs], 4);
    break;
  case USL_RVM_OP_MMADA_H:
    macInt(tiles[f.acc], tiles[f.lhs], tiles[f.rhs], 2);
    break;
  case USL_RVM_OP_MMAQA_B:
    macInt(tiles[f.acc], tiles[f.lhs], tiles[f.rhs], 1);
    break;
  case USL_RVM_OP_FMMACC_S:
    macFloat(tiles[f.acc], tiles[f.lhs], tiles[f.rhs]);
    break;
  case USL_RVM_OP_COUNT:
    break;
  }
}

void usl_rvm_reset(void) {
  memset(tiles, 0, sizeof tiles);
  for (int op = 0; op < USL_RVM_OP_COUNT; ++op)
    atomic_store_explicit(&counts[op], 0, memory_order_relaxed);
}

uint64_t usl_rvm_count(UslRvmOpcode op) {
  return op < USL_RVM_OP_COUNT
             ? atomic_load_explicit(&counts[op], memory_order_relaxed)
             : 0;
}

const uint8_t *usl_rvm_tile_row(unsigned tile, unsigned row) {
  return tiles[tile & 7u][row & 3u];
}
