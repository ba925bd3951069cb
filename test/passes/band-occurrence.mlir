// RUN: usl-opt %s --tile="loops=i,j sizes=2,8 occurrence=1" --reorder="loops=ji,ii occurrence=0" | FileCheck %s
// RUN: not usl-opt %s --tile="loops=i,j sizes=2,8 occurrence=2" 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not usl-opt %s --tile="occurrence=1" 2>&1 | FileCheck %s --check-prefix=NOLOOPS

// Tests that occurrence= picks among bands of the same loop names in
// program order (the two copies fission leaves: a zeroing nest and an
// accumulating one), for tile and for reorder's loops=, and that a band
// number past the last is an error saying how many there are.

// CHECK-LABEL: func @two_nests
// CHECK:      sloop.for %i = 0 to 8 {
// CHECK-NEXT:   sloop.for %j = 0 to 64 {
// CHECK:      sloop.for %io = 0 to 4 {
// CHECK-NEXT:   sloop.for %jo = 0 to 8 {
// CHECK-NEXT:     sloop.for %ji = 0 to 8 {
// CHECK-NEXT:       sloop.for %ii = 0 to 2 {
// NONE:    error: 'tile': there is no perfect band of the loops 'i', 'j' number 2 (counting from 0); there are 2
// NOLOOPS: error: 'tile': occurrence= needs loops= to say which loops
func.func @two_nests(%A: memref<8x64xf32>, %B: memref<8x64xf32>) {
  %z = arith.constant 0.0 : f32
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 64 {
      sloop.store %z, %B[%i, %j] : memref<8x64xf32>
    }
  }
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 64 {
      %a = sloop.load %A[%i, %j] : memref<8x64xf32>
      sloop.reduce add %a, %B[%i, %j] : memref<8x64xf32>
    }
  }
  return
}
