// sgemm, C[i, j] += A[i, k] * B[k, j], as plain loops (the Exo story's
// starting point), any sizes, for examples/sgemm-avx512.schedule.
// @sgemm_ref is the same algorithm untouched (its loops named apart).
//
//   scripts/apply-schedule.sh examples/sgemm-avx512.schedule \
//       examples/sgemm-avx512.mlir | build/bin/usl-opt --lower-avx512

func.func @sgemm(%A: memref<?x?xf32> {sloop.name = "A"}, %B: memref<?x?xf32> {sloop.name = "B"}, %C: memref<?x?xf32> {sloop.name = "C"}) {
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
func.func @sgemm_ref(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %M = memref.dim %A, %c0 : memref<?x?xf32>
  %K = memref.dim %A, %c1 : memref<?x?xf32>
  %N = memref.dim %B, %c1 : memref<?x?xf32>
  sloop.for %ri = 0 to %M {
    sloop.for %rj = 0 to %N {
      sloop.for %rk = 0 to %K {
        %a = sloop.load %A[%ri, %rk] : memref<?x?xf32>
        %b = sloop.load %B[%rk, %rj] : memref<?x?xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%ri, %rj] : memref<?x?xf32>
      }
    }
  }
  return
}
