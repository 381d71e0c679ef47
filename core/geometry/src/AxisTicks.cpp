#include "latent/core/AxisTicks.h"

#include <cmath>

namespace latent {

std::vector<double> niceTicks(double low, double high, int wanted) {
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high) || wanted < 1) return {};
    const double rough = (high - low) / wanted;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    const double fraction = rough / power;
    const double step = (fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0) * power;
    std::vector<double> ticks;
    // Counted in whole steps from a multiple of the step, so 0.1 + 0.2 never drifts.
    const double first = std::ceil(low / step - 1e-9);
    const double last = std::floor(high / step + 1e-9);
    for (double k = first; k <= last; k += 1.0) ticks.push_back(k * step);
    return ticks;
}

}  // namespace latent
