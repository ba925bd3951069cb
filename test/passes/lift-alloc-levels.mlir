// RUN: usl-opt %s --lift-alloc="buffer=t levels=2" | FileCheck %s
// Two sequential loops left at once; the par loop around them keeps one
// buffer per iteration.

// CHECK-LABEL: func.func @two_levels
// CHECK:       sloop.for %p = 0 to 2 par {
// CHECK-NEXT:    %t = sloop.alloc : memref<f32>
// CHECK-NEXT:    sloop.for %i = 0 to 4 {
// CHECK-NEXT:      sloop.for %j = 0 to 4 {
// CHECK-NEXT:        sloop.load
// CHECK-NEXT:        sloop.store %{{.*}}, %t[]
func.func @two_levels(%A: memref<2x4x4xf32>) {
  sloop.for %p = 0 to 2 par {
    sloop.for %i = 0 to 4 {
      sloop.for %j = 0 to 4 {
        %t = sloop.alloc : memref<f32>
        %a = sloop.load %A[%p, %i, %j] : memref<2x4x4xf32>
        sloop.store %a, %t[] : memref<f32>
        %b = sloop.load %t[] : memref<f32>
        sloop.store %b, %A[%p, %j, %i] : memref<2x4x4xf32>
      }
    }
  }
  return
}
