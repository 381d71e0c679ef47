// libFuzzer target: .npy parsing and the conversions applied to what it returns.
#include <span>

#include "FuzzCommon.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/NpyReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return runReader([&] {
        const auto array = latent::parseNpy(std::span(data, size), "fuzz", kFuzzLimits);
        try {
            latent::datasetFromArray(array, latent::ChannelOrder::Last, "fuzz");
        } catch (const latent::Error&) {
        }
        try {
            latent::labelsFromArray(array, 0, "fuzz");
        } catch (const latent::Error&) {
        }
        latent::latentsFromArray(array, "fuzz");
    });
}
