// RUN: usl-opt %s --usl-check-parallel | FileCheck %s
// Independent par and vec loops pass, and usl.unchecked takes a loop as
// written (the explicit opt-out).

// CHECK-LABEL: func.func @independent
// CHECK: sloop.for %i = 0 to 64 par
func.func @independent(%A: memref<64xf32>, %B: memref<64xf32>) {
  sloop.for %i = 0 to 64 par {
    %t = sloop.alloc : memref<1xf32>
    %a = sloop.load %A[%i] : memref<64xf32>
    sloop.store %a, %t[0] : memref<1xf32>
    %b = sloop.load %t[0] : memref<1xf32>
    sloop.store %b, %B[%i] : memref<64xf32>
  }
  return
}

// CHECK-LABEL: func.func @unchecked
// CHECK: sloop.for %i = 0 to 64 par {
// CHECK: } {usl.unchecked}
func.func @unchecked(%A: memref<64xf32>, %S: memref<1xf32>) {
  sloop.for %i = 0 to 64 par {
    %a = sloop.load %A[%i] : memref<64xf32>
    sloop.reduce add %a, %S[0] : memref<1xf32>
  } {usl.unchecked}
  return
}
