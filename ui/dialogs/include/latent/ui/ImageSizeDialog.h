#pragma once

#include <QDialog>
#include <QSize>
#include <optional>

class QSpinBox;

namespace latent::ui {

// Asks for an image size in pixels (width x height), e.g. for saving the map as a PNG.
class ImageSizeDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMaxSide = 8192;  // llvmpipe and most GPUs render up to this

    ImageSizeDialog(QSize initial, QWidget* parent = nullptr);
    QSize chosenSize() const;

    // Runs the dialog; nullopt when cancelled.
    static std::optional<QSize> ask(QWidget* parent, const QString& title, QSize initial);

private:
    QSpinBox* width_;
    QSpinBox* height_;
};

}  // namespace latent::ui
