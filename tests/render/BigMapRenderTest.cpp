// The map at scale and its per-point state: a million points render, the pick index answers,
// hover reports the point under the cursor, a selection greys the other points, and at rest
// a big map draws only the points in sight, looking as it does with all of them.
#include <gtest/gtest.h>
#include <vtkActor.h>
#include <vtkActorCollection.h>
#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkMapper.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <random>

#include "ImageChecks.h"
#include "latent/core/DensityGrid.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ColourBar.h"
#include "latent/ui/MapDensityLayer.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace {

const QColor kBackground = QColor::fromRgbF(0.985f, 0.985f, 0.99f);
const QColor kGrey(196, 196, 202);

// One class colour per point, as Colour by gives the map.
template <typename Label>
std::vector<QColor> classColours(const std::vector<Label>& labels) {
    std::vector<QColor> colours;
    colours.reserve(labels.size());
    for (const Label label : labels) colours.push_back(latent::ui::classColor(label));
    return colours;
}

class BigMapTest : public ::testing::Test {
protected:
    void SetUp() override {
        map.resize(400, 300);
        map.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&map));
    }
    void waitForIndex() {
        for (int i = 0; i < 600 && !map.pickIndexReady(); ++i) QTest::qWait(20);
        ASSERT_TRUE(map.pickIndexReady());
    }
    QImage frame() {
        QCoreApplication::processEvents();
        return map.grabMap();
    }

    latent::ui::ScatterMap map;
};

// Ten Gaussian clusters on a circle, labelled by cluster.
struct TenClusters {
    latent::LatentBatch coords;
    std::vector<std::uint8_t> labels;
};
TenClusters tenClusters(std::size_t n) {
    TenClusters c{latent::LatentBatch(n, 2), std::vector<std::uint8_t>(n)};
    std::mt19937 rng(3);
    std::normal_distribution<float> normal(0.0f, 0.35f);
    for (std::size_t i = 0; i < n; ++i) {
        c.labels[i] = static_cast<std::uint8_t>(i % 10);
        const double angle = c.labels[i] * 0.6283;
        c.coords.row(i)[0] = static_cast<float>(3 * std::cos(angle)) + normal(rng);
        c.coords.row(i)[1] = static_cast<float>(3 * std::sin(angle)) + normal(rng);
    }
    return c;
}

int classColoursSeen(const QImage& image, std::initializer_list<int> labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
    int seen = 0;
    for (int label : labels)
        seen += test_images::countNear(image, latent::ui::classColor(label), 40) >= 100 ? 1 : 0;
    return seen;
}

TEST_F(BigMapTest, AMillionPointsRenderAndPickThroughTheIndex) {
    const std::size_t n = 1000000;
    const auto [coords, labels] = tenClusters(n);
    map.setPoints(coords, classColours(labels));
    waitForIndex();
    const QImage image = frame();
    const int total = image.width() * image.height();
    const int background = test_images::countNear(image, kBackground, 6);
    const int classesSeen = classColoursSeen(image);
    if (total - background < total / 10 || background < total / 10 || classesSeen < 10) {
        const QString saved = test_images::saveForInspection(image, "bigmap-failure");
        ADD_FAILURE() << "1M-point frame looks wrong (saved " << saved.toStdString() << "): "
                      << total - background << " of " << total << " pixels drawn, " << classesSeen
                      << " class colours";
    }
    // A click on a point's screen position picks a point drawn within the pick radius.
    for (std::size_t probe : {std::size_t{7}, std::size_t{123456}, n - 1}) {
        const QPoint at = map.viewPositionOf(probe);
        const auto hit = map.pointAt(at);
        ASSERT_TRUE(hit.has_value());
        const QPoint drawn = map.viewPositionOf(*hit);
        EXPECT_LE((drawn - at).manhattanLength(), 12);
    }
}

// Every point of `coords` drawn by a plain actor with the map's camera, point size, shape
// and samples per pixel, in a view of the map's size: the picture the map must give.
QImage everyPointDrawn(latent::ui::ScatterMap& map, const latent::LatentBatch& coords,
                       const std::vector<QColor>& colours) {
    vtkActorCollection* actors = map.renderer()->GetActors();
    actors->InitTraversal();
    vtkActor* mapActor = actors->GetNextActor();  // the map's own comes first
    latent::ui::VtkOpenGLWidget view;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkPoints> points;
    vtkNew<vtkUnsignedCharArray> rgba;
    vtkNew<vtkCellArray> cells;
    rgba->SetNumberOfComponents(4);
    for (std::size_t i = 0; i < coords.count; ++i) {
        points->InsertNextPoint(coords.row(i)[0], coords.row(i)[1], 0.0);
        rgba->InsertNextTypedTuple(std::array<unsigned char, 4>{
            static_cast<unsigned char>(colours[i].red()), static_cast<unsigned char>(colours[i].green()),
            static_cast<unsigned char>(colours[i].blue()), 255}.data());
        cells->InsertNextCell(1);
        cells->InsertCellPoint(static_cast<vtkIdType>(i));
    }
    vtkNew<vtkPolyData> poly;
    poly->SetPoints(points);
    poly->SetVerts(cells);
    poly->GetPointData()->SetScalars(rgba);
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(poly);
    mapper->SetColorModeToDirectScalars();
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->DeepCopy(mapActor->GetProperty());
    renderer->AddActor(actor);
    renderer->SetBackground(map.renderer()->GetBackground());
    renderer->GetActiveCamera()->DeepCopy(map.renderer()->GetActiveCamera());
    view.renderWindow()->AddRenderer(renderer);
    view.renderWindow()->SetMultiSamples(map.view()->renderWindow()->GetMultiSamples());
    view.resize(map.view()->size());
    view.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
    return view.grabRendered();
}

