#include "latent/core/Traversal.h"

#include <gtest/gtest.h>

#include "latent/core/Error.h"

namespace {

TEST(Traversal, EachRowSweepsOneDimensionAndKeepsTheRest) {
    const std::vector<float> point{0.5f, -1.0f, 2.0f, 0.0f};
    const auto grid = latent::traversalLatents(point, {2, 0}, 5, {{-2.0, 2.0}, {0.0, 1.0}});
    ASSERT_EQ(grid.count, 10u);
    ASSERT_EQ(grid.dim, 4u);
    EXPECT_FLOAT_EQ(grid.row(0)[2], -2.0f);
    EXPECT_FLOAT_EQ(grid.row(2)[2], 0.0f);
    EXPECT_FLOAT_EQ(grid.row(4)[2], 2.0f);
    EXPECT_FLOAT_EQ(grid.row(7)[0], 0.5f);  // row 1, step 2 of [0, 1]
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_FLOAT_EQ(grid.row(i)[0], 0.5f);
        EXPECT_FLOAT_EQ(grid.row(i)[1], -1.0f);
        EXPECT_FLOAT_EQ(grid.row(5 + i)[2], 2.0f);
    }
}

TEST(Traversal, RangesComeFromTheDataOrThePrior) {
    latent::DimensionSummary s;
    s.mean = 1.0;
    s.stddev = 0.5;
    const auto r = latent::dataRange(s);
    EXPECT_DOUBLE_EQ(r.low, -0.5);
    EXPECT_DOUBLE_EQ(r.high, 2.5);
    EXPECT_DOUBLE_EQ(latent::priorRange(2.0).high, 2.0);
}

TEST(Traversal, RefusesBadRequests) {
    const std::vector<float> point{0, 0};
    EXPECT_THROW(latent::traversalLatents(point, {0}, 1, {{}}), latent::Error);
    EXPECT_THROW(latent::traversalLatents(point, {5}, 3, {{}}), latent::Error);
    EXPECT_THROW(latent::traversalLatents(point, {0, 1}, 3, {{}}), latent::Error);
}

TEST(Traversal, GridDecodesEveryLatentWithTheModel) {
    const auto model = latent::Model::load(LATENT_DEFAULT_MODEL);
    std::vector<float> point(16, 0.0f);
    std::vector<std::size_t> dims{0, 1, 2};
    const auto latents = latent::traversalLatents(point, dims, 7, std::vector<latent::TraversalRange>(3));
    const auto raster = latent::decodeToGrid(latent::decoderOf(*model), latents, 7, 1);
    EXPECT_EQ(raster.width, 7 * 28 + 6 * 2);
    EXPECT_EQ(raster.height, 3 * 28 + 2 * 2);
    // The cell at row 1, column 3 is the decode of latent 10.
    latent::LatentBatch one(1, 16);
    std::copy(latents.row(10).begin(), latents.row(10).end(), one.values.begin());
    const auto expected = latent::toRaster(model->decode(one).front());
    const int x0 = 3 * 30, y0 = 1 * 30;
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x)
            ASSERT_EQ(raster.pixels[static_cast<std::size_t>((y0 + y) * raster.width + x0 + x)],
                      expected.pixels[static_cast<std::size_t>(y * 28 + x)]);
}

}  // namespace
