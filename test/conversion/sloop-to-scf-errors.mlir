// RUN: usl-opt %s --split-input-file --verify-diagnostics --convert-sloop-to-scf

func.func @tile_buffer() {
  // expected-error @+1 {{buffer 'acc' lives in rvm_tile registers, which only RVM instructions may access; select instructions for it before lowering to LLVM}}
  %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  return
}

// -----

func.func @zmm_buffer() {
  // expected-error @+1 {{buffer 'v' lives in avx512 registers, which only AVX-512 instructions may access}}
  %v = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  return
}

// -----

// expected-error @+1 {{argument 0 is a buffer in rvm_tile registers; function arguments must live in dram}}
func.func @tile_argument(%t: memref<4x4xi32, #tmem.space<rvm_tile>>) {
  return
}

// -----

func.func @huge_unroll(%A: memref<8xi32>) {
  // expected-error @+1 {{cannot unroll loop 'u': 100000 iterations, at most 4096}}
  sloop.for %u = 0 to 100000 unroll {
  }
  return
}
