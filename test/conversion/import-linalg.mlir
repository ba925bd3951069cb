// RUN: usl-opt %s --import-linalg | FileCheck %s

// Each supported linalg op becomes one scheduled loop nest: one loop per
// iteration dimension (i, j, k, ...), inputs loaded, the body cloned, the
// output stored or, for `out + x`, reduced.

// CHECK-LABEL: func.func @matmul
// CHECK:       sloop.for %i = 0 to 4 {
// CHECK-NEXT:    sloop.for %j = 0 to 5 {
// CHECK-NEXT:      sloop.for %k = 0 to 3 {
// CHECK-NEXT:        %[[A:.*]] = sloop.load %arg0[%i, %k] : memref<4x3xf32>
// CHECK-NEXT:        %[[B:.*]] = sloop.load %arg1[%k, %j] : memref<3x5xf32>
// CHECK-NEXT:        %[[P:.*]] = arith.mulf %[[A]], %[[B]] : f32
// CHECK-NEXT:        sloop.reduce add %[[P]], %arg2[%i, %j] : memref<4x5xf32>
// CHECK-NOT:   linalg.
func.func @matmul(%A: memref<4x3xf32>, %B: memref<3x5xf32>, %C: memref<4x5xf32>) {
  linalg.matmul ins(%A, %B : memref<4x3xf32>, memref<3x5xf32>) outs(%C : memref<4x5xf32>)
  return
}

// CHECK-LABEL: func.func @conv_1d_nwc_wcf
// CHECK-COUNT-5: sloop.for
// CHECK:         sloop.load %arg0[%i, %j + %l, %m]
// CHECK-NEXT:    sloop.load %arg1[%l, %m, %k]
// CHECK:         sloop.reduce add %{{.*}}, %arg2[%i, %j, %k]
func.func @conv_1d_nwc_wcf(%I: memref<1x10x3xf32>, %F: memref<3x3x8xf32>, %O: memref<1x8x8xf32>) {
  linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%I, %F : memref<1x10x3xf32>, memref<3x3x8xf32>) outs(%O : memref<1x8x8xf32>)
  return
}

// A scalar input is used as it is.
// CHECK-LABEL: func.func @fill
// CHECK:       %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK:       sloop.for %i = 0 to %{{.*}} {
// CHECK-NEXT:    sloop.for %j = 0 to 8 {
// CHECK-NEXT:      sloop.store %[[Z]], %arg0[%i, %j] : memref<?x8xf32>
func.func @fill(%O: memref<?x8xf32>) {
  %z = arith.constant 0.0 : f32
  linalg.fill ins(%z : f32) outs(%O : memref<?x8xf32>)
  return
}

// CHECK-LABEL: func.func @bias_relu
// CHECK:       sloop.for %i = 0 to 4 {
// CHECK-NEXT:    sloop.for %j = 0 to 16 {
// CHECK-NEXT:      %[[X:.*]] = sloop.load %arg0[%i, %j]
// CHECK-NEXT:      %[[B:.*]] = sloop.load %arg1[%j]
// CHECK-NEXT:      %[[S:.*]] = arith.addf %[[X]], %[[B]] : f32
// CHECK-NEXT:      %[[R:.*]] = arith.maximumf %[[S]], %{{.*}} : f32
// CHECK-NEXT:      sloop.store %[[R]], %arg2[%i, %j]
func.func @bias_relu(%X: memref<4x16xf32>, %bias: memref<16xf32>, %Y: memref<4x16xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      ins(%X, %bias : memref<4x16xf32>, memref<16xf32>) outs(%Y : memref<4x16xf32>) {
  ^bb0(%x: f32, %b: f32, %y: f32):
    %s = arith.addf %x, %b : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  }
  return
}

// CHECK-LABEL: func.func @batch_matmul
// CHECK:       sloop.for %i = 0 to 2 {
// CHECK-NEXT:    sloop.for %j = 0 to 4 {
// CHECK-NEXT:      sloop.for %k = 0 to 5 {
// CHECK-NEXT:        sloop.for %l = 0 to 3 {
// CHECK-NEXT:          %[[A:.*]] = sloop.load %arg0[%i, %j, %l]
// CHECK-NEXT:          %[[B:.*]] = sloop.load %arg1[%i, %l, %k]
// CHECK-NEXT:          %[[P:.*]] = arith.mulf %[[A]], %[[B]] : f32
// CHECK-NEXT:          sloop.reduce add %[[P]], %arg2[%i, %j, %k]
func.func @batch_matmul(%A: memref<2x4x3xf32>, %B: memref<2x3x5xf32>, %C: memref<2x4x5xf32>) {
  linalg.batch_matmul ins(%A, %B : memref<2x4x3xf32>, memref<2x3x5xf32>) outs(%C : memref<2x4x5xf32>)
  return
}

