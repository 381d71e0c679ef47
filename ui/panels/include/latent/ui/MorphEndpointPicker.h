#pragma once

#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>

#include "latent/core/Workspace.h"

class QComboBox;
class QSpinBox;

namespace latent::ui {

// Chooses a morph end without clicking the map: a dataset item by its index, or a random
// item of a chosen class.
class MorphEndpointPicker : public QWidget {
    Q_OBJECT
public:
    explicit MorphEndpointPicker(QWidget* parent = nullptr);

    void setWorkspace(std::shared_ptr<const latent::Workspace> workspace);
    // Emit chosen() for the item in the index box / a random member of the chosen class;
    // they return the item (nullopt when there is none, e.g. an empty class).
    std::optional<std::size_t> chooseByIndex(bool isA);
    std::optional<std::size_t> chooseRandom(bool isA);

    QSpinBox* indexBox() const { return index_; }
    QComboBox* classBox() const { return class_; }

Q_SIGNALS:
    void chosen(bool isA, std::size_t datasetIndex);

private:
    std::shared_ptr<const latent::Workspace> workspace_;
    QSpinBox* index_;
    QComboBox* class_;
    std::mt19937_64 rng_{20261123};
};

}  // namespace latent::ui
