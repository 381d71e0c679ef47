#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/ScreenPicker.h"
#include "latent/core/SelectionGeometry.h"

namespace latent {

// Picks the plotted point nearest the cursor on screen without projecting every point:
// a k-d tree over the world coordinates (2 or 3 columns) whose nodes keep bounding boxes.
// A query projects a node's box corners with the current camera; the rectangle around
// them bounds where any point inside can land on screen, so whole subtrees farther than
// the pick radius (or than the best point so far) are skipped. The camera may change
// freely between queries (orbit, zoom, perspective or parallel): nothing is rebuilt.
//
// The answer is the one pickNearestOnScreen gives by projecting every point: the point
// nearest the cursor within the radius, the front-most one (smaller depth) among points
// at the same distance, then the lowest index.
class ScreenPickIndex {
public:
    // Copies the points. Throws Error(InvalidArgument) for other than 2 or 3 columns or
    // NaN/Inf, Error(TooLarge) beyond 2^32 - 1 points. Slow for big maps (~0.3 s per
    // million points): build it off the UI thread.
    explicit ScreenPickIndex(const LatentBatch& coords);

    std::size_t size() const { return index_.size(); }
    std::size_t dim() const { return dim_; }

    std::optional<ScreenHit> pick(const std::array<double, 16>& worldToView, double width,
                                  double height, double cursorX, double cursorY,
                                  double radiusPixels) const;

    // The rows selectInRectangle / selectInLasso (SelectionGeometry.h) give for the same
    // points and view, ascending. Only subtrees whose screen rectangle meets the region
    // are visited and a box selection takes subtrees lying wholly inside without projecting
    // them, so selecting among a million points does not stall the UI.
    std::vector<std::size_t> selectInRectangle(const ScreenView& view, ScreenPoint corner1,
                                               ScreenPoint corner2) const;
    std::vector<std::size_t> selectInLasso(const ScreenView& view,
                                           const std::vector<ScreenPoint>& lasso) const;

private:
    struct Node {
        std::array<float, 3> lo{};
        std::array<float, 3> hi{};
        std::uint32_t begin = 0, end = 0;  // range of points_ (rows) under this node
        std::uint32_t left = 0, right = 0;  // child nodes; 0 for a leaf (node 0 is the root)
    };
    struct Query;

    std::uint32_t build(std::vector<std::uint32_t>& order, const LatentBatch& coords,
                        std::uint32_t begin, std::uint32_t end);
    void search(Query& q, std::uint32_t node) const;
    template <typename Inside>
    void collect(const ScreenView& view, const ScreenRect& region, bool takeWholeNodes,
                 const Inside& inside, std::uint32_t node, std::vector<std::size_t>& out) const;

    std::size_t dim_ = 0;
    std::vector<float> points_;         // reordered copy of the points, row-major
    std::vector<std::uint32_t> index_;  // original row of each reordered point
    std::vector<Node> nodes_;
};

}  // namespace latent
