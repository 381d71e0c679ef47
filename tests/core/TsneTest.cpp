#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "BarnesHutTree.h"
#include "TsneAffinities.h"
#include "EncodedFashionMnist.h"
#include "latent/core/Error.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/ThreadTeam.h"
#include "latent/core/ProjectionQuality.h"
#include "latent/core/Tsne.h"

namespace {

// `clusters` Gaussian blobs of `perCluster` points in `dim` dimensions, unit spread,
// centres drawn with spread `separation`. labels receives each point's blob.
latent::LatentBatch blobs(std::size_t clusters, std::size_t perCluster, std::size_t dim,
                          float separation, unsigned seed, std::vector<int>* labels = nullptr) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> centres(clusters * dim);
    for (float& c : centres) c = separation * normal(rng);
    latent::LatentBatch data(clusters * perCluster, dim);
    for (std::size_t i = 0; i < data.count; ++i) {
        const std::size_t c = i % clusters;
        for (std::size_t d = 0; d < dim; ++d)
            data.values[i * dim + d] = centres[c * dim + d] + normal(rng);
        if (labels) labels->push_back(static_cast<int>(c));
    }
    return data;
}

latent::ProjectionParams tsneParams(int iterations, int threads = 2,
                                    latent::TsneRepulsion repulsion = latent::TsneRepulsion::Auto) {
    latent::ProjectionParams p;
    p.method = latent::ProjectionMethod::Tsne;
    p.iterations = iterations;
    p.threads = threads;
    p.tsneRepulsion = repulsion;
    return p;
}

constexpr latent::TsneRepulsion kBarnesHut = latent::TsneRepulsion::BarnesHut;
constexpr latent::TsneRepulsion kInterpolation = latent::TsneRepulsion::Interpolation;

TEST(BarnesHutTree, MatchesExactRepulsionWithThetaZeroAndIsCloseWithThetaHalf) {
    const std::size_t n = 800;
    std::mt19937 rng(5);
    std::normal_distribution<float> normal;
    std::vector<float> y(n * 2);
    for (float& v : y) v = 5.0f * normal(rng);
    y[2] = y[0];  // two coincident points must not divide by zero
    y[3] = y[1];
    latent::BarnesHutTree<2> tree(n);
    tree.build(y.data());
    EXPECT_LE(tree.nodeCount(), 2 * n);
    // Relative to the total force magnitude: single points near the middle of the cloud
    // feel almost no net force, so their own relative error says little.
    double error = 0.0, magnitude = 0.0, worstZ = 0.0;
    for (std::size_t s = 0; s < n; ++s) {
        const std::size_t i = tree.order()[s];
        double exact[2] = {0, 0}, z = 0.0;
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i) continue;
            const double dx = y[i * 2] - y[j * 2], dy = y[i * 2 + 1] - y[j * 2 + 1];
            const double q = 1.0 / (1.0 + dx * dx + dy * dy);
            z += q;
            exact[0] += q * q * dx;
            exact[1] += q * q * dy;
        }
        double all[2] = {0, 0}, approx[2] = {0, 0};
        EXPECT_NEAR(tree.repulsion(s, 0.0f, all), z, 1e-5 * z);
        EXPECT_NEAR(all[0], exact[0], 1e-5 * z);
        EXPECT_NEAR(all[1], exact[1], 1e-5 * z);
        const double zApprox = tree.repulsion(s, 0.25f, approx);  // theta 0.5, squared
        worstZ = std::max(worstZ, std::abs(zApprox - z) / z);
        error += std::hypot(approx[0] - exact[0], approx[1] - exact[1]);
        magnitude += std::hypot(exact[0], exact[1]);
    }
    // theta = 0.5 measured: worst Z error 2.1 %, force error 2.5 % of the total force.
    EXPECT_LT(worstZ, 0.03);
    EXPECT_LT(error / magnitude, 0.04);
}

