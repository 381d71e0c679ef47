#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Model.h"

namespace latent::ui {

// Decodes a batch of latents on a pool thread and hands the images to the UI thread.
// Only the newest request's result is delivered: an older batch that finishes late is
// dropped, so a strip never shows frames of a superseded morph.
class BatchDecoder : public QObject {
    Q_OBJECT
public:
    explicit BatchDecoder(QObject* parent = nullptr);
    ~BatchDecoder() override;

    void setModel(std::shared_ptr<const latent::Model> model) { model_ = std::move(model); }
    void request(const latent::LatentBatch& latents);

Q_SIGNALS:
    void decoded(const std::vector<latent::Image>& images);
    void failed(const QString& message);

private:
    struct Outcome {
        std::vector<latent::Image> images;
        QString error;
    };

    std::shared_ptr<const latent::Model> model_;
    quint64 latest_ = 0;
};

}  // namespace latent::ui
