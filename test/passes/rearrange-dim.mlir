// RUN: usl-opt %s --split-input-file --rearrange-dim="buffer=t order=1,0" | FileCheck %s

// Tests transposing a buffer: its type and every access, dynamic sizes too.
// CHECK-LABEL: func @transpose
// CHECK: %t = sloop.alloc(%[[N:.*]]) : memref<?x4xf32>
// CHECK: sloop.store %{{.*}}, %t[%j, %i] : memref<?x4xf32>
// CHECK: sloop.load %t[%j, %i] : memref<?x4xf32>
func.func @transpose(%A: memref<4x?xf32>, %n: index) {
  %t = sloop.alloc(%n) : memref<4x?xf32>
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to %n {
      %v = sloop.load %A[%i, %j] : memref<4x?xf32>
      sloop.store %v, %t[%i, %j] : memref<4x?xf32>
      %w = sloop.load %t[%i, %j] : memref<4x?xf32>
      sloop.store %w, %A[%i, %j] : memref<4x?xf32>
    }
  }
  return
}

