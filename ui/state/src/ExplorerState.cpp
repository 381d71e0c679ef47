#include "latent/ui/ExplorerState.h"

#include "latent/ui/SelectionModel.h"

namespace latent::ui {

ExplorerState::ExplorerState(QObject* parent) : QObject(parent), selection_(new SelectionModel(this)) {}

void ExplorerState::setWorkspace(std::shared_ptr<const latent::Workspace> workspace,
                                 latent::WorkspaceIdentity identity) {
    workspace_ = std::move(workspace);
    identity_ = std::move(identity);
    projection_.reset();
    selection_->reset(workspace_ ? workspace_->latents.count : 0);
    const bool hadAnnotations = annotations_ != latent::Annotations{};
    annotations_ = {};
    Q_EMIT workspaceChanged();
    if (hadAnnotations) Q_EMIT annotationsChanged();
}

bool ExplorerState::fits(const latent::ProjectionResult& projection) const {
    return workspace_ && projection.coords.count == workspace_->latents.count;
}

bool ExplorerState::setProjection(std::shared_ptr<const latent::ProjectionResult> projection) {
    if (projection && !fits(*projection)) return false;
    projection_ = std::move(projection);
    Q_EMIT projectionChanged();
    return true;
}

void ExplorerState::setColours(std::vector<QColor> colours) {
    colours_ = std::move(colours);
    Q_EMIT coloursChanged();
}

void ExplorerState::setCurrent(CurrentPoint point) {
    current_ = std::move(point);
    Q_EMIT currentChanged();
}

QString ExplorerState::setAnnotations(latent::Annotations annotations) {
    try {
        latent::checkAnnotations(annotations, workspace_ ? workspace_->latents.count : 0);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    annotations_ = std::move(annotations);
    Q_EMIT annotationsChanged();
    return {};
}

}  // namespace latent::ui
