#pragma once

#include <QWidget>
#include <cstdint>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace latent::ui {

// The model's settings under its info: how many latents to sample from the prior and the
// seed (generator-only models; applying them rebuilds the map), the inference thread
// count, and how decoded images are enlarged. It only says what the user chose.
class ModelSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelSettingsPanel(QWidget* parent = nullptr);

    // Prior rows are enabled only for a generator-only model.
    void setPrior(bool generatorOnly, std::size_t samples, std::uint64_t seed);
    void setThreads(int threads);  // shows the value without emitting threadsChanged

    QSpinBox* priorSamplesBox() const { return samples_; }
    QSpinBox* priorSeedBox() const { return seed_; }
    QPushButton* resampleButton() const { return resample_; }
    QSpinBox* threadsBox() const { return threads_; }
    QComboBox* scalingBox() const { return scaling_; }

Q_SIGNALS:
    void priorRequested(int samples, quint64 seed);
    void threadsChanged(int threads);
    void smoothScalingChanged(bool smooth);

private:
    QSpinBox* samples_;
    QSpinBox* seed_;
    QPushButton* resample_;
    QLabel* priorNote_;
    QSpinBox* threads_;
    QComboBox* scaling_;
};

}  // namespace latent::ui
