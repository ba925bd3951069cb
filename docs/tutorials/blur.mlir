// The 3x3 blur of Halide's introduction on uint16, as a pipeline of two
// pure functions over the integer grid: @blur for docs/tutorials/blur.md to
// schedule, @blur_ref the same algorithm left with the default schedule.
// The input is read clamped at the edges.

func.func @blur(%W: index, %H: index, %input: memref<?x?xi16>, %output: memref<?x?xi16>) {
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

func.func @blur_ref(%W: index, %H: index, %input: memref<?x?xi16>, %output: memref<?x?xi16>) {
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
