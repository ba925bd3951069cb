// RUN: usl-opt %s | FileCheck %s
// RUN: usl-opt %s | usl-opt | FileCheck %s

// Tests every RVM instruction on tiles of each element type, and memory
// windows of static and dynamic buffers.
// CHECK-LABEL: func @instructions
func.func @instructions(%K: memref<16x4x4xi32>, %D: memref<?x?xi32>,
                        %F: memref<8x4xf32>, %H: memref<4x8xi16>,
                        %B: memref<?x16xi8>) {
  %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %k = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %d = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %facc = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
  %f = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
  %h = sloop.alloc : memref<4x8xi16, #tmem.space<rvm_tile>>
  %b = sloop.alloc : memref<4x16xi8, #tmem.space<rvm_tile>>
  // CHECK: rvm.mzero %acc : memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mzero %acc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %c = 0 to 4 {
    %wk = tmem.window %K[4, %c, 0] [4, 1, 4] : memref<16x4x4xi32>
    // CHECK: rvm.mld.w %k, %{{.*}} : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x1x4xi32, strided<[16, 4, 1], offset: ?>>
    rvm.mld.w %k, %wk : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x1x4xi32, strided<[16, 4, 1], offset: ?>>
    %wd = tmem.window %D[%c, 0] [4, 4] : memref<?x?xi32>
    rvm.mld.w %d, %wd : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[?, 1], offset: ?>>
    // CHECK: rvm.mmasa.w acc %acc, lhs %k, rhs %d : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
    rvm.mmasa.w acc %acc, lhs %k, rhs %d : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
  }
  %wo = tmem.window %D[0, 4] [4, 4] : memref<?x?xi32>
  // CHECK: rvm.mst.w %acc, %{{.*}} : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[?, 1], offset: ?>>
  rvm.mst.w %acc, %wo : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[?, 1], offset: ?>>
  %wf = tmem.window %F[4, 0] [4, 4] : memref<8x4xf32>
  rvm.mld.w %f, %wf : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, strided<[4, 1], offset: ?>>
  // CHECK: rvm.fmmacc.s acc %facc, lhs %f, rhs %f
  rvm.fmmacc.s acc %facc, lhs %f, rhs %f : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x4xf32, #tmem.space<rvm_tile>>
  rvm.mld.w %h, %H : memref<4x8xi16, #tmem.space<rvm_tile>>, memref<4x8xi16>
  // CHECK: rvm.mmada.h acc %acc, lhs %h, rhs %h
  rvm.mmada.h acc %acc, lhs %h, rhs %h : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x8xi16, #tmem.space<rvm_tile>>, memref<4x8xi16, #tmem.space<rvm_tile>>
  %wb = tmem.window %B[0, 0] [4, 16] : memref<?x16xi8>
  rvm.mld.w %b, %wb : memref<4x16xi8, #tmem.space<rvm_tile>>, memref<4x16xi8, strided<[16, 1], offset: ?>>
  // CHECK: rvm.mmaqa.b acc %acc, lhs %b, rhs %b
  rvm.mmaqa.b acc %acc, lhs %b, rhs %b : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x16xi8, #tmem.space<rvm_tile>>, memref<4x16xi8, #tmem.space<rvm_tile>>
  return
}
