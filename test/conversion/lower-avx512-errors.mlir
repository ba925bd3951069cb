// RUN: usl-opt %s --split-input-file --verify-diagnostics --lower-avx512

// Tests that nests which almost compute what an AVX-512 instruction
// computes are not selected -- the register access they keep is then the
// error -- and that more than 32 live registers are an error.

// A scalar op reading a register.
func.func @scalar_read(%S: memref<1xf32>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %zero = arith.constant 0.0 : f32
  sloop.for %l = 0 to 16 {
    sloop.store %zero, %r[%l] : memref<16xf32, #tmem.space<avx512>>
  }
  // expected-error @+1 {{buffer 'r' lives in AVX-512 registers: only AVX-512 instructions may access it, not sloop.load}}
  %v = sloop.load %r[3] : memref<16xf32, #tmem.space<avx512>>
  sloop.store %v, %S[0] : memref<1xf32>
  return
}

// -----

// Lanes two elements apart: no unit-stride load.
func.func @stride_two(%X: memref<32xf32>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  sloop.for %l = 0 to 16 {
    %v = sloop.load %X[%l * 2] : memref<32xf32>
    // expected-error @+1 {{buffer 'r' lives in AVX-512 registers: only AVX-512 instructions may access it, not sloop.store}}
    sloop.store %v, %r[%l] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

// -----

// Eight lanes are not a register.
func.func @eight_lanes(%X: memref<16xf32>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  sloop.for %l = 0 to 8 {
    %v = sloop.load %X[%l] : memref<16xf32>
    // expected-error @+1 {{buffer 'r' lives in AVX-512 registers: only AVX-512 instructions may access it, not sloop.store}}
    sloop.store %v, %r[%l] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

// -----

// A guard on twice the lane is not a mask of the first lanes.
func.func @guard_on_twice_the_lane(%X: memref<16xf32>, %n: index) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  sloop.for %l = 0 to 16 {
    sloop.if %l * 2 < %n {
      %v = sloop.load %X[%l] : memref<16xf32>
      // expected-error @+1 {{buffer 'r' lives in AVX-512 registers: only AVX-512 instructions may access it, not sloop.store}}
      sloop.store %v, %r[%l] : memref<16xf32, #tmem.space<avx512>>
    }
  }
  return
}

// -----

// A guard from the other end (the last lanes) is not a mask either.
func.func @last_lanes(%X: memref<16xf32>, %n: index) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  sloop.for %l = 0 to 16 {
    sloop.if %l >= %n {
      %v = sloop.load %X[%l] : memref<16xf32>
      // expected-error @+1 {{buffer 'r' lives in AVX-512 registers: only AVX-512 instructions may access it, not sloop.store}}
      sloop.store %v, %r[%l] : memref<16xf32, #tmem.space<avx512>>
    }
  }
  return
}

// -----

// arith.maximumf propagates NaN; vmaxps does not: not the max instruction.
func.func @maximumf(%X: memref<16xf32>) {
  %a = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %x = tmem.window %X[0] [16] : memref<16xf32>
  avx512.loadu %a, %x : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, strided<[1], offset: ?>>
  sloop.for %l = 0 to 16 {
    // expected-error @+1 {{buffer 'a' lives in AVX-512 registers: only AVX-512 instructions may access it, not sloop.load}}
    %v = sloop.load %a[%l] : memref<16xf32, #tmem.space<avx512>>
    %m = arith.maximumf %v, %v : f32
    sloop.store %m, %a[%l] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

// -----

// Lanes reversed: a[l] := b[15 - l].
func.func @reversed(%X: memref<16xf32>) {
  %a = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %b = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %x = tmem.window %X[0] [16] : memref<16xf32>
  avx512.loadu %b, %x : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, strided<[1], offset: ?>>
  sloop.for %l = 0 to 16 {
    // expected-error @+1 {{buffer 'b' lives in AVX-512 registers: only AVX-512 instructions may access it, not sloop.load}}
    %v = sloop.load %b[15 - %l] : memref<16xf32, #tmem.space<avx512>>
    %w = sloop.load %b[%l] : memref<16xf32, #tmem.space<avx512>>
    %s = arith.addf %v, %w : f32
    sloop.store %s, %a[%l] : memref<16xf32, #tmem.space<avx512>>
  }
  return
}

// -----

// 33 accumulators live across one loop.
func.func @thirty_three_live(%C: memref<33x16xf32>) {
  %acc = sloop.alloc : memref<33x16xf32, #tmem.space<avx512>>
  %zero = arith.constant 0.0 : f32
  // The expanded copies of the first unroll loop keep its body's location.
  // expected-error @+2 {{more than 32 AVX-512 registers live here: 'acc_0', 'acc_1', 'acc_2', 'acc_3', 'acc_4', 'acc_5', 'acc_6', 'acc_7', 'acc_8', 'acc_9', 'acc_10', 'acc_11', 'acc_12', 'acc_13', 'acc_14', 'acc_15', 'acc_16', 'acc_17', 'acc_18', 'acc_19', 'acc_20', 'acc_21', 'acc_22', 'acc_23', 'acc_24', 'acc_25', 'acc_26', 'acc_27', 'acc_28', 'acc_29', 'acc_30', 'acc_31', 'acc_32'}}
  sloop.for %u = 0 to 33 unroll {
    sloop.for %l = 0 to 16 {
      sloop.store %zero, %acc[%u, %l] : memref<33x16xf32, #tmem.space<avx512>>
    }
  }
  sloop.for %u = 0 to 33 unroll {
    sloop.for %l = 0 to 16 {
      %v = sloop.load %acc[%u, %l] : memref<33x16xf32, #tmem.space<avx512>>
      sloop.store %v, %C[%u, %l] : memref<33x16xf32>
    }
  }
  return
}
