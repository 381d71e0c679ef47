#pragma once

#include <QObject>
#include <QPoint>
#include <QPolygon>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/ui/LatestJob.h"

class QWidget;

namespace latent::ui {

class ScatterMap;

// Mouse gestures that select points on the map, in 2-D and 3-D alike (all in screen
// space, through core SelectionGeometry):
// - Box or Lasso mode: a left drag draws a rectangle or a free-hand outline and selects
//   what lies inside; a click selects the point under the cursor (or nothing).
// - Navigate mode: the map's own controls, plus Ctrl+drag for a lasso and Shift+click
//   to add or remove one point.
// Shift held while a gesture ends adds to the selection instead of replacing it. The
// outline is drawn over the map while the mouse moves.
class MapSelectionTool : public QObject {
    Q_OBJECT
public:
    enum class Mode { Navigate, Box, Lasso };

    explicit MapSelectionTool(ScatterMap* map, QObject* parent = nullptr);
    ~MapSelectionTool() override;

    void setMode(Mode mode);
    Mode mode() const { return mode_; }
    // The coordinates the map shows, asked for when needed (null: nothing there).
    using CoordinateSource = std::function<const latent::LatentBatch*()>;
    void setCoordinateSource(CoordinateSource source);

Q_SIGNALS:
    // A box or lasso ended: the points inside, and whether to add them (Shift). They are
    // found on a pool thread, so this comes a moment after the gesture; a newer gesture
    // supersedes one still being searched.
    void regionSelected(const std::vector<std::size_t>& indices, bool add);
    // A selecting click (see above); `toggle` for Shift/Ctrl clicks.
    void pointClicked(std::optional<std::size_t> index, bool toggle);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool startGesture(QPoint pos, Qt::KeyboardModifiers modifiers);
    void finishGesture(QPoint pos, Qt::KeyboardModifiers modifiers);
    // Finds what the outline in path_ holds (off the UI thread) and emits regionSelected.
    void selectInside(bool add);
    // The search for the points inside path_, with everything it needs copied in.
    std::function<std::vector<std::size_t>()> insideSearch() const;
    void onViewClicked(QPoint pos);

    class Outline;
    ScatterMap* map_;
    Outline* outline_;
    Mode mode_ = Mode::Navigate;
    CoordinateSource coordsOf_;
    bool dragging_ = false;
    bool lasso_ = false;
    QPoint pressPos_;
    // How far (px, Manhattan) the pointer got from the press: a lasso drawn round and
    // released where it started is a lasso, not a click.
    int reach_ = 0;
    QPolygon path_;  // the gesture so far, logical pixels of the map view
    Qt::KeyboardModifiers pressModifiers_;
    LatestJob<std::vector<std::size_t>> search_;  // a newer gesture supersedes one still searched
};

}  // namespace latent::ui
