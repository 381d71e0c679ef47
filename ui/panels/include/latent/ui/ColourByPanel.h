#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/MetadataTable.h"
#include "latent/core/Workspace.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace latent::ui {

class ClassLegend;
class ColourBar;

// Colours the map by a metadata column: categories with the class palette and a legend,
// numbers on a continuous colour map with a colour bar. A search box finds the rows whose
// value in that column contains the text.
class ColourByPanel : public QWidget {
    Q_OBJECT
public:
    // The panel shows `legend` (reparented into it) for categorical columns.
    explicit ColourByPanel(ClassLegend* legend, QWidget* parent = nullptr);

    // Offers the workspace's labels and metadata columns; colours by the labels first.
    void setWorkspace(std::shared_ptr<const latent::Workspace> workspace);
    // Offers the user's annotation columns (clusters) after the workspace's, one row per
    // point; the column shown stays when it is still offered.
    void setAnnotations(latent::MetadataTable annotations);
    // Offers a column measured against another model (the items' agreement) last, or none;
    // the column shown stays when it is still offered.
    void setComparison(std::optional<latent::MetadataColumn> measured);
    QStringList columnNames() const;
    QString column() const;
    bool setColumn(const QString& name);  // false, changing nothing, for a column the data lacks
    // Numeric columns: continuous colour map (true) or one colour per value.
    void setContinuous(bool continuous);
    bool isContinuous() const;
    void setSearch(const QString& text);

    const std::vector<QColor>& colours() const { return colours_; }  // one per point
    const std::vector<std::size_t>& matches() const { return matches_; }
    QString matchSummary() const;
    ColourBar* colourBar() const { return bar_; }

    // The density view is on show with at most `maxCount` points in a cell: its key replaces
    // the column's legend or colour bar until hideDensityKey().
    void showDensityKey(std::uint32_t maxCount);
    void hideDensityKey();
    ColourBar* densityKey() const { return densityKey_; }

Q_SIGNALS:
    void coloursChanged();
    void matchesChanged();

private:
    const latent::MetadataColumn* current() const;
    void offerColumns(const QString& keep);
    void recolour();
    void showKey();
    void colourByCategories(const latent::MetadataColumn& column);
    void colourContinuously(const latent::MetadataColumn& column);
    void search();

    std::shared_ptr<const latent::Workspace> workspace_;
    latent::MetadataColumn labels_;  // the dataset's class labels as a column
    latent::MetadataTable annotations_;
    std::optional<latent::MetadataColumn> comparison_;
    std::vector<const latent::MetadataColumn*> columns_;
    std::vector<QColor> colours_;
    std::vector<std::size_t> matches_;
    QComboBox* column_;
    QCheckBox* continuous_;
    ClassLegend* legend_;
    QLabel* legendNote_;
    ColourBar* bar_;
    ColourBar* densityKey_;
    bool densityShown_ = false;
    QLineEdit* search_;
    QLabel* matchCount_;
};

}  // namespace latent::ui
