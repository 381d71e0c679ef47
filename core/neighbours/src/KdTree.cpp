#include "latent/core/KdTree.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "latent/core/Error.h"

namespace latent {

// The k best candidates so far, sorted by (squared distance, index).
struct KdTree::Search {
    std::span<const float> query;
    std::size_t k;
    std::vector<std::pair<float, std::uint32_t>> best;

    float worst() const {
        return best.size() < k ? std::numeric_limits<float>::infinity() : best.back().first;
    }
    void offer(float d2, std::uint32_t index) {
        const std::pair<float, std::uint32_t> candidate{d2, index};
        if (best.size() == k && !(candidate < best.back())) return;
        if (best.size() == k) best.pop_back();
        best.insert(std::upper_bound(best.begin(), best.end(), candidate), candidate);
    }
};

KdTree::KdTree(const LatentBatch& points) : dim_(points.dim) {
    if (dim_ == 0 || dim_ > 3) {
        throw Error(ErrorKind::InvalidArgument,
                    "a k-d tree over map coordinates needs 1 to 3 columns, got " + std::to_string(dim_));
    }
    if (points.count > std::numeric_limits<std::uint32_t>::max()) {
        throw Error(ErrorKind::TooLarge, "too many points for a k-d tree");
    }
    for (float x : points.values) {
        if (!std::isfinite(x)) throw Error(ErrorKind::InvalidArgument, "map coordinates hold NaN or Inf");
    }
    std::vector<std::uint32_t> order(points.count);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    axis_.assign(points.count, 0);
    build(order, points, 0, order.size());
    index_ = std::move(order);
    points_.resize(points.values.size());
    for (std::size_t i = 0; i < index_.size(); ++i) {
        const auto p = points.row(index_[i]);
        std::copy(p.begin(), p.end(), points_.begin() + static_cast<std::ptrdiff_t>(i * dim_));
    }
}

void KdTree::build(std::vector<std::uint32_t>& order, const LatentBatch& points, std::size_t begin,
                   std::size_t end) {
    if (end - begin < 2) return;
    std::size_t axis = 0;
    float widest = -1.0f;
    for (std::size_t a = 0; a < dim_; ++a) {
        float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
        for (std::size_t i = begin; i < end; ++i) {
            const float v = points.values[order[i] * dim_ + a];
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        if (hi - lo > widest) {
            widest = hi - lo;
            axis = a;
        }
    }
    const std::size_t mid = begin + (end - begin) / 2;
    const auto first = order.begin();
    std::nth_element(first + static_cast<std::ptrdiff_t>(begin), first + static_cast<std::ptrdiff_t>(mid),
                     first + static_cast<std::ptrdiff_t>(end), [&](std::uint32_t a, std::uint32_t b) {
                         const float va = points.values[a * dim_ + axis], vb = points.values[b * dim_ + axis];
                         return va < vb || (va == vb && a < b);
                     });
    axis_[mid] = static_cast<std::uint8_t>(axis);
    build(order, points, begin, mid);
    build(order, points, mid + 1, end);
}

void KdTree::search(Search& s, std::size_t begin, std::size_t end) const {
    if (begin >= end) return;
    const std::size_t mid = begin + (end - begin) / 2;
    const float* p = points_.data() + mid * dim_;
    float d2 = 0.0f;
    for (std::size_t a = 0; a < dim_; ++a) d2 += (s.query[a] - p[a]) * (s.query[a] - p[a]);
    s.offer(d2, index_[mid]);
    const std::size_t axis = axis_[mid];
    const float diff = s.query[axis] - p[axis];
    const bool lowFirst = diff < 0.0f;
    if (lowFirst) search(s, begin, mid); else search(s, mid + 1, end);
    if (diff * diff <= s.worst()) {
        if (lowFirst) search(s, mid + 1, end); else search(s, begin, mid);
    }
}

std::vector<KdTree::Neighbour> KdTree::nearest(std::span<const float> query, std::size_t k) const {
    if (query.size() != dim_) {
        throw Error(ErrorKind::InvalidArgument, "k-d tree query of size " + std::to_string(query.size()) +
                                                    ", expected " + std::to_string(dim_));
    }
    Search s{query, std::min(k, size()), {}};
    s.best.reserve(s.k + 1);
    if (s.k > 0) search(s, 0, size());
    std::vector<Neighbour> out;
    out.reserve(s.best.size());
    for (const auto& [d2, index] : s.best) out.push_back({index, std::sqrt(d2)});
    return out;
}

}  // namespace latent
