// The blur benchmark: the seed's 3x3 blur on uint16 and float32 with the
// seed's schedule (the same algorithm and schedule as halide_blur_gen.cpp).
// bench/run.sh times it against Halide 14 on 4096 x 4096.
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

func.func @blur_f32(%W: index, %H: index, %input: memref<?x?xf32>, %output: memref<?x?xf32>) attributes {usl.schedule = [
    "simplify",
    "tile loops=blury.x,blury.y sizes=32,256",
    "compute-at buffer=blurx loop=blury.yo",
    "stage-mem loop=blury.yo buffer=blurx body=true",
    "vectorize loop=blury.yi width=8",
    "vectorize loop=blurx.y width=8",
    "parallelize loop=blury.xo"]} {
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
