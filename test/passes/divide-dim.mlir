// RUN: usl-opt %s --divide-dim="buffer=c dim=1 factor=16" | FileCheck %s
// RUN: not usl-opt %s --divide-dim="buffer=c dim=1 factor=24" 2>&1 | FileCheck %s --check-prefix=NOTMULTIPLE
// RUN: not usl-opt %s --divide-dim="buffer=c dim=2 factor=2" 2>&1 | FileCheck %s --check-prefix=NODIM
// RUN: not usl-opt %s --divide-dim="buffer=c dim=1" 2>&1 | FileCheck %s --check-prefix=NOFACTOR
// RUN: not usl-opt %s --divide-dim="buffer=d dim=0 factor=2" 2>&1 | FileCheck %s --check-prefix=DYNAMIC
// RUN: not usl-opt %s --divide-dim="buffer=v dim=0 factor=2" 2>&1 | FileCheck %s --check-prefix=VIEWED

// Tests dividing the columns of a 6x64 register block into 4 x 16 lanes:
// indices q * 16 + r with r a loop variable in [0, 16) or a constant become
// (q, r); others keep floordiv and mod (the same element either way).
// CHECK-LABEL: func @block
// CHECK: %c = sloop.alloc : memref<6x4x16xf32>
// CHECK: sloop.store %{{.*}}, %c[%i, %jo, %ji]
// CHECK: sloop.store %{{.*}}, %c[%i, %jo * 2 + 1, 3]
// CHECK: sloop.load %c[%i, %j floordiv 16, %j mod 16]
// CHECK: sloop.load %c[%i, (%ji + 8) floordiv 16, (%ji + 8) mod 16]
// CHECK: sloop.load %c[%i, 1, %h + 8]
// NOTMULTIPLE: error: cannot divide dimension 1 of buffer 'c' (of rank 2) by 24: the dimension must exist, be static and be a multiple of the factor
// NODIM: error: cannot divide dimension 2 of buffer 'c' (of rank 2) by 2
// NOFACTOR: error: 'divide-dim' needs dim=D and factor=F
func.func @block(%C: memref<6x64xf32>) {
  %c = sloop.alloc : memref<6x64xf32>
  %z = arith.constant 0.0 : f32
  sloop.for %i = 0 to 6 {
    sloop.for %jo = 0 to 4 {
      sloop.for %ji = 0 to 16 {
        sloop.store %z, %c[%i, %jo * 16 + %ji] : memref<6x64xf32>
      }
    }
    sloop.for %jo = 0 to 2 {
      sloop.store %z, %c[%i, %jo * 32 + 19] : memref<6x64xf32>
    }
    sloop.for %j = 0 to 64 {
      %v = sloop.load %c[%i, %j] : memref<6x64xf32>
      sloop.store %v, %C[%i, %j] : memref<6x64xf32>
    }
    sloop.for %ji = 0 to 16 {
      %v = sloop.load %c[%i, %ji + 8] : memref<6x64xf32>
      sloop.store %v, %C[%i, %ji] : memref<6x64xf32>
    }
    sloop.for %h = 0 to 8 {
      %v = sloop.load %c[%i, %h + 24] : memref<6x64xf32>
      sloop.store %v, %C[%i, %h] : memref<6x64xf32>
    }
  }
  return
}

// DYNAMIC: error: cannot divide dimension 0 of buffer 'd' (of rank 1) by 2
func.func @dynamic(%n: index) {
  %d = sloop.alloc(%n) : memref<?xf32>
  return
}

// VIEWED: error: cannot divide a dimension of buffer 'v': it is used by an op other than loads, stores and reductions
func.func @viewed() {
  %v = sloop.alloc : memref<8xf32>
  %w = tmem.window %v[0] [4] : memref<8xf32>
  return
}
