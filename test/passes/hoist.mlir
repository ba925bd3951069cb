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

// Tests that a load stays in a loop that may not run.
// CHECK-LABEL: func @maybe_empty
// CHECK: sloop.for %i = 0 to %{{.*}} {
// CHECK-NEXT: sloop.load
func.func @maybe_empty(%K: memref<4xf32>, %B: memref<16xf32>, %n: index) {
  sloop.for %i = 0 to %n {
    %k = sloop.load %K[0] : memref<4xf32>
    sloop.store %k, %B[%i] : memref<16xf32>
  }
  return
}
