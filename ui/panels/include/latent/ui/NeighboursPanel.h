#pragma once

#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/NeighbourIndex.h"
#include "latent/core/Workspace.h"

class QGridLayout;
class QLabel;
class QSpinBox;
class QToolButton;

namespace latent::ui {

// The k dataset images nearest the current latent, as thumbnails with their distances.
// Clicking one selects it.
class NeighboursPanel : public QWidget {
    Q_OBJECT
public:
    explicit NeighboursPanel(QWidget* parent = nullptr);

    void setWorkspace(std::shared_ptr<const latent::Workspace> workspace);
    // `self` is left out of the results (a dataset item is not its own neighbour).
    void setQuery(const std::vector<float>& latent, std::optional<std::size_t> self);
    const std::vector<latent::Neighbour>& neighbours() const { return found_; }

Q_SIGNALS:
    void itemActivated(qsizetype index);
    void neighboursChanged(const std::vector<latent::Neighbour>& found);

private:
    void refresh();
    void rebuildButtons();
    void clearButtons();

    std::shared_ptr<const latent::Workspace> workspace_;
    std::vector<float> query_;
    std::optional<std::size_t> self_;
    std::vector<latent::Neighbour> found_;
    QSpinBox* k_;
    QLabel* heading_;
    QGridLayout* grid_;
    std::vector<QToolButton*> buttons_;  // one per entry of found_
};

}  // namespace latent::ui
