/*===- directive.c - what the schedule directive passes share ------------===*/

#include "directive.h"

#include "usl/sloop.h"
#include "usl/tmem.h"

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Dialect/Affine.h"
#include "mlir-c/Dialect/Arith.h"
#include "mlir-c/Dialect/MemRef.h"

#include <stdio.h>
#include <string.h>

void uslLoopName(MlirOperation loop, char *out, size_t size) {
  MlirStringRef name = uslForGetName(loop);
  snprintf(out, size, "%.*s", (int)name.length, name.data);
}

typedef struct FindState {
  MlirStringRef name;
  int wanted, seen;
  MlirOperation found;
} FindState;

static MlirWalkResult findLoop(MlirOperation op, void *userData) {
  FindState *s = userData;
  if (!uslOpIs(op, USL_SLOOP_FOR))
    return MlirWalkResultAdvance;
  MlirStringRef n = uslForGetName(op);
  if (n.length == s->name.length && !memcmp(n.data, s->name.data, n.length) &&
      s->seen++ == s->wanted) {
    s->found = op;
    return MlirWalkResultInterrupt;
  }
  return MlirWalkResultAdvance;
}

MlirOperation uslFindLoop(MlirOperation root, MlirStringRef name,
                          int occurrence) {
  FindState s = {name, occurrence, 0, {NULL}};
  mlirOperationWalk(root, findLoop, &s, MlirWalkPreOrder);
  return s.found;
}

MlirOperation uslEnclosingFunc(MlirOperation op) {
  return uslGetParentOfName(op, "func.func");
}

MlirStringRef uslFuncName(MlirOperation func) {
  return mlirStringAttrGetValue(mlirOperationGetAttributeByName(
      func, mlirStringRefCreateFromCString("sym_name")));
}

bool uslFuncSelected(MlirOperation op, const char *name) {
  if (!uslOpIs(op, "func.func"))
    return false;
  MlirStringRef n = uslFuncName(op);
  return !name[0] ||
         (n.length == strlen(name) && !memcmp(n.data, name, n.length));
}

MlirOperation uslFindFunc(MlirOperation module, MlirStringRef name) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation f = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(f); f = mlirOperationGetNextInBlock(f))
    if (uslOpIs(f, "func.func") && mlirStringRefEqual(uslFuncName(f), name))
      return f;
  return (MlirOperation){NULL};
}

typedef struct NameList {
  char text[512];
  size_t length;
} NameList;

static MlirWalkResult listLoop(MlirOperation op, void *userData) {
  NameList *l = userData;
  if (!uslOpIs(op, USL_SLOOP_FOR))
    return MlirWalkResultAdvance;
  MlirStringRef n = uslForGetName(op);
  char quoted[80];
  snprintf(quoted, sizeof quoted, "'%.*s'", (int)n.length, n.data);
  if (!strstr(l->text, quoted) && l->length + strlen(quoted) + 3 < sizeof l->text)
    l->length += (size_t)snprintf(l->text + l->length,
                                  sizeof l->text - l->length, "%s%s",
                                  l->length ? ", " : "", quoted);
  return MlirWalkResultAdvance;
}

