// RUN: usl-opt %s --split-input-file --verify-diagnostics --parallelize=loop=i
// Buffers of every origin have their own identity in the dependence
// analysis (analysis/memory.h): allocations, globals and views of
// arguments are checked exactly, and an access the model cannot follow is
// refused with the op that made it so.

func.func @stencil_in_alloc() {
  %a = memref.alloc() : memref<16x16xf32>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.store' (line 13) writes element [1, 1] of the memref.alloc at line 8 in iteration (i = 1, j = 1), and 'sloop.load' (line 12) reads it in iteration (i = 2, j = 0)}}
  sloop.for %i = 1 to 16 {
    sloop.for %j = 0 to 15 {
      %v = sloop.load %a[%i - 1, %j + 1] : memref<16x16xf32>
      sloop.store %v, %a[%i, %j] : memref<16x16xf32>
    }
  }
  memref.dealloc %a : memref<16x16xf32>
  return
}

// -----

func.func @sum_in_alloca(%A: memref<16xf32>) {
  %s = memref.alloca() : memref<1xf32>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.reduce' (line 27) updates element [0] of the memref.alloca at line 23 in iteration (i = 0), and 'sloop.reduce' (line 27) updates it in iteration (i = 1)}}
  sloop.for %i = 0 to 16 {
    %v = sloop.load %A[%i] : memref<16xf32>
    sloop.reduce add %v, %s[0] : memref<1xf32>
  }
  return
}

// -----

memref.global "private" @g : memref<17xf32> = dense<0.0>

// Two get_global of one symbol are one buffer.
func.func @global_twice() {
  %g = memref.get_global @g : memref<17xf32>
  %h = memref.get_global @g : memref<17xf32>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.store' (line 43) writes element [1] of global @g in iteration (i = 0), and 'sloop.load' (line 42) reads it in iteration (i = 1)}}
  sloop.for %i = 0 to 16 {
    %v = sloop.load %g[%i] : memref<17xf32>
    sloop.store %v, %h[%i + 1] : memref<17xf32>
  }
  return
}

// -----

// A subview one element in: writing s[i] writes A[i + 1].
func.func @subview_shift(%A: memref<17xf32>) {
  %s = memref.subview %A[1] [16] [1] : memref<17xf32> to memref<16xf32, strided<[1], offset: 1>>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.store' (line 56) writes element [1] of argument 0 in iteration (i = 0), and 'sloop.load' (line 55) reads it in iteration (i = 1)}}
  sloop.for %i = 0 to 16 {
    %v = sloop.load %A[%i] : memref<17xf32>
    sloop.store %v, %s[%i] : memref<16xf32, strided<[1], offset: 1>>
  }
  return
}

// -----

// A window of a window, and a cast: A[i + 2] through two offsets of 1.
func.func @windows_and_casts(%A: memref<20xf32>) {
  %w = tmem.window %A[1] [18] : memref<20xf32>
  %x = tmem.window %w[1] [16] : memref<18xf32, strided<[1], offset: ?>>
  %c = memref.cast %x : memref<16xf32, strided<[1], offset: ?>> to memref<?xf32, strided<[1], offset: ?>>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.store' (line 71) writes element [2] of argument 0 in iteration (i = 0), and 'sloop.load' (line 70) reads it in iteration (i = 2)}}
  sloop.for %i = 0 to 16 {
    %v = sloop.load %A[%i] : memref<20xf32>
    sloop.store %v, %c[%i] : memref<?xf32, strided<[1], offset: ?>>
  }
  return
}

// -----

// expand_shape: e[i, j] is A[4 i + j]; the row i + 1 starts where row i ends.
func.func @expanded(%A: memref<20xf32>) {
  %s = memref.subview %A[0] [16] [1] : memref<20xf32> to memref<16xf32, strided<[1]>>
  %e = memref.expand_shape %s [[0, 1]] output_shape [4, 4] : memref<16xf32, strided<[1]>> into memref<4x4xf32>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.store' (line 85) writes element [4] of argument 0 in iteration (i = 0), and 'sloop.load' (line 84) reads it in iteration (i = 1)}}
  sloop.for %i = 0 to 4 {
    %w = sloop.load %e[%i, 0] : memref<4x4xf32>
    sloop.store %w, %A[4 * %i + 4] : memref<20xf32>
  }
  return
}

// -----

func.func @relayout(%A: memref<16xf32>, %B: memref<16xf32>) {
  %r = memref.reinterpret_cast %A to offset: [0], sizes: [4, 4], strides: [4, 1] : memref<16xf32> to memref<4x4xf32>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.store' (line 97) may write element [0] of argument 0 in iteration (i = 0), and 'sloop.store' (line 97) may write it in iteration (i = 1) (assumed conservatively: 'memref.reinterpret_cast' (line 93): it lays the buffer out anew)}}
  sloop.for %i = 0 to 4 {
    %v = sloop.load %B[%i] : memref<16xf32>
    sloop.store %v, %r[%i, 0] : memref<4x4xf32>
  }
  return
}

// -----

// Arguments marked usl.may_alias may overlap each other.
func.func @marked(%A: memref<16xf32> {usl.may_alias}, %B: memref<16xf32> {usl.may_alias}) {
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.load' (line 108) may read element [1] of argument 1 in iteration (i = 0), and 'sloop.store' (line 109) may write it in iteration (i = 1) (assumed conservatively: 'sloop.load' (line 108): its argument is marked usl.may_alias, so it may overlap any other argument so marked)}}
  sloop.for %i = 0 to 16 {
    %v = sloop.load %A[%i] : memref<16xf32>
    sloop.store %v, %B[%i] : memref<16xf32>
  }
  return
}

// -----

func.func private @make() -> memref<16xf32>

// A memref returned by a call may be any argument.
func.func @untraced(%A: memref<16xf32>) {
  %m = func.call @make() : () -> memref<16xf32>
  // expected-error @+1 {{cannot parallelize loop 'i': 'sloop.load' (line 123) may read element [1] of the memref from the func.call at line 120 in iteration (i = 0), and 'sloop.store' (line 124) may write it in iteration (i = 1) (assumed conservatively: 'func.call' (line 120): this memref cannot be traced to a buffer, so it may be any argument, global or escaping buffer)}}
  sloop.for %i = 0 to 16 {
    %v = sloop.load %A[%i] : memref<16xf32>
    sloop.store %v, %m[%i] : memref<16xf32>
  }
  return
}

