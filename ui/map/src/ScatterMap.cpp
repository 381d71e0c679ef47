#include "latent/ui/ScatterMap.h"

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkFloatArray.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindowInteractor.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <QGuiApplication>
#include <QPainter>
#include <QTimer>
#include <QVBoxLayout>
#include <QtDebug>
#include <algorithm>
#include <array>

#include "latent/core/PointThinning.h"
#include "latent/core/ScreenPickIndex.h"
#include "latent/core/ScreenPicker.h"
#include "latent/core/ThreadPriority.h"
#include "LayoutTransition.h"
#include "MapAxesOverlay.h"
#include "MapGeometry.h"
#include "MapInteractorStyle.h"
#include "MapLevelOfDetail.h"
#include "ScatterMapImpl.h"
#include "MapMarkerOverlay.h"
#include "MapPathLayer.h"
#include "MapPointColours.h"
#include "latent/ui/MapPositions.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {
namespace {

constexpr double kPickRadius = 6.0;  // logical pixels
constexpr int kHoverIntervalMs = 30;  // at most one hover pick per this

// Coordinates with exactly 2 or 3 columns (what the pick index takes), missing ones 0.
latent::LatentBatch planarOrSpatial(const latent::LatentBatch& coords) {
    const std::size_t dims = coords.dim >= 3 ? 3 : 2;
    if (coords.dim == dims) return coords;
    latent::LatentBatch out(coords.count, dims);
    const std::size_t used = std::min(coords.dim, dims);
    for (std::size_t i = 0; i < coords.count; ++i) {
        std::copy_n(coords.row(i).begin(), used, out.row(i).begin());
    }
    return out;
}

}  // namespace

ScatterMap::ScatterMap(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    impl_->view = new VtkOpenGLWidget(this);
    layout->addWidget(impl_->view);

    auto* window = impl_->view->renderWindow();
    window->SetNumberOfLayers(2);
    impl_->renderer->SetBackground(0.985, 0.985, 0.99);
    window->AddRenderer(impl_->renderer);
    impl_->pathLayer->SetLayer(1);
    impl_->pathLayer->SetActiveCamera(impl_->renderer->GetActiveCamera());
    impl_->pathLayer->InteractiveOff();
    window->AddRenderer(impl_->pathLayer);
    impl_->path.addTo(impl_->pathLayer);
    impl_->mapper->SetInputData(impl_->poly);
    impl_->mapper->SetColorModeToDirectScalars();
    impl_->mapper->SetScalarModeToUsePointData();
    impl_->actor->SetMapper(impl_->mapper);
    // Round, flat-shaded discs: shading rims would muddy the class colours.
    impl_->actor->GetProperty()->SetRenderPointsAsSpheres(true);
    impl_->actor->GetProperty()->SetAmbient(1.0);
    impl_->actor->GetProperty()->SetDiffuse(0.0);
    impl_->actor->GetProperty()->SetSpecular(0.0);
    impl_->renderer->AddActor(impl_->actor);
    impl_->view->interactor()->SetInteractorStyle(impl_->style);
    // Every pan, zoom and rotation by the user starts with this event; resetCamera's own
    // changes do not.
    vtkNew<vtkCallbackCommand> userMoved;
    userMoved->SetClientData(impl_.get());
    userMoved->SetCallback([](vtkObject*, unsigned long, void* impl, void*) {
        static_cast<Impl*>(impl)->cameraFitted = false;
    });
    impl_->style->AddObserver(vtkCommand::StartInteractionEvent, userMoved);
    connect(impl_->view, &VtkOpenGLWidget::resized, this, [this] {
        if (impl_->cameraFitted && impl_->count > 0) resetCamera();  // the frame follows the window
    });
    impl_->colours = std::make_unique<MapPointColours>(impl_->renderer);
    impl_->lod = std::make_unique<MapLevelOfDetail>(impl_->view, impl_->renderer, impl_->style,
                                                    impl_->actor, impl_->colours->overlay());
    impl_->transition = std::make_unique<LayoutTransition>(this);

    impl_->axes = new MapAxesOverlay(impl_->view, [this] { return screenView(); });
    impl_->axes->hide();  // until a map has axes that mean something
    impl_->markers = new MapMarkerOverlay(impl_->view, [this] { return screenView(); });
    connect(impl_->view, &VtkOpenGLWidget::clicked, this, &ScatterMap::onViewClicked);
    impl_->hoverTimer.setSingleShot(true);
    impl_->hoverTimer.setInterval(kHoverIntervalMs);
    connect(&impl_->hoverTimer, &QTimer::timeout, this, &ScatterMap::onHoverDue);
    connect(impl_->view, &VtkOpenGLWidget::hovered, this, [this](QPoint pos) {
        impl_->hoverPos = pos;
        if (!impl_->hoverTimer.isActive()) impl_->hoverTimer.start();
    });
}

