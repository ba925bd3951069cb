// Plain loop nests computing what the kernels of
// test/conversion/lower-avx512.mlir compute with AVX-512 registers.

func.func @axpy_ref(%x: memref<64xf32>, %y: memref<64xf32>, %a: memref<1xf32>, %n: index) {
  sloop.for %i = 0 to 64 {
    sloop.if %i < %n {
      %av = sloop.load %a[0] : memref<1xf32>
      %xv = sloop.load %x[%i] : memref<64xf32>
      %yv = sloop.load %y[%i] : memref<64xf32>
      %m = arith.mulf %av, %xv : f32
      %s = arith.addf %yv, %m : f32
      sloop.store %s, %y[%i] : memref<64xf32>
    }
  }
  return
}

func.func @row_block_ref(%A: memref<8xf32>, %B: memref<8x64xf32>, %C: memref<64xf32>, %m: index) {
  %zero = arith.constant 0.0 : f32
  sloop.for %j = 0 to 64 {
    sloop.store %zero, %C[%j] : memref<64xf32>
    sloop.for %k = 0 to 8 {
      sloop.if %j mod 16 < %m - 2 {
        %a = sloop.load %A[%k] : memref<8xf32>
        %b = sloop.load %B[%k, %j] : memref<8x64xf32>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %C[%j] : memref<64xf32>
      }
    }
    %c = sloop.load %C[%j] : memref<64xf32>
    %gt = arith.cmpf ogt, %c, %zero : f32
    %r = arith.select %gt, %c, %zero : f32
    sloop.store %r, %C[%j] : memref<64xf32>
  }
  return
}

func.func @u16_ref(%X: memref<32xi16>, %Y: memref<32xi16>, %K: memref<32xi16>, %Q: memref<32xi16>) {
  sloop.for %l = 0 to 32 {
    %x = sloop.load %X[%l] : memref<32xi16>
    %y = sloop.load %Y[%l] : memref<32xi16>
    %k = sloop.load %K[%l] : memref<32xi16>
    %s = arith.addi %x, %y : i16
    %s32 = arith.extui %s : i16 to i32
    %k32 = arith.extui %k : i16 to i32
    %p = arith.muli %s32, %k32 : i32
    %c16 = arith.constant 16 : i32
    %h = arith.shrui %p, %c16 : i32
    %t = arith.trunci %h : i32 to i16
    sloop.store %t, %Q[%l] : memref<32xi16>
  }
  return
}
