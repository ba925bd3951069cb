// Tests a five-function pipeline with a downsample and an upsample (a
// one-level detail boost): regions inferred through x * 2 and x floordiv 2
// (rounded up where the readers' bounds are not a constant apart), the
// pointwise stages inlined by --fuse, blurx computed per 8x8 tile of down
// (compute_at) and down at root; checked against C on odd and even sizes.

// RUN: clang-22 -O1 -shared -fPIC %S/Inputs/reference.c -o %t.so
// RUN: usl-opt %s --fuse -o %t.mlir
// RUN: FileCheck %s --check-prefix=FUSE < %t.mlir
// FUSE: %up = pipeline.func
// FUSE: } {inline}
// FUSE: %detail = pipeline.func
// FUSE: } {inline}
// RUN: usl-opt %t.mlir --lower-pipeline --apply-schedule | FileCheck %s
// CHECK: %down = sloop.alloc
// CHECK-NEXT: sloop.for %down.xo
// CHECK-NEXT: sloop.for %down.yo
// CHECK-NEXT: %blurx_tile = sloop.alloc : memref<16x15xf32>
// CHECK: sloop.for %out.x
// RUN: usl-run %t.mlir -e pyramid --args=37,23,37x23,37x23 --reference=%t.so:pyramid_ref | FileCheck %s --check-prefix=MATCH
// RUN: usl-run %t.mlir -e pyramid --args=16,30,16x30,16x30 --reference=%t.so:pyramid_ref | FileCheck %s --check-prefix=MATCH
// MATCH: usl-run: @pyramid matches {{.*}}:pyramid_ref

func.func @pyramid(%W: index, %H: index, %input: memref<?x?xf32>, %output: memref<?x?xf32>) attributes {usl.schedule = [
    "tile loops=down.x,down.y sizes=8,8",
    "compute-at buffer=blurx loop=down.yo",
    "stage-mem loop=down.yo buffer=blurx body=true"]} {
  %half = arith.constant 0.5 : f32
  %quarter = arith.constant 0.25 : f32
  %two = arith.constant 2.0 : f32
  %in = pipeline.input %input clamp : memref<?x?xf32> -> !pipeline.func<2 x f32>
  %blurx = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %in(%x - 1, %y) : !pipeline.func<2 x f32>
    %b = pipeline.call %in(%x, %y) : !pipeline.func<2 x f32>
    %c = pipeline.call %in(%x + 1, %y) : !pipeline.func<2 x f32>
    %b2 = arith.mulf %b, %two : f32
    %ab = arith.addf %a, %b2 : f32
    %s = arith.addf %ab, %c : f32
    %d = arith.mulf %s, %quarter : f32
    pipeline.yield %d : f32
  }
  %down = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %blurx(%x * 2, %y * 2) : !pipeline.func<2 x f32>
    %b = pipeline.call %blurx(%x * 2 + 1, %y * 2) : !pipeline.func<2 x f32>
    %s = arith.addf %a, %b : f32
    %d = arith.mulf %s, %half : f32
    pipeline.yield %d : f32
  }
  %up = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %down(%x floordiv 2, %y floordiv 2) : !pipeline.func<2 x f32>
    pipeline.yield %a : f32
  }
  %detail = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %in(%x, %y) : !pipeline.func<2 x f32>
    %b = pipeline.call %up(%x, %y) : !pipeline.func<2 x f32>
    %d = arith.subf %a, %b : f32
    pipeline.yield %d : f32
  }
  %out = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %in(%x, %y) : !pipeline.func<2 x f32>
    %b = pipeline.call %detail(%x, %y) : !pipeline.func<2 x f32>
    %b2 = arith.mulf %b, %two : f32
    %s = arith.addf %a, %b2 : f32
    pipeline.yield %s : f32
  }
  pipeline.output %out, %output : !pipeline.func<2 x f32>, memref<?x?xf32>
  return
}
