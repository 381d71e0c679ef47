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

latent::Session MainWindow::captureSession() const {
    latent::Session s;
    s.workspace = request_.identity;
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
    if (state_->workspace() && session.workspace == request_.identity) {
        applySession(session);
        return {};
    }
    latent::WorkspaceRequest request = request_;
    request.identity = session.workspace;
    pendingSession_ = std::move(session);
    load(request);
    return {};
}

void MainWindow::applySession(const latent::Session& s) {
    setProjection(s.projection);
    selection_->restore(s.selection);
    if (s.morph && (s.morph->a.size() == state_->workspace()->latents.dim)) {
        auto label = [this](const std::optional<std::size_t>& i, const QString& fallback) {
            return i && *i < state_->workspace()->dataset.count ? current_->labelFor(*i) : fallback;
        };
        morph_->restore(*s.morph, label(s.morph->aIndex, tr("A from the session")),
                        label(s.morph->bIndex, tr("B from the session")));
    }
    bookmarks_->setBookmarks(s.bookmarks);
    if (s.currentLatent.size() == state_->workspace()->latents.dim) {
        if (s.currentIndex && *s.currentIndex < state_->workspace()->dataset.count) {
            selectItem(static_cast<qsizetype>(*s.currentIndex));
        }
        const bool isItem = s.currentIndex && *s.currentIndex < state_->workspace()->latents.count;
        const auto z = isItem ? state_->workspace()->latents.row(*s.currentIndex) : std::span<const float>{};
        if (!isItem || !std::equal(z.begin(), z.end(), s.currentLatent.begin())) {
            current_->setCurrent(s.currentLatent, tr("the point saved in the session"), false);
        }
    }
    status_->setText(tr("Session restored."));
    Q_EMIT sessionRestored();
}

}  // namespace latent::ui
