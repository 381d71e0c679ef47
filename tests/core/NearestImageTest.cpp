#include "latent/core/NearestImage.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

latent::Dataset threeImages() {
    latent::Dataset data;
    data.shape = {1, 2, 2};
    data.count = 3;
    data.pixels = {0, 0, 0, 0, 255, 255, 255, 255, 100, 100, 200, 200};
    return data;
}

TEST(NearestImage, FindsThePixelClosestImageAndItsRmsDifference) {
    const auto data = threeImages();
    latent::Image image{{1, 2, 2}, {0.4f, 0.4f, 0.8f, 0.8f}};
    const auto match = latent::nearestImage(data, image);
    ASSERT_TRUE(match.has_value());
    EXPECT_EQ(match->index, 2u);
    const double d1 = 100.0 / 255.0 - 0.4, d2 = 200.0 / 255.0 - 0.8;
    EXPECT_NEAR(match->rmsDifference, std::sqrt((2 * d1 * d1 + 2 * d2 * d2) / 4), 1e-6);
    image.pixels = {1.0f, 1.0f, 1.0f, 0.9f};
    EXPECT_EQ(latent::nearestImage(data, image)->index, 1u);
}

TEST(NearestImage, NothingToCompareGivesNoMatch) {
    auto data = threeImages();
    EXPECT_FALSE(latent::nearestImage(data, latent::Image{{1, 1, 4}, {0, 0, 0, 0}}).has_value());
    data.count = 0;
    data.pixels.clear();
    EXPECT_FALSE(latent::nearestImage(data, latent::Image{{1, 2, 2}, {0, 0, 0, 0}}).has_value());
}

}  // namespace
