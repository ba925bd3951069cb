// RUN: usl-opt %s --split-input-file --reorder=loop=i | FileCheck %s
// RUN: usl-opt %s --reorder="func=matmul loops=k,i,j" | FileCheck %s --check-prefix=PERM

// Tests swapping a loop with the loop inside it, and a full permutation of
// matmul's band (reductions into C commute, so k may go outside).
// CHECK-LABEL: func @matmul
// CHECK: sloop.for %j = 0 to 16 {
// CHECK-NEXT: sloop.for %i = 0 to 8 {
// CHECK-NEXT: sloop.for %k = 0 to 4 {
// PERM-LABEL: func @matmul
// PERM: sloop.for %k = 0 to 4 {
// PERM-NEXT: sloop.for %i = 0 to 8 {
// PERM-NEXT: sloop.for %j = 0 to 16 {
// PERM-NEXT: sloop.load %{{.*}}[%i, %k]
func.func @matmul(%A: memref<8x4xf32>, %B: memref<4x16xf32>, %C: memref<8x16xf32>) {
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 16 {
      sloop.for %k = 0 to 4 {
        %a = sloop.load %A[%i, %k] : memref<8x4xf32>
        %b = sloop.load %B[%k, %j] : memref<4x16xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<8x16xf32>
      }
    }
  }
  return
}

// -----

// Tests that a dependence carried by both loops in the same direction
// allows interchange: A[i][j] = A[i-1][j-1].
// CHECK-LABEL: func @diagonal
// CHECK: sloop.for %j = 1 to 8 {
// CHECK-NEXT: sloop.for %i = 1 to 8 {
func.func @diagonal(%A: memref<8x8xf32>) {
  sloop.for %i = 1 to 8 {
    sloop.for %j = 1 to 8 {
      %a = sloop.load %A[%i - 1, %j - 1] : memref<8x8xf32>
      sloop.store %a, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
