#include "latent/ui/MapSelectionTool.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWidget>
#include <algorithm>
#include <memory>

#include "latent/core/ScreenPickIndex.h"
#include "latent/core/SelectionGeometry.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {
namespace {
constexpr int kClickSlop = 4;  // logical px, as VtkOpenGLWidget counts clicks
}  // namespace

// Draws the box or lasso being dragged. A child widget of the GL view is composed over
// the VTK frame by Qt, so drawing it never needs a VTK render.
class MapSelectionTool::Outline : public QWidget {
public:
    explicit Outline(QWidget* parent) : QWidget(parent) {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        hide();
    }
    // Shown closed even while the lasso is drawn: the fill is what will be selected.
    void showShape(const QPolygon& shape) {
        shape_ = shape;
        setGeometry(parentWidget()->rect());
        QWidget::show();
        raise();
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(40, 110, 220, 40));
        p.setPen(QPen(QColor(20, 70, 170), 1.5, Qt::DashLine));
        p.drawPolygon(shape_);
    }

private:
    QPolygon shape_;
};

MapSelectionTool::MapSelectionTool(ScatterMap* map, QObject* parent)
    : QObject(parent), map_(map), outline_(new Outline(map->view())), search_(this) {
    map_->view()->installEventFilter(this);
    connect(map_->view(), &VtkOpenGLWidget::clicked, this, &MapSelectionTool::onViewClicked);
}

MapSelectionTool::~MapSelectionTool() = default;

void MapSelectionTool::setMode(Mode mode) {
    mode_ = mode;
    map_->view()->setCursor(mode == Mode::Navigate ? Qt::ArrowCursor : Qt::CrossCursor);
}

void MapSelectionTool::setCoordinateSource(CoordinateSource source) { coordsOf_ = std::move(source); }

bool MapSelectionTool::eventFilter(QObject* watched, QEvent* event) {
    if (watched != map_->view()) return false;
    switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick: {
            auto* e = static_cast<QMouseEvent*>(event);
            pressModifiers_ = e->modifiers();
            return e->button() == Qt::LeftButton && startGesture(e->position().toPoint(), e->modifiers());
        }
        case QEvent::MouseMove: {
            if (!dragging_) return false;
            const QPoint pos = static_cast<QMouseEvent*>(event)->position().toPoint();
            reach_ = std::max(reach_, (pos - pressPos_).manhattanLength());
            if (lasso_) {
                if (path_.isEmpty() || path_.last() != pos) path_ << pos;
            } else {
                path_ = QPolygon(QRect(pressPos_, pos).normalized());
            }
            outline_->showShape(path_);
            return true;
        }
        case QEvent::MouseButtonRelease: {
            auto* e = static_cast<QMouseEvent*>(event);
            if (!dragging_ || e->button() != Qt::LeftButton) return false;
            finishGesture(e->position().toPoint(), e->modifiers());
            return true;
        }
        default:
            return false;
    }
}

// Box and Lasso modes own the left button; in Navigate mode only Ctrl+drag does.
bool MapSelectionTool::startGesture(QPoint pos, Qt::KeyboardModifiers modifiers) {
    const bool ctrl = modifiers.testFlag(Qt::ControlModifier);
    if (mode_ == Mode::Navigate && !ctrl) return false;
    dragging_ = true;
    lasso_ = mode_ == Mode::Lasso || (mode_ == Mode::Navigate && ctrl);
    pressPos_ = pos;
    reach_ = 0;
    path_ = QPolygon{pos};
    return true;
}

void MapSelectionTool::finishGesture(QPoint pos, Qt::KeyboardModifiers modifiers) {
    dragging_ = false;
    outline_->hide();
    const QPoint press = pressPos_;
    const bool add = modifiers.testFlag(Qt::ShiftModifier);
    // A box is its two corners; a lasso is its whole path.
    const int reach = std::max(lasso_ ? reach_ : 0, (pos - press).manhattanLength());
    if (reach <= kClickSlop) {
        Q_EMIT pointClicked(map_->pointAt(press), add || modifiers.testFlag(Qt::ControlModifier));
        return;
    }
    if (lasso_) {
        if (path_.last() != pos) path_ << pos;
    } else {
        path_ = QPolygon{press, pos};
    }
    selectInside(add);
    path_.clear();
}

// A whole-screen lasso over a million points takes a few hundred ms even through the
// index: long enough to freeze the UI if it ran here.
void MapSelectionTool::selectInside(bool add) {
    auto search = insideSearch();
    if (!search) {
        search_.discard();
        Q_EMIT regionSelected({}, add);
        return;
    }
    search_.run([search = std::move(search)](const auto&) { return search(); },
                [this, add](JobOutcome<std::vector<std::size_t>> found) {
                    // The geometry only throws if memory runs out.
                    if (found.result) Q_EMIT regionSelected(*found.result, add);
                });
}

// Through the map's spatial index once it is built; until then by projecting every point
// (of a copy: the map may change while the search runs).
std::function<std::vector<std::size_t>()> MapSelectionTool::insideSearch() const {
    if (path_.size() < 2) return {};
    // Logical pixels, y down -> the device pixels, y up, that the camera matrix maps to.
    const double dpr = map_->view()->devicePixelRatioF();
    const double height = map_->view()->height();
    std::vector<latent::ScreenPoint> screen;
    screen.reserve(static_cast<std::size_t>(path_.size()));
    for (const QPoint& p : path_) screen.push_back({p.x() * dpr, (height - p.y()) * dpr});
    const latent::ScreenView view = map_->screenView();
    const bool lasso = lasso_;
    if (auto index = map_->pickIndex()) {
        return [index, view, screen, lasso] {
            return lasso ? index->selectInLasso(view, screen)
                         : index->selectInRectangle(view, screen.front(), screen.back());
        };
    }
    const latent::LatentBatch* coords = coordsOf_ ? coordsOf_() : nullptr;
    if (!coords || coords->count != map_->pointCount()) return {};
    return [points = *coords, view, screen, lasso] {
        return lasso ? latent::selectInLasso(points, view, screen)
                     : latent::selectInRectangle(points, view, screen.front(), screen.back());
    };
}

// Navigate mode: the map handles plain clicks; Shift+click also toggles the point.
void MapSelectionTool::onViewClicked(QPoint pos) {
    if (mode_ != Mode::Navigate || !pressModifiers_.testFlag(Qt::ShiftModifier)) return;
    if (const auto index = map_->pointAt(pos)) Q_EMIT pointClicked(index, true);
}

}  // namespace latent::ui
