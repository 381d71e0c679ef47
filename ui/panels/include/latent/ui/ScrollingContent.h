#pragma once

class QWidget;

namespace latent::ui {

// Fills `owner` with `content` in a frameless area that scrolls vertically only. Docks that
// share a column use it so that their content, however long, never makes the window taller
// or wider than it is.
void fillWithScrollingContent(QWidget* owner, QWidget* content);

}  // namespace latent::ui
