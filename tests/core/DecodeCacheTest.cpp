#include "latent/core/DecodeCache.h"

#include <gtest/gtest.h>

namespace {

latent::Image imageOf(float value) {
    latent::Image image;
    image.shape = {1, 1, 2};
    image.pixels = {value, value};
    return image;
}

TEST(DecodeCache, FindsByExactLatentBytes) {
    latent::DecodeCache cache(4);
    const std::vector<float> a = {0.5f, -1.0f}, b = {0.5f, -1.0000001f};
    cache.insert(a, imageOf(0.25f));
    ASSERT_TRUE(cache.find(a).has_value());
    EXPECT_EQ(cache.find(a)->pixels[0], 0.25f);
    EXPECT_FALSE(cache.find(b).has_value());                       // one ulp apart: another key
    EXPECT_FALSE(cache.find(std::vector<float>{0.5f}).has_value());  // a prefix is not a match
}

TEST(DecodeCache, EvictsTheLeastRecentlyUsed) {
    latent::DecodeCache cache(2);
    const std::vector<float> a = {1}, b = {2}, c = {3};
    cache.insert(a, imageOf(1));
    cache.insert(b, imageOf(2));
    ASSERT_TRUE(cache.find(a).has_value());  // a is now more recent than b
    cache.insert(c, imageOf(3));
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_TRUE(cache.find(a).has_value());
    EXPECT_FALSE(cache.find(b).has_value());
    EXPECT_TRUE(cache.find(c).has_value());
}

TEST(DecodeCache, ReinsertReplacesWithoutGrowing) {
    latent::DecodeCache cache(2);
    const std::vector<float> a = {1};
    cache.insert(a, imageOf(1));
    cache.insert(a, imageOf(7));
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_EQ(cache.find(a)->pixels[0], 7.0f);
    cache.clear();
    EXPECT_EQ(cache.size(), 0u);
}

TEST(DecodeCache, ZeroCapacityStoresNothing) {
    latent::DecodeCache cache(0);
    cache.insert(std::vector<float>{1}, imageOf(1));
    EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
