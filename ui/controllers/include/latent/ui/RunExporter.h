#pragma once

#include <QImage>
#include <QObject>
#include <QString>
#include <cstddef>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/ui/LatestJob.h"

class QWidget;

namespace latent::ui {

class ComparisonController;
class ScatterMap;

// Export Run: the second map at every checkpoint of the open run, as one animated GIF
// (.gif: the map glides between checkpoints and rests a second on each) or as numbered PNGs
// (run.png: run_001.png, run_002.png, ..., one per checkpoint, for slides and videos).
// Frames are grabbed from the map's pane (its title names the checkpoint), one per event
// loop turn so the window stays live; the files are written in the background, each
// atomically. The timeline returns to where it was.
class RunExporter : public QObject {
    Q_OBJECT
public:
    RunExporter(ComparisonController* comparison, ScatterMap* map, QWidget* pane, QWidget* dialogParent,
                QObject* parent);

    void chooseFile();  // asks where, then exports
    void exportTo(const QString& path);
    bool isExporting() const { return !frames_.empty() || !plan_.empty() || writer_.isRunning(); }

Q_SIGNALS:
    void exported(const QString& message);  // the files are written
    void failed(const QString& message);
    void statusMessage(const QString& text);
    void busy(bool exporting);  // the timeline stays still while frames are grabbed

private:
    // One grab: checkpoint `step`, `t` of the way there from the one before (1: on it),
    // kept as `copies` frames (a rest on a checkpoint is one grab, shown several times).
    struct Frame {
        std::size_t step;
        double t;
        int copies;
    };
    void grabNext();
    void write();
    void stop(const QString& message);

    ComparisonController* comparison_;
    ScatterMap* map_;
    QWidget* pane_;
    QWidget* dialogParent_;
    LatestJob<QString> writer_;
    QString path_;
    std::vector<Frame> plan_;  // still to grab, in order
    latent::LatentBatch between_;  // a glide frame's layout, its buffer kept
    std::vector<QImage> frames_;
    std::size_t returnTo_ = 0;
};

}  // namespace latent::ui
