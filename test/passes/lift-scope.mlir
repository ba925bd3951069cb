// RUN: usl-opt %s --split-input-file --lift-scope=loop=i | FileCheck %s

// Tests lifting a guard that does not depend on the loop, with both branches.
// CHECK-LABEL: func @guard
// CHECK: sloop.if %{{.*}} >= 5 {
// CHECK-NEXT: sloop.for %i = 0 to 8 {
// CHECK-NEXT: sloop.store %{{.*}}, %{{.*}}[%i]
// CHECK: } else {
// CHECK-NEXT: sloop.for %i = 0 to 8 {
// CHECK-NEXT: sloop.store %{{.*}}, %{{.*}}[%i + 8]
func.func @guard(%A: memref<16xf32>, %n: index, %v: f32) {
  sloop.for %i = 0 to 8 {
    sloop.if %n >= 5 {
      sloop.store %v, %A[%i] : memref<16xf32>
    } else {
      sloop.store %v, %A[%i + 8] : memref<16xf32>
    }
  }
  return
}
