// RUN: usl-opt %s --split-input-file --verify-diagnostics --lift-alloc="buffer=t levels=2"
// Each loop a buffer leaves is checked, not the innermost one twice.

func.func @par_two_levels_up(%A: memref<4x4xf32>) {
  sloop.for %i = 0 to 4 par {
    sloop.for %j = 0 to 4 {
      %t = sloop.alloc : memref<f32>
      // expected-error @-1 {{cannot lift buffer 't' out of par loop 'i': its iterations run at once and would share it}}
      %a = sloop.load %A[%i, %j] : memref<4x4xf32>
      sloop.store %a, %t[] : memref<f32>
      %b = sloop.load %t[] : memref<f32>
      sloop.store %b, %A[%j, %i] : memref<4x4xf32>
    }
  }
  return
}

// -----

func.func @size_in_outer_loop(%v: f32) {
  sloop.for %i = 1 to 4 {
    sloop.for %j = 0 to 4 {
      %t = sloop.alloc(%i) : memref<?xf32>
      // expected-error @-1 {{cannot lift buffer 't' out of loop 'i': its size is computed inside it}}
      sloop.store %v, %t[0] : memref<?xf32>
    }
  }
  return
}

// -----

func.func @too_many_levels(%v: f32) {
  sloop.for %i = 0 to 4 {
    %t = sloop.alloc : memref<f32>
    // expected-error @-1 {{cannot lift buffer 't' 2 levels: it is inside 1 loops}}
    sloop.store %v, %t[] : memref<f32>
  }
  return
}

// -----

func.func @vec_loop(%v: f32) {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 vec {
      %t = sloop.alloc : memref<f32>
      // expected-error @-1 {{cannot lift buffer 't' out of vec loop 'j': its iterations run at once and would share it}}
      sloop.store %v, %t[] : memref<f32>
    }
  }
  return
}
