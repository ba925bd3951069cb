// RUN: usl-opt %s --split-input-file --verify-diagnostics --lower-pipeline

func.func @inline_reduction(%input: memref<8xf32>, %output: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %zero = arith.constant 0.0 : f32
  %in = pipeline.input %input none : memref<8xf32> -> !pipeline.func<1 x f32>
  // expected-error @+1 {{cannot inline 'sum': a reduction is computed over its domain first; compute it at root instead}}
  %sum = pipeline.func (%x) reduce add (%k = %c0 to %c2) init %zero : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x + %k) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  } {inline}
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %sum(%x) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  pipeline.output %f, %output : !pipeline.func<1 x f32>, memref<8xf32>
  return
}

// -----

func.func @output_input(%input: memref<8xf32>, %output: memref<8xf32>) {
  %in = pipeline.input %input none : memref<8xf32> -> !pipeline.func<1 x f32>
  // expected-error @+1 {{an output realizes a function computed at root, not an input or an inline function}}
  pipeline.output %in, %output : !pipeline.func<1 x f32>, memref<8xf32>
  return
}

// -----

func.func @incomparable(%input: memref<?xf32>, %output: memref<?xf32>, %n: index) {
  %in = pipeline.input %input none : memref<?xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  %g = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %f(%x) : !pipeline.func<1 x f32>
    // expected-error @+1 {{cannot infer the region of 'f' that 'g' needs in dimension 0: the bounds of its reads are not a constant apart}}
    %b = pipeline.call %f(%x + %n) : !pipeline.func<1 x f32>
    %s = arith.addf %a, %b : f32
    pipeline.yield %s : f32
  }
  pipeline.output %g, %output : !pipeline.func<1 x f32>, memref<?xf32>
  return
}

// -----

func.func @computed_coordinate(%input: memref<?xindex>, %output: memref<?xindex>) {
  %in = pipeline.input %input none : memref<?xindex> -> !pipeline.func<1 x index>
  %g = pipeline.func (%x) : !pipeline.func<1 x index> {
    %i = pipeline.call %in(%x) : !pipeline.func<1 x index>
    // expected-error @+1 {{'g' reads 'in' at coordinates that depend on values computed inside it}}
    %v = pipeline.call %in(%i) : !pipeline.func<1 x index>
    pipeline.yield %v : index
  }
  pipeline.output %g, %output : !pipeline.func<1 x index>, memref<?xindex>
  return
}

// -----

func.func @output_with_halo(%input: memref<8xf32>, %out1: memref<8xf32>, %out2: memref<8xf32>) {
  %in = pipeline.input %input clamp : memref<8xf32> -> !pipeline.func<1 x f32>
  // expected-error @+1 {{'f' is an output and is also read outside its output buffer; compute a copy of it for the readers}}
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  %g = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %f(%x - 1) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  pipeline.output %f, %out1 : !pipeline.func<1 x f32>, memref<8xf32>
  pipeline.output %g, %out2 : !pipeline.func<1 x f32>, memref<8xf32>
  return
}

// -----

// Reads through x * 2 + 1 of a region ending at (n - 1) floordiv 2 round
// the input's region up by one point: only a boundary condition defines it.
func.func @rounded_unbounded(%input: memref<?xf32>, %output: memref<?xf32>) {
  // expected-error @+1 {{input 'in' has no boundary condition, but the regions its readers compute are rounded up (bounds not a constant apart); give it one (clamp, constant, mirror)}}
  %in = pipeline.input %input none : memref<?xf32> -> !pipeline.func<1 x f32>
  %down = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x * 2) : !pipeline.func<1 x f32>
    %b = pipeline.call %in(%x * 2 + 1) : !pipeline.func<1 x f32>
    %s = arith.addf %a, %b : f32
    pipeline.yield %s : f32
  }
  %out = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x) : !pipeline.func<1 x f32>
    %b = pipeline.call %down(%x floordiv 2) : !pipeline.func<1 x f32>
    %s = arith.addf %a, %b : f32
    pipeline.yield %s : f32
  }
  pipeline.output %out, %output : !pipeline.func<1 x f32>, memref<?xf32>
  return
}

// -----

func.func @rounded_output(%input: memref<?xf32>, %output: memref<?xf32>) {
  %in = pipeline.input %input clamp : memref<?xf32> -> !pipeline.func<1 x f32>
  // expected-error @+1 {{'mid' is an output whose readers need a region that can only be rounded up (their bounds are not a constant apart); compute a copy of it for the readers}}
  %mid = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  %down = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %mid(%x * 2 + 1) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  %up = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %down(%x floordiv 2) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  pipeline.output %mid, %output : !pipeline.func<1 x f32>, memref<?xf32>
  pipeline.output %up, %output : !pipeline.func<1 x f32>, memref<?xf32>
  return
}

// -----

// Tests that a call outside a function body is refused when parsed, before
// lowering sees it.
func.func @call_outside(%input: memref<8xf32>, %output: memref<8xf32>, %i: index) {
  %in = pipeline.input %input none : memref<8xf32> -> !pipeline.func<1 x f32>
  // expected-error @+1 {{'pipeline.call' op reads a function at a point, so it must be inside the body of a pipeline.func}}
  %v = pipeline.call %in(%i) : !pipeline.func<1 x f32>
  memref.store %v, %output[%i] : memref<8xf32>
  return
}

// -----

// Tests that a body reading a buffer the function writes later is refused.
func.func @load_filled_later(%input: memref<8xf32>, %tmp: memref<8xf32>, %output: memref<8xf32>) {
  %in = pipeline.input %input none : memref<8xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    // expected-error @+1 {{'memref.load' op may read or write memory, but the body of pipeline function 'f' must be pure}}
    %t = memref.load %tmp[%x] : memref<8xf32>
    pipeline.yield %t : f32
  }
  pipeline.output %f, %output : !pipeline.func<1 x f32>, memref<8xf32>
  %g = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  pipeline.output %g, %tmp : !pipeline.func<1 x f32>, memref<8xf32>
  return
}

// -----

// Tests that an output may not overwrite a buffer the pipeline reads.
func.func @output_over_input(%buf: memref<8xf32>) {
  %in = pipeline.input %buf clamp : memref<8xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x - 1) : !pipeline.func<1 x f32>
    %b = pipeline.call %in(%x + 1) : !pipeline.func<1 x f32>
    %s = arith.addf %a, %b : f32
    pipeline.yield %s : f32
  }
  // expected-error @+1 {{this output writes the buffer of input 'in', which the pipeline reads while computing it; write the output to a buffer of its own}}
  pipeline.output %f, %buf : !pipeline.func<1 x f32>, memref<8xf32>
  return
}
