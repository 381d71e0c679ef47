#pragma once

#include <QWidget>
#include <optional>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/Interpolation.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Session.h"

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;

namespace latent::ui {

class MorphEndpointPicker;

// Morph between two latents A and B: a scrub slider decodes the frame at t live, a strip
// shows N evenly spaced frames, and play animates t. Linear or spherical interpolation;
// t can run past B to 1.5 to extrapolate.
class MorphPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kScrubSteps = 1000;

    explicit MorphPanel(QWidget* parent = nullptr);

    void setEndpoint(bool isA, const std::vector<float>& latent, const QString& label,
                     std::optional<std::size_t> datasetIndex = std::nullopt);
    // The morph as a session stores it (nothing until A and B are set), and back.
    std::optional<latent::MorphState> state() const;
    void restore(const latent::MorphState& state, const QString& aLabel, const QString& bLabel);
    bool isReady() const { return a_.has_value() && b_.has_value(); }
    double t() const;
    latent::InterpolationMode mode() const;
    std::vector<float> latentAt(double t) const;
    // Frames for the strip, at evenly spaced t over the scrub range.
    latent::LatentBatch stripLatents() const;
    void setStrip(const std::vector<latent::Image>& frames);
    // How the map draws the path, when that needs saying (empty: nothing to say).
    void setPathNote(const QString& note);
    QString pathNote() const;

    QSlider* scrubSlider() const { return scrub_; }
    QComboBox* modeChooser() const { return mode_; }
    MorphEndpointPicker* endpointPicker() const { return picker_; }

Q_SIGNALS:
    void frameRequested(const std::vector<float>& latent, double t);
    void stripRequested(const latent::LatentBatch& frames);
    void setFromSelectionRequested(bool isA);

private:
    double tMax() const;
    void requestFrame();
    void requestStrip();
    void swapEnds();
    void togglePlay();
    void refreshLabels();

    std::optional<std::vector<float>> a_, b_;
    std::optional<std::size_t> aIndex_, bIndex_;
    QString aLabel_, bLabel_;
    QLabel* ends_;
    QComboBox* mode_;
    QCheckBox* extrapolate_;
    QSlider* scrub_;
    QLabel* tLabel_;
    QLabel* pathNote_;
    QSpinBox* frames_;
    QHBoxLayout* strip_;
    QPushButton* play_;
    QTimer* timer_;
    MorphEndpointPicker* picker_;
};

}  // namespace latent::ui