MlirOperation uslDirectiveFindLoop(MlirOperation module,
                                   const UslLoopTarget *target,
                                   const char *directive) {
  MlirLocation loc = mlirOperationGetLocation(module);
  if (!target->loop[0]) {
    uslEmitErrorf(loc, "'%s' needs the loop to apply to: loop=NAME",
                  directive);
    return (MlirOperation){NULL};
  }
  MlirOperation found = {NULL}, foundFunc = {NULL};
  NameList names = {"", 0};
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation f = mlirBlockGetFirstOperation(body);
       !mlirOperationIsNull(f); f = mlirOperationGetNextInBlock(f)) {
    if (!uslFuncSelected(f, target->func))
      continue;
    MlirStringRef fname = uslFuncName(f);
    if (target->func[0]) /* errors about the chosen function go there */
      loc = mlirOperationGetLocation(f);
    mlirOperationWalk(f, listLoop, &names, MlirWalkPreOrder);
    MlirOperation loop =
        uslFindLoop(f, mlirStringRefCreateFromCString(target->loop),
                    (int)target->occurrence);
    if (mlirOperationIsNull(loop))
      continue;
    if (!mlirOperationIsNull(found)) {
      MlirStringRef a = uslFuncName(foundFunc);
      uslEmitErrorf(loc,
                    "'%s': both @%.*s and @%.*s have a loop '%s'; choose one "
                    "with func=NAME",
                    directive, (int)a.length, a.data, (int)fname.length,
                    fname.data, target->loop);
      return (MlirOperation){NULL};
    }
    found = loop;
    foundFunc = f;
  }
  if (mlirOperationIsNull(found)) {
    if (target->func[0] && !names.length)
      uslEmitErrorf(loc, "'%s': no function @%s with loops", directive,
                    target->func);
    else if (target->occurrence)
      uslEmitErrorf(loc,
                    "'%s': there is no loop '%s' number %lld (counting from "
                    "0); loops are %s",
                    directive, target->loop, (long long)target->occurrence,
                    names.length ? names.text : "none");
    else
      uslEmitErrorf(loc, "'%s': no loop named '%s'; loops are %s", directive,
                    target->loop, names.length ? names.text : "none");
  }
  return found;
}

UslSnapshot uslSnapshotTake(MlirOperation func) {
  return (UslSnapshot){func, mlirOperationClone(func)};
}

void uslSnapshotRestore(UslSnapshot *s) {
  mlirRegionTakeBody(mlirOperationGetRegion(s->func, 0),
                     mlirOperationGetRegion(s->copy, 0));
  uslSnapshotDrop(s);
}

void uslSnapshotDrop(UslSnapshot *s) {
  if (!mlirOperationIsNull(s->copy))
    mlirOperationDestroy(s->copy);
  s->copy = (MlirOperation){NULL};
}

MlirOperation uslOnlyChildLoop(MlirOperation loop) {
  MlirBlock body = uslForGetBody(loop);
  MlirOperation first = mlirBlockGetFirstOperation(body);
  if (mlirOperationIsNull(first) || !uslOpIs(first, USL_SLOOP_FOR))
    return (MlirOperation){NULL};
  MlirOperation next = mlirOperationGetNextInBlock(first);
  if (!mlirOperationEqual(next, mlirBlockGetTerminator(body)))
    return (MlirOperation){NULL};
  return first;
}

bool uslParseTail(const char *text, UslTail *tail) {
  if (!strcmp(text, "perfect"))
    *tail = USL_TAIL_PERFECT;
  else if (!strcmp(text, "guard"))
    *tail = USL_TAIL_GUARD;
  else if (!strcmp(text, "cut"))
    *tail = USL_TAIL_CUT;
  else
    return false;
  return true;
}

int uslSplitNames(const char *text, char names[][USL_MAX_STRING_OPTION],
                  int max) {
  int n = 0;
  while (*text) {
    size_t len = strcspn(text, ",");
    if (n == max || len == 0 || len >= USL_MAX_STRING_OPTION)
      return -1;
    memcpy(names[n], text, len);
    names[n++][len] = '\0';
    text += len;
    if (*text == ',')
      ++text;
  }
  return n;
}

static bool usesValue(MlirOperation op, MlirValue v) {
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i)
    if (mlirValueEqual(mlirOperationGetOperand(op, i), v))
      return true;
  return false;
}

/* The loop inside `loop` through the one guard that is all of its body
 * (`for { if g { for ... } }`, the guard without results or else), and
 * that guard; a null op otherwise. */
static MlirOperation childThroughGuard(MlirOperation loop,
                                       MlirOperation *guard) {
  MlirBlock body = uslForGetBody(loop);
  MlirOperation g = mlirBlockGetFirstOperation(body);
  if (mlirOperationIsNull(g) || !uslOpIs(g, USL_SLOOP_IF) ||
      mlirOperationGetNumResults(g) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(g),
                          mlirBlockGetTerminator(body)) ||
      !mlirBlockIsNull(
          mlirRegionGetFirstBlock(mlirOperationGetRegion(g, 1))))
    return (MlirOperation){NULL};
  MlirBlock then = mlirRegionGetFirstBlock(mlirOperationGetRegion(g, 0));
  MlirOperation inner = mlirBlockGetFirstOperation(then);
  if (mlirOperationIsNull(inner) || !uslOpIs(inner, USL_SLOOP_FOR) ||
      !mlirOperationEqual(mlirOperationGetNextInBlock(inner),
                          mlirBlockGetTerminator(then)))
    return (MlirOperation){NULL};
  *guard = g;
  return inner;
}

