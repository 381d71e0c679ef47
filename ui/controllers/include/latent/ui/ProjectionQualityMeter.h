#pragma once

#include <QObject>
#include <QString>
#include <list>
#include <memory>
#include <utility>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/Projector.h"
#include "latent/ui/LatestJob.h"

namespace latent::ui {

// How faithful a map is, as the quality line under the projection shows it.
struct ProjectionQualityScores {
    std::size_t k = 0;
    std::size_t queries = 0;  // points the scores average over (all of them when N is small)
    double trustworthiness = 0.0;
    double knnPreservation = 0.0;
};

// Measures trustworthiness and kNN preservation of each shown projection on a worker
// thread, sampled so a 70,000-point map costs about a second, and keeps the scores with
// the result (a cached projection shown again gets its scores at once). Only the newest
// request is reported: switching maps while one is measured drops the older scores.
class ProjectionQualityMeter : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kNeighbours = 15;
    static constexpr std::size_t kQueries = 1000;
    static constexpr std::uint64_t kSeed = 7;

    explicit ProjectionQualityMeter(QObject* parent = nullptr);

    // `latents` are what `result` projected. Emits measured() (before returning when the
    // scores are known), or nothing when the map is too small to score (k must be < N / 2).
    void measure(std::shared_ptr<const latent::LatentBatch> latents,
                 std::shared_ptr<const latent::ProjectionResult> result, int threads);

    // "trustworthiness@15 0.962 · kNN preservation@15 0.412 (1,000 sampled points)"
    static QString describe(const ProjectionQualityScores& scores);
    // Short form for the map title: "trust@15 0.96, kNN@15 0.41".
    static QString brief(const ProjectionQualityScores& scores);

Q_SIGNALS:
    void measuring(const latent::ProjectionResult* result);
    void measured(const latent::ProjectionResult* result, const latent::ui::ProjectionQualityScores& scores);

private:
    void remember(const std::shared_ptr<const latent::ProjectionResult>& result,
                  const ProjectionQualityScores& scores);

    using Entry = std::pair<std::weak_ptr<const latent::ProjectionResult>, ProjectionQualityScores>;
    std::list<Entry> known_;  // scores of results still alive
    LatestJob<ProjectionQualityScores> measuring_;  // of the newest request
};

}  // namespace latent::ui
