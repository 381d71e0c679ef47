#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace latent::ui {

// Tags the selection: a tag name (typed, or one already used) and Tag / Untag.
class TagBar : public QWidget {
    Q_OBJECT
public:
    explicit TagBar(QWidget* parent = nullptr);

    // The tags in use, offered in the name box (what is typed stays).
    void setTags(const QStringList& tags);
    // Tag and Untag act on the selection: off while nothing is selected.
    void setSelectionSize(std::size_t selected);
    QString tagName() const;
    void setTagName(const QString& name);

Q_SIGNALS:
    void tagRequested(const QString& name);
    void untagRequested(const QString& name);

private:
    void updateButtons();

    QComboBox* name_;
    QPushButton* tag_;
    QPushButton* untag_;
    std::size_t selected_ = 0;
};

}  // namespace latent::ui
