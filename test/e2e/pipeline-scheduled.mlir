// Tests a pipeline and its schedule in one file: the seed's uint16 blur
// carries the seed's schedule in `usl.schedule` (blury tiled 32x256, blurx
// computed and stored per tile, 16-lane rows, tile rows on threads), which
// usl-lower-to-llvm applies after lowering the pipeline; checked against C
// on sizes that divide neither tile dimension.

// RUN: clang-22 -O1 -shared -fPIC %S/Inputs/reference.c -o %t.so
// RUN: usl-opt %s --lower-pipeline --apply-schedule | FileCheck %s
// CHECK-LABEL: func.func @blur_u16(
// CHECK-NOT: usl.schedule
// CHECK: sloop.for %blury.xo = 0 to %{{.*}} ceildiv 32 par {
// CHECK-NEXT: sloop.for %blury.yo = 0 to %{{.*}} ceildiv 256 {
// CHECK-NEXT: %blurx_tile = sloop.alloc : memref<32x258xi16>
// CHECK: sloop.for %blurx.yi = 0 to 16 vec {
// CHECK: sloop.for %blury.yii = 0 to 16 vec {
// RUN: usl-run %s -e blur_u16 --args=301,533,301x533,301x533 --openmp --reference=%t.so:blur_u16_ref --exact | FileCheck %s --check-prefix=MATCH
// MATCH: usl-run: @blur_u16 matches {{.*}}:blur_u16_ref
// Images smaller than a tile or a vector: no steady state at all.
// RUN: usl-run %s -e blur_u16 --args=7,9,7x9,7x9 --openmp --reference=%t.so:blur_u16_ref --exact | FileCheck %s --check-prefix=MATCH
// RUN: usl-run %s -e blur_u16 --args=1,1,1x1,1x1 --openmp --reference=%t.so:blur_u16_ref --exact | FileCheck %s --check-prefix=MATCH

// The 16-lane rows are vector code: on an AVX2 CPU, 256-bit loads and
// stores and the exact division by 3 as a multiply-high, in ymm registers.
// RUN: uslc %s -o - --emit=asm --target=x86_64-unknown-linux-gnu --cpu=haswell | FileCheck %s --check-prefix=ASM
// ASM-LABEL: blur_u16:
// ASM: vmovdqu {{.*}}%ymm
// ASM: vpmulhuw {{.*}}%ymm

func.func @blur_u16(%W: index, %H: index, %input: memref<?x?xi16>, %output: memref<?x?xi16>) attributes {usl.schedule = [
    "simplify",
    "tile loops=blury.x,blury.y sizes=32,256",
    "compute-at buffer=blurx loop=blury.yo",
    "stage-mem loop=blury.yo buffer=blurx body=true",
    "vectorize loop=blury.yi width=16",
    "vectorize loop=blurx.y width=16",
    "parallelize loop=blury.xo"]} {
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
