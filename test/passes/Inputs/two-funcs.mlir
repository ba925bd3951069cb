func.func @f(%A: memref<8x8xf32>) {
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 8 {
      %a = sloop.load %A[%i, %j] : memref<8x8xf32>
      sloop.store %a, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}

func.func @g(%A: memref<8x8xf32>) {
  sloop.for %i = 0 to 8 {
    sloop.for %j = 0 to 4 {
      %a = sloop.load %A[%i, %j] : memref<8x8xf32>
      sloop.store %a, %A[%i, %j + 4] : memref<8x8xf32>
    }
    sloop.for %j = 0 to 4 {
      %a = sloop.load %A[%i, %j + 4] : memref<8x8xf32>
      sloop.store %a, %A[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
