// RUN: usl-opt %s --split-input-file --verify-diagnostics --hoist=loop=i

func.func @nothing(%A: memref<16xf32>, %v: f32) {
  // expected-error @+1 {{nothing in loop 'i' can be hoisted}}
  sloop.for %i = 0 to 16 {
    sloop.store %v, %A[%i] : memref<16xf32>
  }
  return
}

// -----

func.func @written(%A: memref<16xf32>) {
  // expected-error @+1 {{nothing in loop 'i' can be hoisted}}
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[0] : memref<16xf32>
    sloop.store %a, %A[%i] : memref<16xf32>
  }
  return
}

// -----

func.func @maybe_empty(%K: memref<4xf32>, %B: memref<16xf32>, %n: index) {
  // expected-error @+1 {{nothing in loop 'i' can be hoisted}}
  sloop.for %i = 0 to %n {
    %k = sloop.load %K[0] : memref<4xf32>
    sloop.store %k, %B[%i] : memref<16xf32>
  }
  return
}

// -----

func.func @read_before(%D: memref<4xf32>, %T: memref<4xf32>, %O: memref<8x4xf32>) {
  // expected-error @+1 {{nothing in loop 'i' can be hoisted}}
  sloop.for %i = 0 to 8 {
    sloop.for %y = 0 to 4 {
      %t = sloop.load %T[%y] : memref<4xf32>
      sloop.store %t, %O[%i, %y] : memref<8x4xf32>
    }
    sloop.for %x = 0 to 4 {
      %d = sloop.load %D[%x] : memref<4xf32>
      sloop.store %d, %T[%x] : memref<4xf32>
    }
  }
  return
}
