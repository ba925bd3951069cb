func.func @cast_view(%v: f32) {
  %c = sloop.alloc : memref<4xf32>
  %w = memref.cast %c : memref<4xf32> to memref<?xf32>
  sloop.store %v, %w[0] : memref<?xf32>
  return
}
