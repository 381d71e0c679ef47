#include "latent/ui/MorphEndpointPicker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <vector>

namespace latent::ui {

MorphEndpointPicker::MorphEndpointPicker(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    index_ = new QSpinBox(this);
    index_->setPrefix(tr("item #"));
    class_ = new QComboBox(this);
    class_->setToolTip(tr("A random item of this class"));
    auto button = [this](const QString& text, auto action) {
        auto* b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, action);
        return b;
    };
    grid->addWidget(new QLabel(tr("By index:"), this), 0, 0);
    grid->addWidget(index_, 0, 1);
    grid->addWidget(button(tr("→ A"), [this] { chooseByIndex(true); }), 0, 2);
    grid->addWidget(button(tr("→ B"), [this] { chooseByIndex(false); }), 0, 3);
    grid->addWidget(new QLabel(tr("Random of:"), this), 1, 0);
    grid->addWidget(class_, 1, 1);
    grid->addWidget(button(tr("→ A"), [this] { chooseRandom(true); }), 1, 2);
    grid->addWidget(button(tr("→ B"), [this] { chooseRandom(false); }), 1, 3);
    grid->setColumnStretch(1, 1);
    setEnabled(false);
}

void MorphEndpointPicker::setWorkspace(std::shared_ptr<const latent::Workspace> workspace) {
    workspace_ = std::move(workspace);
    const std::size_t count = workspace_ ? workspace_->latents.count : 0;
    index_->setRange(0, count > 0 ? static_cast<int>(count - 1) : 0);
    class_->clear();
    if (workspace_) {
        for (const auto& name : workspace_->dataset.classNames) class_->addItem(QString::fromStdString(name));
    }
    // Prior samples have no labels: there is no class to draw from.
    const bool labelled = workspace_ && workspace_->dataset.labels.size() == count;
    class_->setEnabled(labelled && class_->count() > 0);
    setEnabled(count > 0);
}

std::optional<std::size_t> MorphEndpointPicker::chooseByIndex(bool isA) {
    if (!workspace_ || workspace_->latents.count == 0) return std::nullopt;
    const auto i = static_cast<std::size_t>(index_->value());
    Q_EMIT chosen(isA, i);
    return i;
}

std::optional<std::size_t> MorphEndpointPicker::chooseRandom(bool isA) {
    if (!workspace_ || !class_->isEnabled() || class_->currentIndex() < 0) return std::nullopt;
    const int wanted = class_->currentIndex();
    const auto& labels = workspace_->dataset.labels;
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] == wanted) members.push_back(i);
    }
    if (members.empty()) return std::nullopt;
    std::uniform_int_distribution<std::size_t> pick(0, members.size() - 1);
    const std::size_t i = members[pick(rng_)];
    index_->setValue(static_cast<int>(i));  // shows which item it was
    Q_EMIT chosen(isA, i);
    return i;
}

}  // namespace latent::ui
