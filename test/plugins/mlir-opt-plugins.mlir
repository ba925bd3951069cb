// Stock mlir-opt-22 with USL's dialect and pass plugins: it parses USL IR,
// runs USL passes (under usl-<name>) from --pass-pipeline, and reports
// USL's errors. (mlir-opt makes its pass flags before it loads plugins, so
// plugin passes are named in --pass-pipeline, not as flags of their own.)
// UNSUPPORTED: sanitize

// RUN: mlir-opt-22 --load-dialect-plugin=%usl_obj/lib/libUSLDialectPlugin.so --load-pass-plugin=%usl_obj/lib/libUSLPassPlugin.so --pass-pipeline="builtin.module(usl-tile{loops=i,j sizes=4,8 tail=guard})" %s | FileCheck %s
// CHECK:      sloop.for %io = 0 to 4 {
// CHECK-NEXT:   sloop.for %jo = 0 to 3 {
// CHECK-NEXT:     sloop.for %ii = 0 to 4 {
// CHECK-NEXT:       sloop.for %ji = 0 to 8 {

// The whole way down, then LLVM IR from stock mlir-translate.
// RUN: mlir-opt-22 --load-dialect-plugin=%usl_obj/lib/libUSLDialectPlugin.so --load-pass-plugin=%usl_obj/lib/libUSLPassPlugin.so --pass-pipeline="builtin.module(usl-tile{loops=i,j sizes=4,8 tail=guard}, usl-lower-to-llvm)" %s | mlir-translate-22 --mlir-to-llvmir | FileCheck %s --check-prefix=IR
// IR: define void @scale(

// RUN: not mlir-opt-22 --load-dialect-plugin=%usl_obj/lib/libUSLDialectPlugin.so --load-pass-plugin=%usl_obj/lib/libUSLPassPlugin.so --pass-pipeline="builtin.module(usl-tile{loops=i,j sizes=5,8 tail=perfect})" %s 2>&1 | FileCheck %s --check-prefix=ERR
// ERR: mlir-opt-plugins.mlir:[[@LINE+3]]:3: error: cannot tile loop 'i' by 5 with tail=perfect

func.func @scale(%A: memref<16x24xf32>, %B: memref<16x24xf32>) {
  sloop.for %i = 0 to 16 {
    sloop.for %j = 0 to 24 {
      %a = sloop.load %A[%i, %j] : memref<16x24xf32>
      %b = arith.addf %a, %a : f32
      sloop.store %b, %B[%i, %j] : memref<16x24xf32>
    }
  }
  return
}
