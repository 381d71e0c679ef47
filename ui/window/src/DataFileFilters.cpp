#include "DataFileFilters.h"

#include <QObject>
#include <QStringList>

namespace latent::ui {

QString fileDialogFilter(latent::DataRole role) {
    QStringList all;
    QStringList lines;
    for (const auto& format : latent::dataFormats()) {
        if (format.role != role || format.patterns.empty()) continue;
        QStringList patterns;
        for (const auto& pattern : format.patterns) patterns << QString::fromStdString(pattern);
        all << patterns;
        lines << QStringLiteral("%1: %2 (%3)")
                     .arg(QString::fromStdString(format.name), QString::fromStdString(format.holds), patterns.join(' '));
    }
    all.removeDuplicates();
    const QString everything = role == latent::DataRole::Points ? QObject::tr("Data") : QObject::tr("Tables");
    lines.prepend(QStringLiteral("%1 (%2)").arg(everything, all.join(' ')));
    return lines.join(QStringLiteral(";;"));
}

}  // namespace latent::ui
