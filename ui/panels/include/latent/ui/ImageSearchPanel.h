#pragma once

#include <QImage>
#include <QString>
#include <QWidget>
#include <vector>

class QGridLayout;
class QLabel;
class QPushButton;

namespace latent::ui {

// What the Find image dock shows of one searched image: the image as the model saw it,
// and its nearest items with their images and latent distances.
struct FoundImageView {
    QString file;
    QImage fitted;
    struct Item {
        std::size_t index = 0;
        QString label;
        float distance = 0.0f;
        QImage image;
    };
    std::vector<Item> nearest;
};

// The Find image dock: Find Image… (or images dropped on the window) encodes image files,
// marks them on the map with numbered squares, and lists each one's nearest items; a click
// on an item makes it the current point.
class ImageSearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit ImageSearchPanel(QWidget* parent = nullptr);

    void setAvailable(bool available, const QString& why = {});
    void showRunning(const QString& message);
    void showFound(const std::vector<FoundImageView>& found, const QString& note);
    void showStopped(const QString& message);
    QString status() const;
    std::size_t rows() const { return rows_; }

Q_SIGNALS:
    void findRequested();
    void clearRequested();
    void itemActivated(qsizetype index);

private:
    void clearRows();

    QPushButton* find_;
    QPushButton* clear_;
    QLabel* status_;
    QGridLayout* rowsLayout_;
    std::size_t rows_ = 0;
    bool available_ = false;
};

}  // namespace latent::ui
