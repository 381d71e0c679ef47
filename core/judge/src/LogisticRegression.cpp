#include "LogisticRegression.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>

#include "latent/core/Error.h"
#include "latent/core/ThreadTeam.h"

namespace latent::detail {
namespace {

constexpr std::size_t kHistory = 10;        // L-BFGS correction pairs kept
constexpr int kMaxIterations = 1000;
// Per item: ten times finer than scikit-learn's default (1e-4 on the gradient of its mean
// loss). At 1e-4 the pixels' accuracy ended 0.01 from the converged one; at 1e-5, 0.003.
constexpr double kGradientTolerance = 1e-5;

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
}

// Objective and gradient, items split into chunks summed in a fixed order so the result
// does not depend on the thread count.
class Objective {
public:
    Objective(const TrainingSet& train, ThreadTeam& team) : train_(train), team_(team) {}

    std::size_t size() const { return train_.dim * classes() + classes(); }

    // Items are summed in single precision (twice the SIMD width, half the memory traffic),
    // per chunk; chunks and the penalty in double.
    double evaluate(const std::vector<double>& w, std::vector<double>& gradient) const {
        const std::size_t chunks = std::min<std::size_t>(train_.count, 16);
        const std::vector<float> weights(w.begin(), w.end());
        std::vector<std::vector<float>> partial(chunks, std::vector<float>(size(), 0.0f));
        std::vector<double> losses(chunks, 0.0);
        auto chunk = [&](std::size_t c) {
            const std::size_t from = train_.count * c / chunks, to = train_.count * (c + 1) / chunks;
            for (std::size_t i = from; i < to; ++i) losses[c] += addItem(weights, i, partial[c]);
        };
        team_.parallelFor(chunks, 1, chunk);
        gradient.assign(size(), 0.0);
        double loss = 0.0;
        for (std::size_t c = 0; c < chunks; ++c) {
            loss += losses[c];
            for (std::size_t j = 0; j < size(); ++j) gradient[j] += partial[c][j];
        }
        const std::size_t penalised = train_.dim * classes();  // the intercepts are not penalised
        for (std::size_t j = 0; j < penalised; ++j) {
            loss += 0.5 * w[j] * w[j];
            gradient[j] += w[j];
        }
        return loss;
    }

private:
    std::size_t classes() const { return static_cast<std::size_t>(train_.classes); }

    // Eight running sums the compiler can keep in SIMD registers (one sum would have to be
    // added in order, one element at a time).
    static float dot(const float* a, const float* b, std::size_t n) {
        float s[8] = {};
        std::size_t d = 0;
        for (; d + 8 <= n; d += 8) {
            for (std::size_t l = 0; l < 8; ++l) s[l] += a[d + l] * b[d + l];
        }
        for (; d < n; ++d) s[0] += a[d] * b[d];
        return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    }

    // Cross-entropy of item i; adds its gradient. Weights are class-major (one row of dim
    // per class), so both loops run over contiguous memory.
    double addItem(const std::vector<float>& w, std::size_t i, std::vector<float>& gradient) const {
        const std::size_t k = classes(), dim = train_.dim;
        const float* x = train_.x.data() + i * dim;
        std::vector<double> z(k);
        for (std::size_t c = 0; c < k; ++c) z[c] = static_cast<double>(w[k * dim + c]) + dot(w.data() + c * dim, x, dim);
        const double top = *std::max_element(z.begin(), z.end());
        double sum = 0.0;
        for (double& v : z) sum += (v = std::exp(v - top));
        const auto label = static_cast<std::size_t>(train_.labels[i]);
        const double loss = std::log(sum) - std::log(z[label]);
        for (std::size_t c = 0; c < k; ++c) {
            const auto residual = static_cast<float>(z[c] / sum - (c == label ? 1.0 : 0.0));  // p - y
            float* row = gradient.data() + c * dim;
            for (std::size_t d = 0; d < dim; ++d) row[d] += residual * x[d];
            gradient[k * dim + c] += residual;
        }
        return loss;
    }

