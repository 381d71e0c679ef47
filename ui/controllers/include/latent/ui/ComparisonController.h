#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/ModelComparison.h"
#include "latent/core/Workspace.h"
#include "latent/ui/LatestJob.h"

class QWidget;

namespace latent::ui {

class ColourByPanel;
class ComparisonPanel;
class ElidedLabel;
class ExplorerState;
class Inference;
class MapHighlights;
class ScatterMap;

// File > Compare With Model: a second model encodes the explorer's items, and its map of
// them (the same projection, laid onto the first map by Procrustes) shows beside the first.
// The two are linked: the current item is marked on both, an item hovered on one is ringed
// on the other, a click on the second map makes that item the current point; the selection
// is shared (SelectionController::linkMap). Each item's neighbour agreement becomes a
// Colour-by column, and the Compare dock shows the current item's original beside both
// models' reconstructions. The comparison follows the first map's projection and closes
// when the explorer opens other items.
class ComparisonController : public QObject {
    Q_OBJECT
public:
    struct Parts {
        ExplorerState* state = nullptr;      // the first model's explorer
        ScatterMap* firstMap = nullptr;      // its map
        MapHighlights* firstRings = nullptr; // its rings: items hovered on the second map
        ScatterMap* map = nullptr;           // the second model's map
        MapHighlights* rings = nullptr;      // its rings
        ElidedLabel* title = nullptr;        // above the second map
        QWidget* pane = nullptr;             // the second map and its title: shown while comparing
        ComparisonPanel* panel = nullptr;
        ColourByPanel* colourBy = nullptr;   // offers the agreement column
        Inference* inference = nullptr;      // the first model's engine: its reconstructions
    };
    ComparisonController(Parts parts, QObject* parent);

    // Compares the explorer's items with the model at `path` (a .pt file or a JSON
    // manifest), in the background; on failure what was shown stays. Once open, the map
    // is coloured by `colourBy` (a session's column) or, when it is empty or unknown, by
    // the agreement.
    void open(const QString& path, const QString& colourBy = {});
    void close();
    bool isOpen() const { return other_ != nullptr; }
    QString modelPath() const { return otherPath_; }  // the second model's; "" when none
    // The second model's workspace, its map (aligned) and the items' agreement: null or
    // empty while nothing is compared.
    std::shared_ptr<const latent::Workspace> other() const { return other_; }
    const latent::AlignedMap& otherMap() const { return otherMap_; }
    const std::optional<latent::ModelAgreement>& agreement() const { return agreement_; }
    // What the second model decodes with (its reconstructions).
    Inference* otherInference() const { return otherInference_; }

Q_SIGNALS:
    // A click on an item of the second map: the explorer makes it the current point.
    void itemChosen(qsizetype index);
    // Both maps are on show (a comparison opened or followed a new first map).
    void shown();
    void closed();
    void failed(const QString& message);  // opening failed (not cancelled)
    void statusMessage(const QString& text);

private:
    struct Compared {
        std::shared_ptr<latent::Workspace> other;  // null: the same one, aligned anew
        std::optional<latent::ModelAgreement> agreement;
        latent::AlignedMap map;
    };
    // `colourBy`: the column to show once a comparison opens ("": the agreement).
    void onCompared(Compared compared, const QString& colourBy = {});
    void realign();  // the first map changed: the second follows it
    void showMap();
    void showCurrent();
    // The current item's caption and original; the first model's reconstruction when known.
    void showItemPictures(const QString& caption, const latent::Image* original);
    // The two models' names as shown: file names, told apart when they are the same.
    QString firstName() const;
    QString otherName() const;

    Parts p_;
    Inference* otherInference_;
    LatestJob<Compared> job_;
    QString otherPath_;
    std::shared_ptr<const latent::Workspace> other_;
    latent::AlignedMap otherMap_;
    std::optional<latent::ModelAgreement> agreement_;
    quint64 otherRequest_ = 0;      // the second model's decode of the current point
    latent::Image firstDecoded_;    // the first model's of it, once decoded
};

}  // namespace latent::ui
