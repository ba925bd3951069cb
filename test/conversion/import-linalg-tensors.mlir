// On tensors, import-linalg bufferizes first; without that, a clear error.
// RUN: usl-opt %s --import-linalg | FileCheck %s
// RUN: usl-opt %s --import-linalg=bufferize=false --verify-diagnostics -o /dev/null

// CHECK-LABEL: func.func @on_tensors(%arg0: memref<4x3xf32>, %arg1: memref<3x5xf32>) -> memref<4x5xf32>
// CHECK:         %[[C:.*]] = memref.alloc() {{.*}} : memref<4x5xf32>
// CHECK:         sloop.for %i = 0 to 4 {
// CHECK-NEXT:      sloop.for %j = 0 to 5 {
// CHECK-NEXT:        sloop.store %{{.*}}, %[[C]][%i, %j]
// CHECK:         sloop.for %i = 0 to 4 {
// CHECK-NEXT:      sloop.for %j = 0 to 5 {
// CHECK-NEXT:        sloop.for %k = 0 to 3 {
// CHECK:               sloop.reduce add %{{.*}}, %[[C]][%i, %j]
// CHECK:         return %[[C]] : memref<4x5xf32>
func.func @on_tensors(%A: tensor<4x3xf32>, %B: tensor<3x5xf32>) -> tensor<4x5xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x5xf32>
  // expected-error @+1 {{cannot import 'linalg.generic' on tensors: bufferize it first (import-linalg does, with bufferize=true)}}
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<4x5xf32>) -> tensor<4x5xf32>
  %r = linalg.matmul ins(%A, %B : tensor<4x3xf32>, tensor<3x5xf32>) outs(%f : tensor<4x5xf32>) -> tensor<4x5xf32>
  return %r : tensor<4x5xf32>
}
