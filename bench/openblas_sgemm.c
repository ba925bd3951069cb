/* Times OpenBLAS sgemm (C += A * B, row-major, N x N): the median of RUNS
 * calls after a warm-up, printed in milliseconds. Usage: openblas_sgemm N RUNS */
#define _POSIX_C_SOURCE 200809L
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1024, runs = argc > 2 ? atoi(argv[2]) : 5;
  float *a = malloc(sizeof(float) * (size_t)n * (size_t)n);
  float *b = malloc(sizeof(float) * (size_t)n * (size_t)n);
  float *c = calloc((size_t)n * (size_t)n, sizeof(float));
  double *times = malloc(sizeof(double) * (size_t)runs);
  for (long i = 0; i < (long)n * n; ++i) {
    a[i] = (float)(i % 7) - 3.0f;
    b[i] = (float)(i % 5) - 2.0f;
  }
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n,
              b, n, 1.0f, c, n);
  for (int r = 0; r < runs; ++r) {
    double start = now();
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a,
                n, b, n, 1.0f, c, n);
    times[r] = now() - start;
  }
  qsort(times, (size_t)runs, sizeof *times, compare);
  printf("%.4f\n", times[runs / 2] * 1e3);
  free(a), free(b), free(c), free(times);
  return 0;
}
