#include "latent/ui/ClassPalette.h"

#include <array>

namespace latent::ui {

QColor classColor(int label) {
    // The "category10" hues: distinct for the common case of ten classes.
    static constexpr std::array<QRgb, 10> kHues = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    if (label < 0) return unlabelledColor();
    QColor c = QColor::fromRgb(kHues[static_cast<std::size_t>(label) % kHues.size()]);
    const int cycle = label / static_cast<int>(kHues.size());
    return cycle == 0 ? c : (cycle % 2 ? c.darker(140) : c.lighter(140));
}

QColor unlabelledColor() { return QColor(0x44, 0x55, 0x66); }

QColor noValueColor() { return QColor(172, 177, 184); }

QColor deselectedColor() { return QColor(200, 200, 206); }

}  // namespace latent::ui
