#pragma once

class QWidget;

namespace latent::ui {

// Fills `owner` with `content` in a frameless area that scrolls vertically only. Docks that
// share a column use it so that their content, however long, never makes the window taller
// or wider than it is. The wheel scrolls it, and changes a value control (a combo box, spin
// box or slider) of `content` only once the control has focus.
void fillWithScrollingContent(QWidget* owner, QWidget* content);

}  // namespace latent::ui
