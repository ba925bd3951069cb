// RUN: usl-opt %s --split-input-file --verify-diagnostics

func.func @rank(%b: memref<?x?xf32>) {
  // expected-error @+1 {{'pipeline.input' op buffer of rank 2 for a function of 1 dimensions}}
  %in = pipeline.input %b clamp : memref<?x?xf32> -> !pipeline.func<1 x f32>
  return
}

// -----

func.func @element(%b: memref<?xf32>) {
  // expected-error @+1 {{'pipeline.input' op buffer of 'f32' for a function of 'i32'}}
  %in = pipeline.input %b clamp : memref<?xf32> -> !pipeline.func<1 x i32>
  return
}

// -----

func.func @constant_without_value(%b: memref<?xf32>) {
  // expected-error @+1 {{a constant boundary needs its value: constant(%v)}}
  %in = pipeline.input %b constant : memref<?xf32> -> !pipeline.func<1 x f32>
  return
}

// -----

func.func @value_without_constant(%b: memref<?xf32>, %v: f32) {
  // expected-error @+1 {{only a constant boundary takes a value}}
  %in = pipeline.input %b clamp(%v) : memref<?xf32> -> !pipeline.func<1 x f32>
  return
}

// -----

func.func @unknown_boundary(%b: memref<?xf32>) {
  // expected-error @+1 {{unknown boundary 'wrap'; expected none, clamp, constant or mirror}}
  %in = pipeline.input %b wrap : memref<?xf32> -> !pipeline.func<1 x f32>
  return
}

// -----

func.func @zero_rank(%b: memref<f32>) {
  // expected-error @+1 {{a pipeline function has 1 to 8 dimensions, not 0}}
  %in = pipeline.input %b clamp : memref<f32> -> !pipeline.func<0 x f32>
  return
}

// -----

func.func @coordinates(%b: memref<?xf32>) {
  // expected-error @+1 {{'pipeline.func' op body takes 2 coordinates but the function has 1 dimensions and 0 reduction variables}}
  %f = pipeline.func (%x, %y) : !pipeline.func<1 x f32> {
    %z = arith.constant 0.0 : f32
    pipeline.yield %z : f32
  }
  return
}

// -----

func.func @yield_type(%b: memref<?xf32>) {
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %z = arith.constant 0 : i32
    // expected-error @+1 {{'pipeline.yield' op must yield one value of the function's type 'f32'}}
    pipeline.yield %z : i32
  }
  return
}

// -----

func.func @call_rank(%b: memref<?xf32>) {
  %in = pipeline.input %b clamp : memref<?xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    // expected-error @+1 {{'pipeline.call' op calls a function of 1 dimensions with 2 coordinates}}
    %v = pipeline.call %in(%x, %x) : !pipeline.func<1 x f32>
    pipeline.yield %v : f32
  }
  return
}

// -----

func.func @output(%b: memref<?x?xf32>, %o: memref<?xf32>) {
  %in = pipeline.input %b clamp : memref<?x?xf32> -> !pipeline.func<2 x f32>
  // expected-error @+1 {{'pipeline.output' op buffer of rank 1 for a function of 2 dimensions}}
  pipeline.output %in, %o : !pipeline.func<2 x f32>, memref<?xf32>
  return
}

// -----

func.func @reduce_kind(%K: index, %z: f32) {
  // expected-error @+1 {{unknown reduction 'sum'; expected add, mul, max or min}}
  %f = pipeline.func (%x) reduce sum (%k = %K to %K) init %z : !pipeline.func<1 x f32> {
    pipeline.yield %z : f32
  }
  return
}

// -----

func.func @self_reference(%z: f32) {
  // expected-note @+1 {{operand defined here}}
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    // expected-error @+1 {{operand #0 does not dominate this use}}
    %v = pipeline.call %f(%x - 1) : !pipeline.func<1 x f32>
    pipeline.yield %v : f32
  }
  return
}

// -----

// Tests that a call is refused outside a function body, where it has no
// point to be evaluated at.
func.func @call_outside(%b: memref<?xf32>, %i: index) -> f32 {
  %in = pipeline.input %b clamp : memref<?xf32> -> !pipeline.func<1 x f32>
  // expected-error @+1 {{'pipeline.call' op reads a function at a point, so it must be inside the body of a pipeline.func}}
  %v = pipeline.call %in(%i) : !pipeline.func<1 x f32>
  return %v : f32
}

// -----

// Tests that a body may not load from a buffer: it could be filled later in
// program order than the points are computed.
func.func @load_in_body(%b: memref<?xf32>, %t: memref<?xf32>) {
  %in = pipeline.input %b clamp : memref<?xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x) : !pipeline.func<1 x f32>
    // expected-error @+1 {{'memref.load' op may read or write memory, but the body of pipeline function 'f' must be pure: read buffers through pipeline.input and pipeline.call}}
    %c = memref.load %t[%x] : memref<?xf32>
    %s = arith.addf %a, %c : f32
    pipeline.yield %s : f32
  }
  return
}

// -----

// Tests that a body may not write memory either, also inside a nested
// region.
func.func @store_in_body(%b: memref<?xf32>, %t: memref<?xf32>, %p: i1) {
  %in = pipeline.input %b clamp : memref<?xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x) : !pipeline.func<1 x f32>
    scf.if %p {
      // expected-error @+1 {{'memref.store' op may read or write memory, but the body of pipeline function 'f' must be pure}}
      memref.store %a, %t[%x] : memref<?xf32>
    }
    pipeline.yield %a : f32
  }
  return
}
