#pragma once

#include <QWidget>
#include <memory>
#include <string>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/Workspace.h"

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace latent::ui {

class ScoreHistogram;

// The items the model understands least, by one per-item score: the score's histogram
// with a threshold handle (the top 1% to start with), and the worst items as a strip of
// original / reconstruction / per-pixel error triples (the original alone, or the item's
// number, when the workspace cannot show more). Select These puts them in the map's
// selection; Export These writes them. Scores the workspace cannot give are named, with why.
class OutliersPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr std::size_t kStripItems = 24;
    static constexpr double kStartQuantile = 0.99;

    explicit OutliersPanel(QWidget* parent = nullptr);

    void setWorkspace(std::shared_ptr<const latent::Workspace> workspace);
    // Shows score `id` ("recon_mse"); false, changing nothing, when it is not available.
    bool setScore(const std::string& id);
    const latent::ScoreColumn* score() const;
    ScoreHistogram* histogram() const { return histogram_; }
    // The items at or above the threshold, worst first; the strip shows the first ones.
    const std::vector<std::size_t>& outliers() const { return outliers_; }
    std::vector<std::size_t> stripItems() const;
    // The decoded latents of `items` (as asked by reconstructionsWanted) for the triples.
    void setReconstructions(const std::vector<std::size_t>& items, const std::vector<latent::Image>& images);
    QString summary() const;
    QString unavailableNote() const;

Q_SIGNALS:
    void itemActivated(qsizetype index);
    // The strip shows new items: their reconstructions, please (only with a decoder and images).
    void reconstructionsWanted(const std::vector<std::size_t>& items);
    void selectRequested(const std::vector<std::size_t>& items);
    void exportRequested(const std::vector<std::size_t>& items, const QString& scoreId);

private:
    void showScore();
    void findOutliers();
    void rebuildStrip();
    QPixmap tileOf(std::size_t item, const latent::Image* reconstruction) const;

    std::shared_ptr<const latent::Workspace> workspace_;
    std::vector<const latent::ScoreColumn*> offered_;  // the available scores, as in chooser_
    std::vector<std::size_t> outliers_;
    QComboBox* chooser_;
    ScoreHistogram* histogram_;
    QLabel* summary_;
    QLabel* unavailable_;
    QGridLayout* strip_;
    std::vector<QToolButton*> tiles_;
    QPushButton* select_;
    QPushButton* export_;
};

}  // namespace latent::ui
