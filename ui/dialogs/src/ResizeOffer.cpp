#include "latent/ui/ResizeOffer.h"

#include <QMessageBox>
#include <QPushButton>

namespace latent::ui {

QString shapeText(const latent::ImageShape& s) {
    return QStringLiteral("%1 × %2 × %3").arg(s.channels).arg(s.height).arg(s.width);
}

QMessageBox* offerResize(QWidget* parent, const latent::ImageShape& datasetShape,
                         const latent::ImageShape& modelShape, latent::ResizeFilter filter,
                         std::function<void(bool)> answer) {
    auto* box = new QMessageBox(QMessageBox::Question, QMessageBox::tr("Resize the dataset?"),
                                QMessageBox::tr("The dataset's images are %1 but the model expects %2 "
                                                "(channels × height × width).")
                                    .arg(shapeText(datasetShape), shapeText(modelShape)),
                                QMessageBox::NoButton, parent);
    box->setObjectName("resizeOffer");
    box->setInformativeText(
        QMessageBox::tr("Resize them to fit? %1. The files are not changed.")
            .arg(QString::fromStdString(latent::describeResize(datasetShape, modelShape, filter))));
    QPushButton* resize = box->addButton(QMessageBox::tr("Resize"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(resize);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box,
                     [box, resize, answer = std::move(answer)] { answer(box->clickedButton() == resize); });
    box->open();
    return box;
}

}  // namespace latent::ui
