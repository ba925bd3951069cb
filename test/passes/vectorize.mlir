// RUN: usl-opt %s --split-input-file --vectorize="loop=i width=8" | FileCheck %s

// Tests strip-mining a loop into vector lanes with a remainder loop, run
// only when N >= 0 (for N < 0 it would start below 0), and marking a loop of
// exactly `width` iterations.
// CHECK-LABEL: func @scale
// CHECK: sloop.for %io = 0 to %[[N:.*]] floordiv 8 {
// CHECK-NEXT: sloop.for %ii = 0 to 8 vec {
// CHECK: sloop.if %[[N]] >= 0 {
// CHECK-NEXT: sloop.for %ii = (%[[N]] floordiv 8) * 8 to %[[N]] {
func.func @scale(%A: memref<?xf32>, %N: index, %s: f32) {
  sloop.for %i = 0 to %N {
    %a = sloop.load %A[%i] : memref<?xf32>
    %b = arith.mulf %a, %s : f32
    sloop.store %b, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// CHECK-LABEL: func @exact
// CHECK: sloop.for %i = 0 to 8 vec {
func.func @exact(%A: memref<8xf32>, %s: f32) {
  sloop.for %i = 0 to 8 {
    %a = sloop.load %A[%i] : memref<8xf32>
    sloop.store %a, %A[%i] : memref<8xf32>
  }
  return
}
