#include "latent/core/AttributeVector.h"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

#include "latent/core/Error.h"

namespace {

// Group A around the origin, group B shifted by (3, 0, 0), with per-point noise `noise`.
latent::LatentBatch twoGroups(float noise, std::vector<std::size_t>& a, std::vector<std::size_t>& b) {
    std::mt19937 rng(4);
    std::normal_distribution<float> normal;
    latent::LatentBatch z(400, 3);
    for (std::size_t i = 0; i < 400; ++i) {
        for (std::size_t j = 0; j < 3; ++j) z.row(i)[j] = noise * normal(rng);
        if (i >= 200) z.row(i)[0] += 3.0f;
        (i < 200 ? a : b).push_back(i);
    }
    return z;
}

TEST(AttributeVector, DirectionIsTheDifferenceOfGroupMeans) {
    latent::LatentBatch z(4, 2);
    z.values = {0, 0, 2, 0, 1, 5, 3, 5};
    const auto v = latent::attributeVector(z, {0, 1}, {2, 3});
    EXPECT_FLOAT_EQ(v.direction[0], 1.0f);
    EXPECT_FLOAT_EQ(v.direction[1], 5.0f);
    EXPECT_NEAR(v.length, std::sqrt(26.0), 1e-9);
    const auto moved = latent::applyAttribute({1, 1}, v, 0.5);
    EXPECT_FLOAT_EQ(moved[0], 1.5f);
    EXPECT_FLOAT_EQ(moved[1], 3.5f);
}

TEST(AttributeVector, ConsistentShiftAgreesAndNoisyShiftDoesNot) {
    std::vector<std::size_t> a, b;
    const auto tight = latent::attributeVector(twoGroups(0.1f, a, b), a, b);
    EXPECT_NEAR(tight.direction[0], 3.0f, 0.05f);
    EXPECT_GT(tight.pairAgreement, 0.99);
    EXPECT_LT(tight.relativeSpread, 0.1);
    a.clear();
    b.clear();
    const auto loose = latent::attributeVector(twoGroups(3.0f, a, b), a, b);
    EXPECT_LT(loose.pairAgreement, 0.7);
    EXPECT_GT(loose.relativeSpread, 0.5);
    EXPECT_EQ(loose.pairsSampled, 2000u);
}

TEST(AttributeVector, RefusesEmptyGroupsAndBadIndices) {
    latent::LatentBatch z(3, 2);
    EXPECT_THROW(latent::attributeVector(z, {}, {1}), latent::Error);
    EXPECT_THROW(latent::attributeVector(z, {0}, {7}), latent::Error);
    EXPECT_THROW(latent::applyAttribute({1, 2, 3}, latent::attributeVector(z, {0}, {1}), 1.0), latent::Error);
}

}  // namespace
