// Tests --fuse's default policy on a pipeline: a function read only at the
// point its callers compute is inlined; one read at neighbouring points
// stays at root. Checked against C after lowering.

// RUN: usl-opt %s --fuse | FileCheck %s
// CHECK: %sq = pipeline.func
// CHECK-NOT: {inline}
// CHECK: %blur = pipeline.func
// CHECK: } {inline}
// CHECK: %sharp = pipeline.func
// CHECK-NOT: {inline}
// CHECK: pipeline.output

// RUN: usl-opt %s --fuse --lower-pipeline | FileCheck %s --check-prefix=LOOPS
// LOOPS: %sq = sloop.alloc
// LOOPS-NOT: %blur = sloop.alloc
// LOOPS: sloop.for %sharp.x

// RUN: clang-22 -O1 -shared -fPIC %S/Inputs/reference.c -o %t.so
// RUN: usl-opt %s --fuse -o %t.mlir
// RUN: usl-run %t.mlir -e sharpen --args=13,37,13x37,13x37 --reference=%t.so:sharpen_ref | FileCheck %s --check-prefix=MATCH
// MATCH: usl-run: @sharpen matches {{.*}}:sharpen_ref

func.func @sharpen(%W: index, %H: index, %input: memref<?x?xf32>, %output: memref<?x?xf32>) {
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  %in = pipeline.input %input clamp : memref<?x?xf32> -> !pipeline.func<2 x f32>
  %sq = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %in(%x, %y) : !pipeline.func<2 x f32>
    %m = arith.mulf %a, %a : f32
    pipeline.yield %m : f32
  }
  %blur = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %sq(%x, %y - 1) : !pipeline.func<2 x f32>
    %b = pipeline.call %sq(%x, %y) : !pipeline.func<2 x f32>
    %c = pipeline.call %sq(%x, %y + 1) : !pipeline.func<2 x f32>
    %ab = arith.addf %a, %b : f32
    %s = arith.addf %ab, %c : f32
    %d = arith.divf %s, %three : f32
    pipeline.yield %d : f32
  }
  %sharp = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %sq(%x, %y) : !pipeline.func<2 x f32>
    %b = pipeline.call %blur(%x, %y) : !pipeline.func<2 x f32>
    %a2 = arith.mulf %a, %two : f32
    %d = arith.subf %a2, %b : f32
    pipeline.yield %d : f32
  }
  pipeline.output %sharp, %output : !pipeline.func<2 x f32>, memref<?x?xf32>
  return
}
