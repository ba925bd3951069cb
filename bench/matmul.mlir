// sgemm C += A * B at N = 1024 as plain loops, twice: @matmul stays naive, and
// bench/matmul.schedule schedules @matmul_scheduled (func=matmul_scheduled).
func.func @matmul(%A: memref<1024x1024xf32>, %B: memref<1024x1024xf32>, %C: memref<1024x1024xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %M = memref.dim %A, %c0 : memref<1024x1024xf32>
  %K = memref.dim %A, %c1 : memref<1024x1024xf32>
  %N = memref.dim %B, %c1 : memref<1024x1024xf32>
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      sloop.for %k = 0 to %K {
        %a = sloop.load %A[%i, %k] : memref<1024x1024xf32>
        %b = sloop.load %B[%k, %j] : memref<1024x1024xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<1024x1024xf32>
      }
    }
  }
  return
}

func.func @matmul_scheduled(%A: memref<1024x1024xf32>, %B: memref<1024x1024xf32>, %C: memref<1024x1024xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %M = memref.dim %A, %c0 : memref<1024x1024xf32>
  %K = memref.dim %A, %c1 : memref<1024x1024xf32>
  %N = memref.dim %B, %c1 : memref<1024x1024xf32>
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      sloop.for %k = 0 to %K {
        %a = sloop.load %A[%i, %k] : memref<1024x1024xf32>
        %b = sloop.load %B[%k, %j] : memref<1024x1024xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<1024x1024xf32>
      }
    }
  }
  return
}
