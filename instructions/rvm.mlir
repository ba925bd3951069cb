// The RVM instructions as scheduled loops. Each function is one
// instruction: its `usl.instruction` attribute names the rvm op, its
// arguments are the op's operands in order, and its body is what the
// instruction computes. --lower-rvm replaces every loop nest of a program
// that computes the same, on tiles in rvm_tile and windows of ordinary
// buffers with contiguous rows, by the instruction.
//
// Instructions are added the same way, in a file given to the pass:
//   usl-opt --lower-rvm="library=my-instructions.mlir"

func.func @mzero_i32(%tile: memref<4x4xi32, #tmem.space<rvm_tile>>)
    attributes {usl.instruction = "rvm.mzero"} {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.store %zero, %tile[%i, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
    }
  }
  return
}

func.func @mzero_f32(%tile: memref<4x4xf32, #tmem.space<rvm_tile>>)
    attributes {usl.instruction = "rvm.mzero"} {
  %zero = arith.constant 0.0 : f32
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.store %zero, %tile[%i, %j] : memref<4x4xf32, #tmem.space<rvm_tile>>
    }
  }
  return
}

// mld.w: 4 rows of 16 bytes, as i32, f32, i16 or i8 elements.
func.func @mld_i32(%tile: memref<4x4xi32, #tmem.space<rvm_tile>>,
                   %window: memref<4x4xi32>)
    attributes {usl.instruction = "rvm.mld.w"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      %v = sloop.load %window[%i, %j] : memref<4x4xi32>
      sloop.store %v, %tile[%i, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
    }
  }
  return
}

func.func @mld_f32(%tile: memref<4x4xf32, #tmem.space<rvm_tile>>,
                   %window: memref<4x4xf32>)
    attributes {usl.instruction = "rvm.mld.w"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      %v = sloop.load %window[%i, %j] : memref<4x4xf32>
      sloop.store %v, %tile[%i, %j] : memref<4x4xf32, #tmem.space<rvm_tile>>
    }
  }
  return
}

func.func @mld_i16(%tile: memref<4x8xi16, #tmem.space<rvm_tile>>,
                   %window: memref<4x8xi16>)
    attributes {usl.instruction = "rvm.mld.w"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 8 {
      %v = sloop.load %window[%i, %j] : memref<4x8xi16>
      sloop.store %v, %tile[%i, %j] : memref<4x8xi16, #tmem.space<rvm_tile>>
    }
  }
  return
}

func.func @mld_i8(%tile: memref<4x16xi8, #tmem.space<rvm_tile>>,
                  %window: memref<4x16xi8>)
    attributes {usl.instruction = "rvm.mld.w"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 16 {
      %v = sloop.load %window[%i, %j] : memref<4x16xi8>
      sloop.store %v, %tile[%i, %j] : memref<4x16xi8, #tmem.space<rvm_tile>>
    }
  }
  return
}

// mst.w: the accumulators back to memory.
func.func @mst_i32(%tile: memref<4x4xi32, #tmem.space<rvm_tile>>,
                   %window: memref<4x4xi32>)
    attributes {usl.instruction = "rvm.mst.w"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      %v = sloop.load %tile[%i, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
      sloop.store %v, %window[%i, %j] : memref<4x4xi32>
    }
  }
  return
}

func.func @mst_f32(%tile: memref<4x4xf32, #tmem.space<rvm_tile>>,
                   %window: memref<4x4xf32>)
    attributes {usl.instruction = "rvm.mst.w"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      %v = sloop.load %tile[%i, %j] : memref<4x4xf32, #tmem.space<rvm_tile>>
      sloop.store %v, %window[%i, %j] : memref<4x4xf32>
    }
  }
  return
}

// The multiply-accumulates: acc += lhs * rhs^T.
func.func @mmasa_w(%acc: memref<4x4xi32, #tmem.space<rvm_tile>>,
                   %lhs: memref<4x4xi32, #tmem.space<rvm_tile>>,
                   %rhs: memref<4x4xi32, #tmem.space<rvm_tile>>)
    attributes {usl.instruction = "rvm.mmasa.w"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.for %k = 0 to 4 {
        %a = sloop.load %lhs[%i, %k] : memref<4x4xi32, #tmem.space<rvm_tile>>
        %b = sloop.load %rhs[%j, %k] : memref<4x4xi32, #tmem.space<rvm_tile>>
        %p = arith.muli %a, %b : i32
        sloop.reduce add %p, %acc[%i, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
      }
    }
  }
  return
}

func.func @fmmacc_s(%acc: memref<4x4xf32, #tmem.space<rvm_tile>>,
                    %lhs: memref<4x4xf32, #tmem.space<rvm_tile>>,
                    %rhs: memref<4x4xf32, #tmem.space<rvm_tile>>)
    attributes {usl.instruction = "rvm.fmmacc.s"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.for %k = 0 to 4 {
        %a = sloop.load %lhs[%i, %k] : memref<4x4xf32, #tmem.space<rvm_tile>>
        %b = sloop.load %rhs[%j, %k] : memref<4x4xf32, #tmem.space<rvm_tile>>
        %p = arith.mulf %a, %b : f32
        sloop.reduce add %p, %acc[%i, %j] : memref<4x4xf32, #tmem.space<rvm_tile>>
      }
    }
  }
  return
}

func.func @mmada_h(%acc: memref<4x4xi32, #tmem.space<rvm_tile>>,
                   %lhs: memref<4x8xi16, #tmem.space<rvm_tile>>,
                   %rhs: memref<4x8xi16, #tmem.space<rvm_tile>>)
    attributes {usl.instruction = "rvm.mmada.h"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.for %k = 0 to 8 {
        %a = sloop.load %lhs[%i, %k] : memref<4x8xi16, #tmem.space<rvm_tile>>
        %b = sloop.load %rhs[%j, %k] : memref<4x8xi16, #tmem.space<rvm_tile>>
        %a32 = arith.extsi %a : i16 to i32
        %b32 = arith.extsi %b : i16 to i32
        %p = arith.muli %a32, %b32 : i32
        sloop.reduce add %p, %acc[%i, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
      }
    }
  }
  return
}

func.func @mmaqa_b(%acc: memref<4x4xi32, #tmem.space<rvm_tile>>,
                   %lhs: memref<4x16xi8, #tmem.space<rvm_tile>>,
                   %rhs: memref<4x16xi8, #tmem.space<rvm_tile>>)
    attributes {usl.instruction = "rvm.mmaqa.b"} {
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 4 {
      sloop.for %k = 0 to 16 {
        %a = sloop.load %lhs[%i, %k] : memref<4x16xi8, #tmem.space<rvm_tile>>
        %b = sloop.load %rhs[%j, %k] : memref<4x16xi8, #tmem.space<rvm_tile>>
        %a32 = arith.extsi %a : i8 to i32
        %b32 = arith.extsi %b : i8 to i32
        %p = arith.muli %a32, %b32 : i32
        sloop.reduce add %p, %acc[%i, %j] : memref<4x4xi32, #tmem.space<rvm_tile>>
      }
    }
  }
  return
}
