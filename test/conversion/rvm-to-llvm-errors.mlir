// RUN: usl-opt %s --split-input-file --verify-diagnostics --convert-rvm

// Tests that a 9th live tile is an error naming the live tiles.
func.func @nine(%A: memref<4x4xi32>) {
  %t0 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %t1 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %t2 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %t3 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %t4 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %t5 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %t6 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %t7 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  %t8 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mld.w %t0, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mld.w %t1, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mld.w %t2, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mld.w %t3, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mld.w %t4, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mld.w %t5, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mld.w %t6, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mld.w %t7, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  // expected-error @+1 {{more than 8 RVM tiles live here: 't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'}}
  rvm.mld.w %t8, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  rvm.mmasa.w acc %t0, lhs %t1, rhs %t2 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mmasa.w acc %t3, lhs %t4, rhs %t5 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mmasa.w acc %t6, lhs %t7, rhs %t8 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
  return
}

// -----

// Tests that a tile used in a loop but allocated outside is live through
// the whole loop: with 8 others live in the loop it cannot share.
func.func @across_loop(%A: memref<4x4xi32>) {
  %acc = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mzero %acc : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.for %i = 0 to 4 {
    %t0 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
    %t1 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
    %t2 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
    %t3 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
    %t4 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
    %t5 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
    %t6 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
    rvm.mld.w %t0, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
    rvm.mld.w %t1, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
    rvm.mld.w %t2, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
    rvm.mld.w %t3, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
    rvm.mld.w %t4, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
    rvm.mld.w %t5, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
    rvm.mld.w %t6, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
    rvm.mmasa.w acc %acc, lhs %t0, rhs %t1 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
    %t7 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
    // expected-error @+1 {{more than 8 RVM tiles live here: 'acc', 't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'}}
    rvm.mld.w %t7, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
    rvm.mmasa.w acc %t2, lhs %t3, rhs %t4 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
    rvm.mmasa.w acc %t5, lhs %t6, rhs %t7 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
    rvm.mmasa.w acc %t0, lhs %t1, rhs %t2 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
  }
  rvm.mst.w %acc, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  return
}

// -----

// Tests that a tile buffer read by a scalar op is an error at that access.
func.func @scalar_access(%A: memref<4x4xi32>, %B: memref<1xi32>) {
  %t = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
  rvm.mld.w %t, %A : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
  // expected-error @+1 {{buffer 't' lives in RVM tile registers: only RVM instructions may access it, not sloop.load}}
  %v = sloop.load %t[0, 1] : memref<4x4xi32, #tmem.space<rvm_tile>>
  sloop.store %v, %B[0] : memref<1xi32>
  return
}
