#include "latent/ui/SelectionModel.h"

#include <algorithm>

namespace latent::ui {

SelectionModel::SelectionModel(QObject* parent) : QObject(parent) {}

void SelectionModel::reset(std::size_t pointCount) {
    const bool hadAny = count_ > 0;
    mask_.assign(pointCount, 0);
    count_ = 0;
    if (hadAny) Q_EMIT changed();
}

void SelectionModel::set(std::size_t index, bool on) {
    if (index >= mask_.size() || (mask_[index] != 0) == on) return;
    mask_[index] = on ? 1 : 0;
    count_ = on ? count_ + 1 : count_ - 1;
}

// Counts alone cannot tell "replaced by as many others": replace() forces the signal.
void SelectionModel::finish(std::size_t countBefore, bool force) {
    if (force || count_ != countBefore) Q_EMIT changed();
}

void SelectionModel::replace(const std::vector<std::size_t>& indices) {
    const std::size_t before = count_;
    std::fill(mask_.begin(), mask_.end(), std::uint8_t{0});
    count_ = 0;
    for (std::size_t i : indices) set(i, true);
    finish(before, before > 0 || count_ > 0);
}

void SelectionModel::add(const std::vector<std::size_t>& indices) {
    const std::size_t before = count_;
    for (std::size_t i : indices) set(i, true);
    finish(before);
}

void SelectionModel::remove(const std::vector<std::size_t>& indices) {
    const std::size_t before = count_;
    for (std::size_t i : indices) set(i, false);
    finish(before);
}

void SelectionModel::toggle(std::size_t index) {
    const std::size_t before = count_;
    set(index, !contains(index));
    finish(before);
}

void SelectionModel::clear() { replace({}); }

void SelectionModel::invert() {
    for (auto& flag : mask_) flag = flag != 0 ? 0 : 1;
    count_ = mask_.size() - count_;
    if (!mask_.empty()) Q_EMIT changed();
}

std::vector<std::size_t> SelectionModel::indices() const {
    std::vector<std::size_t> out;
    out.reserve(count_);
    for (std::size_t i = 0; i < mask_.size(); ++i) {
        if (mask_[i] != 0) out.push_back(i);
    }
    return out;
}

std::vector<std::uint8_t> SelectionModel::mask() const {
    return count_ == 0 ? std::vector<std::uint8_t>{} : mask_;
}

}  // namespace latent::ui
