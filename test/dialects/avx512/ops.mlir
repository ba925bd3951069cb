// RUN: usl-opt %s | FileCheck %s
// RUN: usl-opt %s | usl-opt | FileCheck %s

// Tests every AVX-512 instruction on f32 x 16, i16 x 32 and i32 x 16
// registers, with windows of static and dynamic buffers and lane counts for
// the masks.
// CHECK-LABEL: func @instructions
func.func @instructions(%A: memref<?x?xf32>, %H: memref<64xi16>, %n: index) {
  %c0 = arith.constant 0 : index
  %a = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %b = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %c = sloop.alloc : memref<16xf32, #tmem.space<avx512>>
  %h = sloop.alloc : memref<32xi16, #tmem.space<avx512>>
  %row = tmem.window %A[%c0, 16] [1, 16] : memref<?x?xf32>
  %one = tmem.window %A[%c0, %c0] [1, 1] : memref<?x?xf32>
  %hw = tmem.window %H[32] [32] : memref<64xi16>
  // CHECK: avx512.setzero %{{.*}} : memref<16xf32, #tmem.space<avx512>>
  avx512.setzero %c : memref<16xf32, #tmem.space<avx512>>
  // CHECK: avx512.loadu %{{.*}}, %{{.*}} : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[?, 1], offset: ?>>
  avx512.loadu %a, %row : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[?, 1], offset: ?>>
  // CHECK: avx512.maskz_loadu %{{.*}}, %{{.*}}, lanes %{{.*}} :
  avx512.maskz_loadu %a, %row, lanes %n : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[?, 1], offset: ?>>
  // CHECK: avx512.mask_loadu %{{.*}}, %{{.*}}, lanes %{{.*}} :
  avx512.mask_loadu %a, %row, lanes %n : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[?, 1], offset: ?>>
  // CHECK: avx512.set1 %{{.*}}, %{{.*}} : memref<16xf32, #tmem.space<avx512>>, memref<1x1xf32, strided<[?, 1], offset: ?>>
  avx512.set1 %b, %one : memref<16xf32, #tmem.space<avx512>>, memref<1x1xf32, strided<[?, 1], offset: ?>>
  // CHECK: avx512.mask_set1 %{{.*}}, %{{.*}}, lanes %{{.*}} :
  avx512.mask_set1 %b, %one, lanes %n : memref<16xf32, #tmem.space<avx512>>, memref<1x1xf32, strided<[?, 1], offset: ?>>
  // CHECK: avx512.fmadd acc %{{.*}}, %{{.*}}, %{{.*}} :
  avx512.fmadd acc %c, %a, %b : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  // CHECK: avx512.mask_fmadd acc %{{.*}}, %{{.*}}, %{{.*}}, lanes %{{.*}} :
  avx512.mask_fmadd acc %c, %a, %b, lanes %n : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  // CHECK: avx512.add
  avx512.add %c, %a, %b : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  // CHECK: avx512.mask_add %{{.*}}, lanes
  avx512.mask_add %c, %a, %b, lanes %n : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  // CHECK: avx512.mul
  avx512.mul %c, %a, %b : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  // CHECK: avx512.max
  avx512.max %c, %a, %b : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  // CHECK: avx512.relu
  avx512.relu %c, %a : memref<16xf32, #tmem.space<avx512>>, memref<16xf32, #tmem.space<avx512>>
  // CHECK: avx512.storeu
  avx512.storeu %c, %row : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[?, 1], offset: ?>>
  // CHECK: avx512.mask_storeu %{{.*}}, %{{.*}}, lanes
  avx512.mask_storeu %c, %row, lanes %n : memref<16xf32, #tmem.space<avx512>>, memref<1x16xf32, strided<[?, 1], offset: ?>>
  // CHECK: avx512.loadu %{{.*}}, %{{.*}} : memref<32xi16, #tmem.space<avx512>>, memref<32xi16, strided<[1], offset: ?>>
  avx512.loadu %h, %hw : memref<32xi16, #tmem.space<avx512>>, memref<32xi16, strided<[1], offset: ?>>
  // CHECK: avx512.add {{.*}} : memref<32xi16
  avx512.add %h, %h, %h : memref<32xi16, #tmem.space<avx512>>, memref<32xi16, #tmem.space<avx512>>, memref<32xi16, #tmem.space<avx512>>
  // CHECK: avx512.mulhi
  avx512.mulhi %h, %h, %h : memref<32xi16, #tmem.space<avx512>>, memref<32xi16, #tmem.space<avx512>>, memref<32xi16, #tmem.space<avx512>>
  avx512.storeu %h, %hw : memref<32xi16, #tmem.space<avx512>>, memref<32xi16, strided<[1], offset: ?>>
  return
}

// i32 x 16: loads, broadcasts, the low-half multiply and the multiply-add.
// CHECK-LABEL: func.func @i32_lanes(
func.func @i32_lanes(%D: memref<64xi32>, %n: index) {
  %x = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  %w = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  %acc = sloop.alloc : memref<16xi32, #tmem.space<avx512>>
  %dw = tmem.window %D[16] [16] : memref<64xi32>
  %one = tmem.window %D[0] [1] : memref<64xi32>
  // CHECK: avx512.setzero %{{.*}} : memref<16xi32, #tmem.space<avx512>>
  avx512.setzero %acc : memref<16xi32, #tmem.space<avx512>>
  // CHECK: avx512.maskz_loadu %{{.*}}, %{{.*}}, lanes %{{.*}} : memref<16xi32
  avx512.maskz_loadu %x, %dw, lanes %n : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, strided<[1], offset: ?>>
  // CHECK: avx512.set1 %{{.*}}, %{{.*}} : memref<16xi32
  avx512.set1 %w, %one : memref<16xi32, #tmem.space<avx512>>, memref<1xi32, strided<[1], offset: ?>>
  // CHECK: avx512.mul {{.*}} : memref<16xi32
  avx512.mul %x, %x, %w : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>
  // CHECK: avx512.fmadd acc {{.*}} : memref<16xi32
  avx512.fmadd acc %acc, %x, %w : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>, memref<16xi32, #tmem.space<avx512>>
  // CHECK: avx512.mask_storeu %{{.*}}, %{{.*}}, lanes %{{.*}} : memref<16xi32
  avx512.mask_storeu %acc, %dw, lanes %n : memref<16xi32, #tmem.space<avx512>>, memref<16xi32, strided<[1], offset: ?>>
  return
}
