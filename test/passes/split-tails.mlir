// RUN: usl-opt %s --split-input-file --split="loop=i factor=4 tail=guard" | FileCheck %s --check-prefix=GUARD
// RUN: usl-opt %s --split-input-file --split="loop=i factor=4 tail=cut outer=a inner=b" | FileCheck %s --check-prefix=CUT


// Tests guard and cut tails on a trip count 4 does not divide; the cut
// remainder runs only when the loop does (N >= 0).
// GUARD-LABEL: func @ragged
// GUARD: sloop.for %io = 0 to %[[N:.*]] ceildiv 4 {
// GUARD-NEXT: sloop.for %ii = 0 to 4 {
// GUARD-NEXT: sloop.if %io * 4 + %ii < %[[N]] {
// GUARD-NEXT: sloop.load %{{.*}}[%io * 4 + %ii]
// CUT-LABEL: func @ragged
// CUT: sloop.for %a = 0 to %[[N:.*]] floordiv 4 {
// CUT-NEXT: sloop.for %b = 0 to 4 {
// CUT-NEXT: sloop.load %{{.*}}[%a * 4 + %b]
// CUT: sloop.if %[[N]] >= 0 {
// CUT-NEXT: sloop.for %b = (%[[N]] floordiv 4) * 4 to %[[N]] {
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

// -----

// Tests that a cut remainder needs no guard where its loop's trip count is
// known not to be negative. A constant one: index arithmetic is exact, so
// (L + 10) - L is 10 (see the Limits in docs/design.md).
// CUT-LABEL: func @constant_trips
// CUT: sloop.for %a = 0 to 2 {
// CUT-NOT: sloop.if
// CUT: sloop.for %b = %[[L:.*]] + 8 to %[[L]] + 10 {
func.func @constant_trips(%A: memref<?xf32>, %L: index) {
  sloop.for %i = %L to %L + 10 {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %A[%i] : memref<?xf32>
  }
  return
}

// -----

// Tests a trip count the loop around bounds: 20 - j > 0 for j < 10.
// CUT-LABEL: func @bounded_by_loop
// CUT: sloop.for %j = 0 to 10 {
// CUT-NOT: sloop.if
// CUT: sloop.for %b = %j + {{.*}} to 20 {
func.func @bounded_by_loop(%A: memref<?xf32>) {
  sloop.for %j = 0 to 10 {
    sloop.for %i = %j to 20 {
      %a = sloop.load %A[%i] : memref<?xf32>
      sloop.store %a, %A[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// Tests a trip count a guard around implies: N - 3 >= 0 when N >= 7.
// CUT-LABEL: func @implied_by_guard
// CUT: sloop.if %[[N:.*]] >= 7 {
// CUT-NOT: sloop.if
// CUT: sloop.for %b = ((%[[N]] - 3) floordiv 4) * 4 + 3 to %[[N]] {
func.func @implied_by_guard(%A: memref<?xf32>, %N: index) {
  sloop.if %N >= 7 {
    sloop.for %i = 3 to %N {
      %a = sloop.load %A[%i] : memref<?xf32>
      sloop.store %a, %A[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// Tests that a loop of a negative constant trip count (it never runs) gets
// no remainder loop.
// CUT-LABEL: func @never_runs
// CUT: sloop.for %a = 0 to -2 {
// CUT-NOT: sloop.for %b = %
// CUT: return
func.func @never_runs(%A: memref<?xf32>, %L: index) {
  sloop.for %i = %L + 6 to %L {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %A[%i] : memref<?xf32>
  }
  return
}
