#include "latent/core/PointsInSight.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <vector>

namespace {

using Rows = std::vector<std::uint32_t>;
using latent::PointFootprint;

// World x, y in [0, 10] fill a 10 x 10 pixel viewport, one unit per pixel; depth is z / 10
// (nearer for smaller z).
constexpr std::array<double, 16> kFlat{0.2, 0, 0, -1, 0, 0.2, 0, -1, 0, 0, 0.1, 0, 0, 0, 0, 1};

Rows inSight(const std::vector<float>& xyz, PointFootprint footprint,
             const std::array<double, 16>& view = kFlat) {
    return latent::pointsInSight(xyz.data(), xyz.size() / 3, view, 10, 10, footprint);
}

Rows range(std::uint32_t first, std::uint32_t last) {
    Rows rows;
    for (std::uint32_t r = first; r <= last; ++r) rows.push_back(r);
    return rows;
}

// Squares 2 pixels wide centred on pixel centres cover exactly their own pixel.
void addPixelCoverers(std::vector<float>& xyz, int firstColumn, int lastColumn, int firstRow,
                      int lastRow, float z = 0.0f) {
    for (int row = firstRow; row <= lastRow; ++row)
        for (int column = firstColumn; column <= lastColumn; ++column)
            xyz.insert(xyz.end(), {column + 0.5f, row + 0.5f, z});
}

TEST(PointsInSight, ASquareShowsUnlessLaterSquaresCoverEveryPixelItTouches) {
    // Point 0, 2 pixels wide at (4.5, 5.5), touches columns 3-5 and rows 4-6.
    std::vector<float> xyz{4.5f, 5.5f, 0.0f};
    addPixelCoverers(xyz, 3, 5, 4, 6);
    EXPECT_EQ(inSight(xyz, {2.0, false}), range(1, 9));
    xyz.resize(xyz.size() - 3);  // one touched pixel left uncovered: its edge shows there
    EXPECT_EQ(inSight(xyz, {2.0, false}), range(0, 8));
    // Covering squares drawn before it are drawn over.
    std::vector<float> before;
    addPixelCoverers(before, 3, 5, 4, 6);
    before.insert(before.end(), {4.5f, 5.5f, 0.0f});
    EXPECT_EQ(inSight(before, {2.0, false}), range(0, 9));
}

TEST(PointsInSight, NearerSquaresHideAFartherOneAndAsNearOnesLetTheLaterShow) {
    // Four squares 3.2 pixels wide at z = -1 cover columns and rows 3-7 whole; point 4,
    // drawn last at the middle, touches just those.
    std::vector<float> xyz;
    for (float y : {4.5f, 6.5f})
        for (float x : {4.5f, 6.5f}) xyz.insert(xyz.end(), {x, y, -1.0f});
    xyz.insert(xyz.end(), {5.5f, 5.5f, 3.0f});
    EXPECT_EQ(inSight(xyz, {3.2, false}), range(0, 3));
    xyz.back() = -1.0f;  // as near, and later
    EXPECT_EQ(inSight(xyz, {3.2, false}), range(0, 4));
    xyz.back() = -1.0f + 1e-6f;  // farther by less than depth rounding: kept, to be safe
    EXPECT_EQ(inSight(xyz, {3.2, false}), range(0, 4));
}

TEST(PointsInSight, ASingleSampledFrameJudgesAtPixelCentres) {
    // Point 0, 1.5 pixels wide at (4.9, 5.5), spans x 4.15-5.65 and y 4.75-6.25: it touches
    // columns 4-5 and rows 4-6, but holds only the centres of pixels (4, 5) and (5, 5).
    // Points 1 and 2, drawn later, hold those centres (and cover those pixels whole).
    std::vector<float> xyz{4.9f, 5.5f, 0.0f, 4.5f, 5.5f, 0.0f, 5.5f, 5.5f, 0.0f};
    const PointFootprint multisampled{1.5, false, true}, singleSampled{1.5, false, false};
    EXPECT_EQ(inSight(xyz, multisampled), range(0, 2));  // shows in rows 4 and 6
    EXPECT_EQ(inSight(xyz, singleSampled), range(1, 2));
    xyz.resize(xyz.size() - 3);  // pixel (5, 5)'s centre is its own again
    EXPECT_EQ(inSight(xyz, singleSampled), range(0, 1));
    // Point 0 at x = 4.7 holds column 4's centre only, which point 1 holds too: hidden. At
    // x = 4.75 its edge runs through column 5's centre, which the GPU may draw or not: kept.
    std::vector<float> edge{4.7f, 5.5f, 0.0f, 4.5f, 5.5f, 0.0f};
    EXPECT_EQ(inSight(edge, singleSampled), range(1, 1));
    edge[0] = 4.75f;
    EXPECT_EQ(inSight(edge, singleSampled), range(0, 1));
}

TEST(PointsInSight, RoundPointsAreOnlyCulled) {
    std::vector<float> xyz{4.5f, 5.5f, 0.0f};
    addPixelCoverers(xyz, 3, 5, 4, 6);
    xyz.insert(xyz.end(), {-3.0f, 5.0f, 0.0f});  // off screen
    EXPECT_EQ(inSight(xyz, {2.0, true}), range(0, 9));
}

TEST(PointsInSight, PointsOffScreenAreLeftOutUnlessTheirSquareReachesIn) {
    const std::vector<float> xyz{
        -0.4f, 5.0f, 0,   // 0: a 1-pixel square reaching 0.1 into column 0
        -0.6f, 5.0f, 0,   // 1: one ending 0.1 short of it
        5.0f, 10.45f, 0,  // 2: reaching into the top row
        5.0f, 10.6f, 0,   // 3: not
        -1.9f, 5.0f, 0,   // 4: a 4-pixel disc's square reaches in
        -2.2f, 5.0f, 0,   // 5: not
    };
    EXPECT_EQ(inSight(xyz, {1.0, false}), (Rows{0, 2}));
    EXPECT_EQ(inSight(xyz, {4.0, true}), (Rows{0, 1, 2, 3, 4}));
}

TEST(PointsInSight, PointsBehindTheCameraAreLeftOut) {
    // w = z: the camera looks along +z from the origin.
    std::array<double, 16> perspective{0.2, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0.5, 0, 0, 0, 1, 0};
    const std::vector<float> xyz{1.0f, 1.0f, 2.0f, 1.0f, 1.0f, -2.0f, 0.0f, 0.0f, 0.0f};
    EXPECT_EQ(inSight(xyz, {1.0, false}, perspective), (Rows{0}));
}

TEST(PointsInSight, ADenseMapKeepsFewOfItsPoints) {
    // 100,000 points of 1.5 pixels on 100 pixels, in a shuffled order.
    std::vector<float> xyz;
    for (int i = 0; i < 100000; ++i) {
        const int k = (i * 7919) % 100000;
        xyz.push_back(static_cast<float>(k % 1000) * 0.01f);
        xyz.push_back(static_cast<float>(k / 1000) * 0.1f);
        xyz.push_back(0.0f);
    }
    const Rows rows = inSight(xyz, {1.5, false});
    EXPECT_LT(rows.size(), 2000u);
    EXPECT_GE(rows.size(), 100u);  // at least the last coverer of every pixel
    EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end()));
    const Rows centres = inSight(xyz, {1.5, false, false});
    EXPECT_LT(centres.size(), rows.size() / 2);
    EXPECT_GE(centres.size(), 25u);  // the last holder of every pixel's centre, 4 at most each
    EXPECT_TRUE(std::is_sorted(centres.begin(), centres.end()));
    EXPECT_TRUE(inSight({}, {}).empty());
}

}  // namespace
