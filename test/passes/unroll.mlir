// RUN: usl-opt %s --split-input-file --unroll=loop=i | FileCheck %s --check-prefix=FULL
// RUN: usl-opt %s --split-input-file --unroll="loop=i factor=4" | FileCheck %s --check-prefix=FACTOR

// FULL-LABEL: func @constant
// FULL: sloop.for %i = 0 to 6 unroll {
// FACTOR-LABEL: func @constant
// FACTOR: sloop.for %io = 0 to 1 {
// FACTOR-NEXT: sloop.for %ii = 0 to 4 unroll {
// FACTOR: sloop.for %ii = 4 to 6 {
func.func @constant(%A: memref<8xf32>, %v: f32) {
  sloop.for %i = 0 to 6 {
    sloop.store %v, %A[%i] : memref<8xf32>
  }
  return
}
