//===- registration.cpp - the USL dialects in a registry, from C ----------===//
//
// The C entry points that need a C++ class name: dialect handles and
// registration, and the tmem.space attribute constructor.
//
//===----------------------------------------------------------------------===//

#include "avx512/Avx512Dialect.h"
#include "pipeline/PipelineDialect.h"
#include "rvm/RvmDialect.h"
#include "sloop/SloopDialect.h"
#include "tmem/TmemDialect.h"

#include "mlir-c/RegisterEverything.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/CAPI/AffineMap.h"
#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Registration.h"

#include "usl/avx512.h"
#include "usl/dialects.h"
#include "usl/pipeline.h"
#include "usl/rvm.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Sloop, sloop, usl::sloop::SloopDialect)
MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Tmem, tmem, usl::tmem::TmemDialect)
MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Pipeline, pipeline,
                                      usl::pipeline::PipelineDialect)
MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Rvm, rvm, usl::rvm::RvmDialect)
MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Avx512, avx512,
                                      usl::avx512::Avx512Dialect)

// The C header mirrors the enum values; keep them in step.
static_assert(static_cast<int>(usl::pipeline::Boundary::none) ==
                      USL_BOUNDARY_NONE &&
                  static_cast<int>(usl::pipeline::Boundary::clamp) ==
                      USL_BOUNDARY_CLAMP &&
                  static_cast<int>(usl::pipeline::Boundary::constant) ==
                      USL_BOUNDARY_CONSTANT &&
                  static_cast<int>(usl::pipeline::Boundary::mirror) ==
                      USL_BOUNDARY_MIRROR,
              "Boundary differs from include/usl/pipeline.h");

extern "C" void uslRegisterDialects(MlirDialectRegistry registry) {
  unwrap(registry)->insert<usl::sloop::SloopDialect, usl::tmem::TmemDialect,
                           usl::pipeline::PipelineDialect,
                           usl::rvm::RvmDialect, usl::avx512::Avx512Dialect>();
}

extern "C" void uslContextPrepare(MlirContext ctx) {
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  uslRegisterDialects(registry);
  mlirContextAppendDialectRegistry(ctx, registry);
  mlirDialectRegistryDestroy(registry);
  mlirRegisterAllLLVMTranslations(ctx);
  // Directives called directly from C (not from a pass) create ops of these.
  for (const char *name : {"sloop", "tmem", "affine", "arith", "memref"})
    unwrap(ctx)->getOrLoadDialect(name);
}

extern "C" MlirAttribute uslTmemSpaceAttrGet(MlirContext ctx,
                                             UslMemorySpace space) {
  // The attribute needs its dialect; passes creating it declare tmem as a
  // dependent dialect, so this only loads it outside pass pipelines.
  unwrap(ctx)->getOrLoadDialect<usl::tmem::TmemDialect>();
  return wrap(usl::tmem::MemorySpaceAttr::get(
      unwrap(ctx), static_cast<usl::tmem::MemorySpace>(space)));
}

extern "C" bool uslAttributeIsATmemSpace(MlirAttribute attr) {
  return llvm::isa<usl::tmem::MemorySpaceAttr>(unwrap(attr));
}

extern "C" UslMemorySpace uslTmemSpaceAttrGetValue(MlirAttribute attr) {
  return static_cast<UslMemorySpace>(
      llvm::cast<usl::tmem::MemorySpaceAttr>(unwrap(attr)).getValue());
}

extern "C" MlirOperation uslWindowCreate(MlirLocation loc, MlirValue source,
                                         MlirAffineMap offsets,
                                         const MlirValue *offsetOperands,
                                         intptr_t rank, const int64_t *sizes) {
  mlir::MLIRContext *ctx = unwrap(loc)->getContext();
  mlir::OpBuilder b(ctx);
  llvm::ArrayRef<int64_t> sizeList(sizes, rank);
  auto type = usl::tmem::WindowOp::inferWindowType(
      llvm::cast<mlir::MemRefType>(unwrap(source).getType()), sizeList);
  llvm::SmallVector<mlir::Value> operands;
  mlir::AffineMap map = unwrap(offsets);
  for (unsigned i = 0; i < map.getNumInputs(); ++i)
    operands.push_back(unwrap(offsetOperands[i]));
  mlir::OperationState state(unwrap(loc),
                             usl::tmem::WindowOp::getOperationName());
  usl::tmem::WindowOp::build(b, state, type, unwrap(source), operands,
                             mlir::AffineMapAttr::get(map),
                             b.getDenseI64ArrayAttr(sizeList));
  return wrap(mlir::Operation::create(state));
}

extern "C" void uslEmitWarning(MlirLocation loc, const char *message) {
  mlir::emitWarning(unwrap(loc), message);
}

extern "C" int uslOperandMemoryEffects(MlirOperation op, intptr_t index) {
  mlir::Operation *operation = unwrap(op);
  auto effects = llvm::dyn_cast<mlir::MemoryEffectOpInterface>(operation);
  if (!effects)
    return -1;
  mlir::Value value = operation->getOperand(index);
  llvm::SmallVector<mlir::MemoryEffects::EffectInstance> all, list;
  effects.getEffects(all);
  // An effect on no value in particular may touch anything.
  for (const mlir::MemoryEffects::EffectInstance &e : all)
    if (!e.getValue() &&
        (llvm::isa<mlir::MemoryEffects::Read>(e.getEffect()) ||
         llvm::isa<mlir::MemoryEffects::Write>(e.getEffect())))
      return -1;
  effects.getEffectsOnValue(value, list);
  int bits = 0;
  for (const mlir::MemoryEffects::EffectInstance &e : list) {
    if (llvm::isa<mlir::MemoryEffects::Read>(e.getEffect()))
      bits |= USL_OPERAND_READ;
    else if (llvm::isa<mlir::MemoryEffects::Write>(e.getEffect()) ||
             llvm::isa<mlir::MemoryEffects::Free>(e.getEffect()))
      bits |= USL_OPERAND_WRITE;
  }
  return bits;
}
