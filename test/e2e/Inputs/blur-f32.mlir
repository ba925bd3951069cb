// The seed's 3x3 blur in f32, for schedule tests.
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
