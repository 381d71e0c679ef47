// Orthogonal Procrustes: with A and B the centred reference and moving points and
// B^T A = U S V^T, the rotation is U V^T, the scale trace(S) / |B|^2, and the remaining
// squared distance |A|^2 - trace(S)^2 / |B|^2. The SVD of the small dims x dims matrix
// comes from the eigenvectors of M^T M (Jacobi, as PCA's).
#include "latent/core/MapAlignment.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "latent/core/Error.h"
#include "latent/core/Pca.h"

namespace latent {
namespace {

std::vector<double> centreOf(const LatentBatch& points) {
    std::vector<double> centre(points.dim, 0.0);
    for (std::size_t i = 0; i < points.count; ++i) {
        for (std::size_t d = 0; d < points.dim; ++d) centre[d] += points.row(i)[d];
    }
    for (double& c : centre) c /= static_cast<double>(points.count);
    return centre;
}

double dot(const std::vector<double>& x, const std::vector<double>& y) {
    double sum = 0.0;
    for (std::size_t d = 0; d < x.size(); ++d) sum += x[d] * y[d];
    return sum;
}

// A unit vector orthogonal to `basis` (fewer than `dims` orthonormal vectors).
std::vector<double> orthogonalTo(const std::vector<std::vector<double>>& basis, std::size_t dims) {
    for (std::size_t axis = 0; axis < dims; ++axis) {
        std::vector<double> v(dims, 0.0);
        v[axis] = 1.0;
        for (const auto& b : basis) {
            const double along = dot(v, b);
            for (std::size_t d = 0; d < dims; ++d) v[d] -= along * b[d];
        }
        const double norm = std::sqrt(dot(v, v));
        if (norm > 0.5) {
            for (double& x : v) x /= norm;
            return v;
        }
    }
    return std::vector<double>(dims, 0.0);  // unreachable: some axis is always far enough out
}

}  // namespace

MapAlignment alignMap(const LatentBatch& reference, const LatentBatch& moving) {
    const std::size_t n = reference.count, dims = reference.dim;
    if (moving.count != n || moving.dim != dims || dims < 1 || dims > 3 || n == 0) {
        throw Error(ErrorKind::InvalidArgument, "aligning maps needs two maps of the same items in 1 to 3 dimensions (" +
                                                    std::to_string(n) + " x " + std::to_string(dims) + " and " +
                                                    std::to_string(moving.count) + " x " + std::to_string(moving.dim) + ")");
    }
    const auto centreA = centreOf(reference), centreB = centreOf(moving);
    std::vector<double> m(dims * dims, 0.0);  // B^T A, centred
    double normA = 0.0, normB = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t r = 0; r < dims; ++r) {
            const double b = moving.row(i)[r] - centreB[r];
            normB += b * b;
            const double a = reference.row(i)[r] - centreA[r];
            normA += a * a;
            for (std::size_t c = 0; c < dims; ++c) m[r * dims + c] += b * (reference.row(i)[c] - centreA[c]);
        }
    }
    if (normA == 0.0 || normB == 0.0) {
        throw Error(ErrorKind::InvalidArgument, "cannot align a map whose points all coincide");
    }
    std::vector<double> mtm(dims * dims, 0.0);
    for (std::size_t r = 0; r < dims; ++r) {
        for (std::size_t c = 0; c < dims; ++c) {
            for (std::size_t k = 0; k < dims; ++k) mtm[r * dims + c] += m[k * dims + r] * m[k * dims + c];
        }
    }
    std::vector<double> vectors;
    const std::vector<double> eigenvalues = symmetricEigen(mtm, dims, vectors);  // rows: V's columns
    // u_i = M v_i / s_i; directions M loses (a map on a line) are completed orthogonally.
    std::vector<std::vector<double>> u, v;
    double traceS = 0.0;
    const double largest = std::sqrt(std::max(eigenvalues.front(), 0.0));
    for (std::size_t i = 0; i < dims; ++i) {
        v.emplace_back(vectors.begin() + static_cast<std::ptrdiff_t>(i * dims),
                       vectors.begin() + static_cast<std::ptrdiff_t>((i + 1) * dims));
        const double s = std::sqrt(std::max(eigenvalues[i], 0.0));
        if (s > 1e-12 * largest && largest > 0.0) {
            std::vector<double> mv(dims, 0.0);
            for (std::size_t r = 0; r < dims; ++r) {
                for (std::size_t c = 0; c < dims; ++c) mv[r] += m[r * dims + c] * v.back()[c] / s;
            }
            u.push_back(std::move(mv));
            traceS += s;
        } else {
            u.push_back(orthogonalTo(u, dims));
        }
    }
    MapAlignment out;
    out.dims = dims;
    out.rotation.assign(dims * dims, 0.0);
    for (std::size_t i = 0; i < dims; ++i) {
        for (std::size_t r = 0; r < dims; ++r) {
            for (std::size_t c = 0; c < dims; ++c) out.rotation[r * dims + c] += u[i][r] * v[i][c];
        }
    }
    out.scale = traceS / normB;
    out.translation = centreA;
    for (std::size_t c = 0; c < dims; ++c) {
        for (std::size_t r = 0; r < dims; ++r) out.translation[c] -= out.scale * centreB[r] * out.rotation[r * dims + c];
    }
    out.error = std::sqrt(std::max(0.0, normA - traceS * traceS / normB) / normA);
    return out;
}

LatentBatch applyAlignment(const LatentBatch& moving, const MapAlignment& alignment) {
    if (moving.dim != alignment.dims) {
        throw Error(ErrorKind::InvalidArgument, "the alignment is of " + std::to_string(alignment.dims) +
                                                    "-D maps, the map is " + std::to_string(moving.dim) + "-D");
    }
    const std::size_t dims = alignment.dims;
    LatentBatch out(moving.count, dims);
    for (std::size_t i = 0; i < moving.count; ++i) {
        for (std::size_t c = 0; c < dims; ++c) {
            double x = alignment.translation[c];
            for (std::size_t r = 0; r < dims; ++r) x += alignment.scale * moving.row(i)[r] * alignment.rotation[r * dims + c];
            out.row(i)[c] = static_cast<float>(x);
        }
    }
    return out;
}

}  // namespace latent
