#include "latent/core/LatentAxes.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "latent/core/Error.h"

namespace latent {
namespace {

void checkSize(std::size_t got, std::size_t expected, const char* what) {
    if (got != expected) {
        throw Error(ErrorKind::InvalidArgument, std::string("latent axes: ") + what + " of size " +
                                                    std::to_string(got) + ", expected " +
                                                    std::to_string(expected));
    }
}

}  // namespace

LatentAxes LatentAxes::fit(const LatentBatch& latents, std::vector<int> axes) {
    if (latents.count == 0 || latents.dim == 0) {
        throw Error(ErrorKind::InvalidArgument, "latent axes need at least one latent");
    }
    if (axes.size() != 2 && axes.size() != 3) {
        throw Error(ErrorKind::InvalidArgument,
                    "latent axes need 2 or 3 dimensions, got " + std::to_string(axes.size()));
    }
    for (std::size_t a = 0; a < axes.size(); ++a) {
        if (axes[a] < 0 || static_cast<std::size_t>(axes[a]) >= latents.dim) {
            throw Error(ErrorKind::InvalidArgument,
                        "latent axis " + std::to_string(axes[a]) + " does not exist: the latent has " +
                            std::to_string(latents.dim) + " dimensions (0.." +
                            std::to_string(latents.dim - 1) + ")");
        }
        if (std::find(axes.begin(), axes.begin() + static_cast<std::ptrdiff_t>(a), axes[a]) !=
            axes.begin() + static_cast<std::ptrdiff_t>(a)) {
            throw Error(ErrorKind::InvalidArgument,
                        "latent axis " + std::to_string(axes[a]) + " is chosen twice");
        }
    }
    std::vector<double> sum(latents.dim, 0.0);
    for (std::size_t i = 0; i < latents.count; ++i) {
        const auto z = latents.row(i);
        for (std::size_t j = 0; j < z.size(); ++j) {
            if (!std::isfinite(z[j])) {
                throw Error(ErrorKind::InvalidArgument, "latent axes: the latents hold NaN or Inf");
            }
            sum[j] += z[j];
        }
    }
    LatentAxes result;
    result.axes_ = std::move(axes);
    result.reference_.resize(latents.dim);
    for (std::size_t j = 0; j < latents.dim; ++j) {
        result.reference_[j] = static_cast<float>(sum[j] / static_cast<double>(latents.count));
    }
    return result;
}

std::vector<float> LatentAxes::transform(std::span<const float> latent) const {
    checkSize(latent.size(), inputDim(), "latent");
    std::vector<float> coords(axes_.size());
    for (std::size_t a = 0; a < axes_.size(); ++a) coords[a] = latent[static_cast<std::size_t>(axes_[a])];
    return coords;
}

LatentBatch LatentAxes::transform(const LatentBatch& latents) const {
    checkSize(latents.dim, inputDim(), "latent");
    LatentBatch coords(latents.count, axes_.size());
    for (std::size_t i = 0; i < latents.count; ++i) {
        const auto z = latents.row(i);
        for (std::size_t a = 0; a < axes_.size(); ++a) {
            coords.values[i * axes_.size() + a] = z[static_cast<std::size_t>(axes_[a])];
        }
    }
    return coords;
}

std::vector<float> LatentAxes::inverse(std::span<const float> coords) const {
    checkSize(coords.size(), axes_.size(), "position");
    std::vector<float> latent = reference_;
    for (std::size_t a = 0; a < axes_.size(); ++a) latent[static_cast<std::size_t>(axes_[a])] = coords[a];
    return latent;
}

}  // namespace latent
