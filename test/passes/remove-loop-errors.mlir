// RUN: usl-opt %s --split-input-file --verify-diagnostics --remove-loop=loop=i

func.func @uses_variable(%T: memref<4xf32>, %v: f32) {
  // expected-error @+1 {{cannot remove loop 'i': its body uses its variable}}
  sloop.for %i = 0 to 4 {
    sloop.store %v, %T[%i] : memref<4xf32>
  }
  return
}

// -----

func.func @accumulates(%T: memref<4xf32>, %v: f32) {
  // expected-error @+1 {{cannot remove loop 'i': its body reads 'arg0', which it also writes, so running it again may change the result}}
  sloop.for %i = 0 to 4 {
    sloop.reduce add %v, %T[0] : memref<4xf32>
  }
  return
}

// -----

func.func @maybe_empty(%T: memref<4xf32>, %v: f32, %n: index) {
  // expected-error @+1 {{cannot remove loop 'i': it may run no iteration}}
  sloop.for %i = 0 to %n {
    sloop.store %v, %T[0] : memref<4xf32>
  }
  return
}
