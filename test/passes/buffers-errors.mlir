// RUN: usl-opt %s --split-input-file --verify-diagnostics --expand-dim="buffer=t size=4 by=i"

func.func @carried(%A: memref<4xf32>) {
  %t = sloop.alloc : memref<f32>
  // expected-error @-1 {{cannot expand buffer 't' by loop 'i': 'sloop.store' (line 8) writes element [] of 't' in iteration (i = 0), and 'sloop.load' (line 7) reads it in iteration (i = 1), and with a slice per iteration the second would not see the first}}
  sloop.for %i = 0 to 4 {
    %a = sloop.load %t[] : memref<f32>
    sloop.store %a, %t[] : memref<f32>
  }
  return
}

// -----

func.func @too_small(%A: memref<8xf32>, %v: f32) {
  %t = sloop.alloc : memref<f32>
  // expected-error @-1 {{cannot expand buffer 't' by loop 'i': the loop's variable must stay in [0, 4)}}
  sloop.for %i = 0 to 8 {
    sloop.store %v, %t[] : memref<f32>
  }
  return
}

// -----

func.func @used_outside(%v: f32) {
  %t = sloop.alloc : memref<f32>
  // expected-error @-1 {{cannot expand buffer 't' by loop 'i': it is accessed outside the loop}}
  sloop.for %i = 0 to 4 {
    sloop.store %v, %t[] : memref<f32>
  }
  %x = sloop.load %t[] : memref<f32>
  return
}

// -----

func.func @no_such_loop(%v: f32) {
  %t = sloop.alloc : memref<f32>
  // expected-error @-1 {{cannot expand buffer 't' by loop 'i': no loop of that name is around its uses}}
  sloop.for %j = 0 to 4 {
    sloop.store %v, %t[] : memref<f32>
  }
  return
}

// -----

// A write under a condition the model cannot see may not happen, so it
// does not hide the value of the previous iteration.
func.func @opaque_condition(%cond: memref<4xindex>, %in: memref<4xf32>, %out: memref<4xf32>) {
  // expected-error @+1 {{cannot expand buffer 't' by loop 'i'}}
  %t = sloop.alloc : memref<f32>
  sloop.for %i = 0 to 4 {
    %c = sloop.load %cond[%i] : memref<4xindex>
    sloop.if %c >= 1 {
      %v = sloop.load %in[%i] : memref<4xf32>
      sloop.store %v, %t[] : memref<f32>
    }
    %w = sloop.load %t[] : memref<f32>
    sloop.store %w, %out[%i] : memref<4xf32>
  }
  return
}
