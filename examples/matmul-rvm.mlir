// C = A B in int32 on RVM: the plain loops, scheduled by
// examples/matmul-rvm.schedule into 4x4 tiles for the accelerator. The
// multiply-accumulate computes acc += lhs * rhs^T, so the schedule stages
// each tile of B transposed (on the CPU) before loading it.
//
//   scripts/apply-schedule.sh examples/matmul-rvm.schedule examples/matmul-rvm.mlir | usl-opt --lower-rvm
//
// Sizes: M = 16, K = 12, N = 8.

func.func @matmul(%A: memref<16x12xi32> {sloop.name = "A"},
                  %B: memref<12x8xi32> {sloop.name = "B"},
                  %C: memref<16x8xi32> {sloop.name = "C"}) {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to 16 {
    sloop.for %j = 0 to 8 {
      sloop.store %zero, %C[%i, %j] : memref<16x8xi32>
      sloop.for %k = 0 to 12 {
        %a = sloop.load %A[%i, %k] : memref<16x12xi32>
        %b = sloop.load %B[%k, %j] : memref<12x8xi32>
        %p = arith.muli %a, %b : i32
        sloop.reduce add %p, %C[%i, %j] : memref<16x8xi32>
      }
    }
  }
  return
}
