#include "latent/ui/TagsController.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

#include "latent/core/Annotations.h"
#include "latent/ui/AnnotationHistory.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/TagBar.h"
#include "latent/ui/WrappableText.h"

namespace latent::ui {

TagsController::TagsController(ExplorerState* state, AnnotationHistory* history, TagBar* bar, QWidget* dialogParent)
    : QObject(dialogParent), state_(state), history_(history), bar_(bar), dialogParent_(dialogParent) {
    connect(state_, &ExplorerState::annotationsChanged, this, &TagsController::offerTags);
    connect(state_, &ExplorerState::workspaceChanged, this, &TagsController::offerTags);
    connect(state_->selection(), &SelectionModel::changed, this,
            [this] { bar_->setSelectionSize(state_->selection()->count()); });
    auto report = [this](const QString& error) {
        if (!error.isEmpty()) Q_EMIT statusMessage(tr("Not tagged: %1").arg(error));
    };
    connect(bar_, &TagBar::tagRequested, this, [this, report](const QString& name) { report(tagSelection(name)); });
    connect(bar_, &TagBar::untagRequested, this, [this, report](const QString& name) { report(untagSelection(name)); });
}

void TagsController::offerTags() {
    QStringList names;
    for (const auto& [name, items] : state_->annotations().tags) names << QString::fromStdString(name);
    bar_->setTags(names);
}

QString TagsController::tagSelection(const QString& name) { return edit(name, true); }
QString TagsController::untagSelection(const QString& name) { return edit(name, false); }

QString TagsController::edit(const QString& name, bool add) {
    const auto items = state_->selection()->indices();
    if (items.empty()) return tr("select the items to tag first");
    latent::Annotations after = state_->annotations();
    QString clean;
    try {
        clean = QString::fromStdString(latent::cleanTagName(name.toStdString()));
        (add ? latent::addTag : latent::removeTag)(after, clean.toStdString(), items);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    // Only the items whose tags change count; an edit that changes none is no step to undo.
    const auto taggedWith = [&](const latent::Annotations& a) {
        const auto it = a.tags.find(clean.toStdString());
        return it == a.tags.end() ? std::size_t{0} : it->second.size();
    };
    const std::size_t before = taggedWith(state_->annotations()), now = taggedWith(after);
    const std::size_t changed = add ? now - before : before - now;
    if (changed == 0) {
        Q_EMIT statusMessage(add ? tr("The selected items already carry '%1'.").arg(clean)
                                 : tr("None of the selected items carries '%1'.").arg(clean));
        return {};
    }
    const QString count = changed == 1 ? tr("1 item") : tr("%1 items").arg(changed);
    const QString what = (add ? tr("Tag %1 '%2'") : tr("Untag %1 '%2'")).arg(count, clean);
    if (QString error = history_->apply(std::move(after), what); !error.isEmpty()) return error;
    Q_EMIT statusMessage(what + tr(" (Ctrl+Z undoes it)."));
    return {};
}

QString TagsController::exportTo(const QString& path) {
    if (state_->annotations().tags.empty()) return tr("no item has a tag yet");
    try {
        latent::writeTags(path.toStdString(), state_->annotations().tags);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    Q_EMIT statusMessage(tr("Exported the tags to %1.").arg(path));
    return {};
}

QString TagsController::importFrom(const QString& path) {
    const auto& ws = state_->workspace();
    if (!ws) return tr("open data first");
    latent::Annotations after = state_->annotations();
    std::size_t tagged = 0;
    try {
        for (const auto& [name, items] : latent::readTags(path.toStdString(), ws->latents.count)) {
            latent::addTag(after, name, items);
            tagged += items.size();
        }
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    const QString what = tr("Import %1 tags from %2").arg(tagged).arg(QFileInfo(path).fileName());
    if (QString error = history_->apply(std::move(after), what); !error.isEmpty()) return error;
    Q_EMIT statusMessage(what + tr(" (Ctrl+Z undoes it)."));
    return {};
}

void TagsController::chooseExport() {
    const QString path = QFileDialog::getSaveFileName(dialogParent_, tr("Export Tags"), tr("tags.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    if (const QString error = exportTo(path); !error.isEmpty()) {
        QMessageBox::warning(dialogParent_, tr("Export Tags"), wrappable(error));
    }
}

void TagsController::chooseImport() {
    const QString path = QFileDialog::getOpenFileName(dialogParent_, tr("Import Tags"), {}, tr("Tag files (*.csv)"));
    if (path.isEmpty()) return;
    if (const QString error = importFrom(path); !error.isEmpty()) {
        QMessageBox::warning(dialogParent_, tr("Import Tags"), wrappable(error));
    }
}

}  // namespace latent::ui
