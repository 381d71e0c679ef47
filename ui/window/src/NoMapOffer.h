#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace latent::ui {

// Shown above the empty map when nothing could be opened, so the window never sits on
// "No map yet" with nothing to do: why, and the ways forward as buttons.
class NoMapOffer : public QWidget {
    Q_OBJECT
public:
    explicit NoMapOffer(QWidget* parent);

    // `why`: what failed, one line. `offerBundled`: also offer the bundled model and data.
    void showFailure(const QString& why, bool offerBundled);

Q_SIGNALS:
    void openModelRequested();
    void openDataRequested();
    void bundledRequested();

private:
    QLabel* why_;
    QPushButton* bundled_;
};

}  // namespace latent::ui
