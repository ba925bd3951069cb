// RUN: usl-opt %s --split-input-file --fission="loop=i after=1" | FileCheck %s

// Tests splitting a loop whose two halves only read what the first wrote in
// the same or earlier iterations.
// CHECK-LABEL: func @two_stages
// CHECK: sloop.for %i = 0 to 16 {
// CHECK-NEXT: sloop.store %{{.*}}, %[[T:.*]][%i]
// CHECK-NEXT: }
// CHECK-NEXT: sloop.for %i = 0 to 16 {
// CHECK-NEXT: sloop.load %[[T]][%i]
func.func @two_stages(%A: memref<16xf32>, %T: memref<16xf32>, %v: f32) {
  sloop.for %i = 0 to 16 {
    sloop.store %v, %T[%i] : memref<16xf32>
    %t = sloop.load %T[%i] : memref<16xf32>
    sloop.store %t, %A[%i] : memref<16xf32>
  }
  return
}
