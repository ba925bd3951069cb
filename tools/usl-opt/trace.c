/*===- trace.c - showing what each schedule directive changed ------------===*
 *
 * A line diff by longest common subsequence, printed as unified diff hunks,
 * so `usl-opt --usl-trace-schedule` shows the effect of every directive the
 * way a code review would.
 *
 *===---------------------------------------------------------------------===*/

#include "trace.h"

#include "usl/passes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CONTEXT = 3, MAX_LINES = 20000 };

typedef struct Lines {
  const char **starts;
  size_t *lengths;
  int count;
} Lines;

static Lines splitLines(const char *text) {
  Lines l = {NULL, NULL, 0};
  int capacity = 0;
  for (const char *p = text; *p;) {
    const char *end = strchr(p, '\n');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (l.count == capacity) {
      capacity = capacity ? 2 * capacity : 256;
      l.starts = realloc(l.starts, (size_t)capacity * sizeof *l.starts);
      l.lengths = realloc(l.lengths, (size_t)capacity * sizeof *l.lengths);
    }
    l.starts[l.count] = p;
    l.lengths[l.count++] = len;
    p = end ? end + 1 : p + len;
  }
  return l;
}

static int sameLine(const Lines *a, int i, const Lines *b, int j) {
  return a->lengths[i] == b->lengths[j] &&
         memcmp(a->starts[i], b->starts[j], a->lengths[i]) == 0;
}

/* One edit-script entry: ' ' kept, '-' removed, '+' added. */
typedef struct Edit {
  char kind;
  int a, b; /* line indices in before/after */
} Edit;

static void printHunk(FILE *out, const Edit *edits, int from, int to,
                      const Lines *a, const Lines *b) {
  int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
  for (int k = from; k < to; ++k) {
    if (edits[k].kind != '+') {
      if (aStart < 0)
        aStart = edits[k].a;
      ++aCount;
    }
    if (edits[k].kind != '-') {
      if (bStart < 0)
        bStart = edits[k].b;
      ++bCount;
    }
  }
  fprintf(out, "@@ -%d,%d +%d,%d @@\n", aStart + 1, aCount, bStart + 1,
          bCount);
  for (int k = from; k < to; ++k) {
    const Lines *l = edits[k].kind == '+' ? b : a;
    int i = edits[k].kind == '+' ? edits[k].b : edits[k].a;
    fprintf(out, "%c%.*s\n", edits[k].kind, (int)l->lengths[i], l->starts[i]);
  }
}

void uslPrintUnifiedDiff(FILE *out, const char *title, const char *before,
                         const char *after) {
  fprintf(out, "// ----- %s -----\n", title);
  if (strcmp(before, after) == 0) {
    fprintf(out, "// no change\n");
    return;
  }
  Lines a = splitLines(before), b = splitLines(after);
  /* Common prefix and suffix need no table. */
  int pre = 0;
  while (pre < a.count && pre < b.count && sameLine(&a, pre, &b, pre))
    ++pre;
  int suf = 0;
  while (suf < a.count - pre && suf < b.count - pre &&
         sameLine(&a, a.count - 1 - suf, &b, b.count - 1 - suf))
    ++suf;
  int n = a.count - pre - suf, m = b.count - pre - suf;
  if ((int64_t)n * m > (int64_t)MAX_LINES * 400) {
    fprintf(out, "// the change is too large to show as a diff\n");
    free(a.starts), free(a.lengths), free(b.starts), free(b.lengths);
    return;
  }
  /* lcs[i][j]: common subsequence length of a[pre+i..] and b[pre+j..]. */
  int *lcs = calloc((size_t)(n + 1) * (size_t)(m + 1), sizeof *lcs);
  for (int i = n - 1; i >= 0; --i)
    for (int j = m - 1; j >= 0; --j)
      lcs[i * (m + 1) + j] =
          sameLine(&a, pre + i, &b, pre + j)
              ? lcs[(i + 1) * (m + 1) + j + 1] + 1
              : (lcs[(i + 1) * (m + 1) + j] > lcs[i * (m + 1) + j + 1]
                     ? lcs[(i + 1) * (m + 1) + j]
                     : lcs[i * (m + 1) + j + 1]);
  Edit *edits = malloc((size_t)(a.count + b.count + 1) * sizeof *edits);
  int e = 0;
  for (int k = 0; k < pre; ++k)
    edits[e++] = (Edit){' ', k, k};
  int i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sameLine(&a, pre + i, &b, pre + j)) {
      edits[e++] = (Edit){' ', pre + i, pre + j};
      ++i, ++j;
    } else if (i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >=
                                       lcs[i * (m + 1) + j + 1])) {
      edits[e++] = (Edit){'-', pre + i, pre + j};
      ++i;
    } else {
      edits[e++] = (Edit){'+', pre + i, pre + j};
      ++j;
    }
  }
  for (int k = 0; k < suf; ++k)
    edits[e++] = (Edit){' ', a.count - suf + k, b.count - suf + k};
  /* Group changes with their context into hunks. */
  for (int k = 0; k < e;) {
    while (k < e && edits[k].kind == ' ')
      ++k;
    if (k == e)
      break;
    int from = k - CONTEXT < 0 ? 0 : k - CONTEXT;
    int last = k;
    for (int scan = k; scan < e; ++scan) {
      if (edits[scan].kind != ' ')
        last = scan;
      else if (scan - last > 2 * CONTEXT)
        break;
    }
    int to = last + 1 + CONTEXT > e ? e : last + 1 + CONTEXT;
    printHunk(out, edits, from, to, &a, &b);
    k = to;
  }
  free(edits);
  free(lcs);
  free(a.starts), free(a.lengths), free(b.starts), free(b.lengths);
}

int uslIsScheduleDirective(const char *argument, size_t length) {
  const UslPassInfo *info =
      uslLookupPass((MlirStringRef){argument, length});
  return info && info->isDirective;
}
