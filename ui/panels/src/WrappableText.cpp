#include "latent/ui/WrappableText.h"

#include <QLabel>

namespace latent::ui {
namespace {

constexpr QChar kZeroWidthSpace(0x200B);
constexpr int kLongWord = 24;  // shorter words wrap well enough at spaces

bool isSeparator(QChar c) { return c == '/' || c == '\\' || c == '_' || c == '-' || c == '.' || c == ','; }

}  // namespace

QString wrappable(const QString& text) {
    QString out;
    out.reserve(text.size() + text.size() / 8);
    int wordLength = 0;
    for (const QChar c : text) {
        out += c;
        wordLength = c.isSpace() ? 0 : wordLength + 1;
        // At a separator once a word is long; anywhere once it is very long.
        if ((wordLength >= kLongWord && isSeparator(c)) || wordLength >= 2 * kLongWord) {
            out += kZeroWidthSpace;
            wordLength = 0;
        }
    }
    return out;
}

void makeDockNote(QLabel* label) {
    label->setWordWrap(true);
    QSizePolicy wraps(QSizePolicy::Ignored, QSizePolicy::Preferred);  // never widens the window
    wraps.setHeightForWidth(true);                                      // nor makes it taller
    label->setSizePolicy(wraps);
    label->setForegroundRole(QPalette::PlaceholderText);
}

}  // namespace latent::ui
