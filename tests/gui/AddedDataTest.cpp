// File > Add Data to Map on the bundled model: another dataset is placed on the map as it
// is: latents and images of the data's own items land on their own points, every new map
// places them again, and data that does not fit is refused with a message.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

#include "../core/TempDir.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/NpyWriter.h"
#include "latent/ui/AddedDataController.h"

namespace {

class AddedDataTest : public WindowFixture {
protected:
    latent::ui::AddedDataController* added() const { return parts(window).addedData(); }
    bool addAndWait(const std::filesystem::path& path) {
        QSignalSpy placed(added(), &latent::ui::AddedDataController::placed);
        added()->add(QString::fromStdString(path.string()));
        return placed.wait(30000);
    }
    // Each added item sits on the point of data item i.
    void expectOnTheirOwnPoints(std::size_t count) {
        const auto& coords = parts(window).projection()->coords;
        const auto& positions = added()->positions();
        ASSERT_EQ(positions.count, count);
        ASSERT_EQ(positions.dim, coords.dim);
        for (std::size_t i = 0; i < count; ++i) {
            for (std::size_t d = 0; d < coords.dim; ++d) EXPECT_NEAR(positions.row(i)[d], coords.row(i)[d], 1e-4) << i;
        }
    }
    TempDir dir;
};

TEST_F(AddedDataTest, LatentsAndImagesOfTheDataLandOnTheirOwnPointsOnEveryMap) {
    openWindow(2, 1000);
    const auto& ws = *parts(window).workspace();
    latent::LatentBatch first40(40, ws.latents.dim);
    std::copy(ws.latents.values.begin(), ws.latents.values.begin() + static_cast<std::ptrdiff_t>(40 * ws.latents.dim),
              first40.values.begin());
    latent::writeNpy(dir / "z.npy", first40);
    ASSERT_TRUE(addAndWait(dir / "z.npy"));
    expectOnTheirOwnPoints(40);
    EXPECT_TRUE(parts(window).statusText().startsWith("Added 40 items of z.npy")) << parts(window).statusText().toStdString();

    latent::Dataset images = ws.dataset;
    images.keepFirst(30);
    latent::writeNpy(dir / "images.npy", images);
    ASSERT_TRUE(addAndWait(dir / "images.npy"));  // encoded on the window's engine
    expectOnTheirOwnPoints(30);

    QSignalSpy placed(added(), &latent::ui::AddedDataController::placed);
    window->setDimensions(3);
    ASSERT_TRUE(placed.wait(30000));
    expectOnTheirOwnPoints(30);

    added()->remove();
    EXPECT_EQ(added()->positions().count, 0u);
    EXPECT_EQ(added()->added(), nullptr);
}

TEST_F(AddedDataTest, LatentsOfAnotherSizeAreRefusedWithAMessage) {
    openWindow(2, 300);
    latent::writeNpy(dir / "z5.npy", latent::LatentBatch(10, 5));
    added()->add(QString::fromStdString((dir / "z5.npy").string()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return parts(window).statusText().startsWith("Could not add"); }, 20000));
    EXPECT_TRUE(parts(window).statusText().contains("latents of 5 dimensions; the map's have 16"))
        << parts(window).statusText().toStdString();
    EXPECT_EQ(added()->added(), nullptr);
}

}  // namespace
