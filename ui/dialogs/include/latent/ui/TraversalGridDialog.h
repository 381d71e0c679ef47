#pragma once

#include <QDialog>
#include <memory>
#include <vector>

#include "latent/core/ImageIo.h"
#include "latent/core/Traversal.h"
#include "latent/ui/LatestJob.h"

class QLabel;
class QPushButton;
class QSpinBox;

namespace latent::ui {

class Inference;

// A traversal grid of one point: one row per dimension (the most important first), each
// varied over its slider range in evenly spaced steps. Decoded off the UI thread and
// exported as PNG.
class TraversalGridDialog : public QDialog {
    Q_OBJECT
public:
    struct Source {
        Inference* inference = nullptr;  // decodes the grid; it outlives the dialog
        std::vector<float> point;
        std::vector<std::size_t> rankedDimensions;    // most important first
        std::vector<latent::TraversalRange> ranges;  // indexed by dimension
    };

    explicit TraversalGridDialog(Source source, QWidget* parent = nullptr);

    QSpinBox* dimensionsBox() const { return dimensions_; }
    QSpinBox* stepsBox() const { return steps_; }
    // The latents of the grid as the boxes say, row by row.
    latent::LatentBatch gridLatents() const;
    const latent::Raster& grid() const { return grid_; }
    // The grid as shown and exported: each row's dimension at its left, each cell's value
    // under it.
    const QImage& labelledGrid() const { return labelled_; }
    // Writes the shown grid (atomically); returns an error message, or "".
    QString exportTo(const QString& path) const;

Q_SIGNALS:
    void gridShown();
    void exported(const QString& path);

private:
    void render();
    void chooseFileAndExport();

    Source source_;
    QSpinBox* dimensions_;
    QSpinBox* steps_;
    QLabel* picture_;
    QPushButton* export_;
    latent::Raster grid_;
    QImage labelled_;
    LatestJob<latent::Raster> decoding_;  // a grid for boxes that changed since is dropped
};

}  // namespace latent::ui