TEST(Tsne, RefusesBadParametersWithAMessage) {
    const auto data = blobs(2, 30, 3, 5.0f, 1);
    auto expectRefused = [&](latent::ProjectionParams p, const latent::LatentBatch& input,
                             const std::string& mentions) {
        try {
            latent::runTsne(input, p);
            ADD_FAILURE() << "accepted: " << mentions;
        } catch (const latent::Error& e) {
            EXPECT_EQ(e.kind(), latent::ErrorKind::InvalidArgument);
            EXPECT_NE(std::string(e.what()).find(mentions), std::string::npos) << e.what();
        }
    };
    auto p = tsneParams(50);
    p.perplexity = 60;  // sklearn likewise requires perplexity < N
    expectRefused(p, data, "perplexity");
    p = tsneParams(50);
    p.perplexity = 5;
    p.dims = 4;
    expectRefused(p, data, "2 or 3");
    p.dims = 2;
    p.theta = -0.1;
    expectRefused(p, data, "theta");
    p = tsneParams(50, 2, kInterpolation);
    p.perplexity = 5;
    p.dims = 3;
    expectRefused(p, data, "2-D");
    p = tsneParams(50);
    p.perplexity = std::numeric_limits<double>::quiet_NaN();
    expectRefused(p, data, "perplexity");
    auto broken = data;
    p = tsneParams(50);
    p.perplexity = 5;
    broken.values[7] = std::numeric_limits<float>::infinity();
    expectRefused(p, broken, "NaN");
    broken.values[7] = std::numeric_limits<float>::quiet_NaN();
    expectRefused(p, broken, "NaN");
    // A learning rate that throws the layout past the floats: a message, not a map of NaNs.
    for (latent::TsneRepulsion repulsion : {kBarnesHut, kInterpolation}) {
        p = tsneParams(50, 2, repulsion);
        p.perplexity = 5;
        p.learningRate = 1e300;
        expectRefused(p, data, "diverged at iteration 1 ");
    }
}

TEST(Tsne, SameSeedSameOutputAndTheThreadCountDoesNotMatter) {
    const auto data = blobs(3, 100, 8, 6.0f, 2);
    auto p = tsneParams(200);
    p.perplexity = 15;
    const auto first = latent::runTsne(data, p);
    const auto second = latent::runTsne(data, p);
    ASSERT_EQ(first.count, data.count);
    ASSERT_EQ(first.dim, 2u);
    EXPECT_EQ(first.values, second.values);
    p.threads = 1;
    EXPECT_EQ(latent::runTsne(data, p).values, first.values);
}

TEST(Tsne, InterpolatedRepulsionGivesTheSameMapWhateverTheThreadCount) {
    const auto data = blobs(3, 200, 8, 6.0f, 2);
    auto p = tsneParams(200, 2, kInterpolation);
    p.perplexity = 15;
    const auto first = latent::runTsne(data, p);
    EXPECT_EQ(latent::runTsne(data, p).values, first.values);
    p.threads = 1;
    EXPECT_EQ(latent::runTsne(data, p).values, first.values);
    p.threads = 3;
    EXPECT_EQ(latent::runTsne(data, p).values, first.values);
    p.tsneRepulsion = kBarnesHut;  // and the choice is honoured
    EXPECT_NE(latent::runTsne(data, p).values, first.values);
}

TEST(Tsne, AutoInterpolatesLargeTwoDimensionalMaps) {
    // 20,000 points: where Auto switches to interpolation (measured the faster there).
    const auto data = blobs(4, 5000, 8, 6.0f, 9);
    auto p = tsneParams(10);
    p.perplexity = 5;
    const auto automatic = latent::runTsne(data, p).values;
    p.tsneRepulsion = kInterpolation;
    EXPECT_EQ(automatic, latent::runTsne(data, p).values);
}

TEST(Tsne, SameOutputAboveTheExactNeighbourSearchLimit) {
    // Above 4,096 points the neighbours come from HNSW: its graph must not depend on
    // thread timing either. Few iterations: only repeatability is checked here.
    const auto data = blobs(5, 900, 8, 6.0f, 8);
    auto p = tsneParams(20);
    p.perplexity = 5;
    EXPECT_EQ(latent::runTsne(data, p).values, latent::runTsne(data, p).values);
}

// Every point's nearest neighbour in the layout, and how far apart the clusters are
// compared with their size: the smallest distance between two cluster means over the
// largest mean distance of a cluster's points to their own mean.
void expectClustersApart(const latent::LatentBatch& y, const std::vector<int>& labels,
                         std::size_t clusters) {
    std::size_t sameCluster = 0;
    for (std::size_t i = 0; i < y.count; ++i) {
        double best = std::numeric_limits<double>::max();
        std::size_t nearest = i;
        for (std::size_t j = 0; j < y.count; ++j) {
            double d2 = 0.0;
            for (std::size_t c = 0; c < y.dim; ++c) d2 += std::pow(y.row(i)[c] - y.row(j)[c], 2.0);
            if (j != i && d2 < best) best = d2, nearest = j;
        }
        sameCluster += labels[i] == labels[nearest];
    }
    EXPECT_EQ(sameCluster, y.count);

    std::vector<double> mean(clusters * y.dim, 0.0), spread(clusters, 0.0);
    const double perCluster = static_cast<double>(y.count / clusters);
    for (std::size_t i = 0; i < y.count; ++i)
        for (std::size_t c = 0; c < y.dim; ++c)
            mean[labels[i] * y.dim + c] += y.row(i)[c] / perCluster;
    auto dist = [&](const float* p, const double* m) {
        double d2 = 0.0;
        for (std::size_t c = 0; c < y.dim; ++c) d2 += (p[c] - m[c]) * (p[c] - m[c]);
        return std::sqrt(d2);
    };
    for (std::size_t i = 0; i < y.count; ++i) {
        spread[labels[i]] += dist(y.row(i).data(), &mean[labels[i] * y.dim]) / perCluster;
    }
    double closest = std::numeric_limits<double>::max();
    for (std::size_t a = 0; a < clusters; ++a) {
        for (std::size_t b = a + 1; b < clusters; ++b) {
            std::vector<float> ma(mean.begin() + a * y.dim, mean.begin() + (a + 1) * y.dim);
            closest = std::min(closest, dist(ma.data(), &mean[b * y.dim]));
        }
    }
    // Above 2, discs of the mean radius around the cluster means cannot overlap; 3 leaves a
    // margin. Measured: 6.5 for the 2-D test, 8.6 for the 3-D one.
    EXPECT_GT(closest / *std::max_element(spread.begin(), spread.end()), 3.0);
}

