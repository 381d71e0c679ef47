#pragma once

#include <QWidget>
#include <memory>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/Model.h"
#include "latent/core/Session.h"

class QLineEdit;
class QListWidget;

namespace latent::ui {

class BatchDecoder;
class Inference;

// Named latents to come back to, each with a thumbnail of its decoded image. Clicking one
// goes there; double-click (or Rename) renames it; a session saves and restores them.
class BookmarksPanel : public QWidget {
    Q_OBJECT
public:
    BookmarksPanel(Inference* inference, QWidget* parent);

    // The model the inference engine decodes the thumbnails with (bookmarks are kept when it
    // changes).
    void setModel(std::shared_ptr<const latent::Model> model);
    void add(const latent::Bookmark& bookmark);
    void setBookmarks(const std::vector<latent::Bookmark>& bookmarks);
    const std::vector<latent::Bookmark>& bookmarks() const { return bookmarks_; }
    void rename(int row, const QString& name);
    void remove(int row);

    QListWidget* list() const { return list_; }
    QLineEdit* nameEdit() const { return name_; }

Q_SIGNALS:
    // Add pressed: the name typed ("" for none); the owner adds the current point.
    void addRequested(const QString& name);
    void activated(const latent::Bookmark& bookmark);
    // A batch of thumbnails was decoded and shown.
    void thumbnailsShown();
    // A bookmark was added, renamed or removed, or all were replaced.
    void changed();

private:
    void rebuildList();
    void requestThumbnails();
    void showThumbnails(const std::vector<latent::Image>& images);

    std::vector<latent::Bookmark> bookmarks_;
    std::shared_ptr<const latent::Model> model_;
    QLineEdit* name_;
    QListWidget* list_;
    BatchDecoder* thumbnails_;
};

}  // namespace latent::ui
