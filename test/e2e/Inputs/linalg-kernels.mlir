// A module as another MLIR compiler would hand it over: linalg on memrefs
// (a matmul, an element-wise bias + relu, a row sum) and a @main that fills
// the inputs with small integers (every order of summation gives the same
// floats) and prints the results. Run once scheduled by USL and once
// lowered by stock mlir-opt alone; the prints must be equal.

#ew = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
#row = affine_map<(i, j) -> (i)>

func.func @matmul(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  linalg.matmul ins(%A, %B : memref<?x?xf32>, memref<?x?xf32>) outs(%C : memref<?x?xf32>)
  return
}

// Y = max(X + bias[j], 0); S[i] = sum over j of Y[i, j].
func.func @bias_relu_rowsum(%X: memref<?x?xf32>, %bias: memref<?xf32>, %Y: memref<?x?xf32>, %S: memref<?xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.generic {indexing_maps = [#ew, #col, #ew], iterator_types = ["parallel", "parallel"]}
      ins(%X, %bias : memref<?x?xf32>, memref<?xf32>) outs(%Y : memref<?x?xf32>) {
  ^bb0(%x: f32, %b: f32, %y: f32):
    %s = arith.addf %x, %b : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  }
  linalg.fill ins(%zero : f32) outs(%S : memref<?xf32>)
  linalg.generic {indexing_maps = [#ew, #row], iterator_types = ["parallel", "reduction"]}
      ins(%Y : memref<?x?xf32>) outs(%S : memref<?xf32>) {
  ^bb0(%y: f32, %acc: f32):
    %t = arith.addf %acc, %y : f32
    linalg.yield %t : f32
  }
  return
}

// Out = max(A B + bias[j], 0), as bufferization hands it over: the
// intermediates in memref.alloc.
func.func @mlp(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %bias: memref<?xf32>, %Out: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %M = memref.dim %A, %c0 : memref<?x?xf32>
  %N = memref.dim %B, %c1 : memref<?x?xf32>
  %t = memref.alloc(%M, %N) {alignment = 64 : i64} : memref<?x?xf32>
  linalg.fill ins(%zero : f32) outs(%t : memref<?x?xf32>)
  linalg.matmul ins(%A, %B : memref<?x?xf32>, memref<?x?xf32>) outs(%t : memref<?x?xf32>)
  %u = memref.alloc(%M, %N) {alignment = 64 : i64} : memref<?x?xf32>
  linalg.generic {indexing_maps = [#ew, #col, #ew], iterator_types = ["parallel", "parallel"]}
      ins(%t, %bias : memref<?x?xf32>, memref<?xf32>) outs(%u : memref<?x?xf32>) {
  ^bb0(%x: f32, %b: f32, %y: f32):
    %s = arith.addf %x, %b : f32
    linalg.yield %s : f32
  }
  linalg.generic {indexing_maps = [#ew, #ew], iterator_types = ["parallel", "parallel"]}
      ins(%u : memref<?x?xf32>) outs(%Out : memref<?x?xf32>) {
  ^bb0(%x: f32, %y: f32):
    %r = arith.maximumf %x, %zero : f32
    linalg.yield %r : f32
  }
  memref.dealloc %t : memref<?x?xf32>
  memref.dealloc %u : memref<?x?xf32>
  return
}

// X[i, j] = ((i * 7 + j * 3 + seed) mod 17) - 8.
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

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %M = arith.constant 37 : index
  %K = arith.constant 29 : index
  %N = arith.constant 41 : index
  %A = memref.alloc(%M, %K) : memref<?x?xf32>
  %B = memref.alloc(%K, %N) : memref<?x?xf32>
  %C = memref.alloc(%M, %N) : memref<?x?xf32>
  %Y = memref.alloc(%M, %N) : memref<?x?xf32>
  %bias2 = memref.alloc(%c1, %N) : memref<?x?xf32>
  %S = memref.alloc(%M) : memref<?xf32>
  call @fill(%A, %c1) : (memref<?x?xf32>, index) -> ()
  call @fill(%B, %c2) : (memref<?x?xf32>, index) -> ()
  call @fill(%C, %c0) : (memref<?x?xf32>, index) -> ()
  call @fill(%bias2, %c3) : (memref<?x?xf32>, index) -> ()
  %bias = memref.collapse_shape %bias2 [[0, 1]] : memref<?x?xf32> into memref<?xf32>
  call @matmul(%A, %B, %C) : (memref<?x?xf32>, memref<?x?xf32>, memref<?x?xf32>) -> ()
  call @bias_relu_rowsum(%C, %bias, %Y, %S) : (memref<?x?xf32>, memref<?xf32>, memref<?x?xf32>, memref<?xf32>) -> ()
  %O = memref.alloc(%M, %N) : memref<?x?xf32>
  call @mlp(%A, %B, %bias, %O) : (memref<?x?xf32>, memref<?x?xf32>, memref<?xf32>, memref<?x?xf32>) -> ()
  %uo = memref.cast %O : memref<?x?xf32> to memref<*xf32>
  call @printMemrefF32(%uo) : (memref<*xf32>) -> ()
  memref.dealloc %O : memref<?x?xf32>
  %uc = memref.cast %C : memref<?x?xf32> to memref<*xf32>
  %uy = memref.cast %Y : memref<?x?xf32> to memref<*xf32>
  %us = memref.cast %S : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%uc) : (memref<*xf32>) -> ()
  call @printMemrefF32(%uy) : (memref<*xf32>) -> ()
  call @printMemrefF32(%us) : (memref<*xf32>) -> ()
  memref.dealloc %A : memref<?x?xf32>
  memref.dealloc %B : memref<?x?xf32>
  memref.dealloc %C : memref<?x?xf32>
  memref.dealloc %Y : memref<?x?xf32>
  memref.dealloc %bias2 : memref<?x?xf32>
  memref.dealloc %S : memref<?xf32>
  return
}
