#include "latent/ui/ThumbnailLayer.h"

#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkFollower.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTexture.h>
#include <vtkUnsignedCharArray.h>

#include <QPainter>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>

#include "CameraObserver.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {
namespace {

constexpr int kSettleMs = 120;       // the camera counts as stopped after this long
constexpr double kMaxSide = 96.0;    // logical pixels
constexpr double kLift = 8.0;        // pixels towards the camera: above the point's own disc

// A unit square centred on the origin, facing +z, with texture coordinates.
vtkSmartPointer<vtkPolyData> unitQuad() {
    vtkNew<vtkPoints> points;
    vtkNew<vtkFloatArray> tcoords;
    tcoords->SetNumberOfComponents(2);
    const float corners[4][2] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    for (const auto& c : corners) {
        points->InsertNextPoint(c[0] - 0.5, c[1] - 0.5, 0.0);
        tcoords->InsertNextTuple2(c[0], c[1]);
    }
    vtkNew<vtkCellArray> cells;
    const vtkIdType quad[4] = {0, 1, 2, 3};
    cells->InsertNextCell(4, quad);
    auto poly = vtkSmartPointer<vtkPolyData>::New();
    poly->SetPoints(points);
    poly->SetPolys(cells);
    poly->GetPointData()->SetTCoords(tcoords);
    return poly;
}

// QImage rows run top-down; VTK images bottom-up.
vtkSmartPointer<vtkTexture> makeTexture(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    vtkNew<vtkImageData> data;
    data->SetDimensions(rgb.width(), rgb.height(), 1);
    data->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    auto* out = static_cast<unsigned char*>(data->GetScalarPointer());
    const auto rowBytes = static_cast<std::size_t>(rgb.width()) * 3;
    for (int y = 0; y < rgb.height(); ++y) {
        std::memcpy(out + static_cast<std::size_t>(rgb.height() - 1 - y) * rowBytes, rgb.constScanLine(y),
                    rowBytes);
    }
    auto texture = vtkSmartPointer<vtkTexture>::New();
    texture->SetInputData(data);
    texture->InterpolateOff();  // small dataset images: keep their pixels crisp
    return texture;
}

// The image inside a border of `colour`, about a fourteenth of its width.
QImage framed(const QImage& image, const QColor& colour) {
    const int border = std::max(1, image.width() / 14);
    QImage out(image.width() + 2 * border, image.height() + 2 * border, QImage::Format_RGB888);
    out.fill(colour);
    QPainter painter(&out);
    painter.drawImage(border, border, image);
    return out;
}

}  // namespace

struct ThumbnailLayer::Vtk {
    vtkNew<vtkPolyDataMapper> mapper;
    std::vector<vtkSmartPointer<vtkFollower>> glyphs;  // a pool: grown, never shrunk
    std::unordered_map<std::size_t, vtkSmartPointer<vtkTexture>> textures;
    std::list<std::size_t> recency;  // most recently used first
};

ThumbnailLayer::ThumbnailLayer(ScatterMap* map, QObject* parent)
    : QObject(parent), map_(map), vtk_(std::make_unique<Vtk>()), settle_(new QTimer(this)) {
    vtk_->mapper->SetInputData(unitQuad());
    settle_->setSingleShot(true);
    settle_->setInterval(kSettleMs);
    connect(settle_, &QTimer::timeout, this, &ThumbnailLayer::refresh);
    connect(new CameraObserver(map_->renderer(), this), &CameraObserver::moved, this,
            &ThumbnailLayer::onCameraModified);
}

ThumbnailLayer::~ThumbnailLayer() = default;

void ThumbnailLayer::setImageSource(ImageSource source) {
    imageOf_ = std::move(source);
    imagesChanged();
}

void ThumbnailLayer::setFrameColourSource(FrameColourSource source) {
    frameOf_ = std::move(source);
    imagesChanged();
}

void ThumbnailLayer::imagesChanged() {
    vtk_->textures.clear();
    vtk_->recency.clear();
    mapChanged();
}

void ThumbnailLayer::setCoordinateSource(CoordinateSource source) {
    coordsOf_ = std::move(source);
    mapChanged();
}

void ThumbnailLayer::mapChanged() {
    lastCamera_.clear();
    settle_->start();
}

void ThumbnailLayer::setEnabled(bool enabled) {
    enabled_ = enabled;
    lastCamera_.clear();
    refresh();
}

// Renders also touch the camera (clipping range); only a real move restarts the wait.
void ThumbnailLayer::onCameraModified() {
    if (!settle_->isActive()) settle_->start();
}

void ThumbnailLayer::refresh() {
    vtkCamera* camera = map_->renderer()->GetActiveCamera();
    const auto view = map_->screenView();
    // The rows for x, y and w: renders reset the clipping range, which only changes z.
    std::vector<double> now(view.worldToView.begin(), view.worldToView.begin() + 8);
    now.insert(now.end(), view.worldToView.begin() + 12, view.worldToView.end());
    now.insert(now.end(), {view.width, view.height, camera->GetParallelScale()});
    if (now == lastCamera_) return;
    lastCamera_ = now;
    const std::size_t before = shown_;
    double spacing = 0.0;
    const auto chosen = enabled_ && imageOf_ ? choosePoints(spacing) : std::vector<Placement>{};
    if (chosen.empty() || spacing < kMinSpacing) {
        hideAll();
    } else {
        show(chosen, std::min(0.85 * spacing, kMaxSide));
    }
    if (before > 0 || shown_ > 0) map_->view()->requestRender();
    Q_EMIT glyphsChanged(shown_);
}

