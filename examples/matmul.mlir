// Naive matmul, C[i, j] += A[i, k] * B[k, j], as scheduled loops; a copy,
// @matmul_scheduled, for schedules to work on (func=matmul_scheduled); and
// the same algorithm written by hand with the k and j loops interchanged
// (the i,k,j order that lets the inner loop stream along rows of B and C).
//
//   build/bin/usl-run examples/matmul.mlir -e matmul_ikj --compare=matmul \
//       --args=17x13,13x31,17x31

func.func @matmul(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %M = memref.dim %A, %c0 : memref<?x?xf32>
  %K = memref.dim %A, %c1 : memref<?x?xf32>
  %N = memref.dim %B, %c1 : memref<?x?xf32>
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

func.func @matmul_scheduled(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %M = memref.dim %A, %c0 : memref<?x?xf32>
  %K = memref.dim %A, %c1 : memref<?x?xf32>
  %N = memref.dim %B, %c1 : memref<?x?xf32>
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

func.func @matmul_ikj(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %M = memref.dim %A, %c0 : memref<?x?xf32>
  %K = memref.dim %A, %c1 : memref<?x?xf32>
  %N = memref.dim %B, %c1 : memref<?x?xf32>
  sloop.for %i = 0 to %M par {
    sloop.for %k = 0 to %K {
      %a = sloop.load %A[%i, %k] : memref<?x?xf32>
      sloop.for %j = 0 to %N vec {
        %b = sloop.load %B[%k, %j] : memref<?x?xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<?x?xf32>
      }
    }
  }
  return
}
