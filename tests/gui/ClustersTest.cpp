// The Clusters dock on the bundled model: finding clusters colours the map by them, rows
// select their items, names are edited in place, pictures arrive, and sessions keep them.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QThread>
#include <QWheelEvent>
#include <algorithm>

#include "../core/TempDir.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/Clustering.h"
#include "latent/core/InformationMeasures.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/MetadataTable.h"
#include "latent/ui/ClassLegend.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ClustersController.h"
#include "latent/ui/ClustersPanel.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ExportActions.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/SessionActions.h"

namespace {

using latent::ui::ClustersPanel;

class ClustersTest : public WindowFixture {
protected:
    ClustersPanel* panel() const { return parts(window).clusters(); }
    QTableWidget* table() const { return panel()->table(); }
    const std::optional<latent::ItemClusters>& clusters() const { return window->state()->annotations().clusters; }

    // Clicks Find Clusters and waits for the rows.
    void findClusters() {
        QPushButton* find = nullptr;
        for (auto* b : panel()->findChildren<QPushButton*>()) {
            if (b->text() == "Find Clusters") find = b;
        }
        ASSERT_NE(find, nullptr);
        ASSERT_TRUE(find->isEnabled());
        QTest::mouseClick(find, Qt::LeftButton);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !panel()->running() && table()->rowCount() > 0; }, 60000))
            << panel()->status().toStdString();
    }

    static latent::ClusterSettings atResolution(double resolution) {
        latent::ClusterSettings settings;
        settings.resolution = resolution;
        return settings;
    }

    std::vector<std::size_t> membersOf(std::initializer_list<int> chosen) const {
        std::vector<std::size_t> items;
        for (std::size_t i = 0; i < clusters()->labels.size(); ++i) {
            for (const int c : chosen)
                if (clusters()->labels[i] == c) items.push_back(i);
        }
        return items;
    }
};

TEST_F(ClustersTest, FoundClustersAreCoreLeidensAndColourTheMap) {
    openWindow(2, 2000);
    findClusters();
    ASSERT_TRUE(clusters());

    // The same clusters as core finds on the projections' graph with the same seed.
    const auto& ws = *parts(window).workspace();
    latent::KnnOptions knn;
    knn.threads = 1;  // NN-descent's graph does not depend on the threads
    knn.seed = 42;  // a default UMAP map's graph: the map on show is PCA
    knn.nnDescent = true;
    const auto graph = latent::fuzzyNeighbourGraph(latent::buildKnnGraph(ws.latents, 14, knn), 15);
    const auto expected = latent::leidenClusters(graph, {});
    EXPECT_EQ(clusters()->labels, expected.labels);
    EXPECT_EQ(clusters()->graphSeed, 42u);
    ASSERT_EQ(table()->rowCount(), static_cast<int>(expected.clusters()));
    EXPECT_GT(expected.clusters(), 3u);
    for (std::size_t c = 0; c < expected.clusters(); ++c) {
        EXPECT_EQ(table()->item(static_cast<int>(c), ClustersPanel::SizeColumn)->text(),
                  QLocale().toString(static_cast<qulonglong>(expected.sizes[c])));
    }
    // Named after their majority class, with the share of it.
    EXPECT_TRUE(table()->item(0, ClustersPanel::NameColumn)->text().contains("%)"))
        << table()->item(0, ClustersPanel::NameColumn)->text().toStdString();

    // Coloured by cluster: each item in its cluster's colour, one legend row per cluster.
    EXPECT_EQ(parts(window).colourBy()->column(), "cluster");
    for (std::size_t i = 0; i < ws.latents.count; i += 97) {
        EXPECT_EQ(window->state()->colours()[i], latent::ui::classColor(expected.labels[i])) << i;
    }
    EXPECT_EQ(parts(window).legend()->rowCount(), static_cast<int>(expected.clusters()));

    // Agreement with the classes as core measures it.
    const std::vector<int> classes(ws.dataset.labels.begin(), ws.dataset.labels.end());
    const QString ari = QString::number(latent::adjustedRandIndex(expected.labels, classes), 'f', 3);
    EXPECT_TRUE(panel()->agreement().contains("adjusted Rand index " + ari)) << panel()->agreement().toStdString();

    // Exported with the metadata.
    TempDir dir;
    const auto csv = dir / "metadata.csv";
    window->exports()->writeMetadataCsv(QString::fromStdString(csv.string()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return parts(window).statusText().startsWith("Exported"); }, 10000));
    const auto exported = latent::readMetadataFile(csv, latent::HeaderRule::FirstRow);
    const auto& clusterCells = exported.column("cluster").cells;
    ASSERT_EQ(clusterCells.size(), ws.latents.count);
    for (std::size_t i = 0; i < ws.latents.count; i += 101) {
        EXPECT_EQ(clusterCells[i], clusters()->names[static_cast<std::size_t>(expected.labels[i])]) << i;
    }
    EXPECT_EQ(exported.column("label").cells[5], ws.dataset.className(5));

    // Prototypes are decoded and medoids shown.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !table()->item(0, ClustersPanel::PrototypeColumn)->icon().isNull(); }, 20000));
    EXPECT_FALSE(table()->item(0, ClustersPanel::MedoidColumn)->icon().isNull());
}

