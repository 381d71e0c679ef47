#pragma once

#include <QObject>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace latent::ui {

// Which points of the map are selected: one flag per point, so membership tests and
// toggles are O(1) and the map can grey the rest from the same mask. Every change that
// alters the selection emits changed() once.
class SelectionModel : public QObject {
    Q_OBJECT
public:
    explicit SelectionModel(QObject* parent = nullptr);

    // A new map of `pointCount` points: the selection starts empty.
    void reset(std::size_t pointCount);
    std::size_t pointCount() const { return mask_.size(); }

    // Indices out of range are ignored (e.g. from a session of another dataset).
    void replace(const std::vector<std::size_t>& indices);
    void add(const std::vector<std::size_t>& indices);
    void remove(const std::vector<std::size_t>& indices);
    void toggle(std::size_t index);
    void clear();
    void invert();

    bool contains(std::size_t index) const { return index < mask_.size() && mask_[index] != 0; }
    std::size_t count() const { return count_; }
    // Selected indices in increasing order.
    std::vector<std::size_t> indices() const;
    // Empty when nothing is selected (what ScatterMap::setSelection takes as "none").
    std::vector<std::uint8_t> mask() const;

Q_SIGNALS:
    void changed();

private:
    void set(std::size_t index, bool on);
    void finish(std::size_t countBefore, bool force = false);

    std::vector<std::uint8_t> mask_;
    std::size_t count_ = 0;
};

}  // namespace latent::ui
