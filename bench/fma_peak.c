/* The fp32 FMA peak of one core, measured: independent chains of vector
 * FMAs, enough to cover the latency, timed for about a second. Prints
 * GFLOP/s for AVX2 (8 lanes) and, when the CPU has it, AVX-512 (16 lanes).
 * Usage: fma_peak */
#define _POSIX_C_SOURCE 200809L
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

enum { CHAINS = 12, STEPS = 20000000 };

__attribute__((target("avx2,fma"))) static double peak256(void) {
  __m256 acc[CHAINS], a = _mm256_set1_ps(1.0000001f), b = _mm256_set1_ps(1e-7f);
  for (int c = 0; c < CHAINS; ++c)
    acc[c] = _mm256_set1_ps((float)c);
  double start = now();
  for (long s = 0; s < STEPS; ++s)
    for (int c = 0; c < CHAINS; ++c)
      acc[c] = _mm256_fmadd_ps(acc[c], a, b);
  double seconds = now() - start;
  float sink = 0;
  for (int c = 0; c < CHAINS; ++c)
    sink += _mm256_cvtss_f32(acc[c]);
  if (sink == 12345.0f)
    puts("");
  return 2.0 * 8 * CHAINS * (double)STEPS / seconds * 1e-9;
}

__attribute__((target("avx512f"))) static double peak512(void) {
  __m512 acc[CHAINS], a = _mm512_set1_ps(1.0000001f), b = _mm512_set1_ps(1e-7f);
  for (int c = 0; c < CHAINS; ++c)
    acc[c] = _mm512_set1_ps((float)c);
  double start = now();
  for (long s = 0; s < STEPS; ++s)
    for (int c = 0; c < CHAINS; ++c)
      acc[c] = _mm512_fmadd_ps(acc[c], a, b);
  double seconds = now() - start;
  float sink = 0;
  for (int c = 0; c < CHAINS; ++c)
    sink += _mm512_reduce_add_ps(acc[c]);
  if (sink == 12345.0f)
    puts("");
  return 2.0 * 16 * CHAINS * (double)STEPS / seconds * 1e-9;
}

int main(void) {
  __builtin_cpu_init();
  printf("avx2 %.1f\n", peak256());
  if (__builtin_cpu_supports("avx512f"))
    printf("avx512 %.1f\n", peak512());
  return 0;
}
