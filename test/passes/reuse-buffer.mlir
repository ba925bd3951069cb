// RUN: usl-opt %s --reuse-buffer="buffer=b with=a" | FileCheck %s

// Tests a buffer taking the storage of one that is dead by then.
// CHECK-LABEL: func @stages
// CHECK: %a = sloop.alloc
// CHECK-NOT: sloop.alloc
// CHECK: sloop.store %{{.*}}, %a[%i]
// CHECK: sloop.store %{{.*}}, %a[%i]
func.func @stages(%v: f32) {
  %a = sloop.alloc : memref<4xf32>
  sloop.for %i = 0 to 4 {
    sloop.store %v, %a[%i] : memref<4xf32>
  }
  %b = sloop.alloc : memref<4xf32>
  sloop.for %i = 0 to 4 {
    sloop.store %v, %b[%i] : memref<4xf32>
  }
  return
}
