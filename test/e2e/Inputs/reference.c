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

/* Sizes that leave remainders: IC = 4, N = 18, OC = 20, W = 4. */
void conv1d_remainders(const int32_t *data, const int32_t *kernels,
                       int32_t *out) {
  conv1d_ref(4, 18, 20, 4, data, kernels, out);
}

/* The benchmark sizes: IC = 64, N = 4096, OC = 64, W = 4. */
void conv1d_large(const int32_t *data, const int32_t *kernels, int32_t *out) {
  conv1d_ref(64, 4096, 64, 4, data, kernels, out);
}

/* C = A B for the RVM matmul example: M = 16, K = 12, N = 8. */
void matmul_i32_16x12x8(const int32_t *A, const int32_t *B, int32_t *C) {
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 8; ++j) {
      int32_t s = 0;
      for (int k = 0; k < 12; ++k)
        s += A[i * 12 + k] * B[k * 8 + j];
      C[i * 8 + j] = s;
    }
}

void matmul_f32_16x12x8(const float *A, const float *B, float *C) {
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 8; ++j) {
      float s = 0;
      for (int k = 0; k < 12; ++k)
        s += A[i * 12 + k] * B[k * 8 + j];
      C[i * 8 + j] = s;
    }
}

/* The seed's 3x3 blur over a W x H image (coordinate x is the first index),
 * edges clamped, in uint16 arithmetic as written (sums wrap, then / 3). */
void blur_u16_ref(int64_t W, int64_t H, const uint16_t *in, uint16_t *out) {
  for (int64_t x = 0; x < W; ++x)
    for (int64_t y = 0; y < H; ++y) {
      uint16_t bx[3];
      for (int k = -1; k <= 1; ++k) {
        int64_t yy = y + k < 0 ? 0 : y + k >= H ? H - 1 : y + k;
        int64_t x0 = x - 1 < 0 ? 0 : x - 1, x2 = x + 1 >= W ? W - 1 : x + 1;
        uint16_t s = (uint16_t)(in[x0 * H + yy] + in[x * H + yy] + in[x2 * H + yy]);
        bx[k + 1] = (uint16_t)(s / 3);
      }
      uint16_t s = (uint16_t)(bx[0] + bx[1] + bx[2]);
      out[x * H + y] = (uint16_t)(s / 3);
    }
}

void blur_f32_ref(int64_t W, int64_t H, const float *in, float *out) {
  for (int64_t x = 0; x < W; ++x)
    for (int64_t y = 0; y < H; ++y) {
      float bx[3];
      for (int k = -1; k <= 1; ++k) {
        int64_t yy = y + k < 0 ? 0 : y + k >= H ? H - 1 : y + k;
        int64_t x0 = x - 1 < 0 ? 0 : x - 1, x2 = x + 1 >= W ? W - 1 : x + 1;
        bx[k + 1] = (in[x0 * H + yy] + in[x * H + yy] + in[x2 * H + yy]) / 3.0f;
      }
      out[x * H + y] = (bx[0] + bx[1] + bx[2]) / 3.0f;
    }
}

/* C = A * B (not accumulated). */
void matmul_set_ref(int64_t M, int64_t N, int64_t K, const float *A,
                    const float *B, float *C) {
  for (int64_t i = 0; i < M; ++i)
    for (int64_t j = 0; j < N; ++j) {
      float s = 0;
      for (int64_t k = 0; k < K; ++k)
        s += A[i * K + k] * B[k * N + j];
      C[i * N + j] = s;
    }
}

/* out[x] = in(x - 2) + 2 * in(x + 3) with each boundary condition. */
static float at(const float *in, int64_t n, int64_t i, int boundary,
                float value) {
  if (i >= 0 && i < n)
    return in[i];
  switch (boundary) {
  case 1: return in[i < 0 ? 0 : n - 1];                    /* clamp */
  case 2: return value;                                     /* constant */
  default: return in[i < 0 ? -i : 2 * (n - 1) - i];         /* mirror */
  }
}
#define BOUNDARY_REF(name, b)                                                 \
  void name(int64_t n, const float *in, float *out) {                         \
    for (int64_t x = 0; x < n; ++x)                                           \
      out[x] = at(in, n, x - 2, b, 0.5f) + 2.0f * at(in, n, x + 3, b, 0.5f);  \
  }
BOUNDARY_REF(clamp_ref, 1)
BOUNDARY_REF(constant_ref, 2)
BOUNDARY_REF(mirror_ref, 3)

/* sharpen: sq = in^2 (clamped rows), blur = 3-point mean of sq along y,
 * out = 2 sq - blur. */
void sharpen_ref(int64_t W, int64_t H, const float *in, float *out) {
  for (int64_t x = 0; x < W; ++x)
    for (int64_t y = 0; y < H; ++y) {
      float s[3];
      for (int k = -1; k <= 1; ++k) {
        int64_t yy = y + k < 0 ? 0 : y + k >= H ? H - 1 : y + k;
        s[k + 1] = in[x * H + yy] * in[x * H + yy];
      }
      out[x * H + y] = 2.0f * s[1] - (s[0] + s[1] + s[2]) / 3.0f;
    }
}

/* pyramid: blurx = [1 2 1]/4 along x, down = pairs of blurx at even points,
 * up = down at (x/2, y/2), out = in + 2 (in - up); the input clamped. */
static float clampedAt(const float *in, int64_t W, int64_t H, int64_t x,
                       int64_t y) {
  x = x < 0 ? 0 : x >= W ? W - 1 : x;
  y = y < 0 ? 0 : y >= H ? H - 1 : y;
  return in[x * H + y];
}

static float pyramidBlurx(const float *in, int64_t W, int64_t H, int64_t x,
                          int64_t y) {
  float s = clampedAt(in, W, H, x - 1, y) + clampedAt(in, W, H, x, y) * 2.0f;
  return (s + clampedAt(in, W, H, x + 1, y)) * 0.25f;
}

void pyramid_ref(int64_t W, int64_t H, const float *in, float *out) {
  for (int64_t x = 0; x < W; ++x)
    for (int64_t y = 0; y < H; ++y) {
      int64_t dx = x / 2, dy = y / 2;
      float down = (pyramidBlurx(in, W, H, 2 * dx, 2 * dy) +
                    pyramidBlurx(in, W, H, 2 * dx + 1, 2 * dy)) *
                   0.5f;
      float v = clampedAt(in, W, H, x, y);
      out[x * H + y] = v + (v - down) * 2.0f;
    }
}
