#include "latent/ui/ProjectionPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>
#include <vector>

#include "latent/core/Projector.h"

namespace latent::ui {
namespace {

using latent::ProjectionMethod;

constexpr ProjectionMethod kMethods[] = {ProjectionMethod::Pca, ProjectionMethod::Tsne,
                                         ProjectionMethod::Umap, ProjectionMethod::Lle,
                                         ProjectionMethod::LatentAxes};

QSpinBox* intSpin(QWidget* parent, int lo, int hi, const QString& tip) {
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setToolTip(tip);
    return s;
}

QDoubleSpinBox* realSpin(QWidget* parent, double lo, double hi, double step, int decimals,
                         const QString& tip) {
    auto* s = new QDoubleSpinBox(parent);
    s->setRange(lo, hi);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setToolTip(tip);
    return s;
}

}  // namespace

ProjectionPanel::ProjectionPanel(QWidget* parent)
    : QWidget(parent),
      form_(new QFormLayout),
      method_(new QComboBox(this)),
      dims_(new QComboBox(this)),
      perplexity_(realSpin(this, 2, 200, 5, 1, tr("t-SNE: effective number of neighbours"))),
      neighbours_(intSpin(this, 2, 200, tr("Size of the neighbourhood the layout preserves"))),
      minDist_(realSpin(this, 0, 1, 0.05, 2, tr("UMAP: how tightly points may pack"))),
      metric_(new QComboBox(this)),
      seed_(intSpin(this, 0, std::numeric_limits<int>::max(), tr("Same seed, same map"))),
      iterations_(intSpin(this, 0, 100000, tr("0: the method's default"))),
      threads_(intSpin(this, 1, std::max(1, QThread::idealThreadCount()), tr("Worker threads"))),
      axes_{intSpin(this, 0, 0, tr("Latent dimension on the horizontal axis")),
            intSpin(this, 0, 0, tr("Latent dimension on the vertical axis")),
            intSpin(this, 0, 0, tr("Latent dimension on the depth axis (3D)"))},
      run_(new QPushButton(tr("Run"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      summary_(new QLabel(this)),
      quality_(new QLabel(this)) {
    auto* items = new QStandardItemModel(this);
    for (ProjectionMethod m : kMethods) {
        auto* item = new QStandardItem(QString::fromUtf8(latent::toString(m)));
        item->setData(static_cast<int>(m), Qt::UserRole);
        items->appendRow(item);
    }
    method_->setModel(items);
    dims_->addItem(tr("2D"), 2);
    dims_->addItem(tr("3D"), 3);
    metric_->addItem(tr("Euclidean"), static_cast<int>(latent::Metric::Euclidean));
    metric_->addItem(tr("Cosine"), static_cast<int>(latent::Metric::Cosine));
    iterations_->setSpecialValueText(tr("default"));

    form_->addRow(tr("Method"), method_);
    form_->addRow(tr("Dimensions"), dims_);
    form_->addRow(tr("Perplexity"), perplexity_);
    form_->addRow(tr("Neighbours"), neighbours_);
    form_->addRow(tr("min_dist"), minDist_);
    form_->addRow(tr("Metric"), metric_);
    form_->addRow(tr("Seed"), seed_);
    form_->addRow(tr("Iterations"), iterations_);
    form_->addRow(tr("Threads"), threads_);
    form_->addRow(tr("X axis: latent dim"), axes_[0]);
    form_->addRow(tr("Y axis: latent dim"), axes_[1]);
    form_->addRow(tr("Z axis: latent dim"), axes_[2]);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    summary_->setWordWrap(true);
    summary_->setStyleSheet("color: #5b6570;");
    auto* column = new QVBoxLayout(this);
    column->addLayout(form_);
    column->addLayout(buttons);
    column->addWidget(summary_);
    quality_->setWordWrap(true);
    quality_->setStyleSheet("color: #5b6570;");
    quality_->setToolTip(tr("Trustworthiness: 1 means no map neighbour is a stranger in the latent space. "
                            "kNN preservation: the share of each point's latent neighbours that stay its map neighbours."));
    column->addWidget(quality_);
    column->addStretch(1);

    // As wide as the widest set of rows, so the map does not change width with the method.
    for (int row = 0; row < form_->rowCount(); ++row) form_->setRowVisible(row, true);
    setMinimumWidth(sizeHint().width());
    setParams(latent::ProjectionParams{});
    threads_->setValue(threads_->maximum());
    setRunning(false);
    connect(method_, &QComboBox::currentIndexChanged, this, [this] { showRowsFor(method()); });
    connect(dims_, &QComboBox::currentIndexChanged, this, [this] { showRowsFor(method()); });
    for (QSpinBox* axis : axes_) {
        // Programmatic changes block the spin boxes' signals: this is the user's choice.
        connect(axis, &QSpinBox::valueChanged, this, [this] { axesChosen_ = true; });
    }
    connect(run_, &QPushButton::clicked, this, &ProjectionPanel::runRequested);
    connect(cancel_, &QPushButton::clicked, this, &ProjectionPanel::cancelRequested);
}

latent::ProjectionMethod ProjectionPanel::method() const {
    return static_cast<ProjectionMethod>(method_->currentData(Qt::UserRole).toInt());
}

latent::ProjectionParams ProjectionPanel::params() const {
    latent::ProjectionParams p;
    p.method = method();
    p.dims = dims_->currentData().toInt();
    p.perplexity = perplexity_->value();
    p.neighbours = neighbours_->value();
    p.minDist = minDist_->value();
    p.metric = static_cast<latent::Metric>(metric_->currentData().toInt());
    p.seed = static_cast<std::uint64_t>(seed_->value());
    p.iterations = iterations_->value();
    p.threads = threads_->value();
    for (int a = 0; a < p.dims; ++a) p.axes.push_back(axes_[a]->value());
    return p;
}

void ProjectionPanel::setParams(const latent::ProjectionParams& p) {
    for (int i = 0; i < method_->count(); ++i) {
        if (method_->itemData(i, Qt::UserRole).toInt() == static_cast<int>(p.method)) method_->setCurrentIndex(i);
    }
    dims_->setCurrentIndex(p.dims == 3 ? 1 : 0);
    perplexity_->setValue(p.perplexity);
    neighbours_->setValue(p.neighbours);
    minDist_->setValue(p.minDist);
    metric_->setCurrentIndex(p.metric == latent::Metric::Cosine ? 1 : 0);
    seed_->setValue(static_cast<int>(std::min<std::uint64_t>(p.seed, static_cast<std::uint64_t>(seed_->maximum()))));
    iterations_->setValue(p.iterations);
    threads_->setValue(p.threads);
    for (std::size_t a = 0; a < p.axes.size() && a < 3; ++a) {
        const QSignalBlocker quiet(axes_[a]);
        // Widen the range if the latent size is not known yet; setLatentDim() narrows it.
        axes_[a]->setMaximum(std::max(axes_[a]->maximum(), p.axes[a]));
        axes_[a]->setValue(p.axes[a]);
    }
    if (p.method == ProjectionMethod::LatentAxes) axesChosen_ = true;
    showRowsFor(p.method);
}

void ProjectionPanel::setDims(int dims) { dims_->setCurrentIndex(dims == 3 ? 1 : 0); }

void ProjectionPanel::setLatentDim(int dim, const std::vector<std::size_t>& ranked) {
    // Axes nobody chose follow the ranking. Otherwise keep each choice that fits and is not
    // taken by an earlier axis, else take the lowest free dimension.
    std::vector<int> taken;
    for (std::size_t a = 0; a < 3; ++a) {
        QSpinBox* axis = axes_[a];
        const QSignalBlocker quiet(axis);
        const int previous = axis->value();
        axis->setRange(0, std::max(0, dim - 1));
        int choice = previous;
        if (!axesChosen_ && a < ranked.size() && static_cast<int>(ranked[a]) < dim) {
            choice = static_cast<int>(ranked[a]);
        } else if (previous >= dim || std::find(taken.begin(), taken.end(), previous) != taken.end()) {
            choice = 0;
            while (choice < dim - 1 && std::find(taken.begin(), taken.end(), choice) != taken.end()) ++choice;
        }
        axis->setValue(choice);
        taken.push_back(choice);
    }
}

void ProjectionPanel::setRunning(bool running) {
    run_->setEnabled(!running);
    cancel_->setEnabled(running);
}

void ProjectionPanel::setSummary(const QString& text) { summary_->setText(text); }

void ProjectionPanel::setQuality(const QString& text) {
    quality_->setText(text);
    // The dock does not redo height-for-width when a wrapped label gets more lines: ask for it.
    quality_->setMinimumHeight(text.isEmpty() ? 0 : quality_->heightForWidth(summary_->width()));
}

QString ProjectionPanel::summaryText() const { return summary_->text(); }

QString ProjectionPanel::qualityText() const { return quality_->text(); }

bool ProjectionPanel::isMethodEnabled(latent::ProjectionMethod m) const {
    const auto* items = qobject_cast<const QStandardItemModel*>(method_->model());
    for (int i = 0; i < items->rowCount(); ++i) {
        const auto* item = items->item(i);
        if (item->data(Qt::UserRole).toInt() == static_cast<int>(m)) return item->isEnabled();
    }
    return false;
}

void ProjectionPanel::showRowsFor(latent::ProjectionMethod m) {
    const bool tsne = m == ProjectionMethod::Tsne, umap = m == ProjectionMethod::Umap;
    const bool lle = m == ProjectionMethod::Lle, axes = m == ProjectionMethod::LatentAxes;
    const bool iterative = tsne || umap;
    form_->setRowVisible(perplexity_, tsne);
    form_->setRowVisible(neighbours_, umap || lle);
    form_->setRowVisible(minDist_, umap);
    form_->setRowVisible(metric_, tsne || umap || lle);
    form_->setRowVisible(seed_, !axes);
    form_->setRowVisible(iterations_, iterative);
    form_->setRowVisible(threads_, !axes);
    form_->setRowVisible(axes_[0], axes);
    form_->setRowVisible(axes_[1], axes);
    form_->setRowVisible(axes_[2], axes && dims_->currentData().toInt() == 3);
}

}  // namespace latent::ui
