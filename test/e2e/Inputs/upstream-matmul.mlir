// C = A B as scheduled loops (@matmul), next to the same product written in
// upstream scf (@matmul_ref) and a @main that fills A and B, runs both and
// prints how many elements differ: for stock mlir-opt / mlir-runner once
// USL has lowered @matmul to upstream dialects.

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

func.func @matmul_ref(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %M = memref.dim %A, %c0 : memref<?x?xf32>
  %K = memref.dim %A, %c1 : memref<?x?xf32>
  %N = memref.dim %B, %c1 : memref<?x?xf32>
  scf.for %i = %c0 to %M step %c1 {
    scf.for %j = %c0 to %N step %c1 {
      scf.for %k = %c0 to %K step %c1 {
        %a = memref.load %A[%i, %k] : memref<?x?xf32>
        %b = memref.load %B[%k, %j] : memref<?x?xf32>
        %c = memref.load %C[%i, %j] : memref<?x?xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %c, %p : f32
        memref.store %s, %C[%i, %j] : memref<?x?xf32>
      }
    }
  }
  return
}

// X[i, j] = ((i * 7 + j * 3 + seed) mod 17) - 8: small integers, so both
// orders of summation give the same floats.
func.func @fill(%X: memref<?x?xf32>, %seed: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c7 = arith.constant 7 : index
  %c8 = arith.constant 8 : index
  %c17 = arith.constant 17 : index
  %R = memref.dim %X, %c0 : memref<?x?xf32>
  %S = memref.dim %X, %c1 : memref<?x?xf32>
  scf.for %i = %c0 to %R step %c1 {
    scf.for %j = %c0 to %S step %c1 {
      %a = arith.muli %i, %c7 : index
      %b = arith.muli %j, %c3 : index
      %s = arith.addi %a, %b : index
      %t = arith.addi %s, %seed : index
      %m = arith.remui %t, %c17 : index
      %v = arith.subi %m, %c8 : index
      %w = arith.index_cast %v : index to i64
      %f = arith.sitofp %w : i64 to f32
      memref.store %f, %X[%i, %j] : memref<?x?xf32>
    }
  }
  return
}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %M = arith.constant 37 : index
  %K = arith.constant 29 : index
  %N = arith.constant 41 : index
  %A = memref.alloc(%M, %K) : memref<?x?xf32>
  %B = memref.alloc(%K, %N) : memref<?x?xf32>
  %C = memref.alloc(%M, %N) : memref<?x?xf32>
  %D = memref.alloc(%M, %N) : memref<?x?xf32>
  call @fill(%A, %c1) : (memref<?x?xf32>, index) -> ()
  call @fill(%B, %c2) : (memref<?x?xf32>, index) -> ()
  call @fill(%C, %c0) : (memref<?x?xf32>, index) -> ()
  call @fill(%D, %c0) : (memref<?x?xf32>, index) -> ()
  call @matmul(%A, %B, %C) : (memref<?x?xf32>, memref<?x?xf32>, memref<?x?xf32>) -> ()
  call @matmul_ref(%A, %B, %D) : (memref<?x?xf32>, memref<?x?xf32>, memref<?x?xf32>) -> ()
  %wrong = scf.for %i = %c0 to %M step %c1 iter_args(%w0 = %c0) -> (index) {
    %wi = scf.for %j = %c0 to %N step %c1 iter_args(%w1 = %w0) -> (index) {
      %x = memref.load %C[%i, %j] : memref<?x?xf32>
      %y = memref.load %D[%i, %j] : memref<?x?xf32>
      %ne = arith.cmpf une, %x, %y : f32
      %inc = arith.addi %w1, %c1 : index
      %w2 = arith.select %ne, %inc, %w1 : index
      scf.yield %w2 : index
    }
    scf.yield %wi : index
  }
  %probe = memref.load %C[%c2, %c1] : memref<?x?xf32>
  vector.print %wrong : index
  vector.print %probe : f32
  memref.dealloc %A : memref<?x?xf32>
  memref.dealloc %B : memref<?x?xf32>
  memref.dealloc %C : memref<?x?xf32>
  memref.dealloc %D : memref<?x?xf32>
  return
}
