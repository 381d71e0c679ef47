// Generalisation: the model on the data it was trained on against data it has not seen.
#include <cmath>
#include <numeric>

#include "ReportSections.h"
#include "latent/core/DataSource.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/Error.h"
#include "latent/core/ImageResize.h"
#include "latent/core/ItemScores.h"
#include "latent/core/ProgressRange.h"
#include "latent/core/Sampling.h"

namespace latent::report {
namespace {

struct NamedData {
    std::string name;
    Dataset data;
};

Dataset subset(const Dataset& data, const std::vector<std::size_t>& items) {
    Dataset out;
    out.name = data.name;
    out.shape = data.shape;
    out.count = items.size();
    const std::size_t perImage = data.shape.pixelCount();
    out.pixels.reserve(items.size() * perImage);
    for (std::size_t i : items) {
        const auto from = data.pixels.begin() + static_cast<std::ptrdiff_t>(i * perImage);
        out.pixels.insert(out.pixels.end(), from, from + static_cast<std::ptrdiff_t>(perImage));
    }
    return out;
}

double meanOf(const std::vector<double>& values) {
    double sum = 0.0;
    std::size_t n = 0;
    for (double v : values) {
        if (std::isfinite(v)) sum += v, ++n;
    }
    return n > 0 ? sum / static_cast<double>(n) : std::nan("");
}

// Mean reconstruction error and ELBO of a sample of `data`.
struct Fit {
    std::size_t items = 0;
    double mse = 0.0;
    double elbo = std::nan("");  // nats per image; NaN unless a VAE with outputs in [0, 1]
};

Fit measureFit(const Model& model, const Dataset& data, const ReportOptions& options, const DecodeFn& decode,
               const ProgressFn& progress) {
    const Dataset sample = subset(data, sampleItems(data.count, options.generalisationSample, options.seed));
    const ModelInfo& info = model.info();
    ReconstructionErrors errors(sample.count, info.valueMin == 0.0f && info.valueMax == 1.0f);
    const EncodedBatch encoded = encodeDatasetWithLogvar(
        model, sample, 256, progress, [&](std::size_t first, const std::vector<float>& pixels, const EncodedBatch& part) {
            errors.add(first, pixels, decode(part.mu));
        });
    Fit fit{sample.count, meanOf(errors.mse()), std::nan("")};
    if (!errors.bce().empty() && encoded.logvar.count == sample.count) {
        const std::vector<double> kl = klToPrior(encoded.mu, encoded.logvar);
        const auto values = static_cast<double>(sample.shape.pixelCount());
        std::vector<double> elbo(sample.count);
        for (std::size_t i = 0; i < elbo.size(); ++i) elbo[i] = -(errors.bce()[i] * values + kl[i]);
        fit.elbo = meanOf(elbo);
    }
    return fit;
}

// The two datasets to compare, seen first: (train, test) for the two splits of an IDX
// folder; (this data, the named data) otherwise. Empty names when there is no second one.
std::pair<NamedData, NamedData> datasetsToCompare(const Workspace& ws, const WorkspaceIdentity& identity,
                                                  const ReportOptions& options) {
    if (!options.compareData.empty()) {
        DataSourceOptions source;
        source.split = options.compareSplit;
        NamedData other{options.compareData.filename().string(), loadDataSource(options.compareData, source).dataset};
        return {{"this data", ws.dataset}, std::move(other)};
    }
    if (ws.dataFormat.find("IDX folder") == std::string::npos) return {};
    const std::string otherSplit = identity.split == "test" ? "train" : "test";
    DataSourceOptions source;
    source.split = otherSplit;
    NamedData other{otherSplit + " split", loadDataSource(identity.dataPath, source).dataset};
    NamedData mine{identity.split + " split", ws.dataset};
    if (otherSplit == "train") return {std::move(other), std::move(mine)};
    return {std::move(mine), std::move(other)};
}

}  // namespace

CardSection generalisation(const Workspace& ws, const WorkspaceIdentity& identity, const ReportOptions& options,
                           const DecodeFn& decode, const ProgressFn& progress) {
    CardSection section{"generalisation", "Generalisation",
                        "whether the model reproduces data it has not seen as well as the data it learned from: "
                        "reconstruction error (and ELBO for VAEs) on two datasets, and the gap",
                        {}, {}, {}};
    if (!ws.model) return section.unavailable = "there is no model", section;
    if (ws.sampledFromPrior) return section.unavailable = "the model has no encoder: its points are prior samples", section;
    if (!ws.hasImages()) return section.unavailable = "the data are latents, not images the model encodes", section;
    auto [first, second] = datasetsToCompare(ws, identity, options);
    if (first.name.empty()) {
        section.unavailable = "the data have one split: name a second dataset to compare with (report --compare-data)";
        return section;
    }
    const ImageShape& shape = ws.model->info().imageShape;
    for (NamedData* named : {&first, &second}) {
        if (named->data.shape == shape) continue;
        if (!resizeIsSensible(named->data.shape, shape)) {
            section.unavailable = "the images of " + named->name + " do not fit the model";
            return section;
        }
        named->data = resizeDataset(named->data, shape, identity.resizeFilter);
    }
    const std::string measuring = "Measuring generalisation";
    const Fit a = measureFit(*ws.model, first.data, options, decode, subRange(progress, 0.0, 0.5, measuring));
    const Fit b = measureFit(*ws.model, second.data, options, decode, subRange(progress, 0.5, 1.0, measuring));
    const auto note = [&](const Fit& fit) { return itemsNote(fit.items) + ", " + seedNote(options.seed); };
    const std::string both = note(a) + " and " + note(b);
    section.numbers.push_back({"generalisation.mse_first", "reconstruction error (MSE) on the " + first.name, a.mse, "", note(a)});
    section.numbers.push_back({"generalisation.mse_second", "reconstruction error (MSE) on the " + second.name, b.mse, "", note(b)});
    section.numbers.push_back({"generalisation.mse_gap", "gap (" + second.name + " minus " + first.name + ")",
                               b.mse - a.mse, a.mse > 0.0 ? "(" + formatCardValue(100.0 * (b.mse - a.mse) / a.mse) + "%)" : "",
                               both});
    CardPlot bars = barsPlot("reconstruction error (MSE)", {first.name, second.name}, {a.mse, b.mse});
    if (std::isfinite(a.elbo) && std::isfinite(b.elbo)) {
        section.numbers.push_back({"generalisation.elbo_first", "ELBO on the " + first.name, a.elbo, "nats per image", note(a)});
        section.numbers.push_back({"generalisation.elbo_second", "ELBO on the " + second.name, b.elbo, "nats per image", note(b)});
        section.numbers.push_back({"generalisation.elbo_gap", "ELBO gap (" + first.name + " minus " + second.name + ")",
                                   a.elbo - b.elbo, "nats per image", both});
    }
    section.plots.push_back(std::move(bars));
    return section;
}

}  // namespace latent::report
