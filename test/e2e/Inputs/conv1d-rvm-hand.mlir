// The case study's hand-optimised conv1d on RVM, written directly with rvm
// ops (the blog's final C with inline assembly): per output block of 16
// rows x 4 columns, four accumulators zeroed; per input channel, the data
// tile gathered on the CPU (im2col, zero past the end) and loaded once,
// then four kernel tiles loaded and multiplied into their accumulators;
// the accumulators stored. For OC a multiple of 16 and N of 4.
func.func @conv1d_hand(%data: memref<?x?xi32>, %kernels: memref<?x?x4xi32>,
                       %out: memref<?x?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  %IC = memref.dim %data, %c0 : memref<?x?xi32>
  %N = memref.dim %data, %c1 : memref<?x?xi32>
  %OC = memref.dim %kernels, %c0 : memref<?x?x4xi32>
  sloop.for %io = 0 to %OC floordiv 16 {
    sloop.for %jo = 0 to %N floordiv 4 {
      %acc0 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      %acc1 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      %acc2 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      %acc3 = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
      rvm.mzero %acc0 : memref<4x4xi32, #tmem.space<rvm_tile>>
      rvm.mzero %acc1 : memref<4x4xi32, #tmem.space<rvm_tile>>
      rvm.mzero %acc2 : memref<4x4xi32, #tmem.space<rvm_tile>>
      rvm.mzero %acc3 : memref<4x4xi32, #tmem.space<rvm_tile>>
      sloop.for %c = 0 to %IC {
        %y = sloop.alloc : memref<4x4xi32>
        sloop.for %ji = 0 to 4 {
          sloop.for %r = 0 to 4 {
            sloop.if %jo * 4 + %ji + %r < %N {
              %d = sloop.load %data[%c, %jo * 4 + %ji + %r] : memref<?x?xi32>
              sloop.store %d, %y[%ji, %r] : memref<4x4xi32>
            } else {
              sloop.store %zero, %y[%ji, %r] : memref<4x4xi32>
            }
          }
        }
        %dt = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
        rvm.mld.w %dt, %y : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32>
        %k = sloop.alloc : memref<4x4xi32, #tmem.space<rvm_tile>>
        %w0 = tmem.window %kernels[%io * 16, %c, 0] [4, 1, 4] : memref<?x?x4xi32>
        rvm.mld.w %k, %w0 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x1x4xi32, strided<[?, 4, 1], offset: ?>>
        rvm.mmasa.w acc %acc0, lhs %k, rhs %dt : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
        %w1 = tmem.window %kernels[%io * 16 + 4, %c, 0] [4, 1, 4] : memref<?x?x4xi32>
        rvm.mld.w %k, %w1 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x1x4xi32, strided<[?, 4, 1], offset: ?>>
        rvm.mmasa.w acc %acc1, lhs %k, rhs %dt : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
        %w2 = tmem.window %kernels[%io * 16 + 8, %c, 0] [4, 1, 4] : memref<?x?x4xi32>
        rvm.mld.w %k, %w2 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x1x4xi32, strided<[?, 4, 1], offset: ?>>
        rvm.mmasa.w acc %acc2, lhs %k, rhs %dt : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
        %w3 = tmem.window %kernels[%io * 16 + 12, %c, 0] [4, 1, 4] : memref<?x?x4xi32>
        rvm.mld.w %k, %w3 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x1x4xi32, strided<[?, 4, 1], offset: ?>>
        rvm.mmasa.w acc %acc3, lhs %k, rhs %dt : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, #tmem.space<rvm_tile>>
      }
      %o0 = tmem.window %out[%io * 16, %jo * 4] [4, 4] : memref<?x?xi32>
      rvm.mst.w %acc0, %o0 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[?, 1], offset: ?>>
      %o1 = tmem.window %out[%io * 16 + 4, %jo * 4] [4, 4] : memref<?x?xi32>
      rvm.mst.w %acc1, %o1 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[?, 1], offset: ?>>
      %o2 = tmem.window %out[%io * 16 + 8, %jo * 4] [4, 4] : memref<?x?xi32>
      rvm.mst.w %acc2, %o2 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[?, 1], offset: ?>>
      %o3 = tmem.window %out[%io * 16 + 12, %jo * 4] [4, 4] : memref<?x?xi32>
      rvm.mst.w %acc3, %o3 : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, strided<[?, 1], offset: ?>>
    }
  }
  return
}
