// RUN: usl-opt %s | FileCheck %s
// RUN: usl-opt %s | usl-opt | FileCheck %s

// Tests windows of static and dynamic buffers, and their derived types.
// CHECK-LABEL: func @windows
func.func @windows(%K: memref<16x4x4xi32>, %A: memref<?x?xf32, #tmem.space<dram>>) {
  sloop.for %io = 0 to 4 {
    sloop.for %c = 0 to 4 {
      // CHECK: %[[W:.*]] = tmem.window %{{.*}}[%io * 4, %c, 0] [4, 1, 4] : memref<16x4x4xi32>
      %w = tmem.window %K[%io * 4, %c, 0] [4, 1, 4] : memref<16x4x4xi32>
      // CHECK: sloop.load %[[W]][0, 0, 1] : memref<4x1x4xi32, strided<[16, 4, 1], offset: ?>>
      %x = sloop.load %w[0, 0, 1] : memref<4x1x4xi32, strided<[16, 4, 1], offset: ?>>
      // CHECK: tmem.window %{{.*}}[%c, %io] [2, 2] : memref<?x?xf32, #tmem.space<dram>>
      %v = tmem.window %A[%c, %io] [2, 2] : memref<?x?xf32, #tmem.space<dram>>
      // CHECK: sloop.load %{{.*}}[1, 1] : memref<2x2xf32, strided<[?, 1], offset: ?>, #tmem.space<dram>>
      %y = sloop.load %v[1, 1] : memref<2x2xf32, strided<[?, 1], offset: ?>, #tmem.space<dram>>
    }
  }
  return
}

// -----

// Tests every memory space attribute.
// CHECK-LABEL: func @spaces
// CHECK-SAME: #tmem.space<dram>
// CHECK-SAME: #tmem.space<dram_static>
// CHECK-SAME: #tmem.space<rvm_tile>
// CHECK-SAME: #tmem.space<avx512>
func.func @spaces(%a: memref<4xf32, #tmem.space<dram>>,
                  %b: memref<4xf32, #tmem.space<dram_static>>,
                  %c: memref<4xf32, #tmem.space<rvm_tile>>,
                  %d: memref<4xf32, #tmem.space<avx512>>) {
  return
}
