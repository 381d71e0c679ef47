#pragma once

#include <QWidget>
#include <vector>

#include "latent/core/DimensionStats.h"
#include "latent/core/Traversal.h"

class QComboBox;
class QVBoxLayout;
class QLabel;

namespace latent::ui {

class DimensionSlider;

// A slider per latent dimension for the current point, most important dimensions first,
// inactive ones dimmed. Dragging a slider edits that dimension of the point live.
class TraversalPanel : public QWidget {
    Q_OBJECT
public:
    explicit TraversalPanel(QWidget* parent = nullptr);

    // `byKl`: importance is a VAE's mean KL to the prior, not the variance of the means.
    void setStatistics(const std::vector<latent::DimensionSummary>& summaries, bool byKl = false);
    const std::vector<latent::DimensionSummary>& statistics() const { return summaries_; }
    // The range the sliders span when they follow the prior (the model's prior, ± 3 sd).
    void setPriorRange(const latent::TraversalRange& range);
    // The sliders' range for `dimension`: the data's mean ± 3 sd, or the prior's.
    latent::TraversalRange rangeOf(std::size_t dimension) const;
    QComboBox* rangeChooser() const { return rangeMode_; }
    // The point the sliders start from (a click on the map, or the morph's frame).
    void setPoint(const std::vector<float>& latent);
    const std::vector<float>& point() const { return point_; }
    DimensionSlider* sliderFor(std::size_t dimension) const;

Q_SIGNALS:
    void pointEdited(const std::vector<float>& latent);
    void gridRequested();

private:
    void rebuildSliders();
    void resetToOrigin();
    void randomise();

    QVBoxLayout* rows_;
    QLabel* summary_;
    QComboBox* rangeMode_;
    latent::TraversalRange prior_ = latent::priorRange();
    std::vector<DimensionSlider*> sliders_;  // indexed by dimension
    std::vector<latent::DimensionSummary> summaries_;
    bool byKl_ = false;
    std::vector<float> origin_;  // the point as it was set, for Reset
    std::vector<float> point_;
    unsigned randomSeed_ = 1;
};

}  // namespace latent::ui
