func.func @f(%n: index) {
  %t = sloop.alloc : memref<4x16xf32>
  %d = sloop.alloc(%n) : memref<?xf32>
  sloop.for %i = 0 to 4 {
    %w = tmem.window %t[%i, 0] [1, 16] : memref<4x16xf32>
    sloop.for %j = 0 to 16 {
      %x = sloop.load %w[0, %j] : memref<1x16xf32, strided<[16, 1], offset: ?>>
    }
  }
  return
}