ScatterMap::~ScatterMap() = default;

void ScatterMap::setPoints(const latent::LatentBatch& coords, const std::vector<QColor>& colors, Camera camera,
                           Motion motion) {
    showPoints(coords, MapPointColours::fromColors(colors), camera, motion);
}

latent::LatentBatch ScatterMap::leaveDrawnLayout(Motion motion) {
    latent::LatentBatch drawn;
    if (motion == Motion::Glide && impl_->count <= LayoutTransition::kMaxPoints) drawn = drawnLayout();
    impl_->transition->cancel();
    return drawn;
}

void ScatterMap::showPoints(const latent::LatentBatch& coords, vtkUnsignedCharArray* colours, Camera camera,
                            Motion motion) {
    latent::LatentBatch from = leaveDrawnLayout(motion);
    impl_->count = coords.count;
    impl_->dims = coords.dim >= 3 ? 3 : 2;
    impl_->poly->SetPoints(pointsFrom(coords));
    impl_->poly->SetVerts(vertexCells(static_cast<vtkIdType>(coords.count)));
    impl_->colours->setBase(colours, impl_->poly->GetPoints());
    impl_->poly->GetPointData()->SetScalars(impl_->colours->displayed());
    impl_->poly->Modified();
    impl_->style->setPlanar(impl_->dims == 2);
    std::array<double, 6> bounds{};
    impl_->poly->GetBounds(bounds.data());
    impl_->lod->reset(coords.count, bounds);
    clearMarker();
    setHighlights({});
    if (camera == Camera::Fit || impl_->cameraFitted) {
        resetCamera();
    } else {
        impl_->renderer->ResetCameraClippingRange();
        impl_->view->requestRender();
    }
    buildPickIndex(coords);
    setAxisTitles(impl_->axes->titles());  // the axes span the new points
    if (motion == Motion::Glide) impl_->transition->start(std::move(from), coords);
}

bool ScatterMap::movePoints(const latent::LatentBatch& coords, Motion motion) {
    if (coords.count != impl_->count || (coords.dim >= 3 ? 3 : 2) != impl_->dims) return false;
    latent::LatentBatch from = leaveDrawnLayout(motion);
    impl_->poly->SetPoints(pointsFrom(coords));
    impl_->colours->movePoints(impl_->poly->GetPoints());
    impl_->poly->Modified();
    std::array<double, 6> bounds{};
    impl_->poly->GetBounds(bounds.data());
    impl_->lod->reset(coords.count, bounds);
    impl_->indexing.discard();  // a pick index still being built is for old places
    impl_->pickIndex.reset();
    impl_->unindexedCoords = std::make_shared<const latent::LatentBatch>(planarOrSpatial(coords));
    forgetHover();
    if (impl_->cameraFitted) {
        resetCamera();
    } else {
        impl_->renderer->ResetCameraClippingRange();
        impl_->view->requestRender();
    }
    if (motion == Motion::Glide) impl_->transition->start(std::move(from), coords);
    return true;
}

