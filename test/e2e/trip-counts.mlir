// Tests that split tail=cut, vectorize and unroll by a factor keep every
// run-time trip count, also 0, 1 and negative ones: a stencil over 1 .. N-1
// (N an argument, or the size of a buffer) scheduled each way equals the
// plain loop for N = -3, 0, 1, 2, 3 and larger. The stores land 16 past the
// loop variable, so an iteration the plain loop does not run (i down to
// 1 - 16) writes inside the buffer, where the comparison sees it.

// DEFINE: %{sizes} = --args=-3,100,100 --args=0,100,100 --args=1,100,100 --args=2,100,100 --args=3,100,100 --args=4,100,100 --args=5,100,100 --args=17,100,100 --args=64,100,100
// RUN: usl-run %s -e cut --compare=plain %{sizes} | FileCheck %s
// RUN: usl-run %s -e vec --compare=plain %{sizes} | FileCheck %s
// RUN: usl-run %s -e unroll --compare=plain %{sizes} | FileCheck %s
// RUN: usl-run %s -e guard --compare=plain %{sizes} | FileCheck %s
// RUN: usl-run %s -e vec_unroll --compare=plain %{sizes} --openmp | FileCheck %s
// CHECK-COUNT-9: matches @plain: 2 buffers, 200 elements, max abs diff 0

// DEFINE: %{dims} = --args=0,64 --args=1,64 --args=2,64 --args=3,64 --args=4,64 --args=9,64 --args=33,64
// RUN: usl-run %s -e dim_cut --compare=dim_plain %{dims} | FileCheck %s --check-prefix=DIM
// RUN: usl-run %s -e dim_vec --compare=dim_plain %{dims} | FileCheck %s --check-prefix=DIM
// RUN: usl-run %s -e dim_unroll --compare=dim_plain %{dims} | FileCheck %s --check-prefix=DIM
// DIM-COUNT-7: matches @dim_plain: 2 buffers

// The produced loops: the remainder loop is guarded by N - 2 >= 0 (ub >= lb) when N is
// an argument and when it is the size of a buffer (the loop starts at 1);
// from 0 to a size it needs no guard.
// RUN: usl-opt %s --apply-schedule | FileCheck %s --check-prefix=IR
// IR-LABEL: func.func @cut(
// IR:      sloop.for %io = 0 to (%[[N:.*]] - 2) floordiv 4 {
// IR:      sloop.if %[[N]] >= 2 {
// IR-NEXT:   sloop.for %ii = ((%[[N]] - 2) floordiv 4) * 4 + 1 to %[[N]] - 1 {
// IR-LABEL: func.func @vec(
// IR:      sloop.for %ii = 0 to 8 vec {
// IR:      sloop.if %{{.*}} >= 2 {
// IR-NEXT:   sloop.for %ii = {{.*}} to %{{.*}} - 1 {
// IR-LABEL: func.func @dim_cut(
// IR:      sloop.if %dim >= 2 {
// IR-NEXT:   sloop.for %ii = ((%dim - 2) floordiv 4) * 4 + 1 to %dim - 1 {
// IR-LABEL: func.func @from_zero(
// IR:      sloop.for %io = 0 to %dim floordiv 4 {
// IR-NOT:  sloop.if
// IR:      sloop.for %ii = (%dim floordiv 4) * 4 to %dim {

func.func @plain(%N: index, %A: memref<?xf32>, %B: memref<?xf32>) {
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i + 15] : memref<?xf32>
    %r = sloop.load %A[%i + 17] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @cut(%N: index, %A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["split loop=i factor=4 tail=cut"]} {
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i + 15] : memref<?xf32>
    %r = sloop.load %A[%i + 17] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @vec(%N: index, %A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["vectorize loop=i width=8"]} {
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i + 15] : memref<?xf32>
    %r = sloop.load %A[%i + 17] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @unroll(%N: index, %A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["unroll loop=i factor=4"]} {
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i + 15] : memref<?xf32>
    %r = sloop.load %A[%i + 17] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @guard(%N: index, %A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["split loop=i factor=4 tail=guard"]} {
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i + 15] : memref<?xf32>
    %r = sloop.load %A[%i + 17] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

// Vectorized by 8, the vector loop's outer loop on threads and the
// remainder unrolled by 2 (a remainder of the remainder).
func.func @vec_unroll(%N: index, %A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["vectorize loop=i width=8",
                                "parallelize loop=io",
                                "unroll loop=ii occurrence=1 factor=2"]} {
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i + 15] : memref<?xf32>
    %r = sloop.load %A[%i + 17] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @dim_plain(%A: memref<?xf32>, %B: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %N = memref.dim %A, %c0 : memref<?xf32>
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i - 1] : memref<?xf32>
    %r = sloop.load %A[%i + 1] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @dim_cut(%A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["split loop=i factor=4 tail=cut"]} {
  %c0 = arith.constant 0 : index
  %N = memref.dim %A, %c0 : memref<?xf32>
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i - 1] : memref<?xf32>
    %r = sloop.load %A[%i + 1] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @dim_vec(%A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["vectorize loop=i width=16"]} {
  %c0 = arith.constant 0 : index
  %N = memref.dim %A, %c0 : memref<?xf32>
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i - 1] : memref<?xf32>
    %r = sloop.load %A[%i + 1] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @dim_unroll(%A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["unroll loop=i factor=3"]} {
  %c0 = arith.constant 0 : index
  %N = memref.dim %A, %c0 : memref<?xf32>
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i - 1] : memref<?xf32>
    %r = sloop.load %A[%i + 1] : memref<?xf32>
    %s = arith.addf %l, %r : f32
    sloop.store %s, %B[%i + 16] : memref<?xf32>
  }
  return
}

func.func @from_zero(%A: memref<?xf32>, %B: memref<?xf32>)
    attributes {usl.schedule = ["split loop=i factor=4 tail=cut"]} {
  %c0 = arith.constant 0 : index
  %N = memref.dim %A, %c0 : memref<?xf32>
  sloop.for %i = 0 to %N {
    %l = sloop.load %A[%i] : memref<?xf32>
    sloop.store %l, %B[%i] : memref<?xf32>
  }
  return
}
