// The two numerical shortcuts under UMAP: the gradient tables that replace std::pow in the
// SGD, and the Chebyshev-filtered subspace iteration of the spectral initialisation.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "MortonCode.h"
#include "SubspaceIteration.h"
#include "UmapGradientTable.h"
#include "latent/core/Umap.h"

namespace {

TEST(UmapGradientTable, MatchesTheExactCoefficientsOverEveryScale) {
    const latent::umap::GradientTable table(latent::fitUmapCurve(0.1));
    double worstAttraction = 0.0, worstRepulsion = 0.0;
    // Squared distances from 1e-9 to 1e9: the table's range and both fallbacks beyond it.
    for (double d2 = 1e-9; d2 < 1e9; d2 *= 1.0137) {
        const auto x = static_cast<float>(d2);
        const double a = table.exactAttraction(x), r = table.exactRepulsion(x);
        worstAttraction =
            std::max(worstAttraction, std::abs(table.attraction(x) - a) / std::abs(a));
        worstRepulsion = std::max(worstRepulsion, std::abs(table.repulsion(x) - r) / r);
    }
    EXPECT_LT(worstAttraction, 5e-5);
    EXPECT_LT(worstRepulsion, 5e-5);
}

TEST(UmapGradientTable, ExactCoefficientsFollowTheirFormulas) {
    const latent::UmapCurve curve = latent::fitUmapCurve(0.1);
    const latent::umap::GradientTable table(curve);
    const double d2 = 2.5, powB = std::pow(d2, curve.b);
    EXPECT_NEAR(table.exactAttraction(2.5f),
                -2.0 * curve.a * curve.b * std::pow(d2, curve.b - 1.0) / (curve.a * powB + 1.0),
                1e-5);
    EXPECT_NEAR(table.exactRepulsion(2.5f), 2.0 * curve.b / ((0.001 + d2) * (curve.a * powB + 1.0)),
                1e-6);
}

TEST(MortonOrder, WalksAGridInZOrder) {
    // A 4 x 4 grid given row by row; Z order visits 2 x 2 blocks, x before y in each.
    std::vector<float> grid;
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x) grid.insert(grid.end(), {float(x), float(y)});
    const std::vector<std::uint32_t> expected = {0, 1, 4,  5,  2,  3,  6,  7,
                                                 8, 9, 12, 13, 10, 11, 14, 15};
    EXPECT_EQ(latent::detail::mortonOrder(grid, 2), expected);
}

// A ring of n nodes with adjacency W: the operator (I + W / 2) / 2 has eigenvalues
// (1 + cos(2 pi m / n)) / 2, each but the top one twice, and tiny gaps near the top.
struct Ring {
    std::size_t n;
    void operator()(const std::vector<double>& in, std::vector<double>& out, std::size_t p) const {
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t left = (i + n - 1) % n, right = (i + 1) % n;
            for (std::size_t c = 0; c < p; ++c)
                out[i * p + c] =
                    0.5 * in[i * p + c] + 0.25 * (in[left * p + c] + in[right * p + c]);
        }
    }
    double eigenvalue(int m) const {
        return 0.5 * (1.0 + std::cos(2.0 * std::numbers::pi * m / n));
    }
};

latent::detail::EigenBlock solveRing(const Ring& ring, int chebyshevDegree, int maxIterations) {
    latent::detail::SubspaceOptions options;
    options.wanted = 4;
    options.block = 8;
    options.tolerance = 1e-6;
    options.maxIterations = maxIterations;
    options.seed = 3;
    options.deflate.assign(ring.n, 1.0 / std::sqrt(static_cast<double>(ring.n)));
    options.chebyshevDegree = chebyshevDegree;
    options.spectrumLow = 0.0;
    return latent::detail::largestEigenvectors(ring.n, ring, options);
}

TEST(ChebyshevSubspace, FindsTheRingsEigenpairsWherePlainIterationStalls) {
    const Ring ring{400};
    const auto filtered = solveRing(ring, 12, 300);
    ASSERT_TRUE(filtered.converged);
    const double expected[] = {ring.eigenvalue(1), ring.eigenvalue(1), ring.eigenvalue(2),
                               ring.eigenvalue(2)};
    for (int c = 0; c < 4; ++c) EXPECT_NEAR(filtered.values[c], expected[c], 1e-9) << c;

    // Each vector satisfies A v = lambda v and stays orthogonal to the deflated constant.
    std::vector<double> product(ring.n * 4);
    ring(filtered.vectors, product, 4);
    for (int c = 0; c < 4; ++c) {
        double residual = 0.0, sum = 0.0;
        for (std::size_t i = 0; i < ring.n; ++i) {
            const double v = filtered.vectors[i * 4 + c];
            residual += std::pow(product[i * 4 + c] - filtered.values[c] * v, 2);
            sum += v;
        }
        EXPECT_LT(std::sqrt(residual), 1e-5) << c;
        EXPECT_NEAR(sum, 0.0, 1e-6) << c;
    }

    // The same budget of operator applications (13 per filtered step) does not get plain
    // iteration there: the gap between the 4th and 9th eigenvalue is below 1e-3.
    const auto plain = solveRing(ring, 0, filtered.iterations * 13);
    EXPECT_FALSE(plain.converged);
}

}  // namespace
