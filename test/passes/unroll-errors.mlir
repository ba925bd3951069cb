// RUN: usl-opt %s --split-input-file --verify-diagnostics --unroll=loop=i

func.func @symbolic(%A: memref<?xf32>, %N: index, %v: f32) {
  // expected-error @+1 {{cannot fully unroll loop 'i': its bounds are not constant; unroll by a factor instead}}
  sloop.for %i = 0 to %N {
    sloop.store %v, %A[%i] : memref<?xf32>
  }
  return
}

// -----

func.func @huge(%v: f32) {
  // expected-error @+1 {{cannot fully unroll loop 'i': 1000000 iterations, at most 4096}}
  sloop.for %i = 0 to 1000000 {
  }
  return
}
