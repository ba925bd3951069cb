// 16 nested modules of two functions each, for passes run by the
// multithreaded pass manager (test/passes/threads.mlir).
module {
  module @m0 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<17x64xf32>, %C: memref<17x64xf32>) {
      %t = sloop.alloc : memref<17x64xf32>
      sloop.for %y = 0 to 17 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<17x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<17x64xf32>
        }
      }
      sloop.for %y = 0 to 17 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<17x64xf32>
          sloop.store %b, %C[%y, %x] : memref<17x64xf32>
        }
      }
      return
    }
  }
  module @m1 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<18x64xf32>, %C: memref<18x64xf32>) {
      %t = sloop.alloc : memref<18x64xf32>
      sloop.for %y = 0 to 18 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<18x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<18x64xf32>
        }
      }
      sloop.for %y = 0 to 18 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<18x64xf32>
          sloop.store %b, %C[%y, %x] : memref<18x64xf32>
        }
      }
      return
    }
  }
  module @m2 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<19x64xf32>, %C: memref<19x64xf32>) {
      %t = sloop.alloc : memref<19x64xf32>
      sloop.for %y = 0 to 19 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<19x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<19x64xf32>
        }
      }
      sloop.for %y = 0 to 19 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<19x64xf32>
          sloop.store %b, %C[%y, %x] : memref<19x64xf32>
        }
      }
      return
    }
  }
  module @m3 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<20x64xf32>, %C: memref<20x64xf32>) {
      %t = sloop.alloc : memref<20x64xf32>
      sloop.for %y = 0 to 20 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<20x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<20x64xf32>
        }
      }
      sloop.for %y = 0 to 20 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<20x64xf32>
          sloop.store %b, %C[%y, %x] : memref<20x64xf32>
        }
      }
      return
    }
  }
  module @m4 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<21x64xf32>, %C: memref<21x64xf32>) {
      %t = sloop.alloc : memref<21x64xf32>
      sloop.for %y = 0 to 21 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<21x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<21x64xf32>
        }
      }
      sloop.for %y = 0 to 21 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<21x64xf32>
          sloop.store %b, %C[%y, %x] : memref<21x64xf32>
        }
      }
      return
    }
  }
  module @m5 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<22x64xf32>, %C: memref<22x64xf32>) {
      %t = sloop.alloc : memref<22x64xf32>
      sloop.for %y = 0 to 22 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<22x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<22x64xf32>
        }
      }
      sloop.for %y = 0 to 22 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<22x64xf32>
          sloop.store %b, %C[%y, %x] : memref<22x64xf32>
        }
      }
      return
    }
  }
  module @m6 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<23x64xf32>, %C: memref<23x64xf32>) {
      %t = sloop.alloc : memref<23x64xf32>
      sloop.for %y = 0 to 23 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<23x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<23x64xf32>
        }
      }
      sloop.for %y = 0 to 23 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<23x64xf32>
          sloop.store %b, %C[%y, %x] : memref<23x64xf32>
        }
      }
      return
    }
  }
  module @m7 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<24x64xf32>, %C: memref<24x64xf32>) {
      %t = sloop.alloc : memref<24x64xf32>
      sloop.for %y = 0 to 24 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<24x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<24x64xf32>
        }
      }
      sloop.for %y = 0 to 24 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<24x64xf32>
          sloop.store %b, %C[%y, %x] : memref<24x64xf32>
        }
      }
      return
    }
  }
  module @m8 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<25x64xf32>, %C: memref<25x64xf32>) {
      %t = sloop.alloc : memref<25x64xf32>
      sloop.for %y = 0 to 25 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<25x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<25x64xf32>
        }
      }
      sloop.for %y = 0 to 25 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<25x64xf32>
          sloop.store %b, %C[%y, %x] : memref<25x64xf32>
        }
      }
      return
    }
  }
  module @m9 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<26x64xf32>, %C: memref<26x64xf32>) {
      %t = sloop.alloc : memref<26x64xf32>
      sloop.for %y = 0 to 26 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<26x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<26x64xf32>
        }
      }
      sloop.for %y = 0 to 26 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<26x64xf32>
          sloop.store %b, %C[%y, %x] : memref<26x64xf32>
        }
      }
      return
    }
  }
  module @m10 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<27x64xf32>, %C: memref<27x64xf32>) {
      %t = sloop.alloc : memref<27x64xf32>
      sloop.for %y = 0 to 27 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<27x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<27x64xf32>
        }
      }
      sloop.for %y = 0 to 27 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<27x64xf32>
          sloop.store %b, %C[%y, %x] : memref<27x64xf32>
        }
      }
      return
    }
  }
  module @m11 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<28x64xf32>, %C: memref<28x64xf32>) {
      %t = sloop.alloc : memref<28x64xf32>
      sloop.for %y = 0 to 28 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<28x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<28x64xf32>
        }
      }
      sloop.for %y = 0 to 28 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<28x64xf32>
          sloop.store %b, %C[%y, %x] : memref<28x64xf32>
        }
      }
      return
    }
  }
  module @m12 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<29x64xf32>, %C: memref<29x64xf32>) {
      %t = sloop.alloc : memref<29x64xf32>
      sloop.for %y = 0 to 29 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<29x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<29x64xf32>
        }
      }
      sloop.for %y = 0 to 29 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<29x64xf32>
          sloop.store %b, %C[%y, %x] : memref<29x64xf32>
        }
      }
      return
    }
  }
  module @m13 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<30x64xf32>, %C: memref<30x64xf32>) {
      %t = sloop.alloc : memref<30x64xf32>
      sloop.for %y = 0 to 30 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<30x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<30x64xf32>
        }
      }
      sloop.for %y = 0 to 30 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<30x64xf32>
          sloop.store %b, %C[%y, %x] : memref<30x64xf32>
        }
      }
      return
    }
  }
  module @m14 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<31x64xf32>, %C: memref<31x64xf32>) {
      %t = sloop.alloc : memref<31x64xf32>
      sloop.for %y = 0 to 31 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<31x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<31x64xf32>
        }
      }
      sloop.for %y = 0 to 31 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<31x64xf32>
          sloop.store %b, %C[%y, %x] : memref<31x64xf32>
        }
      }
      return
    }
  }
  module @m15 {
    func.func @stencil(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
      sloop.for %i = 1 to %N - 1 {
        %l = sloop.load %A[%i - 1] : memref<?xf32>
        %r = sloop.load %A[%i + 1] : memref<?xf32>
        %s = arith.addf %l, %r : f32
        sloop.store %s, %B[%i] : memref<?xf32>
      }
      return
    }
    func.func @blocks(%A: memref<32x64xf32>, %C: memref<32x64xf32>) {
      %t = sloop.alloc : memref<32x64xf32>
      sloop.for %y = 0 to 32 {
        sloop.for %x = 0 to 64 {
          %a = sloop.load %A[%y, %x] : memref<32x64xf32>
          %b = arith.mulf %a, %a : f32
          sloop.store %b, %t[%y, %x] : memref<32x64xf32>
        }
      }
      sloop.for %y = 0 to 32 {
        sloop.for %x = 0 to 64 {
          %b = sloop.load %t[%y, %x] : memref<32x64xf32>
          sloop.store %b, %C[%y, %x] : memref<32x64xf32>
        }
      }
      return
    }
  }
}
