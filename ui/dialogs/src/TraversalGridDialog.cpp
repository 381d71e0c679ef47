#include "latent/ui/TraversalGridDialog.h"
#include "latent/ui/Inference.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <string_view>

#include "latent/core/AtomicFile.h"
#include "latent/ui/LabelledGrid.h"
#include "latent/ui/MapImage.h"

namespace latent::ui {
namespace {
constexpr int kScale = 2;  // each decoded pixel drawn 2x2
constexpr int kGap = 2;    // px between cells, as decodeToGrid tiles them
}

TraversalGridDialog::TraversalGridDialog(Source source, QWidget* parent)
    : QDialog(parent), source_(std::move(source)), decoding_(this, source_.inference->waitingPool()) {
    setWindowTitle(tr("Traversal Grid"));
    auto* column = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    dimensions_ = new QSpinBox(this);
    dimensions_->setRange(1, std::max(1, static_cast<int>(source_.rankedDimensions.size())));
    dimensions_->setValue(std::min(8, dimensions_->maximum()));
    dimensions_->setSuffix(tr(" most important"));
    steps_ = new QSpinBox(this);
    steps_->setRange(2, 24);
    steps_->setValue(9);
    form->addRow(tr("Dimensions (rows):"), dimensions_);
    form->addRow(tr("Steps (columns):"), steps_);
    column->addLayout(form);
    picture_ = new QLabel(tr("Decoding…"), this);
    picture_->setAlignment(Qt::AlignCenter);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(picture_);
    scroll->setWidgetResizable(true);
    column->addWidget(scroll, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    export_ = buttons->addButton(tr("Export PNG…"), QDialogButtonBox::ActionRole);
    export_->setEnabled(false);
    column->addWidget(buttons);
    resize(640, 640);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(export_, &QPushButton::clicked, this, &TraversalGridDialog::chooseFileAndExport);
    connect(dimensions_, &QSpinBox::valueChanged, this, &TraversalGridDialog::render);
    connect(steps_, &QSpinBox::valueChanged, this, &TraversalGridDialog::render);
    render();
}

latent::LatentBatch TraversalGridDialog::gridLatents() const {
    const auto rows = std::min(static_cast<std::size_t>(dimensions_->value()), source_.rankedDimensions.size());
    std::vector<std::size_t> dims(source_.rankedDimensions.begin(),
                                  source_.rankedDimensions.begin() + static_cast<std::ptrdiff_t>(rows));
    std::vector<latent::TraversalRange> ranges;
    for (std::size_t d : dims) ranges.push_back(d < source_.ranges.size() ? source_.ranges[d] : latent::priorRange());
    return latent::traversalLatents(source_.point, dims, static_cast<std::size_t>(steps_->value()), ranges);
}

void TraversalGridDialog::render() {
    decoding_.discard();
    export_->setEnabled(false);
    const int columns = steps_->value();
    latent::LatentBatch latents;
    try {
        latents = gridLatents();
    } catch (const std::exception& e) {
        picture_->setText(QString::fromStdString(e.what()));
        return;
    }
    // Each row's dimension and each cell's value, read back from the latents decoded.
    const int rows = static_cast<int>(latents.count) / columns;
    QStringList names;
    std::vector<std::vector<double>> values(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        const std::size_t d = source_.rankedDimensions[static_cast<std::size_t>(r)];
        names << QString("z%1").arg(d);
        for (int c = 0; c < columns; ++c) values[r].push_back(latents.row(static_cast<std::size_t>(r * columns + c))[d]);
    }
    decoding_.run(
        [decode = source_.inference->batchDecoder(), latents = std::move(latents), columns](const auto& control) {
            return latent::decodeToGrid(until(control.stopToken(), decode), latents, columns, kScale);
        },
        [this, columns, names, values](JobOutcome<latent::Raster> decoded) {
            if (!decoded.result) {
                picture_->setText(tr("Could not decode the grid: %1").arg(decoded.error));
                return;
            }
            grid_ = std::move(*decoded.result);
            labelled_ = latent::ui::labelledGrid(grid_, columns, kGap, names, values);
            picture_->setPixmap(QPixmap::fromImage(labelled_));
            export_->setEnabled(true);
            Q_EMIT gridShown();
        });
}

QString TraversalGridDialog::exportTo(const QString& path) const {
    try {
        const QByteArray bytes = pngBytes(labelled_);
        latent::writeFileAtomically(path.toStdString(),
                                    std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

void TraversalGridDialog::chooseFileAndExport() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Traversal Grid"), "traversal.png", tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    const QString error = exportTo(path);
    if (error.isEmpty()) {
        Q_EMIT exported(path);
    } else {
        QMessageBox::warning(this, tr("Export"), error);
    }
}

}  // namespace latent::ui
