#include "latent/core/Workspace.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

#include "latent/core/EncodeDataset.h"
#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"
#include "latent/core/PriorSampler.h"
#include "latent/core/ProgressRange.h"
#include "WorkspaceScores.h"

namespace latent {
namespace {

namespace fs = std::filesystem;

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool report(const ProgressFn& progress, double fraction, const std::string& message) {
    if (progress && !progress(fraction, message)) throw Error(ErrorKind::Cancelled, "cancelled");
    return true;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

void keepRows(MetadataTable& table, std::size_t n) {
    if (table.rowCount <= n) return;
    table.rowCount = n;
    for (auto& column : table.columns) {
        column.cells.resize(n);
        if (column.numeric) column.numbers.resize(n);
    }
}

// Keeps the first `limit` points (0: all) of everything that has one entry per point.
void applyLimit(ExplorationData& data, std::size_t limit) {
    if (limit == 0) return;
    data.images.dataset.keepFirst(limit);
    if (limit < data.latents.count) {
        data.latents.count = limit;
        data.latents.values.resize(limit * data.latents.dim);
    }
    keepRows(data.metadata, limit);
}

// The column that names each point's class: "label" or "class" (any case), or the only one.
const MetadataColumn* labelColumn(const MetadataTable& table) {
    if (table.columns.size() == 1) return &table.columns.front();
    for (const auto& column : table.columns) {
        const std::string name = lower(column.name);
        if (name == "label" || name == "class") return &column;
    }
    return nullptr;
}

// The user's table joined by row: its columns replace same-named ones, the rest are added.
void addMetadataFile(Workspace& ws, const fs::path& path, std::size_t pointsBeforeLimit) {
    const bool csv = matchesPattern(path.filename().string(), "*.csv");
    MetadataTable table =
        readMetadataFile(path, csv ? HeaderRule::FirstRow : HeaderRule::TensorBoard);
    // With a limit, a table may describe the points shown or the whole source.
    if (table.rowCount != ws.latents.count)
        table.checkJoinsWith(pointsBeforeLimit, quotedPath(path));
    keepRows(table, ws.latents.count);
    ws.metadata.rowCount = ws.latents.count;
    for (auto& column : table.columns) {
        auto same = std::find_if(ws.metadata.columns.begin(), ws.metadata.columns.end(),
                                 [&](const MetadataColumn& c) { return c.name == column.name; });
        if (same != ws.metadata.columns.end()) {
            *same = std::move(column);
        } else {
            ws.metadata.columns.push_back(std::move(column));
        }
    }
}

// Fits loaded images to the model and encodes them; each batch is decoded again as it
// goes, and its reconstruction errors returned.
ReconstructionErrors encodeImages(Workspace& ws, ExplorationData& data, const WorkspaceRequest& request,
                                  const ProgressFn& progress) {
    const WorkspaceIdentity& id = request.identity;
    const ModelInfo& info = ws.model->info();
    Dataset& images = data.images.dataset;
    if (data.images.format == DataFormatId::ImageFolder) {
        if (data.images.refitted > 0) {
            ws.resizeNote =
                std::to_string(data.images.refitted) + " of " + std::to_string(images.count) +
                " images fitted to " + std::to_string(images.shape.height) + "x" +
                std::to_string(images.shape.width) +
                (id.folderFit == FitPolicy::Stretch ? " (resized)" : " (centre crop)");
        }
        if (id.greyscale)
            ws.resizeNote += (ws.resizeNote.empty() ? "" : ", ") + std::string("greyscale");
    }
    // The model's class names name labels; unlabelled images get none (no class to select).
    if (images.classNames.empty() && !images.labels.empty()) images.classNames = info.classNames;
    const bool fits = images.shape == info.imageShape;
    if (!fits && !request.resizeToFit && resizeIsSensible(images.shape, info.imageShape)) {
        throw DatasetNeedsResize(images.shape, info.imageShape,
                                 "the dataset's images do not fit the model; a resize would fit them: " +
                                     describeResize(images.shape, info.imageShape, id.resizeFilter));
    }
    if (request.resizeToFit && !fits) {
        const std::string note =
            describeResize(images.shape, info.imageShape, id.resizeFilter);
        ws.resizeNote += (ws.resizeNote.empty() ? "" : "; ") + note;
        images = resizeDataset(images, info.imageShape, id.resizeFilter);
    }
    ws.dataset = std::move(images);
    ReconstructionErrors errors(ws.dataset.count, info.valueMin == 0.0f && info.valueMax == 1.0f);
    const Model& model = *ws.model;
    EncodedBatch encoded = encodeDatasetWithLogvar(
        model, ws.dataset, request.batchSize, progress,
        [&](std::size_t first, const std::vector<float>& pixels, const EncodedBatch& part) {
            errors.add(first, pixels, model.decode(part.mu));
        });
    ws.latents = std::move(encoded.mu);
    ws.logvars = std::move(encoded.logvar);
    return errors;
}

// Precomputed latents: the model stays when its latent size matches.
void takeLatents(Workspace& ws, ExplorationData& data, const WorkspaceRequest& request) {
    const WorkspaceIdentity& id = request.identity;
    ws.latents = std::move(data.latents);
    if (ws.model && ws.model->info().latentDim != ws.latents.dim) {
        const std::string why = quotedPath(id.dataPath) + " holds " +
                                std::to_string(ws.latents.dim) + "-d vectors but the model " +
                                ws.model->info().name + " has a " +
                                std::to_string(ws.model->info().latentDim) + "-d latent";
        if (request.requireModel) throw Error(ErrorKind::InvalidArgument, why);
        ws.modelNote = why + ": opened without a model, so nothing can be decoded";
        ws.model.reset();
    } else if (!ws.model) {
        ws.modelNote = "no model: the map shows precomputed vectors, nothing can be decoded";
    }
    ws.dataset = std::move(data.images.dataset);
    ws.dataset.count = 0;
    ws.dataset.shape = ws.model ? ws.model->info().imageShape : ImageShape{};
}

Error imagesNeedAModel(const fs::path& path) {
    return Error(ErrorKind::InvalidArgument,
                 quotedPath(path) +
                     " holds images: open a model with an encoder to map them (without a model, "
                     "open precomputed latents: a .npy of N x D or a projector .tsv)");
}

bool mayHoldLatents(const fs::path& path) {
    const auto format = detectDataFormat(path);
    return format && dataFormat(*format).mayHoldLatents;
}

// Dataset images to show beside a generator's samples. They are only looked at, so they are
// resized without asking; images that cannot be fitted are left out with a note.
Dataset referenceImages(const WorkspaceIdentity& id, const ModelInfo& info, std::string& note) {
    const std::size_t limit = id.limit > 0 ? std::min(id.limit, kReferenceImageLimit)
                                                : kReferenceImageLimit;
    try {
        Dataset data = loadMnistStyleSplit(id.dataPath, id.split);
        data.keepFirst(limit);
        if (data.classNames.empty() && !data.labels.empty()) data.classNames = info.classNames;
        if (data.shape == info.imageShape) return data;
        note = describeResize(data.shape, info.imageShape, id.resizeFilter);
        return resizeDataset(data, info.imageShape, id.resizeFilter);
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Cancelled) throw;
        note = std::string("dataset images not shown: ") + e.what();
        return {};
    }
}

}  // namespace

Workspace buildWorkspace(const WorkspaceRequest& request, const ProgressFn& progress) {
    const WorkspaceIdentity& id = request.identity;
    Workspace ws;
    if (!id.modelPath.empty()) {
        report(progress, 0.0, "Loading model " + id.modelPath.filename().string());
        ws.model = Model::load(id.modelPath);
    }
    // Only latents open without a model: refuse anything else before reading it.
    if (!ws.model && !mayHoldLatents(id.dataPath)) throw imagesNeedAModel(id.dataPath);
    const bool generatorOnly = ws.model && !ws.model->info().hasEncoder;
    const auto encodeStart = std::chrono::steady_clock::now();
    ExplorationData data;
    std::optional<ReconstructionErrors> reconstruction;  // gathered while encoding
    // A generator-only model ignores image data (it cannot encode it): skip reading it.
    if (!generatorOnly || mayHoldLatents(id.dataPath)) {
        report(progress, 0.02, "Reading " + id.dataPath.string());
        DataSourceOptions options;
        options.split = id.split;
        options.imageFolder.fit = id.folderFit;
        if (ws.model) options.imageFolder.target = ws.model->info().imageShape;
        if (id.greyscale) options.imageFolder.target.channels = 1;
        data = loadExplorationData(id.dataPath, options, subRange(progress, 0.02, 0.05));
    }
    const std::size_t pointsBeforeLimit =
        data.holdsLatents() ? data.latents.count : data.images.dataset.count;
    applyLimit(data, id.limit);
    ws.dataFormat = data.images.description;
    ws.skipped = std::move(data.images.skipped);
    if (data.holdsLatents()) {
        ws.metadata = std::move(data.metadata);
        takeLatents(ws, data, request);
    } else if (!ws.model) {
        throw imagesNeedAModel(id.dataPath);
    } else if (!generatorOnly) {
        reconstruction = encodeImages(ws, data, request, subRange(progress, 0.05, 0.85));
        if (!ws.dataset.labels.empty()) ws.metadata = labelTable(ws.dataset);
    } else {
        report(progress, 0.02, "Sampling the prior: the model has no encoder");
        const ModelInfo& info = ws.model->info();
        ws.latents = samplePrior(info, id.priorSamples, id.priorSeed);
        ws.sampledFromPrior = true;
        ws.dataset.name = std::to_string(id.priorSamples) + " samples of the " + toString(info.prior) +
                          " prior (seed " + std::to_string(id.priorSeed) + ")";
        ws.dataset.shape = info.imageShape;
        ws.dataset.classNames = info.classNames;
        if (!id.dataPath.empty()) ws.reference = referenceImages(id, info, ws.resizeNote);
    }
    if (!id.metadataPath.empty()) addMetadataFile(ws, id.metadataPath, pointsBeforeLimit);
    if (ws.dataset.labels.empty()) {
        if (const MetadataColumn* labels = labelColumn(ws.metadata))
            applyLabels(ws.dataset, *labels);
    }
    ws.encodeSeconds = secondsSince(encodeStart);
    // A VAE's logvars rank dimensions by their KL to the prior, the usual "active units" test.
    ws.dimensionsByKl = ws.logvars.count == ws.latents.count && ws.logvars.count > 0;
    ws.dimensions = summariseDimensions(ws.latents, ws.dimensionsByKl ? &ws.logvars : nullptr);

    KnnOptions knn;
    knn.threads = request.threads;
    ws.neighbours = std::make_shared<NeighbourIndex>(
        NeighbourIndex::build(ws.latents, knn, subRange(progress, 0.85, 0.92)));
    ws.scores = scoreWorkspace(ws, reconstruction, request.threads, subRange(progress, 0.92, 0.95));
    for (const ScoreColumn& score : ws.scores.columns) {
        if (score.available()) ws.metadata.columns.push_back(toMetadataColumn(score));
    }
    if (ws.metadata.rowCount == 0) ws.metadata.rowCount = ws.latents.count;

    report(progress, 0.95, "Projecting with PCA");
    const auto projectStart = std::chrono::steady_clock::now();
    const std::size_t dim = ws.latents.dim;
    ws.pca2 = Pca::fit(ws.latents, std::min<std::size_t>(2, dim));
    ws.pca3 = Pca::fit(ws.latents, std::min<std::size_t>(3, dim));
    ws.coords2 = ws.pca2.transform(ws.latents);
    ws.coords3 = ws.pca3.transform(ws.latents);
    ws.projectSeconds = secondsSince(projectStart);
    report(progress, 1.0, "Ready");
    return ws;
}

}  // namespace latent
