//===- RegisterPasses.cpp - USL's C passes in MLIR's pass registry --------===//
//
// MLIR 22's external passes have no options of their own, so each USL pass is
// registered as a pass pipeline whose builder hands the raw option string to
// the C parser and adds the C pass. This file holds no pass logic.
//
//===----------------------------------------------------------------------===//

#include "mlir/CAPI/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include "usl/passes.h"

#include <cstring>
#include <string>
#include <vector>

static void registerAll(llvm::StringRef prefix) {
  size_t count;
  const UslPassInfo *const *passes = uslGetPasses(&count);
  for (size_t i = 0; i < count; ++i) {
    const UslPassInfo *info = passes[i];
    llvm::StringRef argument = info->argument;
    std::string name = argument.starts_with(prefix)
                           ? argument.str()
                           : (prefix + argument).str();
    char options[512];
    uslDescribePassOptions(info, options, sizeof options);
    std::string summary = std::string("[usl] ") + info->summary;
    if (options[0])
      summary += std::string(" (options: ") + options + ")";
    mlir::registerPassPipeline(
        name, summary,
        [info](mlir::OpPassManager &pm, llvm::StringRef text,
               llvm::function_ref<llvm::LogicalResult(const llvm::Twine &)>
                   errorHandler) -> llvm::LogicalResult {
          std::vector<char> parsed(info->optionsSize + 1);
          std::memcpy(parsed.data(), info->defaults, info->optionsSize);
          char error[512];
          if (!uslParsePassOptions(info, {text.data(), text.size()},
                                   parsed.data(), error, sizeof error))
            return errorHandler(error);
          if (mlirLogicalResultIsFailure(
                  uslAddPassToManager(wrap(&pm), info, parsed.data())))
            return errorHandler(llvm::Twine("'") + info->argument +
                                "' runs on '" + info->anchor +
                                "' and cannot be nested under '" +
                                pm.getOpAnchorName() + "'");
          return llvm::success();
        },
        [](llvm::function_ref<void(const mlir::detail::PassOptions &)>) {});
  }
}

extern "C" void uslRegisterPasses(void) { registerAll(""); }

extern "C" void uslRegisterPassesWithPrefix(const char *prefix) {
  registerAll(prefix ? prefix : "");
}
