// RUN: usl-opt %s --usl-trace-schedule --split="loop=i factor=4" --parallelize=loop=io --canonicalize -o /dev/null 2>&1 | FileCheck %s
// RUN: usl-opt %s --usl-trace-schedule --unroll="loop=i factor=3" --unroll="loop=ii" -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNROLL

// Tests that each directive prints a unified diff of what it changed, and
// upstream passes print nothing.
// CHECK: // ----- split -----
// CHECK-NEXT: @@ -1,9 +1,11 @@
// CHECK-NEXT:  module {
// CHECK-NEXT:    func.func @scale(%arg0: memref<16xf32>, %arg1: f32) {
// CHECK-NEXT: -    sloop.for %i = 0 to 16 {
// CHECK-NEXT: -      %0 = sloop.load %arg0[%i] : memref<16xf32>
// CHECK: +    sloop.for %io = 0 to 4 {
// CHECK-NEXT: +      sloop.for %ii = 0 to 4 {
// CHECK: // ----- parallelize -----
// CHECK: -    sloop.for %io = 0 to 4 {
// CHECK-NEXT: +    sloop.for %io = 0 to 4 par {
// CHECK-NOT: // -----

// UNROLL: // ----- unroll -----
// UNROLL: +      sloop.for %ii = 0 to 3 unroll {
// UNROLL: // ----- unroll -----
// UNROLL-NEXT: // no change
func.func @scale(%A: memref<16xf32>, %s: f32) {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<16xf32>
    %b = arith.mulf %a, %s : f32
    sloop.store %b, %A[%i] : memref<16xf32>
  }
  return
}
