// RUN: usl-opt %s --usl-lower-to-upstream="openmp=true" | FileCheck %s
// A run-time-sized memref.alloca in a par loop body keeps its stack to the
// iteration: the scope becomes a stack save and restore, which lowering to
// branches can leave around the loops inside.
// CHECK-LABEL: func.func @alloca_in_par
// CHECK: omp.loop_nest
// CHECK: %[[SP:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK: memref.alloca(%{{.*}}) : memref<?xi64>
// CHECK: scf.for
// CHECK: llvm.intr.stackrestore %[[SP]] : !llvm.ptr
// CHECK-NOT: memref.alloca_scope
func.func @alloca_in_par(%N: index, %M: index, %A: memref<?x?xi64>) {
  sloop.for %i = 0 to %N par {
    %t = memref.alloca(%M) : memref<?xi64>
    sloop.for %j = 0 to %M {
      %a = sloop.load %A[%i, %j] : memref<?x?xi64>
      sloop.store %a, %t[%j] : memref<?xi64>
    }
    sloop.for %j = 0 to %M {
      %r = sloop.load %t[%M - 1 - %j] : memref<?xi64>
      sloop.store %r, %A[%i, %j] : memref<?x?xi64>
    }
  }
  return
}
