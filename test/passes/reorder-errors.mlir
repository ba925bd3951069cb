// RUN: usl-opt %s --split-input-file --verify-diagnostics --reorder=loop=i

func.func @anti_diagonal(%A: memref<9x9xf32>) {
  // expected-error @+1 {{cannot reorder the loops to 'j', 'i': 'sloop.store' (line 8) writes element [1, 1] of argument 0 in iteration (i = 1, j = 1), and 'sloop.load' (line 7) reads it in iteration (i = 2, j = 0), and the new order would run them the other way round}}
  sloop.for %i = 1 to 8 {
    sloop.for %j = 0 to 8 {
      %a = sloop.load %A[%i - 1, %j + 1] : memref<9x9xf32>
      sloop.store %a, %A[%i, %j] : memref<9x9xf32>
    }
  }
  return
}

// -----

func.func @not_perfect(%A: memref<8x8xf32>, %v: f32) {
  // expected-error @+1 {{cannot reorder loop 'i': its body is not exactly one loop to swap it with}}
  sloop.for %i = 0 to 8 {
    sloop.store %v, %A[%i, 0] : memref<8x8xf32>
    sloop.for %j = 0 to 8 {
      sloop.store %v, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}

// -----

func.func @triangular(%A: memref<8x8xf32>, %v: f32) {
  sloop.for %i = 0 to 8 {
    // expected-error @+1 {{cannot reorder: the bounds of loop 'j' depend on loop 'i'}}
    sloop.for %j = 0 to %i {
      sloop.store %v, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}

// -----

func.func @scan(%A: memref<8x8xf32>) {
  // expected-error @+1 {{cannot reorder the loops to 'j', 'i'}}
  sloop.for %i = 0 to 7 {
    sloop.for %j = 1 to 8 {
      %a = sloop.load %A[%i, %j - 1] : memref<8x8xf32>
      %b = sloop.load %A[%i + 1, %j - 1] : memref<8x8xf32>
      %c = arith.addf %a, %b : f32
      sloop.store %c, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}

// -----

// The same stencil on a buffer of the function's own.
func.func @anti_diagonal_in_alloc() {
  %A = memref.alloc() : memref<9x9xf32>
  // expected-error @+1 {{cannot reorder the loops to 'j', 'i': 'sloop.store' (line 63) writes element [1, 1] of the memref.alloc at line 58 in iteration (i = 1, j = 1), and 'sloop.load' (line 62) reads it in iteration (i = 2, j = 0)}}
  sloop.for %i = 1 to 8 {
    sloop.for %j = 0 to 8 {
      %a = sloop.load %A[%i - 1, %j + 1] : memref<9x9xf32>
      sloop.store %a, %A[%i, %j] : memref<9x9xf32>
    }
  }
  memref.dealloc %A : memref<9x9xf32>
  return
}
