#pragma once

#include <QString>

class QLabel;

namespace latent::ui {

// `text` with invisible break opportunities after the separators of long words (paths,
// file names), so a word-wrapped label or message box can wrap a long path instead of
// asking for its whole width: an unbreakable path in an error message widened the main
// window to 2,206 px on a 1,600 px screen.
QString wrappable(const QString& text);

// Makes `label` a note of a dock: wrapped to the dock's width, never widening the window
// nor making it taller, in the muted colour of secondary text.
void makeDockNote(QLabel* label);

}  // namespace latent::ui
