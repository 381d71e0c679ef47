#include "latent/core/Workspace.h"

#include <chrono>

#include "latent/core/EncodeDataset.h"
#include "latent/core/Error.h"
#include "latent/core/PriorSampler.h"

namespace latent {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Maps a sub-job's progress into [from, to] of the whole job.
ProgressFn subRange(const ProgressFn& progress, double from, double to) {
    if (!progress) return {};
    return [=](double f, const std::string& msg) { return progress(from + (to - from) * f, msg); };
}

bool report(const ProgressFn& progress, double fraction, const std::string& message) {
    if (progress && !progress(fraction, message)) throw Error(ErrorKind::Cancelled, "cancelled");
    return true;
}

// Reads the dataset, keeps the first `limit` images, and fits them to the model.
Dataset datasetFor(const WorkspaceRequest& request, std::size_t limit, const ModelInfo& info,
                   std::string& resizeNote) {
    Dataset data = loadMnistStyleSplit(request.dataDir, request.split);
    if (limit > 0 && limit < data.count) {
        data.count = limit;
        data.pixels.resize(limit * data.shape.pixelCount());
        data.labels.resize(std::min(data.labels.size(), limit));
    }
    if (data.classNames.empty()) data.classNames = info.classNames;
    const bool fits = data.shape == info.imageShape;
    if (!fits && !request.resizeToFit && resizeIsSensible(data.shape, info.imageShape)) {
        throw DatasetNeedsResize(data.shape, info.imageShape,
                                 "the dataset's images do not fit the model; a resize would fit them: " +
                                     describeResize(data.shape, info.imageShape, request.resizeFilter));
    }
    if (request.resizeToFit && !fits) {
        resizeNote = describeResize(data.shape, info.imageShape, request.resizeFilter);
        data = resizeDataset(data, info.imageShape, request.resizeFilter);
    }
    return data;
}

// Dataset images to show beside a generator's samples. They are only looked at, so they are
// resized without asking; images that cannot be fitted are left out with a note.
Dataset referenceImages(WorkspaceRequest request, const ModelInfo& info, std::string& note) {
    request.resizeToFit = true;
    const std::size_t limit = request.limit > 0 ? std::min(request.limit, kReferenceImageLimit)
                                                : kReferenceImageLimit;
    try {
        return datasetFor(request, limit, info, note);
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Cancelled) throw;
        note = std::string("dataset images not shown: ") + e.what();
        return {};
    }
}

}  // namespace

Workspace buildWorkspace(const WorkspaceRequest& request, const ProgressFn& progress) {
    Workspace ws;
    report(progress, 0.0, "Loading model " + request.modelPath.filename().string());
    ws.model = Model::load(request.modelPath);
    const ModelInfo& info = ws.model->info();
    const auto encodeStart = std::chrono::steady_clock::now();
    if (info.hasEncoder) {
        report(progress, 0.02, "Reading dataset " + request.dataDir.string());
        ws.dataset = datasetFor(request, request.limit, info, ws.resizeNote);
        EncodedBatch encoded = encodeDatasetWithLogvar(*ws.model, ws.dataset, request.batchSize,
                                                       subRange(progress, 0.05, 0.85));
        ws.latents = std::move(encoded.mu);
        ws.logvars = std::move(encoded.logvar);
    } else {
        report(progress, 0.02, "Sampling the prior: the model has no encoder");
        ws.latents = samplePrior(info, request.priorSamples, request.seed);
        ws.sampledFromPrior = true;
        ws.dataset.name = std::to_string(request.priorSamples) + " samples of the " + info.prior +
                          " prior (seed " + std::to_string(request.seed) + ")";
        ws.dataset.shape = info.imageShape;
        ws.dataset.classNames = info.classNames;
        if (!request.dataDir.empty()) ws.reference = referenceImages(request, info, ws.resizeNote);
    }
    ws.encodeSeconds = secondsSince(encodeStart);

    KnnOptions knn;
    knn.threads = request.threads;
    ws.neighbours = std::make_shared<NeighbourIndex>(
        NeighbourIndex::build(ws.latents, knn, subRange(progress, 0.85, 0.95)));

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
