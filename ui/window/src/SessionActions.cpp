#include "latent/ui/SessionActions.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <algorithm>

#include "latent/ui/BookmarksPanel.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ComparisonController.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/RecentFiles.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/WrappableText.h"

namespace latent::ui {

SessionActions::SessionActions(Parts parts, Window window, QWidget* dialogParent)
    : QObject(dialogParent), p_(parts), window_(std::move(window)), dialogParent_(dialogParent) {
    connect(p_.state, &ExplorerState::workspaceChanged, this, &SessionActions::changed);
    connect(p_.state, &ExplorerState::workspaceChanged, this, [this] { savedWork_ = {}; });
    connect(p_.state, &ExplorerState::projectionChanged, this, &SessionActions::changed);
    // Once a map is shown, a session's camera is either placed on it or no longer applies.
    connect(p_.state, &ExplorerState::projectionChanged, this, [this] {
        placePendingCamera();
        pendingCamera_.reset();
    });
    connect(p_.state, &ExplorerState::currentChanged, this, &SessionActions::changed);
    connect(p_.state->selection(), &SelectionModel::changed, this, &SessionActions::changed);
    connect(p_.state, &ExplorerState::annotationsChanged, this, &SessionActions::changed);
    connect(p_.morph, &MorphPanel::frameRequested, this, &SessionActions::changed);
    connect(p_.bookmarks, &BookmarksPanel::changed, this, &SessionActions::changed);
    connect(p_.comparison, &ComparisonController::shown, this, &SessionActions::changed);
    connect(p_.comparison, &ComparisonController::closed, this, &SessionActions::changed);
    connect(p_.comparison, &ComparisonController::stepShown, this, &SessionActions::changed);
}

void SessionActions::addTo(QMenu* file, QAction* before) {
    auto* open = new QAction(tr("&Open Session…"), this);
    open->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connect(open, &QAction::triggered, this, &SessionActions::chooseAndOpen);
    auto* save = new QAction(tr("&Save Session…"), this);
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, &SessionActions::chooseAndSave);
    auto* recentMenu = new QMenu(tr("Open Recent &Session"), file);
    recent_ = new RecentFiles("recentSessions", recentMenu, 8, this);
    connect(recent_, &RecentFiles::chosen, this, &SessionActions::openAndReport);
    file->insertActions(before, {open, recentMenu->menuAction(), save});
}

void SessionActions::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(dialogParent_, tr("Open Session"), {}, tr("Sessions (*.json)"));
    if (!path.isEmpty()) openAndReport(path);
}

void SessionActions::openAndReport(const QString& path) {
    const QString error = openFrom(path);
    if (!error.isEmpty()) QMessageBox::warning(dialogParent_, tr("Open Session"), wrappable(error));
}

bool SessionActions::chooseAndSave() {
    const QString path =
        QFileDialog::getSaveFileName(dialogParent_, tr("Save Session"), tr("session.json"), tr("Sessions (*.json)"));
    if (path.isEmpty()) return false;
    const QString error = saveTo(path);
    if (!error.isEmpty()) QMessageBox::warning(dialogParent_, tr("Save Session"), wrappable(error));
    return error.isEmpty();
}

SessionActions::Work SessionActions::work() const {
    Work w{p_.state->selection()->indices(), p_.bookmarks->bookmarks(), {}, {}, p_.state->annotations()};
    if (const auto morph = p_.morph->state()) {
        w.morphA = morph->a;
        w.morphB = morph->b;
    }
    return w;
}

bool SessionActions::hasUnsavedWork() const {
    const Work now = work();
    return now != savedWork_ && now != Work{};
}

bool SessionActions::confirmClose() {
    if (!hasUnsavedWork()) return true;
    QMessageBox box(QMessageBox::Question, tr("Quit"),
                    tr("Save the session before quitting? Otherwise the selection, bookmarks, morph and clusters are lost."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, dialogParent_);
    box.setObjectName("unsavedWorkQuestion");
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
        case QMessageBox::Save:
            return chooseAndSave();
        case QMessageBox::Discard:
            return true;
        default:
            return false;
    }
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
    if (!p_.map->cameraFitted()) s.view.camera = p_.map->camera();
    s.view.colourBy = p_.colourBy->column().toStdString();
    s.view.windowLayout = window_.saveLayout();
    s.annotations = p_.state->annotations();
    if (p_.comparison->isOpen()) {
        s.comparedModel = p_.comparison->source().toStdString();
        s.comparedStep = p_.comparison->step();
    }
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
    savedWork_ = work();
    if (recent_) recent_->add(path);
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
    if (recent_) recent_->add(path);
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
    if (!s.view.windowLayout.empty()) window_.restoreLayout(s.view.windowLayout);
    // Before the colour column: it may be one of them.
    if (const QString error = p_.state->setAnnotations(s.annotations); !error.isEmpty()) {
        Q_EMIT statusMessage(tr("The session's clusters were not restored: %1").arg(error));
    }
    if (!s.view.colourBy.empty()) p_.colourBy->setColumn(QString::fromStdString(s.view.colourBy));
    pendingCamera_ = s.view.camera;
    pendingCameraFor_ = latent::normalized(s.projection);
    window_.showProjection(s.projection);
    placePendingCamera();  // when the projection was shown already
    p_.state->selection()->replace(s.selection);  // indices out of range are dropped
    if (s.morph && (s.morph->a.size() == workspace.latents.dim)) {
        auto label = [&](const std::optional<std::size_t>& i, const QString& fallback) {
            return i && *i < workspace.dataset.count ? p_.current->labelFor(*i) : fallback;
        };
        p_.morph->restore(*s.morph, label(s.morph->aIndex, tr("A from the session")),
                        label(s.morph->bIndex, tr("B from the session")));
    }
    p_.bookmarks->setBookmarks(s.bookmarks);
    if (!s.comparedModel.empty()) {
        p_.comparison->open(QString::fromStdString(s.comparedModel.string()), QString::fromStdString(s.view.colourBy),
                            s.comparedStep);
    } else if (p_.comparison->isOpen()) {
        p_.comparison->close();
    }
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
    savedWork_ = work();
    Q_EMIT statusMessage(tr("Session restored."));
    Q_EMIT restored();
}

void SessionActions::placePendingCamera() {
    const auto shown = p_.state->projection();
    if (!pendingCamera_ || !shown || latent::normalized(shown->params) != pendingCameraFor_) return;
    p_.map->setCamera(*pendingCamera_);
    pendingCamera_.reset();
}

}  // namespace latent::ui
