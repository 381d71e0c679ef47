#pragma once

#include <QWidget>
#include <vector>

#include "latent/core/Projection.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace latent::ui {

// Side panel that chooses how the map is projected: the method, the parameters that apply
// to it, Run and Cancel. Methods this build lacks are listed but disabled. It holds no
// results and runs nothing itself: it says what the user asked for.
class ProjectionPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectionPanel(QWidget* parent = nullptr);

    latent::ProjectionParams params() const;
    void setParams(const latent::ProjectionParams& params);
    void setDims(int dims);
    // Latent dimensions the axis pickers offer (0..dim-1). `ranked`: the dimensions from
    // most to least active; unless the user (or setParams with latent axes) chose the axes,
    // they become the first of these, so the default map is never a collapsed dimension.
    void setLatentDim(int dim, const std::vector<std::size_t>& ranked = {});
    void setRunning(bool running);
    // One line about the map on show (method, time, variance kept, ...), or the run under way.
    void setSummary(const QString& text);
    QString summaryText() const;
    // How faithful the map on show is (ProjectionQualityMeter), under the summary.
    void setQuality(const QString& text);
    QString qualityText() const;

    bool isMethodEnabled(latent::ProjectionMethod method) const;
    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }

Q_SIGNALS:
    void runRequested();
    void cancelRequested();

private:
    void showRowsFor(latent::ProjectionMethod method);
    latent::ProjectionMethod method() const;

    QFormLayout* form_;
    QComboBox* method_;
    QComboBox* dims_;
    QDoubleSpinBox* perplexity_;
    QSpinBox* neighbours_;
    QDoubleSpinBox* minDist_;
    QComboBox* metric_;
    QSpinBox* seed_;
    QSpinBox* iterations_;
    QSpinBox* threads_;
    QSpinBox* axes_[3];
    bool axesChosen_ = false;  // by the user or by setParams with latent axes
    QPushButton* run_;
    QPushButton* cancel_;
    QLabel* summary_;
    QLabel* quality_;
};

}  // namespace latent::ui