TEST_F(BigMapTest, AtRestABigMapDrawsThePointsInSightAndLooksAsWithAllOfThem) {
    // Two interleaved discs of 100,000 points each, the second drawn over the first: where
    // they share a pixel, the later point's colour shows.
    const std::size_t n = 200000;
    latent::LatentBatch coords(n, 2);
    std::vector<QColor> colours(n);
    std::mt19937 rng(4);
    std::normal_distribution<float> normal;
    for (std::size_t i = 0; i < n; ++i) {
        coords.row(i)[0] = normal(rng);
        coords.row(i)[1] = normal(rng);
        colours[i] = latent::ui::classColor(i < n / 2 ? 0 : 1);
    }
    map.setPoints(coords, colours);
    waitForIndex();
    const QImage drawn = frame();
    vtkActorCollection* actors = map.renderer()->GetActors();
    actors->InitTraversal();
    const vtkIdType drawnPoints = actors->GetNextActor()->GetMapper()->GetInput()->GetNumberOfPoints();
    EXPECT_LT(drawnPoints, static_cast<vtkIdType>(n) / 4);  // only the points in sight
    EXPECT_EQ(map.view()->renderWindow()->GetMultiSamples(), 0);  // judged at pixel centres
    const QImage all = everyPointDrawn(map, coords, colours);
    ASSERT_EQ(drawn.size(), all.size());
    int differing = 0, covered = 0;
    for (int y = 0; y < all.height(); ++y) {
        for (int x = 0; x < all.width(); ++x) {
            differing += test_images::near(drawn.pixel(x, y), QColor(all.pixel(x, y)), 40) ? 0 : 1;
            covered += test_images::near(all.pixel(x, y), kBackground, 6) ? 0 : 1;
        }
    }
    EXPECT_GT(covered, all.width() * all.height() / 10);
    if (differing > 0) {
        const QString saved = test_images::saveForInspection(drawn, "in-sight-failure");
        test_images::saveForInspection(all, "in-sight-reference");
        ADD_FAILURE() << differing << " of " << covered << " drawn pixels differ from drawing every "
                      << "point (saved " << saved.toStdString() << ")";
    }
    // The later disc is on top: more of its colour shows.
    EXPECT_GT(test_images::countNear(drawn, latent::ui::classColor(1), 30),
              2 * test_images::countNear(drawn, latent::ui::classColor(0), 30));

    // A big selection's overlay draws only its points in sight too.
    std::vector<std::uint8_t> everyOther(n);
    for (std::size_t i = 0; i < n; i += 2) everyOther[i] = 1;
    map.setSelection(everyOther);
    frame();
    actors->InitTraversal();
    actors->GetNextActor();
    vtkActor* overlay = actors->GetNextActor();  // after the map's own
    ASSERT_NE(overlay, nullptr);
    EXPECT_LT(overlay->GetMapper()->GetInput()->GetNumberOfPoints(), static_cast<vtkIdType>(n) / 8);
}

TEST_F(BigMapTest, HoverReportsThePointUnderTheCursorAndNoneOffIt) {
    latent::LatentBatch coords(3, 2);
    coords.values = {-1, -1, 0, 0, 1, 1};
    map.setPoints(coords, std::vector<QColor>(3, latent::ui::classColor(0)));
    waitForIndex();
    frame();
    EXPECT_GT(map.view()->renderWindow()->GetMultiSamples(), 0);  // a small map keeps smooth edges
    QSignalSpy hovered(&map, &latent::ui::ScatterMap::pointHovered);
    QTest::mouseMove(map.view(), map.viewPositionOf(2));
    ASSERT_TRUE(hovered.wait(2000));
    EXPECT_EQ(hovered.takeLast().at(0).value<qsizetype>(), 2);
    QTest::mouseMove(map.view(), map.viewPositionOf(2) + QPoint(40, 0));
    ASSERT_TRUE(hovered.wait(2000));
    EXPECT_EQ(hovered.takeLast().at(0).value<qsizetype>(), -1);
}

