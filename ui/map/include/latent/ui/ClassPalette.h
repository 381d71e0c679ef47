#pragma once

#include <QColor>
#include <vector>

namespace latent::ui {

// Colours for categorical labels: ten well-separated hues, then repeats with a shift.
QColor classColor(int label);
// Colour for points with no label.
QColor unlabelledColor();
// Points without a value in a categorical column (noise of density clusters, untagged
// items): a light grey the coloured points stand out from.
QColor noValueColor();
// Points outside the selection, while there is one.
QColor deselectedColor();

}  // namespace latent::ui
