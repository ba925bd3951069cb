// RUN: usl-opt %s --split-input-file --verify-diagnostics

func.func @too_big(%K: memref<16x4xi32>) {
  // expected-error @+1 {{'tmem.window' op window of 8 elements does not fit dimension 1 of size 4}}
  %w = tmem.window %K[0, 0] [4, 8] : memref<16x4xi32>
  return
}

// -----

func.func @sizes_rank(%K: memref<16x4xi32>) {
  // expected-error @+1 {{window has 1 sizes for a buffer of rank 2}}
  %w = tmem.window %K[0, 0] [4] : memref<16x4xi32>
  return
}

// -----

func.func @offsets_rank(%K: memref<16x4xi32>) {
  // expected-error @+1 {{'tmem.window' op has 1 offsets for a buffer of rank 2}}
  %w = tmem.window %K[0] [4, 4] : memref<16x4xi32>
  return
}

// -----

func.func @zero_size(%K: memref<16x4xi32>) {
  // expected-error @+1 {{window sizes must be positive, got 0}}
  %w = tmem.window %K[0, 0] [0, 4] : memref<16x4xi32>
  return
}

// -----

// expected-error @+1 {{unknown memory space 'sram'; expected dram, dram_static, rvm_tile or avx512}}
func.func @unknown_space(%a: memref<4xf32, #tmem.space<sram>>) {
  return
}