// CHECK-LABEL: func.func @conv_1d
// CHECK:       sloop.for %i = 0 to 8 {
// CHECK-NEXT:    sloop.for %j = 0 to 3 {
// CHECK-NEXT:      %[[X:.*]] = sloop.load %arg0[%i + %j] : memref<10xi32>
// CHECK-NEXT:      %[[W:.*]] = sloop.load %arg1[%j] : memref<3xi32>
// CHECK-NEXT:      %[[P:.*]] = arith.muli %[[X]], %[[W]] : i32
// CHECK-NEXT:      sloop.reduce add %[[P]], %arg2[%i] : memref<8xi32>
func.func @conv_1d(%I: memref<10xi32>, %F: memref<3xi32>, %O: memref<8xi32>) {
  linalg.conv_1d ins(%I, %F : memref<10xi32>, memref<3xi32>) outs(%O : memref<8xi32>)
  return
}

// Strides stay in the affine accesses.
// CHECK-LABEL: func.func @conv_2d_strided
// CHECK-COUNT-7: sloop.for
// CHECK:         sloop.load %arg0[%i, %j * 2 + %m, %k * 2 + %n, %p]
// CHECK-NEXT:    sloop.load %arg1[%m, %n, %p, %l]
// CHECK:         sloop.reduce add %{{.*}}, %arg2[%i, %j, %k, %l]
func.func @conv_2d_strided(%I: memref<1x9x9x3xf32>, %F: memref<3x3x3x8xf32>, %O: memref<1x4x4x8xf32>) {
  linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%I, %F : memref<1x9x9x3xf32>, memref<3x3x3x8xf32>) outs(%O : memref<1x4x4x8xf32>)
  return
}

// CHECK-LABEL: func.func @conv_2d_nchw
// CHECK-COUNT-7: sloop.for
// CHECK:         sloop.load %arg0[%i, %m, %k + %n, %l + %p]
// CHECK-NEXT:    sloop.load %arg1[%j, %m, %n, %p]
// CHECK:         sloop.reduce add %{{.*}}, %arg2[%i, %j, %k, %l]
func.func @conv_2d_nchw(%I: memref<1x3x6x6xf32>, %F: memref<8x3x3x3xf32>, %O: memref<1x8x4x4xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%I, %F : memref<1x3x6x6xf32>, memref<8x3x3x3xf32>) outs(%O : memref<1x8x4x4xf32>)
  return
}

// CHECK-LABEL: func.func @depthwise
// CHECK-COUNT-6: sloop.for
// CHECK:         sloop.load %arg0[%i, %j + %m, %k + %n, %l]
// CHECK-NEXT:    sloop.load %arg1[%m, %n, %l]
// CHECK:         sloop.reduce add %{{.*}}, %arg2[%i, %j, %k, %l]
func.func @depthwise(%I: memref<1x6x6x4xf32>, %F: memref<3x3x4xf32>, %O: memref<1x4x4x4xf32>) {
  linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%I, %F : memref<1x6x6x4xf32>, memref<3x3x4xf32>) outs(%O : memref<1x4x4x4xf32>)
  return
}

// A reduction other than + and *: the output read, combined and written
// back; loops named by usl.loops; extents of dynamic sizes from memref.dim.
// CHECK-LABEL: func.func @row_max
// CHECK:       %[[R:.*]] = memref.dim %arg0, %c0
// CHECK:       %[[C:.*]] = memref.dim %arg0, %c1
// CHECK:       sloop.for %row = 0 to %[[R]] {
// CHECK-NEXT:    sloop.for %col = 0 to %[[C]] {
// CHECK-NEXT:      %[[X:.*]] = sloop.load %arg0[%row, %col]
// CHECK-NEXT:      %[[M:.*]] = sloop.load %arg1[%row]
// CHECK-NEXT:      %[[N:.*]] = arith.maximumf %[[M]], %[[X]] : f32
// CHECK-NEXT:      sloop.store %[[N]], %arg1[%row]
func.func @row_max(%X: memref<?x?xf32>, %M: memref<?xf32>) {
  linalg.generic {indexing_maps = [affine_map<(a, b) -> (a, b)>, affine_map<(a, b) -> (a)>], iterator_types = ["parallel", "reduction"]}
      ins(%X : memref<?x?xf32>) outs(%M : memref<?xf32>) attrs = {usl.loops = ["row", "col"]} {
  ^bb0(%x: f32, %m: f32):
    %r = arith.maximumf %m, %x : f32
    linalg.yield %r : f32
  }
  return
}

// linalg.index is the loop variable; a transposed output map.
// CHECK-LABEL: func.func @iota
// CHECK:       sloop.for %i = 0 to 6 {
// CHECK-NEXT:    sloop.for %j = 0 to 4 {
// CHECK-NEXT:      %[[S:.*]] = arith.addi %i, %j : index
// CHECK-NEXT:      %[[V:.*]] = arith.index_cast %[[S]] : index to i32
// CHECK-NEXT:      sloop.store %[[V]], %arg0[%j, %i] : memref<4x6xi32>
func.func @iota(%O: memref<4x6xi32>) {
  linalg.generic {indexing_maps = [affine_map<(a, b) -> (b, a)>], iterator_types = ["parallel", "parallel"]}
      outs(%O : memref<4x6xi32>) {
  ^bb0(%o: i32):
    %a = linalg.index 0 : index
    %b = linalg.index 1 : index
    %s = arith.addi %a, %b : index
    %v = arith.index_cast %s : index to i32
    linalg.yield %v : i32
  }
  return
}
