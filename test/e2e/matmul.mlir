// Tests that a naive matmul in scheduled loops, lowered to LLVM and run
// through the JIT, equals a plain C reference, for odd and prime sizes, one
// element, and with its i loop on OpenMP threads.

// RUN: clang-22 -O1 -shared -fPIC %S/Inputs/reference.c -o %t.so
// RUN: usl-run %s -e matmul --args=17,31,13,17x13,13x31,17x31 --reference=%t.so:matmul_ref | FileCheck %s
// RUN: usl-run %s -e matmul --args=1,1,1,1x1,1x1,1x1 --reference=%t.so:matmul_ref | FileCheck %s
// RUN: usl-run %s -e matmul --args=64,37,129,64x129,129x37,64x37 --seed=7 --reference=%t.so:matmul_ref | FileCheck %s
// RUN: usl-run %s -e matmul_par --args=61,29,11,61x11,11x29,61x29 --openmp --reference=%t.so:matmul_ref | FileCheck %s --check-prefix=PAR
// CHECK: usl-run: @matmul matches {{.*}}.so:matmul_ref: 3 buffers
// PAR: usl-run: @matmul_par matches {{.*}}.so:matmul_ref: 3 buffers

func.func @matmul(%M: index, %N: index, %K: index, %A: memref<?x?xf32>,
                  %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      sloop.for %k = 0 to %K {
        %a = sloop.load %A[%i, %k] : memref<?x?xf32>
        %b = sloop.load %B[%k, %j] : memref<?x?xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<?x?xf32>
      }
    }
  }
  return
}

func.func @matmul_par(%M: index, %N: index, %K: index, %A: memref<?x?xf32>,
                      %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  sloop.for %i = 0 to %M par {
    sloop.for %j = 0 to %N {
      sloop.for %k = 0 to %K {
        %a = sloop.load %A[%i, %k] : memref<?x?xf32>
        %b = sloop.load %B[%k, %j] : memref<?x?xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<?x?xf32>
      }
    }
  }
  return
}
