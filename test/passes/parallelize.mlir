// RUN: usl-opt %s --split-input-file --parallelize=loop=i | FileCheck %s

// Tests that a loop whose iterations touch disjoint elements becomes par.
// CHECK-LABEL: func @independent
// CHECK: sloop.for %i = 0 to %{{.*}} par {
func.func @independent(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
  sloop.for %i = 0 to %N {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %B[%i] : memref<?xf32>
  }
  return
}

// -----

// Tests that an outer loop of matmul is parallel: its reduction is carried
// by the inner k loop only.
// CHECK-LABEL: func @matmul
// CHECK: sloop.for %i = 0 to 8 par {
func.func @matmul(%A: memref<8x4xf32>, %B: memref<4x8xf32>, %C: memref<8x8xf32>) {
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 8 {
      sloop.for %k = 0 to 4 {
        %a = sloop.load %A[%i, %k] : memref<8x4xf32>
        %b = sloop.load %B[%k, %j] : memref<4x8xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<8x8xf32>
      }
    }
  }
  return
}

// -----

// Tests that a buffer allocated inside the loop is private to each iteration.
// CHECK-LABEL: func @private
// CHECK: sloop.for %i = 0 to 16 par {
func.func @private(%A: memref<16x4xf32>) {
  sloop.for %i = 0 to 16 {
    %t = sloop.alloc : memref<4xf32>
    sloop.for %j = 0 to 4 {
      %a = sloop.load %A[%i, %j] : memref<16x4xf32>
      sloop.store %a, %t[%j] : memref<4xf32>
    }
    sloop.for %j = 0 to 4 {
      %a = sloop.load %t[3 - %j] : memref<4xf32>
      sloop.store %a, %A[%i, %j] : memref<16x4xf32>
    }
  }
  return
}

// -----

// Tests that even and odd iterations writing different halves are independent.
// CHECK-LABEL: func @strided
// CHECK: sloop.for %i = 0 to 8 step 2 par {
func.func @strided(%A: memref<16xf32>) {
  sloop.for %i = 0 to 8 step 2 {
    %a = sloop.load %A[%i + 1] : memref<16xf32>
    sloop.store %a, %A[%i] : memref<16xf32>
  }
  return
}
