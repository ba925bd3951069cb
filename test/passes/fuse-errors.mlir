// RUN: usl-opt %s --split-input-file --verify-diagnostics --fuse=loop=i

func.func @reads_ahead(%A: memref<17xf32>, %T: memref<17xf32>, %B: memref<16xf32>) {
  // expected-error @+1 {{cannot fuse loops 'i' and 'j': 'sloop.store' (line 7) writes element [1] of argument 1 in iteration (i = 1), and 'sloop.load' (line 10) reads it in iteration (j = 0), and the fused loop would run them the other way round}}
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

func.func @bounds_differ(%A: memref<16xf32>, %v: f32) {
  // expected-error @+1 {{cannot fuse loops 'i' and 'j': their bounds or steps differ}}
  sloop.for %i = 0 to 16 {
    sloop.store %v, %A[%i] : memref<16xf32>
  }
  sloop.for %j = 0 to 8 {
    sloop.store %v, %A[%j] : memref<16xf32>
  }
  return
}

// -----

func.func @no_next(%A: memref<16xf32>, %v: f32) {
  // expected-error @+1 {{cannot fuse loop 'i': no loop follows it}}
  sloop.for %i = 0 to 16 {
    sloop.store %v, %A[%i] : memref<16xf32>
  }
  return
}

// -----

// A store between the loops cannot move before the first.
func.func @store_between(%A: memref<16xf32>, %v: f32) {
  // expected-error @+1 {{cannot fuse loop 'i': 'memref.store' (line 48) stands between it and the next loop and cannot run before it}}
  sloop.for %i = 0 to 16 {
    sloop.store %v, %A[%i] : memref<16xf32>
  }
  %c0 = arith.constant 0 : index
  memref.store %v, %A[%c0] : memref<16xf32>
  sloop.for %j = 0 to 16 {
    sloop.store %v, %A[%j] : memref<16xf32>
  }
  return
}
