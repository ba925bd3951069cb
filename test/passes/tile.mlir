// RUN: usl-opt %s --tile="func=copy loops=i,j sizes=4,8" --tile="func=exact loops=i,j sizes=4,8" | FileCheck %s
// RUN: usl-opt %s --split-input-file --tile | FileCheck %s --check-prefix=DEFAULT

// Tests tiling a band with guards where the sizes may not divide.
// CHECK-LABEL: func @copy
// CHECK: sloop.for %io = 0 to %[[M:.*]] ceildiv 4 {
// CHECK-NEXT: sloop.for %jo = 0 to %[[N:.*]] ceildiv 8 {
// CHECK-NEXT: sloop.for %ii = 0 to 4 {
// CHECK-NEXT: sloop.for %ji = 0 to 8 {
// CHECK-NEXT: sloop.if %io * 4 + %ii < %[[M]] and %jo * 8 + %ji < %[[N]] {
// CHECK-NEXT: sloop.load %{{.*}}[%io * 4 + %ii, %jo * 8 + %ji]
// DEFAULT-LABEL: func @copy
// DEFAULT: sloop.for %io = 0 to %{{.*}} ceildiv 32 {
// DEFAULT-NEXT: sloop.for %jo = 0 to %{{.*}} ceildiv 32 {
func.func @copy(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %M: index, %N: index) {
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      %a = sloop.load %A[%i, %j] : memref<?x?xf32>
      sloop.store %a, %B[%j, %i] : memref<?x?xf32>
    }
  }
  return
}

// -----

// Tests that sizes dividing the trip counts need no guard.
// CHECK-LABEL: func @exact
// CHECK: sloop.for %io = 0 to 2 {
// CHECK-NEXT: sloop.for %jo = 0 to 2 {
// CHECK-NEXT: sloop.for %ii = 0 to 4 {
// CHECK-NEXT: sloop.for %ji = 0 to 8 {
// CHECK-NEXT: sloop.load
// DEFAULT-LABEL: func @exact
func.func @exact(%A: memref<8x16xf32>) {
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 16 {
      %a = sloop.load %A[%i, %j] : memref<8x16xf32>
      sloop.store %a, %A[%i, %j] : memref<8x16xf32>
    }
  }
  return
}

// -----

// Tests that the default tiling leaves alone a band it may not tile.
// DEFAULT-LABEL: func @skewed
// DEFAULT: sloop.for %i = 1 to 8 {
// DEFAULT-NEXT: sloop.for %j = 0 to 7 {
func.func @skewed(%A: memref<8x8xf32>) {
  sloop.for %i = 1 to 8 {
    sloop.for %j = 0 to 7 {
      %a = sloop.load %A[%i - 1, %j + 1] : memref<8x8xf32>
      sloop.store %a, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
