// RUN: usl-opt %s --split-input-file --verify-diagnostics --split="loop=i factor=4"

func.func @not_divisible(%A: memref<?xf32>, %N: index) {
  // expected-error @+1 {{cannot split loop 'i' by 4 with tail=perfect: its trip count is not provably a multiple of 4; use tail=guard or tail=cut}}
  sloop.for %i = 0 to %N {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %A[%i] : memref<?xf32>
  }
  return
}

// -----

func.func @constant_not_divisible(%A: memref<?xf32>) {
  // expected-error @+1 {{cannot split loop 'i' by 4 with tail=perfect}}
  sloop.for %i = 0 to 10 {
  }
  return
}

// -----

func.func @offset_not_divisible(%A: memref<?xf32>, %n: index) {
  // expected-error @+1 {{cannot split loop 'i' by 4 with tail=perfect}}
  sloop.for %i = 1 to %n * 4 {
  }
  return
}

// -----

func.func @strided() {
  // expected-error @+1 {{cannot split loop 'i': it has step 2, and split needs a unit step}}
  sloop.for %i = 0 to 16 step 2 {
  }
  return
}
