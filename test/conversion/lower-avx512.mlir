// RUN: usl-opt %s --lower-avx512 | FileCheck %s

// Tests that each instruction of instructions/avx512.mlir is selected from
// the loop nest that computes it: registers whole, windows solved from the
// indices (rows of 2-D buffers, one element for a broadcast), lane counts
// solved from the guards, unroll loops over a block of registers expanded
// and the block split into registers.

// y[0:n] += a * x[0:n] in chunks of 16, the last chunk masked.
// CHECK-LABEL: func @axpy
// CHECK:      sloop.for %io = 0 to 4 {
// CHECK-NEXT:   %[[A:.*]] = tmem.window %{{.*}}[0] [1] : memref<1xf32>
// CHECK-NEXT:   avx512.set1 %ra, %[[A]]
// CHECK-NEXT:   %[[X:.*]] = tmem.window %{{.*}}[%io * 16] [16] : memref<64xf32>
// CHECK-NEXT:   %[[N:.*]] = affine.apply #{{.*}}(%io, %{{.*}})
// CHECK-NEXT:   avx512.maskz_loadu %rx, %[[X]], lanes %[[N]]
// CHECK-NEXT:   %[[Y:.*]] = tmem.window %{{.*}}[%io * 16] [16] : memref<64xf32>
// CHECK-NEXT:   avx512.loadu %ry, %[[Y]]
// CHECK-NEXT:   avx512.fmadd acc %ry, %ra, %rx
// CHECK-NEXT:   %[[Y2:.*]] = tmem.window %{{.*}}[%io * 16] [16] : memref<64xf32>
// CHECK-NEXT:   %[[N2:.*]] = affine.apply #{{.*}}(%io, %{{.*}})
// CHECK-NEXT:   avx512.mask_storeu %ry, %[[Y2]], lanes %[[N2]]
// CHECK-NEXT: }
func.func @axpy(%x: memref<64xf32>, %y: memref<64xf32>, %a: memref<1xf32>, %n: index) {
  %ra = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %rx = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %ry = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  sloop.for %io = 0 to 4 {
    sloop.for %l = 0 to 16 {
      %v = sloop.load %a[0] : memref<1xf32>
      sloop.store %v, %ra[%l] : memref<16xf32, #tmem.space<avx512>>
    }
    sloop.for %l = 0 to 16 {
      %v = sloop.if %io * 16 + %l < %n -> f32 {
        %w = sloop.load %x[%io * 16 + %l] : memref<64xf32>
        sloop.yield %w : f32
      } else {
        %z = arith.constant 0.0 : f32
        sloop.yield %z : f32
      }
      sloop.store %v, %rx[%l] : memref<16xf32, #tmem.space<avx512>>
    }
    sloop.for %l = 0 to 16 {
      %v = sloop.load %y[%io * 16 + %l] : memref<64xf32>
      sloop.store %v, %ry[%l] : memref<16xf32, #tmem.space<avx512>>
    }
    sloop.for %l = 0 to 16 {
      %p = sloop.load %ra[%l] : memref<16xf32, #tmem.space<avx512>>
      %q = sloop.load %rx[%l] : memref<16xf32, #tmem.space<avx512>>
      %m = arith.mulf %p, %q : f32
      sloop.reduce add %m, %ry[%l] : memref<16xf32, #tmem.space<avx512>>
    }
    sloop.for %l = 0 to 16 {
      sloop.if %io * 16 + %l < %n {
        %v = sloop.load %ry[%l] : memref<16xf32, #tmem.space<avx512>>
        sloop.store %v, %y[%io * 16 + %l] : memref<64xf32>
      }
    }
  }
  return
}

