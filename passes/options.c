/*===- options.c - parsing pass option strings ---------------------------===*
 *
 * MLIR passes take options as `key=value` words separated by spaces, both in
 * `--tile="sizes=4,4"` and in `--pass-pipeline="...(tile{sizes=4,4})"`. Since
 * USL passes are C, their options are parsed here, against the UslOptionSpec
 * table each pass declares, with an error naming the bad key or value.
 *
 *===---------------------------------------------------------------------===*/

#include "usl/passes.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const UslOptionSpec *findOption(const UslPassInfo *info,
                                       const char *key, size_t len) {
  for (size_t i = 0; i < info->numOptions; ++i)
    if (strlen(info->options[i].name) == len &&
        memcmp(info->options[i].name, key, len) == 0)
      return &info->options[i];
  return NULL;
}

static void listOptions(const UslPassInfo *info, char *out, size_t size) {
  size_t used = 0;
  out[0] = '\0';
  for (size_t i = 0; i < info->numOptions && used < size; ++i)
    used += (size_t)snprintf(out + used, size - used, "%s%s", i ? ", " : "",
                             info->options[i].name);
}

static bool parseInt(const char *text, int64_t *out) {
  char *end;
  errno = 0;
  long long v = strtoll(text, &end, 10);
  if (errno || end == text || *end)
    return false;
  *out = v;
  return true;
}

/* Sets one option from its value text (NUL-terminated). */
static bool setOption(const UslPassInfo *info, const UslOptionSpec *spec,
                      const char *value, bool hasValue, void *options,
                      char *error, size_t errorSize) {
  char *field = (char *)options + spec->offset;
  switch (spec->type) {
  case USL_OPTION_BOOL:
    if (!hasValue || !strcmp(value, "true") || !strcmp(value, "1"))
      *(bool *)field = true;
    else if (!strcmp(value, "false") || !strcmp(value, "0"))
      *(bool *)field = false;
    else {
      snprintf(error, errorSize,
               "option '%s' of '%s' expects true or false, got '%s'",
               spec->name, info->argument, value);
      return false;
    }
    return true;
  case USL_OPTION_INT: {
    int64_t v;
    if (!hasValue || !parseInt(value, &v) || v < spec->min || v > spec->max) {
      snprintf(error, errorSize,
               "option '%s' of '%s' expects an integer in [%" PRId64
               ", %" PRId64 "], got '%s'",
               spec->name, info->argument, spec->min, spec->max,
               hasValue ? value : "");
      return false;
    }
    *(int64_t *)field = v;
    return true;
  }
  case USL_OPTION_INT_LIST: {
    UslIntList list = {.count = 0};
    const char *p = value;
    while (hasValue && *p) {
      char item[32];
      size_t n = strcspn(p, ",");
      int64_t v;
      if (n == 0 || n >= sizeof item || list.count == USL_MAX_LIST_OPTION)
        goto bad_list;
      memcpy(item, p, n);
      item[n] = '\0';
      if (!parseInt(item, &v) || v < spec->min || v > spec->max)
        goto bad_list;
      list.values[list.count++] = v;
      p += n;
      if (*p == ',' && *++p == '\0')
        goto bad_list;
    }
    if (list.count == 0)
      goto bad_list;
    *(UslIntList *)field = list;
    return true;
  bad_list:
    snprintf(error, errorSize,
             "option '%s' of '%s' expects 1 to %d comma-separated integers "
             "in [%" PRId64 ", %" PRId64 "], got '%s'",
             spec->name, info->argument, USL_MAX_LIST_OPTION, spec->min,
             spec->max, hasValue ? value : "");
    return false;
  }
  case USL_OPTION_STRING:
  case USL_OPTION_PATH: {
    size_t limit = spec->type == USL_OPTION_PATH ? USL_MAX_PATH_OPTION
                                                 : USL_MAX_STRING_OPTION;
    if (!hasValue || strlen(value) >= limit) {
      snprintf(error, errorSize,
               "option '%s' of '%s' expects a value of at most %zu characters",
               spec->name, info->argument, limit - 1);
      return false;
    }
    strcpy(field, value);
    return true;
  }
  }
  return false;
}

bool uslParsePassOptions(const UslPassInfo *info, MlirStringRef text,
                         void *options, char *error, size_t errorSize) {
  size_t i = 0;
  while (i < text.length) {
    while (i < text.length && (text.data[i] == ' ' || text.data[i] == '\t'))
      ++i;
    if (i == text.length)
      break;
    size_t start = i;
    while (i < text.length && text.data[i] != ' ' && text.data[i] != '\t')
      ++i;
    const char *word = text.data + start;
    size_t wordLen = i - start;
    const char *eq = memchr(word, '=', wordLen);
    size_t keyLen = eq ? (size_t)(eq - word) : wordLen;
    const UslOptionSpec *spec = findOption(info, word, keyLen);
    if (!spec) {
      char known[256];
      listOptions(info, known, sizeof known);
      snprintf(error, errorSize, "unknown option '%.*s' for '%s'; %s%s",
               (int)keyLen, word, info->argument,
               info->numOptions ? "expected one of: " : "it takes no options",
               known);
      return false;
    }
    size_t valueLen = eq ? wordLen - keyLen - 1 : 0;
    /* Values may be quoted or braced as in MLIR pipeline strings. */
    const char *v = eq ? eq + 1 : "";
    if (valueLen >= 2 && ((v[0] == '"' && v[valueLen - 1] == '"') ||
                          (v[0] == '{' && v[valueLen - 1] == '}'))) {
      ++v;
      valueLen -= 2;
    }
    char *value = malloc(valueLen + 1);
    if (!value) {
      snprintf(error, errorSize, "out of memory parsing options of '%s'",
               info->argument);
      return false;
    }
    memcpy(value, v, valueLen);
    value[valueLen] = '\0';
    bool ok = setOption(info, spec, value, eq != NULL, options, error,
                        errorSize);
    free(value);
    if (!ok)
      return false;
  }
  return true;
}

static const char *typeName(UslOptionType type) {
  switch (type) {
  case USL_OPTION_BOOL:
    return "bool";
  case USL_OPTION_INT:
    return "int";
  case USL_OPTION_INT_LIST:
    return "int,...";
  case USL_OPTION_STRING:
    return "string";
  case USL_OPTION_PATH:
    return "file";
  }
  return "?";
}

void uslDescribePassOptions(const UslPassInfo *info, char *out, size_t size) {
  size_t used = 0;
  out[0] = '\0';
  for (size_t i = 0; i < info->numOptions && used < size; ++i)
    used += (size_t)snprintf(out + used, size - used, "%s%s=<%s>",
                             i ? " " : "", info->options[i].name,
                             typeName(info->options[i].type));
}
