// RUN: usl-opt %s --lift-alloc=buffer=t --expand-dim="buffer=t size=4 by=ji" --lift-alloc=buffer=t --expand-dim="buffer=t size=4 by=ii" --set-memory="buffer=t memory=rvm_tile" | FileCheck %s

// Tests Exo's lift-alloc + expand-dim pattern on the accumulator of the
// conv1d case study, then moving it to the tile registers: a scalar per
// output element becomes one 4x4 tile per output block.
// CHECK-LABEL: func @accumulators
// CHECK: sloop.for %jo = 0 to 4 {
// CHECK-NEXT: %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
// CHECK-NEXT: sloop.for %ii = 0 to 4 {
// CHECK-NEXT: sloop.for %ji = 0 to 4 {
// CHECK: sloop.store %{{.*}}, %t[%ii, %ji]
// CHECK: sloop.reduce add %{{.*}}, %t[%ii, %ji]
// CHECK: sloop.load %t[%ii, %ji]
func.func @accumulators(%kernels: memref<16x4x4xi32>, %out: memref<16x16xi32>) {
  sloop.for %io = 0 to 4 {
    sloop.for %jo = 0 to 4 {
      sloop.for %ii = 0 to 4 {
        sloop.for %ji = 0 to 4 {
          %t = sloop.alloc : memref<i32>
          %z = arith.constant 0 : i32
          sloop.store %z, %t[] : memref<i32>
          sloop.for %c = 0 to 4 {
            %k = sloop.load %kernels[%io * 4 + %ii, %c, 0] : memref<16x4x4xi32>
            sloop.reduce add %k, %t[] : memref<i32>
          }
          %r = sloop.load %t[] : memref<i32>
          sloop.store %r, %out[%io * 4 + %ii, %jo * 4 + %ji] : memref<16x16xi32>
        }
      }
    }
  }
  return
}