void ScatterMap::setAxisTitles(const QStringList& titles) {
    double b[6] = {0, 0, 0, 0, 0, 0};
    if (impl_->count > 0) impl_->poly->GetBounds(b);
    const bool fits = titles.size() == impl_->dims;
    impl_->axes->setAxes(fits ? titles : QStringList{}, QVector3D(float(b[0]), float(b[2]), float(b[4])),
                         QVector3D(float(b[1]), float(b[3]), float(b[5])));
}

QStringList ScatterMap::axisTitles() const { return impl_->axes->titles(); }

latent::LatentBatch ScatterMap::drawnLayout() const {
    latent::LatentBatch drawn(impl_->count, static_cast<std::size_t>(impl_->dims));
    if (impl_->count == 0) return drawn;
    const float* src = static_cast<vtkFloatArray*>(impl_->poly->GetPoints()->GetData())->GetPointer(0);
    for (std::size_t i = 0; i < impl_->count; ++i) std::copy_n(src + 3 * i, drawn.dim, drawn.row(i).begin());
    return drawn;
}

bool ScatterMap::drawInBetween(const latent::LatentBatch& drawn) {
    if (drawn.count != impl_->count || (drawn.dim >= 3 ? 3 : 2) != impl_->dims) return false;
    impl_->poly->SetPoints(pointsFrom(drawn));
    impl_->colours->movePoints(impl_->poly->GetPoints());
    impl_->poly->Modified();
    if (impl_->cameraFitted) {
        resetCamera();  // the frame follows the points as they move
    } else {
        impl_->renderer->ResetCameraClippingRange();
        impl_->view->requestRender();
    }
    return true;
}

// Builds the pick index and the subset drawn while moving on a pool thread; clicks scan
// all points until it is ready, hover waits for it.
void ScatterMap::buildPickIndex(const latent::LatentBatch& coords) {
    impl_->indexing.discard();
    impl_->pickIndex.reset();
    forgetHover();
    if (coords.count == 0) {
        impl_->unindexedCoords.reset();
        return;
    }
    auto source = std::make_shared<const latent::LatentBatch>(planarOrSpatial(coords));
    impl_->unindexedCoords = source;
    impl_->indexing.run(
        [source](const auto&) {
            latent::lowerCurrentThreadPriority();  // the window's first paint of the map comes first
            return PickStructures{std::make_shared<const latent::ScreenPickIndex>(*source),
                                  latent::representativeSubset(*source, MapLevelOfDetail::kInteractiveBudget)};
        },
        [this](JobOutcome<PickStructures> built) {
            if (!built.result) {
                qWarning() << "map picking stays slow:" << built.error;
                return;
            }
            impl_->pickIndex = built.result->index;
            impl_->unindexedCoords.reset();
            impl_->lod->setSubset(std::move(built.result->subset), impl_->poly->GetPoints(),
                                  impl_->colours->displayed());
        });
}

void ScatterMap::setSelection(const std::vector<std::uint8_t>& selectedMask) {
    if (!impl_->colours->setSelection(selectedMask)) {
        qWarning() << "selection of" << selectedMask.size() << "points ignored: the map has" << impl_->count;
        return;
    }
    impl_->poly->GetPointData()->SetScalars(impl_->colours->displayed());
    impl_->poly->Modified();
    impl_->lod->refreshColours(impl_->colours->displayed());
    impl_->view->requestRender();
}

void ScatterMap::setColours(const std::vector<QColor>& colors) {
    if (colors.size() != impl_->count) {
        qWarning() << "colours for" << colors.size() << "points ignored: the map has" << impl_->count;
        return;
    }
    impl_->colours->recolour(MapPointColours::fromColors(colors));
    impl_->poly->GetPointData()->SetScalars(impl_->colours->displayed());
    impl_->poly->Modified();
    impl_->lod->refreshColours(impl_->colours->displayed());
    impl_->view->requestRender();
}

void ScatterMap::clear() { setPoints(latent::LatentBatch(0, 2), std::vector<QColor>{}); }

int ScatterMap::dimensions() const { return impl_->dims; }
std::size_t ScatterMap::pointCount() const { return impl_->count; }

