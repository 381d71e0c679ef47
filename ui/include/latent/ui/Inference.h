#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/InferenceEngine.h"
#include "latent/core/Model.h"

namespace latent::ui {

// The Qt side of the core InferenceEngine: live decodes are latest-wins on the engine's
// worker, and their results reach the UI thread as queued signals; a result is emitted
// only if it still answers the latest request, so the UI never shows a stale image.
class LiveDecoder : public QObject {
    Q_OBJECT
public:
    explicit LiveDecoder(QObject* parent = nullptr);
    ~LiveDecoder() override;

    void setModel(std::shared_ptr<const latent::Model> model);
    void setThreads(int threads);
    // Returns the request id that the matching decoded()/failed() signal carries.
    quint64 request(std::vector<float> latent);
    quint64 latestRequest() const { return latest_; }
    latent::InferenceEngine& engine() { return *engine_; }

Q_SIGNALS:
    void decoded(quint64 id, const latent::Image& image, double milliseconds);
    void failed(quint64 id, const QString& message);

private:
    void deliver(latent::LiveResult result);

    quint64 latest_ = 0;  // UI thread only
    std::unique_ptr<latent::InferenceEngine> engine_;
};

}  // namespace latent::ui
