// RUN: usl-opt %s --split-input-file --verify-diagnostics --rearrange-dim="buffer=u order=0,0"
// RUN: usl-opt %s --split-input-file --verify-diagnostics --rearrange-dim="buffer=u order=1"
// RUN: not usl-opt %s --split-input-file --rearrange-dim="buffer=u order=1,0" 2>&1 | FileCheck %s --check-prefix=WINDOW
// WINDOW: rearrange-dim-errors.mlir:[[@LINE+12]]:8: error: cannot rearrange buffer 'u': it is used by an op other than loads, stores and reductions

func.func @not_a_permutation() {
  // expected-error @+1 {{cannot rearrange buffer 'u': order must list each of its 2 dimensions once}}
  %u = sloop.alloc : memref<4x4xf32>
  return
}

// -----

func.func @window(%A: memref<4x4xf32>) {
  // expected-error @+1 {{cannot rearrange buffer 'u': order must list each of its 2 dimensions once}}
  %u = sloop.alloc : memref<4x4xf32>
  %w = tmem.window %u[0, 0] [2, 2] : memref<4x4xf32>
  return
}
