/*===- trace.h - showing what each schedule directive changed ------------===*/

#ifndef USL_TOOLS_TRACE_H
#define USL_TOOLS_TRACE_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Prints a unified diff (3 lines of context) from `before` to `after` under
 * a `// ----- title -----` header; "no change" when they are equal. */
void uslPrintUnifiedDiff(FILE *out, const char *title, const char *before,
                         const char *after);

/* True when `argument` names a USL schedule directive pass. */
int uslIsScheduleDirective(const char *argument, size_t length);

#ifdef __cplusplus
}
#endif

#endif
