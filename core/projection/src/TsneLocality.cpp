#include "TsneLocality.h"

namespace latent {

std::vector<std::uint32_t> localityOrder(const SparseAffinities& p) {
    const std::size_t n = p.rowStart.size() - 1;
    std::vector<std::uint32_t> order;
    order.reserve(n);
    std::vector<bool> placed(n, false);
    for (std::size_t start = 0; start < n; ++start) {
        if (placed[start]) continue;
        placed[start] = true;
        order.push_back(static_cast<std::uint32_t>(start));
        // The order grows behind `next`: it is its own queue.
        for (std::size_t next = order.size() - 1; next < order.size(); ++next) {
            const std::uint32_t i = order[next];
            for (std::size_t e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e) {
                const std::uint32_t j = p.columns[e];
                if (placed[j]) continue;
                placed[j] = true;
                order.push_back(j);
            }
        }
    }
    return order;
}

SparseAffinities renumbered(const SparseAffinities& p, const std::vector<std::uint32_t>& order) {
    const std::size_t n = order.size();
    std::vector<std::uint32_t> rank(n);
    for (std::size_t r = 0; r < n; ++r) rank[order[r]] = static_cast<std::uint32_t>(r);
    SparseAffinities out;
    out.rowStart.reserve(n + 1);
    out.columns.reserve(p.columns.size());
    out.values.reserve(p.values.size());
    out.rowStart.push_back(0);
    for (std::uint32_t i : order) {
        for (std::size_t e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e) {
            out.columns.push_back(rank[p.columns[e]]);
            out.values.push_back(p.values[e]);
        }
        out.rowStart.push_back(out.columns.size());
    }
    return out;
}

}  // namespace latent
