#include "latent/ui/ClustersPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <set>

#include "latent/ui/ClassPalette.h"
#include "latent/ui/JobStatus.h"
#include "latent/ui/ScrollingContent.h"
#include "latent/ui/WrappableText.h"

namespace latent::ui {
namespace {

constexpr int kPicture = 40;     // px of a cluster's pictures in the table
constexpr int kSliderSteps = 100;  // slider positions per factor of 10 of the resolution

// The slider runs over log10(resolution) from 0.1 to 10: each step the same factor.
double resolutionAt(int position) { return std::pow(10.0, static_cast<double>(position) / kSliderSteps); }
int positionOf(double resolution) {
    return static_cast<int>(std::lround(std::log10(std::clamp(resolution, 0.1, 10.0)) * kSliderSteps));
}

QTableWidgetItem* readOnly(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

// A colour swatch beside the name: the cluster's colour on the map when coloured by cluster.
QIcon swatch(std::size_t cluster) {
    QPixmap pixmap(12, 12);
    pixmap.fill(classColor(static_cast<int>(cluster)));
    return QIcon(pixmap);
}

}  // namespace

ClustersPanel::ClustersPanel(QWidget* parent)
    : QWidget(parent),
      find_(new QPushButton(tr("Find Clusters"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      method_(new QComboBox(this)),
      leidenRow_(new QWidget(this)),
      resolution_(new QSlider(Qt::Horizontal, this)),
      resolutionValue_(new QLabel(this)),
      seedLabel_(new QLabel(tr("Seed"), this)),
      seed_(new QSpinBox(this)),
      densityRow_(new QWidget(this)),
      minClusterSize_(new QSpinBox(this)),
      job_(new JobStatus(this)),
      agreement_(new QLabel(this)),
      table_(new QTableWidget(0, ColumnCount, this)) {
    find_->setToolTip(tr("Find groups of items in the neighbour graph of the latents: "
                         "they become the \"cluster\" column of Colour by"));
    method_->addItem(tr("Communities (Leiden)"), QString::fromLatin1(latent::kLeiden));
    method_->addItem(tr("Dense regions (HDBSCAN)"), QString::fromLatin1(latent::kDensity));
    method_->setItemData(0, tr("Every item joins a cluster: groups linked more among themselves than "
                               "with the rest (modularity). The resolution sets their size."),
                         Qt::ToolTipRole);
    method_->setItemData(1, tr("Clusters are regions denser than their surroundings; items between "
                               "them are noise, in no cluster. The smallest cluster size sets the grain."),
                         Qt::ToolTipRole);
    minClusterSize_->setRange(2, static_cast<int>(latent::kMaxMinClusterSize));
    minClusterSize_->setSuffix(tr(" items"));
    minClusterSize_->setToolTip(tr("Smaller groups are noise, or part of a larger cluster. It also sets "
                                   "how dense a region must be (HDBSCAN's minimum samples)."));
    resolution_->setRange(-kSliderSteps, kSliderSteps);
    resolution_->setToolTip(tr("Resolution: higher finds more, smaller clusters; lower fewer, larger ones"));
    resolutionValue_->setMinimumWidth(resolutionValue_->fontMetrics().horizontalAdvance("10.00"));
    seed_->setRange(0, 999999);
    seed_->setValue(1);
    seed_->setToolTip(tr("Seed of Leiden: the same seed gives the same clusters (the neighbour graph is "
                         "the UMAP map's, with its seed)"));
    makeDockNote(agreement_);
    agreement_->setForegroundRole(QPalette::WindowText);  // a result, not a hint

    table_->setHorizontalHeaderLabels({tr("Mean"), tr("Medoid"), tr("Name"), tr("Size"), tr("Majority")});
    table_->horizontalHeaderItem(PrototypeColumn)
        ->setToolTip(tr("The cluster's prototype: its members' mean latent, decoded. Double-click to explore it."));
    table_->horizontalHeaderItem(MedoidColumn)
        ->setToolTip(tr("The member closest to all others. Double-click to make it the current point."));
    table_->horizontalHeaderItem(NameColumn)->setToolTip(tr("Double-click a name to rename the cluster"));
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(kPicture + 4);
    table_->setIconSize(QSize(kPicture, kPicture));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    auto* header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(kPicture + 8);
    table_->setMinimumHeight(3 * (kPicture + 4));

    // Everything scrolls as one: the dock shares a column with others and must never make
    // the window taller than it is.
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(find_);
    buttons->addWidget(cancel_);
    buttons->addStretch(1);
    buttons->addWidget(seedLabel_);
    buttons->addWidget(seed_);
    column->addLayout(buttons);
    auto* method = new QHBoxLayout;
    method->addWidget(new QLabel(tr("Method"), content));
    method->addWidget(method_, 1);
    column->addLayout(method);
    auto* slider = new QHBoxLayout(leidenRow_);
    slider->setContentsMargins(0, 0, 0, 0);
    slider->addWidget(new QLabel(tr("Resolution"), leidenRow_));
    slider->addWidget(resolution_, 1);
    slider->addWidget(resolutionValue_);
    column->addWidget(leidenRow_);
    auto* size = new QHBoxLayout(densityRow_);
    size->setContentsMargins(0, 0, 0, 0);
    size->addWidget(new QLabel(tr("Smallest cluster"), densityRow_));
    size->addWidget(minClusterSize_);
    size->addStretch(1);
    column->addWidget(densityRow_);
    column->addWidget(job_);
    column->addWidget(agreement_);
    column->addWidget(table_, 1);
    fillWithScrollingContent(this, content);

    connect(find_, &QPushButton::clicked, this, [this] { Q_EMIT findRequested(settings()); });
    connect(method_, &QComboBox::currentIndexChanged, this, &ClustersPanel::showMethodRows);
    connect(cancel_, &QPushButton::clicked, this, &ClustersPanel::cancelRequested);
    connect(job_, &JobStatus::runningChanged, this, &ClustersPanel::updateButtons);
    connect(resolution_, &QSlider::valueChanged, this,
            [this] { resolutionValue_->setText(QString::number(resolution(), 'f', 2)); });
    // Moving the slider with clusters on show finds them again once it is let go.
    connect(resolution_, &QSlider::sliderReleased, this, [this] {
        if (table_->rowCount() > 0 && available_) Q_EMIT findRequested(settings());
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this, &ClustersPanel::chooseSelectedRows);
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!filling_ && item->column() == NameColumn)
            Q_EMIT renameRequested(static_cast<std::size_t>(item->row()), item->text());
    });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int col) {
        if (col == PrototypeColumn) Q_EMIT prototypeActivated(static_cast<std::size_t>(row));
        if (col == MedoidColumn) Q_EMIT medoidActivated(static_cast<std::size_t>(row));
    });
    setSettings({});
    setAvailable(false, tr("Open data to find its clusters."));
}

double ClustersPanel::resolution() const { return resolutionAt(resolution_->value()); }
void ClustersPanel::setResolution(double resolution) {
    resolution_->setValue(positionOf(resolution));
    resolutionValue_->setText(QString::number(this->resolution(), 'f', 2));
}

latent::ClusterSettings ClustersPanel::settings() const {
    latent::ClusterSettings s;
    s.method = method_->currentData().toString().toStdString();
    s.resolution = resolution();
    s.seed = static_cast<std::uint64_t>(seed_->value());
    s.minClusterSize = static_cast<std::size_t>(minClusterSize_->value());
    return s;
}

void ClustersPanel::setSettings(const latent::ClusterSettings& settings) {
    method_->setCurrentIndex(std::max(0, method_->findData(QString::fromStdString(settings.method))));
    setResolution(settings.resolution);
    seed_->setValue(static_cast<int>(std::min<std::uint64_t>(settings.seed, 999999)));
    minClusterSize_->setValue(static_cast<int>(settings.minClusterSize));
    showMethodRows();
}

// Only the chosen method's settings show.
void ClustersPanel::showMethodRows() {
    const bool density = method_->currentData().toString() == QLatin1String(latent::kDensity);
    leidenRow_->setVisible(!density);
    seedLabel_->setVisible(!density);
    seed_->setVisible(!density);
    densityRow_->setVisible(density);
}
QString ClustersPanel::status() const { return job_->text(); }
bool ClustersPanel::running() const { return job_->running(); }
QString ClustersPanel::agreement() const { return agreement_->text(); }

void ClustersPanel::setAvailable(bool available, const QString& why) {
    available_ = available;
    clear();
    job_->showIdle(available ? tr("Find groups of items the model places together: about 1 s for "
                                  "10,000 items, in the background.")
                             : why);
    updateButtons();
}

void ClustersPanel::showRunning(const QString& message) { job_->showRunning(message); }

void ClustersPanel::setProgress(double fraction, const QString& message) { job_->setProgress(fraction, message); }

void ClustersPanel::showStopped(const QString& message) { job_->showIdle(message); }

void ClustersPanel::clear() {
    const QSignalBlocker block(table_);
    table_->setRowCount(0);
    agreement_->clear();
    agreement_->hide();
}

void ClustersPanel::showClusters(const latent::ItemClusters& clusters, const latent::ClusterSummary& summary,
                                 const QString& reference) {
    filling_ = true;
    const QSignalBlocker block(table_);
    table_->clearSelection();
    table_->setRowCount(static_cast<int>(summary.clusters.size()));
    for (std::size_t c = 0; c < summary.clusters.size(); ++c) {
        const auto& profile = summary.clusters[c];
        const int row = static_cast<int>(c);
        table_->setItem(row, PrototypeColumn, readOnly({}));
        table_->setItem(row, MedoidColumn, readOnly({}));
        auto* name = new QTableWidgetItem(swatch(c), QString::fromStdString(clusters.names[c]));
        name->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable);
        table_->setItem(row, NameColumn, name);
        auto* size = readOnly(QLocale().toString(static_cast<qulonglong>(profile.size)));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, SizeColumn, size);
        const QString majority = profile.majority.empty()
                                     ? QString()
                                     : tr("%1 · %2%").arg(QString::fromStdString(profile.majority))
                                           .arg(std::floor(profile.purity * 100.0), 0, 'f', 0);
        table_->setItem(row, MajorityColumn, readOnly(majority));
    }
    table_->setColumnHidden(MajorityColumn, reference.isEmpty());
    filling_ = false;
    const std::size_t count = summary.clusters.size();
    const auto& s = clusters.settings;
    const bool density = s.method == latent::kDensity;
    if (count == 0) {
        job_->showIdle(tr("No clusters: HDBSCAN found no region of %1 items or more denser than its "
                          "surroundings, so every item is noise. Try a smaller cluster size, or Leiden.")
                           .arg(s.minClusterSize));
    } else {
        QString text = count == 1 ? tr("1 cluster") : tr("%1 clusters").arg(count);
        text += density ? tr(", HDBSCAN with at least %1 items each.").arg(s.minClusterSize)
                        : tr(", Leiden at resolution %1 (seed %2).").arg(s.resolution, 0, 'f', 2).arg(s.seed);
        if (summary.unclustered > 0) {
            const double share = 100.0 * static_cast<double>(summary.unclustered) / static_cast<double>(clusters.labels.size());
            text += tr(" %1 items (%2%) are noise, in no cluster: drawn light grey.")
                        .arg(QLocale().toString(static_cast<qulonglong>(summary.unclustered)))
                        .arg(share, 0, 'f', share < 10.0 ? 1 : 0);
        }
        job_->showIdle(text + tr(" Choose rows to select their items; double-click a name to rename it."));
    }
    if (summary.adjustedRand && summary.mutualInformation) {
        agreement_->setText(tr("Agreement with the %1 column: adjusted Rand index %2, normalised mutual "
                               "information %3 (1: the same grouping; 0: unrelated).")
                                .arg(reference)
                                .arg(*summary.adjustedRand, 0, 'f', 3)
                                .arg(*summary.mutualInformation, 0, 'f', 3));
        agreement_->show();
    } else {
        agreement_->hide();
    }
}

