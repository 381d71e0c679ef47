#include "latent/ui/HoverTooltip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "latent/ui/ImageConvert.h"
#include "latent/ui/LiveDecoder.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {
namespace {

constexpr int kPictureSize = 84;        // logical pixels (28 x 28 images at 3x)
const QPoint kOffsetFromPoint{16, 16};  // keeps the tooltip off the point it describes

}  // namespace

HoverTooltip::HoverTooltip(ScatterMap* map, QWidget* parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint),
      map_(map),
      decoder_(new LiveDecoder(this)),
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
    connect(decoder_, &LiveDecoder::decoded, this, [this](quint64 id, const latent::Image& image, double) {
        if (id == decoder_->latestRequest() && index_ >= 0) setPicture(decoded_, image);
    });
    map_->view()->installEventFilter(this);
}

HoverTooltip::~HoverTooltip() = default;

void HoverTooltip::setWorkspace(std::shared_ptr<const latent::Workspace> workspace) {
    workspace_ = std::move(workspace);
    decoder_->setModel(workspace_ ? workspace_->model : nullptr);
    dismiss();
}

bool HoverTooltip::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Leave || event->type() == QEvent::MouseButtonPress) dismiss();
    return QFrame::eventFilter(watched, event);
}

void HoverTooltip::showPoint(qsizetype index) {
    const auto i = static_cast<std::size_t>(index);
    if (index < 0 || !workspace_ || i >= workspace_->latents.count) {
        dismiss();
        return;
    }
    index_ = index;
    const auto& dataset = workspace_->dataset;
    const bool hasOriginal = i < dataset.count;
    if (hasOriginal) {
        setPicture(original_, dataset.image(i));
    }
    original_->setVisible(hasOriginal);
    decoded_->setVisible(workspace_->model != nullptr);
    decoded_->clear();
    if (workspace_->model) {
        const auto row = workspace_->latents.row(i);
        decoder_->request(std::vector<float>(row.begin(), row.end()));
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
    hide();
}

void HoverTooltip::setPicture(QLabel* label, const latent::Image& image) {
    const QImage picture = toQImage(image).scaled(kPictureSize, kPictureSize, Qt::KeepAspectRatio,
                                                  Qt::FastTransformation);
    label->setPixmap(QPixmap::fromImage(picture));
}

}  // namespace latent::ui
