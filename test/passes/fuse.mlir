// RUN: usl-opt %s --fuse="func=producer_consumer loop=i" | FileCheck %s
// RUN: usl-opt %s --split-input-file --fuse | FileCheck %s --check-prefix=ALL

// Tests fusing a producer loop with its consumer at the same index.
// CHECK-LABEL: func @producer_consumer
// CHECK: sloop.for %i = 0 to 16 {
// CHECK-NEXT: sloop.load %{{.*}}[%i]
// CHECK-NEXT: sloop.store
// CHECK-NEXT: sloop.load %{{.*}}[%i]
// CHECK-NEXT: sloop.store
// CHECK-NEXT: }
// CHECK-NEXT: return
// ALL-LABEL: func @producer_consumer
// ALL: sloop.for %i
// ALL-NOT: sloop.for
func.func @producer_consumer(%A: memref<16xf32>, %T: memref<16xf32>, %B: memref<16xf32>) {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<16xf32>
    sloop.store %a, %T[%i] : memref<16xf32>
  }
  sloop.for %j = 0 to 16 {
    %t = sloop.load %T[%j] : memref<16xf32>
    sloop.store %t, %B[%j] : memref<16xf32>
  }
  return
}

// -----

// Tests that the default fusion leaves a pair it may not fuse.
// ALL-LABEL: func @stencil
// ALL: sloop.for %i
// ALL: sloop.for %j
func.func @stencil(%A: memref<17xf32>, %T: memref<17xf32>, %B: memref<16xf32>) {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<17xf32>
    sloop.store %a, %T[%i] : memref<17xf32>
  }
  sloop.for %j = 0 to 16 {
    %t = sloop.load %T[%j + 1] : memref<17xf32>
    sloop.store %t, %B[%j] : memref<16xf32>
  }
  return
}

// -----

// Tests the default placement of a stencil producer (a buffer of the
// function's own): a 3x3 box read inside 8x8 tiles is computed per tile,
// over its 10x10 window (100 elements for 64 points, where a row would
// compute 3x10 for 8), and stored there.
// ALL-LABEL: func @box
// ALL: sloop.for %c.io = 0 to 4 {
// ALL-NEXT: sloop.for %c.jo = 0 to 4 {
// ALL-NEXT: %t_tile = sloop.alloc : memref<10x10xf32>
// ALL-NEXT: sloop.for %p.i = 0 to 10 {
// ALL-NEXT: sloop.for %p.j = 0 to 10 {
// ALL: sloop.for %c.ii = 0 to 8 {
// ALL-NEXT: sloop.for %c.ji = 0 to 8 {
// ALL-NOT: sloop.alloc
func.func @box(%A: memref<34x34xf32>, %B: memref<32x32xf32>) {
  %t = sloop.alloc : memref<34x34xf32>
  sloop.for %p.i = 0 to 34 {
    sloop.for %p.j = 0 to 34 {
      %a = sloop.load %A[%p.i, %p.j] : memref<34x34xf32>
      sloop.store %a, %t[%p.i, %p.j] : memref<34x34xf32>
    }
  }
  sloop.for %c.io = 0 to 4 {
    sloop.for %c.jo = 0 to 4 {
      sloop.for %c.ii = 0 to 8 {
        sloop.for %c.ji = 0 to 8 {
          %n = sloop.load %t[%c.io * 8 + %c.ii, %c.jo * 8 + %c.ji + 1] : memref<34x34xf32>
          %w = sloop.load %t[%c.io * 8 + %c.ii + 1, %c.jo * 8 + %c.ji] : memref<34x34xf32>
          %e = sloop.load %t[%c.io * 8 + %c.ii + 1, %c.jo * 8 + %c.ji + 2] : memref<34x34xf32>
          %s = sloop.load %t[%c.io * 8 + %c.ii + 2, %c.jo * 8 + %c.ji + 1] : memref<34x34xf32>
          %x = arith.addf %n, %w : f32
          %y = arith.addf %e, %s : f32
          %z = arith.addf %x, %y : f32
          sloop.store %z, %B[%c.io * 8 + %c.ii, %c.jo * 8 + %c.ji] : memref<32x32xf32>
        }
      }
    }
  }
  return
}

