// RUN: usl-opt %s --split-input-file --verify-diagnostics

func.func @tile_in_dram(%t: memref<4x4xi32>) {
  // expected-error @+1 {{'rvm.mzero' op tile must be a tile in #tmem.space<rvm_tile>, got 'memref<4x4xi32>'}}
  rvm.mzero %t : memref<4x4xi32>
  return
}

// -----

func.func @tile_too_big() {
  %t = sloop.alloc : memref<4x8xi32, #tmem.space<rvm_tile>>
  // expected-error @+1 {{'rvm.mzero' op tile must be one tile register: 4 rows of 16 bytes (4x4 of i32 or f32, 4x8xi16, 4x16xi8) with the identity layout, got 'memref<4x8xi32, #tmem.space<rvm_tile>>'}}
  rvm.mzero %t : memref<4x8xi32, #tmem.space<rvm_tile>>
  return
}

// -----

func.func @accumulator_type() {
  %a = sloop.alloc : memref<4x16xi8, #tmem.space<rvm_tile>>
  // expected-error @+1 {{'rvm.mmaqa.b' op accumulator must have 'i32' elements for this instruction, got 'memref<4x16xi8, #tmem.space<rvm_tile>>'}}
  rvm.mmaqa.b acc %a, lhs %a, rhs %a : memref<4x16xi8, #tmem.space<rvm_tile>>, memref<4x16xi8, #tmem.space<rvm_tile>>, memref<4x16xi8, #tmem.space<rvm_tile>>
  return
}

// -----

func.func @operand_type() {
  %a = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %f = sloop.alloc : memref<4x4xf32, #tmem.space<rvm_tile>>
  // expected-error @+1 {{'rvm.mmasa.w' op rhs must have 'i32' elements for this instruction, got 'memref<4x4xf32, #tmem.space<rvm_tile>>'}}
  rvm.mmasa.w acc %a, lhs %a, rhs %f : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xf32, #tmem.space<rvm_tile>>
  return
}

// -----

func.func @element_stride(%A: memref<4x8xi32>) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %v = memref.subview %A[0, 0] [4, 4] [1, 2] : memref<4x8xi32> to memref<4x4xi32, strided<[8, 2]>>
  // expected-error @+1 {{'rvm.mld.w' op memory operand must have a unit element stride (its rows contiguous), got 'memref<4x4xi32, strided<[8, 2]>>'}}
  rvm.mld.w %t, %v : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[8, 2]>>
  return
}

// -----

func.func @window_shape(%A: memref<8x4xi32>) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  // expected-error @+1 {{'rvm.mst.w' op memory operand must be a window of 4 rows of 4 elements (other dimensions 1), got 'memref<8x4xi32>'}}
  rvm.mst.w %t, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<8x4xi32>
  return
}

// -----

func.func @window_elements(%A: memref<4x4xf32>) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  // expected-error @+1 {{'rvm.mld.w' op memory operand has 'f32' elements but the tile has 'i32'}}
  rvm.mld.w %t, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xf32>
  return
}

// -----

func.func @window_in_registers() {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %u = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  // expected-error @+1 {{'rvm.mld.w' op memory operand must be in dram, got 'memref<4x4xi32, #tmem.space<rvm_tile>>'}}
  rvm.mld.w %t, %u : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
  return
}
