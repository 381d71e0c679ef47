#include "latent/ui/LabelledGrid.h"

#include <QFontMetrics>
#include <QPainter>

namespace latent::ui {

QImage labelledGrid(const latent::Raster& grid, int columns, int gap, const QStringList& rowNames,
                    const std::vector<std::vector<double>>& values) {
    const int rows = static_cast<int>(rowNames.size());
    if (rows == 0 || columns < 1 || grid.width <= 0) return {};
    const QImage tiles(grid.pixels.data(), grid.width, grid.height, grid.width * grid.channels,
                       grid.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    const int cellW = (grid.width - (columns - 1) * gap) / columns;
    const int cellH = (grid.height - (rows - 1) * gap) / rows;
    QFont font;
    font.setPixelSize(11);
    const QFontMetrics metrics(font);
    int nameWidth = 0;
    for (const QString& name : rowNames) nameWidth = std::max(nameWidth, metrics.horizontalAdvance(name));
    const int left = nameWidth + 10;
    const int strip = metrics.height() + 2;  // the values under each row
    QImage out(left + grid.width, rows * (cellH + strip) + (rows - 1) * gap, QImage::Format_RGB888);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.setFont(font);
    painter.setPen(Qt::black);
    for (int r = 0; r < rows; ++r) {
        const int y = r * (cellH + strip + gap);
        painter.drawImage(QPoint(left, y), tiles, QRect(0, r * (cellH + gap), grid.width, cellH));
        painter.drawText(QRect(0, y, left - 6, cellH), Qt::AlignRight | Qt::AlignVCenter, rowNames[r]);
        for (int c = 0; c < columns && static_cast<std::size_t>(r) < values.size() &&
                        static_cast<std::size_t>(c) < values[r].size();
             ++c) {
            painter.drawText(QRect(left + c * (cellW + gap), y + cellH, cellW, strip), Qt::AlignCenter,
                             QString::number(values[r][c], 'f', 2));
        }
    }
    return out;
}

}  // namespace latent::ui
