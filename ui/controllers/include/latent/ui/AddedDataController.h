#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "latent/core/AddedData.h"
#include "latent/ui/LatestJob.h"

class QWidget;

namespace latent::ui {

class ExplorerState;
class Inference;
class ScatterMap;

// File > Add Data to Map: another dataset is read, encoded on the inference engine and
// placed on the map on show without recomputing it (and placed again on every new map),
// drawn as small crosses, so a user sees where new data falls among what the map was made
// from. A new workspace or Remove Added Data takes it off.
class AddedDataController : public QObject {
    Q_OBJECT
public:
    AddedDataController(ExplorerState* state, ScatterMap* map, Inference* inference, QWidget* dialogParent);

    void add(const QString& path);
    void chooseFileAndAdd();
    void chooseFolderAndAdd();
    void remove();
    // The added items and where they are on the map on show (N x dims); null when none.
    const std::shared_ptr<const latent::AddedData>& added() const { return added_; }
    const latent::LatentBatch& positions() const { return positions_; }

Q_SIGNALS:
    void statusMessage(const QString& text);
    void placed();  // positions() are on the map on show

private:
    struct Result {
        std::shared_ptr<const latent::AddedData> added;
        latent::LatentBatch positions;
    };
    void run(const QString& path, std::shared_ptr<const latent::AddedData> known);
    void show(Result result, bool fresh);

    ExplorerState* state_;
    ScatterMap* map_;
    Inference* inference_;
    QWidget* dialogParent_;
    LatestJob<Result> job_;
    std::shared_ptr<const latent::AddedData> added_;
    latent::LatentBatch positions_;
};

}  // namespace latent::ui
