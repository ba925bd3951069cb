//===- DialectPlugin.cpp - the USL dialects as an mlir-opt dialect plugin -===//
//
//   mlir-opt --load-dialect-plugin=libUSLDialectPlugin.so in.mlir
//
// Glue only: the dialects live in libUSL.so, shared with the pass plugin so
// that both see one definition of each dialect.
//
//===----------------------------------------------------------------------===//

#include "mlir/CAPI/IR.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"

#include "usl/dialects.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "USLDialects", "0.1",
          [](mlir::DialectRegistry *registry) {
            uslRegisterDialects(wrap(registry));
          }};
}
