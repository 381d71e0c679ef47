// libFuzzer target: the IDX reader (plain and gzip). It reads from a path, so each input
// is written to a per-process temporary file first, removed when the fuzzer exits.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "FuzzCommon.h"
#include "latent/core/IdxReader.h"

namespace {

struct TempInput {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("latent-fuzz-idx-" + std::to_string(getpid()));
    ~TempInput() {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const TempInput input;
    {
        std::ofstream out(input.path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    return runReader([&] { latent::readIdxFile(input.path, {kFuzzLimits.maxBytes}); });
}
