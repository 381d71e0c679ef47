#pragma once

#include <QLabel>
#include <QMap>
#include <QString>
#include <QWidget>

#include "latent/core/Model.h"

class QFormLayout;

namespace latent::ui {

// What the loaded model is: name, latent size, image shape, encoder, where the metadata
// came from (embedded / manifest / probed), load time, parameter count, and how the
// dataset was fitted to it.
class ModelInfoPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelInfoPanel(QWidget* parent = nullptr);

    void setModel(const latent::ModelInfo& info, const QString& datasetNote);
    // No model: only the reason stays on show.
    void setNoModel(const QString& why);
    // The text shown for a row ("Latent size", "Metadata", ...); empty when absent.
    QString field(const QString& label) const;

private:
    void setRow(const QString& label, const QString& value);

    QFormLayout* form_;
    QMap<QString, QLabel*> values_;
};

}  // namespace latent::ui
