#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <filesystem>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/ImageSearch.h"
#include "latent/ui/LatestJob.h"

class QWidget;

namespace latent::ui {

class CurrentPointController;
class ExplorerState;
class ImageSearchPanel;
class Inference;
class ScatterMap;

// Search by image: image files are fitted to the model's input as a data folder's images
// are, encoded on the inference engine, placed on the map on show (and again on every new
// map), marked there with numbered squares, and listed with their nearest items. The first
// becomes the current point. All in the background; a new search replaces the last.
class ImageSearchController : public QObject {
    Q_OBJECT
public:
    struct Parts {
        ExplorerState* state = nullptr;
        ImageSearchPanel* panel = nullptr;
        ScatterMap* map = nullptr;
        Inference* inference = nullptr;
        CurrentPointController* current = nullptr;
    };
    static constexpr std::size_t kNearest = 5;

    ImageSearchController(Parts parts, QWidget* dialogParent);

    // Whether the workspace can place images (a model with an encoder).
    bool canSearch() const;
    void find(const QStringList& files);
    void chooseAndFind();  // File > Find Image…
    void clear();
    const std::vector<latent::FoundImage>& found() const { return found_; }

Q_SIGNALS:
    void statusMessage(const QString& text);
    void searched();  // found() holds a new search's images, placed on the map on show

private:
    struct Result {
        std::vector<latent::FoundImage> found;
        std::shared_ptr<const latent::Dataset> fitted;
    };
    void run(std::vector<std::filesystem::path> files, std::shared_ptr<const latent::Dataset> fitted,
             std::shared_ptr<const latent::LatentBatch> latents);
    void show(Result result);
    void onWorkspaceChanged();

    Parts p_;
    QWidget* dialogParent_;
    LatestJob<Result> job_;
    std::vector<latent::FoundImage> found_;
    std::shared_ptr<const latent::Dataset> fitted_;  // the found images as the model saw them
};

}  // namespace latent::ui
