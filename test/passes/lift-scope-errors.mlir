// RUN: usl-opt %s --split-input-file --verify-diagnostics --lift-scope=loop=i

func.func @depends(%A: memref<16xf32>, %v: f32) {
  // expected-error @+1 {{cannot lift the guard out of loop 'i': its condition depends on the loop}}
  sloop.for %i = 0 to 8 {
    sloop.if %i >= 5 {
      sloop.store %v, %A[%i] : memref<16xf32>
    }
  }
  return
}

// -----

func.func @two_ops(%A: memref<16xf32>, %v: f32) {
  // expected-error @+1 {{cannot lift the scope inside loop 'i': its body must be exactly one loop or one guard without results}}
  sloop.for %i = 0 to 8 {
    sloop.store %v, %A[%i] : memref<16xf32>
    sloop.store %v, %A[%i + 1] : memref<16xf32>
  }
  return
}

// -----

func.func @inner_loop(%A: memref<9x9xf32>) {
  // expected-error @+1 {{cannot reorder the loops to 'j', 'i'}}
  sloop.for %i = 1 to 8 {
    sloop.for %j = 0 to 8 {
      %a = sloop.load %A[%i - 1, %j + 1] : memref<9x9xf32>
      sloop.store %a, %A[%i, %j] : memref<9x9xf32>
    }
  }
  return
}
