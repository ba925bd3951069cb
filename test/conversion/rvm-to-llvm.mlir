// RUN: usl-opt %s --rvm-allocate-tiles | FileCheck %s --check-prefix=REGS
// RUN: usl-opt %s --convert-rvm | FileCheck %s --check-prefix=ASM
// RUN: usl-opt %s --convert-rvm="emulate=true" | FileCheck %s --check-prefix=EMU
// RUN: uslc %s -o %t.rv32.o --target=riscv32
// RUN: llvm-objdump-22 -d %t.rv32.o | python3 %S/Inputs/rvm-decode.py | FileCheck %s --check-prefix=DECODE
// RUN: uslc %s -o %t.rv64.o --target=riscv64
// RUN: llvm-objdump-22 -d %t.rv64.o | python3 %S/Inputs/rvm-decode.py | FileCheck %s --check-prefix=DECODE

// Tests every RVM instruction from op to machine word: registers given by
// live range (a tile's register is reused once it is dead), the words as
// inline assembly or emulator calls, and the words in riscv32 and riscv64
// objects decoded by an independent decoder: acc is md, lhs ms1, rhs ms2.

// REGS: %acc = sloop.alloc {rvm.register = 0 : i64}
// REGS: %k = sloop.alloc {rvm.register = 1 : i64}
// REGS: %d = sloop.alloc {rvm.register = 2 : i64}
// REGS: %f = sloop.alloc {rvm.register = 0 : i64}
// REGS: %g = sloop.alloc {rvm.register = 1 : i64}
// REGS: %h = sloop.alloc {rvm.register = 0 : i64}
// REGS: %s = sloop.alloc {rvm.register = 1 : i64}
// REGS: %b = sloop.alloc {rvm.register = 0 : i64}

// ASM-LABEL: func.func @all
// ASM-NOT: sloop.alloc
// ASM: llvm.inline_asm has_side_effects ".insn 4, 0xf800002b", "~{memory}"
// ASM: memref.extract_aligned_pointer_as_index
// ASM: llvm.inline_asm has_side_effects ".insn r 0x2B, 0, 0x02, x17, $0, $1", "r,r,~{memory}"
// ASM: llvm.inline_asm has_side_effects ".insn r 0x2B, 0, 0x02, x18, $0, $1", "r,r,~{memory}"
// ASM: llvm.inline_asm has_side_effects ".insn 4, 0xf044082b", "~{memory}"
// ASM: llvm.inline_asm has_side_effects ".insn r 0x2B, 0, 0x06, x16, $0, $1", "r,r,~{memory}"
// ASM: ".insn 4, 0x0800882b"
// ASM: ".insn 4, 0xe000842b"
// ASM: ".insn 4, 0x1000802b"
// ASM-NOT: rvm.

// EMU-LABEL: func.func @all
// EMU: %[[W:.*]] = arith.constant -134217685 : i32
// EMU: call @usl_rvm_exec(%[[W]], %{{.*}}, %{{.*}}) : (i32, i64, i64) -> ()
// EMU: func.func private @usl_rvm_exec(i32, i64, i64)

// DECODE: mzero m0
// DECODE-NEXT: mld.w m1 rs1=[[A:x[0-9]+]] rs2=[[S:x[0-9]+]]
// DECODE-NEXT: mld.w m2 rs1=[[A]] rs2=[[S]]
// DECODE-NEXT: mmasa.w md=m0 ms1=m1 ms2=m2
// DECODE-NEXT: mst.w m0 rs1=[[A]] rs2=[[S]]
// DECODE-NEXT: mld.w m0
// DECODE-NEXT: mzero m1
// DECODE-NEXT: fmmacc.s md=m1 ms1=m0 ms2=m0
// DECODE-NEXT: mst.w m1
// DECODE-NEXT: mld.w m0
// DECODE-NEXT: mzero m1
// DECODE-NEXT: mmada.h md=m1 ms1=m0 ms2=m0
// DECODE-NEXT: mld.w m0
// DECODE-NEXT: mmaqa.b md=m1 ms1=m0 ms2=m0
// DECODE-NEXT: mst.w m1

func.func @all(%A: memref<4x4xi32>, %F: memref<4x4xf32>, %H: memref<4x8xi16>, %B: memref<4x16xi8>) {
  %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %k = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %d = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mzero %acc : memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mld.w %k, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mld.w %d, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mmasa.w acc %acc, lhs %k, rhs %d : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mst.w %acc, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  %f = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
  %g = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
  rvm.mld.w %f, %F : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32>
  rvm.mzero %g : memref<4x4xf32, #tmem.space<rvm_tile>>
  rvm.fmmacc.s acc %g, lhs %f, rhs %f : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, #tmem.space<rvm_tile>>
  rvm.mst.w %g, %F : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32>
  %h = sloop.alloc : memref<4x8xi16, #tmem.space<rvm_tile>>
  %s = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mld.w %h, %H : memref<4x8xi16, #tmem.space<rvm_tile>>, memref<4x8xi16>
  rvm.mzero %s : memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mmada.h acc %s, lhs %h, rhs %h : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x8xi16, #tmem.space<rvm_tile>>, memref<4x8xi16, #tmem.space<rvm_tile>>
  %b = sloop.alloc : memref<4x16xi8, #tmem.space<rvm_tile>>
  rvm.mld.w %b, %B : memref<4x16xi8, #tmem.space<rvm_tile>>, memref<4x16xi8>
  rvm.mmaqa.b acc %s, lhs %b, rhs %b : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x16xi8, #tmem.space<rvm_tile>>, memref<4x16xi8, #tmem.space<rvm_tile>>
  rvm.mst.w %s, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  return
}
