// RUN: usl-opt %s --split-input-file --verify-diagnostics --tile="loops=i,j sizes=4,4"

func.func @skewed(%A: memref<9x9xf32>) {
  // expected-error @+1 {{cannot tile: 'sloop.store' (line 8) writes element [1, 1] of argument 0 in iteration (i = 1, j = 1), and 'sloop.load' (line 7) reads it in iteration (i = 2, j = 0), and tiles would run them the other way round}}
  sloop.for %i = 1 to 8 {
    sloop.for %j = 0 to 8 {
      %a = sloop.load %A[%i - 1, %j + 1] : memref<9x9xf32>
      sloop.store %a, %A[%i, %j] : memref<9x9xf32>
    }
  }
  return
}

// -----

func.func @triangular(%A: memref<8x8xf32>, %v: f32) {
  sloop.for %i = 0 to 8 {
    // expected-error @+1 {{cannot tile: the bounds of loop 'j' depend on loop 'i'}}
    sloop.for %j = 0 to %i {
      sloop.store %v, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}

// -----

func.func @imperfect(%A: memref<8x8xf32>, %v: f32) {
  // expected-error @+1 {{'tile': the loops 2 loops deep from 'i' are not a perfect nest; loop 'i' holds more than one loop}}
  sloop.for %i = 0 to 8 {
    sloop.store %v, %A[%i, 0] : memref<8x8xf32>
    sloop.for %j = 0 to 8 {
      sloop.store %v, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}

// -----

func.func @strided(%A: memref<8x8xf32>, %v: f32) {
  sloop.for %i = 0 to 8 {
    // expected-error @+1 {{cannot tile loop 'j': tiling needs a unit step}}
    sloop.for %j = 0 to 8 step 2 {
      sloop.store %v, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
