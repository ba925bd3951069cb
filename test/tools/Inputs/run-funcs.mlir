// Functions for the usl-run tests.

// out[i, j] = 10 * i + j
func.func @fill(%out: memref<2x3xi32>) {
  sloop.for %i = 0 to 2 {
    sloop.for %j = 0 to 3 {
      %v = arith.constant 0 : i32
      %ii = arith.index_cast %i : index to i32
      %jj = arith.index_cast %j : index to i32
      %ten = arith.constant 10 : i32
      %a = arith.muli %ii, %ten : i32
      %b = arith.addi %a, %jj : i32
      sloop.store %b, %out[%i, %j] : memref<2x3xi32>
    }
  }
  return
}

// Like @fill, but wrong at [1, 2].
func.func @fill_wrong(%out: memref<2x3xi32>) {
  func.call @fill(%out) : (memref<2x3xi32>) -> ()
  %bad = arith.constant 99 : i32
  sloop.store %bad, %out[1, 2] : memref<2x3xi32>
  return
}

// A[i] = A[i] * s
func.func @scale(%s: f32, %A: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %A, %c0 : memref<?xf32>
  sloop.for %i = 0 to %n {
    %a = sloop.load %A[%i] : memref<?xf32>
    %b = arith.mulf %a, %s : f32
    sloop.store %b, %A[%i] : memref<?xf32>
  }
  return
}

func.func @scale_more(%s: f32, %A: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %A, %c0 : memref<?xf32>
  %t = arith.constant 1.001 : f32
  sloop.for %i = 0 to %n {
    %a = sloop.load %A[%i] : memref<?xf32>
    %b = arith.mulf %a, %s : f32
    %c = arith.mulf %b, %t : f32
    sloop.store %c, %A[%i] : memref<?xf32>
  }
  return
}

func.func @returns() -> i32 {
  %v = arith.constant 1 : i32
  return %v : i32
}
