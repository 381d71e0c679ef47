#include "latent/core/ScreenPickIndex.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "latent/core/Error.h"

namespace latent {
namespace {

// Leaves hold at most this many points: small enough to prune well, large enough that
// the nodes cost about one byte per point.
constexpr std::uint32_t kLeafSize = 32;

// Screen rectangle around the projected corners of a box lying in front of the camera
// (it holds every projected point of the box, see Query::lowerBound); none when part of
// the box reaches behind the camera.
template <typename Box>
std::optional<ScreenRect> screenRectOf(const ScreenView& view, const Box& box) {
    std::optional<ScreenRect> rect;
    for (int c = 0; c < 8; ++c) {
        const auto p = toScreen(view, (c & 1) ? box.hi[0] : box.lo[0], (c & 2) ? box.hi[1] : box.lo[1],
                                (c & 4) ? box.hi[2] : box.lo[2]);
        if (!p) return std::nullopt;
        rect = rect ? ScreenRect{std::min(rect->x0, p->x), std::min(rect->y0, p->y),
                                 std::max(rect->x1, p->x), std::max(rect->y1, p->y)}
                    : rectangleOf(*p, *p);
    }
    return rect;
}

// The collected rows in ascending order. Marking and scanning costs about a millisecond per
// million points; sorting a selection of most of a million points costs ~100 ms.
std::vector<std::size_t> ascending(const std::vector<std::size_t>& rows, std::size_t count) {
    if (rows.size() < count / 64) {
        std::vector<std::size_t> sorted = rows;
        std::sort(sorted.begin(), sorted.end());
        return sorted;
    }
    std::vector<std::uint8_t> marked(count, 0);
    for (const std::size_t row : rows) marked[row] = 1;
    std::vector<std::size_t> out;
    out.reserve(rows.size());
    for (std::size_t row = 0; row < count; ++row) {
        if (marked[row] != 0) out.push_back(row);
    }
    return out;
}

}  // namespace

struct ScreenPickIndex::Query {
    const std::array<double, 16>& m;
    double width, height, x, y;
    double radius2;
    // Best so far, compared as (squared distance, depth, index) like the brute force.
    std::optional<std::uint32_t> best;
    double bestD2 = 0.0, bestDepth = 0.0;

    double limit() const { return best ? std::min(bestD2, radius2) : radius2; }

    // Squared pixel distance from the cursor to the screen rectangle around the box's
    // projected corners, which holds every projected point of the box because a
    // perspective projection maps a box lying in front of the camera to a convex shape
    // spanned by its corners. 0 (no pruning) when the box reaches behind the camera;
    // infinity when the whole box is outside the depth range.
    double lowerBound(const Node& n) const {
        double minX = std::numeric_limits<double>::infinity(), maxX = -minX;
        double minY = minX, maxY = -minX, minZ = minX, maxZ = -minX;
        for (int c = 0; c < 8; ++c) {
            const double wx = (c & 1) ? n.hi[0] : n.lo[0];
            const double wy = (c & 2) ? n.hi[1] : n.lo[1];
            const double wz = (c & 4) ? n.hi[2] : n.lo[2];
            const double cx = m[0] * wx + m[1] * wy + m[2] * wz + m[3];
            const double cy = m[4] * wx + m[5] * wy + m[6] * wz + m[7];
            const double cz = m[8] * wx + m[9] * wy + m[10] * wz + m[11];
            const double cw = m[12] * wx + m[13] * wy + m[14] * wz + m[15];
            if (cw <= 0.0) return 0.0;
            const double sx = (cx / cw + 1.0) * 0.5 * width, sy = (cy / cw + 1.0) * 0.5 * height;
            const double nz = cz / cw;
            minX = std::min(minX, sx);
            maxX = std::max(maxX, sx);
            minY = std::min(minY, sy);
            maxY = std::max(maxY, sy);
            minZ = std::min(minZ, nz);
            maxZ = std::max(maxZ, nz);
        }
        if (minZ > 1.0 || maxZ < -1.0) return std::numeric_limits<double>::infinity();
        // A little slack for rounding: the bound must never exceed a true distance.
        const double dx = std::max({minX - x, 0.0, x - maxX});
        const double dy = std::max({minY - y, 0.0, y - maxY});
        return std::max(0.0, std::hypot(dx, dy) - 1e-6 * (1.0 + width + height));
    }