TEST_F(ClustersTest, ClustersFoundOnAUmapMapUseItsGraphWithoutBuildingItAgain) {
    openWindow(2, 1500);
    latent::ProjectionParams umap;
    umap.method = latent::ProjectionMethod::Umap;
    umap.seed = 7;
    umap.threads = 2;
    umap.iterations = 20;
    QSignalSpy shown(window.get(), &latent::ui::MainWindow::projectionShown);
    window->setProjection(umap);
    ASSERT_TRUE(QTest::qWaitFor([&] { return parts(window).projection() &&
                                             parts(window).projection()->params.method == umap.method; }, 60000));
    const auto& graphs = *parts(window).workspace()->graphs;
    EXPECT_EQ(graphs.builds(), 1u);
    findClusters();
    EXPECT_EQ(clusters()->graphSeed, 7u);
    EXPECT_EQ(graphs.builds(), 1u);  // the map's graph, not a second one
    // Another resolution reuses it too.
    Q_EMIT panel()->findRequested(atResolution(2.0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return clusters()->settings.resolution == 2.0 && !panel()->running(); }, 60000));
    EXPECT_EQ(graphs.builds(), 1u);
}

// HDBSCAN chosen in the dock: core's clusters on the same graph, noise items in none and
// drawn light grey, and a smallest size above the graph's neighbours builds a larger graph.
TEST_F(ClustersTest, DensityClustersAreCoresAndTheirNoiseIsShownAsSuch) {
    openWindow(2, 2000);
    auto* method = panel()->findChild<QComboBox*>();
    ASSERT_NE(method, nullptr);
    QSpinBox* smallest = nullptr;
    for (auto* box : panel()->findChildren<QSpinBox*>()) {
        if (box->suffix() == " items") smallest = box;
    }
    ASSERT_NE(smallest, nullptr);
    EXPECT_FALSE(smallest->isVisibleTo(panel()));  // Leiden's settings show first
    // Scrolling the dock over the method box without focus leaves it alone.
    const int leiden = method->currentIndex();
    const QPointF centre(method->width() / 2.0, method->height() / 2.0);
    QWheelEvent wheel(centre, method->mapToGlobal(centre), {}, QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(method, &wheel);
    EXPECT_EQ(method->currentIndex(), leiden);
    method->setCurrentIndex(method->findData(QString(latent::kDensity)));
    EXPECT_TRUE(smallest->isVisibleTo(panel()));
    smallest->setValue(10);
    findClusters();
    ASSERT_TRUE(clusters());
    EXPECT_EQ(clusters()->settings.method, latent::kDensity);
    EXPECT_EQ(clusters()->settings.minClusterSize, 10u);

    const auto& ws = *parts(window).workspace();
    latent::KnnOptions knn;
    knn.seed = 42;
    knn.nnDescent = true;
    const auto expected = latent::densityClusters(latent::buildKnnGraph(ws.latents, 14, knn), {10, 0});
    EXPECT_EQ(clusters()->labels, expected.labels);
    ASSERT_EQ(table()->rowCount(), static_cast<int>(expected.clusters()));
    EXPECT_GE(expected.clusters(), 2u);
    const auto noise = static_cast<std::size_t>(std::count(expected.labels.begin(), expected.labels.end(), -1));
    ASSERT_GT(noise, 0u);
    EXPECT_TRUE(panel()->status().contains(QLocale().toString(static_cast<qulonglong>(noise)) + " items"))
        << panel()->status().toStdString();
    EXPECT_TRUE(panel()->status().contains("noise"));
    EXPECT_EQ(parts(window).colourBy()->column(), "cluster");
    for (std::size_t i = 0; i < ws.latents.count; ++i) {
        if (expected.labels[i] < 0) {
            ASSERT_EQ(window->state()->colours()[i], latent::ui::noValueColor()) << i;
        }
    }
    bool noted = false;
    for (auto* label : parts(window).colourBy()->findChildren<QLabel*>()) {
        noted = noted || (label->isVisibleTo(parts(window).colourBy()) &&
                          label->text().startsWith(QLocale().toString(static_cast<qulonglong>(noise)) + " points have none"));
    }
    EXPECT_TRUE(noted) << "the legend says how many items are in no cluster";

    // A smallest cluster of 30 needs 29 neighbours: a second graph. On these items no region
    // that large is denser than its surroundings (R's dbscan agrees): all are noise, and said so.
    const auto& graphs = *ws.graphs;
    const std::size_t built = graphs.builds();
    smallest->setValue(30);
    Q_EMIT panel()->findRequested(panel()->settings());
    ASSERT_TRUE(QTest::qWaitFor([&] { return clusters()->settings.minClusterSize == 30u && !panel()->running(); }, 60000));
    EXPECT_EQ(clusters()->neighbours, 30);
    EXPECT_EQ(graphs.builds(), built + 1);
    EXPECT_EQ(table()->rowCount(), 0);
    EXPECT_TRUE(std::all_of(clusters()->labels.begin(), clusters()->labels.end(), [](int l) { return l < 0; }));
    EXPECT_TRUE(panel()->status().startsWith("No clusters")) << panel()->status().toStdString();
}

TEST_F(ClustersTest, RowsSelectTheirItemsAndPicturesBecomeTheCurrentPoint) {
    openWindow(2, 1500);
    findClusters();
    ASSERT_GT(table()->rowCount(), 2);
    auto* selection = table()->selectionModel();
    selection->select(table()->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection->select(table()->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    EXPECT_EQ(window->state()->selection()->indices(), membersOf({0, 2}));

    const auto* controller = parts(window).clustersController();
    ASSERT_TRUE(controller->summary());
    const std::size_t medoid = controller->summary()->clusters[1].medoid;
    EXPECT_EQ(clusters()->labels[medoid], 1);
    Q_EMIT panel()->medoidActivated(1);  // as a double-click on the row's medoid
    EXPECT_EQ(window->state()->current().index.value_or(SIZE_MAX), medoid);
    Q_EMIT panel()->prototypeActivated(1);
    EXPECT_FALSE(window->state()->current().index.has_value());
    EXPECT_EQ(window->state()->current().latent, controller->summary()->clusters[1].mean);
}

TEST_F(ClustersTest, RenamingInPlaceRenamesTheColourColumnAndRefusesDuplicates) {
    openWindow(2, 1500);
    findClusters();
    const std::string second = clusters()->names[1];
    table()->item(0, ClustersPanel::NameColumn)->setText("my boots");  // as an edit in place
    EXPECT_EQ(clusters()->names[0], "my boots");
    const auto colours = window->state()->colours();
    EXPECT_EQ(parts(window).colourBy()->column(), "cluster");
    parts(window).colourBy()->setSearch("my boots");
    EXPECT_EQ(parts(window).colourBy()->matches(), membersOf({0}));

    table()->item(0, ClustersPanel::NameColumn)->setText(QString::fromStdString(second));
    EXPECT_EQ(clusters()->names[0], "my boots");
    EXPECT_EQ(table()->item(0, ClustersPanel::NameColumn)->text(), "my boots");  // put back
    EXPECT_TRUE(parts(window).statusText().startsWith("Not renamed")) << parts(window).statusText().toStdString();
    EXPECT_EQ(window->state()->colours(), colours);  // renames keep the colours
}

TEST_F(ClustersTest, SessionsKeepClustersAndNamesExactly) {
    TempDir dir;
    openWindow(2, 1500);
    findClusters();
    table()->item(1, ClustersPanel::NameColumn)->setText("odd ones ✓");
    const latent::ItemClusters saved = *clusters();
    const QString path = QString::fromStdString((dir / "clusters.json").string());
    ASSERT_EQ(window->sessions()->saveTo(path), QString());
    EXPECT_FALSE(window->sessions()->hasUnsavedWork());

    // Other clusters, then the session back.
    Q_EMIT panel()->findRequested(atResolution(3.0));
    ASSERT_TRUE(QTest::qWaitFor([&] { return clusters() && clusters()->settings.resolution == 3.0 && !panel()->running(); }, 60000));
    EXPECT_NE(clusters()->labels, saved.labels);
    EXPECT_TRUE(window->sessions()->hasUnsavedWork());
    ASSERT_EQ(window->sessions()->openFrom(path), QString());
    ASSERT_TRUE(clusters());
    EXPECT_EQ(*clusters(), saved);
    ASSERT_TRUE(QTest::qWaitFor([&] { return table()->rowCount() == static_cast<int>(saved.names.size()); }, 20000));
    EXPECT_EQ(table()->item(1, ClustersPanel::NameColumn)->text(), "odd ones ✓");
    EXPECT_DOUBLE_EQ(panel()->settings().resolution, 1.0);
    EXPECT_EQ(parts(window).colourBy()->column(), "cluster");
}

}  // namespace
