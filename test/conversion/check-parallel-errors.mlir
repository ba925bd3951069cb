// RUN: usl-opt %s --split-input-file --verify-diagnostics --usl-check-parallel
// RUN: not usl-opt %s --split-input-file --usl-lower-to-llvm 2>&1 | FileCheck %s --check-prefix=LOWER
// par and vec loops written in the input are checked at lowering like the
// ones parallelize and vectorize make, with the same messages.

// LOWER: error: cannot parallelize loop 'i': 'sloop.reduce' (line 11) updates element [0] of argument 1
func.func @racy_sum(%A: memref<64xf32>, %S: memref<1xf32>) {
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.reduce' (line 11) updates element [0] of argument 1 in iteration (i = 0), and 'sloop.reduce' (line 11) updates it in iteration (i = 1), so its iterations depend on each other}}
  sloop.for %i = 0 to 64 par {
    %a = sloop.load %A[%i] : memref<64xf32>
    sloop.reduce add %a, %S[0] : memref<1xf32>
  }
  return
}

// -----

// LOWER: error: cannot vectorize loop 'j': 'sloop.store' (line 23) writes element [1] of argument 0
func.func @shifted_vec(%A: memref<17xf32>) {
  // expected-error @+1 {{cannot vectorize loop 'j': 'sloop.store' (line 23) writes element [1] of argument 0 in iteration (j = 0), and 'sloop.load' (line 22) reads it in iteration (j = 1), so its iterations depend on each other}}
  sloop.for %j = 0 to 16 vec {
    %a = sloop.load %A[%j] : memref<17xf32>
    sloop.store %a, %A[%j + 1] : memref<17xf32>
  }
  return
}

// -----

// LOWER: error: cannot parallelize loop 'k': 'sloop.store' (line 36) writes element [0] of 'acc'
func.func @shared_scratch(%A: memref<8xf32>, %B: memref<8xf32>) {
  %acc = sloop.alloc : memref<1xf32>
  // expected-error @+1 {{cannot parallelize loop 'k'}}
  sloop.for %k = 0 to 8 par {
    %a = sloop.load %A[%k] : memref<8xf32>
    sloop.store %a, %acc[0] : memref<1xf32>
    %b = sloop.load %acc[0] : memref<1xf32>
    sloop.store %b, %B[%k] : memref<8xf32>
  }
  return
}
