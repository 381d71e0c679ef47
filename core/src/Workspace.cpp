#include "latent/core/Workspace.h"

#include <chrono>

#include "latent/core/EncodeDataset.h"
#include "latent/core/Error.h"

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

}  // namespace

Workspace buildWorkspace(const WorkspaceRequest& request, const ProgressFn& progress) {
    Workspace ws;
    report(progress, 0.0, "Loading model " + request.modelPath.filename().string());
    ws.model = Model::load(request.modelPath);
    report(progress, 0.02, "Reading dataset " + request.dataDir.string());
    ws.dataset = loadMnistStyleSplit(request.dataDir, request.split);
    if (request.limit > 0 && request.limit < ws.dataset.count) {
        ws.dataset.count = request.limit;
        ws.dataset.pixels.resize(request.limit * ws.dataset.shape.pixelCount());
        ws.dataset.labels.resize(std::min(ws.dataset.labels.size(), request.limit));
    }
    if (ws.dataset.classNames.empty()) ws.dataset.classNames = ws.model->info().classNames;

    const auto encodeStart = std::chrono::steady_clock::now();
    ws.latents = encodeDataset(*ws.model, ws.dataset, request.batchSize, subRange(progress, 0.05, 0.85));
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