    void offer(double d2, double depth, std::uint32_t index) {
        if (d2 > radius2) return;
        const bool better = !best || d2 < bestD2 ||
                            (d2 == bestD2 && (depth < bestDepth || (depth == bestDepth && index < *best)));
        if (!better) return;
        best = index;
        bestD2 = d2;
        bestDepth = depth;
    }
};

ScreenPickIndex::ScreenPickIndex(const LatentBatch& coords) : dim_(coords.dim) {
    if (dim_ != 2 && dim_ != 3) {
        throw Error(ErrorKind::InvalidArgument,
                    "picking needs map coordinates with 2 or 3 columns, got " + std::to_string(dim_));
    }
    if (coords.count >= std::numeric_limits<std::uint32_t>::max()) {
        throw Error(ErrorKind::TooLarge, "too many points to pick from: " + std::to_string(coords.count));
    }
    for (float v : coords.values) {
        if (!std::isfinite(v)) throw Error(ErrorKind::InvalidArgument, "map coordinates hold NaN or Inf");
    }
    const auto n = static_cast<std::uint32_t>(coords.count);
    std::vector<std::uint32_t> order(n);
    for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
    nodes_.reserve(2 * (n / (kLeafSize / 2) + 1));
    if (n > 0) build(order, coords, 0, n);
    nodes_.shrink_to_fit();
    points_.resize(coords.values.size());
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto row = coords.row(order[i]);
        std::copy(row.begin(), row.end(), points_.begin() + static_cast<std::ptrdiff_t>(i * dim_));
    }
    index_ = std::move(order);
}

std::uint32_t ScreenPickIndex::build(std::vector<std::uint32_t>& order, const LatentBatch& coords,
                                     std::uint32_t begin, std::uint32_t end) {
    const auto self = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    Node node;
    node.begin = begin;
    node.end = end;
    node.lo.fill(std::numeric_limits<float>::max());
    node.hi.fill(std::numeric_limits<float>::lowest());
    if (dim_ == 2) node.lo[2] = node.hi[2] = 0.0f;
    for (std::uint32_t i = begin; i < end; ++i) {
        const float* p = coords.values.data() + std::size_t{order[i]} * dim_;
        for (std::size_t a = 0; a < dim_; ++a) {
            node.lo[a] = std::min(node.lo[a], p[a]);
            node.hi[a] = std::max(node.hi[a], p[a]);
        }
    }
    if (end - begin > kLeafSize) {
        std::size_t axis = 0;
        for (std::size_t a = 1; a < dim_; ++a) {
            if (node.hi[a] - node.lo[a] > node.hi[axis] - node.lo[axis]) axis = a;
        }
        const std::uint32_t mid = begin + (end - begin) / 2;
        const auto first = order.begin();
        std::nth_element(first + begin, first + mid, first + end, [&](std::uint32_t a, std::uint32_t b) {
            return coords.values[std::size_t{a} * dim_ + axis] < coords.values[std::size_t{b} * dim_ + axis];
        });
        node.left = build(order, coords, begin, mid);
        node.right = build(order, coords, mid, end);
    }
    nodes_[self] = node;
    return self;
}

