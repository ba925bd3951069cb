/*===- usl/usl.h - the whole USL C API ------------------------------------===*
 *
 * One include for embedders. Link libUSL (it carries the MLIR C API it is
 * built on; MLIR itself comes from libMLIR.so): with CMake
 * `find_package(USL)` and `target_link_libraries(app USL::USL)`, or
 * `pkg-config --cflags --libs usl`.
 *
 *   usl/dialects.h      registering the USL dialects, preparing a context
 *   usl/sloop.h         scheduled loops: accessors and builders
 *   usl/tmem.h          tile memory: memory spaces, windows
 *   usl/pipeline.h      the pipeline dialect
 *   usl/rvm.h           the RVM instruction dialect
 *   usl/avx512.h        the AVX-512 instruction dialect
 *   usl/passes.h        every USL pass, its options, adding it to a pass manager
 *   usl/schedule.h      each schedule directive applied to an op
 *   usl/instructions.h  instruction libraries and selection
 *   usl/conversion.h    lowering a module to the llvm dialect
 *   usl/runtime.h       what generated code calls at run time
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_USL_H
#define USL_USL_H

#include "usl/avx512.h"
#include "usl/conversion.h"
#include "usl/dialects.h"
#include "usl/instructions.h"
#include "usl/passes.h"
#include "usl/pipeline.h"
#include "usl/runtime.h"
#include "usl/rvm.h"
#include "usl/schedule.h"
#include "usl/sloop.h"
#include "usl/tmem.h"

#endif /* USL_USL_H */
