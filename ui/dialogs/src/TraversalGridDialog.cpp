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


namespace latent::ui {
namespace {
constexpr int kScale = 2;  // each decoded pixel drawn 2x2
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
    decoding_.run(
        [decode = source_.inference->batchDecoder(), latents = std::move(latents), columns](const auto& control) {
            return latent::decodeToGrid(until(control.stopToken(), decode), latents, columns, kScale);
        },
        [this](JobOutcome<latent::Raster> decoded) {
            if (!decoded.result) {
                picture_->setText(tr("Could not decode the grid: %1").arg(decoded.error));
                return;
            }
            grid_ = std::move(*decoded.result);
            const QImage image(grid_.pixels.data(), grid_.width, grid_.height, grid_.width * grid_.channels,
                               grid_.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
            picture_->setPixmap(QPixmap::fromImage(image.copy()));
            export_->setEnabled(true);
            Q_EMIT gridShown();
        });
}

QString TraversalGridDialog::exportTo(const QString& path) const {
    try {
        latent::writePng(path.toStdString(), grid_);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

void TraversalGridDialog::chooseFileAndExport() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Traversal Grid"), "traversal.png", tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    const QString error = exportTo(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Export"), error);
}

}  // namespace latent::ui
