// File > Open Checkpoints: a training run on the Compare dock's timeline: stepping, Play,
// the report-card numbers against the checkpoints, and Export Run.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QPushButton>
#include <QSlider>
#include <QTest>
#include <cmath>

#include "../core/TempDir.h"
#include "ComparisonFixture.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ComparisonPanel.h"
#include "latent/ui/RunCurveChart.h"
#include "latent/ui/RunExporter.h"
#include "latent/ui/RunTimeline.h"

namespace {

TEST_F(ComparisonTest, ATrainingRunsCheckpointsOpenOnATimelineThatSteps) {
    openWindow(2, 1000);
    compareWith(LATENT_CHECKPOINTS);
    const auto& members = comparison().members();
    ASSERT_EQ(members.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(members[k].label, QString("epoch %1").arg(k + 1));
    EXPECT_EQ(comparison().step(), 0u);
    EXPECT_EQ(parts(window).colourBy()->column(), QString("agreement with the checkpoint"));
    // Training moves the space: the three checkpoints' neighbourhoods differ.
    EXPECT_NE(members[0].agreement.perItem, members[2].agreement.perItem);

    // A step shows that checkpoint: its map (after the glide), its agreement, its decoder.
    window->selectItem(7);
    QSignalSpy stepped(&comparison(), &ComparisonController::stepShown);
    panel().findChild<QSlider*>()->setValue(2);
    ASSERT_EQ(stepped.count(), 1);
    EXPECT_EQ(comparison().step(), 2u);
    EXPECT_EQ(comparison().other(), members[2].workspace);
    EXPECT_TRUE(QTest::qWaitFor([&] { return second().drawnLayout().values == members[2].map.coords.values; }, 5000));
    EXPECT_EQ(second().positionOf(7).x(), members[2].map.coords.row(7)[0]);
    const auto& colours = parts(window).colourBy();
    EXPECT_EQ(colours->column(), QString("agreement with the checkpoint"));
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel().hasPicture(ComparisonPanel::Side::Second); }, 30000));
    EXPECT_TRUE(panel().itemCaption().contains("#7"));

    // Play steps to the end by itself and stops there.
    panel().findChild<QSlider*>()->setValue(0);
    QPushButton* play = nullptr;
    for (auto* button : panel().findChildren<QPushButton*>()) {
        if (button->text() == "Play") play = button;
    }
    ASSERT_NE(play, nullptr);
    play->click();
    EXPECT_TRUE(panel().timeline()->playing());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !panel().timeline()->playing(); }, 10000));
    EXPECT_EQ(comparison().step(), 2u);
}

TEST_F(ComparisonTest, TheRunsNumbersArePlottedAgainstItsCheckpointsAndAClickSteps) {
    openWindow(2, 1000);
    compareWith(LATENT_CHECKPOINTS);
    const auto& members = comparison().members();
    ASSERT_EQ(members.size(), 3u);
    auto* timeline = panel().timeline();
    const auto* chart = timeline->chart();
    ASSERT_TRUE(chart->isVisible());
    // The reconstruction error first: training lowers it.
    EXPECT_EQ(timeline->measure(), QString("mean reconstruction error (MSE)"));
    ASSERT_EQ(chart->values().size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
        ASSERT_EQ(members[k].measures.size(), 6u);
        EXPECT_EQ(chart->values()[k], members[k].measures[0].value);
        for (const auto& number : members[k].measures) EXPECT_TRUE(std::isfinite(number.value)) << number.id;
    }
    EXPECT_LT(chart->values()[2], chart->values()[0]);
    EXPECT_EQ(chart->current(), 0);

    // Another number: the chart follows the choice.
    auto* choice = timeline->findChild<QComboBox*>();
    ASSERT_NE(choice, nullptr);
    choice->setCurrentIndex(choice->findText("neighbour agreement with the first model"));
    EXPECT_EQ(chart->values()[1], members[1].agreement.mean);

    // A click on the chart's last checkpoint steps there.
    QTest::mouseClick(const_cast<latent::ui::RunCurveChart*>(chart), Qt::LeftButton, {},
                      QPoint(chart->width() - 10, chart->height() / 2));
    EXPECT_EQ(comparison().step(), 2u);
    EXPECT_EQ(chart->current(), 2);
    EXPECT_EQ(timeline->step(), 2);
}

TEST_F(ComparisonTest, ARunExportsAsAnAnimatedGifAndAsOnePngPerCheckpoint) {
    openWindow(2, 800);
    compareWith(LATENT_CHECKPOINTS);
    comparison().showStep(1, ScatterMap::Motion::Jump);
    auto* exporter = window->findChild<latent::ui::RunExporter*>();
    ASSERT_NE(exporter, nullptr);
    TempDir dir;

    QSignalSpy exported(exporter, &latent::ui::RunExporter::exported);
    const QString gif = QString::fromStdString((dir / "run.gif").string());
    exporter->exportTo(gif);
    EXPECT_FALSE(panel().timeline()->isEnabled());  // still while frames are grabbed
    ASSERT_TRUE(exported.wait(60000));
    QImageReader reader(gif);
    EXPECT_EQ(reader.format(), QByteArray("gif"));
    EXPECT_EQ(reader.imageCount(), 3 * 5 + 2 * 5);  // a second's rest on each, a glide between
    const QImage first = reader.read();
    EXPECT_FALSE(first.isNull());
    EXPECT_EQ(first.size(), second().parentWidget()->size() * second().devicePixelRatio());
    // The timeline is back where it was, and live.
    EXPECT_EQ(comparison().step(), 1u);
    EXPECT_TRUE(panel().timeline()->isEnabled());
    EXPECT_EQ(second().drawnLayout().values, comparison().members()[1].map.coords.values);

    const QString png = QString::fromStdString((dir / "run.png").string());
    exporter->exportTo(png);
    ASSERT_TRUE(exported.wait(60000));
    const QStringList written = QDir(QString::fromStdString(dir.path().string())).entryList({"run_*.png"});
    EXPECT_EQ(written, (QStringList{"run_001.png", "run_002.png", "run_003.png"}));
    const QImage epoch1(QString::fromStdString((dir / "run_001.png").string()));
    const QImage epoch3(QString::fromStdString((dir / "run_003.png").string()));
    EXPECT_EQ(epoch1.size(), first.size());
    EXPECT_NE(epoch1, epoch3);  // each checkpoint's own map
    // The map's background is as on screen: opaque and light, not the GL widget's clear alpha.
    const QPoint corner = (second().mapTo(second().parentWidget(), QPoint(4, 4))) * second().devicePixelRatio();
    const QRgb background = epoch1.pixel(corner);
    EXPECT_EQ(qAlpha(background), 255);
    EXPECT_GT(qGray(background), 200);

    QSignalSpy failed(exporter, &latent::ui::RunExporter::failed);
    exporter->exportTo(QString::fromStdString((dir / "run.mp4").string()));
    EXPECT_EQ(failed.count(), 1);
}

}  // namespace
