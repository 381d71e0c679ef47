// libFuzzer target: PNG and JPEG files through the image-folder reader (header checks,
// decoding, grey/RGB conversion, fitting to a target shape). The input is written as one
// file of a folder in /dev/shm (the readers take files), named by its first bytes as the
// folder reader would see it.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "FuzzCommon.h"
#include "latent/core/ImageFolder.h"

namespace {

// Made on first use, removed when the fuzzer exits.
struct ScratchFolder {
    std::filesystem::path path =
        std::filesystem::path("/dev/shm") / ("latent-fuzz-image-" + std::to_string(::getpid()));
    ScratchFolder() { std::filesystem::create_directories(path); }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

const std::filesystem::path& folder() {
    static const ScratchFolder scratch;
    return scratch.path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const bool png = size >= 4 && data[0] == 0x89 && data[1] == 'P';
    const auto file = folder() / (png ? "input.png" : "input.jpg");
    std::filesystem::remove(folder() / (png ? "input.jpg" : "input.png"));
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    latent::ImageFolderOptions options;
    options.target = {1, 16, 12};  // a fit to another shape and to grey, every time
    options.classesFromSubfolders = false;
    options.maxBytes = std::size_t{1} << 24;
    return runReader([&] { latent::loadImageFolder(folder(), options); });
}
