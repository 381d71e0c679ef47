#include "latent/core/Interpolation.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "latent/core/Error.h"

namespace latent {
namespace {

double dot(std::span<const float> a, std::span<const float> b) {
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += static_cast<double>(a[i]) * b[i];
    return s;
}

std::vector<float> linear(std::span<const float> a, std::span<const float> b, double t) {
    std::vector<float> out(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out[i] = static_cast<float>((1.0 - t) * a[i] + t * b[i]);
    return out;
}

// A unit vector orthogonal to `a`: the basis vector along a's smallest component,
// with a's part removed. Deterministic, and well-conditioned because that component is small.
std::vector<double> orthogonalTo(std::span<const float> a, double normA) {
    std::size_t smallest = 0;
    for (std::size_t i = 1; i < a.size(); ++i)
        if (std::abs(a[i]) < std::abs(a[smallest])) smallest = i;
    std::vector<double> u(a.size(), 0.0);
    u[smallest] = 1.0;
    const double along = a[smallest] / (normA * normA);
    double norm = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        u[i] -= along * a[i];
        norm += u[i] * u[i];
    }
    norm = std::sqrt(norm);
    for (double& v : u) v /= norm;
    return u;
}

}  // namespace

std::vector<float> interpolate(std::span<const float> a, std::span<const float> b, double t,
                               InterpolationMode mode) {
    if (a.size() != b.size() || a.empty()) {
        throw Error(ErrorKind::InvalidArgument, "interpolation needs two latents of the same size");
    }
    if (mode == InterpolationMode::Linear) return linear(a, b, t);

    const double na = std::sqrt(dot(a, a)), nb = std::sqrt(dot(b, b));
    if (na == 0.0 || nb == 0.0) return linear(a, b, t);
    const double cosine = std::clamp(dot(a, b) / (na * nb), -1.0, 1.0);
    // The direction turns along the great circle from a towards b at a steady rate and the
    // length changes linearly. The circle's plane is spanned by a and u, the unit vector
    // of b's part orthogonal to a: built that way, nearly opposite ends of different
    // lengths stay well-conditioned (the textbook weights sin((1-t)w)/sin(w) on a and b
    // multiply their length difference by 1/sin(w)).
    std::vector<double> u(a.size());
    double orthogonalNorm = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        u[i] = b[i] / nb - cosine * a[i] / na;
        orthogonalNorm += u[i] * u[i];
    }
    orthogonalNorm = std::sqrt(orthogonalNorm);
    constexpr double kTiny = 1e-6;
    if (orthogonalNorm > kTiny) {
        for (double& v : u) v /= orthogonalNorm;
    } else if (cosine > 0.0) {
        return linear(a, b, t);  // same direction: the arc is the segment
    } else {
        // Opposite directions: every great circle through a and b is as good; take a
        // fixed one, so the path is deterministic.
        u = orthogonalTo(a, na);
    }
    const double angle = t * std::acos(cosine);
    const double length = (1.0 - t) * na + t * nb;
    std::vector<float> out(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        out[i] = static_cast<float>(length * (std::cos(angle) * a[i] / na + std::sin(angle) * u[i]));
    }
    return out;
}

LatentBatch interpolationPath(std::span<const float> a, std::span<const float> b, std::size_t steps,
                              InterpolationMode mode, double tStart, double tEnd) {
    if (steps < 2) throw Error(ErrorKind::InvalidArgument, "a path needs at least 2 steps");
    LatentBatch path(steps, a.size());
    for (std::size_t s = 0; s < steps; ++s) {
        const double t = tStart + (tEnd - tStart) * static_cast<double>(s) / static_cast<double>(steps - 1);
        const auto z = interpolate(a, b, t, mode);
        std::copy(z.begin(), z.end(), path.row(s).begin());
    }
    return path;
}

}  // namespace latent
