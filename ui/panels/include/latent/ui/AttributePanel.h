#pragma once

#include <QString>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/AttributeVector.h"
#include "latent/core/Workspace.h"

class QComboBox;
class QLabel;
class QSlider;

namespace latent::ui {

// A named set of dataset items an attribute direction starts or ends at: a class today,
// any other set of items (e.g. a selection on the map) through setGroups().
struct LatentGroup {
    QString name;
    std::vector<std::size_t> members;
};

// Attribute vectors: the direction from group A's mean latent to group B's, how
// consistently single pairs point that way, and a slider that adds it to the current
// point live (the point as it was when the slider left 0).
class AttributePanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSteps = 200;          // slider steps each side of 0
    static constexpr double kMaxAmount = 2.0;   // in lengths of the direction

    explicit AttributePanel(QWidget* parent = nullptr);

    // Offers one group per class of the workspace's dataset.
    void setWorkspace(std::shared_ptr<const latent::Workspace> workspace);
    void setGroups(std::vector<LatentGroup> groups);
    // Offers the map's selection as one more group, "Map selection" (none when empty). A or B
    // stays on the group it names while the groups change.
    void setSelection(const std::vector<std::size_t>& members);
    // The current point changed elsewhere: the slider starts again from it at 0.
    void setBase(const std::vector<float>& latent);

    const std::optional<latent::AttributeVector>& attribute() const { return attribute_; }
    double amountAt(int step) const { return kMaxAmount * step / kSteps; }
    QComboBox* groupChooser(bool isA) const { return isA ? groupA_ : groupB_; }
    QSlider* amountSlider() const { return amount_; }

Q_SIGNALS:
    void pointEdited(const std::vector<float>& latent, const QString& label);

private:
    void showGroups();
    void recompute();
    void apply();

    std::shared_ptr<const latent::Workspace> workspace_;
    std::vector<LatentGroup> offered_;         // from setGroups()
    std::vector<std::size_t> selection_;       // from setSelection()
    std::vector<LatentGroup> groups_;          // both, as the choosers list them
    std::optional<latent::AttributeVector> attribute_;
    std::vector<float> base_;
    std::vector<float> applied_;  // the last point this panel produced
    QComboBox* groupA_;
    QComboBox* groupB_;
    QLabel* consistency_;
    QSlider* amount_;
    QLabel* amountLabel_;
};

}  // namespace latent::ui
