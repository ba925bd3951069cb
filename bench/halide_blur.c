/* Runs the Halide blur peers (built by halide_blur_gen.cpp) on a W x H
 * image (row-major, W rows of H elements, as USL's memref<?x?>) and prints
 * the median time of N runs and a memory-bandwidth reading; its
 * halide_blur_*_ref entry points let usl-run compare outputs bit for bit.
 * Benchmark peer only. */
#include "HalideRuntime.h"
#include "halide_blur_f32.h"
#include "halide_blur_u16.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static halide_buffer_t image(void *data, halide_type_code_t code, int bits,
                             int64_t W, int64_t H, halide_dimension_t *dims) {
  dims[0] = (halide_dimension_t){0, (int32_t)H, 1, 0};
  dims[1] = (halide_dimension_t){0, (int32_t)W, (int32_t)H, 0};
  halide_buffer_t b;
  memset(&b, 0, sizeof b);
  b.host = data;
  b.type.code = code;
  b.type.bits = (uint8_t)bits;
  b.type.lanes = 1;
  b.dimensions = 2;
  b.dim = dims;
  return b;
}

void halide_blur_u16_ref(int64_t W, int64_t H, const uint16_t *in,
                         uint16_t *out) {
  halide_dimension_t di[2], dout[2];
  halide_buffer_t bi = image((void *)in, halide_type_uint, 16, W, H, di);
  halide_buffer_t bo = image(out, halide_type_uint, 16, W, H, dout);
  halide_blur_u16(&bi, &bo);
}

void halide_blur_f32_ref(int64_t W, int64_t H, const float *in, float *out) {
  halide_dimension_t di[2], dout[2];
  halide_buffer_t bi = image((void *)in, halide_type_float, 32, W, H, di);
  halide_buffer_t bo = image(out, halide_type_float, 32, W, H, dout);
  halide_blur_f32(&bi, &bo);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

static int byTime(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s u16|f32|copy W H RUNS\n", argv[0]);
    return 2;
  }
  int64_t W = atoll(argv[2]), H = atoll(argv[3]);
  int runs = atoi(argv[4]);
  size_t elem = strcmp(argv[1], "u16") == 0 ? 2 : 4;
  size_t bytes = (size_t)(W * H) * elem;
  unsigned char *in = malloc(bytes), *out = malloc(bytes);
  srand(1);
  for (size_t i = 0; i < bytes; ++i)
    in[i] = (unsigned char)rand();
  if (elem == 4)
    for (int64_t i = 0; i < W * H; ++i)
      ((float *)in)[i] = (float)(rand() % 1000) / 7.0f;
  double *times = malloc((size_t)runs * sizeof *times);
  for (int k = -1; k < runs; ++k) { /* one warm-up run */
    double t0 = now();
    if (!strcmp(argv[1], "u16"))
      halide_blur_u16_ref(W, H, (uint16_t *)in, (uint16_t *)out);
    else if (!strcmp(argv[1], "f32"))
      halide_blur_f32_ref(W, H, (float *)in, (float *)out);
    else
      memcpy(out, in, bytes);
    if (k >= 0)
      times[k] = now() - t0;
  }
  qsort(times, (size_t)runs, sizeof *times, byTime);
  double median = times[runs / 2];
  if (!strcmp(argv[1], "copy")) /* read + write */
    printf("%.2f GB/s\n", 2.0 * (double)bytes / (median * 1e6));
  else
    printf("%.3f ms\n", median);
  free(times);
  free(in);
  free(out);
  return 0;
}
