#pragma once

#include <filesystem>
#include <vector>

#include "latent/core/ImageIo.h"

namespace latent {

struct GifOptions {
    int delayCentiseconds = 10;  // per frame (GIF's time unit is 1/100 s)
    bool loop = true;            // play forever (the NETSCAPE2.0 extension)
};

// Writes frames (all of one size; grey or RGB) as an animated GIF, atomically. Grey
// frames keep all 256 levels; RGB frames are mapped to a fixed 6x7x6 colour cube, which
// is plenty for decoded images and keeps every frame on one shared palette.
// Throws Error(InvalidArgument) for no frames or mixed sizes, Error(Io) on write failure.
void writeAnimatedGif(const std::filesystem::path& path, const std::vector<Raster>& frames,
                      const GifOptions& options = {});

}  // namespace latent
