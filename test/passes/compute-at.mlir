// RUN: usl-opt %s --split-input-file --compute-at="buffer=t loop=io" | FileCheck %s

// Tests a 1-D three-point stencil whose producer moves into each 8-wide tile
// of the consumer: it computes the 10 elements the tile reads, from 0 so the
// extent stays constant, guarded to the range it had.
// CHECK-LABEL: func @stencil
// CHECK: %t = sloop.alloc : memref<66xf32>
// CHECK-NEXT: sloop.for %io = 0 to 8 {
// CHECK-NEXT: sloop.for %x = 0 to 10 {
// CHECK-NEXT: sloop.if %io * 8 + %x >= 0 and %io * 8 + %x <= 65 {
// CHECK-NEXT: sloop.load %{{.*}}[%io * 8 + %x]
// CHECK-NEXT: arith.mulf
// CHECK-NEXT: sloop.store %{{.*}}, %t[%io * 8 + %x]
// CHECK: sloop.for %ii = 0 to 8 {
// CHECK: sloop.load %t[%io * 8 + %ii + 2]
// CHECK-NOT: sloop.for %x
func.func @stencil(%in: memref<66xf32> {sloop.name = "in"}, %out: memref<64xf32>) {
  %t = sloop.alloc : memref<66xf32>
  sloop.for %x = -1 to 65 {
    %v = sloop.load %in[%x + 1] : memref<66xf32>
    %w = arith.mulf %v, %v : f32
    sloop.store %w, %t[%x + 1] : memref<66xf32>
  }
  sloop.for %io = 0 to 8 {
    sloop.for %ii = 0 to 8 {
      %a = sloop.load %t[%io * 8 + %ii] : memref<66xf32>
      %b = sloop.load %t[%io * 8 + %ii + 1] : memref<66xf32>
      %c = sloop.load %t[%io * 8 + %ii + 2] : memref<66xf32>
      %s = arith.addf %a, %b : f32
      %r = arith.addf %s, %c : f32
      sloop.store %r, %out[%io * 8 + %ii] : memref<64xf32>
    }
  }
  return
}

// -----

// Tests a 2-D producer computed at the outer loop of its consumer, which
// reads it transposed: each row io needs column io of the producer, over
// the whole other dimension.
// CHECK-LABEL: func @transposed
// CHECK: sloop.for %io = 0 to 16 {
// CHECK-NEXT: sloop.for %a = 0 to 1 {
// CHECK-NEXT: sloop.for %b = 0 to 4 {
// CHECK-NEXT: sloop.if %io + %a >= 0 and %io + %a <= 15 and %b >= 0 and %b <= 3 {
// CHECK-NEXT: sloop.load %{{.*}}[%io + %a, %b]
// CHECK-NEXT: sloop.store %{{.*}}, %t[%io + %a, %b] : memref<16x4xf32>
// CHECK: sloop.for %j = 0 to 4 {
func.func @transposed(%in: memref<16x4xf32>, %out: memref<16x4xf32>) {
  %t = sloop.alloc : memref<16x4xf32>
  sloop.for %a = 0 to 16 {
    sloop.for %b = 0 to 4 {
      %v = sloop.load %in[%a, %b] : memref<16x4xf32>
      sloop.store %v, %t[%a, %b] : memref<16x4xf32>
    }
  }
  sloop.for %io = 0 to 16 {
    sloop.for %j = 0 to 4 {
      %v = sloop.load %t[%io, 3 - %j] : memref<16x4xf32>
      sloop.store %v, %out[%io, %j] : memref<16x4xf32>
    }
  }
  return
}