/* `if g { for k { S } }` becomes `for k { if g { S } }`: the same
 * iterations, since g is evaluated outside k and cannot depend on it. */
static void sinkGuard(MlirOperation guard, MlirOperation loop) {
  MlirBlock then = mlirRegionGetFirstBlock(mlirOperationGetRegion(guard, 0));
  MlirBlock body = uslForGetBody(loop);
  mlirOperationMoveBefore(loop, guard);
  uslMoveBodyBefore(body, mlirBlockGetTerminator(then));
  mlirOperationMoveBefore(guard, mlirBlockGetTerminator(body));
}

/* The next loop of a band: the only op of `loop`'s body, or the loop in
 * the one guard that is. */
static MlirOperation bandChild(MlirOperation loop) {
  MlirOperation guard;
  MlirOperation child = uslOnlyChildLoop(loop);
  return mlirOperationIsNull(child) ? childThroughGuard(loop, &guard) : child;
}

void uslSinkBandGuards(MlirOperation *band, int n) {
  MlirOperation guards[USL_MAX_LIST_OPTION] = {{NULL}};
  for (int k = 1; k < n && k < USL_MAX_LIST_OPTION; ++k)
    if (mlirOperationIsNull(uslOnlyChildLoop(band[k - 1])))
      childThroughGuard(band[k - 1], &guards[k]);
  /* Innermost first, so that each guard passes perfect levels only. */
  for (int k = n - 1; k >= 1; --k)
    if (!mlirOperationIsNull(guards[k]))
      for (int j = k; j < n; ++j)
        sinkGuard(guards[k], band[j]);
}

bool uslCheckRectangularBand(MlirOperation *band, int n, const char *what) {
  char a[USL_MAX_STRING_OPTION], b[USL_MAX_STRING_OPTION];
  for (int k = 0; k + 1 < n; ++k)
    if (!mlirOperationEqual(bandChild(band[k]), band[k + 1])) {
      uslLoopName(band[k], a, sizeof a);
      uslLoopName(band[k + 1], b, sizeof b);
      uslEmitErrorf(mlirOperationGetLocation(band[k]),
                    "cannot %s: loop '%s' holds other ops besides loop '%s', "
                    "so they are not perfectly nested",
                    what, a, b);
      return false;
    }
  for (int k = 1; k < n; ++k)
    for (int j = 0; j < k; ++j)
      if (usesValue(band[k], uslForGetInductionVar(band[j]))) {
        uslLoopName(band[k], a, sizeof a);
        uslLoopName(band[j], b, sizeof b);
        uslEmitErrorf(mlirOperationGetLocation(band[k]),
                      "cannot %s: the bounds of loop '%s' depend on loop "
                      "'%s'",
                      what, a, b);
        return false;
      }
  return true;
}

/* The position of `loop`'s name in names[0..n), or -1. */
static int nameIndex(MlirOperation loop, char names[][USL_MAX_STRING_OPTION],
                     int n) {
  char name[USL_MAX_STRING_OPTION];
  uslLoopName(loop, name, sizeof name);
  for (int k = 0; k < n; ++k)
    if (!strcmp(name, names[k]))
      return k;
  return -1;
}

/* The `occurrence`-th band (program order of its outermost loop) whose n
 * loops carry the n names, each once; the number of such bands when there
 * are fewer. */