// A block of 4 accumulators over a row of 64: the unroll loop expanded,
// the block split into %acc_0 .. %acc_3; zeroing, masked accumulation with
// a broadcast operand written as a plain add of a product in any order.
// CHECK-LABEL: func @row_block
// CHECK: %acc_0 = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
// CHECK: %acc_3 = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
// CHECK: avx512.setzero %acc_0
// CHECK: avx512.setzero %acc_3
// CHECK: sloop.for %k = 0 to 8 {
// CHECK:   avx512.mask_set1 %a, %{{.*}}, lanes
// CHECK:   avx512.loadu %b, %{{.*}} : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[64, 1], offset: ?>>
// CHECK:   avx512.mask_fmadd acc %acc_0, %{{[ab]}}, %{{[ab]}}, lanes
// CHECK:   avx512.mask_fmadd acc %acc_3, %{{[ab]}}, %{{[ab]}}, lanes
// CHECK: }
// CHECK: avx512.relu %acc_0, %acc_0
// CHECK: avx512.storeu %acc_0
// CHECK-NOT: sloop.for %u
func.func @row_block(%A: memref<8xf32>, %B: memref<8x64xf32>, %C: memref<64xf32>, %m: index) {
  %acc = sloop.alloc : memref<4x16xf32, #tmem.space<avx512>>
  %a = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %b = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %zero = arith.constant 0.0 : f32
  sloop.for %u = 0 to 4 unroll {
    sloop.for %l = 0 to 16 {
      sloop.store %zero, %acc[%u, %l] : memref<4x16xf32, #tmem.space<avx512>>
    }
  }
  sloop.for %k = 0 to 8 {
    sloop.for %l = 0 to 16 {
      sloop.if %l < %m - 2 {
        %v = sloop.load %A[%k] : memref<8xf32>
        sloop.store %v, %a[%l] : memref<16xf32, #tmem.space<avx512>>
      }
    }
    sloop.for %u = 0 to 4 unroll {
      sloop.for %l = 0 to 16 {
        %v = sloop.load %B[%k, %u * 16 + %l] : memref<8x64xf32>
        sloop.store %v, %b[%l] : memref<16xf32, #tmem.space<avx512>>
      }
      sloop.for %l = 0 to 16 {
        sloop.if %l < %m - 2 {
          %p = sloop.load %b[%l] : memref<16xf32, #tmem.space<avx512>>
          %q = sloop.load %a[%l] : memref<16xf32, #tmem.space<avx512>>
          %c = sloop.load %acc[%u, %l] : memref<4x16xf32, #tmem.space<avx512>>
          %r = arith.mulf %p, %q : f32
          %s = arith.addf %c, %r : f32
          sloop.store %s, %acc[%u, %l] : memref<4x16xf32, #tmem.space<avx512>>
        }
      }
    }
  }
  sloop.for %u = 0 to 4 unroll {
    sloop.for %l = 0 to 16 {
      %c = sloop.load %acc[%u, %l] : memref<4x16xf32, #tmem.space<avx512>>
      %gt = arith.cmpf ogt, %c, %zero : f32
      %r = arith.select %gt, %c, %zero : f32
      sloop.store %r, %acc[%u, %l] : memref<4x16xf32, #tmem.space<avx512>>
    }
    sloop.for %l = 0 to 16 {
      %c = sloop.load %acc[%u, %l] : memref<4x16xf32, #tmem.space<avx512>>
      sloop.store %c, %C[%u * 16 + %l] : memref<64xf32>
    }
  }
  return
}

