// Kernel families for the schedule fuzzer: each is scheduled at random and
// must keep computing what it computes here.

// C += A * B (f32): a reduction over k.
func.func @matmul(%M: index, %N: index, %K: index, %A: memref<?x?xf32>,
                  %B: memref<?x?xf32>, %C: memref<?x?xf32>) {
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      sloop.for %k = 0 to %K {
        %a = sloop.load %A[%i, %k] : memref<?x?xf32>
        %b = sloop.load %B[%k, %j] : memref<?x?xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%i, %j] : memref<?x?xf32>
      }
    }
  }
  return
}

// The RVM case study's conv1d (i32) with its zero boundary.
func.func @conv1d(%IC: index, %N: index, %OC: index, %W: index,
                  %data: memref<?x?xi32>, %kernels: memref<?x?x?xi32>,
                  %out: memref<?x?xi32>) {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to %OC {
    sloop.for %j = 0 to %N {
      sloop.store %zero, %out[%i, %j] : memref<?x?xi32>
      sloop.for %c = 0 to %IC {
        sloop.for %r = 0 to %W {
          %y = sloop.if %j + %r < %N -> i32 {
            %d = sloop.load %data[%c, %j + %r] : memref<?x?xi32>
            sloop.yield %d : i32
          } else {
            sloop.yield %zero : i32
          }
          %k = sloop.load %kernels[%i, %c, %r] : memref<?x?x?xi32>
          %p = arith.muli %y, %k : i32
          sloop.reduce add %p, %out[%i, %j] : memref<?x?xi32>
        }
      }
    }
  }
  return
}

// A 2-D 5-point stencil (f64), out of place, on the interior.
func.func @stencil(%N: index, %M: index, %A: memref<?x?xf64>,
                   %B: memref<?x?xf64>) {
  %four = arith.constant 4.0 : f64
  sloop.for %i = 1 to %N - 1 {
    sloop.for %j = 1 to %M - 1 {
      %n = sloop.load %A[%i - 1, %j] : memref<?x?xf64>
      %s = sloop.load %A[%i + 1, %j] : memref<?x?xf64>
      %w = sloop.load %A[%i, %j - 1] : memref<?x?xf64>
      %e = sloop.load %A[%i, %j + 1] : memref<?x?xf64>
      %c = sloop.load %A[%i, %j] : memref<?x?xf64>
      %ns = arith.addf %n, %s : f64
      %we = arith.addf %w, %e : f64
      %sum = arith.addf %ns, %we : f64
      %cc = arith.mulf %c, %four : f64
      %r = arith.subf %sum, %cc : f64
      sloop.store %r, %B[%i, %j] : memref<?x?xf64>
    }
  }
  return
}

// B = A^T (i16).
func.func @transpose(%N: index, %M: index, %A: memref<?x?xi16>,
                     %B: memref<?x?xi16>) {
  sloop.for %i = 0 to %N {
    sloop.for %j = 0 to %M {
      %a = sloop.load %A[%i, %j] : memref<?x?xi16>
      sloop.store %a, %B[%j, %i] : memref<?x?xi16>
    }
  }
  return
}

// A two-stage 1-D blur through a temporary (f32): fusion and fission.
func.func @blur(%N: index, %in: memref<?xf32>, %tmp: memref<?xf32>,
                %out: memref<?xf32>) {
  sloop.for %x = 0 to %N - 2 {
    %a = sloop.load %in[%x] : memref<?xf32>
    %b = sloop.load %in[%x + 1] : memref<?xf32>
    %c = sloop.load %in[%x + 2] : memref<?xf32>
    %ab = arith.addf %a, %b : f32
    %s = arith.addf %ab, %c : f32
    sloop.store %s, %tmp[%x] : memref<?xf32>
  }
  sloop.for %y = 0 to %N - 2 {
    %t = sloop.load %tmp[%y] : memref<?xf32>
    %u = arith.mulf %t, %t : f32
    sloop.store %u, %out[%y] : memref<?xf32>
  }
  return
}

// An in-place prefix sum per row (i64): a recurrence along j.
func.func @prefix(%N: index, %M: index, %A: memref<?x?xi64>) {
  sloop.for %i = 0 to %N {
    sloop.for %j = 1 to %M {
      %p = sloop.load %A[%i, %j - 1] : memref<?x?xi64>
      sloop.reduce add %p, %A[%i, %j] : memref<?x?xi64>
    }
  }
  return
}

