/* Unit tests of the RVM emulator and of the encodings it shares with the
 * code generator: the words of the ISA description, each instruction's
 * exact semantics, the operand-order rule (acc += lhs * rhs^T, whatever
 * order the assembly text lists the fields in), and the counts.
 */
// RUN: clang-22 -std=c17 -Wall -Wextra -Werror -I%usl_src/runtime %s %usl_src/runtime/rvm_emulator.c -o %t
// RUN: %t | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: all RVM emulator tests passed

#include "rvm_isa.h"

#include <stdio.h>
#include <string.h>

static int failures;

static void expect(int ok, const char *what) {
  if (!ok) {
    printf("FAIL: %s\n", what);
    ++failures;
  }
}

static void encodings(void) {
  /* The words the ISA description gives (a0 = x10, a1 = x11, a3 = x13). */
  expect(uslRvmEncodeMzero(2) == 0xf801002bu, "mzero m2");
  expect(uslRvmEncodeMem(USL_RVM_OP_MLD_W, 0, 11, 13) == 0x04d5882bu,
         "mld.w m0, (a1), a3");
  expect(uslRvmEncodeMem(USL_RVM_OP_MST_W, 2, 10, 13) == 0x0cd5092bu,
         "mst.w m2, (a0), a3");
  /* md = 2, ms1 = 1, ms2 = 0: acc m2 += lhs m1 * rhs m0^T */
  expect(uslRvmEncodeMac(USL_RVM_OP_MMASA_W, 2, 1, 0) == 0xf005082bu,
         "mmasa.w acc m2, lhs m1, rhs m0");
  /* The R-type form of the loads and stores gives the same words. */
  uint32_t rtype = 0x2Bu | uslRvmMemRd(0) << 7 | 11u << 15 | 13u << 20 |
                   uslRvmMemFunct7(USL_RVM_OP_MLD_W) << 25;
  expect(rtype == 0x04d5882bu, ".insn r form of mld.w");
  /* Every instruction decodes to what was encoded. */
  for (int op = 0; op < USL_RVM_OP_COUNT; ++op) {
    uint32_t w = op == USL_RVM_OP_MZERO ? uslRvmEncodeMzero(5)
                 : op == USL_RVM_OP_MLD_W || op == USL_RVM_OP_MST_W
                     ? uslRvmEncodeMem((UslRvmOpcode)op, 6, 9, 17)
                     : uslRvmEncodeMac((UslRvmOpcode)op, 7, 3, 4);
    UslRvmFields f;
    int ok = uslRvmDecode(w, &f) && f.op == (UslRvmOpcode)op;
    if (op == USL_RVM_OP_MZERO)
      ok = ok && f.acc == 5;
    else if (op == USL_RVM_OP_MLD_W || op == USL_RVM_OP_MST_W)
      ok = ok && f.tile == 6 && f.rs1 == 9 && f.rs2 == 17;
    else
      ok = ok && f.acc == 7 && f.lhs == 3 && f.rhs == 4;
    expect(ok, uslRvmEncodings[op].name);
  }
  UslRvmFields f;
  expect(!uslRvmDecode(0x00000013u, &f), "a RISC-V nop is no RVM word");
}

static void load(unsigned tile, const void *rows, uintptr_t stride) {
  usl_rvm_exec(uslRvmEncodeMem(USL_RVM_OP_MLD_W, tile, 0, 0), (uintptr_t)rows,
               stride);
}

static void store(unsigned tile, void *rows, uintptr_t stride) {
  usl_rvm_exec(uslRvmEncodeMem(USL_RVM_OP_MST_W, tile, 0, 0), (uintptr_t)rows,
               stride);
}

static void loadStore(void) {
  /* Rows 5 words apart: the stride is in bytes, elements are contiguous. */
  int32_t src[4][5], dst[4][5];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 5; ++j)
      src[i][j] = 10 * i + j, dst[i][j] = -1;
  load(3, &src[0][1], sizeof src[0]);
  store(3, &dst[0][0], sizeof dst[0]);
  int ok = 1;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j)
      ok &= dst[i][j] == src[i][j + 1];
    ok &= dst[i][4] == -1;
  }
  expect(ok, "mld.w / mst.w move 4 rows of 16 bytes at a byte stride");
  usl_rvm_exec(uslRvmEncodeMzero(3), 0, 0);
  store(3, &dst[0][0], sizeof dst[0]);
  ok = 1;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      ok &= dst[i][j] == 0;
  expect(ok, "mzero");
}

