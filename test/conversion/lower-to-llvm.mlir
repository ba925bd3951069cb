// RUN: usl-opt %s --usl-lower-to-llvm | FileCheck %s
// RUN: usl-opt %s --usl-lower-to-llvm | mlir-translate-22 --mlir-to-llvmir | FileCheck %s --check-prefix=LLVMIR
// RUN: usl-opt %s --usl-lower-to-llvm="openmp=true" | FileCheck %s --check-prefix=OMP
// RUN: usl-opt %s --usl-lower-to-llvm="openmp=true" | mlir-translate-22 --mlir-to-llvmir | FileCheck %s --check-prefix=OMPIR
// RUN: usl-opt %s --pass-pipeline="builtin.module(usl-lower-to-llvm{openmp=1})" | FileCheck %s --check-prefix=OMP

// Tests that the whole pipeline leaves only the llvm dialect, which stock
// mlir-translate accepts, and that par loops become OpenMP when asked.

// CHECK-LABEL: llvm.func @scale
// CHECK-NOT: sloop.
// CHECK-NOT: scf.
// CHECK-NOT: memref.
// LLVMIR: define void @scale(
// OMP: omp.parallel
// OMP: omp.wsloop
// OMPIR: call void {{.*}}@__kmpc_fork_call
func.func @scale(%A: memref<?x?xf32>, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %M = memref.dim %A, %c0 : memref<?x?xf32>
  %N = memref.dim %A, %c1 : memref<?x?xf32>
  sloop.for %i = 0 to %M par {
    %t = sloop.alloc : memref<4xf32>
    sloop.for %j = 0 to %N {
      %a = sloop.load %A[%i, %j] : memref<?x?xf32>
      %b = arith.mulf %a, %s : f32
      sloop.store %b, %A[%i, %j] : memref<?x?xf32>
    }
  }
  return
}
