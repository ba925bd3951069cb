// RUN: usl-opt %s --split-input-file --remove-loop=loop=i | FileCheck %s

// Tests running a body that ignores the loop and rewrites the same values
// once.
// CHECK-LABEL: func @redundant
// CHECK-NOT: sloop.for %i
// CHECK: sloop.for %x = 0 to 4 {
func.func @redundant(%D: memref<4xf32>, %T: memref<4xf32>) {
  sloop.for %i = 0 to 3 {
    sloop.for %x = 0 to 4 {
      %d = sloop.load %D[%x] : memref<4xf32>
      sloop.store %d, %T[%x] : memref<4xf32>
    }
  }
  return
}
