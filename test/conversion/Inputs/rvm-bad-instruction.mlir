func.func @no_name(%tile: memref<4x4xi32, #tmem.space<rvm_tile>>) {
  return
}
