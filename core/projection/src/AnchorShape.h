#pragma once

// Internal to core: what a UMAP layout is pulled towards when anchored (LayoutAnchor).

#include <array>
#include <vector>

namespace latent::detail {

// The centre of a layout (rows of dims <= 3 values) and the RMS distance of its points from it.
struct Spread {
    std::array<double, 3> centre{};
    double rms = 0.0;
};
// Summed in row order, so it does not depend on any thread count.
Spread spreadOf(const std::vector<float>& layout, int dims);

// `layout` centred and scaled to an RMS distance of 1 from its centre: an anchor's arrangement
// without its size. A layout grows from its start while it is optimised, so it is pulled
// towards this shape at its own current spread (centre + rms x shape): the pull keeps the
// anchor's arrangement without holding the layout at the anchor's size.
std::vector<float> unitShape(const std::vector<float>& layout, int dims);

}  // namespace latent::detail
