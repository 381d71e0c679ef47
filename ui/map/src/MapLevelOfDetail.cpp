#include "MapLevelOfDetail.h"

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "MapGeometry.h"
#include "MapInteractorStyle.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {
namespace {

// How long the camera must rest before the full set is drawn again: longer than the gap
// between wheel notches or mouse moves, short enough to feel immediate.
constexpr int kIdleMs = 250;
// Smallest point size (logical pixels): below this, points stop reading as points.
constexpr double kSmallestPointSize = 1.5;
// Round imposters cost a fragment shader per pixel; below this size (device pixels)
// nobody can tell a disc from a square.
constexpr double kSmallestSphere = 3.0;

}  // namespace

MapLevelOfDetail::MapLevelOfDetail(VtkOpenGLWidget* view, vtkRenderer* renderer,
                                   MapInteractorStyle* style, vtkActor* full, vtkActor* overlay)
    : view_(view),
      renderer_(renderer),
      style_(style),
      full_(full, renderer),
      overlay_(overlay, renderer) {
    subsetMapper_->SetInputData(subsetPoly_);
    subsetMapper_->SetColorModeToDirectScalars();
    subsetMapper_->SetScalarModeToUsePointData();
    observers_ = {
        {style_, style_->AddObserver(vtkCommand::StartInteractionEvent, this,
                                     &MapLevelOfDetail::onInteractionStarted)},
        {style_, style_->AddObserver(vtkCommand::EndInteractionEvent, this,
                                     &MapLevelOfDetail::onInteractionEnded)},
        {renderer_, renderer_->AddObserver(vtkCommand::StartEvent, this,
                                           &MapLevelOfDetail::onFrameStarting)},
    };
    idle_.setSingleShot(true);
    idle_.setInterval(kIdleMs);
    connect(&idle_, &QTimer::timeout, this, [this] { setMoving(false); });
}

MapLevelOfDetail::~MapLevelOfDetail() {
    for (const auto& [object, tag] : observers_) object->RemoveObserver(tag);
    for (Layer* layer : {&full_, &overlay_}) layer->actor->SetMapper(layer->all);
}

void MapLevelOfDetail::reset(std::size_t count, const std::array<double, 6>& bounds) {
    count_ = count;
    // Multisampling smooths the edges of lines and big points; a big map's points are a
    // pixel or two across, where it changes little, and without it the points in sight are
    // judged at pixel centres: a few times fewer of them (docs/performance.md).
    const bool multisample = count_ <= kInteractiveBudget;
    vtkRenderWindow* window = view_->renderWindow();
    if ((window->GetMultiSamples() > 0) != multisample)
        window->SetMultiSamples(multisample ? vtkOpenGLRenderWindow::GetGlobalMaximumNumberOfMultiSamples() : 0);
    bounds_ = bounds;
    rows_.clear();
    subsetPoly_->Initialize();
    setMoving(false);
}

void MapLevelOfDetail::setSubset(std::vector<std::uint32_t> rows, vtkPoints* points,
                                 vtkUnsignedCharArray* colours) {
    rows_ = rows.size() < count_ ? std::move(rows) : std::vector<std::uint32_t>{};
    subsetPoly_->Initialize();
    if (rows_.empty()) return;
    subsetPoly_->SetPoints(pointsAt(points, rows_));
    subsetPoly_->SetVerts(vertexCells(static_cast<vtkIdType>(rows_.size())));
    refreshColours(colours);
}

void MapLevelOfDetail::refreshColours(vtkUnsignedCharArray* colours) {
    if (rows_.empty() || colours == nullptr) return;
    subsetPoly_->GetPointData()->SetScalars(coloursAt(colours, rows_));
    subsetPoly_->Modified();
}

void MapLevelOfDetail::onInteractionStarted(vtkObject*, unsigned long, void*) {
    idle_.stop();
    setMoving(true);
}

void MapLevelOfDetail::onInteractionEnded(vtkObject*, unsigned long, void*) { idle_.start(); }

void MapLevelOfDetail::setMoving(bool moving) {
    if (moving == moving_) return;
    moving_ = moving;
    view_->requestRender();  // the next frame draws what suits (onFrameStarting)
}

void MapLevelOfDetail::setPointsHidden(bool hidden) {
    hidden_ = hidden;
    view_->requestRender();
}

double MapLevelOfDetail::pointSizeFor(std::size_t drawn) const {
    const double dpr = view_->devicePixelRatioF();
    const double largest = kNormalPointSize * dpr;
    if (drawn == 0) return largest;
    // Screen area of the map's bounding box, per drawn point.
    double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    double hi[2] = {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (int c = 0; c < 8; ++c) {
        renderer_->SetWorldPoint(bounds_[(c & 1) ? 1 : 0], bounds_[(c & 2) ? 3 : 2],
                                 bounds_[(c & 4) ? 5 : 4], 1.0);
        renderer_->WorldToDisplay();
        const double* d = renderer_->GetDisplayPoint();
        for (int a = 0; a < 2; ++a) {
            lo[a] = std::min(lo[a], d[a]);
            hi[a] = std::max(hi[a], d[a]);
        }
    }
    const double area = std::max(hi[0] - lo[0], 1.0) * std::max(hi[1] - lo[1], 1.0);
    const double spacing = std::sqrt(area / static_cast<double>(drawn));
    return std::clamp(spacing, kSmallestPointSize * dpr, largest);
}

vtkMapper* MapLevelOfDetail::Layer::restingMapper(PointFootprint footprint) {
    auto* points = vtkPolyData::SafeDownCast(all->GetInput());
    const bool big = points != nullptr && points->GetNumberOfPoints() > static_cast<vtkIdType>(kInteractiveBudget);
    return big && resting.update(points, footprint) ? resting.mapper() : all.Get();
}

// Which points this frame draws: the subset while moving, the points in sight at rest (big
// layers), otherwise all.
void MapLevelOfDetail::onFrameStarting(vtkObject*, unsigned long, void*) {
    const bool useSubset = moving_ && !rows_.empty();
    const double size = pointSizeFor(useSubset ? rows_.size() : count_);
    const bool spheres = size >= kSmallestSphere;
    const PointFootprint footprint{size, spheres, view_->renderWindow()->GetMultiSamples() > 0};
    vtkMapper* drawn = useSubset ? subsetMapper_.Get() : hidden_ ? full_.all.Get() : full_.restingMapper(footprint);
    if (full_.actor->GetMapper() != drawn) full_.actor->SetMapper(drawn);
    full_.actor->SetVisibility(!hidden_);
    vtkMapper* overlayDrawn = moving_ ? overlay_.all.Get() : overlay_.restingMapper(footprint);
    if (overlay_.actor->GetMapper() != overlayDrawn) overlay_.actor->SetMapper(overlayDrawn);
    for (vtkActor* actor : {full_.actor, overlay_.actor}) {
        actor->GetProperty()->SetPointSize(static_cast<float>(size));
        actor->GetProperty()->SetRenderPointsAsSpheres(spheres);
    }
}

}  // namespace latent::ui
