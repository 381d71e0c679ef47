// libFuzzer target: projector vectors TSV and CSV/TSV metadata parsing.
#include <string_view>

#include "FuzzCommon.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/ProjectorTsv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    runReader([&] { latent::parseVectorsTsv(text, "fuzz"); });
    runReader([&] {
        const auto table = latent::parseMetadata(text, ',', latent::HeaderRule::FirstRow, "fuzz");
        for (const auto& column : table.columns) latent::categoriesOf(column);
    });
    return runReader([&] {
        const auto table =
            latent::parseMetadata(text, '\t', latent::HeaderRule::TensorBoard, "fuzz");
        for (const auto& column : table.columns) latent::categoriesOf(column);
    });
}
