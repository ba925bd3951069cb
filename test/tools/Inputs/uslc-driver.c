/* Calls the uslc-compiled matmul of examples/matmul.mlir through its header
 * and checks it against a plain C matmul at a prime size. */
#include "matmul.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { M = 17, K = 13, N = 31 };

static usl_memref_2d_f32 view(float *data, int64_t rows, int64_t cols) {
  usl_memref_2d_f32 m = {data, data, 0, {rows, cols}, {cols, 1}};
  return m;
}

int main(void) {
  static float A[M * K], B[K * N], C[M * N], R[M * N];
  for (int i = 0; i < M * K; ++i)
    A[i] = (float)((i * 7) % 11) - 5.0f;
  for (int i = 0; i < K * N; ++i)
    B[i] = (float)((i * 5) % 13) - 6.0f;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j)
      for (int k = 0; k < K; ++k)
        R[i * N + j] += A[i * K + k] * B[k * N + j];
  usl_memref_2d_f32 a = view(A, M, K), b = view(B, K, N), c = view(C, M, N);
  _mlir_ciface_matmul_ikj(&a, &b, &c);
  for (int i = 0; i < M * N; ++i)
    if (fabsf(C[i] - R[i]) > 1e-3f) {
      printf("mismatch at %d: %g vs %g\n", i, C[i], R[i]);
      return 1;
    }
  printf("uslc matmul matches the C reference\n");
  return 0;
}
