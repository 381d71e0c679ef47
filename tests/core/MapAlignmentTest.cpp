// Procrustes alignment of maps: a map rotated, reflected, scaled and shifted is laid back
// exactly; noise leaves an error of its size; unrelated maps stay apart.
#include "latent/core/MapAlignment.h"

#include <gtest/gtest.h>

#include <cmath>

#include "RandomData.h"
#include "latent/core/Error.h"

namespace {

// `points` through p -> scale * p R + shift, with R a rotation by `angle` about the z axis
// (2-D: in the plane), reflected across the first axis when `reflect`.
latent::LatentBatch transformed(const latent::LatentBatch& points, double angle, bool reflect, double scale,
                                const std::vector<double>& shift) {
    latent::LatentBatch out(points.count, points.dim);
    const double c = std::cos(angle), s = std::sin(angle);
    for (std::size_t i = 0; i < points.count; ++i) {
        const auto p = points.row(i);
        const double x = reflect ? -p[0] : p[0], y = p[1];
        out.row(i)[0] = static_cast<float>(scale * (c * x - s * y) + shift[0]);
        out.row(i)[1] = static_cast<float>(scale * (s * x + c * y) + shift[1]);
        if (points.dim == 3) out.row(i)[2] = static_cast<float>(scale * p[2] + shift[2]);
    }
    return out;
}

double rmsDistance(const latent::LatentBatch& a, const latent::LatentBatch& b) {
    double sum = 0.0;
    for (std::size_t i = 0; i < a.values.size(); ++i) sum += std::pow(a.values[i] - b.values[i], 2.0);
    return std::sqrt(sum / static_cast<double>(a.count));
}

TEST(MapAlignment, ARotatedReflectedScaledAndShiftedMapIsLaidBackExactly) {
    for (const std::size_t dims : {2u, 3u}) {
        for (const bool reflect : {false, true}) {
            SCOPED_TRACE(std::to_string(dims) + "-D" + (reflect ? ", reflected" : ""));
            const auto reference = gaussianBatch(500, dims, 4);
            const auto moving = transformed(reference, 2.1, reflect, 0.37, {5.0, -3.0, 8.0});
            const latent::MapAlignment alignment = latent::alignMap(reference, moving);
            EXPECT_NEAR(alignment.scale, 1.0 / 0.37, 1e-4);
            EXPECT_LT(alignment.error, 1e-5);
            EXPECT_LT(rmsDistance(latent::applyAlignment(moving, alignment), reference), 1e-4);
            double det = 0.0;  // a rotation or a reflection: orthogonal, |det| = 1
            const auto& r = alignment.rotation;
            det = dims == 2 ? r[0] * r[3] - r[1] * r[2]
                            : r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) +
                                  r[2] * (r[3] * r[7] - r[4] * r[6]);
            EXPECT_NEAR(det, reflect ? -1.0 : 1.0, 1e-9);
        }
    }
}

TEST(MapAlignment, TheErrorMeasuresWhatNoTransformCanExplain) {
    const auto reference = gaussianBatch(2000, 2, 5);
    // Noise of 10% of the spread on every axis: the error is about 0.1.
    const auto noise = gaussianBatch(2000, 2, 6);
    latent::LatentBatch noisy = transformed(reference, 0.7, false, 3.0, {1.0, 1.0});
    for (std::size_t i = 0; i < noisy.values.size(); ++i) noisy.values[i] += 0.3f * noise.values[i];
    EXPECT_NEAR(latent::alignMap(reference, noisy).error, 0.1, 0.01);
    // An unrelated map: almost nothing in common.
    EXPECT_GT(latent::alignMap(reference, gaussianBatch(2000, 2, 7)).error, 0.95);
}

TEST(MapAlignment, DegenerateOrMismatchedMapsAreRefusedOrHandled) {
    const auto reference = gaussianBatch(50, 2, 8);
    EXPECT_THROW(latent::alignMap(reference, gaussianBatch(49, 2, 8)), latent::Error);
    EXPECT_THROW(latent::alignMap(reference, gaussianBatch(50, 3, 8)), latent::Error);
    EXPECT_THROW(latent::alignMap(reference, latent::LatentBatch(50, 2)), latent::Error);  // all at one point
    // Points on a line: still aligned (the rotation is completed across the line).
    latent::LatentBatch line(50, 2);
    for (std::size_t i = 0; i < 50; ++i) line.row(i)[0] = static_cast<float>(i);
    const auto turned = transformed(line, 0.5, false, 2.0, {1.0, 2.0});
    const auto alignment = latent::alignMap(line, turned);
    EXPECT_LT(rmsDistance(latent::applyAlignment(turned, alignment), line), 1e-4);
}

}  // namespace
