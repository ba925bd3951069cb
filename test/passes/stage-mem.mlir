// RUN: usl-opt %s --split-input-file --stage-mem="loop=k buffer=C into=acc memory=rvm_tile" | FileCheck %s

// Tests staging the 4x4 accumulator of a matmul tile: copied in (it is read
// by the reduction), worked on, copied back; no guards since every window
// fits the buffer.
// CHECK-LABEL: func @accumulate
// CHECK: sloop.for %jo = 0 to 4 {
// CHECK-NEXT: %[[T:acc]] = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
// CHECK-NEXT: sloop.for %acc_0 = 0 to 4 {
// CHECK-NEXT: sloop.for %acc_1 = 0 to 4 {
// CHECK-NEXT: %[[V:.*]] = sloop.load %{{.*}}[%io * 4 + %acc_0, %jo * 4 + %acc_1] : memref<16x16xf32>
// CHECK-NEXT: sloop.store %[[V]], %[[T]][%acc_0, %acc_1]
// CHECK: sloop.for %k = 0 to 8 {
// CHECK: sloop.reduce add %{{.*}}, %[[T]][%ii, %ji]
// CHECK: sloop.load %[[T]][%acc_0, %acc_1]
// CHECK-NEXT: sloop.store %{{.*}}, %{{.*}}[%io * 4 + %acc_0, %jo * 4 + %acc_1] : memref<16x16xf32>
func.func @accumulate(%A: memref<16x8xf32>, %B: memref<8x16xf32>,
                      %C: memref<16x16xf32> {sloop.name = "C"}) {
  sloop.for %io = 0 to 4 {
    sloop.for %jo = 0 to 4 {
      sloop.for %k = 0 to 8 {
        sloop.for %ii = 0 to 4 {
          sloop.for %ji = 0 to 4 {
            %a = sloop.load %A[%io * 4 + %ii, %k] : memref<16x8xf32>
            %b = sloop.load %B[%k, %jo * 4 + %ji] : memref<8x16xf32>
            %p = arith.mulf %a, %b : f32
            sloop.reduce add %p, %C[%io * 4 + %ii, %jo * 4 + %ji] : memref<16x16xf32>
          }
        }
      }
    }
  }
  return
}

// -----

// Tests that a read-only buffer is not copied back, and a window reaching
// past the end of a dynamic buffer is guarded.
// CHECK-LABEL: func @stencil_row
// CHECK: %[[D:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?xf32>
// CHECK: sloop.for %io
// CHECK: %[[T:acc]] = sloop.alloc : memref<6xf32, #tmem.space<rvm_tile>>
// CHECK: sloop.if %io * 4 + %acc_0 >= 0 and %io * 4 + %acc_0 < %[[D]] {
// CHECK: sloop.for %k
// CHECK: sloop.load %[[T]][%k]
// CHECK: sloop.load %[[T]][%k + 2]
// CHECK-NOT: sloop.load %[[T]]
func.func @stencil_row(%C: memref<?xf32> {sloop.name = "C"}, %B: memref<?xf32>, %n: index) {
  sloop.for %io = 0 to %n {
    sloop.for %k = 0 to 4 {
      %a = sloop.load %C[%io * 4 + %k] : memref<?xf32>
      %b = sloop.load %C[%io * 4 + %k + 2] : memref<?xf32>
      %s = arith.addf %a, %b : f32
      sloop.store %s, %B[%io * 4 + %k] : memref<?xf32>
    }
  }
  return
}

// -----

// Tests that a window fully overwritten by one unguarded store is not copied
// in, only out.
// CHECK-LABEL: func @overwrite
// CHECK: %[[T:acc]] = sloop.alloc
// CHECK-NEXT: sloop.for %k = 0 to 4 {
// CHECK: sloop.store %{{.*}}, %[[T]][%k]
// CHECK: sloop.load %[[T]][%acc_0]
func.func @overwrite(%C: memref<16xf32> {sloop.name = "C"}, %v: f32) {
  sloop.for %io = 0 to 4 {
    sloop.for %k = 0 to 4 {
      sloop.store %v, %C[%io * 4 + %k] : memref<16xf32>
    }
  }
  return
}
