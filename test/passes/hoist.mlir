// RUN: usl-opt %s --split-input-file --hoist=loop=i | FileCheck %s

// Tests that invariant loads and arithmetic leave the loop, and loads of a
// buffer the loop writes stay.
// CHECK-LABEL: func @invariant
// CHECK: %[[K:.*]] = sloop.load %{{.*}}[%{{.*}}] : memref<4xf32>
// CHECK-NEXT: %[[S:.*]] = arith.mulf %[[K]], %{{.*}} : f32
// CHECK-NEXT: sloop.for %i = 0 to 16 {
// CHECK-NEXT: %[[B:.*]] = sloop.load %{{.*}}[0] : memref<16xf32>
// CHECK-NEXT: arith.addf %[[B]], %[[S]]
func.func @invariant(%K: memref<4xf32>, %B: memref<16xf32>, %c: index, %x: f32) {
  sloop.for %i = 0 to 16 {
    %k = sloop.load %K[%c] : memref<4xf32>
    %s = arith.mulf %k, %x : f32
    %b = sloop.load %B[0] : memref<16xf32>
    %t = arith.addf %b, %s : f32
    sloop.store %t, %B[%i] : memref<16xf32>
  }
  return
}

// -----

// Tests hoisting a loop nest that recomputes the same tile every iteration,
// read only after it.
// CHECK-LABEL: func @nest
// CHECK: sloop.for %x = 0 to 4 {
// CHECK: sloop.store %{{.*}}, %{{.*}}[%x]
// CHECK: sloop.for %i = 0 to 8 {
// CHECK-NEXT: sloop.for %y = 0 to 4 {
func.func @nest(%D: memref<4xf32>, %T: memref<4xf32>, %O: memref<8x4xf32>) {
  sloop.for %i = 0 to 8 {
    sloop.for %x = 0 to 4 {
      %d = sloop.load %D[%x] : memref<4xf32>
      sloop.store %d, %T[%x] : memref<4xf32>
    }
    sloop.for %y = 0 to 4 {
      %t = sloop.load %T[%y] : memref<4xf32>
      sloop.store %t, %O[%i, %y] : memref<8x4xf32>
    }
  }
  return
}
