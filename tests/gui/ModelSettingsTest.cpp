// The model settings and the views that depend on the kind of model: prior sample count
// and seed, inference threads, image scaling, the resize offer, a VAE's uncertainty and a
// generator's nearest dataset image.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <cmath>

#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/NearestImage.h"
#include "latent/core/PriorSampler.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/Inference.h"
#include "latent/ui/ModelInfoPanel.h"
#include "latent/ui/ModelSettingsPanel.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/TraversalPanel.h"

namespace {

using latent::ui::MainWindow;

QString fixture(const char* name) {
    return QString::fromStdString((std::filesystem::path(LATENT_MODEL_FIXTURES) / name).string());
}

class ModelSettingsTest : public WindowFixture {
protected:
    latent::ui::ModelSettingsPanel* settings() const { return parts(window).modelInfo()->settings(); }

    void openAndWait(const QString& path) {
        QSignalSpy ready(window.get(), &MainWindow::workspaceReady);
        window->openModel(path);
        ASSERT_TRUE(ready.wait(60000)) << path.toStdString();
        settle();
    }

    void selectAndWaitForDecode(qsizetype index) {
        QSignalSpy shown(window.get(), &MainWindow::decodedShown);
        window->selectItem(index);
        ASSERT_TRUE(shown.wait(10000));
    }

    QMessageBox* waitForResizeOffer() {
        QMessageBox* box = nullptr;
        const bool shown =
            QTest::qWaitFor([&] { return (box = window->findChild<QMessageBox*>("resizeOffer")) != nullptr; }, 60000);
        return shown ? box : nullptr;
    }
};

TEST_F(ModelSettingsTest, ThreadCountAppliesToTheInferenceEngine) {
    openWindow(2, 200);
    settings()->threadsBox()->setValue(2);
    EXPECT_EQ(parts(window).inference()->engine().threads(), 2);
    settings()->threadsBox()->setValue(1);
    EXPECT_EQ(parts(window).inference()->engine().threads(), 1);
    window->setInferenceThreads(2);
    EXPECT_EQ(settings()->threadsBox()->value(), 2);
}

TEST_F(ModelSettingsTest, SmoothScalingInterpolatesWhereNearestKeepsPixelBlocks) {
    openWindow(2, 200);
    selectAndWaitForDecode(4);
    // Nearest: each 28x28 model pixel is a uniform 6x6 block; smooth blends neighbours.
    const auto blocksThatVary = [&] {
        const QImage img = parts(window).imagePanel()->decodedPixmap().toImage();
        int varying = 0;
        for (int by = 0; by + 6 <= img.height(); by += 6) {
            for (int bx = 0; bx + 6 <= img.width(); bx += 6) {
                if (img.pixel(bx, by) != img.pixel(bx + 5, by + 5)) ++varying;
            }
        }
        return varying;
    };
    EXPECT_EQ(parts(window).imagePanel()->decodedPixmap().width(), 168);
    EXPECT_EQ(blocksThatVary(), 0);
    settings()->scalingBox()->setCurrentIndex(1);
    EXPECT_TRUE(parts(window).imagePanel()->smoothScaling());
    EXPECT_GT(blocksThatVary(), 20);
    settings()->scalingBox()->setCurrentIndex(0);
    EXPECT_EQ(blocksThatVary(), 0);
}

TEST_F(ModelSettingsTest, VaeShowsTheUncertaintyOfTheSelectedItem) {
    openWindow(2, 300);
    EXPECT_FALSE(settings()->resampleButton()->isEnabled());  // it has an encoder
    selectAndWaitForDecode(5);
    const auto* ws = parts(window).workspace();
    ASSERT_EQ(ws->logvars.count, 300u);
    double mean = 0.0;
    for (float lv : ws->logvars.row(5)) mean += std::exp(0.5 * lv);
    mean /= static_cast<double>(ws->logvars.dim);
    const QString text = parts(window).imagePanel()->uncertaintyText();
    EXPECT_TRUE(text.contains(QString("mean σ %1 over 16 dimensions").arg(mean, 0, 'f', 3))) << text.toStdString();
    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    Q_EMIT parts(window).traversal()->pointEdited(std::vector<float>(16, 0.0f));  // not a dataset item: no σ
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_TRUE(parts(window).imagePanel()->uncertaintyText().isEmpty());
}

TEST_F(ModelSettingsTest, GeneratorResamplesItsPriorAndShowsTheNearestDatasetImage) {
    openWindow(2, 300);
    openAndWait(fixture("gan_rgb64.pt"));
    ASSERT_TRUE(parts(window).workspace()->sampledFromPrior);
    EXPECT_EQ(parts(window).workspace()->reference.count, 300u);
    ASSERT_TRUE(settings()->resampleButton()->isEnabled());
    settings()->priorSamplesBox()->setValue(350);
    settings()->priorSeedBox()->setValue(5);
    QSignalSpy ready(window.get(), &MainWindow::workspaceReady);
    QTest::mouseClick(settings()->resampleButton(), Qt::LeftButton);
    ASSERT_TRUE(ready.wait(60000));
    settle();
    const auto* ws = parts(window).workspace();
    EXPECT_EQ(parts(window).map()->pointCount(), 350u);
    EXPECT_EQ(ws->latents.values, latent::samplePrior(ws->model->info(), 350, 5).values);
    EXPECT_EQ(settings()->priorSamplesBox()->value(), 350);

    selectAndWaitForDecode(9);
    auto* panel = parts(window).imagePanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->originalCaption().startsWith("Nearest dataset image"); }, 10000))
        << panel->originalCaption().toStdString();
    const auto match = latent::nearestImage(ws->reference, panel->decodedImage());
    ASSERT_TRUE(match.has_value());
    EXPECT_TRUE(panel->originalCaption().contains(QString("#%1").arg(match->index))) << panel->originalCaption().toStdString();
}

