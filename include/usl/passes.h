/*===- usl/passes.h - USL passes, their options and the pass table ------===*
 *
 * Every USL pass is a C function over an operation plus a plain options
 * struct. One table (passes/registry.c) lists them; usl-opt registers each
 * table entry under its flag, and embedders create them from C with
 * uslCreatePass or add them by name with uslAddPass.
 *
 *===---------------------------------------------------------------------===*/

#ifndef USL_PASSES_H
#define USL_PASSES_H

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define USL_MAX_LIST_OPTION 8

typedef enum UslOptionType {
  USL_OPTION_BOOL,     /* bool; `key`, `key=true|false|1|0` */
  USL_OPTION_INT,      /* int64_t within [min, max] */
  USL_OPTION_INT_LIST, /* UslIntList: `key=4,8` */
  USL_OPTION_STRING,   /* char[USL_MAX_STRING_OPTION]: a name */
  USL_OPTION_PATH,     /* char[USL_MAX_PATH_OPTION]: a file name */
} UslOptionType;

#define USL_MAX_STRING_OPTION 64
#define USL_MAX_PATH_OPTION 4096

typedef struct UslIntList {
  int64_t values[USL_MAX_LIST_OPTION];
  int count;
} UslIntList;

/* One option of a pass: where it lives in the pass's options struct. */
typedef struct UslOptionSpec {
  const char *name;
  UslOptionType type;
  size_t offset;
  const char *help;
  int64_t min, max; /* USL_OPTION_INT and each element of USL_OPTION_INT_LIST */
} UslOptionSpec;

/* A pass (`run` set) or a named pipeline of passes (`build` set). */
typedef struct UslPassInfo {
  const char *argument; /* the flag: --<argument> */
  const char *summary;  /* one line */
  const char *anchor;   /* op the pass runs on: "func.func", "builtin.module" */
  const UslOptionSpec *options;
  size_t numOptions;
  size_t optionsSize;   /* sizeof the options struct */
  const void *defaults; /* an options struct holding the defaults */
  /* The pass body: transform `op`, or emit an error at the offending op and
   * fail. Options are read-only; no state survives between runs. */
  MlirLogicalResult (*run)(MlirOperation op, const void *options);
  /* Dialects whose ops the pass creates: writes at most 8 handles. */
  intptr_t (*dependentDialects)(MlirDialectHandle *out);
  /* For pipelines: add the passes to `pm` (anchored at `anchor`). */
  MlirLogicalResult (*build)(MlirOpPassManager pm, const void *options);
  /* A schedule directive (its changes are shown by --usl-trace-schedule). */
  bool isDirective;
} UslPassInfo;

/* The table of every USL pass and pipeline. */
const UslPassInfo *const *uslGetPasses(size_t *count);

/* The entry whose argument is `argument`, or NULL. */
const UslPassInfo *uslLookupPass(MlirStringRef argument);

/* Parses an MLIR-style option string ("a=1 b=x,y c") into `options`, which
 * must first hold the defaults. On error writes a message naming the bad key
 * or value into `error` and returns false. */
bool uslParsePassOptions(const UslPassInfo *info, MlirStringRef text,
                         void *options, char *error, size_t errorSize);

/* Writes "name=<type> ..." for the pass's options into `out`. */
void uslDescribePassOptions(const UslPassInfo *info, char *out, size_t size);

/* Creates the pass `info` (not a pipeline) with a copy of `options`. The
 * caller owns the result until it is added to a pass manager. */
MlirPass uslCreatePass(const UslPassInfo *info, const void *options);

/* Adds pass or pipeline `info` to `pm` (nesting under `info->anchor` when
 * `pm` is anchored elsewhere). */
MlirLogicalResult uslAddPassToManager(MlirOpPassManager pm,
                                      const UslPassInfo *info,
                                      const void *options);

/* Adds the USL pass `argument` with option string `options` to `pm`; on an
 * unknown pass or a bad option writes a message into `error`. */
bool uslAddPass(MlirOpPassManager pm, const char *argument,
                const char *options, char *error, size_t errorSize);

/* Registers every table entry in MLIR's global pass registry, so that
 * `--<argument>` and `--pass-pipeline` know them (C++ glue). */
void uslRegisterPasses(void);

/* The same under `prefix` + argument (arguments that start with `prefix`
 * keep their name): how the mlir-opt pass plugin registers them, as
 * --usl-tile and so on, clear of upstream pass names. */
void uslRegisterPassesWithPrefix(const char *prefix);

#ifdef __cplusplus
}
#endif

#endif /* USL_PASSES_H */
