// libFuzzer target: the ZIP reader and the .npy members inside it.
#include <span>

#include "FuzzCommon.h"
#include "latent/core/NpzReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return runReader([&] { latent::parseNpz(std::span(data, size), "fuzz", kFuzzLimits); });
}
