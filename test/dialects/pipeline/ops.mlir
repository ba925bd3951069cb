// RUN: usl-opt %s | FileCheck %s
// RUN: usl-opt %s | usl-opt | FileCheck %s
// RUN: usl-opt %s --mlir-print-op-generic | usl-opt | FileCheck %s

// Tests the seed's 3x3 blur as a pipeline: an input extended by clamping,
// two stencil stages, an output.
// CHECK-LABEL: func @blur
// CHECK: %in = pipeline.input %{{.*}} clamp : memref<?x?xi16> -> !pipeline.func<2 x i16>
// CHECK: %blurx = pipeline.func (%[[X:.*]], %[[Y:.*]]) : !pipeline.func<2 x i16> {
// CHECK: pipeline.call %in(%[[X]] - 1, %[[Y]]) : !pipeline.func<2 x i16>
// CHECK: pipeline.yield %{{.*}} : i16
// CHECK: %blury = pipeline.func
// CHECK: pipeline.call %blurx(%{{.*}}, %{{.*}} + 1) : !pipeline.func<2 x i16>
// CHECK: pipeline.output %blury, %{{.*}} : !pipeline.func<2 x i16>, memref<?x?xi16>
func.func @blur(%input: memref<?x?xi16>, %output: memref<?x?xi16>) {
  %three = arith.constant 3 : i16
  %in = pipeline.input %input clamp : memref<?x?xi16> -> !pipeline.func<2 x i16>
  %blurx = pipeline.func (%x, %y) : !pipeline.func<2 x i16> {
    %a = pipeline.call %in(%x - 1, %y) : !pipeline.func<2 x i16>
    %b = pipeline.call %in(%x, %y) : !pipeline.func<2 x i16>
    %c = pipeline.call %in(%x + 1, %y) : !pipeline.func<2 x i16>
    %ab = arith.addi %a, %b : i16
    %s = arith.addi %ab, %c : i16
    %d = arith.divui %s, %three : i16
    pipeline.yield %d : i16
  }
  %blury = pipeline.func (%x, %y) : !pipeline.func<2 x i16> {
    %a = pipeline.call %blurx(%x, %y - 1) : !pipeline.func<2 x i16>
    %b = pipeline.call %blurx(%x, %y) : !pipeline.func<2 x i16>
    %c = pipeline.call %blurx(%x, %y + 1) : !pipeline.func<2 x i16>
    %ab = arith.addi %a, %b : i16
    %s = arith.addi %ab, %c : i16
    %d = arith.divui %s, %three : i16
    pipeline.yield %d : i16
  }
  pipeline.output %blury, %output : !pipeline.func<2 x i16>, memref<?x?xi16>
  return
}



// Tests reductions (matmul) and the zero boundary of conv1d.
// CHECK-LABEL: func @matmul
// CHECK: %C = pipeline.func (%{{.*}}, %{{.*}}) reduce add (%{{.*}} = %{{.*}} to %{{.*}}) init %{{.*}} : !pipeline.func<2 x f32> {
func.func @matmul(%a: memref<?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?xf32>, %K: index) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %A = pipeline.input %a none : memref<?x?xf32> -> !pipeline.func<2 x f32>
  %B = pipeline.input %b none : memref<?x?xf32> -> !pipeline.func<2 x f32>
  %C = pipeline.func (%i, %j) reduce add (%k = %c0 to %K) init %zero : !pipeline.func<2 x f32> {
    %x = pipeline.call %A(%i, %k) : !pipeline.func<2 x f32>
    %y = pipeline.call %B(%k, %j) : !pipeline.func<2 x f32>
    %p = arith.mulf %x, %y : f32
    pipeline.yield %p : f32
  }
  pipeline.output %C, %c : !pipeline.func<2 x f32>, memref<?x?xf32>
  return
}

// CHECK-LABEL: func @conv1d
// CHECK: %data = pipeline.input %{{.*}} constant(%{{.*}}) : memref<4x16xi32> -> !pipeline.func<2 x i32>
// CHECK: reduce add (%{{.*}} = %{{.*}} to %{{.*}}, %{{.*}} = %{{.*}} to %{{.*}}) init
func.func @conv1d(%d: memref<4x16xi32>, %w: memref<16x4x4xi32>, %o: memref<16x16xi32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0 : i32
  %data = pipeline.input %d constant(%zero) : memref<4x16xi32> -> !pipeline.func<2 x i32>
  %kernels = pipeline.input %w none : memref<16x4x4xi32> -> !pipeline.func<3 x i32>
  %out = pipeline.func (%i, %j) reduce add (%c = %c0 to %c4, %r = %c0 to %c4) init %zero : !pipeline.func<2 x i32> {
    %x = pipeline.call %data(%c, %j + %r) : !pipeline.func<2 x i32>
    %k = pipeline.call %kernels(%i, %c, %r) : !pipeline.func<3 x i32>
    %p = arith.muli %x, %k : i32
    pipeline.yield %p : i32
  }
  pipeline.output %out, %o : !pipeline.func<2 x i32>, memref<16x16xi32>
  return
}

// -----

// Tests every boundary, and names that the SSA name cannot carry.
// CHECK-LABEL: func @boundaries
// CHECK: pipeline.input %{{.*}} none
// CHECK: pipeline.input %{{.*}} clamp
// CHECK: pipeline.input %{{.*}} constant(%{{.*}})
// CHECK: pipeline.input %{{.*}} mirror
// CHECK: %down.2 = pipeline.func (%{{.*}}) : !pipeline.func<1 x f32>
// CHECK: pipeline.call %{{.*}}(%{{.*}} * 2) : !pipeline.func<1 x f32>
func.func @boundaries(%b: memref<?xf32>, %v: f32) {
  %n = pipeline.input %b none : memref<?xf32> -> !pipeline.func<1 x f32>
  %c = pipeline.input %b clamp : memref<?xf32> -> !pipeline.func<1 x f32>
  %k = pipeline.input %b constant(%v) : memref<?xf32> -> !pipeline.func<1 x f32>
  %m = pipeline.input %b mirror : memref<?xf32> -> !pipeline.func<1 x f32>
  %d = pipeline.func (%x) name "down.2" : !pipeline.func<1 x f32> {
    %a = pipeline.call %m(%x * 2) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  return
}