void ClustersPanel::showNames(const std::vector<std::string>& names) {
    filling_ = true;
    for (std::size_t c = 0; c < names.size() && static_cast<int>(c) < table_->rowCount(); ++c) {
        if (auto* item = table_->item(static_cast<int>(c), NameColumn)) item->setText(QString::fromStdString(names[c]));
    }
    filling_ = false;
}

void ClustersPanel::setPrototypes(const std::vector<QImage>& images) { setPictures(PrototypeColumn, images); }
void ClustersPanel::setMedoids(const std::vector<QImage>& images) { setPictures(MedoidColumn, images); }

void ClustersPanel::setPictures(int column, const std::vector<QImage>& images) {
    filling_ = true;
    for (std::size_t c = 0; c < images.size() && static_cast<int>(c) < table_->rowCount(); ++c) {
        if (auto* item = table_->item(static_cast<int>(c), column); item && !images[c].isNull()) {
            item->setIcon(QIcon(QPixmap::fromImage(
                images[c].scaled(kPicture, kPicture, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
        }
    }
    filling_ = false;
}

void ClustersPanel::chooseSelectedRows() {
    std::set<std::size_t> rows;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows()) {
        rows.insert(static_cast<std::size_t>(index.row()));
    }
    if (!rows.empty()) Q_EMIT clustersChosen({rows.begin(), rows.end()});
}

void ClustersPanel::updateButtons() {
    find_->setEnabled(available_ && !job_->running());
    cancel_->setVisible(job_->running());
}

}  // namespace latent::ui
