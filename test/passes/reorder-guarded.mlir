// RUN: usl-opt %s --tile="loops=i,j sizes=6,64 tail=guard" --reorder="loops=k,ii,ji" | FileCheck %s
// RUN: usl-opt %s --tile="loops=i,j sizes=6,64 tail=guard" --reorder="loops=k,ii,ji" --reorder="loops=ii,ji,k" | FileCheck %s --check-prefix=BACK

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
