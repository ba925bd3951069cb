// RUN: usl-opt %s --verify-diagnostics --tile="loops=i,j sizes=4,4 tail=perfect"

func.func @ragged(%A: memref<?x8xf32>, %N: index, %v: f32) {
  // expected-error @+1 {{cannot tile loop 'i' by 4 with tail=perfect: its trip count is not provably a multiple of 4; use tail=guard}}
  sloop.for %i = 0 to %N {
    sloop.for %j = 0 to 8 {
      sloop.store %v, %A[%i, %j] : memref<?x8xf32>
    }
  }
  return
}
