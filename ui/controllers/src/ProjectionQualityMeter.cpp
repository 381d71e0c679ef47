#include "latent/ui/ProjectionQualityMeter.h"

#include "latent/core/ThreadPriority.h"

#include <algorithm>

#include "latent/core/ProjectionQuality.h"
#include "latent/ui/ProjectionText.h"

namespace latent::ui {

ProjectionQualityMeter::ProjectionQualityMeter(QObject* parent) : QObject(parent), measuring_(this) {}

void ProjectionQualityMeter::measure(std::shared_ptr<const latent::LatentBatch> latents,
                                     std::shared_ptr<const latent::ProjectionResult> result, int threads) {
    measuring_.discard();  // the scores of a map no longer shown
    std::erase_if(known_, [](const Entry& e) { return e.first.expired(); });
    for (const auto& [ptr, scores] : known_) {
        if (ptr.lock() == result) {
            Q_EMIT measured(result.get(), scores);
            return;
        }
    }
    const std::size_t n = result->coords.count;
    if (!latents || latents->count != n || 2 * kNeighbours + 1 >= n) return;
    Q_EMIT measuring(result.get());
    measuring_.run(
        [latents, result, threads](const auto&) {
            // Below the window's threads (and the GL rasteriser's, which the window waits
            // for): measuring a new map on both cores stalled its first paint over 100 ms.
            latent::lowerCurrentThreadPriority();
            ProjectionQualityScores scores;
            scores.k = kNeighbours;
            scores.queries = std::min(kQueries, result->coords.count);
            scores.trustworthiness =
                latent::trustworthiness(*latents, result->coords, kNeighbours, kQueries, kSeed, threads);
            scores.knnPreservation =
                latent::knnPreservation(*latents, result->coords, kNeighbours, kQueries, kSeed, threads);
            return scores;
        },
        [this, result](JobOutcome<ProjectionQualityScores> scores) {
            // A layout with NaN throws: the map shows no score rather than a wrong one.
            if (!scores.result) return;
            remember(result, *scores.result);
            Q_EMIT measured(result.get(), *scores.result);
        });
}

void ProjectionQualityMeter::remember(const std::shared_ptr<const latent::ProjectionResult>& result,
                                      const ProjectionQualityScores& scores) {
    known_.emplace_front(result, scores);
}

QString ProjectionQualityMeter::describe(const ProjectionQualityScores& s) {
    const QString points = s.queries >= kQueries ? tr("%1 sampled points").arg(groupedCount(s.queries))
                                                  : tr("all %1 points").arg(groupedCount(s.queries));
    return tr("trustworthiness@%1 %2 · kNN preservation@%1 %3 (%4)")
        .arg(s.k)
        .arg(s.trustworthiness, 0, 'f', 3)
        .arg(s.knnPreservation, 0, 'f', 3)
        .arg(points);
}

QString ProjectionQualityMeter::brief(const ProjectionQualityScores& s) {
    return tr("trust@%1 %2, kNN@%1 %3").arg(s.k).arg(s.trustworthiness, 0, 'f', 2).arg(s.knnPreservation, 0, 'f', 2);
}

}  // namespace latent::ui
