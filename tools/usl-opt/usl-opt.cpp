//===- usl-opt.cpp - mlir-opt with the USL dialects and passes ------------===//
//
// MlirOptMain with every upstream dialect and pass plus USL's, so every
// mlir-opt flag works with USL passes. The one addition: an input with no
// operations at all is an error rather than an empty module.
//
//===----------------------------------------------------------------------===//

#include "mlir/CAPI/IR.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"

#include "usl/dialects.h"
#include "usl/passes.h"

#include "trace.h"

#include <cstdio>
#include <string>

static llvm::cl::opt<bool> traceSchedule(
    "usl-trace-schedule",
    llvm::cl::desc("[usl] After each schedule directive, print a unified diff "
                   "of the IR it changed to stderr"),
    llvm::cl::init(false));

namespace {
/// Prints what each USL directive pass changed; the diff itself is C.
class ScheduleTrace : public mlir::PassInstrumentation {
  std::string before;

  static bool traced(mlir::Pass *pass) {
    llvm::StringRef arg = pass->getArgument();
    return uslIsScheduleDirective(arg.data(), arg.size());
  }
  static std::string print(mlir::Operation *op) {
    std::string text;
    llvm::raw_string_ostream os(text);
    op->print(os);
    return text;
  }

public:
  void runBeforePass(mlir::Pass *pass, mlir::Operation *op) override {
    if (traced(pass))
      before = print(op);
  }
  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override {
    if (!traced(pass))
      return;
    llvm::errs().flush();
    uslPrintUnifiedDiff(stderr, pass->getArgument().str().c_str(),
                        before.c_str(), print(op).c_str());
    fflush(stderr);
  }
};
} // namespace

/// True when `text` holds nothing but white space and `//` comments.
static bool hasNoOperations(llvm::StringRef text) {
  while (!text.empty()) {
    text = text.ltrim();
    if (text.starts_with("//"))
      text = text.drop_until([](char c) { return c == '\n'; });
    else
      return text.empty();
  }
  return true;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  mlir::registerAllPasses();
  uslRegisterPasses();
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  uslRegisterDialects(wrap(&registry));

  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "USL optimizer: upstream MLIR passes plus USL's\n",
      registry);
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();
  if (traceSchedule) {
    mlir::MlirOptMainConfig base = config;
    config.setPassPipelineSetupFn([base](mlir::PassManager &pm) {
      if (mlir::failed(base.setupPassPipeline(pm)))
        return mlir::failure();
      pm.addInstrumentation(std::make_unique<ScheduleTrace>());
      return mlir::success();
    });
  }
  if (config.shouldShowDialects()) {
    mlir::MLIRContext context(registry);
    for (llvm::StringRef name : context.getAvailableDialects())
      llvm::outs() << name << '\n';
    return 0;
  }
  if (config.shouldListPasses()) {
    mlir::printRegisteredPasses();
    return 0;
  }

  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> file =
      mlir::openInputFile(inputFilename, &error);
  if (!file) {
    llvm::errs() << "usl-opt: error: " << error << '\n';
    return 1;
  }
  if (hasNoOperations(file->getBuffer())) {
    llvm::errs() << (inputFilename == "-" ? "<stdin>" : inputFilename)
                 << ":1:1: error: empty input: expected MLIR operations\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << "usl-opt: error: " << error << '\n';
    return 1;
  }
  if (mlir::failed(mlir::MlirOptMain(output->os(), std::move(file), registry,
                                     config)))
    return 1;
  output->keep();
  return 0;
}
