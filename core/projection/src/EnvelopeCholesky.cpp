#include "EnvelopeCholesky.h"

#include <algorithm>
#include <cmath>

#include "latent/core/Error.h"

namespace latent::detail {
namespace {

// Breadth-first levels from `start`; returns the nodes in visiting order.
std::vector<std::uint32_t> breadthFirst(const std::vector<std::vector<std::uint32_t>>& adj,
                                        std::uint32_t start, std::vector<int>& mark, int stamp) {
    std::vector<std::uint32_t> order{start};
    mark[start] = stamp;
    for (std::size_t head = 0; head < order.size(); ++head) {
        std::vector<std::uint32_t> next;
        for (std::uint32_t j : adj[order[head]]) {
            if (mark[j] != stamp) {
                mark[j] = stamp;
                next.push_back(j);
            }
        }
        // Cuthill-McKee: lower degree first, index breaks ties (deterministic).
        std::sort(next.begin(), next.end(), [&](std::uint32_t a, std::uint32_t b) {
            return adj[a].size() != adj[b].size() ? adj[a].size() < adj[b].size() : a < b;
        });
        order.insert(order.end(), next.begin(), next.end());
    }
    return order;
}

std::vector<std::uint32_t> reverseCuthillMcKee(const std::vector<std::vector<std::uint32_t>>& adj) {
    const std::size_t n = adj.size();
    std::vector<int> mark(n, 0), done(n, 0);
    std::vector<std::uint32_t> order;
    order.reserve(n);
    int stamp = 0;
    for (std::uint32_t seed = 0; seed < n; ++seed) {
        if (done[seed]) continue;
        // A far-away start (the last node of a BFS, twice) gives a narrower envelope.
        std::uint32_t start = seed;
        for (int pass = 0; pass < 2; ++pass) start = breadthFirst(adj, start, mark, ++stamp).back();
        for (std::uint32_t v : breadthFirst(adj, start, mark, ++stamp)) {
            done[v] = 1;
            order.push_back(v);
        }
    }
    std::reverse(order.begin(), order.end());
    return order;
}

// The dot product of x[0, n) and y[0, n) with four running sums: the factorisation spends
// nearly all its time here, and independent sums let the CPU overlap the additions. The
// order is fixed, so results stay deterministic.
double dot(const double* x, const double* y, std::size_t n) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    std::size_t m = 0;
    for (; m + 4 <= n; m += 4) {
        s0 += x[m] * y[m];
        s1 += x[m + 1] * y[m + 1];
        s2 += x[m + 2] * y[m + 2];
        s3 += x[m + 3] * y[m + 3];
    }
    for (; m < n; ++m) s0 += x[m] * y[m];
    return (s0 + s1) + (s2 + s3);
}

}  // namespace

EnvelopeCholesky::EnvelopeCholesky(const std::vector<std::vector<std::uint32_t>>& adjacency) {
    const std::size_t n = adjacency.size();
    const auto order = reverseCuthillMcKee(adjacency);
    position_.resize(n);
    for (std::size_t r = 0; r < n; ++r) position_[order[r]] = static_cast<std::uint32_t>(r);
    first_.resize(n);
    offset_.resize(n + 1, 0);
    for (std::size_t r = 0; r < n; ++r) {
        std::size_t first = r;
        for (std::uint32_t j : adjacency[order[r]])
            first = std::min<std::size_t>(first, position_[j]);
        first_[r] = first;
        const double width = static_cast<double>(r - first);
        cost_ += width * width / 2.0 + width;
        offset_[r + 1] = offset_[r] + (r - first + 1);
    }
    entries_ = offset_.back();
    offset_.pop_back();
}

void EnvelopeCholesky::allocate() {
    values_.assign(entries_, 0.0);
}

void EnvelopeCholesky::add(std::uint32_t i, std::uint32_t j, double value) {
    std::size_t r = position_[i], c = position_[j];
    if (c > r) std::swap(r, c);
    at(r, c) += value;
}

bool EnvelopeCholesky::factorise(const std::function<bool(double)>& progress) {
    const std::size_t n = first_.size();
    double work = 0.0, nextReport = cost_ / 50.0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t fi = first_[i];
        const auto width = static_cast<double>(i - fi);
        work += width * width / 2.0 + width;
        if (progress && work >= nextReport) {
            if (!progress(work / cost_))
                throw Error(ErrorKind::Cancelled, "factorisation cancelled");
            nextReport += cost_ / 50.0;
        }
        double* rowI = values_.data() + offset_[i];  // rowI[c - fi] is L(i, c)
        for (std::size_t j = fi; j < i; ++j) {
            const std::size_t fj = first_[j], from = std::max(fi, fj);
            const double* rowJ = values_.data() + offset_[j];
            const double overlap = dot(rowI + (from - fi), rowJ + (from - fj), j - from);
            rowI[j - fi] = (rowI[j - fi] - overlap) / rowJ[j - fj];
        }
        const double d = rowI[i - fi] - dot(rowI, rowI, i - fi);
        if (!(d > 0.0)) return false;
        rowI[i - fi] = std::sqrt(d);
    }
    return true;
}

void EnvelopeCholesky::solve(std::vector<double>& block, std::size_t p) const {
    const std::size_t n = first_.size();
    std::vector<double> y(n * p);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < p; ++c) y[position_[i] * p + c] = block[i * p + c];
    }
    // Forward: L z = b.
    for (std::size_t i = 0; i < n; ++i) {
        const double* rowI = values_.data() + offset_[i];
        double* yi = y.data() + i * p;
        for (std::size_t m = first_[i]; m < i; ++m) {
            for (std::size_t c = 0; c < p; ++c) yi[c] -= rowI[m - first_[i]] * y[m * p + c];
        }
        for (std::size_t c = 0; c < p; ++c) yi[c] /= rowI[i - first_[i]];
    }
    // Backward: L^T x = z, column by column of L^T (row by row of L).
    for (std::size_t i = n; i-- > 0;) {
        const double* rowI = values_.data() + offset_[i];
        double* yi = y.data() + i * p;
        for (std::size_t c = 0; c < p; ++c) yi[c] /= rowI[i - first_[i]];
        for (std::size_t m = first_[i]; m < i; ++m) {
            for (std::size_t c = 0; c < p; ++c) y[m * p + c] -= rowI[m - first_[i]] * yi[c];
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < p; ++c) block[i * p + c] = y[position_[i] * p + c];
    }
}

}  // namespace latent::detail
