// RUN: usl-opt %s --import-linalg --split-input-file --verify-diagnostics

// Forms import-linalg does not take: one error each, naming the op and why.

func.func @floordiv(%A: memref<8xf32>, %B: memref<4xf32>) {
  // expected-error @+1 {{cannot import 'linalg.generic': result 0 of the indexing map of operand 1 is not a sum of dimensions times constants (mod, floordiv and ceildiv are not taken)}}
  linalg.generic {indexing_maps = [affine_map<(a) -> (a)>, affine_map<(a) -> (a floordiv 2)>], iterator_types = ["parallel"]}
      ins(%A : memref<8xf32>) outs(%B : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

func.func @region_in_body(%A: memref<8xf32>, %B: memref<8xf32>, %c: i1) {
  linalg.generic {indexing_maps = [affine_map<(a) -> (a)>, affine_map<(a) -> (a)>], iterator_types = ["parallel"]}
      ins(%A : memref<8xf32>) outs(%B : memref<8xf32>) {
  ^bb0(%x: f32, %y: f32):
    // expected-error @+1 {{cannot import 'linalg.generic': its body holds 'scf.if', an op with regions}}
    %r = scf.if %c -> f32 {
      scf.yield %x : f32
    } else {
      scf.yield %y : f32
    }
    linalg.yield %r : f32
  }
  return
}

// -----

func.func @bad_names(%A: memref<8xf32>, %B: memref<8xf32>) {
  // expected-error @+1 {{'usl.loops' must be an array of 1 loop names}}
  linalg.generic {indexing_maps = [affine_map<(a) -> (a)>, affine_map<(a) -> (a)>], iterator_types = ["parallel"]}
      ins(%A : memref<8xf32>) outs(%B : memref<8xf32>) attrs = {usl.loops = ["x", "y"]} {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

func.func @softmax(%A: memref<2x8xf32>, %B: memref<2x8xf32>) {
  // expected-error @+1 {{cannot import 'linalg.softmax': it is not a linalg.generic and linalg-generalize-named-ops does not make it one}}
  linalg.softmax dimension(1) ins(%A : memref<2x8xf32>) outs(%B : memref<2x8xf32>)
  return
}
