// RUN: usl-opt %s --unroll-buffer="buffer=acc dim=0" | FileCheck %s

// Tests splitting four accumulator tiles indexed by constants into four
// buffers, one per tile.
// CHECK-LABEL: func @tiles
// CHECK-DAG: %acc_0 = sloop.alloc : memref<4x4xi32>
// CHECK-DAG: %acc_3 = sloop.alloc : memref<4x4xi32>
// CHECK: sloop.store %{{.*}}, %acc_0[%i, %j]
// CHECK: sloop.store %{{.*}}, %acc_3[%i, %j]
// CHECK-NOT: %acc[
func.func @tiles(%v: i32) {
  %acc = sloop.alloc : memref<4x4x4xi32>
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.store %v, %acc[0, %i, %j] : memref<4x4x4xi32>
      sloop.store %v, %acc[1, %i, %j] : memref<4x4x4xi32>
      sloop.store %v, %acc[2, %i, %j] : memref<4x4x4xi32>
      sloop.store %v, %acc[3, %i, %j] : memref<4x4x4xi32>
    }
  }
  return
}
