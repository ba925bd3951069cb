// RUN: usl-opt %s --split-input-file --verify-diagnostics

func.func @register_in_dram(%r: memref<16xf32>) {
  // expected-error @+1 {{'avx512.setzero' op destination must be a register in #tmem.space<avx512>, got 'memref<16xf32>'}}
  avx512.setzero %r : memref<16xf32>
  return
}

// -----

func.func @register_too_small() {
  %r = sloop.alloc : memref<8xf32, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.setzero' op destination must be one zmm register (16xf32, 16xi32 or 32xi16) with the identity layout, got 'memref<8xf32, #tmem.space<avx512>>'}}
  avx512.setzero %r : memref<8xf32, #tmem.space<avx512>>
  return
}

// -----

func.func @fmadd_on_i16() {
  %h = sloop.alloc : memref<32xi16, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.fmadd' op accumulator must have f32 or i32 elements for this instruction, got 'memref<32xi16, #tmem.space<avx512>>'}}
  avx512.fmadd acc %h, %h, %h : memref<32xi16, #tmem.space<avx512>>, memref<32xi16, #tmem.space<avx512>>, memref<32xi16, #tmem.space<avx512>>
  return
}

// -----

func.func @mulhi_on_f32() {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.mulhi' op destination must have i16 elements for this instruction}}
  avx512.mulhi %r, %r, %r : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  return
}

// -----

func.func @mixed_registers() {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %h = sloop.alloc : memref<32xi16, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.add' op rhs must have the type of destination, 'memref<16xf32, #tmem.space<avx512>>', got 'memref<32xi16, #tmem.space<avx512>>'}}
  avx512.add %r, %r, %h : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<32xi16, #tmem.space<avx512>>
  return
}

// -----

func.func @window_in_register() {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.loadu' op memory operand must be in dram, got 'memref<16xf32, #tmem.space<avx512>>'}}
  avx512.loadu %r, %r : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  return
}

// -----

func.func @window_element_type(%H: memref<32xi16>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.loadu' op memory operand has 'i16' elements but the register has 'f32'}}
  avx512.loadu %r, %H : memref<16xf32, #tmem.space<avx512>>, memref<32xi16>
  return
}

// -----

func.func @window_too_short(%A: memref<4x8xf32>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.loadu' op memory operand must be a window of 16 elements in its last dimension (the others 1, at most 8 dimensions), got 'memref<4x8xf32>'}}
  avx512.loadu %r, %A : memref<16xf32, #tmem.space<avx512>>, memref<4x8xf32>
  return
}

// -----

func.func @broadcast_of_a_row(%A: memref<16xf32>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.set1' op memory operand must be a window of 1 element in its last dimension (the others 1, at most 8 dimensions), got 'memref<16xf32>'}}
  avx512.set1 %r, %A : memref<16xf32, #tmem.space<avx512>>, memref<16xf32>
  return
}

// -----

func.func @strided_lanes(%A: memref<16x16xf32>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %t = memref.transpose %A (i, j) -> (j, i) : memref<16x16xf32> to memref<16x16xf32, strided<[1, 16]>>
  %w = tmem.window %t[0, 0] [1, 16] : memref<16x16xf32, strided<[1, 16]>>
  // expected-error @+1 {{'avx512.loadu' op memory operand must have a unit element stride, got 'memref<1x16xf32, strided<[1, 16], offset: ?>>'}}
  avx512.loadu %r, %w : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[1, 16], offset: ?>>
  return
}

// -----

func.func @window_rank_nine(%A: memref<1x1x1x1x1x1x1x1x16xf32>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.loadu' op memory operand must be a window of 16 elements in its last dimension (the others 1, at most 8 dimensions), got 'memref<1x1x1x1x1x1x1x1x16xf32>'}}
  avx512.loadu %r, %A : memref<16xf32, #tmem.space<avx512>>, memref<1x1x1x1x1x1x1x1x16xf32>
  return
}

// -----

func.func @max_on_i32() {
  %r = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.max' op destination must have f32 elements for this instruction, got 'memref<16xi32, #tmem.space<avx512>>'}}
  avx512.max %r, %r, %r : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>
  return
}

// -----

func.func @register_of_bytes() {
  %r = sloop.alloc : memref<64xi8, #tmem.space<avx512>>
  // expected-error @+1 {{'avx512.setzero' op operand #0 must be 1D memref of 32-bit float or 32-bit signless integer or 16-bit signless integer values}}
  avx512.setzero %r : memref<64xi8, #tmem.space<avx512>>
  return
}
