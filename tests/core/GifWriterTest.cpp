#include "latent/core/GifWriter.h"

#include <gif_lib.h>
#include <gtest/gtest.h>

#include "TempDir.h"
#include "latent/core/Error.h"

namespace {

latent::Raster greyFrame(int w, int h, std::uint8_t base) {
    latent::Raster r{w, h, 1, {}};
    for (int i = 0; i < w * h; ++i) r.pixels.push_back(static_cast<std::uint8_t>(base + i));
    return r;
}

struct ReadGif {
    explicit ReadGif(const std::filesystem::path& path) {
        int error = 0;
        gif = DGifOpenFileName(path.c_str(), &error);
        if (gif) DGifSlurp(gif);
    }
    ~ReadGif() {
        int error = 0;
        if (gif) DGifCloseFile(gif, &error);
    }
    GifFileType* gif = nullptr;
};

TEST(GifWriter, GreyFramesRoundTripExactlyWithDelayAndLoop) {
    TempDir dir;
    const auto path = dir / "morph.gif";
    latent::writeAnimatedGif(path, {greyFrame(7, 5, 0), greyFrame(7, 5, 100), greyFrame(7, 5, 200)}, {25, true});
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
    ReadGif read(path);
    ASSERT_NE(read.gif, nullptr);
    EXPECT_EQ(read.gif->SWidth, 7);
    EXPECT_EQ(read.gif->SHeight, 5);
    ASSERT_EQ(read.gif->ImageCount, 3);
    for (int f = 0; f < 3; ++f) {
        const SavedImage& img = read.gif->SavedImages[f];
        GraphicsControlBlock gcb;
        ASSERT_EQ(DGifSavedExtensionToGCB(read.gif, f, &gcb), GIF_OK);
        EXPECT_EQ(gcb.DelayTime, 25);
        const ColorMapObject* map = read.gif->SColorMap;
        for (int p = 0; p < 35; ++p) {
            const GifColorType c = map->Colors[img.RasterBits[p]];
            EXPECT_EQ(c.Red, static_cast<GifByteType>(100 * f + p)) << "frame " << f << " pixel " << p;
            EXPECT_EQ(c.Red, c.Blue);
        }
    }
    bool foundLoop = false;  // the NETSCAPE2.0 application block before the first frame
    for (int e = 0; e < read.gif->SavedImages[0].ExtensionBlockCount; ++e) {
        const ExtensionBlock& block = read.gif->SavedImages[0].ExtensionBlocks[e];
        if (block.Function == APPLICATION_EXT_FUNC_CODE && block.ByteCount == 11 &&
            std::string(reinterpret_cast<const char*>(block.Bytes), 11) == "NETSCAPE2.0") {
            foundLoop = true;
        }
    }
    EXPECT_TRUE(foundLoop);
}

TEST(GifWriter, RgbFramesMapToTheNearestCubeColour) {
    TempDir dir;
    latent::Raster rgb{2, 1, 3, {255, 0, 0, 10, 200, 250}};
    latent::writeAnimatedGif(dir / "rgb.gif", {rgb});
    ReadGif read(dir / "rgb.gif");
    ASSERT_NE(read.gif, nullptr);
    const auto* bits = read.gif->SavedImages[0].RasterBits;
    const GifColorType red = read.gif->SColorMap->Colors[bits[0]];
    EXPECT_EQ(red.Red, 255);
    EXPECT_EQ(red.Green, 0);
    const GifColorType sky = read.gif->SColorMap->Colors[bits[1]];
    EXPECT_LE(std::abs(sky.Red - 10), 26);
    EXPECT_LE(std::abs(sky.Green - 200), 22);
    EXPECT_LE(std::abs(sky.Blue - 250), 26);
}

TEST(GifWriter, RefusesEmptyOrMixedFramesAndUnwritablePaths) {
    TempDir dir;
    EXPECT_THROW(latent::writeAnimatedGif(dir / "x.gif", {}), latent::Error);
    EXPECT_THROW(latent::writeAnimatedGif(dir / "x.gif", {greyFrame(2, 2, 0), greyFrame(3, 2, 0)}), latent::Error);
    try {
        latent::writeAnimatedGif(dir / "missing" / "x.gif", {greyFrame(2, 2, 0)});
        FAIL();
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Io);
    }
}

}  // namespace
