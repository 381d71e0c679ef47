// Search by image on the bundled model: dataset images dropped on the window as PNG files
// land on their own points, are listed with their nearest items, follow a new map, and a
// file that is not an image is refused with a message.
#include <gtest/gtest.h>

#include <QDropEvent>
#include <QMimeData>
#include <QTest>
#include <QUrl>
#include <fstream>

#include "../core/TempDir.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/ImageIo.h"
#include "latent/ui/ImageSearchController.h"
#include "latent/ui/ImageSearchPanel.h"

namespace {

class ImageSearchTest : public WindowFixture {
protected:
    latent::ui::ImageSearchController* search() const { return parts(window).imageSearch(); }

    QString itemAsPng(std::size_t item) {
        const auto path = dir / ("item" + std::to_string(item) + ".png");
        latent::writePng(path, latent::toRaster(parts(window).workspace()->dataset.image(item)));
        return QString::fromStdString(path.string());
    }
    // Drops `files` on the window as a file manager would, and waits for the search.
    bool drop(const QStringList& files) {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& f : files) urls << QUrl::fromLocalFile(f);
        mime.setUrls(urls);
        const QPoint centre = window->rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window.get(), &enter);
        if (!enter.isAccepted()) return false;
        QSignalSpy searched(search(), &latent::ui::ImageSearchController::searched);
        QDropEvent dropped(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window.get(), &dropped);
        return searched.wait(30000);
    }

    TempDir dir;
};

TEST_F(ImageSearchTest, DroppedDatasetImagesLandOnTheirOwnPoints) {
    openWindow(2, 1000);
    ASSERT_TRUE(drop({itemAsPng(37), itemAsPng(512)}));
    const auto& found = search()->found();
    ASSERT_EQ(found.size(), 2u);
    const auto& coords = parts(window).projection()->coords;
    for (const auto& [f, item] : {std::pair{found[0], std::size_t{37}}, std::pair{found[1], std::size_t{512}}}) {
        ASSERT_EQ(f.neighbours.size(), latent::ui::ImageSearchController::kNearest);
        EXPECT_EQ(f.neighbours[0].index, item);  // its own item first, at no distance
        EXPECT_LT(f.neighbours[0].distance, 1e-4f);
        EXPECT_NEAR(f.position[0], coords.row(item)[0], 1e-4);
        EXPECT_NEAR(f.position[1], coords.row(item)[1], 1e-4);
        EXPECT_LE(f.neighbours[0].distance, f.neighbours[1].distance);
    }
    EXPECT_EQ(parts(window).imageSearchPanel()->rows(), 2u);
    // The first becomes the current point.
    const auto z = parts(window).workspace()->latents.row(37);
    ASSERT_EQ(parts(window).currentLatent().size(), z.size());
    for (std::size_t d = 0; d < z.size(); ++d) EXPECT_NEAR(parts(window).currentLatent()[d], z[d], 1e-5);

    // A new map: the images are placed on it.
    QSignalSpy again(search(), &latent::ui::ImageSearchController::searched);
    window->setDimensions(3);
    ASSERT_TRUE(again.wait(30000));
    ASSERT_EQ(search()->found().front().position.size(), 3u);
    EXPECT_NEAR(search()->found().front().position[2], parts(window).projection()->coords.row(37)[2], 1e-4);
}

TEST_F(ImageSearchTest, AFileThatIsNotAnImageIsRefusedNamingIt) {
    openWindow(2, 500);
    const auto fake = dir / "notes.png";
    std::ofstream(fake) << "not an image";
    search()->find({QString::fromStdString(fake.string())});
    auto* panel = parts(window).imageSearchPanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->status().startsWith("Could not"); }, 20000));
    EXPECT_TRUE(panel->status().contains("notes.png")) << panel->status().toStdString();
    EXPECT_TRUE(search()->found().empty());
    // Other files dropped with images are not searched.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(itemAsPng(1)), QUrl::fromLocalFile(QString::fromStdString((dir / "x.txt").string()))});
    QDragEnterEvent enter(window->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window.get(), &enter);
    EXPECT_FALSE(enter.isAccepted());
}

}  // namespace
