// The RVM case study's 1-D convolution, int32, zero boundary, any sizes,
// as its author wrote it in Exo (the boundary value computed into `y`):
//   out[i][j] = sum_c sum_r (j + r < N ? data[c][j + r] : 0) * kernels[i][c][r]
// for i < OC, j < N, c < IC, r < W; data is IC x N, kernels OC x IC x W,
// out OC x N. Plain loops for the CPU schedule
// examples/conv1d-avx512.schedule; @conv1d_ref is the algorithm of
// examples/conv1d.mlir untouched (its loops named apart).
//
//   scripts/apply-schedule.sh examples/conv1d-avx512.schedule \
//       examples/conv1d-avx512.mlir | build/bin/usl-opt --lower-avx512

func.func @conv1d(%data: memref<?x?xi32> {sloop.name = "data"},
                  %kernels: memref<?x?x?xi32> {sloop.name = "kernels"},
                  %out: memref<?x?xi32> {sloop.name = "out"}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %zero = arith.constant 0 : i32
  %IC = memref.dim %kernels, %c1 : memref<?x?x?xi32>
  %N = memref.dim %data, %c1 : memref<?x?xi32>
  %OC = memref.dim %kernels, %c0 : memref<?x?x?xi32>
  %W = memref.dim %kernels, %c2 : memref<?x?x?xi32>
  sloop.for %i = 0 to %OC {
    sloop.for %j = 0 to %N {
      sloop.store %zero, %out[%i, %j] : memref<?x?xi32>
      sloop.for %c = 0 to %IC {
        sloop.for %r = 0 to %W {
          %y = sloop.alloc : memref<i32>
          sloop.if %j + %r < %N {
            %d = sloop.load %data[%c, %j + %r] : memref<?x?xi32>
            sloop.store %d, %y[] : memref<i32>
          } else {
            sloop.store %zero, %y[] : memref<i32>
          }
          %k = sloop.load %kernels[%i, %c, %r] : memref<?x?x?xi32>
          %v = sloop.load %y[] : memref<i32>
          %p = arith.muli %k, %v : i32
          sloop.reduce add %p, %out[%i, %j] : memref<?x?xi32>
        }
      }
    }
  }
  return
}

func.func @conv1d_ref(%data: memref<?x?xi32>, %kernels: memref<?x?x?xi32>,
                      %out: memref<?x?xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %zero = arith.constant 0 : i32
  %IC = memref.dim %data, %c0 : memref<?x?xi32>
  %N = memref.dim %data, %c1 : memref<?x?xi32>
  %OC = memref.dim %kernels, %c0 : memref<?x?x?xi32>
  %W = memref.dim %kernels, %c2 : memref<?x?x?xi32>
  sloop.for %ri = 0 to %OC {
    sloop.for %rj = 0 to %N {
      sloop.store %zero, %out[%ri, %rj] : memref<?x?xi32>
      sloop.for %rc = 0 to %IC {
        sloop.for %rr = 0 to %W {
          %y = sloop.if %rj + %rr < %N -> i32 {
            %d = sloop.load %data[%rc, %rj + %rr] : memref<?x?xi32>
            sloop.yield %d : i32
          } else {
            sloop.yield %zero : i32
          }
          %k = sloop.load %kernels[%ri, %rc, %rr] : memref<?x?x?xi32>
          %p = arith.muli %k, %y : i32
          sloop.reduce add %p, %out[%ri, %rj] : memref<?x?xi32>
        }
      }
    }
  }
  return
}
