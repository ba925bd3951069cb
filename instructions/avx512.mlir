// The AVX-512 instructions as scheduled loops, in the form of
// instructions/rvm.mlir: each function is one instruction, its
// `usl.instruction` attribute the avx512 op, its arguments the op's operands
// in order, its body what the instruction computes. --lower-avx512 replaces
// every loop nest that computes the same, on registers in the avx512 space
// and windows of ordinary buffers, by the instruction.
//
// Masks are the first `lanes` lanes: `sloop.if %i < %lanes` in the body.
// A program's guard matches when it bounds the lane variable the same way,
// whatever its other terms (e.g. `%jo * 16 + %j < %N` gives lanes = N - 16 jo).
//
// Floating point: fmadd computes acc + lhs * rhs with one rounding where
// the loop nest rounds the product first. Like C compilers under
// -ffp-contract=fast and like Exo, selection treats the two as the same;
// max and relu are `select(a > b, a, b)`, exactly what vmaxps computes
// (NaN and signed zeros included), not arith.maximumf.

func.func @setzero_f32(%dst: memref<16xf32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.setzero"} {
  %zero = arith.constant 0.0 : f32
  sloop.for %i = 0 to 16 {
    sloop.store %zero, %dst[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @loadu_f32(%reg: memref<16xf32, #tmem.space<avx512>>,
    %window: memref<16xf32>)
    attributes {usl.instruction = "avx512.loadu"} {
  sloop.for %i = 0 to 16 {
    %v = sloop.load %window[%i] : memref<16xf32>
    sloop.store %v, %reg[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @storeu_f32(%reg: memref<16xf32, #tmem.space<avx512>>,
    %window: memref<16xf32>)
    attributes {usl.instruction = "avx512.storeu"} {
  sloop.for %i = 0 to 16 {
    %v = sloop.load %reg[%i] : memref<16xf32, #tmem.space<avx512>>
    sloop.store %v, %window[%i] : memref<16xf32>
  }
  return
}

func.func @maskz_loadu_f32(%reg: memref<16xf32, #tmem.space<avx512>>,
    %window: memref<16xf32>,
    %lanes: index)
    attributes {usl.instruction = "avx512.maskz_loadu"} {
  %zero = arith.constant 0.0 : f32
  sloop.for %i = 0 to 16 {
    %v = sloop.if %i < %lanes -> f32 {
      %x = sloop.load %window[%i] : memref<16xf32>
      sloop.yield %x : f32
    } else {
      sloop.yield %zero : f32
    }
    sloop.store %v, %reg[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_loadu_f32(%reg: memref<16xf32, #tmem.space<avx512>>,
    %window: memref<16xf32>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_loadu"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %v = sloop.load %window[%i] : memref<16xf32>
      sloop.store %v, %reg[%i] : memref<16xf32, #tmem.space<avx512>>
    }
  }
  return
}

func.func @mask_storeu_f32(%reg: memref<16xf32, #tmem.space<avx512>>,
    %window: memref<16xf32>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_storeu"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %v = sloop.load %reg[%i] : memref<16xf32, #tmem.space<avx512>>
      sloop.store %v, %window[%i] : memref<16xf32>
    }
  }
  return
}

func.func @set1_f32(%reg: memref<16xf32, #tmem.space<avx512>>,
    %window: memref<1xf32>)
    attributes {usl.instruction = "avx512.set1"} {
  sloop.for %i = 0 to 16 {
    %v = sloop.load %window[0] : memref<1xf32>
    sloop.store %v, %reg[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_set1_f32(%reg: memref<16xf32, #tmem.space<avx512>>,
    %window: memref<1xf32>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_set1"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %v = sloop.load %window[0] : memref<1xf32>
      sloop.store %v, %reg[%i] : memref<16xf32, #tmem.space<avx512>>
    }
  }
  return
}

func.func @add_f32(%dst: memref<16xf32, #tmem.space<avx512>>,
    %lhs: memref<16xf32, #tmem.space<avx512>>,
    %rhs: memref<16xf32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.add"} {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %lhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %s = arith.addf %a, %b : f32
    sloop.store %s, %dst[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_add_f32(%dst: memref<16xf32, #tmem.space<avx512>>,
    %lhs: memref<16xf32, #tmem.space<avx512>>,
    %rhs: memref<16xf32, #tmem.space<avx512>>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_add"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %a = sloop.load %lhs[%i] : memref<16xf32, #tmem.space<avx512>>
      %b = sloop.load %rhs[%i] : memref<16xf32, #tmem.space<avx512>>
      %s = arith.addf %a, %b : f32
      sloop.store %s, %dst[%i] : memref<16xf32, #tmem.space<avx512>>
    }
  }
  return
}

func.func @setzero_i16(%dst: memref<32xi16, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.setzero"} {
  %zero = arith.constant 0 : i16
  sloop.for %i = 0 to 32 {
    sloop.store %zero, %dst[%i] : memref<32xi16, #tmem.space<avx512>>
  }
  return
}

func.func @loadu_i16(%reg: memref<32xi16, #tmem.space<avx512>>,
    %window: memref<32xi16>)
    attributes {usl.instruction = "avx512.loadu"} {
  sloop.for %i = 0 to 32 {
    %v = sloop.load %window[%i] : memref<32xi16>
    sloop.store %v, %reg[%i] : memref<32xi16, #tmem.space<avx512>>
  }
  return
}

func.func @storeu_i16(%reg: memref<32xi16, #tmem.space<avx512>>,
    %window: memref<32xi16>)
    attributes {usl.instruction = "avx512.storeu"} {
  sloop.for %i = 0 to 32 {
    %v = sloop.load %reg[%i] : memref<32xi16, #tmem.space<avx512>>
    sloop.store %v, %window[%i] : memref<32xi16>
  }
  return
}

func.func @maskz_loadu_i16(%reg: memref<32xi16, #tmem.space<avx512>>,
    %window: memref<32xi16>,
    %lanes: index)
    attributes {usl.instruction = "avx512.maskz_loadu"} {
  %zero = arith.constant 0 : i16
  sloop.for %i = 0 to 32 {
    %v = sloop.if %i < %lanes -> i16 {
      %x = sloop.load %window[%i] : memref<32xi16>
      sloop.yield %x : i16
    } else {
      sloop.yield %zero : i16
    }
    sloop.store %v, %reg[%i] : memref<32xi16, #tmem.space<avx512>>
  }
  return
}

func.func @mask_loadu_i16(%reg: memref<32xi16, #tmem.space<avx512>>,
    %window: memref<32xi16>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_loadu"} {
  sloop.for %i = 0 to 32 {
    sloop.if %i < %lanes {
      %v = sloop.load %window[%i] : memref<32xi16>
      sloop.store %v, %reg[%i] : memref<32xi16, #tmem.space<avx512>>
    }
  }
  return
}

func.func @mask_storeu_i16(%reg: memref<32xi16, #tmem.space<avx512>>,
    %window: memref<32xi16>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_storeu"} {
  sloop.for %i = 0 to 32 {
    sloop.if %i < %lanes {
      %v = sloop.load %reg[%i] : memref<32xi16, #tmem.space<avx512>>
      sloop.store %v, %window[%i] : memref<32xi16>
    }
  }
  return
}

func.func @set1_i16(%reg: memref<32xi16, #tmem.space<avx512>>,
    %window: memref<1xi16>)
    attributes {usl.instruction = "avx512.set1"} {
  sloop.for %i = 0 to 32 {
    %v = sloop.load %window[0] : memref<1xi16>
    sloop.store %v, %reg[%i] : memref<32xi16, #tmem.space<avx512>>
  }
  return
}

func.func @mask_set1_i16(%reg: memref<32xi16, #tmem.space<avx512>>,
    %window: memref<1xi16>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_set1"} {
  sloop.for %i = 0 to 32 {
    sloop.if %i < %lanes {
      %v = sloop.load %window[0] : memref<1xi16>
      sloop.store %v, %reg[%i] : memref<32xi16, #tmem.space<avx512>>
    }
  }
  return
}

func.func @add_i16(%dst: memref<32xi16, #tmem.space<avx512>>,
    %lhs: memref<32xi16, #tmem.space<avx512>>,
    %rhs: memref<32xi16, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.add"} {
  sloop.for %i = 0 to 32 {
    %a = sloop.load %lhs[%i] : memref<32xi16, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<32xi16, #tmem.space<avx512>>
    %s = arith.addi %a, %b : i16
    sloop.store %s, %dst[%i] : memref<32xi16, #tmem.space<avx512>>
  }
  return
}

func.func @mask_add_i16(%dst: memref<32xi16, #tmem.space<avx512>>,
    %lhs: memref<32xi16, #tmem.space<avx512>>,
    %rhs: memref<32xi16, #tmem.space<avx512>>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_add"} {
  sloop.for %i = 0 to 32 {
    sloop.if %i < %lanes {
      %a = sloop.load %lhs[%i] : memref<32xi16, #tmem.space<avx512>>
      %b = sloop.load %rhs[%i] : memref<32xi16, #tmem.space<avx512>>
      %s = arith.addi %a, %b : i16
      sloop.store %s, %dst[%i] : memref<32xi16, #tmem.space<avx512>>
    }
  }
  return
}

func.func @mul_f32(%dst: memref<16xf32, #tmem.space<avx512>>,
    %lhs: memref<16xf32, #tmem.space<avx512>>,
    %rhs: memref<16xf32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.mul"} {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %lhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %p = arith.mulf %a, %b : f32
    sloop.store %p, %dst[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @max_f32(%dst: memref<16xf32, #tmem.space<avx512>>,
    %lhs: memref<16xf32, #tmem.space<avx512>>,
    %rhs: memref<16xf32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.max"} {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %lhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %gt = arith.cmpf ogt, %a, %b : f32
    %m = arith.select %gt, %a, %b : f32
    sloop.store %m, %dst[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @relu_f32(%dst: memref<16xf32, #tmem.space<avx512>>,
    %src: memref<16xf32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.relu"} {
  %zero = arith.constant 0.0 : f32
  sloop.for %i = 0 to 16 {
    %a = sloop.load %src[%i] : memref<16xf32, #tmem.space<avx512>>
    %gt = arith.cmpf ogt, %a, %zero : f32
    %m = arith.select %gt, %a, %zero : f32
    sloop.store %m, %dst[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @fmadd(%acc: memref<16xf32, #tmem.space<avx512>>,
    %lhs: memref<16xf32, #tmem.space<avx512>>,
    %rhs: memref<16xf32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.fmadd"} {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %lhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %p = arith.mulf %a, %b : f32
    sloop.reduce add %p, %acc[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_fmadd(%acc: memref<16xf32, #tmem.space<avx512>>,
    %lhs: memref<16xf32, #tmem.space<avx512>>,
    %rhs: memref<16xf32, #tmem.space<avx512>>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_fmadd"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %a = sloop.load %lhs[%i] : memref<16xf32, #tmem.space<avx512>>
      %b = sloop.load %rhs[%i] : memref<16xf32, #tmem.space<avx512>>
      %p = arith.mulf %a, %b : f32
      sloop.reduce add %p, %acc[%i] : memref<16xf32, #tmem.space<avx512>>
    }
  }
  return
}

// The same, written as a load, an add and a store.
func.func @fmadd_store(%acc: memref<16xf32, #tmem.space<avx512>>,
    %lhs: memref<16xf32, #tmem.space<avx512>>,
    %rhs: memref<16xf32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.fmadd"} {
  sloop.for %i = 0 to 16 {
    %c = sloop.load %acc[%i] : memref<16xf32, #tmem.space<avx512>>
    %a = sloop.load %lhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xf32, #tmem.space<avx512>>
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %c, %p : f32
    sloop.store %s, %acc[%i] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_fmadd_store(%acc: memref<16xf32, #tmem.space<avx512>>,
    %lhs: memref<16xf32, #tmem.space<avx512>>,
    %rhs: memref<16xf32, #tmem.space<avx512>>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_fmadd"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %c = sloop.load %acc[%i] : memref<16xf32, #tmem.space<avx512>>
      %a = sloop.load %lhs[%i] : memref<16xf32, #tmem.space<avx512>>
      %b = sloop.load %rhs[%i] : memref<16xf32, #tmem.space<avx512>>
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %c, %p : f32
      sloop.store %s, %acc[%i] : memref<16xf32, #tmem.space<avx512>>
    }
  }
  return
}

func.func @mulhi_u16(%dst: memref<32xi16, #tmem.space<avx512>>,
    %lhs: memref<32xi16, #tmem.space<avx512>>,
    %rhs: memref<32xi16, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.mulhi"} {
  sloop.for %i = 0 to 32 {
    %a = sloop.load %lhs[%i] : memref<32xi16, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<32xi16, #tmem.space<avx512>>
    %a32 = arith.extui %a : i16 to i32
    %b32 = arith.extui %b : i16 to i32
    %p = arith.muli %a32, %b32 : i32
    %sixteen = arith.constant 16 : i32
    %h = arith.shrui %p, %sixteen : i32
    %t = arith.trunci %h : i32 to i16
    sloop.store %t, %dst[%i] : memref<32xi16, #tmem.space<avx512>>
  }
  return
}

// i32 x 16, for integer convolutions. fmadd on i32 lanes is vpmulld then
// vpaddd (AVX-512 has no fused integer multiply-add of 32-bit lanes); it
// wraps modulo 2^32 exactly as the loop nest does.

func.func @setzero_i32(%dst: memref<16xi32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.setzero"} {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to 16 {
    sloop.store %zero, %dst[%i] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}

func.func @loadu_i32(%reg: memref<16xi32, #tmem.space<avx512>>,
    %window: memref<16xi32>)
    attributes {usl.instruction = "avx512.loadu"} {
  sloop.for %i = 0 to 16 {
    %v = sloop.load %window[%i] : memref<16xi32>
    sloop.store %v, %reg[%i] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}

func.func @storeu_i32(%reg: memref<16xi32, #tmem.space<avx512>>,
    %window: memref<16xi32>)
    attributes {usl.instruction = "avx512.storeu"} {
  sloop.for %i = 0 to 16 {
    %v = sloop.load %reg[%i] : memref<16xi32, #tmem.space<avx512>>
    sloop.store %v, %window[%i] : memref<16xi32>
  }
  return
}

func.func @maskz_loadu_i32(%reg: memref<16xi32, #tmem.space<avx512>>,
    %window: memref<16xi32>,
    %lanes: index)
    attributes {usl.instruction = "avx512.maskz_loadu"} {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to 16 {
    %v = sloop.if %i < %lanes -> i32 {
      %x = sloop.load %window[%i] : memref<16xi32>
      sloop.yield %x : i32
    } else {
      sloop.yield %zero : i32
    }
    sloop.store %v, %reg[%i] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_loadu_i32(%reg: memref<16xi32, #tmem.space<avx512>>,
    %window: memref<16xi32>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_loadu"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %v = sloop.load %window[%i] : memref<16xi32>
      sloop.store %v, %reg[%i] : memref<16xi32, #tmem.space<avx512>>
    }
  }
  return
}

func.func @mask_storeu_i32(%reg: memref<16xi32, #tmem.space<avx512>>,
    %window: memref<16xi32>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_storeu"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %v = sloop.load %reg[%i] : memref<16xi32, #tmem.space<avx512>>
      sloop.store %v, %window[%i] : memref<16xi32>
    }
  }
  return
}

func.func @set1_i32(%reg: memref<16xi32, #tmem.space<avx512>>,
    %window: memref<1xi32>)
    attributes {usl.instruction = "avx512.set1"} {
  sloop.for %i = 0 to 16 {
    %v = sloop.load %window[0] : memref<1xi32>
    sloop.store %v, %reg[%i] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_set1_i32(%reg: memref<16xi32, #tmem.space<avx512>>,
    %window: memref<1xi32>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_set1"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %v = sloop.load %window[0] : memref<1xi32>
      sloop.store %v, %reg[%i] : memref<16xi32, #tmem.space<avx512>>
    }
  }
  return
}

func.func @add_i32(%dst: memref<16xi32, #tmem.space<avx512>>,
    %lhs: memref<16xi32, #tmem.space<avx512>>,
    %rhs: memref<16xi32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.add"} {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %lhs[%i] : memref<16xi32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xi32, #tmem.space<avx512>>
    %s = arith.addi %a, %b : i32
    sloop.store %s, %dst[%i] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_add_i32(%dst: memref<16xi32, #tmem.space<avx512>>,
    %lhs: memref<16xi32, #tmem.space<avx512>>,
    %rhs: memref<16xi32, #tmem.space<avx512>>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_add"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %a = sloop.load %lhs[%i] : memref<16xi32, #tmem.space<avx512>>
      %b = sloop.load %rhs[%i] : memref<16xi32, #tmem.space<avx512>>
      %s = arith.addi %a, %b : i32
      sloop.store %s, %dst[%i] : memref<16xi32, #tmem.space<avx512>>
    }
  }
  return
}

func.func @mul_i32(%dst: memref<16xi32, #tmem.space<avx512>>,
    %lhs: memref<16xi32, #tmem.space<avx512>>,
    %rhs: memref<16xi32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.mul"} {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %lhs[%i] : memref<16xi32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xi32, #tmem.space<avx512>>
    %p = arith.muli %a, %b : i32
    sloop.store %p, %dst[%i] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}

func.func @fmadd_i32(%acc: memref<16xi32, #tmem.space<avx512>>,
    %lhs: memref<16xi32, #tmem.space<avx512>>,
    %rhs: memref<16xi32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.fmadd"} {
  sloop.for %i = 0 to 16 {
    %a = sloop.load %lhs[%i] : memref<16xi32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xi32, #tmem.space<avx512>>
    %p = arith.muli %a, %b : i32
    sloop.reduce add %p, %acc[%i] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_fmadd_i32(%acc: memref<16xi32, #tmem.space<avx512>>,
    %lhs: memref<16xi32, #tmem.space<avx512>>,
    %rhs: memref<16xi32, #tmem.space<avx512>>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_fmadd"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %a = sloop.load %lhs[%i] : memref<16xi32, #tmem.space<avx512>>
      %b = sloop.load %rhs[%i] : memref<16xi32, #tmem.space<avx512>>
      %p = arith.muli %a, %b : i32
      sloop.reduce add %p, %acc[%i] : memref<16xi32, #tmem.space<avx512>>
    }
  }
  return
}

func.func @fmadd_store_i32(%acc: memref<16xi32, #tmem.space<avx512>>,
    %lhs: memref<16xi32, #tmem.space<avx512>>,
    %rhs: memref<16xi32, #tmem.space<avx512>>)
    attributes {usl.instruction = "avx512.fmadd"} {
  sloop.for %i = 0 to 16 {
    %c = sloop.load %acc[%i] : memref<16xi32, #tmem.space<avx512>>
    %a = sloop.load %lhs[%i] : memref<16xi32, #tmem.space<avx512>>
    %b = sloop.load %rhs[%i] : memref<16xi32, #tmem.space<avx512>>
    %p = arith.muli %a, %b : i32
    %s = arith.addi %c, %p : i32
    sloop.store %s, %acc[%i] : memref<16xi32, #tmem.space<avx512>>
  }
  return
}

func.func @mask_fmadd_store_i32(%acc: memref<16xi32, #tmem.space<avx512>>,
    %lhs: memref<16xi32, #tmem.space<avx512>>,
    %rhs: memref<16xi32, #tmem.space<avx512>>,
    %lanes: index)
    attributes {usl.instruction = "avx512.mask_fmadd"} {
  sloop.for %i = 0 to 16 {
    sloop.if %i < %lanes {
      %c = sloop.load %acc[%i] : memref<16xi32, #tmem.space<avx512>>
      %a = sloop.load %lhs[%i] : memref<16xi32, #tmem.space<avx512>>
      %b = sloop.load %rhs[%i] : memref<16xi32, #tmem.space<avx512>>
      %p = arith.muli %a, %b : i32
      %s = arith.addi %c, %p : i32
      sloop.store %s, %acc[%i] : memref<16xi32, #tmem.space<avx512>>
    }
  }
  return
}
