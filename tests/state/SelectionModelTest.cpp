#include <gtest/gtest.h>

#include <QSignalSpy>

#include "latent/ui/SelectionModel.h"

namespace {

using latent::ui::SelectionModel;
using Indices = std::vector<std::size_t>;

TEST(SelectionModelTest, EditsKeepTheCountTheMaskAndTheIndicesInStep) {
    SelectionModel model;
    QSignalSpy changed(&model, &SelectionModel::changed);
    model.reset(10);
    EXPECT_TRUE(model.mask().empty());
    model.replace({7, 2, 2, 42});  // a duplicate and an index out of range are ignored
    EXPECT_EQ(model.indices(), (Indices{2, 7}));
    EXPECT_EQ(model.count(), 2u);
    model.add({3, 7});
    model.toggle(2);
    model.remove({9, 3});
    EXPECT_EQ(model.indices(), (Indices{7}));
    model.invert();
    EXPECT_EQ(model.indices(), (Indices{0, 1, 2, 3, 4, 5, 6, 8, 9}));
    EXPECT_EQ(model.mask(), (std::vector<std::uint8_t>{1, 1, 1, 1, 1, 1, 1, 0, 1, 1}));
    EXPECT_EQ(changed.count(), 5);  // reset() of an empty selection changes nothing
    model.clear();
    EXPECT_EQ(model.count(), 0u);
    EXPECT_TRUE(model.mask().empty());
    EXPECT_EQ(changed.count(), 6);
}

TEST(SelectionModelTest, OnlyRealChangesAreSignalled) {
    SelectionModel model;
    model.reset(5);
    QSignalSpy changed(&model, &SelectionModel::changed);
    model.clear();
    model.add({});
    model.remove({1});
    EXPECT_EQ(changed.count(), 0);
    model.replace({1});
    model.replace({2});  // same count, other point: still a change
    model.add({2});
    EXPECT_EQ(changed.count(), 2);
    model.reset(8);  // a new map drops the selection
    EXPECT_EQ(changed.count(), 3);
    EXPECT_EQ(model.pointCount(), 8u);
    EXPECT_EQ(model.count(), 0u);
}

}  // namespace
