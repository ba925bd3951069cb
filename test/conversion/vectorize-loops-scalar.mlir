// RUN: usl-opt %s --split-input-file --verify-diagnostics --convert-sloop-to-scf
// A vec loop that cannot become vector ops runs as a scalar loop, and says
// why (it is still correct: only slower).

func.func @strided_gather(%A: memref<64xf32>, %B: memref<16xf32>) {
  // expected-warning @+1 {{vec loop 'j' runs as a scalar loop: 'sloop.load' (line 8) has no vector form here (gathers, scatters, reductions, nested loops and ops that may trap in masked-off lanes keep a loop scalar)}}
  sloop.for %j = 0 to 16 vec {
    %a = sloop.load %A[4 * %j] : memref<64xf32>
    sloop.store %a, %B[%j] : memref<16xf32>
  }
  return
}

// -----

func.func @run_time_lanes(%A: memref<16xf32>, %n: index) {
  // expected-warning @+1 {{vec loop 'j' runs as a scalar loop: its bounds are not constant or its step is not 1}}
  sloop.for %j = 0 to %n vec {
    %a = sloop.load %A[%j] : memref<16xf32>
    sloop.store %a, %A[%j] : memref<16xf32>
  }
  return
}

// -----

func.func @one_sum(%A: memref<16xf32>, %S: memref<1xf32>) {
  // expected-warning @+1 {{vec loop 'j' runs as a scalar loop: 'sloop.reduce' (line 31) has no vector form here}}
  sloop.for %j = 0 to 16 vec {
    %a = sloop.load %A[%j] : memref<16xf32>
    sloop.reduce add %a, %S[0] : memref<1xf32>
  }
  return
}

// -----

func.func @shifted(%A: memref<17xf32>) {
  // expected-warning @+1 {{vec loop 'j' runs as a scalar loop: a lane touches an element another lane writes}}
  sloop.for %j = 0 to 16 vec {
    %a = sloop.load %A[%j] : memref<17xf32>
    sloop.store %a, %A[%j + 1] : memref<17xf32>
  }
  return
}
