#include "latent/core/LatentAxes.h"

#include <gtest/gtest.h>

#include <cmath>

#include "latent/core/Error.h"

namespace {

// Row i is (i, 10 + i, -i, 2 i, 5): column means 1.5, 11.5, -1.5, 3, 5 for 4 rows.
latent::LatentBatch ramp() {
    latent::LatentBatch z(4, 5);
    for (std::size_t i = 0; i < 4; ++i) {
        const auto f = static_cast<float>(i);
        const float row[5] = {f, 10 + f, -f, 2 * f, 5};
        std::copy(row, row + 5, z.row(i).begin());
    }
    return z;
}

TEST(LatentAxes, CoordinatesAreTheChosenDimensions) {
    const auto z = ramp();
    const auto axes = latent::LatentAxes::fit(z, {3, 1});
    const auto coords = axes.transform(z);
    ASSERT_EQ(coords.dim, 2u);
    for (std::size_t i = 0; i < z.count; ++i) {
        EXPECT_EQ(coords.row(i)[0], z.row(i)[3]);
        EXPECT_EQ(coords.row(i)[1], z.row(i)[1]);
    }
    const auto three = latent::LatentAxes::fit(z, {0, 2, 4}).transform(z.row(2));
    EXPECT_EQ(three, (std::vector<float>{2, -2, 5}));
}

TEST(LatentAxes, InverseIsTheMeanWithTheChosenDimensionsReplaced) {
    const auto z = ramp();
    const auto axes = latent::LatentAxes::fit(z, {0, 3});
    EXPECT_EQ(axes.reference(), (std::vector<float>{1.5f, 11.5f, -1.5f, 3.0f, 5.0f}));
    const auto latent = axes.inverse(std::vector<float>{-7.0f, 0.25f});
    EXPECT_EQ(latent, (std::vector<float>{-7.0f, 11.5f, -1.5f, 0.25f, 5.0f}));
    // Exact: projecting the decoded latent gives the position back.
    EXPECT_EQ(axes.transform(latent), (std::vector<float>{-7.0f, 0.25f}));
}

TEST(LatentAxes, RejectsBadAxes) {
    const auto z = ramp();
    auto kind = [&](std::vector<int> a) {
        try {
            latent::LatentAxes::fit(z, std::move(a));
        } catch (const latent::Error& e) {
            return e.kind();
        }
        return latent::ErrorKind::Io;  // not thrown
    };
    EXPECT_EQ(kind({0}), latent::ErrorKind::InvalidArgument);
    EXPECT_EQ(kind({0, 1, 2, 3}), latent::ErrorKind::InvalidArgument);
    EXPECT_EQ(kind({0, 5}), latent::ErrorKind::InvalidArgument);
    EXPECT_EQ(kind({-1, 2}), latent::ErrorKind::InvalidArgument);
    EXPECT_EQ(kind({2, 2}), latent::ErrorKind::InvalidArgument);
    EXPECT_THROW(latent::LatentAxes::fit(latent::LatentBatch{}, {0, 1}), latent::Error);
    auto bad = z;
    bad.values[6] = std::nanf("");
    EXPECT_THROW(latent::LatentAxes::fit(bad, {0, 1}), latent::Error);
    const auto axes = latent::LatentAxes::fit(z, {0, 1});
    EXPECT_THROW(axes.inverse(std::vector<float>{1, 2, 3}), latent::Error);
    EXPECT_THROW(axes.transform(std::vector<float>{1, 2}), latent::Error);
}

}  // namespace
