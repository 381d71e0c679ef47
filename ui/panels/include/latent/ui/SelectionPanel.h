#pragma once

#include <QImage>
#include <QStringList>
#include <QWidget>
#include <cstddef>
#include <functional>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QTimer;

namespace latent::ui {

class TagBar;

// The selected points as a list: how many, a grid of their images (click one to make it
// the current point), buttons to clear, invert, pick a whole class or export, and a tag bar.
// Big selections show only the first kMaxThumbnails images, added a few per event-loop
// turn so that selecting 10,000 points never stalls the window.
class SelectionPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxThumbnails = 200;

    explicit SelectionPanel(QWidget* parent = nullptr);

    // The image of point `index` (a null QImage: none to show).
    using ImageSource = std::function<QImage(std::size_t)>;
    void setImageSource(ImageSource source) { imageOf_ = std::move(source); }
    void setClasses(const QStringList& names);
    void setSelection(const std::vector<std::size_t>& indices, std::size_t pointCount);

    std::size_t thumbnailCount() const { return shown_; }
    TagBar* tagBar() const { return tagBar_; }
    QString summary() const;

Q_SIGNALS:
    void itemActivated(qsizetype index);
    void clearRequested();
    void invertRequested();
    void classRequested(int label);
    void exportRequested();

private:
    void addSomeThumbnails();
    void clearGrid();

    ImageSource imageOf_;
    QLabel* summary_;
    QComboBox* classes_;
    QPushButton* selectClass_;
    QPushButton* clear_;
    QPushButton* invert_;
    QPushButton* export_;
    TagBar* tagBar_;
    QGridLayout* grid_;
    QTimer* filler_;
    std::vector<std::size_t> pending_;  // selected indices still without a thumbnail
    std::size_t shown_ = 0;
};

}  // namespace latent::ui
