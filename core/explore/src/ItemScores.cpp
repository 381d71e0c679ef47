#include "latent/core/ItemScores.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>

#include "latent/core/AtomicFile.h"
#include "latent/core/Error.h"
#include "latent/core/NpyWriter.h"

namespace latent {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// PyTorch's binary_cross_entropy clamps each log at -100, so a pixel decoded as exactly 0
// or 1 costs 100 nats, not infinity; the same here, so the two agree.
constexpr double kLogFloor = -100.0;

double clampedLog(double v) { return std::max(std::log(v), kLogFloor); }

}  // namespace

ReconstructionErrors::ReconstructionErrors(std::size_t items, bool bce)
    : mse_(items, kNaN), bce_(bce ? items : 0, kNaN), bceExcess_(bce ? items : 0, kNaN) {}

void ReconstructionErrors::add(std::size_t first, const std::vector<float>& originals,
                               const std::vector<Image>& decoded) {
    if (decoded.empty()) return;
    const std::size_t perImage = originals.size() / decoded.size();
    if (perImage == 0 || first + decoded.size() > mse_.size()) {
        throw Error(ErrorKind::InvalidArgument, "reconstruction errors: batch out of range");
    }
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        const Image& image = decoded[i];
        if (image.hadNonFinite || image.pixels.size() != perImage) continue;  // stays NaN: no answer
        const float* x = originals.data() + i * perImage;
        double squares = 0.0, crossEntropy = 0.0, entropy = 0.0;
        for (std::size_t p = 0; p < perImage; ++p) {
            const double target = x[p], output = image.pixels[p];
            squares += (output - target) * (output - target);
            if (bce_.empty()) continue;
            crossEntropy -= target * clampedLog(output) + (1.0 - target) * clampedLog(1.0 - output);
            if (target > 0.0 && target < 1.0) entropy -= target * std::log(target) + (1.0 - target) * std::log(1.0 - target);
        }
        const auto n = static_cast<double>(perImage);
        mse_[first + i] = squares / n;
        if (!bce_.empty()) {
            bce_[first + i] = crossEntropy / n;
            bceExcess_[first + i] = (crossEntropy - entropy) / n;
        }
    }
}

std::vector<double> klToPrior(const LatentBatch& mu, const LatentBatch& logvar) {
    if (mu.count != logvar.count || mu.dim != logvar.dim) {
        throw Error(ErrorKind::InvalidArgument, "KL to the prior: means and log-variances differ in shape");
    }
    std::vector<double> kl(mu.count);
    for (std::size_t i = 0; i < mu.count; ++i) {
        const auto m = mu.row(i), lv = logvar.row(i);
        double sum = 0.0;
        for (std::size_t d = 0; d < mu.dim; ++d) {
            sum += static_cast<double>(m[d]) * m[d] + std::exp(static_cast<double>(lv[d])) - 1.0 - lv[d];
        }
        kl[i] = 0.5 * sum;
    }
    return kl;
}

std::vector<double> priorLogDensity(const LatentBatch& mu) {
    const double normaliser = 0.5 * static_cast<double>(mu.dim) * std::log(2.0 * std::numbers::pi);
    std::vector<double> density(mu.count);
    for (std::size_t i = 0; i < mu.count; ++i) {
        double squares = 0.0;
        for (const float v : mu.row(i)) squares += static_cast<double>(v) * v;
        density[i] = -0.5 * squares - normaliser;
    }
    return density;
}

std::vector<double> kthNeighbourDistance(const NeighbourIndex& index, const LatentBatch& latents, std::size_t k,
                                         int threads, const ProgressFn& progress) {
    if (k == 0) throw Error(ErrorKind::InvalidArgument, "the neighbour to measure must be the 1st or later");
    std::vector<double> distance(latents.count, kNaN);
    parallelFor(latents.count, threads, progress, "Measuring each item's distance to its neighbours",
                [&](std::size_t i) {
                    const auto found = index.nearest(latents.row(i), k, i);
                    if (found.size() == k) distance[i] = found.back().distance;
                });
    return distance;
}

const ScoreColumn* ItemScores::find(const std::string& id) const {
    const auto it = std::find_if(columns.begin(), columns.end(), [&](const ScoreColumn& c) { return c.id == id; });
    return it == columns.end() ? nullptr : &*it;
}

