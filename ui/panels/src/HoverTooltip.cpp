#include "latent/ui/HoverTooltip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

#include "latent/ui/ImageConvert.h"
#include "latent/ui/BatchDecoder.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {
namespace {

constexpr int kPictureSize = 84;        // logical pixels (28 x 28 images at 3x)
const QPoint kOffsetFromPoint{16, 16};  // keeps the tooltip off the point it describes

}  // namespace

HoverTooltip::HoverTooltip(ScatterMap* map, Inference* inference, WorkspaceSource workspace, QWidget* parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint),
      map_(map),
      workspace_(std::move(workspace)),
      decoder_(new BatchDecoder(inference, this)),
      original_(new QLabel(this)),
      decoded_(new QLabel(this)),
      caption_(new QLabel(this)) {
    setFrameShape(QFrame::Box);
    setAttribute(Qt::WA_ShowWithoutActivating);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    auto* pictures = new QHBoxLayout();
    for (QLabel* label : {original_, decoded_}) {
        label->setFixedSize(kPictureSize, kPictureSize);
        label->setAlignment(Qt::AlignCenter);
        pictures->addWidget(label);
    }
    column->addLayout(pictures);
    column->addWidget(caption_);
    connect(map_, &ScatterMap::pointHovered, this, &HoverTooltip::showPoint);
    // Only the newest request is delivered, and a dismissal drops the one in flight.
    connect(decoder_, &BatchDecoder::decoded, this, [this](const std::vector<latent::Image>& images) {
        if (index_ >= 0 && images.size() == 1) setPicture(decoded_, images.front());
    });
    map_->view()->installEventFilter(this);
}

HoverTooltip::~HoverTooltip() = default;

bool HoverTooltip::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Leave || event->type() == QEvent::MouseButtonPress) dismiss();
    return QFrame::eventFilter(watched, event);
}

void HoverTooltip::showPoint(qsizetype index) {
    const auto i = static_cast<std::size_t>(index);
    const auto workspace = workspace_();
    if (index < 0 || !workspace || i >= workspace->latents.count) {
        dismiss();
        return;
    }
    index_ = index;
    const auto& dataset = workspace->dataset;
    const bool hasOriginal = i < dataset.count;
    if (hasOriginal) {
        setPicture(original_, dataset.image(i));
    }
    original_->setVisible(hasOriginal);
    decoded_->setVisible(workspace->model != nullptr);
    decoded_->clear();
    if (workspace->model) {
        latent::LatentBatch z(1, workspace->latents.dim);
        const auto row = workspace->latents.row(i);
        std::copy(row.begin(), row.end(), z.values.begin());
        decoder_->request(z);
    }
    const std::string name = hasOriginal ? dataset.className(i) : std::string();
    caption_->setText(name.empty() ? tr("#%1").arg(index)
                                   : tr("#%1 · %2").arg(index).arg(QString::fromStdString(name)));
    adjustSize();
    move(map_->view()->mapToGlobal(map_->viewPositionOf(i) + kOffsetFromPoint));
    show();
}

void HoverTooltip::dismiss() {
    index_ = -1;
    decoder_->discard();
    hide();
}

void HoverTooltip::setPicture(QLabel* label, const latent::Image& image) {
    const QImage picture = toQImage(image).scaled(kPictureSize, kPictureSize, Qt::KeepAspectRatio,
                                                  Qt::FastTransformation);
    label->setPixmap(QPixmap::fromImage(picture));
}

}  // namespace latent::ui
