/*===- compile.c - lowering a USL module to an LLVM module ---------------===*/

#include "compile.h"

#include "usl/conversion.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Target/LLVMIR.h"

#include <string.h>

void uslToolRequestCInterfaces(MlirModule module) {
  MlirContext ctx = mlirModuleGetContext(module);
  for (MlirOperation op = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
    if (name.length == 9 && memcmp(name.data, "func.func", 9) == 0 &&
        !mlirBlockIsNull(
            mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0))))
      mlirOperationSetAttributeByName(
          op, mlirStringRefCreateFromCString("llvm.emit_c_interface"),
          mlirUnitAttrGet(ctx));
  }
}

LLVMModuleRef uslToolTranslate(MlirModule module, bool openmp,
                               LLVMContextRef llvmCtx) {
  if (mlirLogicalResultIsFailure(uslLowerModuleToLLVM(module, openmp)))
    return NULL;
  return mlirTranslateModuleToLLVMIR(mlirModuleGetOperation(module), llvmCtx);
}
