#pragma once

#include <QString>
#include <QWidget>
#include <vector>

class QVBoxLayout;

namespace latent::ui {

// Colour key of the map: a swatch, the class name and how many points it has.
class ClassLegend : public QWidget {
    Q_OBJECT
public:
    explicit ClassLegend(QWidget* parent = nullptr);

    void setClasses(const std::vector<QString>& names, const std::vector<std::size_t>& counts);
    int rowCount() const { return rows_; }

private:
    QVBoxLayout* layout_;
    int rows_ = 0;
};

}  // namespace latent::ui
