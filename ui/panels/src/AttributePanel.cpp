#include "latent/ui/AttributePanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <cmath>

#include "latent/core/Error.h"

namespace latent::ui {

AttributePanel::AttributePanel(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    groupA_ = new QComboBox(this);
    groupB_ = new QComboBox(this);
    consistency_ = new QLabel(this);
    consistency_->setWordWrap(true);
    amount_ = new QSlider(Qt::Horizontal, this);
    amount_->setRange(-kSteps, kSteps);
    amount_->setToolTip(tr("How far to move the current point along the direction (1 = from A's mean to B's)"));
    amountLabel_ = new QLabel(this);
    form->addRow(tr("From (A):"), groupA_);
    form->addRow(tr("To (B):"), groupB_);
    form->addRow(consistency_);
    form->addRow(tr("Apply:"), amount_);
    form->addRow(QString(), amountLabel_);

    connect(groupA_, &QComboBox::currentIndexChanged, this, &AttributePanel::recompute);
    connect(groupB_, &QComboBox::currentIndexChanged, this, &AttributePanel::recompute);
    connect(amount_, &QSlider::valueChanged, this, &AttributePanel::apply);
    recompute();
}

void AttributePanel::setWorkspace(std::shared_ptr<const latent::Workspace> workspace) {
    workspace_ = std::move(workspace);
    base_.clear();
    applied_.clear();
    selection_.clear();  // it indexed the previous points
    std::vector<LatentGroup> classes;
    const auto& dataset = workspace_->dataset;
    if (dataset.labels.size() == workspace_->latents.count) {
        classes.resize(dataset.classNames.size());
        for (std::size_t c = 0; c < classes.size(); ++c) classes[c].name = QString::fromStdString(dataset.classNames[c]);
        for (std::size_t i = 0; i < dataset.labels.size(); ++i) {
            const int label = dataset.labels[i];
            if (label >= 0 && static_cast<std::size_t>(label) < classes.size()) {
                classes[static_cast<std::size_t>(label)].members.push_back(i);
            }
        }
        std::erase_if(classes, [](const LatentGroup& g) { return g.members.empty(); });
    }
    setGroups(std::move(classes));
}

void AttributePanel::setGroups(std::vector<LatentGroup> groups) {
    offered_ = std::move(groups);
    showGroups();
}

void AttributePanel::setSelection(const std::vector<std::size_t>& members) {
    selection_ = members;
    showGroups();
}

void AttributePanel::showGroups() {
    const QString chosenA = groupA_->currentData().toString();
    const QString chosenB = groupB_->currentData().toString();
    groups_ = offered_;
    if (!selection_.empty()) groups_.push_back({tr("Map selection"), selection_});
    {
        const QSignalBlocker blockA(groupA_), blockB(groupB_);
        groupA_->clear();
        groupB_->clear();
        for (const auto& g : groups_) {
            const QString item = tr("%1 (%2)").arg(g.name).arg(g.members.size());
            groupA_->addItem(item, g.name);
            groupB_->addItem(item, g.name);
        }
        const int a = groupA_->findData(chosenA), b = groupB_->findData(chosenB);
        groupA_->setCurrentIndex(a >= 0 ? a : 0);
        if (b >= 0) {
            groupB_->setCurrentIndex(b);
        } else if (groups_.size() >= 2) {
            groupB_->setCurrentIndex(1);
        }
    }
    recompute();
}

void AttributePanel::setBase(const std::vector<float>& latent) {
    if (latent == applied_) return;  // our own edit coming back as the current point
    base_ = latent;
    const QSignalBlocker block(amount_);
    amount_->setValue(0);
    amountLabel_->setText(tr("0 (the current point)"));
    amount_->setEnabled(attribute_.has_value() && !base_.empty());
}

void AttributePanel::recompute() {
    attribute_.reset();
    const int a = groupA_->currentIndex(), b = groupB_->currentIndex();
    if (!workspace_ || groups_.size() < 2) {
        consistency_->setText(tr("Needs a dataset with at least two classes."));
    } else if (a < 0 || b < 0 || a == b) {
        consistency_->setText(tr("Choose two different groups."));
    } else {
        try {
            attribute_ = latent::attributeVector(workspace_->latents, groups_[static_cast<std::size_t>(a)].members,
                                                 groups_[static_cast<std::size_t>(b)].members);
            consistency_->setText(
                tr("Direction length %1. Single A→B pairs agree with it by a mean cosine of %2 "
                   "(1 = all point the same way; near 0 = the mean hides unrelated differences); "
                   "their spread along it is %3 of its length (%4 pairs).")
                    .arg(attribute_->length, 0, 'f', 2)
                    .arg(attribute_->pairAgreement, 0, 'f', 2)
                    .arg(attribute_->relativeSpread, 0, 'f', 2)
                    .arg(attribute_->pairsSampled));
        } catch (const latent::Error& e) {
            consistency_->setText(QString::fromStdString(e.what()));
        }
    }
    amount_->setEnabled(attribute_.has_value() && !base_.empty());
    if (amount_->value() != 0) apply();  // the slider keeps its place: show the new direction there
}

void AttributePanel::apply() {
    const double amount = amountAt(amount_->value());
    amountLabel_->setText(tr("%1 × (%2 → %3)").arg(amount, 0, 'f', 2).arg(groupA_->currentText(), groupB_->currentText()));
    if (!attribute_ || base_.size() != attribute_->direction.size()) return;
    applied_ = latent::applyAttribute(base_, *attribute_, amount);
    Q_EMIT pointEdited(applied_, tr("current point %1 %2 × (%3 → %4)")
                                     .arg(amount < 0 ? "−" : "+")
                                     .arg(std::abs(amount), 0, 'f', 2)
                                     .arg(groups_[static_cast<std::size_t>(groupA_->currentIndex())].name,
                                          groups_[static_cast<std::size_t>(groupB_->currentIndex())].name));
}

}  // namespace latent::ui
