// RUN: usl-opt %s --split-input-file --verify-diagnostics --compute-at="buffer=t loop=io"

func.func @read_after(%in: memref<8xf32>, %out: memref<8xf32>) {
  %t = sloop.alloc : memref<8xf32>
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<8xf32>
    sloop.store %v, %t[%x] : memref<8xf32>
  }
  // expected-error @+1 {{cannot compute 't' at loop 'io': it is also read outside the loop; no loop can compute it}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io] : memref<8xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  %w = sloop.load %t[0] : memref<8xf32>
  sloop.store %w, %out[0] : memref<8xf32>
  return
}

// -----

func.func @reduction(%in: memref<8x4xf32>, %out: memref<8xf32>, %z: f32) {
  %t = sloop.alloc : memref<8xf32>
  sloop.for %x = 0 to 8 {
    sloop.store %z, %t[%x] : memref<8xf32>
    sloop.for %r = 0 to 4 {
      %v = sloop.load %in[%x, %r] : memref<8x4xf32>
      sloop.reduce add %v, %t[%x] : memref<8xf32>
    }
  }
  // expected-error @+1 {{it is not written by exactly one store (reductions are not supported yet)}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io] : memref<8xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @after(%in: memref<8xf32>, %out: memref<8xf32>) {
  %t = sloop.alloc : memref<8xf32>
  // expected-error @+1 {{the nest computing it does not come before the loop}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io] : memref<8xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<8xf32>
    sloop.store %v, %t[%x] : memref<8xf32>
  }
  return
}

// -----

func.func @parallel(%in: memref<10xf32>, %out: memref<8xf32>) {
  %t = sloop.alloc : memref<10xf32>
  sloop.for %x = 0 to 10 {
    %v = sloop.load %in[%x] : memref<10xf32>
    sloop.store %v, %t[%x] : memref<10xf32>
  }
  // expected-error @+1 {{it would be computed by parallel iterations (compute it at the loop first, then parallelize)}}
  sloop.for %io = 0 to 4 par {
    sloop.for %ii = 0 to 2 {
      %a = sloop.load %t[%io * 2 + %ii] : memref<10xf32>
      %b = sloop.load %t[%io * 2 + %ii + 2] : memref<10xf32>
      %s = arith.addf %a, %b : f32
      sloop.store %s, %out[%io * 2 + %ii] : memref<8xf32>
    }
  }
  return
}

// -----

func.func @input_overwritten(%in: memref<8xf32>, %out: memref<8xf32>, %z: f32) {
  %t = sloop.alloc : memref<8xf32>
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<8xf32>
    sloop.store %v, %t[%x] : memref<8xf32>
  }
  sloop.store %z, %in[0] : memref<8xf32>
  // expected-error @+1 {{code between it and the loop writes a buffer its nest reads}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io] : memref<8xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @in_place(%in: memref<8xf32>) {
  %t = sloop.alloc : memref<8xf32>
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<8xf32>
    sloop.store %v, %t[%x] : memref<8xf32>
  }
  // expected-error @+1 {{code between it and the loop writes a buffer its nest reads}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io] : memref<8xf32>
    sloop.store %v, %in[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @two_outputs(%in: memref<8xf32>, %out: memref<8xf32>, %side: memref<8xf32>) {
  %t = sloop.alloc : memref<8xf32>
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<8xf32>
    sloop.store %v, %t[%x] : memref<8xf32>
    sloop.store %v, %side[%x] : memref<8xf32>
  }
  // expected-error @+1 {{the nest computing it also writes other buffers}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io] : memref<8xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @strided_store(%in: memref<16xf32>, %out: memref<8xf32>) {
  %t = sloop.alloc : memref<16xf32>
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<16xf32>
    sloop.store %v, %t[%x * 2] : memref<16xf32>
  }
  // expected-error @+1 {{its store is not at a loop variable plus a constant in every dimension}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io * 2] : memref<16xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @unbounded_window(%in: memref<?xf32>, %out: memref<?xf32>, %n: index) {
  %t = sloop.alloc(%n) : memref<?xf32>
  sloop.for %x = 0 to %n {
    %v = sloop.load %in[%x] : memref<?xf32>
    sloop.store %v, %t[%x] : memref<?xf32>
  }
  // expected-error @+1 {{a read's index is not an affine function of loops with constant bounds inside the loop; it can be computed at loop 'i'}}
  sloop.for %io = 0 to 1 {
    sloop.for %i = 0 to %n {
      %v = sloop.load %t[%i] : memref<?xf32>
      sloop.store %v, %out[%i] : memref<?xf32>
    }
  }
  return
}

