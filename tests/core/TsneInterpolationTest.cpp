#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "TsneInterpolation.h"
#include "latent/core/ThreadTeam.h"

namespace {

// `clusters` Gaussian clouds of spread `spread` with centres spread `separation`, in 2-D.
std::vector<float> layout(std::size_t n, int clusters, float spread, float separation, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> centres(2 * clusters);
    for (float& c : centres) c = separation * normal(rng);
    std::vector<float> y(2 * n);
    for (std::size_t i = 0; i < n; ++i)
        for (int d = 0; d < 2; ++d) y[2 * i + d] = centres[2 * (i % clusters) + d] + spread * normal(rng);
    return y;
}

struct Repulsion {
    std::vector<double> force;  // n x 2
    double z = 0.0;
};

Repulsion exact(const std::vector<float>& y) {
    const std::size_t n = y.size() / 2;
    Repulsion r{std::vector<double>(2 * n, 0.0)};
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i) continue;
            const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
            const double q = 1.0 / (1.0 + dx * dx + dy * dy);
            r.z += q;
            r.force[2 * i] += q * q * dx;
            r.force[2 * i + 1] += q * q * dy;
        }
    }
    return r;
}

Repulsion interpolated(const std::vector<float>& y, int threads, int* boxes = nullptr) {
    const std::size_t n = y.size() / 2;
    latent::ThreadTeam team(threads);
    latent::InterpolatedRepulsion grid(n);
    grid.prepare(y.data(), team);
    if (boxes) *boxes = grid.boxesPerSide();
    Repulsion r{std::vector<double>(2 * n, 0.0), grid.z()};
    for (std::size_t s = 0; s < n; ++s) grid.repulsion(s, &r.force[2 * grid.order()[s]]);
    return r;
}

// Errors relative to the whole: points near the middle of a cloud feel almost no net force,
// so their own relative error says little (as in the Barnes-Hut test).
void expectClose(const std::vector<float>& y, double zTolerance, double forceTolerance) {
    const Repulsion want = exact(y), got = interpolated(y, 2);
    double error = 0.0, magnitude = 0.0;
    for (std::size_t i = 0; i < y.size() / 2; ++i) {
        error += std::hypot(got.force[2 * i] - want.force[2 * i], got.force[2 * i + 1] - want.force[2 * i + 1]);
        magnitude += std::hypot(want.force[2 * i], want.force[2 * i + 1]);
    }
    EXPECT_NEAR(got.z, want.z, zTolerance * want.z);
    EXPECT_LT(error / magnitude, forceTolerance);
}

// Quadratic interpolation on boxes up to 1 wide, as FIt-SNE's defaults: its error shrinks
// as the cube of the box width (halving the widths cut it 8-fold) and is largest where
// tight clusters make the kernels vary within a box. Measured: Z 4e-5 and 7e-4, forces
// 1.7e-3 and 1.2e-2 of the total force in these layouts (the first with 50 boxes across,
// before the minimum became 100: narrower boxes only lower it); the bars leave a margin and stay
// below Barnes-Hut's error at theta 0.5 (2.5 %, BarnesHutTree test). Dropping a kernel or
// a charge term misses them by orders of magnitude.
TEST(InterpolatedRepulsion, MatchesExactSumsOnACompactLayout) {
    // 3,000 points 30 wide: the grid keeps its minimum of 100 boxes, each narrower than 1.
    const auto y = layout(3000, 4, 3.0f, 6.0f, 11);
    int boxes = 0;
    interpolated(y, 1, &boxes);
    EXPECT_EQ(boxes, 100);
    expectClose(y, 5e-4, 5e-3);
}

TEST(InterpolatedRepulsion, MatchesExactSumsOnAWideClusteredLayout) {
    // 3,000 points about 150 wide in tight clusters, as late in a run: boxes 1 wide.
    const auto y = layout(3000, 12, 2.0f, 40.0f, 12);
    int boxes = 0;
    interpolated(y, 1, &boxes);
    EXPECT_GT(boxes, 100);
    expectClose(y, 3e-3, 0.025);
}

TEST(InterpolatedRepulsion, TheThreadCountDoesNotChangeABit) {
    const auto y = layout(2000, 5, 2.0f, 20.0f, 13);
    const Repulsion one = interpolated(y, 1), three = interpolated(y, 3);
    EXPECT_EQ(one.force, three.force);
    EXPECT_EQ(one.z, three.z);
}

}  // namespace
