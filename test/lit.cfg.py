# The USL lit suite: FileCheck tests of usl-opt and the other tools, and
# end-to-end runs through the JIT.
import os

import lit.formats

config.name = "USL"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".c", ".test"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.usl_obj_root, "test")

# USL tools first, then LLVM's (FileCheck, not, llc, ...), by plain names.
path = [config.usl_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")]
config.environment["PATH"] = os.pathsep.join(path)
config.substitutions.append(("%usl_src", config.usl_src_root))
config.substitutions.append(("%usl_obj", config.usl_obj_root))
config.substitutions.append(("%examples", os.path.join(config.usl_src_root, "examples")))
config.substitutions.append(("%llvm_libdir", os.path.join(os.path.dirname(config.llvm_tools_dir), "lib")))

if config.usl_sanitize:
    config.available_features.add("sanitize")
    # Leaks in MLIR's own static registries are not USL's.
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
