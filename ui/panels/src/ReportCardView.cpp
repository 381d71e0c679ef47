#include "latent/ui/ReportCardView.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include "latent/ui/CardPlotWidget.h"

namespace latent::ui {
namespace {

QLabel* wrappingLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    // Never widens the window; keeps QLabel's height-for-width, which a new policy drops
    // (without it a wrapped label is laid out at the height of a guessed width).
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    label->setSizePolicy(policy);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* quietLabel(const QString& text, QWidget* parent) {
    QLabel* label = wrappingLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString numberText(const latent::CardNumber& n) {
    QString value = QString::fromStdString(latent::formatCardValue(n.value));
    if (!n.unit.empty()) value += ' ' + QString::fromStdString(n.unit).toHtmlEscaped();
    return QStringLiteral("%1: <b>%2</b>").arg(QString::fromStdString(n.label).toHtmlEscaped(), value);
}

void addSection(QVBoxLayout* column, const latent::CardSection& section, QWidget* parent) {
    auto* title = new QLabel(QString::fromStdString(section.title), parent);
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    title->setFont(bold);
    column->addSpacing(6);
    column->addWidget(title);
    column->addWidget(quietLabel(QString::fromStdString(section.meaning), parent));
    if (!section.unavailable.empty()) {
        column->addWidget(wrappingLabel(QObject::tr("Not measured: %1.").arg(QString::fromStdString(section.unavailable)), parent));
        return;
    }
    for (const latent::CardNumber& n : section.numbers) {
        QLabel* number = wrappingLabel(numberText(n), parent);
        number->setTextFormat(Qt::RichText);
        number->setToolTip(QString::fromStdString(n.sample));
        column->addWidget(number);
        QLabel* sample = quietLabel(QString::fromStdString(n.sample), parent);
        QFont small = sample->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        sample->setFont(small);
        column->addWidget(sample);
    }
    for (const latent::CardPlot& plot : section.plots) {
        column->addWidget(new CardPlotWidget(plot, parent));
        column->addWidget(quietLabel(QString::fromStdString(plot.title), parent));
    }
}

}  // namespace

ReportCardView::ReportCardView(QWidget* parent) : QWidget(parent), column_(new QVBoxLayout(this)) {
    column_->setContentsMargins(0, 0, 0, 0);
    column_->setSpacing(2);
}

void ReportCardView::clear() {
    while (QLayoutItem* item = column_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void ReportCardView::setCard(const latent::ReportCard& card) {
    clear();
    column_->addWidget(quietLabel(
        tr("%1 on %2 · %3 items · seed %4 · measured in %5 s")
            .arg(QString::fromStdString(card.model), QString::fromStdString(card.data),
                 QString::fromStdString(latent::formatCardValue(static_cast<double>(card.items))))
            .arg(card.seed)
            .arg(QString::fromStdString(latent::formatCardValue(card.seconds))),
        this));
    for (const latent::CardSection& section : card.sections) addSection(column_, section, this);
    column_->addStretch(1);
}

QStringList ReportCardView::texts() const {
    QStringList texts;
    for (int i = 0; i < column_->count(); ++i) {
        if (const auto* label = qobject_cast<const QLabel*>(column_->itemAt(i)->widget())) texts << label->text();
    }
    return texts;
}

QImage renderReportCard(const latent::ReportCard& card, int width) {
    ReportCardView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    QPalette page = view.palette();
    page.setColor(QPalette::Window, Qt::white);
    page.setColor(QPalette::WindowText, Qt::black);
    view.setPalette(page);
    view.setAutoFillBackground(true);
    view.setContentsMargins(16, 16, 16, 16);
    auto* title = new QLabel(QObject::tr("Latent report card"), &view);
    QFont large = title->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    large.setWeight(QFont::DemiBold);
    title->setFont(large);
    view.setCard(card);
    static_cast<QVBoxLayout*>(view.layout())->insertWidget(0, title);
    view.setFixedWidth(width);
    view.show();  // not on screen: lays the page out
    view.layout()->activate();
    const int height = view.layout()->heightForWidth(width);
    view.setFixedHeight(height > 0 ? height : view.sizeHint().height());
    view.layout()->activate();
    const qreal scale = 2.0;  // sharp when pasted into a page
    QImage image(QSize(width, view.height()) * scale, QImage::Format_RGB32);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    view.render(&image);
    return image;
}

}  // namespace latent::ui
