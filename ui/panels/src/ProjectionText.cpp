#include "latent/ui/ProjectionText.h"

#include <QCoreApplication>
#include <QStringList>
#include <numeric>

namespace latent::ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("latent::ui::ProjectionText", text); }

}  // namespace

QString groupedCount(std::size_t n) {
    QString digits = QString::number(n);
    for (auto i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QLatin1Char(','));
    return digits;
}

QString mapTitle(const latent::ProjectionResult& result, const latent::Dataset& dataset) {
    QString title = tr("%1 · %2 latents · %3")
                        .arg(QString::fromStdString(latent::describe(result.params)))
                        .arg(groupedCount(result.coords.count))
                        .arg(QString::fromStdString(dataset.name));
    const auto& ratio = result.explainedVarianceRatio;
    if (!ratio.empty()) {
        const double kept = std::accumulate(ratio.begin(), ratio.end(), 0.0);
        title += tr(" · %1% of the latent variance shown").arg(kept * 100.0, 0, 'f', 0);
    }
    return title;
}

QString runningMapTitle(const latent::ProjectionParams& params, std::size_t count, const latent::Dataset& dataset) {
    return tr("%1 · computing… · %2 latents · %3")
        .arg(QString::fromStdString(latent::describe(params)))
        .arg(groupedCount(count))
        .arg(QString::fromStdString(dataset.name));
}

QString positionText(const latent::ProjectionResult& result, std::span<const float> position) {
    QStringList parts;
    for (std::size_t c = 0; c < position.size(); ++c) {
        QString name;
        if (result.params.method == latent::ProjectionMethod::Pca) {
            name = QString("PC%1").arg(c + 1);
        } else if (result.params.method == latent::ProjectionMethod::LatentAxes && c < result.params.axes.size()) {
            name = QString("z%1").arg(result.params.axes[c]);
        } else {
            name = QString(QLatin1Char("xyz"[c % 3]));
        }
        parts << QString("%1 = %2").arg(name).arg(static_cast<double>(position[c]), 0, 'f', 2);
    }
    return parts.join(", ");
}

QStringList axisTitles(const latent::ProjectionParams& params) {
    QStringList titles;
    if (params.method != latent::ProjectionMethod::LatentAxes) return titles;
    for (int axis : params.axes) titles << QObject::tr("latent dim %1 (z%1)").arg(axis);
    return titles;
}

QString inverseDescription(const latent::ProjectionResult& result) {
    switch (result.params.method) {
        case latent::ProjectionMethod::Pca:
            return tr("exact inverse of the PCA projection; the other principal components at the data mean");
        case latent::ProjectionMethod::LatentAxes:
            return tr("exact: the other latent dimensions at the data mean");
        default:
            return tr("interpolated between the latents of the nearest map points");
    }
}

}  // namespace latent::ui
