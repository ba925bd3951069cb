// An instruction library a user adds with --lower-rvm="library=...":
// zeroing a tile of int16 pairs is mzero too.
func.func @mzero_i16(%tile: memref<4x8xi16, #tmem.space<rvm_tile>>)
    attributes {usl.instruction = "rvm.mzero"} {
  %zero = arith.constant 0 : i16
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 8 {
      sloop.store %zero, %tile[%i, %j] : memref<4x8xi16, #tmem.space<rvm_tile>>
    }
  }
  return
}