void ScatterMap::setMarker(const QVector3D& position, bool generated) {
    impl_->markers->setMarker(position, generated);
}

void ScatterMap::clearMarker() {
    impl_->markers->clearMarker();
}

std::optional<QVector3D> ScatterMap::marker() const { return impl_->markers->marker(); }

void ScatterMap::setHighlights(const std::vector<QVector3D>& positions) {
    impl_->markers->setHighlights(positions);
}

void ScatterMap::setAddedPoints(const std::vector<QVector3D>& positions) {
    impl_->markers->setAddedPoints(positions);
}

void ScatterMap::setFoundImages(const std::vector<QVector3D>& positions) {
    impl_->markers->setFoundImages(positions);
}

void ScatterMap::setPath(const std::vector<QVector3D>& points) {
    impl_->path.setPoints(points, impl_->view->devicePixelRatioF());
    impl_->markers->setPathEnds(impl_->path.points());
    impl_->view->requestRender();
}

void ScatterMap::clearPath() { setPath({}); }

const std::vector<QVector3D>& ScatterMap::path() const { return impl_->path.points(); }

QVector3D ScatterMap::positionOf(std::size_t index) const {
    if (impl_->transition->running()) {  // where the point is going, not where it is drawn
        return mapPosition(impl_->transition->target().row(index));
    }
    double p[3];
    impl_->poly->GetPoints()->GetPoint(static_cast<vtkIdType>(index), p);
    return {static_cast<float>(p[0]), static_cast<float>(p[1]), static_cast<float>(p[2])};
}

std::optional<std::size_t> ScatterMap::pointAt(QPoint viewPos) const {
    if (impl_->count == 0) return std::nullopt;
    const auto d = impl_->toDisplay(viewPos);
    const auto size = impl_->viewportSize();
    const double radius = kPickRadius * impl_->view->devicePixelRatioF();
    const auto view = impl_->worldToView();
    const auto hit = impl_->pickIndex
                         ? impl_->pickIndex->pick(view, size[0], size[1], d[0], d[1], radius)
                         : latent::pickNearestOnScreen(*impl_->unindexedCoords, view, size[0],
                                                       size[1], d[0], d[1], radius);
    if (!hit) return std::nullopt;
    return hit->index;
}

bool ScatterMap::pickIndexReady() const { return impl_->pickIndex != nullptr; }

std::shared_ptr<const latent::ScreenPickIndex> ScatterMap::pickIndex() const {
    return impl_->pickIndex;
}

VtkOpenGLWidget* ScatterMap::view() const { return impl_->view; }

QImage ScatterMap::grabMap() const {
    QImage frame = impl_->view->grabRendered();
    QPainter painter(&frame);
    impl_->axes->paintOver(painter);
    impl_->markers->paintOver(painter);
    return frame;
}

vtkRenderer* ScatterMap::renderer() const { return impl_->renderer; }

void ScatterMap::onViewClicked(QPoint pos) {
    if (impl_->count == 0) return;
    if (const auto index = pointAt(pos)) {
        Q_EMIT pointClicked(static_cast<qsizetype>(*index));
    } else {
        Q_EMIT emptySpaceClicked(worldAt(pos));
    }
}

// The point under the cursor is gone or elsewhere: whoever shows it must let go.
void ScatterMap::forgetHover() {
    if (impl_->hovered == -1) return;
    impl_->hovered = -1;
    Q_EMIT pointHovered(-1);
}

void ScatterMap::onHoverDue() {
    const bool busy = QGuiApplication::mouseButtons() != Qt::NoButton || impl_->lod->moving();
    if (busy || !impl_->pickIndex) return;
    const auto index = pointAt(impl_->hoverPos);
    const qsizetype hovered = index ? static_cast<qsizetype>(*index) : -1;
    if (hovered == impl_->hovered) return;
    impl_->hovered = hovered;
    Q_EMIT pointHovered(hovered);
}

void ScatterMap::setPointsHidden(bool hidden) { impl_->lod->setPointsHidden(hidden); }

}  // namespace latent::ui
