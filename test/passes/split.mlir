// RUN: usl-opt %s --split-input-file --split="loop=i factor=4 tail=perfect" | FileCheck %s --check-prefix=PERFECT
// RUN: usl-opt %s --split-input-file --split="loop=i factor=4 tail=guard" | FileCheck %s --check-prefix=GUARD
// RUN: usl-opt %s --split-input-file --split="loop=i factor=4 tail=cut outer=a inner=b" | FileCheck %s --check-prefix=CUT

// Tests the three tails on a trip count that 4 divides: none needs a guard
// or a remainder loop.
// PERFECT-LABEL: func @divisible
// PERFECT: sloop.for %io = 0 to 4 {
// PERFECT-NEXT: sloop.for %ii = 0 to 4 {
// PERFECT-NEXT: sloop.load %{{.*}}[%io * 4 + %ii + 2]
// GUARD-LABEL: func @divisible
// GUARD-NOT: sloop.if
// CUT-LABEL: func @divisible
// CUT: sloop.for %a = 0 to 4 {
// CUT-NEXT: sloop.for %b = 0 to 4 {
// CUT-NOT: sloop.for
func.func @divisible(%A: memref<32xf32>) {
  sloop.for %i = 2 to 18 {
    %a = sloop.load %A[%i] : memref<32xf32>
    sloop.store %a, %A[%i + 10] : memref<32xf32>
  }
  return
}

// -----

// Tests a symbolic trip count that is provably a multiple of 4.
// CUT-LABEL: func @multiple
// PERFECT-LABEL: func @multiple
// PERFECT: sloop.for %io = 0 to %{{.*}} {
// PERFECT: sloop.for %ii = 0 to 4 {
func.func @multiple(%A: memref<?xf32>, %n: index) {
  sloop.for %i = 0 to %n * 4 {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %A[%i] : memref<?xf32>
  }
  return
}
