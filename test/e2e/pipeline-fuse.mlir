// Tests --fuse's default policy on a pipeline: a function read only at the
// point its callers compute is inlined; one read at neighbouring points
// stays at root. Checked against C after lowering. Then at loop level, after
// --tile (which leaves producers to --fuse): the stencil producer is
// computed and stored per row of the consumer's tiles (34 elements for 32
// points: the least recomputation), checked against C on sizes that do not
// divide the tiles.

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

// RUN: usl-opt %s --fuse --lower-pipeline --tile --fuse | FileCheck %s --check-prefix=TILES
// TILES: sloop.for %sharp.xo = 0 to
// TILES-NEXT: sloop.for %sharp.yo = 0 to
// TILES-NEXT: sloop.for %sharp.xi = 0 to 32 {
// TILES-NEXT: %sq_tile = sloop.alloc : memref<34xf32>
// TILES: sloop.for %sq.y = 0 to 34 {
// TILES: sloop.store %{{.*}}, %sq_tile
// TILES: sloop.for %sharp.yi = 0 to 32 {
// TILES: sloop.load %sq_tile
// RUN: usl-opt %s --fuse --lower-pipeline --tile --fuse -o %t.tiles.mlir
// RUN: usl-run %t.tiles.mlir -e sharpen --args=13,37,13x37,13x37 --reference=%t.so:sharpen_ref | FileCheck %s --check-prefix=MATCH
// RUN: usl-run %t.tiles.mlir -e sharpen --args=70,91,70x91,70x91 --reference=%t.so:sharpen_ref | FileCheck %s --check-prefix=MATCH

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
