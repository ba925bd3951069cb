/*===- rvm_isa.h - RVM instruction encodings, in one place ---------------===*
 *
 * The X-HEEP RISC-V matrix extension's instruction words. Both the code
 * generator (rvm ops -> .insn words) and the emulator (words -> effects)
 * use these functions, so the encoding of each operand role is written
 * once, here:
 *
 *   multiply-accumulate  acc += lhs * rhs^T   acc -> md  (bits 17:15)
 *                                             lhs -> ms1 (bits 20:18)
 *                                             rhs -> ms2 (bits 23:21)
 *   (the reference assembler writes these `op md, ms2, ms1`: the text
 *   `mmasa.w m2, m0, m1` computes m2 += m1 * m0^T)
 *   mzero                tile -> md (bits 17:15)
 *   mld.w / mst.w        tile -> bits 9:7 (size bits 11:10 = word),
 *                        address register rs1 (bits 19:15), row stride in
 *                        bytes rs2 (bits 24:20)
 *
 * All instructions use the CUSTOM-1 major opcode (0x2B) with funct3 = 0.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_RUNTIME_RVM_ISA_H
#define USL_RUNTIME_RVM_ISA_H

#include <stdbool.h>
#include <stdint.h>

typedef enum UslRvmOpcode {
  USL_RVM_OP_MZERO,
  USL_RVM_OP_MLD_W,
  USL_RVM_OP_MST_W,
  USL_RVM_OP_MMASA_W,
  USL_RVM_OP_FMMACC_S,
  USL_RVM_OP_MMADA_H,
  USL_RVM_OP_MMAQA_B,
  USL_RVM_OP_COUNT
} UslRvmOpcode;

typedef struct UslRvmEncoding {
  const char *name;
  uint32_t match, mask;
} UslRvmEncoding;

static const UslRvmEncoding uslRvmEncodings[USL_RVM_OP_COUNT] = {
    [USL_RVM_OP_MZERO] = {"mzero", 0xF800002Bu, 0xFFFC7FFFu},
    [USL_RVM_OP_MLD_W] = {"mld.w", 0x0400082Bu, 0xFE007C7Fu},
    [USL_RVM_OP_MST_W] = {"mst.w", 0x0C00082Bu, 0xFE007C7Fu},
    [USL_RVM_OP_MMASA_W] = {"mmasa.w", 0xF000082Bu, 0xFF007FFFu},
    [USL_RVM_OP_FMMACC_S] = {"fmmacc.s", 0x0800082Bu, 0xFF007FFFu},
    [USL_RVM_OP_MMADA_H] = {"mmada.h", 0xE000042Bu, 0xFF007FFFu},
    [USL_RVM_OP_MMAQA_B] = {"mmaqa.b", 0x1000002Bu, 0xFF007FFFu},
};

enum { USL_RVM_NUM_TILES = 8 };

/* The decoded fields of a word. */
typedef struct UslRvmFields {
  UslRvmOpcode op;
  unsigned acc, lhs, rhs; /* multiply-accumulate (and mzero's tile: acc) */
  unsigned tile;          /* mld.w / mst.w */
  unsigned rs1, rs2;      /* mld.w / mst.w: address and row-stride registers */
} UslRvmFields;

static inline bool uslRvmIsMac(UslRvmOpcode op) {
  return op == USL_RVM_OP_MMASA_W || op == USL_RVM_OP_FMMACC_S ||
         op == USL_RVM_OP_MMADA_H || op == USL_RVM_OP_MMAQA_B;
}

static inline uint32_t uslRvmEncodeMac(UslRvmOpcode op, unsigned acc,
                                       unsigned lhs, unsigned rhs) {
  return uslRvmEncodings[op].match | (rhs & 7u) << 21 | (lhs & 7u) << 18 |
         (acc & 7u) << 15;
}

static inline uint32_t uslRvmEncodeMzero(unsigned tile) {
  return uslRvmEncodings[USL_RVM_OP_MZERO].match | (tile & 7u) << 15;
}

/* mld.w / mst.w with address register rs1 and stride register rs2 (x0..x31). */
static inline uint32_t uslRvmEncodeMem(UslRvmOpcode op, unsigned tile,
                                       unsigned rs1, unsigned rs2) {
  return uslRvmEncodings[op].match | (rs2 & 31u) << 20 | (rs1 & 31u) << 15 |
         (tile & 7u) << 7;
}

/* mld.w / mst.w as the fields of an R-type `.insn r 0x2B, 0, funct7, rd,
 * rs1, rs2`: funct7 and the rd register number (size bits and tile). */
static inline unsigned uslRvmMemFunct7(UslRvmOpcode op) {
  return uslRvmEncodings[op].match >> 25;
}
static inline unsigned uslRvmMemRd(unsigned tile) {
  return (uslRvmEncodings[USL_RVM_OP_MLD_W].match >> 7 & 0x18u) | (tile & 7u);
}

/* The instruction a word encodes; false when it is none of them. */
static inline bool uslRvmDecode(uint32_t word, UslRvmFields *f) {
  for (int op = 0; op < USL_RVM_OP_COUNT; ++op) {
    if ((word & uslRvmEncodings[op].mask) != uslRvmEncodings[op].match)
      continue;
    *f = (UslRvmFields){.op = (UslRvmOpcode)op};
    f->rhs = word >> 21 & 7u;
    f->lhs = word >> 18 & 7u;
    f->acc = word >> 15 & 7u;
    f->tile = word >> 7 & 7u;
    f->rs1 = word >> 15 & 31u;
    f->rs2 = word >> 20 & 31u;
    return true;
  }
  return false;
}

/*--- the emulator (rvm_emulator.c) ----------------------------------------*/

/* Runs one instruction word on the emulated tile registers; rs1 and rs2 are
 * the values of the address and row-stride registers (mld.w / mst.w).
 * An undecodable word aborts with a message. */
void usl_rvm_exec(uint32_t word, uintptr_t rs1, uintptr_t rs2);

/* Clears the tile registers and the instruction counts. */
void usl_rvm_reset(void);

/* How many instructions of `op` ran since the last reset. */
uint64_t usl_rvm_count(UslRvmOpcode op);

/* The 16 bytes of row `row` of tile register `tile`. */
const uint8_t *usl_rvm_tile_row(unsigned tile, unsigned row);

#endif /* USL_RUNTIME_RVM_ISA_H */
