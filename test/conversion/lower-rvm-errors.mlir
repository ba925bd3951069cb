// RUN: usl-opt %s --split-input-file --verify-diagnostics --lower-rvm

// Tests that nests which almost compute what an instruction computes are
// not selected; the tile access they keep is then the error.

// A transposed operand: rhs read as [k, j] is acc += lhs * rhs, not rhs^T.
func.func @transposed_operand() {
  %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %a = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %b = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.for %k = 0 to 4 {
        // expected-error @+1 {{buffer 'a' lives in RVM tile registers: only RVM instructions may access it, not sloop.load}}
        %x = sloop.load %a[%i, %k] : memref<4x4xi32, #tmem.space<rvm_tile>>
        %y = sloop.load %b[%k, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
        %p = arith.muli %x, %y : i32
        sloop.reduce add %p, %acc[%i, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
      }
    }
  }
  return
}

// -----

// A transposed window: the tile's row runs down a column of A.
func.func @transposed_window(%A: memref<8x8xi32>) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %x = 0 to 4 {
    sloop.for %y = 0 to 4 {
      %v = sloop.load %A[%y, %x] : memref<8x8xi32>
      // expected-error @+1 {{buffer 't' lives in RVM tile registers: only RVM instructions may access it, not sloop.store}}
      sloop.store %v, %t[%x, %y] : memref<4x4xi32, #tmem.space<rvm_tile>>
    }
  }
  return
}

// -----

// A non-unit element stride: every other element of a row.
func.func @element_stride(%A: memref<4x8xi32>) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %x = 0 to 4 {
    sloop.for %y = 0 to 4 {
      %v = sloop.load %A[%x, %y * 2] : memref<4x8xi32>
      // expected-error @+1 {{buffer 't' lives in RVM tile registers}}
      sloop.store %v, %t[%x, %y] : memref<4x4xi32, #tmem.space<rvm_tile>>
    }
  }
  return
}

// -----

// Accumulating into an operand: the nest reads values it has already
// updated, the instruction only the old ones.
func.func @accumulate_into_operand() {
  %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %b = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.for %k = 0 to 4 {
        // expected-error @+1 {{buffer 'acc' lives in RVM tile registers}}
        %x = sloop.load %acc[%i, %k] : memref<4x4xi32, #tmem.space<rvm_tile>>
        %y = sloop.load %b[%j, %k] : memref<4x4xi32, #tmem.space<rvm_tile>>
        %p = arith.muli %x, %y : i32
        sloop.reduce add %p, %acc[%i, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
      }
    }
  }
  return
}

// -----

// A nest that does more than the instruction (it also counts).
func.func @extra_work(%A: memref<4x4xi32>, %n: memref<1xi32>) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %x = 0 to 4 {
    sloop.for %y = 0 to 4 {
      %v = sloop.load %A[%x, %y] : memref<4x4xi32>
      %w = arith.addi %v, %v : i32
      // expected-error @+1 {{buffer 't' lives in RVM tile registers}}
      sloop.store %v, %t[%x, %y] : memref<4x4xi32, #tmem.space<rvm_tile>>
      sloop.reduce add %w, %n[0] : memref<1xi32>
    }
  }
  return
}

// -----

// Three rows: not a tile's four.
func.func @wrong_trip_count(%A: memref<4x4xi32>) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %x = 0 to 3 {
    sloop.for %y = 0 to 4 {
      %v = sloop.load %A[%x, %y] : memref<4x4xi32>
      // expected-error @+1 {{buffer 't' lives in RVM tile registers}}
      sloop.store %v, %t[%x, %y] : memref<4x4xi32, #tmem.space<rvm_tile>>
    }
  }
  return
}

// -----

// A tile buffer of four tiles indexed by a loop variable: no register
// per tile unless the loop is unrolled.
func.func @tiles_by_variable(%A: memref<16x4xi32>) {
  %t = sloop.alloc : memref<4x4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %q = 0 to 4 {
    sloop.for %x = 0 to 4 {
      sloop.for %y = 0 to 4 {
        %v = sloop.load %A[%q * 4 + %x, %y] : memref<16x4xi32>
        // expected-error @+1 {{cannot unroll buffer 't' along dimension 0: this 'sloop.store' indexes it with a non-constant}}
        sloop.store %v, %t[%q, %x, %y] : memref<4x4x4xi32, #tmem.space<rvm_tile>>
      }
    }
  }
  return
}
