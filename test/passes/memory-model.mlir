// RUN: usl-opt %s --split-input-file --parallelize=loop=i | FileCheck %s
// Exact roots and views let legal schedules through: each of these loops is
// parallel (analysis/memory.h).

// An intermediate in memref.alloc, as bufferization leaves it, next to
// argument buffers.
// CHECK-LABEL: func.func @relu_of_alloc
// CHECK: sloop.for %i = 0 to %{{.*}} par
func.func @relu_of_alloc(%X: memref<?x?xf32>, %Y: memref<?x?xf32>, %M: index, %N: index) {
  %zero = arith.constant 0.0 : f32
  %t = memref.alloc(%M, %N) : memref<?x?xf32>
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      %x = sloop.load %X[%i, %j] : memref<?x?xf32>
      %r = arith.maximumf %x, %zero : f32
      sloop.store %r, %t[%i, %j] : memref<?x?xf32>
    }
  }
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      %x = sloop.load %t[%i, %j] : memref<?x?xf32>
      sloop.store %x, %Y[%i, %j] : memref<?x?xf32>
    }
  }
  memref.dealloc %t : memref<?x?xf32>
  return
}

// -----

// Two halves of one argument, through subviews, do not overlap.
// CHECK-LABEL: func.func @halves
// CHECK: sloop.for %i = 0 to 8 par
func.func @halves(%A: memref<16xf32>) {
  %lo = memref.subview %A[0] [8] [1] : memref<16xf32> to memref<8xf32, strided<[1]>>
  %hi = memref.subview %A[8] [8] [1] : memref<16xf32> to memref<8xf32, strided<[1], offset: 8>>
  sloop.for %i = 0 to 8 {
    %v = sloop.load %hi[%i] : memref<8xf32, strided<[1], offset: 8>>
    sloop.store %v, %lo[%i] : memref<8xf32, strided<[1]>>
  }
  return
}

// -----

// collapse_shape: c[i] is A[i floordiv 4, i mod 4], the element the same
// iteration reads.
// CHECK-LABEL: func.func @collapsed
// CHECK: sloop.for %i = 0 to 16 par
func.func @collapsed(%A: memref<4x4xf32>) {
  %c = memref.collapse_shape %A [[0, 1]] : memref<4x4xf32> into memref<16xf32>
  sloop.for %i = 0 to 16 {
    %v = sloop.load %A[%i floordiv 4, %i mod 4] : memref<4x4xf32>
    %w = arith.addf %v, %v : f32
    sloop.store %w, %c[%i] : memref<16xf32>
  }
  return
}

// -----

// Distinct arguments do not overlap unless marked usl.may_alias.
// CHECK-LABEL: func.func @distinct_arguments
// CHECK: sloop.for %i = 0 to 16 par
func.func @distinct_arguments(%A: memref<17xf32>, %B: memref<16xf32> {usl.may_alias}) {
  sloop.for %i = 0 to 16 {
    %v = sloop.load %A[%i + 1] : memref<17xf32>
    sloop.store %v, %B[%i] : memref<16xf32>
  }
  return
}

// -----

// A buffer allocated in an iteration is that iteration's own.
// CHECK-LABEL: func.func @private_alloca
// CHECK: sloop.for %i = 0 to 16 par
func.func @private_alloca(%A: memref<16xf32>, %B: memref<16xf32>) {
  sloop.for %i = 0 to 16 {
    %t = memref.alloca() : memref<1xf32>
    %v = sloop.load %A[%i] : memref<16xf32>
    sloop.store %v, %t[0] : memref<1xf32>
    %w = sloop.load %t[0] : memref<1xf32>
    sloop.store %w, %B[%i] : memref<16xf32>
  }
  return
}

// -----

func.func private @make() -> memref<16xf32>

// An untraceable memref may be any argument or global, but not a buffer of
// the function's own that nothing else sees.
// CHECK-LABEL: func.func @untraced_and_local
// CHECK: sloop.for %i = 0 to 16 par
func.func @untraced_and_local() {
  %m = func.call @make() : () -> memref<16xf32>
  %t = memref.alloc() : memref<16xf32>
  sloop.for %i = 0 to 16 {
    %v = sloop.load %m[0] : memref<16xf32>
    sloop.store %v, %t[%i] : memref<16xf32>
  }
  memref.dealloc %t : memref<16xf32>
  return
}
