#include "latent/ui/ProjectionQualityMeter.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "latent/core/ProjectionQuality.h"
#include "latent/ui/ProjectionText.h"

namespace latent::ui {

ProjectionQualityMeter::ProjectionQualityMeter(QObject* parent) : QObject(parent) {}

ProjectionQualityMeter::~ProjectionQualityMeter() {
    for (auto& f : work_) f.waitForFinished();
}

void ProjectionQualityMeter::measure(std::shared_ptr<const latent::LatentBatch> latents,
                                     std::shared_ptr<const latent::ProjectionResult> result, int threads) {
    wanted_ = result;
    std::erase_if(known_, [](const Entry& e) { return e.first.expired(); });
    for (const auto& [ptr, scores] : known_) {
        if (ptr.lock() == result) {
            Q_EMIT measured(result.get(), scores);
            return;
        }
    }
    const std::size_t n = result->coords.count;
    if (!latents || latents->count != n || 2 * kNeighbours + 1 >= n) return;
    std::erase_if(work_, [](const QFuture<void>& f) { return f.isFinished(); });
    Q_EMIT measuring(result.get());
    work_.push_back(QtConcurrent::run([this, latents, result, threads] {
        ProjectionQualityScores scores;
        scores.k = kNeighbours;
        scores.queries = std::min(kQueries, result->coords.count);
        bool ok = true;
        try {
            scores.trustworthiness = latent::trustworthiness(*latents, result->coords, kNeighbours,
                                                             kQueries, kSeed, threads);
            scores.knnPreservation = latent::knnPreservation(*latents, result->coords, kNeighbours,
                                                             kQueries, kSeed, threads);
        } catch (const std::exception&) {
            ok = false;  // e.g. a layout with NaN: the map shows no score rather than a wrong one
        }
        if (!ok) return;
        QMetaObject::invokeMethod(this, [this, result, scores] {
            remember(result, scores);
            if (wanted_.lock() == result) Q_EMIT measured(result.get(), scores);
        }, Qt::QueuedConnection);
    }));
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
