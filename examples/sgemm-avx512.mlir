// sgemm, C[i, j] += A[i, k] * B[k, j], as plain loops (the Exo story's
// starting point), for examples/sgemm-avx512.schedule: sizes multiples of
// its 6 x 64 register block. @sgemm_ref is the same algorithm untouched.
//
//   scripts/apply-schedule.sh examples/sgemm-avx512.schedule \
//       examples/sgemm-avx512.mlir | build/bin/usl-opt --lower-avx512

func.func @sgemm(%A: memref<12x32xf32> {sloop.name = "A"},
                 %B: memref<32x128xf32> {sloop.name = "B"},
                 %C: memref<12x128xf32> {sloop.name = "C"}) {
  sloop.for %i = 0 to 12 {
    sloop.for %j = 0 to 128 {
      sloop.for %k = 0 to 32 {
        %a = sloop.load %A[%i, %k] : memref<12x32xf32>
        %b = sloop.load %B[%k, %j] : memref<32x128xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<12x128xf32>
      }
    }
  }
  return
}

func.func @sgemm_ref(%A: memref<12x32xf32>, %B: memref<32x128xf32>,
                     %C: memref<12x128xf32>) {
  sloop.for %ri = 0 to 12 {
    sloop.for %rj = 0 to 128 {
      sloop.for %rk = 0 to 32 {
        %a = sloop.load %A[%ri, %rk] : memref<12x32xf32>
        %b = sloop.load %B[%rk, %rj] : memref<32x128xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%ri, %rj] : memref<12x128xf32>
      }
    }
  }
  return
}
