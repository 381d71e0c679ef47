#include "latent/ui/SessionActions.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <algorithm>

#include "latent/ui/BookmarksPanel.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/SelectionModel.h"

namespace latent::ui {

SessionActions::SessionActions(Parts parts, Window window, QWidget* dialogParent)
    : QObject(dialogParent), p_(parts), window_(std::move(window)), dialogParent_(dialogParent) {
    connect(p_.state, &ExplorerState::workspaceChanged, this, &SessionActions::changed);
    connect(p_.state, &ExplorerState::projectionChanged, this, &SessionActions::changed);
    connect(p_.state, &ExplorerState::currentChanged, this, &SessionActions::changed);
    connect(p_.state->selection(), &SelectionModel::changed, this, &SessionActions::changed);
    connect(p_.morph, &MorphPanel::frameRequested, this, &SessionActions::changed);
    connect(p_.bookmarks, &BookmarksPanel::changed, this, &SessionActions::changed);
}

void SessionActions::addTo(QMenu* file, QAction* before) {
    auto* open = new QAction(tr("&Open Session…"), this);
    open->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connect(open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(dialogParent_, tr("Open Session"), {}, tr("Sessions (*.json)"));
        if (path.isEmpty()) return;
        const QString error = openFrom(path);
        if (!error.isEmpty()) QMessageBox::warning(dialogParent_, tr("Open Session"), error);
    });
    auto* save = new QAction(tr("&Save Session…"), this);
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(dialogParent_, tr("Save Session"), tr("session.json"),
                                                          tr("Sessions (*.json)"));
        if (path.isEmpty()) return;
        const QString error = saveTo(path);
        if (!error.isEmpty()) QMessageBox::warning(dialogParent_, tr("Save Session"), error);
    });
    file->insertActions(before, {open, save});
}

bool SessionActions::hasWorkspace() const { return p_.state->workspace() != nullptr; }

latent::Session SessionActions::capture() const {
    latent::Session s;
    s.workspace = p_.state->identity();
    s.projection = latent::normalized(p_.projection->params());
    s.morph = p_.morph->state();
    s.selection = p_.state->selection()->indices();
    s.currentLatent = p_.state->current().latent;
    s.currentIndex = p_.state->current().index;
    s.bookmarks = p_.bookmarks->bookmarks();
    return s;
}

void SessionActions::workspaceLoaded() {
    if (!pending_) return;
    const latent::Session session = std::move(*pending_);
    pending_.reset();
    apply(session);
}

void SessionActions::loadFailed() { pending_.reset(); }

QString SessionActions::saveTo(const QString& path) {
    try {
        latent::saveSession(path.toStdString(), capture());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    Q_EMIT statusMessage(tr("Session saved to %1.").arg(path));
    return {};
}

QString SessionActions::openFrom(const QString& path) {
    latent::Session session;
    try {
        session = latent::loadSession(path.toStdString());
    } catch (const std::exception& e) {
        Q_EMIT statusMessage(tr("Session not opened: %1").arg(QString::fromStdString(e.what())));
        return QString::fromStdString(e.what());
    }
    if (p_.state->workspace() && session.workspace == p_.state->identity()) {
        apply(session);
        return {};
    }
    const latent::WorkspaceIdentity identity = session.workspace;
    pending_ = std::move(session);
    window_.load(identity);
    return {};
}

void SessionActions::apply(const latent::Session& s) {
    const auto& workspace = *p_.state->workspace();
    window_.showProjection(s.projection);
    p_.state->selection()->replace(s.selection);  // indices out of range are dropped
    if (s.morph && (s.morph->a.size() == workspace.latents.dim)) {
        auto label = [&](const std::optional<std::size_t>& i, const QString& fallback) {
            return i && *i < workspace.dataset.count ? p_.current->labelFor(*i) : fallback;
        };
        p_.morph->restore(*s.morph, label(s.morph->aIndex, tr("A from the session")),
                        label(s.morph->bIndex, tr("B from the session")));
    }
    p_.bookmarks->setBookmarks(s.bookmarks);
    if (s.currentLatent.size() == workspace.latents.dim) {
        if (s.currentIndex && *s.currentIndex < workspace.dataset.count) {
            p_.current->selectItem(static_cast<qsizetype>(*s.currentIndex));
        }
        const bool isItem = s.currentIndex && *s.currentIndex < workspace.latents.count;
        const auto z = isItem ? workspace.latents.row(*s.currentIndex) : std::span<const float>{};
        if (!isItem || !std::equal(z.begin(), z.end(), s.currentLatent.begin())) {
            p_.current->setCurrent(s.currentLatent, tr("the point saved in the session"), false);
        }
    }
    Q_EMIT statusMessage(tr("Session restored."));
    Q_EMIT restored();
}

}  // namespace latent::ui
