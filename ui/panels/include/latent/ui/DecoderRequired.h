#pragma once

#include <QStackedWidget>

class QLabel;

namespace latent::ui {

// Holds a panel that only works with a decoder (morph, traversal): with no model loaded it
// shows a short explanation in its place instead of controls that would fail.
class DecoderRequired : public QStackedWidget {
    Q_OBJECT
public:
    // `what` says what the panel does, e.g. "Morphing decodes points between two others".
    DecoderRequired(QWidget* panel, const QString& what, QWidget* parent = nullptr);

    void setAvailable(bool available, const QString& why = {});
    bool isAvailable() const { return currentIndex() == 0; }
    QString explanation() const;

private:
    QString what_;
    QLabel* notice_;
};

}  // namespace latent::ui
