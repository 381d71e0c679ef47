#pragma once

#include <QObject>
#include <vector>

class QWidget;

namespace latent::ui {

class BatchDecoder;
class CurrentPointController;
class ExplorerState;
class Inference;
class OutliersPanel;

// Wires the Outliers panel to the explorer: the workspace's scores in, the strip's
// reconstructions decoded off the UI thread, its items chosen and selected on the map,
// and the list exported as CSV.
class OutliersController : public QObject {
    Q_OBJECT
public:
    OutliersController(ExplorerState* state, OutliersPanel* panel, Inference* inference,
                       CurrentPointController* current, QWidget* dialogParent);

    // Writes the outliers as CSV; an error message, or "".
    QString exportTo(const QString& path, const std::vector<std::size_t>& items, const QString& scoreId);

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    void decodeStrip(const std::vector<std::size_t>& items);

    ExplorerState* state_;
    OutliersPanel* panel_;
    BatchDecoder* decoder_;
    QWidget* dialogParent_;
    std::vector<std::size_t> decoding_;  // the items of the decode in flight
};

}  // namespace latent::ui
