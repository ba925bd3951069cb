// RUN: usl-opt %s --split-input-file --verify-diagnostics --remove-loop=loop=i

func.func @uses_variable(%T: memref<4xf32>, %v: f32) {
  // expected-error @+1 {{cannot remove loop 'i': its body uses its variable}}
  sloop.for %i = 0 to 4 {
    sloop.store %v, %T[%i] : memref<4xf32>
  }
  return
}

// -----

func.func @accumulates(%T: memref<4xf32>, %v: f32) {
  // expected-error @+1 {{cannot remove loop 'i': its body reads argument 0, which it also writes, so running it again may change the result}}
  sloop.for %i = 0 to 4 {
    sloop.reduce add %v, %T[0] : memref<4xf32>
  }
  return
}

// -----

func.func @maybe_empty(%T: memref<4xf32>, %v: f32, %n: index) {
  // expected-error @+1 {{cannot remove loop 'i': it may run no iteration}}
  sloop.for %i = 0 to %n {
    sloop.store %v, %T[0] : memref<4xf32>
  }
  return
}

// -----

// x and a window of x are one buffer.
func.func @through_window(%T: memref<8xf32>) {
  %w = tmem.window %T[4] [4] : memref<8xf32>
  // expected-error @+1 {{cannot remove loop 'i': its body reads argument 0, which it also writes, so running it again may change the result}}
  sloop.for %i = 0 to 4 {
    %x = sloop.load %w[0] : memref<4xf32, strided<[1], offset: ?>>
    %y = arith.addf %x, %x : f32
    sloop.store %y, %T[4] : memref<8xf32>
  }
  return
}

// -----

func.func @marked(%S: memref<4xf32> {usl.may_alias}, %T: memref<4xf32> {usl.may_alias}) {
  // expected-error @+1 {{cannot remove loop 'i': its body reads argument 0 and writes argument 1, which may be the same memory, so running it again may change the result}}
  sloop.for %i = 0 to 4 {
    %x = sloop.load %S[0] : memref<4xf32>
    %y = arith.addf %x, %x : f32
    sloop.store %y, %T[0] : memref<4xf32>
  }
  return
}

// -----

func.func private @log(f32)

func.func @calls(%T: memref<4xf32>, %v: f32) {
  // expected-error @+1 {{cannot remove loop 'i': its body has ops whose effects are unknown ('func.call', line 64)}}
  sloop.for %i = 0 to 4 {
    func.call @log(%v) : (f32) -> ()
  }
  return
}

// -----