TEST_F(BigMapTest, SelectionGreysTheUnselectedPointsAndClearingRestoresThem) {
    latent::LatentBatch coords(2, 2);
    coords.values = {-1, 0, 1, 0};
    map.setPoints(coords, classColours(std::vector<int>{0, 1}));
    frame();
    const auto colourAt = [&](std::size_t index) {
        const QImage image = frame();
        const QPoint p = map.viewPositionOf(index) * image.devicePixelRatio();
        return image.pixel(p);
    };
    EXPECT_TRUE(test_images::near(colourAt(1), latent::ui::classColor(1), 30));
    map.setSelection({1, 0});
    EXPECT_TRUE(test_images::near(colourAt(0), latent::ui::classColor(0), 30));
    EXPECT_TRUE(test_images::near(colourAt(1), kGrey, 10));
    map.setSelection({0, 0, 0});  // wrong length: ignored
    EXPECT_TRUE(test_images::near(colourAt(1), kGrey, 10));
    map.setSelection({});
    EXPECT_TRUE(test_images::near(colourAt(1), latent::ui::classColor(1), 30));
}

TEST_F(BigMapTest, MovedPointsKeepTheirColoursSelectionAndMarkerAndPickWhereTheyAre) {
    latent::LatentBatch coords(3, 2);
    coords.values = {-1, 0, 0, 0, 1, 0};
    map.setPoints(coords, classColours(std::vector<int>{0, 1, 2}));
    waitForIndex();
    map.setSelection({0, 1, 0});
    map.setMarker(map.positionOf(1), false);
    // A layout still iterating: point 1 moves up and the others follow.
    latent::LatentBatch moved(3, 2);
    moved.values = {-1, -1, 0, 1, 1, -1};
    ASSERT_TRUE(map.movePoints(moved));
    EXPECT_FALSE(map.pickIndexReady());  // previews get no index of their own
    EXPECT_EQ(map.positionOf(1), QVector3D(0, 1, 0));
    const QImage image = frame();
    const QPoint at = map.viewPositionOf(1);
    EXPECT_TRUE(test_images::near(image.pixel(at * image.devicePixelRatio()),
                                  latent::ui::classColor(1), 30));
    EXPECT_TRUE(test_images::near(image.pixel(map.viewPositionOf(0) * image.devicePixelRatio()),
                                  kGrey, 10));
    EXPECT_EQ(map.pointAt(at), std::optional<std::size_t>(1));  // scans the moved points
    ASSERT_TRUE(map.marker().has_value());
    // Another number of points or dimensions cannot just move.
    EXPECT_FALSE(map.movePoints(latent::LatentBatch(2, 2)));
    EXPECT_FALSE(map.movePoints(latent::LatentBatch(3, 3)));
    EXPECT_EQ(map.pointCount(), 3u);
}

TEST_F(BigMapTest, TheDensityViewOfAMillionPointsShowsTheirCountsInsteadOfThePoints) {
    const auto clusters = tenClusters(1000000);
    map.setPoints(clusters.coords, classColours(clusters.labels));
    waitForIndex();
    latent::ui::MapDensityLayer density(&map);
    density.setCoordinateSource([&] { return &clusters.coords; });
    density.setEnabled(true);

    // The grid is core's binning of the visible rectangle, and every point is in view.
    const auto& grid = density.grid();
    ASSERT_GT(grid.width, 100u);
    const auto expected = latent::binPoints(clusters.coords, grid.rect, grid.width, grid.height);
    EXPECT_EQ(grid.counts, expected.counts);
    std::uint64_t binned = 0;
    for (std::uint32_t c : grid.counts) binned += c;
    EXPECT_EQ(binned, 1000000u);

    // The frame shows the density ramp, not the class colours (orange, red and pink are far
    // from the ramp; its greens come near two others); the densest cells are the darkest
    // colour of the ramp. Switching the view off brings the points back.
    const QImage image = frame();
    const int total = image.width() * image.height();
    const int background = test_images::countNear(image, kBackground, 6);
    const int densest = test_images::countNear(image, latent::ui::colourMapAt(0.0), 12);
    const int warmClasses = classColoursSeen(image, {1, 3, 6});
    if (total - background < total / 20 || warmClasses > 0 || densest < 4) {
        const QString saved = test_images::saveForInspection(image, "density-failure");
        ADD_FAILURE() << "density frame looks wrong (saved " << saved.toStdString() << "): "
                      << total - background << " of " << total << " pixels drawn, "
                      << warmClasses << " warm class colours, " << densest << " densest pixels";
    }
    density.setEnabled(false);
    EXPECT_EQ(classColoursSeen(frame()), 10);
}

}  // namespace
