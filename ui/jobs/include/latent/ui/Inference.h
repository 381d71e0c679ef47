#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <stop_token>
#include <vector>

#include "latent/core/DecodeLatents.h"
#include "latent/core/Image.h"
#include "latent/core/InferenceEngine.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Model.h"

namespace latent::ui {

// The window's one inference engine, shared by every decode. Live decodes (the current
// point: clicks, slider drags, morph scrubs) are latest-wins and served first; a result
// reaches the UI thread as a queued signal only if it still answers the latest request.
// Batches (strips, thumbnails, hover, grids, exports) run on the same engine in chunks, a
// waiting live decode being served between two. Jobs decode through batchDecoder() and run
// on waitingPool(), whose threads sleep while the engine works.
class Inference : public QObject {
    Q_OBJECT
public:
    // Decodes through the engine, blocking the calling worker; throws Error(Cancelled) once
    // `stop` is requested or this object is going. It keeps the engine alive, so it may
    // outlive this object.
    using BatchDecode = std::function<std::vector<latent::Image>(const latent::LatentBatch&, std::stop_token)>;
    // Encodes images through the engine in the same way (the model needs an encoder).
    using BatchEncode =
        std::function<latent::LatentBatch(std::shared_ptr<const latent::Dataset>, std::stop_token)>;

    explicit Inference(QObject* parent = nullptr);
    ~Inference() override;

    void setModel(std::shared_ptr<const latent::Model> model);
    void setThreads(int threads);
    // A live decode; returns the request id that the matching decoded()/failed() carries.
    quint64 request(std::vector<float> latent);
    quint64 latestRequest() const { return latest_; }
    latent::InferenceEngine& engine() { return *engine_; }

    BatchDecode batchDecoder() const;
    BatchEncode batchEncoder() const;
    QThreadPool* waitingPool() { return &waiting_; }

Q_SIGNALS:
    void decoded(quint64 id, const latent::Image& image, double milliseconds);
    void failed(quint64 id, const QString& message);

private:
    void deliver(latent::LiveResult result);

    quint64 latest_ = 0;  // UI thread only
    // Requested when this object goes, before the pool below waits for its jobs: their
    // batches stop at the next chunk, whatever their owners (which may go later) ask.
    std::stop_source closing_;
    QThreadPool waiting_;
    std::shared_ptr<latent::InferenceEngine> engine_;
};

// `decode` bound to `stop`, for core functions that take a DecodeFn.
inline latent::DecodeFn until(std::stop_token stop, Inference::BatchDecode decode) {
    return [stop = std::move(stop), decode = std::move(decode)](const latent::LatentBatch& z) { return decode(z, stop); };
}

}  // namespace latent::ui
