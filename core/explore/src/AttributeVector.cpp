#include "latent/core/AttributeVector.h"

#include <cmath>
#include <random>

#include "latent/core/Error.h"

namespace latent {
namespace {

std::vector<double> groupMean(const LatentBatch& latents, const std::vector<std::size_t>& group) {
    std::vector<double> mean(latents.dim, 0.0);
    for (std::size_t i : group) {
        const auto row = latents.row(i);
        for (std::size_t j = 0; j < latents.dim; ++j) mean[j] += row[j];
    }
    for (double& m : mean) m /= static_cast<double>(group.size());
    return mean;
}

void checkGroup(const LatentBatch& latents, const std::vector<std::size_t>& group, const char* name) {
    if (group.empty()) throw Error(ErrorKind::InvalidArgument, std::string("group ") + name + " is empty");
    for (std::size_t i : group) {
        if (i >= latents.count) {
            throw Error(ErrorKind::InvalidArgument, std::string("group ") + name + " names point " +
                                                        std::to_string(i) + " of " + std::to_string(latents.count));
        }
    }
}

}  // namespace

AttributeVector attributeVector(const LatentBatch& latents, const std::vector<std::size_t>& groupA,
                                const std::vector<std::size_t>& groupB, std::size_t pairs, std::uint64_t seed) {
    checkGroup(latents, groupA, "A");
    checkGroup(latents, groupB, "B");
    const auto meanA = groupMean(latents, groupA), meanB = groupMean(latents, groupB);
    AttributeVector out;
    out.direction.resize(latents.dim);
    double lengthSq = 0.0;
    for (std::size_t j = 0; j < latents.dim; ++j) {
        const double d = meanB[j] - meanA[j];
        out.direction[j] = static_cast<float>(d);
        lengthSq += d * d;
    }
    out.length = std::sqrt(lengthSq);
    if (out.length == 0.0 || pairs == 0) return out;

    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pickA(0, groupA.size() - 1), pickB(0, groupB.size() - 1);
    double cosineSum = 0.0, along = 0.0, alongSq = 0.0;
    for (std::size_t p = 0; p < pairs; ++p) {
        const auto a = latents.row(groupA[pickA(rng)]);
        const auto b = latents.row(groupB[pickB(rng)]);
        double dotDir = 0.0, normSq = 0.0;
        for (std::size_t j = 0; j < latents.dim; ++j) {
            const double d = static_cast<double>(b[j]) - a[j];
            dotDir += d * out.direction[j];
            normSq += d * d;
        }
        const double projection = dotDir / out.length;  // length of the pair difference along the direction
        if (normSq > 0.0) cosineSum += projection / std::sqrt(normSq);
        along += projection;
        alongSq += projection * projection;
    }
    const double n = static_cast<double>(pairs);
    out.pairsSampled = pairs;
    out.pairAgreement = cosineSum / n;
    const double meanAlong = along / n;
    out.relativeSpread = std::sqrt(std::max(0.0, alongSq / n - meanAlong * meanAlong)) / out.length;
    return out;
}

std::vector<float> applyAttribute(const std::vector<float>& point, const AttributeVector& attribute, double amount) {
    if (point.size() != attribute.direction.size()) {
        throw Error(ErrorKind::InvalidArgument, "the attribute vector and the point differ in size");
    }
    std::vector<float> out(point.size());
    for (std::size_t j = 0; j < point.size(); ++j) {
        out[j] = static_cast<float>(point[j] + amount * attribute.direction[j]);
    }
    return out;
}

}  // namespace latent
