// Fits UMAP's a, b by Levenberg-Marquardt, as umap-learn fits them with curve_fit.
#include <cmath>
#include <vector>

#include "latent/core/Umap.h"

namespace latent {

UmapCurve fitUmapCurve(double minDist, double spread) {
    // 300 samples on [0, 3 spread] of the target: 1 up to min_dist, then exp decay.
    constexpr int kSamples = 300;
    std::vector<double> xs(kSamples), ys(kSamples);
    for (int s = 0; s < kSamples; ++s) {
        xs[s] = 3.0 * spread * s / (kSamples - 1);
        ys[s] = xs[s] < minDist ? 1.0 : std::exp(-(xs[s] - minDist) / spread);
    }
    auto residualSum = [&](double a, double b) {
        double sum = 0.0;
        for (int s = 0; s < kSamples; ++s) {
            const double r = 1.0 / (1.0 + a * std::pow(xs[s], 2.0 * b)) - ys[s];
            sum += r * r;
        }
        return sum;
    };
    double a = 1.0, b = 1.0, lambda = 1e-3;
    double cost = residualSum(a, b);
    for (int iter = 0; iter < 200; ++iter) {
        // Normal equations J^T J d = -J^T r of the two parameters.
        double jaa = 0.0, jab = 0.0, jbb = 0.0, ga = 0.0, gb = 0.0;
        for (int s = 0; s < kSamples; ++s) {
            if (xs[s] <= 0.0) continue;  // f(0) = 1 for any a, b: no gradient
            const double p = std::pow(xs[s], 2.0 * b);
            const double denom = 1.0 + a * p;
            const double f = 1.0 / denom;
            const double r = f - ys[s];
            const double da = -p / (denom * denom);
            const double db = -a * p * 2.0 * std::log(xs[s]) / (denom * denom);
            jaa += da * da;
            jab += da * db;
            jbb += db * db;
            ga += da * r;
            gb += db * r;
        }
        bool improved = false;
        while (lambda < 1e12) {
            const double m00 = jaa * (1.0 + lambda), m11 = jbb * (1.0 + lambda);
            const double det = m00 * m11 - jab * jab;
            const double stepA = -(m11 * ga - jab * gb) / det;
            const double stepB = -(m00 * gb - jab * ga) / det;
            const double trial = residualSum(a + stepA, b + stepB);
            if (a + stepA > 0.0 && b + stepB > 0.0 && trial < cost) {
                const double change = cost - trial;
                a += stepA;
                b += stepB;
                cost = trial;
                lambda = std::max(lambda / 10.0, 1e-12);
                improved = change > 1e-15 * cost;
                break;
            }
            lambda *= 10.0;
        }
        if (!improved) break;
    }
    return {a, b};
}

}  // namespace latent