// uint16 lanes: (x + y) * 43691 >> 16, high halves of the products.
// CHECK-LABEL: func @u16
// CHECK: avx512.loadu %x
// CHECK: avx512.loadu %y
// CHECK: avx512.add %s, %{{[xy]}}, %{{[xy]}} : memref<32xi16
// CHECK: avx512.mulhi %q, %s, %k
// CHECK: avx512.storeu %q
func.func @u16(%X: memref<32xi16>, %Y: memref<32xi16>, %K: memref<32xi16>, %Q: memref<32xi16>) {
  %x = sloop.alloc : memref<32xi16, #tmem.space<avx512>>
  %y = sloop.alloc : memref<32xi16, #tmem.space<avx512>>
  %s = sloop.alloc : memref<32xi16, #tmem.space<avx512>>
  %k = sloop.alloc : memref<32xi16, #tmem.space<avx512>>
  %q = sloop.alloc : memref<32xi16, #tmem.space<avx512>>
  sloop.for %l = 0 to 32 {
    %v = sloop.load %X[%l] : memref<32xi16>
    sloop.store %v, %x[%l] : memref<32xi16, #tmem.space<avx512>>
  }
  sloop.for %l = 0 to 32 {
    %v = sloop.load %Y[%l] : memref<32xi16>
    sloop.store %v, %y[%l] : memref<32xi16, #tmem.space<avx512>>
  }
  sloop.for %l = 0 to 32 {
    %v = sloop.load %K[%l] : memref<32xi16>
    sloop.store %v, %k[%l] : memref<32xi16, #tmem.space<avx512>>
  }
  sloop.for %l = 0 to 32 {
    %a = sloop.load %x[%l] : memref<32xi16, #tmem.space<avx512>>
    %b = sloop.load %y[%l] : memref<32xi16, #tmem.space<avx512>>
    %c = arith.addi %b, %a : i16
    sloop.store %c, %s[%l] : memref<32xi16, #tmem.space<avx512>>
  }
  sloop.for %l = 0 to 32 {
    %a = sloop.load %s[%l] : memref<32xi16, #tmem.space<avx512>>
    %b = sloop.load %k[%l] : memref<32xi16, #tmem.space<avx512>>
    %a32 = arith.extui %a : i16 to i32
    %b32 = arith.extui %b : i16 to i32
    %p = arith.muli %a32, %b32 : i32
    %c16 = arith.constant 16 : i32
    %h = arith.shrui %p, %c16 : i32
    %t = arith.trunci %h : i32 to i16
    sloop.store %t, %q[%l] : memref<32xi16, #tmem.space<avx512>>
  }
  sloop.for %l = 0 to 32 {
    %v = sloop.load %q[%l] : memref<32xi16, #tmem.space<avx512>>
    sloop.store %v, %Q[%l] : memref<32xi16>
  }
  return
}

// i32 lanes, a zero boundary written with a store in each branch (as the
// conv1d algorithm writes it): the guard becomes one that yields the value,
// which is maskz_loadu; the multiply-add on i32 registers is fmadd.
// CHECK-LABEL: func @conv_step
// CHECK:      %[[D:.*]] = tmem.window %{{.*}}[%[[C:.*]], %[[R:.*]] + %[[JO:.*]] * 16] [1, 16] : memref<?x?xi32>
// CHECK-NEXT: %[[L:.*]] = affine.apply #{{.*}}(%[[R]], %[[JO]], %{{.*}})
// CHECK-NEXT: avx512.maskz_loadu %y, %[[D]], lanes %[[L]] : memref<16xi32, #tmem.space<avx512>>
// CHECK:      avx512.set1 %k, %{{.*}} : memref<16xi32, #tmem.space<avx512>>
// CHECK-NEXT: avx512.fmadd acc %acc, %k, %y : memref<16xi32, #tmem.space<avx512>>
// CHECK-NOT:  sloop.store
func.func @conv_step(%data: memref<?x?xi32>, %w: memref<4xi32>, %n: index,
                     %jo: index, %c: index, %r: index) {
  %zero = arith.constant 0 : i32
  %acc = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  %y = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  %k = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  sloop.for %ji = 0 to 16 {
    sloop.if %r + %jo * 16 + %ji < %n {
      %d = sloop.load %data[%c, %r + %jo * 16 + %ji] : memref<?x?xi32>
      sloop.store %d, %y[%ji] : memref<16xi32, #tmem.space<avx512>>
    } else {
      sloop.store %zero, %y[%ji] : memref<16xi32, #tmem.space<avx512>>
    }
  }
  sloop.for %ji = 0 to 16 {
    %v = sloop.load %w[%r] : memref<4xi32>
    sloop.store %v, %k[%ji] : memref<16xi32, #tmem.space<avx512>>
  }
  sloop.for %ji = 0 to 16 {
    %a = sloop.load %k[%ji] : memref<16xi32, #tmem.space<avx512>>
    %b = sloop.load %y[%ji] : memref<16xi32, #tmem.space<avx512>>
    %p = arith.muli %a, %b : i32
    sloop.reduce add %p, %acc[%ji] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}