// Many buffers: none is dropped from the comparison (the last one read
// is the one written).
func.func @many(%v: f32) {
  %b0 = sloop.alloc : memref<f32>
  %b1 = sloop.alloc : memref<f32>
  %b2 = sloop.alloc : memref<f32>
  %b3 = sloop.alloc : memref<f32>
  %b4 = sloop.alloc : memref<f32>
  %b5 = sloop.alloc : memref<f32>
  %b6 = sloop.alloc : memref<f32>
  %b7 = sloop.alloc : memref<f32>
  %b8 = sloop.alloc : memref<f32>
  %b9 = sloop.alloc : memref<f32>
  %b10 = sloop.alloc : memref<f32>
  %b11 = sloop.alloc : memref<f32>
  %b12 = sloop.alloc : memref<f32>
  %b13 = sloop.alloc : memref<f32>
  %b14 = sloop.alloc : memref<f32>
  %b15 = sloop.alloc : memref<f32>
  %b16 = sloop.alloc : memref<f32>
  %b17 = sloop.alloc : memref<f32>
  %b18 = sloop.alloc : memref<f32>
  %b19 = sloop.alloc : memref<f32>
  %b20 = sloop.alloc : memref<f32>
  %b21 = sloop.alloc : memref<f32>
  %b22 = sloop.alloc : memref<f32>
  %b23 = sloop.alloc : memref<f32>
  %b24 = sloop.alloc : memref<f32>
  %b25 = sloop.alloc : memref<f32>
  %b26 = sloop.alloc : memref<f32>
  %b27 = sloop.alloc : memref<f32>
  %b28 = sloop.alloc : memref<f32>
  %b29 = sloop.alloc : memref<f32>
  %b30 = sloop.alloc : memref<f32>
  %b31 = sloop.alloc : memref<f32>
  %b32 = sloop.alloc : memref<f32>
  %b33 = sloop.alloc : memref<f32>
  %b34 = sloop.alloc : memref<f32>
  %b35 = sloop.alloc : memref<f32>
  %b36 = sloop.alloc : memref<f32>
  %b37 = sloop.alloc : memref<f32>
  %b38 = sloop.alloc : memref<f32>
  %b39 = sloop.alloc : memref<f32>
  %b40 = sloop.alloc : memref<f32>
  %b41 = sloop.alloc : memref<f32>
  %b42 = sloop.alloc : memref<f32>
  %b43 = sloop.alloc : memref<f32>
  %b44 = sloop.alloc : memref<f32>
  %b45 = sloop.alloc : memref<f32>
  %b46 = sloop.alloc : memref<f32>
  %b47 = sloop.alloc : memref<f32>
  %b48 = sloop.alloc : memref<f32>
  %b49 = sloop.alloc : memref<f32>
  %b50 = sloop.alloc : memref<f32>
  %b51 = sloop.alloc : memref<f32>
  %b52 = sloop.alloc : memref<f32>
  %b53 = sloop.alloc : memref<f32>
  %b54 = sloop.alloc : memref<f32>
  %b55 = sloop.alloc : memref<f32>
  %b56 = sloop.alloc : memref<f32>
  %b57 = sloop.alloc : memref<f32>
  %b58 = sloop.alloc : memref<f32>
  %b59 = sloop.alloc : memref<f32>
  %b60 = sloop.alloc : memref<f32>
  %b61 = sloop.alloc : memref<f32>
  %b62 = sloop.alloc : memref<f32>
  %b63 = sloop.alloc : memref<f32>
  %b64 = sloop.alloc : memref<f32>
  %b65 = sloop.alloc : memref<f32>
  %b66 = sloop.alloc : memref<f32>
  %b67 = sloop.alloc : memref<f32>
  %b68 = sloop.alloc : memref<f32>
  %b69 = sloop.alloc : memref<f32>
  // expected-error @+1 {{cannot remove loop 'i': its body reads 'b69', which it also writes}}
  sloop.for %i = 0 to 4 {
    %x0 = sloop.load %b0[] : memref<f32>
    %x1 = sloop.load %b1[] : memref<f32>
    %x2 = sloop.load %b2[] : memref<f32>
    %x3 = sloop.load %b3[] : memref<f32>
    %x4 = sloop.load %b4[] : memref<f32>
    %x5 = sloop.load %b5[] : memref<f32>
    %x6 = sloop.load %b6[] : memref<f32>
    %x7 = sloop.load %b7[] : memref<f32>
    %x8 = sloop.load %b8[] : memref<f32>
    %x9 = sloop.load %b9[] : memref<f32>
    %x10 = sloop.load %b10[] : memref<f32>
    %x11 = sloop.load %b11[] : memref<f32>
    %x12 = sloop.load %b12[] : memref<f32>
    %x13 = sloop.load %b13[] : memref<f32>
    %x14 = sloop.load %b14[] : memref<f32>
    %x15 = sloop.load %b15[] : memref<f32>
    %x16 = sloop.load %b16[] : memref<f32>
    %x17 = sloop.load %b17[] : memref<f32>
    %x18 = sloop.load %b18[] : memref<f32>
    %x19 = sloop.load %b19[] : memref<f32>
    %x20 = sloop.load %b20[] : memref<f32>
    %x21 = sloop.load %b21[] : memref<f32>
    %x22 = sloop.load %b22[] : memref<f32>
    %x23 = sloop.load %b23[] : memref<f32>
    %x24 = sloop.load %b24[] : memref<f32>
    %x25 = sloop.load %b25[] : memref<f32>
    %x26 = sloop.load %b26[] : memref<f32>
    %x27 = sloop.load %b27[] : memref<f32>
    %x28 = sloop.load %b28[] : memref<f32>
    %x29 = sloop.load %b29[] : memref<f32>
    %x30 = sloop.load %b30[] : memref<f32>
    %x31 = sloop.load %b31[] : memref<f32>
    %x32 = sloop.load %b32[] : memref<f32>
    %x33 = sloop.load %b33[] : memref<f32>
    %x34 = sloop.load %b34[] : memref<f32>
    %x35 = sloop.load %b35[] : memref<f32>
    %x36 = sloop.load %b36[] : memref<f32>
    %x37 = sloop.load %b37[] : memref<f32>
    %x38 = sloop.load %b38[] : memref<f32>
    %x39 = sloop.load %b39[] : memref<f32>
    %x40 = sloop.load %b40[] : memref<f32>
    %x41 = sloop.load %b41[] : memref<f32>
    %x42 = sloop.load %b42[] : memref<f32>
    %x43 = sloop.load %b43[] : memref<f32>
    %x44 = sloop.load %b44[] : memref<f32>
    %x45 = sloop.load %b45[] : memref<f32>
    %x46 = sloop.load %b46[] : memref<f32>
    %x47 = sloop.load %b47[] : memref<f32>
    %x48 = sloop.load %b48[] : memref<f32>
    %x49 = sloop.load %b49[] : memref<f32>
    %x50 = sloop.load %b50[] : memref<f32>
    %x51 = sloop.load %b51[] : memref<f32>
    %x52 = sloop.load %b52[] : memref<f32>
    %x53 = sloop.load %b53[] : memref<f32>
    %x54 = sloop.load %b54[] : memref<f32>
    %x55 = sloop.load %b55[] : memref<f32>
    %x56 = sloop.load %b56[] : memref<f32>
    %x57 = sloop.load %b57[] : memref<f32>
    %x58 = sloop.load %b58[] : memref<f32>
    %x59 = sloop.load %b59[] : memref<f32>
    %x60 = sloop.load %b60[] : memref<f32>
    %x61 = sloop.load %b61[] : memref<f32>
    %x62 = sloop.load %b62[] : memref<f32>
    %x63 = sloop.load %b63[] : memref<f32>
    %x64 = sloop.load %b64[] : memref<f32>
    %x65 = sloop.load %b65[] : memref<f32>
    %x66 = sloop.load %b66[] : memref<f32>
    %x67 = sloop.load %b67[] : memref<f32>
    %x68 = sloop.load %b68[] : memref<f32>
    %x69 = sloop.load %b69[] : memref<f32>
    %y = arith.addf %x69, %v : f32
    sloop.store %y, %b69[] : memref<f32>
  }
  return
}
