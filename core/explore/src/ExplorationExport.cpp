#include "latent/core/ExplorationExport.h"

#include "latent/core/Error.h"
#include "latent/core/GifWriter.h"
#include "latent/core/ImageIo.h"
#include "latent/core/Traversal.h"

namespace latent {
namespace {

LatentBatch morphLatents(const MorphExport& m) {
    return interpolationPath(m.a, m.b, m.frames, m.mode, 0.0, m.tEnd);
}

}  // namespace

void exportMorphStrip(const DecodeFn& decode, const MorphExport& morph, const std::filesystem::path& path) {
    writePng(path, decodeToGrid(decode, morphLatents(morph), static_cast<int>(morph.frames), morph.scale));
}

void exportMorphAnimation(const DecodeFn& decode, const MorphExport& morph, int delayCentiseconds,
                          const std::filesystem::path& path) {
    if (delayCentiseconds < 1) throw Error(ErrorKind::InvalidArgument, "a frame delay must be at least 1/100 s");
    std::vector<Raster> frames;
    for (const Image& image : decode(morphLatents(morph))) frames.push_back(toRaster(image, morph.scale));
    writeAnimatedGif(path, frames, {delayCentiseconds, true});
}

}  // namespace latent
