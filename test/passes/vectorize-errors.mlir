// RUN: usl-opt %s --split-input-file --verify-diagnostics --vectorize="loop=i width=8"

func.func @sum(%A: memref<64xf32>, %S: memref<1xf32>) {
  // expected-error @+1 {{cannot vectorize loop 'i': 'sloop.reduce' (line 7) updates element [0] of argument 1 in iteration (i = 0), and 'sloop.reduce' (line 7) updates it in iteration (i = 1), so its iterations depend on each other}}
  sloop.for %i = 0 to 64 {
    %a = sloop.load %A[%i] : memref<64xf32>
    sloop.reduce add %a, %S[0] : memref<1xf32>
  }
  return
}

// -----

func.func @prefix(%A: memref<65xf32>) {
  // expected-error @+1 {{cannot vectorize loop 'i'}}
  sloop.for %i = 0 to 64 {
    %a = sloop.load %A[%i] : memref<65xf32>
    sloop.store %a, %A[%i + 1] : memref<65xf32>
  }
  return
}
