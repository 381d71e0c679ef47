#pragma once

#include <QObject>
#include <QString>
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/ModelComparison.h"
#include "latent/core/ReportCard.h"
#include "latent/core/Workspace.h"
#include "latent/ui/LatestJob.h"
#include "latent/ui/RunTimeline.h"
#include "latent/ui/ScatterMap.h"

class QWidget;

namespace latent::ui {

class ColourByPanel;
class ComparisonPanel;
class ElidedLabel;
class ExplorerState;
class Inference;
class MapHighlights;

// File > Compare With Model and File > Open Checkpoints: other models encode the explorer's
// items, and their maps of them (the same projection, each laid onto the first map by
// Procrustes) show beside the first, one at a time: a compared model, or the checkpoint the
// timeline is at (stepping glides the map from one checkpoint's layout to the next). The
// maps are linked: the current item is marked on both, an item hovered on one is ringed on
// the other, a click on the second map makes that item the current point; the selection is
// shared (SelectionController::linkMap). Each item's neighbour agreement becomes a Colour-by
// column, and the Compare dock shows the current item's original beside both models'
// reconstructions. Everything is computed in the background when opened; it follows the
// first map's projection and closes when the explorer opens other items.
class ComparisonController : public QObject {
    Q_OBJECT
public:
    struct Parts {
        ExplorerState* state = nullptr;      // the first model's explorer
        ScatterMap* firstMap = nullptr;      // its map
        MapHighlights* firstRings = nullptr; // its rings: items hovered on the second map
        ScatterMap* map = nullptr;           // the compared model's map
        MapHighlights* rings = nullptr;      // its rings
        ElidedLabel* title = nullptr;        // above it
        QWidget* pane = nullptr;             // that map and its title: shown while comparing
        ComparisonPanel* panel = nullptr;
        ColourByPanel* colourBy = nullptr;   // offers the agreement column
        Inference* inference = nullptr;      // the first model's engine: its reconstructions
    };
    // One compared model: its workspace, map and agreement.
    struct Member {
        QString path;
        QString label;  // a checkpoint's place in its run ("epoch 5"); "" for one model
        std::shared_ptr<const latent::Workspace> workspace;
        latent::ModelAgreement agreement;
        latent::MetadataColumn agreementColumn;
        latent::AlignedMap map;
        std::vector<latent::CardNumber> measures;  // a run's checkpoint: measureCheckpoint's
    };
    ComparisonController(Parts parts, QObject* parent);

    // Compares the explorer's items with the model at `source` (a .pt file or a JSON
    // manifest), or with every checkpoint in the folder `source` (listCheckpoints), in the
    // background; on failure what was shown stays. Once open, the timeline is at `step`
    // and the map is coloured by `colourBy` (a session's column) or, when it is empty or
    // unknown, by the agreement.
    void open(const QString& source, const QString& colourBy = {}, std::size_t step = 0);
    void close();
    bool isOpen() const { return !members_.empty(); }
    QString source() const { return source_; }  // what open() was given; "" when closed
    const std::vector<Member>& members() const { return members_; }
    // Shows member `step` (a checkpoint of the timeline): its map glides or jumps there.
    void showStep(std::size_t step, ScatterMap::Motion motion);
    std::size_t step() const { return shown_; }
    // The member on show (the compared model or the timeline's checkpoint): null, or empty
    // while nothing is compared.
    std::shared_ptr<const latent::Workspace> other() const;
    const latent::AlignedMap& otherMap() const;
    const latent::ModelAgreement* agreement() const;
    // What the member on show decodes with (its reconstructions).
    Inference* otherInference() const { return otherInference_; }

Q_SIGNALS:
    // A click on an item of the second map: the explorer makes it the current point.
    void itemChosen(qsizetype index);
    // Both maps are on show (a comparison opened or followed a new first map).
    void shown();
    void stepShown(std::size_t step);
    void closed();
    void failed(const QString& message);  // opening failed (not cancelled)
    void statusMessage(const QString& text);

private:
    void realign();  // the first map changed: the second follows it
    void showMember(ScatterMap::Motion motion);
    // Each measured number across the run's checkpoints, for the timeline's chart.
    std::vector<RunMeasure> runMeasures() const;
    void showCurrent();
    // The current item's caption and original; the first model's reconstruction when known.
    void showItemPictures(const QString& caption, const latent::Image* original);
    // The two models' names as shown: file names, told apart when they are the same; a
    // checkpoint's label.
    QString firstName() const;
    QString otherName() const;
    QString columnName() const;

    Parts p_;
    Inference* otherInference_;
    LatestJob<std::vector<Member>> job_;
    QString source_;
    std::vector<Member> members_;
    std::size_t shown_ = 0;
    quint64 otherRequest_ = 0;    // the member's decode of the current point
    latent::Image firstDecoded_;  // the first model's of it, once decoded
};

}  // namespace latent::ui
