// RUN: usl-opt %s --tile="loops=i,j sizes=6,64 tail=guard func=sgemm" --reorder="loops=k,ii,ji func=sgemm" | FileCheck %s
// RUN: usl-opt %s --tile="loops=i,j sizes=6,64 tail=guard func=sgemm" --reorder="loops=k,ii,ji func=sgemm" --reorder="loops=ii,ji,k func=sgemm" | FileCheck %s --check-prefix=BACK

// Tests that a band whose loops a tail=guard tile separated by its guard
// is still one band: the guard moves into the innermost loop (it cannot
// depend on the loops it held), then the loops are permuted; and back.
// CHECK-LABEL: func @sgemm
// CHECK:      sloop.for %k = 0 to 8 {
// CHECK-NEXT:   sloop.for %ii = 0 to 6 {
// CHECK-NEXT:     sloop.for %ji = 0 to 64 {
// CHECK-NEXT:       sloop.if %io * 6 + %ii <= 12 and %jo * 64 + %ji <= 99 {
// CHECK-NEXT:         sloop.load %{{.*}}[%io * 6 + %ii, %k]
// BACK:      sloop.for %ii = 0 to 6 {
// BACK-NEXT:   sloop.for %ji = 0 to 64 {
// BACK-NEXT:     sloop.for %k = 0 to 8 {
// BACK-NEXT:       sloop.if
func.func @sgemm(%A: memref<13x8xf32>, %B: memref<8x100xf32>, %C: memref<13x100xf32>) {
  sloop.for %i = 0 to 13 {
    sloop.for %j = 0 to 100 {
      sloop.for %k = 0 to 8 {
        %a = sloop.load %A[%i, %k] : memref<13x8xf32>
        %b = sloop.load %B[%k, %j] : memref<8x100xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<13x100xf32>
      }
    }
  }
  return
}

// A permutation the dependences forbid is rejected before the guard moves.
// RUN: usl-opt %s --tile="loops=i,j sizes=4,4 tail=guard func=skew" -o %t.tiled.mlir
// RUN: not usl-opt %t.tiled.mlir --reorder="loops=k,ii,ji func=skew" 2>&1 | FileCheck %s --check-prefix=REJECT
// REJECT: error: cannot reorder the loops to 'k', 'ii', 'ji'
func.func @skew(%A: memref<9x9x9xf32>) {
  sloop.for %i = 0 to 6 {
    sloop.for %j = 0 to 6 {
      sloop.for %k = 0 to 6 {
        %a = sloop.load %A[%i, %j, %k + 1] : memref<9x9x9xf32>
        sloop.store %a, %A[%i, %j + 1, %k] : memref<9x9x9xf32>
      }
    }
  }
  return
}
