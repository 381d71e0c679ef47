// File > Export's data exports: files hold what the window shows (coordinates, latents,
// projector TSV, decoded grid), the map image has the requested size and is not blank.
#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "../core/TempDir.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/NpyReader.h"
#include "latent/core/ProjectorTsv.h"
#include "latent/ui/ExportActions.h"
#include "latent/ui/NeighboursPanel.h"

namespace {

using latent::ui::MainWindow;

class DataExportTest : public WindowFixture {
protected:
    void SetUp() override {
        openWindow(2, 1500);
        if (!parts(window).projection()) {
            QSignalSpy shown(window.get(), &MainWindow::projectionShown);
            ASSERT_TRUE(shown.wait(60000));
        }
    }

    // Waits for the export started by `start` and returns its error ("" on success).
    QString finish(const std::function<void()>& start) {
        QSignalSpy finished(window->exports(), &latent::ui::ExportActions::finished);
        start();
        if (finished.isEmpty() && !finished.wait(60000)) return "no exportFinished signal";
        return finished.takeFirst().at(0).toString();
    }

    QString path(const std::string& name) const {
        return QString::fromStdString((dir_ / name).string());
    }

    TempDir dir_;
};

TEST_F(DataExportTest, CoordinatesAndLatentsEqualTheShownMap) {
    ASSERT_EQ(finish([&] { window->exports()->writeCoordinates(path("c.csv")); }), "");
    const auto& coords = parts(window).projection()->coords;
    std::ifstream csv(dir_ / "c.csv");
    std::string line;
    std::getline(csv, line);
    EXPECT_EQ(line, "index,x,y");
    std::vector<float> values;
    std::size_t rows = 0;
    while (std::getline(csv, line)) {
        std::istringstream row(line);
        std::string cell;
        std::getline(row, cell, ',');
        EXPECT_EQ(std::stoul(cell), rows++);
        while (std::getline(row, cell, ',')) values.push_back(std::stof(cell));
    }
    EXPECT_EQ(rows, 1500u);
    EXPECT_EQ(values, coords.values);

    ASSERT_EQ(finish([&] { window->exports()->writeCoordinates(path("c.npy")); }), "");
    EXPECT_EQ(latent::latentsFromArray(latent::readNpyFile(dir_ / "c.npy"), "c").values,
              coords.values);
    ASSERT_EQ(finish([&] { window->exports()->writeLatents(path("z.npy")); }), "");
    EXPECT_EQ(latent::latentsFromArray(latent::readNpyFile(dir_ / "z.npy"), "z").values,
              parts(window).workspace()->latents.values);
}

TEST_F(DataExportTest, ProjectorFilesPairVectorsWithClassNamesAndScores) {
    ASSERT_EQ(finish([&] { window->exports()->writeProjectorFiles(path("v.tsv")); }), "");
    EXPECT_EQ(latent::readVectorsTsv(dir_ / "v.tsv").values, parts(window).workspace()->latents.values);
    const QString metadata = latent::ui::ExportActions::projectorMetadataPath(path("v.tsv"));
    EXPECT_EQ(metadata, path("v_metadata.tsv"));
    std::ifstream in(metadata.toStdString());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    // Several columns (the labels and the per-item scores): a header, then one row per vector.
    ASSERT_EQ(lines.size(), 1501u);
    EXPECT_EQ(lines[0].substr(0, lines[0].find('\t')), "label");
    EXPECT_NE(lines[0].find("\toutlier score\t"), std::string::npos) << lines[0];
    const auto& data = parts(window).workspace()->dataset;
    EXPECT_EQ(lines[1].substr(0, lines[1].find('\t')), data.className(0));
    EXPECT_EQ(lines[1500].substr(0, lines[1500].find('\t')), data.className(1499));
}

TEST_F(DataExportTest, MapImageHasTheRequestedSizeAndShowsTheMap) {
    for (const QSize size : {QSize(640, 360), QSize(1800, 1400)}) {
        const QString file = path("map.png");
        ASSERT_EQ(finish([&] { window->exports()->writeMapImage(file, size); }), "");
        const QImage image(file);
        ASSERT_EQ(image.size(), size);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
        }
        // A black or empty frame has one or two colours; the map has the background and
        // every class colour.
        EXPECT_GE(colours.size(), 10) << size.width() << "x" << size.height();
    }
    // The view on screen is back to its own size and still renders.
    EXPECT_EQ(parts(window).map()->grabMap().size(),
              parts(window).map()->view()->size() * window->devicePixelRatio());
}

TEST_F(DataExportTest, DecodedGridShowsTheSelectionAndItsNeighbours) {
    EXPECT_NE(finish([&] { window->exports()->writeNeighbourGrid(path("g.png")); }), "");  // nothing selected
    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    window->selectItem(7);
    ASSERT_TRUE(shown.wait(10000));
    ASSERT_EQ(finish([&] { window->exports()->writeNeighbourGrid(path("g.png")); }), "");
    const int count = 1 + static_cast<int>(parts(window).neighbours()->neighbours().size());
    const int columns = std::min(count, 8), rows = (count + 7) / 8;
    const int side = 2 * parts(window).workspace()->dataset.shape.width;
    const QImage grid(path("g.png"));
    EXPECT_EQ(grid.width(), columns * side + (columns - 1) * 2);
    EXPECT_EQ(grid.height(), rows * side + (rows - 1) * 2);
}

TEST_F(DataExportTest, AnUnwritableFileReportsAnErrorAndKeepsTheWindow) {
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [] {
        if (auto* box = QApplication::activeModalWidget()) box->close();
    });
    closer.start(100);
    std::filesystem::create_directories(dir_ / "taken.csv");
    const QString error = finish([&] { window->exports()->writeCoordinates(path("taken.csv")); });
    EXPECT_TRUE(error.contains("taken.csv")) << error.toStdString();
    ASSERT_EQ(finish([&] { window->exports()->writeCoordinates(path("ok.csv")); }), "");
}

}  // namespace
