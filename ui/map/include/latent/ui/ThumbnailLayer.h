#pragma once

#include <QColor>
#include <QImage>
#include <QObject>
#include <array>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <unordered_map>
#include <vector>

#include "latent/core/LatentBatch.h"

class QTimer;
class vtkFollower;
class vtkPolyDataMapper;
class vtkTexture;
template <class T>
class vtkSmartPointer;

namespace latent::ui {

class ScatterMap;

// Draws each visible point as its image once the map is zoomed in far enough that the
// points stand apart on screen: camera-facing textured quads (VTK followers) in the map's
// renderer, so they pan and rotate with the points and sit in their depth. Which points
// get a glyph, and how big, is decided when the camera has stopped moving for a moment:
// at most kMaxGlyphs visible points, and only if their typical on-screen spacing is at
// least kMinSpacing pixels. Textures are cached (kCacheSize, least recently used goes).
class ThumbnailLayer : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxGlyphs = 300;
    static constexpr double kMinSpacing = 18.0;  // logical pixels between neighbours
    static constexpr std::size_t kCacheSize = 1500;

    explicit ThumbnailLayer(ScatterMap* map, QObject* parent = nullptr);
    ~ThumbnailLayer() override;

    // The image drawn for point `index` (null: the point keeps its dot).
    using ImageSource = std::function<QImage(std::size_t)>;
    void setImageSource(ImageSource source);
    // The colour of the frame around point `index`'s image (its class, or grey when
    // another selection greys it), so glyphs keep what the dots showed.
    using FrameColourSource = std::function<QColor(std::size_t)>;
    void setFrameColourSource(FrameColourSource source);
    // The coordinates the map shows, asked for when needed (null: nothing there).
    using CoordinateSource = std::function<const latent::LatentBatch*()>;
    void setCoordinateSource(CoordinateSource source);
    // The map shows other points (or the same at other places): place the glyphs anew.
    void mapChanged();
    // The images themselves changed (another dataset): drop the cached textures too.
    void imagesChanged();
    void setEnabled(bool enabled);
    bool enabled() const { return enabled_; }

    // Glyphs on show, and their side in logical pixels.
    std::size_t glyphCount() const { return shown_; }
    double glyphSide() const { return side_; }
    // Recomputes the glyphs for the current camera now (normally a timer does it).
    void refresh();

Q_SIGNALS:
    void glyphsChanged(std::size_t count);
    // Points that would get a glyph but had no image (e.g. not decoded yet).
    void imagesMissing(const std::vector<std::size_t>& indices);

private:
    struct Placement {
        std::size_t index;
        std::array<double, 3> world;
        double worldPerPixel;  // world units per logical pixel at the point's depth
    };
    std::vector<Placement> choosePoints(double& spacing) const;
    void show(const std::vector<Placement>& chosen, double sidePixels);
    void hideAll();
    vtkTexture* textureFor(std::size_t index);
    void onCameraModified();

    struct Vtk;
    ScatterMap* map_;
    std::unique_ptr<Vtk> vtk_;
    QTimer* settle_;
    ImageSource imageOf_;
    FrameColourSource frameOf_;
    CoordinateSource coordsOf_;
    bool enabled_ = true;
    std::size_t shown_ = 0;
    double side_ = 0.0;
    std::vector<double> lastCamera_;  // the camera the glyphs were placed for
};

}  // namespace latent::ui
