// The 1-D convolution of the RVM case study, int32, with a zero boundary:
//   out[i][j] = sum_c sum_r (j + r < N ? data[c][j + r] : 0) * kernels[i][c][r]
// for i < OC, j < N, c < IC, r < W. Sizes: IC = 4, N = 16, OC = 16, W = 4.
// @conv1d is the algorithm as written; @conv1d_tiled tiles i and j by 4 and
// makes the channel loop the reduction over each 4x4 output tile, the shape
// the RVM schedule starts from.
//
//   build/bin/usl-run examples/conv1d.mlir -e conv1d_tiled --compare=conv1d

func.func @conv1d(%data: memref<4x16xi32>, %kernels: memref<16x4x4xi32>,
                  %out: memref<16x16xi32>) {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to 16 {
    sloop.for %j = 0 to 16 {
      sloop.store %zero, %out[%i, %j] : memref<16x16xi32>
      sloop.for %c = 0 to 4 {
        sloop.for %r = 0 to 4 {
          %y = sloop.if %j + %r < 16 -> i32 {
            %d = sloop.load %data[%c, %j + %r] : memref<4x16xi32>
            sloop.yield %d : i32
          } else {
            sloop.yield %zero : i32
          }
          %k = sloop.load %kernels[%i, %c, %r] : memref<16x4x4xi32>
          %p = arith.muli %k, %y : i32
          sloop.reduce add %p, %out[%i, %j] : memref<16x16xi32>
        }
      }
    }
  }
  return
}

func.func @conv1d_tiled(%data: memref<4x16xi32>, %kernels: memref<16x4x4xi32>,
                        %out: memref<16x16xi32>) {
  %zero = arith.constant 0 : i32
  sloop.for %io = 0 to 4 par {
    sloop.for %jo = 0 to 4 {
      %acc = sloop.alloc : memref<4x4xi32>
      sloop.for %ii = 0 to 4 {
        sloop.for %ji = 0 to 4 {
          sloop.store %zero, %acc[%ii, %ji] : memref<4x4xi32>
        }
      }
      sloop.for %c = 0 to 4 {
        %y = sloop.alloc : memref<4x4xi32>
        sloop.for %ji = 0 to 4 {
          sloop.for %r = 0 to 4 {
            %v = sloop.if %jo * 4 + %ji + %r < 16 -> i32 {
              %d = sloop.load %data[%c, %jo * 4 + %ji + %r] : memref<4x16xi32>
              sloop.yield %d : i32
            } else {
              sloop.yield %zero : i32
            }
            sloop.store %v, %y[%ji, %r] : memref<4x4xi32>
          }
        }
        sloop.for %ii = 0 to 4 {
          sloop.for %ji = 0 to 4 {
            sloop.for %r = 0 to 4 unroll {
              %k = sloop.load %kernels[%io * 4 + %ii, %c, %r] : memref<16x4x4xi32>
              %d = sloop.load %y[%ji, %r] : memref<4x4xi32>
              %p = arith.muli %k, %d : i32
              sloop.reduce add %p, %acc[%ii, %ji] : memref<4x4xi32>
            }
          }
        }
      }
      sloop.for %ii = 0 to 4 {
        sloop.for %ji = 0 to 4 {
          %a = sloop.load %acc[%ii, %ji] : memref<4x4xi32>
          sloop.store %a, %out[%io * 4 + %ii, %jo * 4 + %ji] : memref<16x16xi32>
        }
      }
    }
  }
  return
}
