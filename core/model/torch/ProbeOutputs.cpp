#include "ProbeOutputs.h"

#include <string>
#include <vector>

namespace latent::detail {
namespace {

// Below this a decoder's output is negative on purpose, not by rounding.
constexpr float kNegativeTolerance = 0.01f;

std::string nonFiniteWarning(const at::Tensor& finite) {
    const auto perImage = finite.flatten(1).logical_not().sum(1);
    std::vector<std::string> where;
    const auto zeroLatentBad = perImage[0].item<std::int64_t>();
    if (zeroLatentBad > 0) {
        where.push_back("the zero latent (" + std::to_string(zeroLatentBad) + " of " +
                        std::to_string(finite[0].numel()) + " values)");
    }
    const auto samplesBad = perImage.slice(0, 1).gt(0).sum().item<std::int64_t>();
    if (samplesBad > 0) {
        where.push_back(std::to_string(samplesBad) + " of " + std::to_string(finite.size(0) - 1) +
                        " prior samples");
    }
    std::string text = "the decoder returns NaN or Inf for ";
    for (std::size_t i = 0; i < where.size(); ++i) text += (i ? " and " : "") + where[i];
    return text + ": those pixels are shown black";
}

}  // namespace

void inspectProbeOutputs(const at::Tensor& images, bool valueRangeStated, ModelInfo& info) {
    const auto values = images.to(torch::kFloat32);
    const auto finite = values.isfinite();
    if (!finite.all().item<bool>()) info.warnings.push_back(nonFiniteWarning(finite));
    if (valueRangeStated || !finite.any().item<bool>()) return;
    const float lowest = values.masked_select(finite).min().item<float>();
    if (lowest < -kNegativeTolerance) {
        info.valueMin = -1.0f;
        info.valueMax = 1.0f;
        info.probedFields.push_back("value_range");
    }
}

}  // namespace latent::detail
