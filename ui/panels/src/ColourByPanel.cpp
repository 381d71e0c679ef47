#include "latent/ui/ColourByPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "latent/core/MetadataQuery.h"
#include "latent/ui/ClassLegend.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ColourBar.h"
#include "latent/ui/MapDensityLayer.h"
#include "latent/ui/ScrollingContent.h"
#include "latent/ui/WrappableText.h"

namespace latent::ui {
namespace {

// More legend rows than this would push everything else out of the dock.
constexpr std::size_t kLegendRows = 24;
constexpr const char* kOneColour = QT_TRANSLATE_NOOP("latent::ui::ColourByPanel", "one colour");

}  // namespace

ColourByPanel::ColourByPanel(ClassLegend* legend, QWidget* parent)
    : QWidget(parent),
      column_(new QComboBox(this)),
      continuous_(new QCheckBox(tr("Continuous colour map"), this)),
      legend_(legend),
      legendNote_(new QLabel(this)),
      bar_(new ColourBar(this)),
      densityKey_(new ColourBar(this)),
      search_(new QLineEdit(this)),
      matchCount_(new QLabel(this)) {
    // Everything scrolls as one: a legend of 17 clusters made the window 26 px taller.
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    auto* form = new QFormLayout;
    form->addRow(tr("Colour by:"), column_);
    layout->addLayout(form);
    layout->addWidget(continuous_);
    search_->setPlaceholderText(tr("Find values in this column…"));
    search_->setClearButtonEnabled(true);
    layout->addWidget(search_);
    matchCount_->setStyleSheet("color: #6b7580;");
    layout->addWidget(matchCount_);
    matchCount_->hide();
    layout->addWidget(bar_);
    layout->addWidget(densityKey_);
    legend_->setParent(content);
    layout->addWidget(legend_);
    makeDockNote(legendNote_);
    layout->addWidget(legendNote_);
    layout->addStretch(1);  // keep the controls together at the top
    fillWithScrollingContent(this, content);
    bar_->hide();
    densityKey_->hide();
    densityKey_->setToolTip(
        tr("Density view: each cell of the map is coloured by how many points fall "
           "in it, on a log scale; empty cells stay blank. The colours chosen here "
           "return when the view is off."));
    legendNote_->hide();
    continuous_->setEnabled(false);
    connect(column_, &QComboBox::currentIndexChanged, this, [this] {
        const auto* c = current();
        const QSignalBlocker block(continuous_);
        continuous_->setEnabled(c && c->numeric);
        continuous_->setChecked(c && latent::looksContinuous(*c));
        recolour();
        search();
    });
    connect(continuous_, &QCheckBox::toggled, this, [this] { recolour(); });
    connect(search_, &QLineEdit::textChanged, this, [this] { search(); });
}

void ColourByPanel::setWorkspace(std::shared_ptr<const latent::Workspace> workspace) {
    workspace_ = std::move(workspace);
    annotations_ = {};
    comparison_.reset();
    labels_ = {};
    const auto& dataset = workspace_->dataset;
    if (!dataset.labels.empty()) {
        labels_.name = "label";
        for (std::size_t i = 0; i < dataset.labels.size(); ++i)
            labels_.cells.push_back(dataset.className(i));
    }
    offerColumns({});
}

void ColourByPanel::setAnnotations(latent::MetadataTable annotations) {
    const QString shown = column();
    annotations_ = std::move(annotations);
    if (workspace_) offerColumns(shown);
}

void ColourByPanel::setComparison(std::optional<latent::MetadataColumn> measured) {
    const QString shown = column();
    comparison_ = std::move(measured);
    if (workspace_) offerColumns(shown);
}

void ColourByPanel::offerColumns(const QString& keep) {
    columns_.clear();
    const auto& dataset = workspace_->dataset;
    if (!labels_.cells.empty()) columns_.push_back(&labels_);
    // Data with no labels or metadata of their own open in one colour: the per-item scores
    // are offered, not chosen for the user.
    const auto isScore = [&](const latent::MetadataColumn& c) { return workspace_->scores.findByTitle(c.name) != nullptr; };
    const auto& metadata = workspace_->metadata.columns;
    if (columns_.empty() && !metadata.empty() && std::all_of(metadata.begin(), metadata.end(), isScore)) {
        columns_.push_back(nullptr);
    }
    for (const auto& c : workspace_->metadata.columns) {
        if (!(c.name == "label" && !dataset.labels.empty())) columns_.push_back(&c);
    }
    if (annotations_.rowCount == workspace_->latents.count) {
        for (const auto& c : annotations_.columns) columns_.push_back(&c);
    }
    if (comparison_ && comparison_->cells.size() == workspace_->latents.count) columns_.push_back(&*comparison_);
    const QSignalBlocker block(column_);
    column_->clear();
    for (const auto* c : columns_) column_->addItem(c ? QString::fromStdString(c->name) : tr(kOneColour));
    column_->setCurrentIndex(std::max(0, column_->findText(keep)));
    column_->setEnabled(!columns_.empty());
    search_->setEnabled(!columns_.empty());
    const bool wasContinuous = continuous_->isChecked();
    const QSignalBlocker blockContinuous(continuous_);
    const auto* c = current();
    continuous_->setEnabled(c && c->numeric);
    const bool kept = !keep.isEmpty() && column_->currentText() == keep;
    continuous_->setChecked(c && c->numeric && (kept ? wasContinuous : latent::looksContinuous(*c)));
    recolour();
    search();
}

QStringList ColourByPanel::columnNames() const {
    QStringList names;
    for (const auto* c : columns_) names << (c ? QString::fromStdString(c->name) : tr(kOneColour));
    return names;
}

QString ColourByPanel::column() const {
    return column_->currentText();
}

bool ColourByPanel::setColumn(const QString& name) {
    const int index = column_->findText(name);
    if (index < 0) return false;
    column_->setCurrentIndex(index);
    return true;
}

void ColourByPanel::setContinuous(bool continuous) {
    continuous_->setChecked(continuous);
}

bool ColourByPanel::isContinuous() const {
    return continuous_->isEnabled() && continuous_->isChecked();
}

void ColourByPanel::setSearch(const QString& text) {
    search_->setText(text);
}

const latent::MetadataColumn* ColourByPanel::current() const {
    const int i = column_->currentIndex();
    return i >= 0 && static_cast<std::size_t>(i) < columns_.size()
               ? columns_[static_cast<std::size_t>(i)]
               : nullptr;
}

void ColourByPanel::recolour() {
    const std::size_t points = workspace_ ? workspace_->latents.count : 0;
    colours_.assign(points, unlabelledColor());
    const auto* c = current();
    legendNote_->clear();
    if (!c) {
        legend_->setClasses({}, {});
    } else if (isContinuous()) {
        colourContinuously(*c);
    } else {
        colourByCategories(*c);
    }
    showKey();
    Q_EMIT coloursChanged();
}

void ColourByPanel::showDensityKey(std::uint32_t maxCount) {
    // Left to right: 1 to maxCount points per cell in equal steps of log(count), as the
    // cells are coloured.
    const double top = std::log(static_cast<double>(std::max<std::uint32_t>(maxCount, 1)));
    densityKey_->setRamp(
        [top, maxCount](double t) {
            return densityColour(static_cast<std::uint32_t>(std::lround(std::exp(top * t))),
                                 maxCount);
        },
        tr("points per cell (log scale)"), QStringLiteral("1"), QString::number(maxCount));
    densityShown_ = true;
    showKey();
}

void ColourByPanel::hideDensityKey() {
    densityShown_ = false;
    showKey();
}

// The key the map needs: the density view's while it is on show, else the column's.
void ColourByPanel::showKey() {
    const bool continuous = current() && isContinuous();
    densityKey_->setVisible(densityShown_);
    bar_->setVisible(!densityShown_ && continuous);
    legend_->setVisible(!densityShown_ && !continuous);
    legendNote_->setVisible(!densityShown_ && !continuous && !legendNote_->text().isEmpty());
}

void ColourByPanel::colourByCategories(const latent::MetadataColumn& column) {
    // The dataset's labels keep their own order (and so the colours every other view uses).
    latent::Categories categories;
    if (&column == &labels_) {
        categories.codes = workspace_->dataset.labels;
        categories.names = workspace_->dataset.classNames;
    } else {
        categories = latent::categoriesOf(column);
    }
    std::vector<std::size_t> counts(categories.names.size(), 0);
    std::size_t without = 0;  // items with no value: noise of density clusters, untagged items
    for (std::size_t i = 0; i < categories.codes.size() && i < colours_.size(); ++i) {
        const int code = categories.codes[i];
        colours_[i] = code >= 0 ? classColor(code) : noValueColor();
        if (code >= 0 && static_cast<std::size_t>(code) < counts.size())
            ++counts[static_cast<std::size_t>(code)];
        else
            ++without;
    }
    std::vector<QString> names;
    for (std::size_t i = 0; i < categories.names.size() && i < kLegendRows; ++i) {
        names.push_back(QString::fromStdString(categories.names[i]));
    }
    counts.resize(names.size());
    legend_->setClasses(names, counts);
    QStringList notes;
    if (categories.names.size() > kLegendRows) {
        notes << tr("… and %1 more values (colours repeat).").arg(categories.names.size() - kLegendRows);
    }
    if (without > 0) {
        notes << (without == 1 ? tr("1 point has none (light grey).")
                               : tr("%1 points have none (light grey).").arg(QLocale().toString(static_cast<qulonglong>(without))));
    }
    legendNote_->setText(notes.join(' '));
}

void ColourByPanel::colourContinuously(const latent::MetadataColumn& column) {
    const auto range = latent::numericRange(column);
    bar_->setRange(QString::fromStdString(column.name), range.min, range.max);
    for (std::size_t i = 0; i < column.numbers.size() && i < colours_.size(); ++i) {
        if (!std::isnan(column.numbers[i]))
            colours_[i] = colourMapAt(latent::normalizedIn(range, column.numbers[i]));
    }
}

void ColourByPanel::search() {
    const auto* c = current();
    const std::string text = search_->text().trimmed().toStdString();
    matches_ = c ? latent::matchingRows(*c, text) : std::vector<std::size_t>{};
    matchCount_->setText(matchSummary());
    matchCount_->setVisible(!matchCount_->text().isEmpty());  // no blank line above the key
    Q_EMIT matchesChanged();
}

QString ColourByPanel::matchSummary() const {
    if (search_->text().trimmed().isEmpty()) return {};
    return matches_.size() == 1 ? tr("1 point matches")
                                : tr("%1 points match").arg(matches_.size());
}

}  // namespace latent::ui
