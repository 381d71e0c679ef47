#include "latent/core/PriorSampler.h"

#include <random>
#include <string>

#include "latent/core/Error.h"

namespace latent {

LatentBatch samplePrior(const ModelInfo& info, std::size_t count, std::uint64_t seed) {
    if (count == 0 || count > kMaxPriorSamples) {
        throw Error(ErrorKind::InvalidArgument, "the number of prior samples must be 1.." +
                                                    std::to_string(kMaxPriorSamples) + ", not " +
                                                    std::to_string(count));
    }
    LatentBatch z(count, info.latentDim);
    std::mt19937_64 random(seed);
    if (info.prior == LatentPrior::Uniform) {
        std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
        for (float& v : z.values) v = uniform(random);
    } else {
        std::normal_distribution<float> normal(0.0f, 1.0f);
        for (float& v : z.values) v = normal(random);
    }
    return z;
}

}  // namespace latent