TEST(Tsne, KeepsWellSeparatedClustersApartIn2D) {
    std::vector<int> labels;
    const auto data = blobs(5, 200, 10, 8.0f, 3, &labels);
    const auto y = latent::runTsne(data, tsneParams(500));
    expectClustersApart(y, labels, 5);
}

TEST(Tsne, KeepsWellSeparatedClustersApartIn2DWithInterpolatedRepulsion) {
    std::vector<int> labels;
    const auto data = blobs(5, 200, 10, 8.0f, 3, &labels);
    const auto y = latent::runTsne(data, tsneParams(500, 2, kInterpolation));
    expectClustersApart(y, labels, 5);
}

TEST(Tsne, KeepsWellSeparatedClustersApartIn3D) {
    std::vector<int> labels;
    const auto data = blobs(4, 100, 10, 8.0f, 4, &labels);
    auto p = tsneParams(400);
    p.dims = 3;
    p.perplexity = 20;
    const auto y = latent::runTsne(data, p);
    ASSERT_EQ(y.dim, 3u);
    expectClustersApart(y, labels, 4);
}

// Trustworthiness@15 of t-SNE maps of four disjoint samples of 1,500 encoded test images,
// each sample's and their mean. One sample is not enough: t-SNE's layout depends
// chaotically on its input, and on one sample trust moved between 0.958 and 0.971 when only
// the BLAS kernel that encoded the latents changed (a difference of 1e-6 in them).
struct SampledTrust {
    std::vector<double> samples;
    double mean = 0.0;
    double meanKl = 0.0;  // of the t-SNE objective, KL(P || Q)
};

// The cost t-SNE minimises, KL(P || Q), of layout `y` of `data` (exact Q over all pairs):
// how well the optimiser did its job, where trustworthiness only sees local order.
double tsneCost(const latent::LatentBatch& data, const latent::LatentBatch& y, double perplexity) {
    latent::ThreadTeam team(2);
    const auto graph = latent::exactKnnGraph(data, latent::tsneNeighbourCount(data.count, perplexity),
                                             latent::Metric::Euclidean, 2);
    const auto p = latent::tsneAffinities(graph, perplexity, latent::Metric::Euclidean, team);
    const auto kernel = [&y](std::size_t i, std::size_t j) {
        double d2 = 0.0;
        for (std::size_t d = 0; d < y.dim; ++d) d2 += std::pow(y.row(i)[d] - y.row(j)[d], 2.0);
        return 1.0 / (1.0 + d2);
    };
    double z = 0.0;
    for (std::size_t i = 0; i < y.count; ++i)
        for (std::size_t j = i + 1; j < y.count; ++j) z += 2.0 * kernel(i, j);
    double kl = 0.0;
    for (std::size_t i = 0; i < y.count; ++i) {
        for (std::size_t e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e) {
            const double pij = p.values[e];
            if (pij > 0.0) kl += pij * std::log(pij / (kernel(i, p.columns[e]) / z));
        }
    }
    return kl;
}
SampledTrust trustOnFashionMnist(const latent::ProjectionParams& params) {
    constexpr std::size_t n = 1500, samples = 4;
    static const auto latents = testdata::encodedFashionMnist(n * samples);
    SampledTrust trust;
    for (std::size_t s = 0; s < samples; ++s) {
        latent::LatentBatch sample(n, latents.dim);
        std::copy_n(latents.values.begin() + static_cast<std::ptrdiff_t>(s * n * latents.dim), n * latents.dim,
                    sample.values.begin());
        const auto y = latent::runTsne(sample, params);
        trust.samples.push_back(latent::trustworthiness(sample, y, 15, n, 0, 2));
        trust.mean += trust.samples.back() / samples;
        trust.meanKl += tsneCost(sample, y, params.perplexity) / samples;
    }
    return trust;
}

