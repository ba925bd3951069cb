// RUN: usl-opt %s --split-input-file --lower-pipeline | FileCheck %s

// Tests bounds inference: blurx is computed over the rows blury reads
// (one more on each side), into its own buffer, before blury; blury is
// computed straight into the output buffer. Loops are named
// <function>.<coordinate>.
// CHECK-LABEL: func @blur
// CHECK: %blurx = sloop.alloc(%{{.*}}, %{{.*}}) : memref<?x?xf32>
// CHECK: sloop.for %blurx.x = 0 to %{{.*}} {
// CHECK-NEXT: sloop.for %blurx.y = -1 to %[[H:.*]] + 1 {
// CHECK: sloop.store %{{.*}}, %blurx[%blurx.x, %blurx.y + 1]
// CHECK: sloop.for %blury.x = 0 to %{{.*}} {
// CHECK-NEXT: sloop.for %blury.y = 0 to %[[H]] {
// CHECK: sloop.load %blurx[%blury.x, %blury.y]
// CHECK: sloop.load %blurx[%blury.x, %blury.y + 2]
// CHECK: sloop.store %{{.*}}, %{{.*}}[%blury.x, %blury.y] : memref<?x?xf32>
// CHECK-NOT: pipeline.
func.func @blur(%input: memref<?x?xf32>, %output: memref<?x?xf32>) {
  %in = pipeline.input %input none : memref<?x?xf32> -> !pipeline.func<2 x f32>
  %blurx = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %in(%x, %y) : !pipeline.func<2 x f32>
    pipeline.yield %a : f32
  }
  %blury = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %blurx(%x, %y - 1) : !pipeline.func<2 x f32>
    %b = pipeline.call %blurx(%x, %y + 1) : !pipeline.func<2 x f32>
    %s = arith.addf %a, %b : f32
    pipeline.yield %s : f32
  }
  pipeline.output %blury, %output : !pipeline.func<2 x f32>, memref<?x?xf32>
  return
}

// -----

// Tests a downsample: the producer's region is half the consumer's, and a
// reduction's initial values come first.
// CHECK-LABEL: func @down
// CHECK: %sum = sloop.alloc : memref<4xf32>
// CHECK: sloop.for %sum.x = 0 to 4 {
// CHECK-NEXT: sloop.store %{{.*}}, %sum[%sum.x]
// CHECK: sloop.for %sum.x = 0 to 4 {
// CHECK-NEXT: sloop.for %sum.k = %{{.*}} to %{{.*}} {
// CHECK: sloop.reduce add %{{.*}}, %sum[%sum.x]
func.func @down(%input: memref<8xf32>, %output: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %zero = arith.constant 0.0 : f32
  %in = pipeline.input %input none : memref<8xf32> -> !pipeline.func<1 x f32>
  %sum = pipeline.func (%x) reduce add (%k = %c0 to %c2) init %zero : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x * 2 + %k) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  %up = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %sum(%x floordiv 2) : !pipeline.func<1 x f32>
    pipeline.yield %a : f32
  }
  pipeline.output %up, %output : !pipeline.func<1 x f32>, memref<8xf32>
  return
}

// -----

// Tests that a memref.dim of an output after the pipeline is not reused for
// the loops, which come before it.
// CHECK-LABEL: func @dim_after
// CHECK: %[[D:.*]] = memref.dim %arg1, %{{.*}} : memref<?x?xf32>
// CHECK: sloop.for %copy.x = 0 to %[[D]] {
// CHECK: memref.dim
// CHECK: return
func.func @dim_after(%input: memref<?x?xf32>, %output: memref<?x?xf32>) -> index {
  %in = pipeline.input %input none : memref<?x?xf32> -> !pipeline.func<2 x f32>
  %copy = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %in(%x, %y) : !pipeline.func<2 x f32>
    pipeline.yield %a : f32
  }
  pipeline.output %copy, %output : !pipeline.func<2 x f32>, memref<?x?xf32>
  %c0 = arith.constant 0 : index
  %n = memref.dim %output, %c0 : memref<?x?xf32>
  return %n : index
}
