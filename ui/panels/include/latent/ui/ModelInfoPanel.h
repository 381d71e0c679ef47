#pragma once

#include <QLabel>
#include <QMap>
#include <QString>
#include <QWidget>
#include <string>
#include <vector>

#include "latent/core/Model.h"
#include "latent/core/Workspace.h"

class QFormLayout;

namespace latent::ui {

class ModelSettingsPanel;

// What the loaded model is: name, warnings, latent size, image shape, value range (and
// whether it was assumed), encoder, where the metadata came from (embedded / manifest /
// probed), load time, parameter count, and how the dataset was fitted to it; its
// settings below (ModelSettingsPanel).
class ModelInfoPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelInfoPanel(QWidget* parent = nullptr);

    void setModel(const latent::ModelInfo& info, const QString& datasetNote);
    // No model: only the reason stays on show.
    void setNoModel(const QString& why);
    // The text shown for a row ("Latent size", "Metadata", ...); empty when absent.
    QString field(const QString& label) const;
    ModelSettingsPanel* settings() const { return settings_; }
    // What the map shows of the dataset: "" when used as is, how it was resized, or for a
    // generator-only model the prior sample and the dataset images shown beside it.
    static QString datasetNote(const latent::Workspace& workspace);

private:
    // A new row goes at `row` (-1: last).
    void setRow(const QString& label, const QString& value, int row = -1);
    void removeRow(const QString& label);
    // The model's warnings in a row of their own, coloured to be seen; none: no row.
    void setWarnings(const std::vector<std::string>& warnings);

    QFormLayout* form_;
    QMap<QString, QLabel*> values_;
    ModelSettingsPanel* settings_;
};

}  // namespace latent::ui
