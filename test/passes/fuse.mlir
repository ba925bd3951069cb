// RUN: usl-opt %s --fuse="func=producer_consumer loop=i" | FileCheck %s
// RUN: usl-opt %s --split-input-file --fuse | FileCheck %s --check-prefix=ALL

// Tests fusing a producer loop with its consumer at the same index.
// CHECK-LABEL: func @producer_consumer
// CHECK: sloop.for %i = 0 to 16 {
// CHECK-NEXT: sloop.load %{{.*}}[%i]
// CHECK-NEXT: sloop.store
// CHECK-NEXT: sloop.load %{{.*}}[%i]
// CHECK-NEXT: sloop.store
// CHECK-NEXT: }
// CHECK-NEXT: return
// ALL-LABEL: func @producer_consumer
// ALL: sloop.for %i
// ALL-NOT: sloop.for
func.func @producer_consumer(%A: memref<16xf32>, %T: memref<16xf32>, %B: memref<16xf32>) {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<16xf32>
    sloop.store %a, %T[%i] : memref<16xf32>
  }
  sloop.for %j = 0 to 16 {
    %t = sloop.load %T[%j] : memref<16xf32>
    sloop.store %t, %B[%j] : memref<16xf32>
  }
  return
}

// -----

// Tests that the default fusion leaves a pair it may not fuse.
// ALL-LABEL: func @stencil
// ALL: sloop.for %i
// ALL: sloop.for %j
func.func @stencil(%A: memref<17xf32>, %T: memref<17xf32>, %B: memref<16xf32>) {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<17xf32>
    sloop.store %a, %T[%i] : memref<17xf32>
  }
  sloop.for %j = 0 to 16 {
    %t = sloop.load %T[%j + 1] : memref<17xf32>
    sloop.store %t, %B[%j] : memref<16xf32>
  }
  return
}
