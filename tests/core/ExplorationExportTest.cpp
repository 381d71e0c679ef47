#include "latent/core/ExplorationExport.h"

#include <gif_lib.h>
#include <gtest/gtest.h>
#include <png.h>

#include <random>

#include "TempDir.h"
#include "latent/core/Error.h"

namespace {

std::shared_ptr<latent::Model> model() {
    static auto m = latent::Model::load(LATENT_DEFAULT_MODEL);
    return m;
}

std::array<png_uint_32, 2> pngSize(const std::filesystem::path& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    png_init_io(png, f);
    png_read_info(png, info);
    std::array<png_uint_32, 2> size{png_get_image_width(png, info), png_get_image_height(png, info)};
    png_destroy_read_struct(&png, &info, nullptr);
    std::fclose(f);
    return size;
}

latent::MorphExport morph() {
    std::mt19937 rng(3);
    std::normal_distribution<float> normal;
    latent::MorphExport m;
    m.a.resize(16);
    m.b.resize(16);
    for (auto* v : {&m.a, &m.b})
        for (float& x : *v) x = normal(rng);
    m.frames = 6;
    m.scale = 2;
    return m;
}

TEST(ExplorationExport, StripHasOneCellPerFrame) {
    TempDir dir;
    latent::exportMorphStrip(latent::decoderOf(*model()), morph(), dir / "strip.png");
    const auto size = pngSize(dir / "strip.png");
    EXPECT_EQ(size[0], 6u * 56u + 5u * 2u);
    EXPECT_EQ(size[1], 56u);
}

TEST(ExplorationExport, AnimationHasEveryFrameWithTheDelay) {
    TempDir dir;
    auto m = morph();
    m.tEnd = 1.5;
    latent::exportMorphAnimation(latent::decoderOf(*model()), m, 8, dir / "morph.gif");
    int error = 0;
    GifFileType* gif = DGifOpenFileName((dir / "morph.gif").c_str(), &error);
    ASSERT_NE(gif, nullptr);
    ASSERT_EQ(DGifSlurp(gif), GIF_OK);
    EXPECT_EQ(gif->ImageCount, 6);
    EXPECT_EQ(gif->SWidth, 56);
    GraphicsControlBlock gcb;
    DGifSavedExtensionToGCB(gif, 5, &gcb);
    EXPECT_EQ(gcb.DelayTime, 8);
    DGifCloseFile(gif, &error);
    EXPECT_THROW(latent::exportMorphAnimation(latent::decoderOf(*model()), m, 0, dir / "bad.gif"), latent::Error);
}

}  // namespace
