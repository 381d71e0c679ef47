#pragma once

#include <QObject>
#include <QSize>
#include <QString>
#include <functional>
#include <stop_token>

class QMenu;
class QWidget;

namespace latent::ui {

class ExplorerState;
class Inference;
class MorphPanel;
class NeighboursPanel;
class ScatterMap;

// File > Export: each export checks what it needs and refuses with a short message, or
// writes its file in the background (atomically), decoding on the window's inference
// engine when it needs images. finished() reports every outcome.
class ExportActions : public QObject {
    Q_OBJECT
public:
    // What the exports read.
    struct Sources {
        const ExplorerState* state = nullptr;
        Inference* inference = nullptr;
        const NeighboursPanel* neighbours = nullptr;
        const MorphPanel* morph = nullptr;
        ScatterMap* map = nullptr;
    };
    // Dialogs (file names, image size, failures) open over `dialogParent`.
    ExportActions(Sources sources, QWidget* dialogParent);

    void addTo(QMenu* menu);      // the morph exports
    void addDataTo(QMenu* menu);  // coordinates, latents, projector files, grid, map image

    // The exports once a file name is known.
    void writeCoordinates(const QString& path);  // .npy, otherwise CSV
    void writeLatents(const QString& path);
    void writeProjectorFiles(const QString& vectorsPath);  // + projectorMetadataPath()
    // The items' labels, metadata, scores and clusters: "index" then one column each.
    void writeMetadataCsv(const QString& path);
    void writeNeighbourGrid(const QString& path);
    void writeMapImage(const QString& path, QSize size);
    static QString projectorMetadataPath(const QString& vectorsPath);

Q_SIGNALS:
    void statusMessage(const QString& text);
    void finished(const QString& error);  // "" when the file was written

private:
    void morph(bool animated);
    bool canExport(bool needProjection);
    void refuseExport(const QString& why);
    void runExport(const QString& what, std::function<void(std::stop_token)> work);

    Sources s_;
    QWidget* dialogParent_;
};

}  // namespace latent::ui
