// RUN: usl-opt %s --split-input-file --verify-diagnostics

func.func @bad_step() {
  // expected-error @+1 {{loop step must be positive, got 0}}
  sloop.for %i = 0 to 4 step 0 {
  }
  return
}

// -----

func.func @bad_name() {
  // expected-error @+1 {{loop name 'a b' must be non-empty}}
  sloop.for %i = 0 to 4 name "a b" {
  }
  return
}

// -----

func.func @unroll_symbolic(%N: index) {
  // expected-error @+1 {{an unroll loop needs constant bounds, loop 'i' has a symbolic bound}}
  sloop.for %i = 0 to %N unroll {
  }
  return
}

// -----

func.func @unknown_kind() {
  // expected-error @+1 {{expected '{' to begin a region}}
  sloop.for %i = 0 to 4 parallel {
  }
  return
}

// -----

func.func @rank_mismatch(%A: memref<4x4xf32>) {
  // expected-error @+1 {{'sloop.load' op has 1 indices for a buffer of rank 2}}
  %a = sloop.load %A[0] : memref<4x4xf32>
  return
}

// -----

func.func @reduce_kind(%A: memref<4xf32>, %v: f32) {
  // expected-error @+1 {{unknown reduction 'sub', expected add, mul, max or min}}
  sloop.reduce sub %v, %A[0] : memref<4xf32>
  return
}

// -----

func.func @reduce_operands(%A: memref<4xf32>, %v: f32) {
  // expected-error @+1 {{'sloop.reduce' op has 2 indices for a buffer of rank 1}}
  sloop.reduce add %v, %A[0, 1] : memref<4xf32>
  return
}

// -----

func.func @if_no_comparison(%i: index) {
  // expected-error @+1 {{expected a comparison: <, <=, >, >= or ==}}
  sloop.if %i {
  }
  return
}

// -----

func.func @if_values_without_else(%i: index, %v: f32) {
  // expected-error @+1 {{'sloop.if' op an 'if' that yields values needs an 'else' region}}
  %r = sloop.if %i < 4 -> f32 {
    sloop.yield %v : f32
  }
  return
}

// -----

func.func @yield_mismatch(%i: index, %v: f32) {
  %r = sloop.if %i < 4 -> f32 {
    // expected-error @+1 {{'sloop.yield' op yields 0 values but its parent 'sloop.if' expects 1 of types 'f32'}}
    sloop.yield
  } else {
    sloop.yield %v : f32
  }
  return
}

// -----

func.func @yield_in_loop(%v: f32) {
  sloop.for %i = 0 to 4 {
    // expected-error @+1 {{'sloop.yield' op yields 1 values but its parent 'sloop.for' expects 0}}
    sloop.yield %v : f32
  }
  return
}

// -----

func.func @yield_outside(%v: f32) {
  // expected-error @+1 {{'sloop.yield' op expects parent op to be one of 'sloop.for, sloop.if'}}
  sloop.yield
}

// -----

func.func @alloc_sizes(%n: index) {
  // expected-error @+1 {{'sloop.alloc' op type 'memref<?x?xf32>' has 2 dynamic extents but 1 sizes are given}}
  %b = sloop.alloc(%n) : memref<?x?xf32>
  return
}

// -----

func.func @alloc_space() {
  // expected-error @+1 {{'sloop.alloc' op memory space 3 : i64 is not a tile-memory space}}
  %b = sloop.alloc : memref<4xf32, 3>
  return
}

// -----

func.func @alloc_static(%n: index) {
  // expected-error @+1 {{'sloop.alloc' op a dram_static buffer needs a static shape}}
  %b = sloop.alloc(%n) : memref<?xf32, #tmem.space<dram_static>>
  return
}

// -----

func.func @alloc_layout() {
  // expected-error @+1 {{'sloop.alloc' op allocates a buffer with a non-identity layout}}
  %b = sloop.alloc : memref<4x4xf32, strided<[8, 1]>>
  return
}

// -----

// Bounds whose trip count would not fit in 64 bits.
func.func @huge_bounds(%A: memref<?xf32>) {
  // expected-error @+1 {{'sloop.for' op lower bound holds -9223372036854775807, outside the range loop bounds may use, -2^61 to 2^61}}
  sloop.for %i = -9223372036854775807 to 9223372036854775807 {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %A[%i] : memref<?xf32>
  }
  return
}
