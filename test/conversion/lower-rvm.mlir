// RUN: usl-opt %s --split-input-file --lower-rvm | FileCheck %s

// Tests instruction selection on tiles staged by hand: each nest becomes
// one instruction, memory operands windows solved from the indices (the
// tile row in the buffer's row dimension, at the loops' offsets); the
// multiply's operands may come in either order; tile registers follow.
// CHECK-LABEL: func @matmul_tiles
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<8x12xi32>, %[[B:[a-z0-9]+]]: memref<8x12xi32>, %[[C:[a-z0-9]+]]: memref<8x8xi32>)
// CHECK: %acc = sloop.alloc {rvm.register = 0 : i64}
// CHECK: %a = sloop.alloc {rvm.register = 1 : i64}
// CHECK: %b = sloop.alloc {rvm.register = 2 : i64}
// CHECK-NEXT: rvm.mzero %acc
// CHECK-NEXT: sloop.for %k = 0 to 3 {
// CHECK-NEXT: %[[WA:.*]] = tmem.window %[[A]][%i * 4, %k * 4] [4, 4] : memref<8x12xi32>
// CHECK-NEXT: rvm.mld.w %a, %[[WA]]
// CHECK-NEXT: %[[WB:.*]] = tmem.window %[[B]][%j * 4, %k * 4] [4, 4] : memref<8x12xi32>
// CHECK-NEXT: rvm.mld.w %b, %[[WB]]
// CHECK-NEXT: rvm.mmasa.w acc %acc, lhs %a, rhs %b
// CHECK-NEXT: }
// CHECK-NEXT: %[[WC:.*]] = tmem.window %[[C]][%i * 4 + 1, %j * 4] [4, 4] : memref<8x8xi32>
// CHECK-NEXT: rvm.mst.w %acc, %[[WC]]
// CHECK-NOT: sloop.load
func.func @matmul_tiles(%A: memref<8x12xi32>, %Bt: memref<8x12xi32>, %C: memref<8x8xi32>) {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to 2 {
    sloop.for %j = 0 to 2 {
      %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      %a = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      %b = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      sloop.for %ii = 0 to 4 {
        sloop.for %jj = 0 to 4 {
          sloop.store %zero, %acc[%ii, %jj] : memref<4x4xi32, #tmem.space<rvm_tile>>
        }
      }
      sloop.for %k = 0 to 3 {
        sloop.for %x = 0 to 4 {
          sloop.for %y = 0 to 4 {
            %v = sloop.load %A[%i * 4 + %x, %k * 4 + %y] : memref<8x12xi32>
            sloop.store %v, %a[%x, %y] : memref<4x4xi32, #tmem.space<rvm_tile>>
          }
        }
        sloop.for %x = 0 to 4 {
          sloop.for %y = 0 to 4 {
            %v = sloop.load %Bt[%j * 4 + %x, %k * 4 + %y] : memref<8x12xi32>
            sloop.store %v, %b[%x, %y] : memref<4x4xi32, #tmem.space<rvm_tile>>
          }
        }
        sloop.for %ii = 0 to 4 {
          sloop.for %jj = 0 to 4 {
            sloop.for %kk = 0 to 4 {
              %p = sloop.load %a[%ii, %kk] : memref<4x4xi32, #tmem.space<rvm_tile>>
              %q = sloop.load %b[%jj, %kk] : memref<4x4xi32, #tmem.space<rvm_tile>>
              %m = arith.muli %q, %p : i32
              sloop.reduce add %m, %acc[%ii, %jj] : memref<4x4xi32, #tmem.space<rvm_tile>>
            }
          }
        }
      }
      sloop.for %ii = 0 to 4 {
        sloop.for %jj = 0 to 4 {
          %v = sloop.load %acc[%ii, %jj] : memref<4x4xi32, #tmem.space<rvm_tile>>
          sloop.store %v, %C[%i * 4 + %ii + 1, %j * 4 + %jj] : memref<8x8xi32>
        }
      }
    }
  }
  return
}

// -----

// Tests a kernel tile loaded from a 3-D buffer (rows in dimension 0, the
// channel fixed, the row contiguous in dimension 2) and fp32 tiles.
// CHECK-LABEL: func @kernel_window
// CHECK: %[[W:.*]] = tmem.window %{{.*}}[%c * 4, %c, 0] [4, 1, 4] : memref<16x4x4xf32>
// CHECK-NEXT: rvm.mld.w %t, %[[W]] : memref<4x4xf32, #tmem.space<rvm_tile>>, memref<4x1x4xf32, strided<[16, 4, 1], offset: ?>>
// CHECK: rvm.fmmacc.s acc %t, lhs %u, rhs %u
func.func @kernel_window(%K: memref<16x4x4xf32>, %O: memref<4x4xf32>) {
  %t = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
  %u = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
  sloop.for %c = 0 to 4 {
    sloop.for %x = 0 to 4 {
      sloop.for %y = 0 to 4 {
        %v = sloop.load %K[%c * 4 + %x, %c, %y] : memref<16x4x4xf32>
        sloop.store %v, %t[%x, %y] : memref<4x4xf32, #tmem.space<rvm_tile>>
      }
    }
  }
  sloop.for %x = 0 to 4 {
    sloop.for %y = 0 to 4 {
      %v = sloop.load %O[%x, %y] : memref<4x4xf32>
      sloop.store %v, %u[%x, %y] : memref<4x4xf32, #tmem.space<rvm_tile>>
    }
  }
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.for %k = 0 to 4 {
        %a = sloop.load %u[%i, %k] : memref<4x4xf32, #tmem.space<rvm_tile>>
        %b = sloop.load %u[%j, %k] : memref<4x4xf32, #tmem.space<rvm_tile>>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %t[%i, %j] : memref<4x4xf32, #tmem.space<rvm_tile>>
      }
    }
  }
  sloop.for %x = 0 to 4 {
    sloop.for %y = 0 to 4 {
      %v = sloop.load %t[%x, %y] : memref<4x4xf32, #tmem.space<rvm_tile>>
      sloop.store %v, %O[%x, %y] : memref<4x4xf32>
    }
  }
  return
}


// -----

// Tests that index arithmetic in the nest's body (here an affine.apply)
// is read through the indices, not matched as part of the computation.
// CHECK-LABEL: func @index_ops
// CHECK: %[[W:.*]] = tmem.window %{{.*}}[%{{.*}} + 1, 0] [4, 4] : memref<9x4xi32>
// CHECK-NEXT: rvm.mld.w %t, %[[W]]
func.func @index_ops(%A: memref<9x4xi32>, %o: index) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %x = 0 to 4 {
    sloop.for %y = 0 to 4 {
      %r = affine.apply affine_map<(d0, d1) -> (d0 + d1 + 1)>(%o, %x)
      %v = sloop.load %A[%r, %y] : memref<9x4xi32>
      sloop.store %v, %t[%x, %y] : memref<4x4xi32, #tmem.space<rvm_tile>>
    }
  }
  %w = tmem.window %A[0, 0] [4, 4] : memref<9x4xi32>
  rvm.mst.w %t, %w : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[4, 1], offset: ?>>
  return
}
