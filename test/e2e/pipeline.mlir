// Tests pipelines lowered to loops (lower-pipeline, at root or inline) and
// run through the JIT against plain C: the seed's 3x3 blur in uint16 and
// f32 on sizes that divide nothing, matmul as a reduction, conv1d with its
// zero boundary, and every boundary condition.

// RUN: clang-22 -O1 -shared -fPIC %S/Inputs/reference.c -o %t.so
// RUN: usl-run %s -e blur_u16 --args=37,23,37x23,37x23 --reference=%t.so:blur_u16_ref --exact | FileCheck %s --check-prefix=BLUR16
// RUN: usl-run %s -e blur_u16_inline --args=37,23,37x23,37x23 --reference=%t.so:blur_u16_ref --exact | FileCheck %s --check-prefix=BLUR16I
// RUN: usl-run %s -e blur_f32 --args=5,131,5x131,5x131 --reference=%t.so:blur_f32_ref | FileCheck %s --check-prefix=BLURF
// RUN: usl-run %s -e matmul --args=17,31,13,17x13,13x31,17x31 --reference=%t.so:matmul_set_ref | FileCheck %s --check-prefix=MATMUL
// RUN: usl-run %s -e conv1d --reference=%t.so:conv1d_case_study --exact | FileCheck %s --check-prefix=CONV
// RUN: usl-run %s -e clamp --args=29,29,29 --reference=%t.so:clamp_ref --exact | FileCheck %s --check-prefix=CLAMP
// RUN: usl-run %s -e constant --args=29,29,29 --reference=%t.so:constant_ref --exact | FileCheck %s --check-prefix=CONSTANT
// RUN: usl-run %s -e mirror --args=29,29,29 --reference=%t.so:mirror_ref --exact | FileCheck %s --check-prefix=MIRROR
// BLUR16: usl-run: @blur_u16 matches {{.*}}:blur_u16_ref
// BLUR16I: usl-run: @blur_u16_inline matches {{.*}}:blur_u16_ref
// BLURF: usl-run: @blur_f32 matches {{.*}}:blur_f32_ref
// MATMUL: usl-run: @matmul matches {{.*}}:matmul_set_ref
// CONV: usl-run: @conv1d matches {{.*}}:conv1d_case_study
// CLAMP: usl-run: @clamp matches {{.*}}:clamp_ref
// CONSTANT: usl-run: @constant matches {{.*}}:constant_ref
// MIRROR: usl-run: @mirror matches {{.*}}:mirror_ref

func.func @blur_u16(%W: index, %H: index, %input: memref<?x?xi16>, %output: memref<?x?xi16>) {
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

// The blur again, its first stage computed inline in the second (the
// seed's "redundant work, no storage" organization); the edges stay
// clamped, so the result is the same.
func.func @blur_u16_inline(%W: index, %H: index, %input: memref<?x?xi16>, %output: memref<?x?xi16>) {
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
  } {inline}
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

func.func @blur_f32(%W: index, %H: index, %input: memref<?x?xf32>, %output: memref<?x?xf32>) {
  %three = arith.constant 3.0 : f32
  %in = pipeline.input %input clamp : memref<?x?xf32> -> !pipeline.func<2 x f32>
  %blurx = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %in(%x - 1, %y) : !pipeline.func<2 x f32>
    %b = pipeline.call %in(%x, %y) : !pipeline.func<2 x f32>
    %c = pipeline.call %in(%x + 1, %y) : !pipeline.func<2 x f32>
    %ab = arith.addf %a, %b : f32
    %s = arith.addf %ab, %c : f32
    %d = arith.divf %s, %three : f32
    pipeline.yield %d : f32
  }
  %blury = pipeline.func (%x, %y) : !pipeline.func<2 x f32> {
    %a = pipeline.call %blurx(%x, %y - 1) : !pipeline.func<2 x f32>
    %b = pipeline.call %blurx(%x, %y) : !pipeline.func<2 x f32>
    %c = pipeline.call %blurx(%x, %y + 1) : !pipeline.func<2 x f32>
    %ab = arith.addf %a, %b : f32
    %s = arith.addf %ab, %c : f32
    %d = arith.divf %s, %three : f32
    pipeline.yield %d : f32
  }
  pipeline.output %blury, %output : !pipeline.func<2 x f32>, memref<?x?xf32>
  return
}

func.func @matmul(%M: index, %N: index, %K: index, %a: memref<?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?xf32>) {
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

func.func @clamp(%n: index, %input: memref<?xf32>, %output: memref<?xf32>) {
  %two = arith.constant 2.0 : f32
  %in = pipeline.input %input clamp : memref<?xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x - 2) : !pipeline.func<1 x f32>
    %b = pipeline.call %in(%x + 3) : !pipeline.func<1 x f32>
    %b2 = arith.mulf %b, %two : f32
    %s = arith.addf %a, %b2 : f32
    pipeline.yield %s : f32
  }
  pipeline.output %f, %output : !pipeline.func<1 x f32>, memref<?xf32>
  return
}

func.func @constant(%n: index, %input: memref<?xf32>, %output: memref<?xf32>) {
  %two = arith.constant 2.0 : f32
  %half = arith.constant 0.5 : f32
  %in = pipeline.input %input constant(%half) : memref<?xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x - 2) : !pipeline.func<1 x f32>
    %b = pipeline.call %in(%x + 3) : !pipeline.func<1 x f32>
    %b2 = arith.mulf %b, %two : f32
    %s = arith.addf %a, %b2 : f32
    pipeline.yield %s : f32
  }
  pipeline.output %f, %output : !pipeline.func<1 x f32>, memref<?xf32>
  return
}

func.func @mirror(%n: index, %input: memref<?xf32>, %output: memref<?xf32>) {
  %two = arith.constant 2.0 : f32
  %in = pipeline.input %input mirror : memref<?xf32> -> !pipeline.func<1 x f32>
  %f = pipeline.func (%x) : !pipeline.func<1 x f32> {
    %a = pipeline.call %in(%x - 2) : !pipeline.func<1 x f32>
    %b = pipeline.call %in(%x + 3) : !pipeline.func<1 x f32>
    %b2 = arith.mulf %b, %two : f32
    %s = arith.addf %a, %b2 : f32
    pipeline.yield %s : f32
  }
  pipeline.output %f, %output : !pipeline.func<1 x f32>, memref<?xf32>
  return
}
