#pragma once

#include <QString>
#include <QWidget>

namespace latent::ui {

// One line of text that never widens its window: what does not fit ends in "…", and the
// whole text is the tooltip. (A QLabel asks for its whole text's width, so a long map title
// or status message grew the main window past the screen.)
class ElidedLabel : public QWidget {
    Q_OBJECT
public:
    explicit ElidedLabel(const QString& text = {}, QWidget* parent = nullptr);

    QString text() const { return text_; }
    void setText(const QString& text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void textChanged(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString text_;
};

}  // namespace latent::ui