// A two-stage 2-D stencil through a buffer of its own (f32): compute-at and
// the buffer directives.
func.func @blur2d(%N: index, %M: index, %in: memref<?x?xf32>,
                  %out: memref<?x?xf32>) {
  %t = sloop.alloc(%N, %M) : memref<?x?xf32>
  sloop.for %a = 0 to %N {
    sloop.for %b = 0 to %M {
      %v = sloop.load %in[%a, %b] : memref<?x?xf32>
      %w = arith.mulf %v, %v : f32
      sloop.store %w, %t[%a, %b] : memref<?x?xf32>
    }
  }
  sloop.for %x = 0 to %N - 2 {
    sloop.for %y = 0 to %M {
      %p = sloop.load %t[%x, %y] : memref<?x?xf32>
      %q = sloop.load %t[%x + 1, %y] : memref<?x?xf32>
      %r = sloop.load %t[%x + 2, %y] : memref<?x?xf32>
      %pq = arith.addf %p, %q : f32
      %s = arith.addf %pq, %r : f32
      sloop.store %s, %out[%x, %y] : memref<?x?xf32>
    }
  }
  return
}

// A 2-D stencil over a clamped input, the way lower-pipeline writes clamp
// boundary conditions (max with 0, min with the last index, and a clamp of
// a clamp): exercises partition-loops under random schedules.
func.func @clamp2d(%N: index, %M: index, %in: memref<?x?xf32>,
                   %out: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %nl = arith.subi %N, %c1 : index
  %ml = arith.subi %M, %c1 : index
  sloop.for %x = 0 to %N {
    sloop.for %y = 0 to %M {
      %xm = arith.subi %x, %c1 : index
      %xm0 = arith.maxsi %xm, %c0 : index
      %xp = arith.addi %x, %c1 : index
      %xp1 = arith.minsi %xp, %nl : index
      %yp = arith.addi %y, %c1 : index
      %yp0 = arith.maxsi %yp, %c0 : index
      %yp1 = arith.minsi %yp0, %ml : index
      %a = sloop.load %in[%xm0, %y] : memref<?x?xf32>
      %b = sloop.load %in[%xp1, %yp1] : memref<?x?xf32>
      %c = sloop.load %in[%x, %y] : memref<?x?xf32>
      %ab = arith.addf %a, %b : f32
      %s = arith.addf %ab, %c : f32
      sloop.store %s, %out[%x, %y] : memref<?x?xf32>
    }
  }
  return
}

// out = max(A B + bias[j], 0) with its intermediates in memref.alloc, as
// bufferized linalg hands it over (f32).
func.func @mlp(%M: index, %N: index, %K: index, %A: memref<?x?xf32>,
               %B: memref<?x?xf32>, %bias: memref<?xf32>,
               %out: memref<?x?xf32>) {
  %zero = arith.constant 0.0 : f32
  %t = memref.alloc(%M, %N) : memref<?x?xf32>
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      sloop.store %zero, %t[%i, %j] : memref<?x?xf32>
    }
  }
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      sloop.for %k = 0 to %K {
        %a = sloop.load %A[%i, %k] : memref<?x?xf32>
        %b = sloop.load %B[%k, %j] : memref<?x?xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %t[%i, %j] : memref<?x?xf32>
      }
    }
  }
  %u = memref.alloc(%M, %N) : memref<?x?xf32>
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      %x = sloop.load %t[%i, %j] : memref<?x?xf32>
      %c = sloop.load %bias[%j] : memref<?xf32>
      %s = arith.addf %x, %c : f32
      sloop.store %s, %u[%i, %j] : memref<?x?xf32>
    }
  }
  sloop.for %i = 0 to %M {
    sloop.for %j = 0 to %N {
      %x = sloop.load %u[%i, %j] : memref<?x?xf32>
      %r = arith.maximumf %x, %zero : f32
      sloop.store %r, %out[%i, %j] : memref<?x?xf32>
    }
  }
  memref.dealloc %t : memref<?x?xf32>
  memref.dealloc %u : memref<?x?xf32>
  return
}

