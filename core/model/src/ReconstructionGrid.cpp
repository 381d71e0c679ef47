#include "latent/core/ReconstructionGrid.h"

#include <algorithm>
#include <map>

#include "latent/core/Error.h"

namespace latent {

Raster reconstructionGrid(const Model& model, const Dataset& data,
                          const std::vector<std::size_t>& indices, int columns, int scale) {
    if (indices.empty() || columns < 1) throw Error(ErrorKind::InvalidArgument, "no images for the grid");
    std::vector<Image> cells;
    const auto cols = static_cast<std::size_t>(columns);
    for (std::size_t first = 0; first < indices.size(); first += cols) {
        const std::size_t n = std::min(cols, indices.size() - first);
        std::vector<float> pixels;
        std::vector<Image> originals;
        for (std::size_t k = 0; k < n; ++k) {
            originals.push_back(data.image(indices[first + k]));
            pixels.insert(pixels.end(), originals.back().pixels.begin(), originals.back().pixels.end());
        }
        const auto decoded = model.decode(model.encode(pixels.data(), n));
        const Image blank{data.shape, std::vector<float>(data.shape.pixelCount(), 1.0f), false};
        for (std::size_t k = 0; k < cols; ++k) cells.push_back(k < n ? originals[k] : blank);
        for (std::size_t k = 0; k < cols; ++k) cells.push_back(k < n ? decoded[k] : blank);
    }
    return makeGrid(cells, columns, scale, 2);
}

std::vector<std::size_t> indicesAcrossClasses(const Dataset& data, std::size_t count) {
    std::map<int, std::vector<std::size_t>> byClass;
    for (std::size_t i = 0; i < data.labels.size(); ++i) byClass[data.labels[i]].push_back(i);
    std::vector<std::size_t> out;
    for (std::size_t round = 0; out.size() < count; ++round) {
        bool any = false;
        for (const auto& [label, members] : byClass) {
            if (round < members.size() && out.size() < count) {
                out.push_back(members[round]);
                any = true;
            }
        }
        if (!any) break;
    }
    for (std::size_t i = 0; out.size() < count && i < data.count; ++i) {
        if (data.labels.empty()) out.push_back(i);
    }
    return out;
}

}  // namespace latent