// -----

func.func @offsets_differ(%in: memref<16xf32>, %out: memref<8xf32>) {
  %t = sloop.alloc : memref<16xf32>
  sloop.for %x = 0 to 16 {
    %v = sloop.load %in[%x] : memref<16xf32>
    sloop.store %v, %t[%x] : memref<16xf32>
  }
  // expected-error @+1 {{its reads are at offsets that differ by more than a constant}}
  sloop.for %io = 0 to 8 {
    %a = sloop.load %t[%io] : memref<16xf32>
    %b = sloop.load %t[%io * 2] : memref<16xf32>
    %s = arith.addf %a, %b : f32
    sloop.store %s, %out[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @no_buffer(%in: memref<8xf32>, %out: memref<8xf32>) {
  // expected-error @+1 {{'compute-at': no buffer 't' is visible at loop 'io'}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %in[%io] : memref<8xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @load_outside_guard(%in: memref<8xf32>, %out: memref<8x4xf32>) {
  %t = sloop.alloc : memref<8x4xf32>
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<8xf32>
    sloop.for %y = 0 to 4 {
      sloop.store %v, %t[%x, %y] : memref<8x4xf32>
    }
  }
  // expected-error @+1 {{its nest reads or divides outside the loop around its store (move that into the loop first)}}
  sloop.for %io = 0 to 7 {
    sloop.for %y = 0 to 4 {
      %a = sloop.load %t[%io, %y] : memref<8x4xf32>
      %b = sloop.load %t[%io + 1, %y] : memref<8x4xf32>
      %s = arith.addf %a, %b : f32
      sloop.store %s, %out[%io, %y] : memref<8x4xf32>
    }
  }
  return
}

// -----

func.func @argument(%in: memref<8xf32>, %t: memref<8xf32> {sloop.name = "t"}, %out: memref<8xf32>) {
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<8xf32>
    sloop.store %v, %t[%x] : memref<8xf32>
  }
  // expected-error @+1 {{only a buffer of the function's own (sloop.alloc) can be computed in part; its caller sees all of an argument}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io] : memref<8xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @legal_inside(%in: memref<34xf32>, %out: memref<?x8xf32>, %n: index) {
  %t = sloop.alloc : memref<34xf32>
  sloop.for %x = 0 to 34 {
    %v = sloop.load %in[%x] : memref<34xf32>
    sloop.store %v, %t[%x] : memref<34xf32>
  }
  // expected-error @+1 {{cannot compute 't' at loop 'io': a read's index is not an affine function of loops with constant bounds inside the loop; it can be computed at loops 'j', 'k'}}
  sloop.for %io = 0 to 2 {
    sloop.for %j = 0 to %n {
      sloop.for %k = 0 to 8 {
        %a = sloop.load %t[%j + %k] : memref<34xf32>
        %b = sloop.load %t[%j + %k + 2] : memref<34xf32>
        %s = arith.addf %a, %b : f32
        sloop.store %s, %out[%j, %k] : memref<?x8xf32>
      }
    }
  }
  return
}

// -----

func.func @opaque_write(%in: memref<8xf32>, %out: memref<8xf32>, %src: memref<8xf32>) {
  %t = sloop.alloc : memref<8xf32>
  sloop.for %x = 0 to 8 {
    %v = sloop.load %in[%x] : memref<8xf32>
    sloop.store %v, %t[%x] : memref<8xf32>
  }
  memref.copy %src, %in : memref<8xf32> to memref<8xf32>
  // expected-error @+1 {{code between it and the loop writes a buffer its nest reads}}
  sloop.for %io = 0 to 8 {
    %v = sloop.load %t[%io] : memref<8xf32>
    sloop.store %v, %out[%io] : memref<8xf32>
  }
  return
}

// -----

func.func @written_through_alias(%in: memref<17xf32>, %out: memref<16xf32>) {
  %t = sloop.alloc : memref<16xf32>
  %w = tmem.window %in[0] [16] : memref<17xf32>
  sloop.for %x = 0 to 16 {
    %v = sloop.load %w[%x] : memref<16xf32, strided<[1], offset: ?>>
    sloop.store %v, %t[%x] : memref<16xf32>
  }
  // expected-error @+1 {{code between it and the loop writes a buffer its nest reads}}
  sloop.for %io = 0 to 4 {
    sloop.for %ii = 0 to 4 {
      %a = sloop.load %t[%io * 4 + %ii] : memref<16xf32>
      sloop.store %a, %in[%io * 4 + %ii + 1] : memref<17xf32>
    }
  }
  return
}
