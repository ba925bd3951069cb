// RUN: usl-opt %s --split-input-file --verify-diagnostics --convert-avx512 | FileCheck %s

// Tests that AVX-512 ops become upstream vector ops on the registers, which
// become ordinary buffers (marked usl.register, outside the stack budget):
// masks from the lane count, masked loads with the register's old lanes or
// zeros passing through, broadcasts of a scalar load, fused multiply-adds,
// and vmaxps's select(a > b, a, b). Memory
// operands are read at their window's place in the buffer itself (no view).
// CHECK-LABEL: func @ops
// CHECK:      %[[R:.*]] = sloop.alloc {usl.register} : memref<16xf32>
// CHECK:      %[[M:.*]] = vector.create_mask %{{.*}} : vector<16xi1>
// CHECK:      vector.maskedload %{{.*}}, %[[M]], %{{.*}} : memref<16xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
// CHECK:      %[[S:.*]] = memref.load %{{.*}} : memref<1xf32>
// CHECK:      vector.broadcast %[[S]] : f32 to vector<16xf32>
// CHECK:      vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<16xf32>
// CHECK:      arith.cmpf ogt, %{{.*}}, %{{.*}} : vector<16xf32>
// CHECK-NEXT: arith.select
// CHECK:      vector.maskedstore
// CHECK-NOT:  avx512.
func.func @ops(%X: memref<16xf32>, %a: memref<1xf32>, %n: index) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %b = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %x = tmem.window %X[0] [16] : memref<16xf32>
  %s = tmem.window %a[0] [1] : memref<1xf32>
  avx512.mask_loadu %r, %x, lanes %n : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, strided<[1], offset: ?>>
  avx512.set1 %b, %s : memref<16xf32, #tmem.space<avx512>>, memref<1xf32, strided<[1], offset: ?>>
  avx512.fmadd acc %r, %b, %b : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  avx512.relu %r, %r : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  avx512.mask_storeu %r, %x, lanes %n : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, strided<[1], offset: ?>>
  return
}

// -----

// i32 lanes: the multiply-add is a multiply of the low halves (vpmulld)
// and an add, exact modulo 2^32; mul is arith.muli.
// CHECK-LABEL: func @i32_lanes
// CHECK:      %[[X:.*]] = vector.maskedload %{{.*}} : memref<16xi32>, vector<16xi1>, vector<16xi32> into vector<16xi32>
// CHECK:      %[[A:.*]] = vector.load
// CHECK:      %[[P:.*]] = arith.muli %{{.*}}, %{{.*}} : vector<16xi32>
// CHECK-NEXT: arith.addi %[[A]], %[[P]] : vector<16xi32>
// CHECK:      arith.muli %{{.*}}, %{{.*}} : vector<16xi32>
// CHECK-NOT:  vector.fma
func.func @i32_lanes(%X: memref<16xi32>, %n: index) {
  %x = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  %acc = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  %w = tmem.window %X[0] [16] : memref<16xi32>
  avx512.maskz_loadu %x, %w, lanes %n : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, strided<[1], offset: ?>>
  avx512.setzero %acc : memref<16xi32, #tmem.space<avx512>>
  avx512.fmadd acc %acc, %x, %x : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>
  avx512.mul %x, %x, %acc : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>
  avx512.storeu %x, %w : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, strided<[1], offset: ?>>
  return
}

// -----

// A window at run-time offsets: the ops address its buffer there and the
// window goes.
// CHECK-LABEL: func @window_offsets
// CHECK-NOT:  tmem.window
// CHECK:      %[[I:.*]] = affine.apply #{{.*}}(%{{.*}})
// CHECK-NEXT: vector.load %{{.*}}[%{{.*}}, %[[I]]] : memref<?x?xf32>, vector<16xf32>
// CHECK-NOT:  tmem.window
func.func @window_offsets(%A: memref<?x?xf32>, %i: index, %j: index) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %w = tmem.window %A[%i, %j * 16 + 3] [1, 16] : memref<?x?xf32>
  avx512.loadu %r, %w : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[?, 1], offset: ?>>
  avx512.storeu %r, %w : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[?, 1], offset: ?>>
  return
}

// -----

// A register touched by anything but an AVX-512 instruction is an error.
func.func @scalar_access(%S: memref<1xf32>) {
  %r = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  avx512.setzero %r : memref<16xf32, #tmem.space<avx512>>
  // expected-error @+1 {{buffer 'r' lives in AVX-512 registers: only AVX-512 instructions may access it, not sloop.load}}
  %v = sloop.load %r[0] : memref<16xf32, #tmem.space<avx512>>
  sloop.store %v, %S[0] : memref<1xf32>
  return
}
