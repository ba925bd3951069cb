// RUN: usl-opt %s --split-input-file --verify-diagnostics --lift-alloc="buffer=t levels=1"

func.func @parallel(%v: f32) {
  sloop.for %i = 0 to 4 par {
    %t = sloop.alloc : memref<f32>
    // expected-error @-1 {{cannot lift buffer 't' out of par loop 'i': its iterations run at once and would share it}}
    sloop.store %v, %t[] : memref<f32>
  }
  return
}

// -----

func.func @size_inside(%v: f32) {
  sloop.for %i = 1 to 4 {
    %t = sloop.alloc(%i) : memref<?xf32>
    // expected-error @-1 {{cannot lift buffer 't' out of loop 'i': its size is computed inside it}}
  }
  return
}

// -----

func.func @top(%v: f32) {
  %t = sloop.alloc : memref<f32>
  // expected-error @-1 {{cannot lift buffer 't' 1 levels: it is inside 0 loops}}
  return
}
