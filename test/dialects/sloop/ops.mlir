// RUN: usl-opt %s | FileCheck %s
// RUN: usl-opt %s | usl-opt | FileCheck %s
// RUN: usl-opt %s --mlir-print-op-generic | usl-opt | FileCheck %s

// Tests that loops print their names through their induction variables, with
// affine bounds, steps and kinds.
// CHECK-LABEL: func @loops
func.func @loops(%N: index, %M: index) {
  // CHECK: sloop.for %i = 0 to %{{.*}} {
  sloop.for %i = 0 to %N {
    // CHECK: sloop.for %jo = 0 to %{{.*}} floordiv 4 par {
    sloop.for %jo = 0 to %M floordiv 4 par {
      // CHECK: sloop.for %ji = %jo * 4 to %jo * 4 + 4 step 2 vec {
      sloop.for %ji = %jo * 4 to %jo * 4 + 4 step 2 vec {
      }
    }
    // CHECK: sloop.for %u = 1 to 3 unroll {
    sloop.for %u = 1 to 3 unroll {
    }
  }
  return
}

// -----

// Tests that the name is kept when it cannot be the printed SSA name, and that
// an explicit name overrides the SSA name.
// CHECK-LABEL: func @names
func.func @names() {
  // CHECK: sloop.for %ioi = 0 to 4 {
  // CHECK-NEXT: sloop.for %ioi_0 = 0 to 4 name "ioi" {
  sloop.for %ioi = 0 to 4 {
    sloop.for %x = 0 to 4 name "ioi" {
    }
  }
  // CHECK: sloop.for %b.c = 0 to 8 {
  sloop.for %a = 0 to 8 name "b.c" {
  }
  return
}

// -----

// Tests loads, stores and every reduction at affine indices.
// CHECK-LABEL: func @accesses
func.func @accesses(%A: memref<?x?xf32>, %C: memref<8x8xi32>, %N: index) {
  sloop.for %i = 0 to %N {
    sloop.for %j = 0 to 8 {
      // CHECK: %[[A:.*]] = sloop.load %{{.*}}[%i + 1, %j * 2 - %i] : memref<?x?xf32>
      %a = sloop.load %A[%i + 1, %j * 2 - %i] : memref<?x?xf32>
      // CHECK: sloop.store %[[A]], %{{.*}}[%j, %i mod 3] : memref<?x?xf32>
      sloop.store %a, %A[%j, %i mod 3] : memref<?x?xf32>
      %c = sloop.load %C[%j floordiv 2, 0] : memref<8x8xi32>
      // CHECK: sloop.reduce add %{{.*}}, %{{.*}}[%j, %j] : memref<8x8xi32>
      // CHECK: sloop.reduce mul
      // CHECK: sloop.reduce max
      // CHECK: sloop.reduce min
      sloop.reduce add %c, %C[%j, %j] : memref<8x8xi32>
      sloop.reduce mul %c, %C[%j, %j] : memref<8x8xi32>
      sloop.reduce max %c, %C[%j, %j] : memref<8x8xi32>
      sloop.reduce min %c, %C[%j, %j] : memref<8x8xi32>
    }
  }
  return
}

// -----

// Tests guards: comparisons of affine expressions joined by `and`, with and
// without values.
// CHECK-LABEL: func @guards
func.func @guards(%data: memref<4x16xi32>, %out: memref<16xi32>, %N: index) {
  %zero = arith.constant 0 : i32
  sloop.for %j = 0 to 16 {
    sloop.for %r = 0 to 4 {
      // CHECK: sloop.if %j + %r < %{{.*}} -> i32 {
      // CHECK: sloop.yield %{{.*}} : i32
      // CHECK: } else {
      %v = sloop.if %j + %r < %N -> i32 {
        %x = sloop.load %data[%r, %j + %r] : memref<4x16xi32>
        sloop.yield %x : i32
      } else {
        sloop.yield %zero : i32
      }
      // CHECK: sloop.if %j >= 2 and %r <= %j and %r == 1 {
      sloop.if %j >= 2 and %r <= %j and %r == 1 {
        sloop.store %v, %out[%j] : memref<16xi32>
      }
      // CHECK: sloop.if %j + 1 < %r * 2 {
      sloop.if %r * 2 > %j + 1 {
      }
    }
  }
  return
}

// -----

// Tests named buffers in memory spaces, with static and dynamic extents.
// CHECK-LABEL: func @buffers
func.func @buffers(%n: index) {
  // CHECK: %out_tile = sloop.alloc : memref<4x4x4xi32, #tmem.space<rvm_tile>>
  %out_tile = sloop.alloc : memref<4x4x4xi32, #tmem.space<rvm_tile>>
  // CHECK: %tmp = sloop.alloc(%{{.*}}) : memref<?xf32>
  %tmp = sloop.alloc(%n) : memref<?xf32>
  // CHECK: %packed = sloop.alloc : memref<64x16xf32, #tmem.space<dram_static>>
  %packed = sloop.alloc : memref<64x16xf32, #tmem.space<dram_static>>
  // CHECK: %zmm = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %zmm = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  // CHECK: %b = sloop.alloc : memref<2xf32>
  %a = sloop.alloc name "b" : memref<2xf32>
  return
}
