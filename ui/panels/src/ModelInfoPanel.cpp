#include "latent/ui/ModelInfoPanel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QScrollArea>
#include <QVBoxLayout>

#include "latent/core/ModelReport.h"
#include "latent/ui/ModelSettingsPanel.h"

namespace latent::ui {
namespace {

QString shapeText(const latent::ImageShape& s, latent::ColourOrder colourOrder) {
    return QStringLiteral("%1 × %2 × %3 (%4)")
        .arg(s.channels)
        .arg(s.height)
        .arg(s.width)
        .arg(QString::fromLatin1(latent::toString(colourOrder)));
}

QString encoderText(const latent::ModelInfo& info) {
    if (!info.hasEncoder) return QObject::tr("none: the map shows samples of the prior");
    return info.variationalEncoder ? QObject::tr("yes, variational (mu, logvar)")
                                   : QObject::tr("yes (one latent per image)");
}

QString metadataText(const latent::ModelInfo& info) {
    QString text = QString::fromUtf8(latent::toString(info.metadataSource));
    if (!info.probedFields.empty() && info.metadataSource != latent::MetadataSource::Probed) {
        QStringList probed;
        for (const auto& f : info.probedFields) probed << QString::fromStdString(f);
        text += QObject::tr("; probed: %1").arg(probed.join(", "));
    }
    return text;
}

// 1079600 -> "1,079,600" whatever the locale.
QString grouped(std::int64_t n) {
    QString digits = QString::number(n);
    for (auto i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QLatin1Char(','));
    return digits;
}

}  // namespace

ModelInfoPanel::ModelInfoPanel(QWidget* parent)
    : QWidget(parent), form_(new QFormLayout), settings_(new ModelSettingsPanel(this)) {
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* group = new QGroupBox(tr("Settings"), this);
    auto* inGroup = new QVBoxLayout(group);
    inGroup->addWidget(settings_);
    // Scrolls rather than squeezing wrapped rows (a warning, the dataset note) to one line.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    auto* column = new QVBoxLayout(inner);
    column->setContentsMargins(8, 6, 8, 6);
    column->addLayout(form_);
    column->addWidget(group);
    column->addStretch(1);
    scroll->setWidget(inner);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setRow(tr("Model"), tr("none loaded"));
}

void ModelInfoPanel::setRow(const QString& label, const QString& value, int row) {
    QLabel*& cell = values_[label];
    if (!cell) {
        cell = new QLabel(this);
        cell->setWordWrap(true);
        cell->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form_->insertRow(row, label + ":", cell);
    }
    cell->setText(value);
}

void ModelInfoPanel::removeRow(const QString& label) {
    if (QLabel* cell = values_.take(label)) form_->removeRow(cell);
}

void ModelInfoPanel::setModel(const latent::ModelInfo& info, const QString& datasetNote) {
    removeRow(tr("Why"));  // left by setNoModel
    setRow(tr("Model"), QString::fromStdString(info.name));
    setWarnings(info.warnings);
    setRow(tr("File"),
           QString::fromStdString(info.path.filename().string()) +
               (info.encoderPath.empty()
                    ? QString()
                    : tr(" (encoder %1)")
                          .arg(QString::fromStdString(info.encoderPath.filename().string()))));
    setRow(tr("Latent size"), QString::number(info.latentDim));
    setRow(tr("Image shape"), shapeText(info.imageShape, info.colourOrder.value_or(latent::ColourOrder::Rgb)));
    setRow(tr("Value range"), QString::fromStdString(latent::valueRangeText(info)));
    setRow(tr("Encoder"), encoderText(info));
    setRow(tr("Metadata"), metadataText(info));
    setRow(tr("Parameters"), grouped(info.parameterCount));
    setRow(tr("Load time"), tr("%1 ms").arg(info.loadSeconds * 1000.0, 0, 'f', 0));
    setRow(tr("Dataset"), datasetNote.isEmpty() ? tr("used as is") : datasetNote);
    setToolTip(QString::fromStdString(info.description));
}

void ModelInfoPanel::setWarnings(const std::vector<std::string>& warnings) {
    const QString label = tr("Warnings");
    if (warnings.empty()) {
        removeRow(label);
        return;
    }
    QStringList lines;
    for (const auto& w : warnings) lines << QString::fromStdString(w);
    setRow(label, lines.join(QLatin1Char('\n')), 1);  // right under the model's name, to be seen
    values_[label]->setStyleSheet(QStringLiteral("QLabel { color: #b34700; font-weight: bold; }"));
}

void ModelInfoPanel::setNoModel(const QString& why) {
    for (auto it = values_.begin(); it != values_.end(); ++it) form_->removeRow(it.value());
    values_.clear();
    setRow(tr("Model"), tr("none"));
    setRow(tr("Why"), why);
    setToolTip({});
}

QString ModelInfoPanel::datasetNote(const latent::Workspace& ws) {
    if (!ws.sampledFromPrior) return QString::fromStdString(ws.resizeNote);
    QString note = tr("none encoded: the map shows %1").arg(QString::fromStdString(ws.dataset.name));
    if (ws.reference.count > 0) {
        note += tr("; the nearest of %1 dataset images is shown beside each sample").arg(ws.reference.count);
    }
    if (!ws.resizeNote.empty()) note += tr(" (%1)").arg(QString::fromStdString(ws.resizeNote));
    return note;
}

QString ModelInfoPanel::field(const QString& label) const {
    const auto it = values_.find(label);
    return it == values_.end() ? QString() : it.value()->text();
}

}  // namespace latent::ui
