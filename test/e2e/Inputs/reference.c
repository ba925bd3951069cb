/* Plain C references for the end-to-end tests: buffers as pointers to their
 * first element (row-major), sizes as int64_t, in the argument order of the
 * MLIR functions they check. */
#include <stdint.h>

void matmul_ref(int64_t M, int64_t N, int64_t K, const float *A,
                const float *B, float *C) {
  for (int64_t i = 0; i < M; ++i)
    for (int64_t j = 0; j < N; ++j)
      for (int64_t k = 0; k < K; ++k)
        C[i * N + j] += A[i * K + k] * B[k * N + j];
}

void conv1d_ref(int64_t IC, int64_t N, int64_t OC, int64_t W,
                const int32_t *data, const int32_t *kernels, int32_t *out) {
  for (int64_t i = 0; i < OC; ++i)
    for (int64_t j = 0; j < N; ++j) {
      int32_t sum = 0;
      for (int64_t c = 0; c < IC; ++c)
        for (int64_t r = 0; r < W; ++r) {
          int32_t y = j + r < N ? data[c * N + j + r] : 0;
          sum += y * kernels[(i * IC + c) * W + r];
        }
      out[i * N + j] = sum;
    }
}

/* The case study's sizes: IC = 4, N = 16, OC = 16, W = 4. */
void conv1d_case_study(const int32_t *data, const int32_t *kernels,
                       int32_t *out) {
  conv1d_ref(4, 16, 16, 4, data, kernels, out);
}
