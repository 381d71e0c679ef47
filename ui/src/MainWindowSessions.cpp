// MainWindow's session files: what the window stores, and restoring it (reloading first
// when the session names another model or dataset).
#include <QLabel>
#include <algorithm>

#include "latent/core/Session.h"
#include "latent/ui/BookmarksPanel.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/SelectionController.h"

namespace latent::ui {
namespace {

// Everything a session names that decides the workspace's images, latents and metadata.
bool sameWorkspace(const latent::WorkspaceRequest& a, const latent::WorkspaceRequest& b) {
    return a.modelPath == b.modelPath && a.dataDir == b.dataDir && a.split == b.split &&
           a.limit == b.limit && a.metadataPath == b.metadataPath && a.folderFit == b.folderFit &&
           a.greyscale == b.greyscale && a.priorSamples == b.priorSamples && a.seed == b.seed;
}

}  // namespace

latent::Session MainWindow::captureSession() const {
    latent::Session s;
    s.modelPath = request_.modelPath.string();
    s.dataDir = request_.dataDir.string();
    s.split = request_.split;
    s.limit = request_.limit;
    s.metadataPath = request_.metadataPath.string();
    s.folderFit = request_.folderFit;
    s.greyscale = request_.greyscale;
    s.priorSamples = request_.priorSamples;
    s.priorSeed = request_.seed;
    s.projection = latent::normalized(projectionPanel_->params());
    s.morph = morph_->state();
    s.selection = selection_->selectedIndices();
    s.currentLatent = current_->latent();
    s.currentIndex = current_->index();
    s.bookmarks = bookmarks_->bookmarks();
    return s;
}

QString MainWindow::saveSessionTo(const QString& path) {
    try {
        latent::saveSession(path.toStdString(), captureSession());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    status_->setText(tr("Session saved to %1.").arg(path));
    return {};
}

QString MainWindow::openSessionFrom(const QString& path) {
    latent::Session session;
    try {
        session = latent::loadSession(path.toStdString());
    } catch (const std::exception& e) {
        status_->setText(tr("Session not opened: %1").arg(QString::fromStdString(e.what())));
        return QString::fromStdString(e.what());
    }
    latent::WorkspaceRequest request = request_;
    request.modelPath = session.modelPath;
    request.dataDir = session.dataDir;
    request.split = session.split;
    request.limit = session.limit;
    request.metadataPath = session.metadataPath;
    request.folderFit = session.folderFit;
    request.greyscale = session.greyscale;
    request.priorSamples = session.priorSamples;
    request.seed = session.priorSeed;
    if (workspace_ && sameWorkspace(request, request_)) {
        applySession(session);
        return {};
    }
    pendingSession_ = std::move(session);
    load(request);
    return {};
}

void MainWindow::applySession(const latent::Session& s) {
    setProjection(s.projection);
    selection_->restore(s.selection);
    if (s.morph && (s.morph->a.size() == workspace_->latents.dim)) {
        auto label = [this](const std::optional<std::size_t>& i, const QString& fallback) {
            return i && *i < workspace_->dataset.count ? current_->labelFor(*i) : fallback;
        };
        morph_->restore(*s.morph, label(s.morph->aIndex, tr("A from the session")),
                        label(s.morph->bIndex, tr("B from the session")));
    }
    bookmarks_->setBookmarks(s.bookmarks);
    if (s.currentLatent.size() == workspace_->latents.dim) {
        if (s.currentIndex && *s.currentIndex < workspace_->dataset.count) {
            selectItem(static_cast<qsizetype>(*s.currentIndex));
        }
        const auto z = s.currentIndex ? workspace_->latents.row(*s.currentIndex) : std::span<const float>{};
        if (!s.currentIndex || !std::equal(z.begin(), z.end(), s.currentLatent.begin())) {
            current_->setCurrent(s.currentLatent, tr("the point saved in the session"), false);
        }
    }
    status_->setText(tr("Session restored."));
    Q_EMIT sessionRestored();
}

}  // namespace latent::ui