// A smoothing of the interior of a 16 x 16 image through views of its
// arguments: a subview, a window, a cast, and a row as an expand_shape of a
// 1-D argument (f32).
func.func @views(%img: memref<16x16xf32>, %row: memref<64xf32>,
                 %out: memref<16x16xf32>) {
  %inner = memref.subview %out[1, 1] [14, 14] [1, 1] : memref<16x16xf32> to memref<14x14xf32, strided<[16, 1], offset: 17>>
  %any = memref.cast %img : memref<16x16xf32> to memref<?x?xf32>
  %rows = memref.expand_shape %row [[0, 1]] output_shape [4, 16] : memref<64xf32> into memref<4x16xf32>
  sloop.for %i = 0 to 14 {
    sloop.for %j = 0 to 14 {
      %up = sloop.load %any[%i, %j + 1] : memref<?x?xf32>
      %down = sloop.load %any[%i + 2, %j + 1] : memref<?x?xf32>
      %w = sloop.load %rows[%i mod 4, %j] : memref<4x16xf32>
      %ud = arith.addf %up, %down : f32
      %s = arith.mulf %ud, %w : f32
      sloop.store %s, %inner[%i, %j] : memref<14x14xf32, strided<[16, 1], offset: 17>>
    }
  }
  %edge = tmem.window %out[0, 0] [1, 16] : memref<16x16xf32>
  sloop.for %j = 0 to 16 {
    %v = sloop.load %rows[0, %j] : memref<4x16xf32>
    sloop.store %v, %edge[0, %j] : memref<1x16xf32, strided<[16, 1], offset: ?>>
  }
  return
}

memref.global "private" constant @weights : memref<8xi32> = dense<[3, -1, 4, 1, -5, 9, 2, -6]>
memref.global "private" @scratch : memref<8xi32> = dense<0>

// Weights from a constant global, and a mutable global as scratch (i32).
func.func @globals(%N: index, %in: memref<?x8xi32>, %out: memref<?x8xi32>) {
  %w = memref.get_global @weights : memref<8xi32>
  %s = memref.get_global @scratch : memref<8xi32>
  %s2 = memref.get_global @scratch : memref<8xi32>
  sloop.for %i = 0 to %N {
    sloop.for %j = 0 to 8 {
      %x = sloop.load %in[%i, %j] : memref<?x8xi32>
      %c = sloop.load %w[%j] : memref<8xi32>
      %p = arith.muli %x, %c : i32
      sloop.store %p, %s[%j] : memref<8xi32>
    }
    sloop.for %j = 0 to 8 {
      %a = sloop.load %s2[%j] : memref<8xi32>
      %b = sloop.load %s2[7 - %j] : memref<8xi32>
      %d = arith.subi %a, %b : i32
      sloop.store %d, %out[%i, %j] : memref<?x8xi32>
    }
  }
  return
}

// Rows on threads as written (par loops in the input), each with scratch
// buffers of its own: a memref.alloca and a dram_static sloop.alloc (i64).
func.func @rows(%N: index, %M: index, %A: memref<?x?xi64>,
                %B: memref<?x?xi64>) {
  sloop.for %i = 0 to %N par {
    %t = memref.alloca(%M) : memref<?xi64>
    %acc = sloop.alloc : memref<2xi64, #tmem.space<dram_static>>
    %zero = arith.constant 0 : i64
    sloop.store %zero, %acc[0] : memref<2xi64, #tmem.space<dram_static>>
    sloop.for %j = 0 to %M {
      %a = sloop.load %A[%i, %j] : memref<?x?xi64>
      sloop.store %a, %t[%j] : memref<?xi64>
      sloop.reduce add %a, %acc[0] : memref<2xi64, #tmem.space<dram_static>>
    }
    sloop.for %j = 0 to %M {
      %r = sloop.load %t[%M - 1 - %j] : memref<?xi64>
      %s = sloop.load %acc[0] : memref<2xi64, #tmem.space<dram_static>>
      %d = arith.subi %s, %r : i64
      sloop.store %d, %B[%i, %j] : memref<?x?xi64>
    }
  }
  return
}

// A 1-D three-point stencil on 1 .. N - 1 whose trip count is negative for
// N < 2, updating a sum kept in memref.alloca (f64).
func.func @shift(%N: index, %A: memref<?xf64>, %B: memref<?xf64>,
                 %S: memref<1xf64>) {
  %acc = memref.alloca() : memref<1xf64>
  %zero = arith.constant 0.0 : f64
  sloop.store %zero, %acc[0] : memref<1xf64>
  sloop.for %i = 1 to %N - 1 {
    %l = sloop.load %A[%i - 1] : memref<?xf64>
    %r = sloop.load %A[%i + 1] : memref<?xf64>
    %s = arith.addf %l, %r : f64
    sloop.store %s, %B[%i] : memref<?xf64>
    sloop.reduce add %s, %acc[0] : memref<1xf64>
  }
  %t = sloop.load %acc[0] : memref<1xf64>
  sloop.store %t, %S[0] : memref<1xf64>
  return
}
