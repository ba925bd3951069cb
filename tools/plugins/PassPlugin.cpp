//===- PassPlugin.cpp - the USL passes as an mlir-opt pass plugin ---------===//
//
//   mlir-opt --load-dialect-plugin=libUSLDialectPlugin.so \
//            --load-pass-plugin=libUSLPassPlugin.so \
//            --pass-pipeline="builtin.module(usl-tile{...})" in.mlir
//
// Every USL pass and pipeline under "usl-" + its usl-opt name (names that
// already start with "usl-" are kept). Glue only: the passes live in
// libUSL.so.
//
//===----------------------------------------------------------------------===//

#include "mlir/Tools/Plugins/PassPlugin.h"

#include "usl/passes.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "USLPasses", "0.1",
          []() { uslRegisterPassesWithPrefix("usl-"); }};
}