std::vector<std::size_t> itemsAtOrAbove(const std::vector<double>& values, double threshold) {
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] >= threshold) items.push_back(i);  // false for NaN
    }
    std::stable_sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
    return items;
}

double quantile(std::vector<double> values, double q) {
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    if (values.empty()) return kNaN;
    std::sort(values.begin(), values.end());
    const double at = std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (at - static_cast<double>(below)) * (values[above] - values[below]);
}

std::vector<float> pixelErrors(const Image& original, const Image& reconstruction) {
    if (!(original.shape == reconstruction.shape) || original.pixels.size() != reconstruction.pixels.size()) {
        throw Error(ErrorKind::InvalidArgument, "pixel errors: the image and its reconstruction differ in shape");
    }
    const auto plane = static_cast<std::size_t>(original.shape.height) * static_cast<std::size_t>(original.shape.width);
    const auto channels = static_cast<std::size_t>(std::max(original.shape.channels, 1));
    std::vector<float> errors(plane, 0.0f);
    for (std::size_t c = 0; c < channels; ++c) {
        for (std::size_t p = 0; p < plane; ++p) {
            errors[p] += std::abs(original.pixels[c * plane + p] - reconstruction.pixels[c * plane + p]);
        }
    }
    for (float& e : errors) e /= static_cast<float>(channels);
    return errors;
}

const ScoreColumn* ItemScores::findByTitle(const std::string& title) const {
    const auto it =
        std::find_if(columns.begin(), columns.end(), [&](const ScoreColumn& c) { return c.title == title; });
    return it == columns.end() ? nullptr : &*it;
}

MetadataColumn toMetadataColumn(const ScoreColumn& score) {
    MetadataColumn column;
    column.name = score.title;
    column.numeric = true;
    column.numbers = score.values;
    column.cells.reserve(score.values.size());
    for (const double v : score.values) {
        if (std::isnan(v)) {
            column.cells.emplace_back();
        } else {
            std::ostringstream cell;
            cell.precision(6);
            cell << v;
            column.cells.push_back(cell.str());
        }
    }
    return column;
}

void writeScores(const std::filesystem::path& path, const ItemScores& scores) {
    std::vector<const ScoreColumn*> written;
    for (const ScoreColumn& score : scores.columns) {
        if (score.available()) written.push_back(&score);
    }
    if (written.empty()) throw Error(ErrorKind::InvalidArgument, "no score is available to write");
    const std::size_t count = written.front()->values.size();
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".npy") {
        LatentBatch table(count, written.size());
        for (std::size_t i = 0; i < count; ++i) {
            for (std::size_t c = 0; c < written.size(); ++c) table.row(i)[c] = static_cast<float>(written[c]->values[i]);
        }
        writeNpy(path, table);
        return;
    }
    if (extension != ".csv") {
        throw Error(ErrorKind::InvalidArgument, "scores are written as .csv or .npy, not '" + extension + "'");
    }
    std::string out = "index";
    for (const ScoreColumn* score : written) out += ',' + score->id;
    out += '\n';
    char number[32];
    for (std::size_t i = 0; i < count; ++i) {
        out += std::to_string(i);
        for (const ScoreColumn* score : written) {
            out += ',';
            const double v = score->values[i];
            if (!std::isnan(v)) out.append(number, std::to_chars(number, number + sizeof number, v).ptr);
        }
        out += '\n';
    }
    writeFileAtomically(path, out);
}

void writeOutlierList(const std::filesystem::path& path, const std::vector<std::size_t>& items,
                      const ScoreColumn& score, const Dataset& dataset) {
    std::string out = "rank,index,label," + score.id + '\n';
    char number[32];
    for (std::size_t rank = 0; rank < items.size(); ++rank) {
        const std::size_t i = items[rank];
        std::string label = i < dataset.labels.size() ? dataset.className(i) : std::string();
        if (label.find_first_of(",\"\n") != std::string::npos) {  // quoted as CSV wants it
            std::string quoted = "\"";
            for (const char c : label) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            label = quoted + '"';
        }
        out += std::to_string(rank + 1) + ',' + std::to_string(i) + ',' + label + ',';
        if (i < score.values.size() && !std::isnan(score.values[i])) {
            out.append(number, std::to_chars(number, number + sizeof number, score.values[i]).ptr);
        }
        out += '\n';
    }
    writeFileAtomically(path, out);
}

}  // namespace latent
