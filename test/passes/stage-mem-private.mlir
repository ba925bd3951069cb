// RUN: usl-opt %s --split-input-file --stage-mem="loop=i buffer=t body=true" | FileCheck %s

// Tests store_at: a buffer of the function's own, written then read within
// each iteration, is replaced by the staged one; no copies, no old buffer.
// CHECK-LABEL: func @private
// CHECK-NOT: sloop.alloc : memref<32xf32>
// CHECK: sloop.for %i = 0 to 4 {
// CHECK-NEXT: %t_tile = sloop.alloc : memref<8xf32>
// CHECK-NEXT: sloop.for %x = 0 to 8 {
// CHECK: sloop.store %{{.*}}, %t_tile[%x]
// CHECK: sloop.for %y = 0 to 8 {
// CHECK-NEXT: sloop.load %t_tile[%y]
// CHECK-NOT: %t[
func.func @private(%in: memref<32xf32>, %out: memref<32xf32>) {
  %t = sloop.alloc : memref<32xf32>
  sloop.for %i = 0 to 4 {
    sloop.for %x = 0 to 8 {
      %v = sloop.load %in[%i * 8 + %x] : memref<32xf32>
      sloop.store %v, %t[%i * 8 + %x] : memref<32xf32>
    }
    sloop.for %y = 0 to 8 {
      %v = sloop.load %t[%i * 8 + %y] : memref<32xf32>
      sloop.store %v, %out[%i * 8 + %y] : memref<32xf32>
    }
  }
  return
}

// -----

// Tests that a buffer whose reads see the previous iteration's values keeps
// its copies in and out.
// CHECK-LABEL: func @carried
// CHECK: %t = sloop.alloc : memref<33xf32>
// CHECK: sloop.for %i = 0 to 4 {
// CHECK-NEXT: %t_tile = sloop.alloc : memref<9xf32>
// CHECK: sloop.load %t[
// CHECK: sloop.store %{{.*}}, %t[
func.func @carried(%in: memref<32xf32>, %out: memref<32xf32>) {
  %t = sloop.alloc : memref<33xf32>
  sloop.for %i = 0 to 4 {
    sloop.for %x = 0 to 8 {
      %v = sloop.load %in[%i * 8 + %x] : memref<32xf32>
      sloop.store %v, %t[%i * 8 + %x + 1] : memref<33xf32>
    }
    sloop.for %y = 0 to 8 {
      %v = sloop.load %t[%i * 8 + %y] : memref<33xf32>
      sloop.store %v, %out[%i * 8 + %y] : memref<32xf32>
    }
  }
  return
}

// -----

// Tests that a value carried by a loop around the staged one keeps the
// copies (the region is staged per iteration of %r).
// CHECK-LABEL: func @outer_carried
// CHECK: sloop.load %t[
// CHECK: sloop.store %{{.*}}, %t[
func.func @outer_carried(%in: memref<8xf32>, %out: memref<8xf32>) {
  %t = sloop.alloc : memref<9xf32>
  sloop.for %r = 0 to 2 {
    sloop.for %i = 0 to 8 {
      sloop.if %r == 0 {
        %v = sloop.load %in[%i] : memref<8xf32>
        sloop.store %v, %t[%r + %i + 1] : memref<9xf32>
      }
      sloop.if %r - 1 == 0 {
        %w = sloop.load %t[%r + %i] : memref<9xf32>
        sloop.store %w, %out[%i] : memref<8xf32>
      }
    }
  }
  return
}

// -----

// Tests that a write under a condition the dependence model cannot see
// (a loaded value) keeps the copies: the read may see an earlier iteration.
// CHECK-LABEL: func @opaque_condition
// CHECK: sloop.load %t[
// CHECK: sloop.store %{{.*}}, %t[
func.func @opaque_condition(%cond: memref<4xindex>, %in: memref<4xf32>, %out: memref<4xf32>) {
  %t = sloop.alloc : memref<1xf32>
  sloop.for %i = 0 to 4 {
    %c = sloop.load %cond[%i] : memref<4xindex>
    sloop.if %c >= 1 {
      %v = sloop.load %in[%i] : memref<4xf32>
      sloop.store %v, %t[0] : memref<1xf32>
    }
    %w = sloop.load %t[0] : memref<1xf32>
    sloop.store %w, %out[%i] : memref<4xf32>
  }
  return
}
