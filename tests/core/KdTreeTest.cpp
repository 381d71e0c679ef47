#include "latent/core/KdTree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "latent/core/Error.h"

namespace {

std::vector<latent::KdTree::Neighbour> bruteForce(const latent::LatentBatch& pts,
                                                  std::span<const float> q, std::size_t k) {
    std::vector<std::pair<float, std::size_t>> all;
    for (std::size_t i = 0; i < pts.count; ++i) {
        float d2 = 0;
        for (std::size_t a = 0; a < pts.dim; ++a) d2 += (q[a] - pts.row(i)[a]) * (q[a] - pts.row(i)[a]);
        all.emplace_back(d2, i);
    }
    std::sort(all.begin(), all.end());
    std::vector<latent::KdTree::Neighbour> out;
    for (std::size_t n = 0; n < std::min(k, all.size()); ++n) out.push_back({all[n].second, std::sqrt(all[n].first)});
    return out;
}

TEST(KdTree, MatchesBruteForceIn2dAnd3d) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(-10.0f, 10.0f);
    for (std::size_t dim : {2u, 3u}) {
        latent::LatentBatch pts(1500, dim);
        for (float& x : pts.values) x = std::round(u(rng) * 4.0f) / 4.0f;  // a coarse grid: many ties
        const latent::KdTree tree(pts);
        EXPECT_EQ(tree.size(), 1500u);
        for (int q = 0; q < 200; ++q) {
            std::vector<float> query(dim);
            for (float& x : query) x = u(rng) * 1.2f;
            const auto got = tree.nearest(query, 8);
            const auto want = bruteForce(pts, query, 8);
            ASSERT_EQ(got.size(), want.size());
            for (std::size_t n = 0; n < got.size(); ++n) {
                EXPECT_EQ(got[n].index, want[n].index) << "query " << q << " rank " << n;
                EXPECT_FLOAT_EQ(got[n].distance, want[n].distance);
            }
        }
    }
}

TEST(KdTree, SmallAndDegenerateInputs) {
    latent::LatentBatch same(5, 2);  // five points at the origin
    const latent::KdTree tree(same);
    const auto all = tree.nearest(std::vector<float>{3, 4}, 10);
    ASSERT_EQ(all.size(), 5u);
    for (std::size_t n = 0; n < 5; ++n) {
        EXPECT_EQ(all[n].index, n);  // ties broken by index
        EXPECT_FLOAT_EQ(all[n].distance, 5.0f);
    }
    EXPECT_TRUE(tree.nearest(std::vector<float>{0, 0}, 0).empty());
    EXPECT_THROW(tree.nearest(std::vector<float>{0, 0, 0}, 1), latent::Error);
    EXPECT_THROW(latent::KdTree(latent::LatentBatch(3, 4)), latent::Error);
    latent::LatentBatch bad(2, 2);
    bad.values[1] = INFINITY;
    EXPECT_THROW(latent::KdTree{bad}, latent::Error);
}

}  // namespace
