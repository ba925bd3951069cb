/* The fp32 FMA peak of one core, measured: independent chains of vector
 * FMAs, enough to cover the latency, timed, the best of three runs. Prints
 * GFLOP/s for AVX2 (8 lanes) and, when the CPU has it, AVX-512 (16 lanes).
 * With `int32`: the int32 multiply-add peak (vpmulld + vpaddd, the
 * instructions of an int32 convolution) in GMAC/s, the same way.
 * Usage: fma_peak [int32] */
#define _POSIX_C_SOURCE 200809L
#include <immintrin.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

enum { CHAINS = 12, STEPS = 10000000 };

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

/* int32 multiply-adds as a convolution does them: acc += x * w, with x
 * changing each step (not hoistable) and not depending on the sums. */
enum { MADD_CHAINS = 6 };

__attribute__((target("avx2"))) static double madd256(void) {
  __m256i acc[MADD_CHAINS], w[MADD_CHAINS];
  __m256i x = _mm256_set1_epi32(1), one = _mm256_set1_epi32(1);
  for (int c = 0; c < MADD_CHAINS; ++c) {
    acc[c] = _mm256_set1_epi32(c);
    w[c] = _mm256_set1_epi32(2 * c + 3);
    __asm__("" : "+x"(w[c])); /* unknown weights: real multiplies */
  }
  double start = now();
  for (long s = 0; s < STEPS; ++s) {
    x = _mm256_add_epi32(x, one);
    for (int c = 0; c < MADD_CHAINS; ++c)
      acc[c] = _mm256_add_epi32(acc[c], _mm256_mullo_epi32(x, w[c]));
  }
  double seconds = now() - start;
  int sink = 0;
  for (int c = 0; c < MADD_CHAINS; ++c)
    sink += _mm256_extract_epi32(acc[c], 0);
  if (sink == 12345)
    puts("");
  return 8.0 * MADD_CHAINS * (double)STEPS / seconds * 1e-9;
}

__attribute__((target("avx512f"))) static double madd512(void) {
  __m512i acc[MADD_CHAINS], w[MADD_CHAINS];
  __m512i x = _mm512_set1_epi32(1), one = _mm512_set1_epi32(1);
  for (int c = 0; c < MADD_CHAINS; ++c) {
    acc[c] = _mm512_set1_epi32(c);
    w[c] = _mm512_set1_epi32(2 * c + 3);
    __asm__("" : "+v"(w[c]));
  }
  double start = now();
  for (long s = 0; s < STEPS; ++s) {
    x = _mm512_add_epi32(x, one);
    for (int c = 0; c < MADD_CHAINS; ++c)
      acc[c] = _mm512_add_epi32(acc[c], _mm512_mullo_epi32(x, w[c]));
  }
  double seconds = now() - start;
  int sink = 0;
  for (int c = 0; c < MADD_CHAINS; ++c)
    sink += _mm512_reduce_add_epi32(acc[c]);
  if (sink == 12345)
    puts("");
  return 16.0 * MADD_CHAINS * (double)STEPS / seconds * 1e-9;
}

/* The best of three runs: a peak is what the core can do undisturbed. */
static double best(double (*run)(void)) {
  double b = 0;
  for (int i = 0; i < 3; ++i) {
    double r = run();
    b = r > b ? r : b;
  }
  return b;
}

int main(int argc, char **argv) {
  __builtin_cpu_init();
  bool int32 = argc > 1 && !strcmp(argv[1], "int32");
  printf("avx2 %.1f\n", best(int32 ? madd256 : peak256));
  if (__builtin_cpu_supports("avx512f"))
    printf("avx512 %.1f\n", best(int32 ? madd512 : peak512));
  return 0;
}
