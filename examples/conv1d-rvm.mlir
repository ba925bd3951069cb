// The conv1d of the RVM case study as its author wrote it in Exo: plain
// loops, with the zero boundary computed into a scalar `y`. The schedule in
// examples/conv1d-rvm.schedule turns it, step by checked step, into the
// loop and buffer structure the blog reaches before instruction selection:
// a 4x4x4 accumulator `out_tile` per output block, an im2col `y` tile per
// input channel, staged `kernel_tile` and `data_tile`, all in rvm_tile.
//
//   scripts/apply-schedule.sh examples/conv1d-rvm.schedule examples/conv1d-rvm.mlir
//
// Sizes: IC = 4 channels of N = 16 samples, OC = 16 kernels of width W = 4.

func.func @conv1d(%data: memref<4x16xi32> {sloop.name = "data"},
                  %kernels: memref<16x4x4xi32> {sloop.name = "kernels"},
                  %out: memref<16x16xi32> {sloop.name = "out"}) {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to 16 {
    sloop.for %j = 0 to 16 {
      sloop.store %zero, %out[%i, %j] : memref<16x16xi32>
      sloop.for %c = 0 to 4 {
        sloop.for %r = 0 to 4 {
          %y = sloop.alloc : memref<i32>
          sloop.if %j + %r < 16 {
            %d = sloop.load %data[%c, %j + %r] : memref<4x16xi32>
            sloop.store %d, %y[] : memref<i32>
          } else {
            sloop.store %zero, %y[] : memref<i32>
          }
          %k = sloop.load %kernels[%i, %c, %r] : memref<16x4x4xi32>
          %v = sloop.load %y[] : memref<i32>
          %p = arith.muli %k, %v : i32
          sloop.reduce add %p, %out[%i, %j] : memref<16x16xi32>
        }
      }
    }
  }
  return
}