void ScreenPickIndex::search(Query& q, std::uint32_t id) const {
    const Node& node = nodes_[id];
    if (node.left == 0) {
        for (std::uint32_t i = node.begin; i < node.end; ++i) {
            const float* p = points_.data() + std::size_t{i} * dim_;
            const auto s = projectToScreen(q.m, q.width, q.height, p[0], p[1], dim_ > 2 ? p[2] : 0.0);
            if (!s) continue;
            const double dx = (*s)[0] - q.x, dy = (*s)[1] - q.y;
            q.offer(dx * dx + dy * dy, (*s)[2], index_[i]);
        }
        return;
    }
    // Nearer child first, so the best distance shrinks early and prunes the other.
    const double boundLeft = q.lowerBound(nodes_[node.left]);
    const double boundRight = q.lowerBound(nodes_[node.right]);
    const bool leftFirst = boundLeft <= boundRight;
    const std::uint32_t order[2] = {leftFirst ? node.left : node.right, leftFirst ? node.right : node.left};
    const double bounds[2] = {leftFirst ? boundLeft : boundRight, leftFirst ? boundRight : boundLeft};
    for (int c = 0; c < 2; ++c) {
        if (bounds[c] * bounds[c] <= q.limit()) search(q, order[c]);
    }
}

std::optional<ScreenHit> ScreenPickIndex::pick(const std::array<double, 16>& worldToView,
                                               double width, double height, double cursorX,
                                               double cursorY, double radiusPixels) const {
    if (nodes_.empty()) return std::nullopt;
    Query q{worldToView, width, height, cursorX, cursorY, radiusPixels * radiusPixels, {}};
    const double rootBound = q.lowerBound(nodes_[0]);
    if (rootBound * rootBound > q.radius2) return std::nullopt;
    search(q, 0);
    if (!q.best) return std::nullopt;
    return ScreenHit{*q.best, std::sqrt(q.bestD2)};
}

template <typename Inside>
void ScreenPickIndex::collect(const ScreenView& view, const ScreenRect& region, bool takeWholeNodes,
                              const Inside& inside, std::uint32_t id,
                              std::vector<std::size_t>& out) const {
    const Node& node = nodes_[id];
    // Slack for rounding, so that pruning never decides differently from the brute force.
    const double slack = 1e-6 * (1.0 + view.width + view.height);
    if (const auto r = screenRectOf(view, node)) {
        if (r->x0 > region.x1 + slack || r->x1 < region.x0 - slack || r->y0 > region.y1 + slack ||
            r->y1 < region.y0 - slack) {
            return;
        }
        if (takeWholeNodes && r->x0 > region.x0 + slack && r->x1 < region.x1 - slack &&
            r->y0 > region.y0 + slack && r->y1 < region.y1 - slack) {
            out.insert(out.end(), index_.begin() + node.begin, index_.begin() + node.end);
            return;
        }
    }
    if (node.left != 0) {
        collect(view, region, takeWholeNodes, inside, node.left, out);
        collect(view, region, takeWholeNodes, inside, node.right, out);
        return;
    }
    for (std::uint32_t i = node.begin; i < node.end; ++i) {
        const float* p = points_.data() + std::size_t{i} * dim_;
        const auto s = toScreen(view, p[0], p[1], dim_ > 2 ? p[2] : 0.0);
        if (s && inside(*s)) out.push_back(index_[i]);
    }
}

std::vector<std::size_t> ScreenPickIndex::selectInRectangle(const ScreenView& view, ScreenPoint c1,
                                                            ScreenPoint c2) const {
    std::vector<std::size_t> out;
    const ScreenRect rect = rectangleOf(c1, c2);
    if (!nodes_.empty()) {
        collect(view, rect, true, [&](ScreenPoint p) { return rect.contains(p); }, 0, out);
    }
    return ascending(out, index_.size());
}

std::vector<std::size_t> ScreenPickIndex::selectInLasso(const ScreenView& view,
                                                        const std::vector<ScreenPoint>& lasso) const {
    std::vector<std::size_t> out;
    if (lasso.size() < 3 || nodes_.empty()) return out;
    const ScreenRect bounds = boundsOf(lasso);
    collect(view, bounds, false,
            [&](ScreenPoint p) { return bounds.contains(p) && insidePolygon(lasso, p); }, 0, out);
    return ascending(out, index_.size());
}

}  // namespace latent
