// RUN: usl-opt %s --split-input-file --verify-diagnostics --parallelize=loop=i

func.func @reduction_race(%A: memref<16xf32>, %S: memref<1xf32>) {
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.reduce' (line 7) updates element [0] of argument 1 in iteration (i = 0), and 'sloop.reduce' (line 7) updates it in iteration (i = 1), so its iterations depend on each other}}
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<16xf32>
    sloop.reduce add %a, %S[0] : memref<1xf32>
  }
  return
}

// -----

func.func @shift(%A: memref<17xf32>) {
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.load' (line 17) reads element [1] of argument 0 in iteration (i = 0), and 'sloop.store' (line 18) writes it in iteration (i = 1)}}
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i + 1] : memref<17xf32>
    sloop.store %a, %A[%i] : memref<17xf32>
  }
  return
}

// -----

func.func @recurrence(%A: memref<17xf32>) {
  // expected-error @+1 {{'sloop.store' (line 29) writes element [1] of argument 0 in iteration (i = 0), and 'sloop.load' (line 28) reads it in iteration (i = 1)}}
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<17xf32>
    sloop.store %a, %A[%i + 1] : memref<17xf32>
  }
  return
}

// -----

func.func @output(%A: memref<4xf32>, %v: f32) {
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.store' (line 39) writes element [0] of argument 0 in iteration (i = 0), and 'sloop.store' (line 39) writes it in iteration (i = 1)}}
  sloop.for %i = 0 to 8 {
    sloop.store %v, %A[0] : memref<4xf32>
  }
  return
}

// -----

func.func @shared_buffer(%A: memref<16xf32>) {
  %t = sloop.alloc : memref<1xf32>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.store' (line 51) writes element [0] of 't' in iteration (i = 0), and 'sloop.store' (line 51) writes it in iteration (i = 1)}}
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<16xf32>
    sloop.store %a, %t[0] : memref<1xf32>
    %b = sloop.load %t[0] : memref<1xf32>
    sloop.store %b, %A[%i] : memref<16xf32>
  }
  return
}

// -----

func.func @not_affine(%A: memref<16xindex>, %B: memref<16xf32>) {
  // expected-error @+1 {{'memref.store' (line 65) may write element [0] of argument 1 in iteration (i = 0), and 'memref.store' (line 65) may write it in iteration (i = 1) (assumed conservatively: 'memref.store' (line 65): its indices are not affine in loop variables and function arguments)}}
  sloop.for %i = 0 to 16 {
    %j = sloop.load %A[%i] : memref<16xindex>
    %v = arith.constant 1.0 : f32
    memref.store %v, %B[%j] : memref<16xf32>
  }
  return
}

// -----

func.func @guarded(%A: memref<17xf32>, %N: index) {
  // expected-error @+1 {{cannot parallelize loop 'i'}}
  sloop.for %i = 0 to 16 {
    sloop.if %i < %N {
      %a = sloop.load %A[%i + 1] : memref<17xf32>
      sloop.store %a, %A[%i] : memref<17xf32>
    }
  }
  return
}

// -----

func.func @window(%A: memref<8x8xf32>) {
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.load' (line 89) reads element [1, 0] of argument 0}}
  sloop.for %i = 0 to 7 {
    %w = tmem.window %A[%i, 0] [2, 8] : memref<8x8xf32>
    %a = sloop.load %w[1, 0] : memref<2x8xf32, strided<[8, 1], offset: ?>>
    sloop.store %a, %w[0, 0] : memref<2x8xf32, strided<[8, 1], offset: ?>>
  }
  return
}