// The points on screen, if few enough, with the median distance to their nearest
// on-screen neighbour (logical pixels) in `spacing`.
std::vector<ThumbnailLayer::Placement> ThumbnailLayer::choosePoints(double& spacing) const {
    const latent::LatentBatch* coords = coordsOf_ ? coordsOf_() : nullptr;
    if (!coords || coords->count == 0 || coords->count != map_->pointCount()) return {};
    const auto view = map_->screenView();
    const auto& m = view.worldToView;
    const double dpr = map_->view()->devicePixelRatioF();
    vtkCamera* camera = map_->renderer()->GetActiveCamera();
    double eye[3], dir[3];
    camera->GetPosition(eye);
    camera->GetDirectionOfProjection(dir);
    const double tanHalf = std::tan(camera->GetViewAngle() * std::numbers::pi / 360.0);
    std::vector<Placement> chosen;
    std::vector<std::array<double, 2>> screen;
    for (std::size_t i = 0; i < coords->count; ++i) {
        const auto row = coords->row(i);
        const double x = row[0], y = coords->dim > 1 ? row[1] : 0.0, z = coords->dim > 2 ? row[2] : 0.0;
        const double w = m[12] * x + m[13] * y + m[14] * z + m[15];
        if (w <= 0.0) continue;  // behind the camera
        const double sx = (((m[0] * x + m[1] * y + m[2] * z + m[3]) / w) + 1.0) * 0.5 * view.width;
        const double sy = (((m[4] * x + m[5] * y + m[6] * z + m[7]) / w) + 1.0) * 0.5 * view.height;
        if (sx < 0 || sy < 0 || sx > view.width || sy > view.height) continue;
        if (chosen.size() == kMaxGlyphs) return {};  // too many on screen: points still crowd
        const double depth = (x - eye[0]) * dir[0] + (y - eye[1]) * dir[1] + (z - eye[2]) * dir[2];
        const double visibleHeight = camera->GetParallelProjection() ? 2.0 * camera->GetParallelScale()
                                                                     : 2.0 * depth * tanHalf;
        chosen.push_back({i, {x, y, z}, visibleHeight / view.height * dpr});
        screen.push_back({sx / dpr, sy / dpr});
    }
    std::vector<double> nearest;
    for (std::size_t a = 0; a < screen.size(); ++a) {
        double best = std::numeric_limits<double>::max();
        for (std::size_t b = 0; b < screen.size(); ++b) {
            if (a != b) best = std::min(best, std::hypot(screen[a][0] - screen[b][0], screen[a][1] - screen[b][1]));
        }
        nearest.push_back(best);
    }
    if (nearest.size() < 2) {
        spacing = kMaxSide;  // a lone point has all the room it wants
    } else {
        std::nth_element(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(nearest.size() / 2),
                         nearest.end());
        spacing = nearest[nearest.size() / 2];
    }
    return chosen;
}

void ThumbnailLayer::show(const std::vector<Placement>& chosen, double sidePixels) {
    vtkCamera* camera = map_->renderer()->GetActiveCamera();
    double dir[3];
    camera->GetDirectionOfProjection(dir);
    std::size_t used = 0;
    std::vector<std::size_t> missing;
    for (const Placement& p : chosen) {
        vtkTexture* texture = textureFor(p.index);
        if (!texture) {
            missing.push_back(p.index);
            continue;
        }
        if (used == vtk_->glyphs.size()) {
            auto glyph = vtkSmartPointer<vtkFollower>::New();
            glyph->SetMapper(vtk_->mapper);
            glyph->SetCamera(camera);
            glyph->GetProperty()->SetAmbient(1.0);
            glyph->GetProperty()->SetDiffuse(0.0);
            glyph->PickableOff();
            map_->renderer()->AddActor(glyph);
            vtk_->glyphs.push_back(glyph);
        }
        vtkFollower* glyph = vtk_->glyphs[used++];
        const double lift = kLift * p.worldPerPixel;
        glyph->SetPosition(p.world[0] - dir[0] * lift, p.world[1] - dir[1] * lift, p.world[2] - dir[2] * lift);
        glyph->SetScale(sidePixels * p.worldPerPixel);
        glyph->SetTexture(texture);
        glyph->VisibilityOn();
    }
    for (std::size_t i = used; i < vtk_->glyphs.size(); ++i) vtk_->glyphs[i]->VisibilityOff();
    shown_ = used;
    side_ = used > 0 ? sidePixels : 0.0;
    if (!missing.empty()) Q_EMIT imagesMissing(missing);
}

void ThumbnailLayer::hideAll() {
    for (auto& glyph : vtk_->glyphs) glyph->VisibilityOff();
    shown_ = 0;
    side_ = 0.0;
}

vtkTexture* ThumbnailLayer::textureFor(std::size_t index) {
    auto& cache = vtk_->textures;
    auto& recency = vtk_->recency;
    if (auto it = cache.find(index); it != cache.end()) {
        recency.remove(index);
        recency.push_front(index);
        return it->second;
    }
    QImage image = imageOf_(index);
    if (image.isNull()) return nullptr;
    if (frameOf_) image = framed(image, frameOf_(index));
    if (cache.size() >= kCacheSize) {
        cache.erase(recency.back());
        recency.pop_back();
    }
    recency.push_front(index);
    return cache.emplace(index, makeTexture(image)).first->second;
}

}  // namespace latent::ui
