#pragma once

#include <QImage>
#include <QWidget>

#include "latent/core/ReportCard.h"

class QVBoxLayout;

namespace latent::ui {

// A report card laid out as a page: what was measured on what, then each property with
// its meaning, its numbers (each with its sample) and its plots, or why it was not
// measured. Text wraps to the width it is given.
class ReportCardView : public QWidget {
    Q_OBJECT
public:
    explicit ReportCardView(QWidget* parent = nullptr);

    void setCard(const latent::ReportCard& card);
    void clear();
    // The texts shown, top to bottom (for tests and accessibility checks).
    QStringList texts() const;

private:
    QVBoxLayout* column_;
};

// The card drawn as one image `width` logical pixels wide, as tall as it needs, on a white
// page: the PNG a user pastes into a paper or a lab notebook.
QImage renderReportCard(const latent::ReportCard& card, int width);

}  // namespace latent::ui
