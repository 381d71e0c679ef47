#pragma once

#include <QObject>
#include <QString>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/Model.h"

namespace latent::ui {

// Decodes single latents on a worker thread, latest-wins: a new request replaces the one
// still waiting, and results of superseded requests are dropped, so the UI never shows a
// stale image and never builds a backlog.
class LiveDecoder : public QObject {
    Q_OBJECT
public:
    explicit LiveDecoder(QObject* parent = nullptr);
    ~LiveDecoder() override;

    void setModel(std::shared_ptr<const latent::Model> model);
    // Returns the request id that the matching decoded()/failed() signal carries.
    quint64 request(std::vector<float> latent);
    quint64 latestRequest() const { return latest_; }

Q_SIGNALS:
    void decoded(quint64 id, const latent::Image& image, double milliseconds);
    void failed(quint64 id, const QString& message);

private:
    struct Job {
        quint64 id = 0;
        std::vector<float> latent;
        std::shared_ptr<const latent::Model> model;
    };
    void run();
    void deliver(quint64 id, latent::Image image, double ms, QString error);

    std::shared_ptr<const latent::Model> model_;  // UI thread only
    quint64 latest_ = 0;                           // UI thread only
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Job> pending_;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace latent::ui
