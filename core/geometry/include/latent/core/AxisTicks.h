#pragma once

#include <vector>

namespace latent {

// Round tick values ("nice numbers": 1, 2 or 5 times a power of ten) inside [low, high],
// about `wanted` steps apart; empty for an empty or non-finite range.
std::vector<double> niceTicks(double low, double high, int wanted);

}  // namespace latent
