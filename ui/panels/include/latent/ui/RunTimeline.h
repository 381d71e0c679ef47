#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QTimer;

namespace latent::ui {

class RunCurveChart;

// One number measured on every checkpoint of a run (a report-card number).
struct RunMeasure {
    QString title;   // "mean reconstruction error (MSE)"
    QString sample;  // what it was measured on, for its tooltip
    std::vector<double> values;  // one per checkpoint; NaN where not measured
};

// A training run's timeline on the Compare dock: a slider over the checkpoints and Play
// (one step a second, to the end), a chart of a chosen measure against the checkpoints with
// the current one marked (a click on it steps there), and Export Run. Hidden for fewer
// than two checkpoints.
class RunTimeline : public QWidget {
    Q_OBJECT
public:
    explicit RunTimeline(QWidget* parent = nullptr);

    // The run's checkpoints, one label each, with the slider at `step`.
    void setRun(const QStringList& labels, int step);
    void setMeasures(std::vector<RunMeasure> measures);
    int step() const;
    bool playing() const;
    QString measure() const;  // the chart's
    const RunCurveChart* chart() const { return chart_; }
    void setExportEnabled(bool enabled);

Q_SIGNALS:
    void stepRequested(int step);  // the slider moved, Play stepped or the chart was clicked
    void exportRequested();

private:
    void playOrPause();
    void showMeasure(int index);

    QSlider* slider_;
    QLabel* stepLabel_;
    QPushButton* play_;
    QPushButton* export_;
    QTimer* player_;
    QComboBox* measureChoice_;
    RunCurveChart* chart_;
    QStringList labels_;
    std::vector<RunMeasure> measures_;
};

}  // namespace latent::ui