// -----

// Tests that a producer read transposed (no window per consumer loop can
// be expressed as compute-at needs) stays at root.
// ALL-LABEL: func @transposed
// ALL: %t = sloop.alloc : memref<8x8xf32>
// ALL-NEXT: sloop.for %p.i = 0 to 8 {
func.func @transposed(%A: memref<8x8xf32>, %B: memref<8x8xf32>) {
  %t = sloop.alloc : memref<8x8xf32>
  sloop.for %p.i = 0 to 8 {
    sloop.for %p.j = 0 to 8 {
      %a = sloop.load %A[%p.i, %p.j] : memref<8x8xf32>
      sloop.store %a, %t[%p.i, %p.j] : memref<8x8xf32>
    }
  }
  sloop.for %c.i = 0 to 8 {
    sloop.for %c.j = 0 to 8 {
      %a = sloop.load %t[%c.j, %c.i] : memref<8x8xf32>
      %b = sloop.load %t[%c.i, %c.j] : memref<8x8xf32>
      %s = arith.addf %a, %b : f32
      sloop.store %s, %B[%c.i, %c.j] : memref<8x8xf32>
    }
  }
  return
}

// -----

// A buffer read in two loops that do not nest (found by fuzzing: the search
// for where to compute it walked past the outermost loop and crashed). The
// producer fuses with the first reader; the second keeps its loop.
// ALL-LABEL: func @reads_in_two_loops
// ALL:         sloop.for %i = 0 to 8 {
// ALL:           sloop.store %{{.*}}, %t[%i]
// ALL:           sloop.load %t[%i]
// ALL:         sloop.for %k = 0 to 4 {
// ALL-NEXT:      sloop.load %t[%k]
func.func @reads_in_two_loops(%A: memref<8xf32>, %B: memref<8xf32>, %C: memref<8xf32>) {
  %t = sloop.alloc : memref<8xf32>
  sloop.for %i = 0 to 8 {
    %a = sloop.load %A[%i] : memref<8xf32>
    sloop.store %a, %t[%i] : memref<8xf32>
  }
  sloop.for %j = 0 to 8 {
    %b = sloop.load %t[%j] : memref<8xf32>
    sloop.store %b, %B[%j] : memref<8xf32>
  }
  sloop.for %k = 0 to 4 {
    %c = sloop.load %t[%k] : memref<8xf32>
    sloop.store %c, %C[%k] : memref<8xf32>
  }
  return
}

// -----

// An allocation and a size between the loops (as bufferization leaves
// them) run before the fused loop.
// ALL-LABEL: func @alloc_between
// ALL: %[[T:.*]] = memref.alloc
// ALL-NEXT: %[[U:.*]] = memref.alloc
// ALL-NEXT: sloop.for %i = 0 to 16 {
// ALL-NEXT: sloop.load %arg0[%i]
// ALL-NEXT: sloop.store %{{.*}}, %[[T]][%i]
// ALL-NEXT: sloop.load %[[T]][%i]
// ALL-NEXT: sloop.store %{{.*}}, %[[U]][%i]
// ALL-NEXT: sloop.load %[[U]][%i]
// ALL-NEXT: sloop.store %{{.*}}, %arg1[%i]
// ALL-NEXT: }
// ALL-NEXT: memref.dealloc %[[T]]
func.func @alloc_between(%A: memref<16xf32>, %B: memref<16xf32>) {
  %t = memref.alloc() : memref<16xf32>
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<16xf32>
    sloop.store %a, %t[%i] : memref<16xf32>
  }
  %u = memref.alloc() : memref<16xf32>
  sloop.for %j = 0 to 16 {
    %b = sloop.load %t[%j] : memref<16xf32>
    sloop.store %b, %u[%j] : memref<16xf32>
  }
  sloop.for %k = 0 to 16 {
    %c = sloop.load %u[%k] : memref<16xf32>
    sloop.store %c, %B[%k] : memref<16xf32>
  }
  memref.dealloc %t : memref<16xf32>
  memref.dealloc %u : memref<16xf32>
  return
}
