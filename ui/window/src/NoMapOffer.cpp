#include "NoMapOffer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "latent/ui/WrappableText.h"

namespace latent::ui {

NoMapOffer::NoMapOffer(QWidget* parent)
    : QWidget(parent), why_(new QLabel(this)), bundled_(new QPushButton(tr("Use the Bundled Model"), this)) {
    setObjectName("noMapOffer");
    why_->setWordWrap(true);
    // Whatever the message, the offer takes the map's width, never more.
    why_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* openModel = new QPushButton(tr("Open Model…"), this);
    auto* openData = new QPushButton(tr("Open Data…"), this);
    connect(openModel, &QPushButton::clicked, this, &NoMapOffer::openModelRequested);
    connect(openData, &QPushButton::clicked, this, &NoMapOffer::openDataRequested);
    connect(bundled_, &QPushButton::clicked, this, &NoMapOffer::bundledRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(openModel);
    buttons->addWidget(openData);
    buttons->addWidget(bundled_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(why_);
    layout->addLayout(buttons);
    hide();
}

void NoMapOffer::showFailure(const QString& why, bool offerBundled) {
    why_->setText(tr("Nothing is open: %1").arg(wrappable(why)));
    bundled_->setVisible(offerBundled);
    show();
}

}  // namespace latent::ui