// A map is cached per workspace: a new prior sample is a new workspace, so the t-SNE map of
// the previous sample (of another point count) must not come back from the cache.
TEST_F(ModelSettingsTest, ResamplingThePriorOnATsneMapProjectsTheNewSample) {
    openWindow(2, 300);
    openAndWait(fixture("gan_rgb64.pt"));
    const auto resample = [&](int samples) {
        settings()->priorSamplesBox()->setValue(samples);
        QSignalSpy ready(window.get(), &MainWindow::workspaceReady);
        QTest::mouseClick(settings()->resampleButton(), Qt::LeftButton);
        ASSERT_TRUE(ready.wait(60000));
    };
    const auto tsneShownFor = [&](std::size_t points) {
        return QTest::qWaitFor([&] {
            const auto* p = parts(window).projection();
            return p && p->params.method == latent::ProjectionMethod::Tsne && p->coords.count == points;
        }, 60000);
    };
    resample(300);
    latent::ProjectionParams tsne = parts(window).projectionPanel()->params();
    tsne.method = latent::ProjectionMethod::Tsne;
    tsne.iterations = 250;
    window->setProjection(tsne);
    ASSERT_TRUE(tsneShownFor(300));

    resample(350);
    ASSERT_EQ(parts(window).workspace()->latents.count, 350u);
    EXPECT_TRUE(tsneShownFor(350)) << "shown: " << parts(window).projection()->coords.count << " points";
    settle();
    EXPECT_EQ(parts(window).map()->pointCount(), 350u);
}

TEST_F(ModelSettingsTest, DatasetThatDoesNotFitIsOfferedAResizeNamingBothShapes) {
    openWindow(2, 200);
    const auto* before = parts(window).workspace();
    QSignalSpy failed(window.get(), &MainWindow::loadFailed);
    window->openModel(fixture("pair.json"));
    QMessageBox* box = waitForResizeOffer();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QString::fromUtf8("1 × 28 × 28"))) << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QString::fromUtf8("3 × 16 × 16"))) << box->text().toStdString();
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    ASSERT_TRUE(failed.count() > 0 || failed.wait(5000));
    EXPECT_EQ(parts(window).workspace(), before);  // cancelled: the previous model stays
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->findChild<QMessageBox*>("resizeOffer") == nullptr; }, 5000));

    QSignalSpy ready(window.get(), &MainWindow::workspaceReady);
    window->openModel(fixture("pair.json"));
    box = waitForResizeOffer();
    ASSERT_NE(box, nullptr);
    QTest::mouseClick(box->defaultButton(), Qt::LeftButton);
    ASSERT_TRUE(ready.wait(60000));
    EXPECT_EQ(parts(window).workspace()->dataset.shape, (latent::ImageShape{3, 16, 16}));
    EXPECT_EQ(parts(window).modelInfo()->field("Dataset"), "1x28x28 images resized to 3x16x16 (bilinear, grey copied to RGB)");
}

}  // namespace