static int nthBand(MlirOperation module, const char *func, int occurrence,
                   char names[][USL_MAX_STRING_OPTION], int n,
                   MlirOperation *band) {
  const char *forName[] = {USL_SLOOP_FOR};
  UslOpList loops = {0};
  uslCollectOps(module, forName, 1, MlirWalkPreOrder, &loops);
  int found = 0;
  for (size_t i = 0; i < loops.size && found <= occurrence; ++i) {
    if (!uslFuncSelected(uslEnclosingFunc(loops.ops[i]), func))
      continue;
    bool seen[USL_MAX_LIST_OPTION] = {false};
    MlirOperation chain[USL_MAX_LIST_OPTION];
    int k = 0;
    for (MlirOperation l = loops.ops[i]; k < n && !mlirOperationIsNull(l);
         l = bandChild(l)) {
      int at = nameIndex(l, names, n);
      if (at < 0 || seen[at])
        break;
      seen[at] = true;
      chain[k++] = l;
    }
    if (k == n && found++ == occurrence)
      memcpy(band, chain, sizeof chain[0] * (size_t)n);
  }
  uslOpListFree(&loops);
  return found;
}

bool uslDirectiveFindBand(MlirOperation module, const char *func,
                          int occurrence,
                          char names[][USL_MAX_STRING_OPTION], int n,
                          MlirOperation *band, const char *directive) {
  int found = nthBand(module, func, occurrence, names, n, band);
  if (found > occurrence)
    return true;
  if (occurrence > 0) {
    char list[USL_MAX_STRING_OPTION * 2] = "";
    size_t used = 0;
    for (int k = 0; k < n && used < sizeof list; ++k)
      used += (size_t)snprintf(list + used, sizeof list - used, "%s'%s'",
                               k ? ", " : "", names[k]);
    uslEmitErrorf(mlirOperationGetLocation(module),
                  "'%s': there is no perfect band of the loops %s number %d "
                  "(counting from 0); there %s %d",
                  directive, list, occurrence, found == 1 ? "is" : "are",
                  found);
    return false;
  }
  /* None: find the loops one by one to say what is wrong. */
  MlirOperation loops[USL_MAX_LIST_OPTION];
  for (int k = 0; k < n; ++k) {
    UslLoopTarget t = {.occurrence = 0};
    snprintf(t.func, sizeof t.func, "%s", func);
    snprintf(t.loop, sizeof t.loop, "%s", names[k]);
    loops[k] = uslDirectiveFindLoop(module, &t, directive);
    if (mlirOperationIsNull(loops[k]))
      return false;
  }
  /* The outermost named loop, around all the others, starts the band. */
  int outer = 0;
  for (int k = 0; k < n; ++k) {
    bool isAncestorOfAll = true;
    for (int j = 0; j < n && isAncestorOfAll; ++j) {
      if (j == k)
        continue;
      bool inside = false;
      for (MlirOperation p = mlirOperationGetParentOperation(loops[j]);
           !mlirOperationIsNull(p); p = mlirOperationGetParentOperation(p))
        if (mlirOperationEqual(p, loops[k]))
          inside = true;
      isAncestorOfAll = inside;
    }
    if (isAncestorOfAll)
      outer = k;
  }
  band[0] = loops[outer];
  for (int k = 1; k < n; ++k) {
    band[k] = bandChild(band[k - 1]);
    if (mlirOperationIsNull(band[k])) {
      char a[USL_MAX_STRING_OPTION];
      uslLoopName(band[k - 1], a, sizeof a);
      uslEmitErrorf(mlirOperationGetLocation(band[k - 1]),
                    "'%s': the loops %d loops deep from '%s' are not a "
                    "perfect nest; loop '%s' holds more than one loop",
                    directive, n, names[outer], a);
      return false;
    }
  }
  for (int k = 0; k < n; ++k) {
    bool named = false;
    for (int j = 0; j < n; ++j)
      named = named || mlirOperationEqual(band[k], loops[j]);
    if (!named) {
      char a[USL_MAX_STRING_OPTION];
      uslLoopName(band[k], a, sizeof a);
      uslEmitErrorf(mlirOperationGetLocation(band[k]),
                    "'%s': loop '%s' sits between the named loops; name all "
                    "loops of the band",
                    directive, a);
      return false;
    }
  }
  return true;
}

intptr_t uslDirectiveDependentDialects(MlirDialectHandle *out) {
  out[0] = mlirGetDialectHandle__affine__();
  out[1] = mlirGetDialectHandle__arith__();
  out[2] = mlirGetDialectHandle__memref__();
  out[3] = mlirGetDialectHandle__tmem__();
  return 4;
}
