// RUN: usl-opt %s --split-input-file --verify-diagnostics --unroll-buffer="buffer=acc dim=0"

func.func @variable_index(%v: i32) {
  %acc = sloop.alloc : memref<4x4xi32>
  sloop.for %i = 0 to 4 {
    // expected-error @+1 {{cannot unroll buffer 'acc' along dimension 0: this 'sloop.store' indexes it with a non-constant}}
    sloop.store %v, %acc[%i, 0] : memref<4x4xi32>
  }
  return
}

// -----

func.func @dynamic(%v: i32, %n: index) {
  // expected-error @+1 {{cannot unroll buffer 'acc' along dimension 0: it needs a static extent of at most 64 there}}
  %acc = sloop.alloc(%n) : memref<?xi32>
  return
}
