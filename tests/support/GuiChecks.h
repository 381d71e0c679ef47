#pragma once

#include <gtest/gtest.h>

#include <QPoint>
#include <cmath>
#include <limits>
#include <vector>

#include "latent/core/Workspace.h"
#include "latent/ui/ScatterMap.h"

// Checks shared by the GUI tests: where to click, and what the decoded image must be.

// The point whose nearest on-screen neighbour is farthest away: a click there can only
// mean this point.
inline std::size_t mostIsolatedPoint(const latent::ui::ScatterMap& map, std::size_t skip = 0) {
    const std::size_t n = map.pointCount();
    std::vector<QPoint> pos(n);
    for (std::size_t i = 0; i < n; ++i) pos[i] = map.viewPositionOf(i);
    const QSize size = map.size();
    std::size_t best = 0;
    double bestGap = -1.0;
    for (std::size_t i = skip; i < n; i += 7) {  // a sample keeps this fast
        if (pos[i].x() < 20 || pos[i].y() < 20 || pos[i].x() > size.width() - 20 ||
            pos[i].y() > size.height() - 20) {
            continue;
        }
        double gap = std::numeric_limits<double>::max();
        for (std::size_t j = 0; j < n && gap > bestGap; ++j) {
            if (j != i) gap = std::min(gap, std::hypot(pos[i].x() - pos[j].x(), pos[i].y() - pos[j].y()));
        }
        if (gap > bestGap) {
            bestGap = gap;
            best = i;
        }
    }
    return best;
}

inline void expectSameImage(const latent::Image& a, const latent::Image& b) {
    ASSERT_EQ(a.shape, b.shape);
    ASSERT_EQ(a.pixels.size(), b.pixels.size());
    for (std::size_t p = 0; p < a.pixels.size(); ++p) ASSERT_FLOAT_EQ(a.pixels[p], b.pixels[p]) << "pixel " << p;
}

inline latent::Image coreDecode(const latent::Workspace& ws, const std::vector<float>& z) {
    latent::LatentBatch batch(1, z.size());
    batch.values = z;
    return ws.model->decode(batch).front();
}

