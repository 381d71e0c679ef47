#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QDialog;
class QPlainTextEdit;
class QWidget;

namespace latent::ui {

// Every message the status bar showed, with its time. The status bar keeps to one line
// (the whole message in its tooltip); View > Message Log shows them all, newest last,
// and follows new ones while it is open.
class MessageLog : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 1000;  // the oldest go first

    explicit MessageLog(QWidget* dialogParent);

    void add(const QString& message);
    // "21:26:14  Session saved to …", oldest first.
    const QStringList& entries() const { return entries_; }
    // Opens the log's window (or raises it when open).
    void show();
    QDialog* window() const { return dialog_; }

private:
    QWidget* dialogParent_;
    QStringList entries_;
    QPointer<QDialog> dialog_;
    QPlainTextEdit* text_ = nullptr;
};

}  // namespace latent::ui
