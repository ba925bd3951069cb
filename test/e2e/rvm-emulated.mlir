// Tests hand-written RVM code on the emulator: C = A * Bt^T in 4x4 tiles
// (int32 with mmasa.w, fp32 with fmmacc.s), three k blocks accumulated in
// a register, against the same product as plain loops on the CPU; and the
// number of instructions run (per 4x4 block of C: 1 mzero, 3 x 2 mld.w,
// 3 mmasa.w, 1 mst.w).

// RUN: usl-run %s -e tiled --compare=plain --args=8x12,8x12,8x8 --rvm-counts | FileCheck %s
// CHECK: usl-run: RVM instructions of @tiled: mzero 4 mld.w 24 mst.w 4 mmasa.w 12 fmmacc.s 0 mmada.h 0 mmaqa.b 0
// CHECK: usl-run: @tiled matches @plain: 3 buffers, 256 elements, max abs diff 0
// RUN: usl-run %s -e tiled_f32 --compare=plain_f32 --args=8x12,8x12,8x8 --exact --rvm-counts | FileCheck %s --check-prefix=F32
// F32: usl-run: RVM instructions of @tiled_f32: mzero 4 mld.w 24 mst.w 4 mmasa.w 0 fmmacc.s 12
// F32: usl-run: @tiled_f32 matches @plain_f32

func.func @tiled(%A: memref<8x12xi32>, %Bt: memref<8x12xi32>, %C: memref<8x8xi32>) {
  sloop.for %i = 0 to 2 {
    sloop.for %j = 0 to 2 {
      %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      %a = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      %b = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      rvm.mzero %acc : memref<4x4xi32, #tmem.space<rvm_tile>>
      sloop.for %k = 0 to 3 {
        %wa = tmem.window %A[%i * 4, %k * 4] [4, 4] : memref<8x12xi32>
        %wb = tmem.window %Bt[%j * 4, %k * 4] [4, 4] : memref<8x12xi32>
        rvm.mld.w %a, %wa : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[12, 1], offset: ?>>
        rvm.mld.w %b, %wb : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[12, 1], offset: ?>>
        rvm.mmasa.w acc %acc, lhs %a, rhs %b : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
      }
      %wc = tmem.window %C[%i * 4, %j * 4] [4, 4] : memref<8x8xi32>
      rvm.mst.w %acc, %wc : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[8, 1], offset: ?>>
    }
  }
  return
}

func.func @plain(%A: memref<8x12xi32>, %Bt: memref<8x12xi32>, %C: memref<8x8xi32>) {
  %z = arith.constant 0 : i32
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 8 {
      sloop.store %z, %C[%i, %j] : memref<8x8xi32>
      sloop.for %k = 0 to 12 {
        %a = sloop.load %A[%i, %k] : memref<8x12xi32>
        %b = sloop.load %Bt[%j, %k] : memref<8x12xi32>
        %p = arith.muli %a, %b : i32
        sloop.reduce add %p, %C[%i, %j] : memref<8x8xi32>
      }
    }
  }
  return
}

func.func @tiled_f32(%A: memref<8x12xf32>, %Bt: memref<8x12xf32>, %C: memref<8x8xf32>) {
  sloop.for %i = 0 to 2 {
    sloop.for %j = 0 to 2 {
      %acc = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
      %a = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
      %b = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
      rvm.mzero %acc : memref<4x4xf32, #tmem.space<rvm_tile>>
      sloop.for %k = 0 to 3 {
        %wa = tmem.window %A[%i * 4, %k * 4] [4, 4] : memref<8x12xf32>
        %wb = tmem.window %Bt[%j * 4, %k * 4] [4, 4] : memref<8x12xf32>
        rvm.mld.w %a, %wa : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, strided<[12, 1], offset: ?>>
        rvm.mld.w %b, %wb : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, strided<[12, 1], offset: ?>>
        rvm.fmmacc.s acc %acc, lhs %a, rhs %b : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, #tmem.space<rvm_tile>>
      }
      %wc = tmem.window %C[%i * 4, %j * 4] [4, 4] : memref<8x8xf32>
      rvm.mst.w %acc, %wc : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, strided<[8, 1], offset: ?>>
    }
  }
  return
}

func.func @plain_f32(%A: memref<8x12xf32>, %Bt: memref<8x12xf32>, %C: memref<8x8xf32>) {
  %z = arith.constant 0.0 : f32
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 8 {
      sloop.store %z, %C[%i, %j] : memref<8x8xf32>
      sloop.for %k = 0 to 12 {
        %a = sloop.load %A[%i, %k] : memref<8x12xf32>
        %b = sloop.load %Bt[%j, %k] : memref<8x12xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<8x8xf32>
      }
    }
  }
  return
}
