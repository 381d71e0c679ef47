#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace latent::ui {

// A dock's background job, in one place: a thin progress bar while it runs and a status
// line beneath (what it is doing; when idle, how it ended or what it offers). The dock's
// own buttons (Cancel, Find, Measure, ...) follow runningChanged.
class JobStatus : public QWidget {
    Q_OBJECT
public:
    explicit JobStatus(QWidget* parent = nullptr);

    void showRunning(const QString& message);  // progress from nothing
    // How far it is, in [0, 1]; an empty message keeps the last one.
    void setProgress(double fraction, const QString& message = {});
    void showIdle(const QString& message);  // done, stopped or not started
    bool running() const { return running_; }
    QString text() const;

Q_SIGNALS:
    void runningChanged(bool running);

private:
    void setRunning(bool running);

    QProgressBar* progress_;
    QLabel* status_;
    bool running_ = false;
};

}  // namespace latent::ui
