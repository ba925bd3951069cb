// RUN: usl-opt %s --split-input-file --verify-diagnostics --stage-mem="loop=k buffer=C"

func.func @symbolic_range(%C: memref<?xf32> {sloop.name = "C"}, %n: index, %v: f32) {
  // expected-error @+1 {{cannot stage 'C' in loop 'k': loop 'k' has no constant, non-empty range}}
  sloop.for %k = 0 to %n {
    sloop.store %v, %C[%k] : memref<?xf32>
  }
  return
}

// -----

func.func @offsets_differ(%C: memref<16x16xf32> {sloop.name = "C"}, %v: f32) {
  sloop.for %i = 0 to 4 {
    // expected-error @+1 {{cannot stage 'C' in loop 'k': its accesses are at different offsets in dimension 0, so no one window holds them}}
    sloop.for %k = 0 to 4 {
      sloop.store %v, %C[%i, %k] : memref<16x16xf32>
      sloop.store %v, %C[%i * 2, %k] : memref<16x16xf32>
    }
  }
  return
}

// -----

func.func @mixed_term(%C: memref<64xf32> {sloop.name = "C"}, %v: f32) {
  sloop.for %i = 0 to 4 {
    // expected-error @+1 {{cannot stage 'C' in loop 'k': an index mixes loops inside and outside the staged loop in one term}}
    sloop.for %k = 0 to 4 {
      sloop.store %v, %C[(%i + %k) floordiv 2] : memref<64xf32>
    }
  }
  return
}

// -----

func.func @not_accessed(%C: memref<16xf32> {sloop.name = "C"}, %D: memref<16xf32>, %v: f32) {
  // expected-error @+1 {{cannot stage 'C' in loop 'k': the loop does not access it}}
  sloop.for %k = 0 to 4 {
    sloop.store %v, %D[%k] : memref<16xf32>
  }
  return
}

// -----

func.func @other_use(%C: memref<16xf32> {sloop.name = "C"}, %v: f32) {
  // expected-error @+1 {{cannot stage 'C' in loop 'k': 'memref.store' uses the buffer in a way staging cannot follow}}
  sloop.for %k = 0 to 4 {
    memref.store %v, %C[%k] : memref<16xf32>
  }
  return
}

// -----

func.func @par_race(%C: memref<16xf32> {sloop.name = "C"}, %v: f32) {
  sloop.for %i = 0 to 4 par {
    // expected-error @+1 {{cannot stage 'C' in loop 'k': copying the window back would make par loop 'i' race}}
    sloop.for %k = 0 to 4 {
      sloop.store %v, %C[%i * 2 + %k * 2] : memref<16xf32>
    }
  }
  return
}

// -----

// A window of C read in the loop would keep reading C, not the copy.
func.func @window_of_staged(%C: memref<16xf32> {sloop.name = "C"}, %B: memref<16xf32>) {
  %w = tmem.window %C[8] [8] : memref<16xf32>
  // expected-error @+1 {{cannot stage 'C' in loop 'k': 'sloop.load' (line 76) reaches argument 0 through another value, which staging would not redirect}}
  sloop.for %k = 0 to 8 {
    %a = sloop.load %C[%k] : memref<16xf32>
    %b = sloop.load %w[%k] : memref<8xf32, strided<[1], offset: ?>>
    %s = arith.addf %a, %b : f32
    sloop.store %s, %C[%k] : memref<16xf32>
  }
  return
}
