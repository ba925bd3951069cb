// Builds the Halide peer of the blur benchmark ahead of time: the seed's
// 3x3 blur (clamped input) with the seed's schedule, for uint16 and
// float32, as static libraries with C headers. Benchmark peer only.
//
// Halide's first dimension is the contiguous one, so Halide (c, r) is USL
// (y, x): blurx is the stencil across rows, blury the one along a row.
#include "Halide.h"

#include <string>

using namespace Halide;

static void build(Type t, int lanes, const std::string &name,
                  const std::string &dir, bool withRuntime) {
  ImageParam input(t, 2, "input");
  Var c("c"), r("r"), ci("ci"), ri("ri");
  Func in = BoundaryConditions::repeat_edge(input);
  Func blurx("blurx"), blury("blury");
  Expr three = cast(t, 3);
  blurx(c, r) = (in(c, r - 1) + in(c, r) + in(c, r + 1)) / three;
  blury(c, r) = (blurx(c - 1, r) + blurx(c, r) + blurx(c + 1, r)) / three;
  // 32 rows x 256 elements per tile, tile rows on threads, rows in vectors;
  // blurx per tile.
  blury.tile(c, r, ci, ri, 256, 32).vectorize(ci, lanes).parallel(r);
  blurx.compute_at(blury, c).vectorize(c, lanes);
  Target target = get_host_target();
  if (!withRuntime) /* one copy of Halide's runtime for both */
    target = target.with_feature(Target::NoRuntime);
  blury.compile_to_static_library(dir + "/" + name, {input}, name, target);
}

int main(int argc, char **argv) {
  std::string dir = argc > 1 ? argv[1] : ".";
  build(UInt(16), 16, "halide_blur_u16", dir, true);
  build(Float(32), 8, "halide_blur_f32", dir, false);
  return 0;
}