    const TrainingSet& train_;
    ThreadTeam& team_;
};

// The L-BFGS direction -H g from the stored correction pairs (two-loop recursion).
std::vector<double> searchDirection(const std::vector<double>& g, const std::deque<std::vector<double>>& s,
                                    const std::deque<std::vector<double>>& y) {
    std::vector<double> q = g;
    std::vector<double> alpha(s.size());
    for (std::size_t j = s.size(); j-- > 0;) {
        alpha[j] = dot(s[j], q) / dot(y[j], s[j]);
        for (std::size_t t = 0; t < q.size(); ++t) q[t] -= alpha[j] * y[j][t];
    }
    if (!s.empty()) {
        const double scale = dot(s.back(), y.back()) / dot(y.back(), y.back());
        for (double& v : q) v *= scale;
    }
    for (std::size_t j = 0; j < s.size(); ++j) {
        const double beta = dot(y[j], q) / dot(y[j], s[j]);
        for (std::size_t t = 0; t < q.size(); ++t) q[t] += s[j][t] * (alpha[j] - beta);
    }
    for (double& v : q) v = -v;
    return q;
}

}  // namespace

std::vector<double> fitLogisticRegression(const TrainingSet& train, std::vector<double> start, ThreadTeam& team,
                                          const ProgressFn& cancelled) {
    const Objective objective(train, team);
    std::vector<double> w = std::move(start), g;
    w.resize(objective.size(), 0.0);
    double f = objective.evaluate(w, g);
    std::deque<std::vector<double>> s, y;
    const double tolerance = kGradientTolerance * static_cast<double>(std::max<std::size_t>(train.count, 1));
    for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
        if (cancelled && !cancelled(0.0, "")) throw Error(ErrorKind::Cancelled, "cancelled");
        double largest = 0.0;
        for (double v : g) largest = std::max(largest, std::abs(v));
        if (largest <= tolerance) break;
        std::vector<double> direction = searchDirection(g, s, y);
        double slope = dot(direction, g);
        if (slope >= 0.0) {  // not a descent direction (round-off): restart from steepest descent
            s.clear(), y.clear();
            direction = g;
            for (double& v : direction) v = -v;
            slope = dot(direction, g);
        }
        // Backtracking to the Armijo condition; the first step is scaled to a unit move.
        double step = s.empty() ? 1.0 / std::sqrt(dot(g, g)) : 1.0;
        std::vector<double> next(w.size()), nextGradient;
        double nextF = 0.0;
        for (int tries = 0;; ++tries) {
            for (std::size_t t = 0; t < w.size(); ++t) next[t] = w[t] + step * direction[t];
            nextF = objective.evaluate(next, nextGradient);
            if (nextF <= f + 1e-4 * step * slope || tries == 40) break;
            step *= 0.5;
        }
        std::vector<double> sNew(w.size()), yNew(w.size());
        for (std::size_t t = 0; t < w.size(); ++t) sNew[t] = next[t] - w[t], yNew[t] = nextGradient[t] - g[t];
        const double decrease = f - nextF;
        w = std::move(next), g = std::move(nextGradient), f = nextF;
        if (dot(sNew, yNew) > 1e-12) {
            s.push_back(std::move(sNew)), y.push_back(std::move(yNew));
            if (s.size() > kHistory) s.pop_front(), y.pop_front();
        }
        if (decrease <= 1e-14 * std::max(1.0, std::abs(f))) break;  // no progress left to make
    }
    return w;
}

int predictLogistic(const std::vector<double>& weights, const float* row, std::size_t dim, int classes) {
    const auto k = static_cast<std::size_t>(classes);
    int best = 0;
    double bestScore = -std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < k; ++c) {
        double score = weights[k * dim + c];
        for (std::size_t d = 0; d < dim; ++d) score += weights[c * dim + d] * row[d];
        if (score > bestScore) bestScore = score, best = static_cast<int>(c);
    }
    return best;
}

}  // namespace latent::detail
