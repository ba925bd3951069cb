// RUN: usl-opt %s --split-input-file --split="loop=i factor=4 tail=guard" | FileCheck %s --check-prefix=GUARD
// RUN: usl-opt %s --split-input-file --split="loop=i factor=4 tail=cut outer=a inner=b" | FileCheck %s --check-prefix=CUT


// Tests guard and cut tails on a trip count 4 does not divide.
// GUARD-LABEL: func @ragged
// GUARD: sloop.for %io = 0 to %[[N:.*]] ceildiv 4 {
// GUARD-NEXT: sloop.for %ii = 0 to 4 {
// GUARD-NEXT: sloop.if %io * 4 + %ii < %[[N]] {
// GUARD-NEXT: sloop.load %{{.*}}[%io * 4 + %ii]
// CUT-LABEL: func @ragged
// CUT: sloop.for %a = 0 to %[[N:.*]] floordiv 4 {
// CUT-NEXT: sloop.for %b = 0 to 4 {
// CUT-NEXT: sloop.load %{{.*}}[%a * 4 + %b]
// CUT: sloop.for %b = (%[[N]] floordiv 4) * 4 to %[[N]] {
// CUT-NEXT: sloop.load %{{.*}}[%b]
func.func @ragged(%A: memref<?xf32>, %N: index) {
  sloop.for %i = 0 to %N {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// Tests that other uses of the loop variable get its value computed once.
// GUARD-LABEL: func @scalar_use
// GUARD: sloop.for %io
// GUARD: sloop.for %ii
// GUARD-NEXT: %[[I:.*]] = affine.apply #{{.*}}(%io, %ii)
// GUARD: arith.index_cast %[[I]]
func.func @scalar_use(%A: memref<8xi64>) {
  sloop.for %i = 0 to 8 {
    %v = arith.index_cast %i : index to i64
    sloop.store %v, %A[%i] : memref<8xi64>
  }
  return
}