// Bars set from what was measured (means over the four samples; this machine's OpenBLAS
// SkylakeX kernel): the full run scores trust 0.9651 and cost 1.359 (0.9659 and 1.360 since
// the points are renumbered for locality, TsneLocality.h); stopped after 250
// iterations it still scores trust 0.9633, which trustworthiness@15 cannot tell apart, but
// its cost is 1.423 (every sample's is higher); not optimised at all, 0.742 and 3.762.
// Without early exaggeration the run scored *better* here (trust 0.9675, cost 1.323), also
// with the learning rate kept: on 1,500 points its benefit (a better global arrangement of
// clusters) does not show in either measure, so no bar here claims to catch its removal.
constexpr double kTrustBar = 0.96;
constexpr double kCostBar = 1.39;

TEST(Tsne, IsTrustworthyOnEncodedFashionMnist) {
    const auto trust = trustOnFashionMnist(tsneParams(0));
    for (double t : trust.samples) EXPECT_GT(t, kTrustBar - 0.01);
    EXPECT_GT(trust.mean, kTrustBar);
    EXPECT_LT(trust.meanKl, kCostBar);
}

// The interpolated repulsion meets the same bars, and its maps are as trustworthy as
// Barnes-Hut's (measured: cost 1.353 against 1.360; with at least 50 boxes across instead
// of 100 it was 1.376 and, in a whole-suite run, 1.383 against 1.345, trust 0.9657 against
// 0.9659).
TEST(Tsne, InterpolatedRepulsionIsAsTrustworthyAsBarnesHut) {
    const auto interpolated = trustOnFashionMnist(tsneParams(0, 2, kInterpolation));
    const auto barnesHut = trustOnFashionMnist(tsneParams(0, 2, kBarnesHut));
    EXPECT_GT(interpolated.mean, kTrustBar);
    EXPECT_LT(interpolated.meanKl, kCostBar);
    EXPECT_NEAR(interpolated.mean, barnesHut.mean, 0.003);
    EXPECT_NEAR(interpolated.meanKl, barnesHut.meanKl, 0.03);
}

// Runs weakened as a regression of the optimiser would weaken them fail the bars above.
TEST(Tsne, AWeakenedRunFailsTheBars) {
    const auto stopped = trustOnFashionMnist(tsneParams(250));
    EXPECT_GT(stopped.meanKl, kCostBar);
    const auto unoptimised = trustOnFashionMnist(tsneParams(1));
    EXPECT_LT(unoptimised.mean, kTrustBar);
    EXPECT_GT(unoptimised.meanKl, kCostBar);
}

class TsneCallbacks : public testing::TestWithParam<latent::TsneRepulsion> {};
INSTANTIATE_TEST_SUITE_P(BothRepulsions, TsneCallbacks, testing::Values(kBarnesHut, kInterpolation));

TEST_P(TsneCallbacks, CancelsWithinTenIterationsOfTheCallbackSayingNo) {
    const auto data = blobs(3, 60, 5, 6.0f, 6);
    int calls = 0;
    std::string lastMessage;
    // The neighbour search may report progress first; count the optimiser's reports.
    auto stopAtThird = [&](const latent::LatentBatch& layout, double fraction,
                           const std::string& message) {
        EXPECT_EQ(layout.count, data.count);
        EXPECT_GT(fraction, 0.0);
        if (message.find("iteration") == std::string::npos) return true;
        lastMessage = message;
        return ++calls < 3;
    };
    try {
        latent::runTsne(data, tsneParams(1000, 2, GetParam()), stopAtThird);
        ADD_FAILURE() << "not cancelled";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Cancelled);
    }
    EXPECT_EQ(calls, 3);
    EXPECT_NE(lastMessage.find("iteration 30 of 1000"), std::string::npos) << lastMessage;
}

TEST_P(TsneCallbacks, ReportsTheLayoutEveryTenIterations) {
    const auto data = blobs(2, 40, 4, 6.0f, 7);
    int calls = 0;
    double lastFraction = 0.0;
    latent::LatentBatch lastLayout;
    auto record = [&](const latent::LatentBatch& layout, double fraction, const std::string& message) {
        EXPECT_GE(fraction, lastFraction);
        if (message.find("iteration") == std::string::npos) return true;  // neighbour search
        ++calls;
        lastFraction = fraction;
        lastLayout = layout;
        return true;
    };
    const auto y = latent::runTsne(data, tsneParams(100, 2, GetParam()), record);
    EXPECT_EQ(calls, 10);
    EXPECT_DOUBLE_EQ(lastFraction, 1.0);
    EXPECT_EQ(lastLayout.values, y.values);
}

}  // namespace
