// RUN: usl-opt %s --split-input-file --verify-diagnostics --fission="loop=i after=1"

func.func @backward(%A: memref<17xf32>, %v: f32) {
  // expected-error @+1 {{cannot split loop 'i' after 1 ops: 'sloop.load' (line 7) reads element [1] of argument 0 in iteration (i = 0), and 'sloop.store' (line 6) writes it in iteration (i = 1), and the split would run them the other way round}}
  sloop.for %i = 0 to 16 {
    sloop.store %v, %A[%i] : memref<17xf32>
    %a = sloop.load %A[%i + 1] : memref<17xf32>
    sloop.store %a, %A[16] : memref<17xf32>
  }
  return
}

// -----

func.func @value_crosses(%A: memref<16xf32>) {
  // expected-error @+1 {{cannot split loop 'i' after 1 ops: the value of 'sloop.load' is used after the cut; store it in a buffer first}}
  sloop.for %i = 0 to 16 {
    %a = sloop.load %A[%i] : memref<16xf32>
    sloop.store %a, %A[%i] : memref<16xf32>
  }
  return
}

// -----

func.func @nothing_after(%A: memref<16xf32>, %v: f32) {
  // expected-error @+1 {{cannot split loop 'i' after 1 of its ops: its body has 1, so the cut must leave at least one on each side}}
  sloop.for %i = 0 to 16 {
    sloop.store %v, %A[%i] : memref<16xf32>
  }
  return
}
