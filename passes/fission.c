//===- fission.c - fission: split a loop at a point of its body -----------===//
//
// Before:  sloop.for %i { A(i); B(i) }
// After:   sloop.for %i { A(i) }  sloop.for %i { B(i) }     (after=1)
// Legal when no value of the first part is used by the second and no
// dependence goes from B in one iteration to A in a later one, which the
// split would reverse.
//
//===----------------------------------------------------------------------===//

#include "../analysis/dependences.h"
#include "directive.h"
#include "pass_table.h"
#include "usl/sloop.h"

static MlirOperation nthOp(MlirBlock block, int64_t n) {
  MlirOperation op = mlirBlockGetFirstOperation(block);
  for (int64_t i = 0; i < n && !mlirOperationIsNull(op); ++i)
    op = mlirOperationGetNextInBlock(op);
  return op;
}

/* True when a result of an op in [first, stop) is used at or after `stop`. */
static bool crossesCut(MlirOperation first, MlirOperation stop,
                       MlirOperation *defining) {
  for (MlirOperation op = first; !mlirOperationEqual(op, stop);
       op = mlirOperationGetNextInBlock(op))
    for (intptr_t r = 0; r < mlirOperationGetNumResults(op); ++r)
      for (MlirOpOperand use =
               mlirValueGetFirstUse(mlirOperationGetResult(op, r));
           !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
        /* The user, or the op of the loop body that holds it. */
        MlirOperation user = mlirOpOperandGetOwner(use);
        while (!mlirBlockEqual(mlirOperationGetBlock(user),
                               mlirOperationGetBlock(stop)))
          user = mlirOperationGetParentOperation(user);
        for (MlirOperation o = stop; !mlirOperationIsNull(o);
             o = mlirOperationGetNextInBlock(o))
          if (mlirOperationEqual(o, user)) {
            *defining = op;
            return true;
          }
      }
  return false;
}

/* Erases the ops of [from, stop) of a block, last first. */
static void eraseRange(MlirOperation from, MlirOperation stop) {
  UslOpList ops = {0};
  for (MlirOperation op = from; !mlirOperationEqual(op, stop);
       op = mlirOperationGetNextInBlock(op))
    uslOpListPush(&ops, op);
  for (size_t i = ops.size; i-- > 0;)
    mlirOperationDestroy(ops.ops[i]);
  uslOpListFree(&ops);
}

MlirLogicalResult uslFission(MlirOperation loop, int64_t after) {
  char name[USL_MAX_STRING_OPTION];
  uslLoopName(loop, name, sizeof name);
  MlirLocation loc = mlirOperationGetLocation(loop);
  MlirBlock body = uslForGetBody(loop);
  MlirOperation end = mlirBlockGetTerminator(body);
  int64_t count = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(body);
       !mlirOperationEqual(op, end); op = mlirOperationGetNextInBlock(op))
    ++count;
  if (after < 1 || after >= count) {
    uslEmitErrorf(loc,
                  "cannot split loop '%s' after %lld of its ops: its body has "
                  "%lld, so the cut must leave at least one on each side",
                  name, (long long)after, (long long)count);
    return mlirLogicalResultFailure();
  }
  MlirOperation cut = nthOp(body, after); /* first op of the second part */
  MlirOperation defining;
  if (crossesCut(mlirBlockGetFirstOperation(body), cut, &defining)) {
    MlirStringRef opName = mlirIdentifierStr(mlirOperationGetName(defining));
    uslEmitErrorf(loc,
                  "cannot split loop '%s' after %lld ops: the value of '%.*s' "
                  "is used after the cut; store it in a buffer first",
                  name, (long long)after, (int)opName.length, opName.data);
    return mlirLogicalResultFailure();
  }
  UslDeps *deps = uslDepsCreate(uslEnclosingFunc(loop));
  UslDepViolation v;
  bool ok = uslDepsFissionIsLegal(deps, loop, nthOp(body, after - 1), &v);
  uslDepsDestroy(deps);
  if (!ok) {
    char detail[1024];
    uslDepsDescribe(&v, detail, sizeof detail);
    uslEmitErrorf(loc,
                  "cannot split loop '%s' after %lld ops: %s, %s", name,
                  (long long)after, detail,
                  uslDepsConsequence(&v, "and the split would run them the "
                                         "other way round"));
    return mlirLogicalResultFailure();
  }
  MlirOperation second = mlirOperationClone(loop);
  mlirBlockInsertOwnedOperationAfter(mlirOperationGetBlock(loop), loop, second);
  MlirBlock secondBody = uslForGetBody(second);
  eraseRange(cut, end);
  eraseRange(mlirBlockGetFirstOperation(secondBody),
             nthOp(secondBody, after));
  return mlirLogicalResultSuccess();
}

typedef struct FissionOptions {
  UslLoopTarget target;
  int64_t after;
} FissionOptions;

static const FissionOptions defaults = {.after = 0};

static const UslOptionSpec options[] = {
    USL_LOOP_TARGET_OPTIONS(FissionOptions, target),
    {"after", USL_OPTION_INT, offsetof(FissionOptions, after),
     "how many ops of the body go to the first loop", 1, 1 << 30},
};

static MlirLogicalResult run(MlirOperation module, const void *opaque) {
  const FissionOptions *o = opaque;
  if (o->after < 1) {
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'fission' needs where to cut: after=N ops");
    return mlirLogicalResultFailure();
  }
  MlirOperation loop = uslDirectiveFindLoop(module, &o->target, "fission");
  if (mlirOperationIsNull(loop))
    return mlirLogicalResultFailure();
  return uslFission(loop, o->after);
}

const UslPassInfo uslFissionPass = {
    .argument = "fission",
    .summary = "split a loop in two at a point of its body, checked against "
               "the dependences",
    .anchor = "builtin.module",
    .options = options,
    .numOptions = sizeof options / sizeof options[0],
    .optionsSize = sizeof(FissionOptions),
    .defaults = &defaults,
    .run = run,
    .dependentDialects = uslDirectiveDependentDialects,
    .isDirective = true,
};
