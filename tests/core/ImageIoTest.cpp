#include "latent/core/ImageIo.h"

#include <gtest/gtest.h>

#include <fstream>

#include "TempDir.h"
#include "latent/core/Error.h"

namespace {

latent::Image ramp(int h, int w) {
    latent::Image img;
    img.shape = {1, h, w};
    for (int i = 0; i < h * w; ++i) img.pixels.push_back(static_cast<float>(i) / static_cast<float>(h * w - 1));
    return img;
}

TEST(ImageIo, NearestNeighbourEnlargementRepeatsPixels) {
    const auto r = latent::toRaster(ramp(2, 2), 3);
    EXPECT_EQ(r.width, 6);
    EXPECT_EQ(r.height, 6);
    EXPECT_EQ(r.channels, 1);
    EXPECT_EQ(r.pixels[0], 0);
    EXPECT_EQ(r.pixels[2], 0);
    EXPECT_EQ(r.pixels[3], 85);    // pixel (0,1) = 1/3
    EXPECT_EQ(r.pixels[5 * 6 + 5], 255);
}

TEST(ImageIo, GridPlacesCellsWithGaps) {
    std::vector<latent::Image> images(5, ramp(2, 3));
    const auto grid = latent::makeGrid(images, 3, 1, 1, 7);
    EXPECT_EQ(grid.width, 3 * 3 + 2);
    EXPECT_EQ(grid.height, 2 * 2 + 1);
    EXPECT_EQ(grid.pixels[3], 7);  // gap column
    EXPECT_EQ(grid.pixels[static_cast<std::size_t>(grid.width) * 4 + grid.width - 1], 7);  // empty cell
}

TEST(ImageIo, WritesAValidPngAtomically) {
    TempDir dir;
    const auto path = dir / "out.png";
    latent::writePng(path, latent::toRaster(ramp(4, 4), 2));
    std::ifstream in(path, std::ios::binary);
    char sig[8] = {};
    in.read(sig, 8);
    EXPECT_EQ(std::string(sig + 1, 3), "PNG");
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
    EXPECT_THROW(latent::writePng(dir / "no-such-dir" / "x.png", latent::toRaster(ramp(2, 2))), latent::Error);
}

}  // namespace
