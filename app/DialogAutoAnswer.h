#pragma once
// In a --screenshot run nobody is there to answer a dialog (a resize offer, a warning):
// each one that opens is answered with its default button, or cancelled when it has none,
// and named on stderr, so the run never waits forever.

#include <QObject>
#include <QTimer>

namespace latent::app {

class DialogAutoAnswer : public QObject {
public:
    explicit DialogAutoAnswer(QObject* parent);

private:
    void answerOpenDialog();

    QTimer poll_;
};

}  // namespace latent::app