static void mmasa(void) {
  int32_t a[4][4], b[4][4], c[4][4], out[4][4], want[4][4];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      a[i][j] = i * 4 + j + 1, b[i][j] = (i + 1) * (j % 3) - 2 * j,
      c[i][j] = 100 * i + j;
  load(0, b, 16); /* rhs in m0 */
  load(1, a, 16); /* lhs in m1 */
  load(2, c, 16); /* acc in m2 */
  /* The word of the ISA description's example: md=2, ms1=1, ms2=0. */
  usl_rvm_exec(0xf005082bu, 0, 0);
  store(2, out, 16);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      want[i][j] = c[i][j];
      for (int k = 0; k < 4; ++k)
        want[i][j] += a[i][k] * b[j][k];
    }
  expect(!memcmp(out, want, sizeof out),
         "mmasa.w computes acc += lhs (ms1) * rhs (ms2)^T");
  /* The other order is the transposed product, not the same. */
  load(2, c, 16);
  usl_rvm_exec(uslRvmEncodeMac(USL_RVM_OP_MMASA_W, 2, 0, 1), 0, 0);
  store(2, out, 16);
  expect(memcmp(out, want, sizeof out) != 0,
         "swapping lhs and rhs changes the result");
  /* Accumulating into an operand reads it before writing it. */
  load(4, a, 16);
  usl_rvm_exec(uslRvmEncodeMac(USL_RVM_OP_MMASA_W, 4, 4, 0), 0, 0);
  store(4, out, 16);
  int ok = 1;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      int32_t s = a[i][j];
      for (int k = 0; k < 4; ++k)
        s += a[i][k] * b[j][k];
      ok &= out[i][j] == s;
    }
  expect(ok, "mmasa.w with acc = lhs");
  /* int32 accumulation wraps. */
  int32_t big[4][4], ones[4][4];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      big[i][j] = INT32_MAX, ones[i][j] = 1;
  load(5, big, 16);
  load(6, ones, 16);
  usl_rvm_exec(uslRvmEncodeMac(USL_RVM_OP_MMASA_W, 5, 6, 6), 0, 0);
  store(5, out, 16);
  expect(out[0][0] == (int32_t)((uint32_t)INT32_MAX + 4u), "int32 wraps");
}

static void fmmacc(void) {
  float a[4][4], b[4][4], c[4][4], out[4][4], want[4][4];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      a[i][j] = 0.5f * (float)(i - j), b[i][j] = 0.25f * (float)(i + 2 * j),
      c[i][j] = (float)i;
  load(0, a, 16);
  load(1, b, 16);
  load(2, c, 16);
  usl_rvm_exec(uslRvmEncodeMac(USL_RVM_OP_FMMACC_S, 2, 0, 1), 0, 0);
  store(2, out, 16);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      want[i][j] = c[i][j];
      for (int k = 0; k < 4; ++k)
        want[i][j] += a[i][k] * b[j][k];
    }
  expect(!memcmp(out, want, sizeof out), "fmmacc.s: acc += lhs * rhs^T");
}

static void packed(void) {
  /* int16: rows of 8, K = 8; int8: rows of 16, K = 16; negative values. */
  int16_t h[4][8], g[4][8];
  int8_t p[4][16], q[4][16];
  for (int i = 0; i < 4; ++i) {
    for (int k = 0; k < 8; ++k)
      h[i][k] = (int16_t)(1000 * (i - 2) + k), g[i][k] = (int16_t)(7 * k - 30 * i);
    for (int k = 0; k < 16; ++k)
      p[i][k] = (int8_t)(k * 9 - 60 + i), q[i][k] = (int8_t)(-k * 5 + 3 * i);
  }
  int32_t out[4][4], want[4][4];
  usl_rvm_exec(uslRvmEncodeMzero(7), 0, 0);
  load(0, h, 16);
  load(1, g, 16);
  usl_rvm_exec(uslRvmEncodeMac(USL_RVM_OP_MMADA_H, 7, 0, 1), 0, 0);
  store(7, out, 16);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      want[i][j] = 0;
      for (int k = 0; k < 8; ++k)
        want[i][j] += h[i][k] * g[j][k];
    }
  expect(!memcmp(out, want, sizeof out), "mmada.h: int16 x int16 -> int32");
  usl_rvm_exec(uslRvmEncodeMzero(7), 0, 0);
  load(0, p, 16);
  load(1, q, 16);
  usl_rvm_exec(uslRvmEncodeMac(USL_RVM_OP_MMAQA_B, 7, 0, 1), 0, 0);
  store(7, out, 16);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      want[i][j] = 0;
      for (int k = 0; k < 16; ++k)
        want[i][j] += p[i][k] * q[j][k];
    }
  expect(!memcmp(out, want, sizeof out), "mmaqa.b: int8 x int8 -> int32");
}

static void counted(void) {
  usl_rvm_reset();
  int32_t t[4][4] = {{0}};
  usl_rvm_exec(uslRvmEncodeMzero(0), 0, 0);
  load(1, t, 16);
  load(2, t, 16);
  usl_rvm_exec(uslRvmEncodeMac(USL_RVM_OP_MMASA_W, 0, 1, 2), 0, 0);
  store(0, t, 16);
  expect(usl_rvm_count(USL_RVM_OP_MZERO) == 1 &&
             usl_rvm_count(USL_RVM_OP_MLD_W) == 2 &&
             usl_rvm_count(USL_RVM_OP_MMASA_W) == 1 &&
             usl_rvm_count(USL_RVM_OP_MST_W) == 1 &&
             usl_rvm_count(USL_RVM_OP_FMMACC_S) == 0,
         "instruction counts");
  usl_rvm_reset();
  expect(usl_rvm_count(USL_RVM_OP_MLD_W) == 0, "reset clears the counts");
}

int main(void) {
  encodings();
  loadStore();
  mmasa();
  fmmacc();
  packed();
  counted();
  if (!failures)
    printf("all RVM emulator tests passed\n");
  return failures != 0;
}
