#include "latent/core/ReportCard.h"

#include <cmath>
#include <cstdio>

#include "latent/core/AtomicFile.h"
#include "latent/core/Error.h"

namespace latent {

CardPlot barsPlot(std::string title, std::vector<std::string> columns, std::vector<double> values, double marker,
                  double scaleMax) {
    CardPlot plot;
    plot.title = std::move(title);
    plot.columns = std::move(columns);
    plot.values = std::move(values);
    plot.marker = marker;
    plot.scaleMax = scaleMax;
    return plot;
}

CardPlot heatMapPlot(std::string title, std::vector<std::string> columns) {
    CardPlot plot;
    plot.kind = CardPlot::Kind::HeatMap;
    plot.title = std::move(title);
    plot.columns = std::move(columns);
    return plot;
}

CardPlot stripPlot(std::string title, std::vector<Image> images) {
    CardPlot plot;
    plot.kind = CardPlot::Kind::Strip;
    plot.title = std::move(title);
    plot.images = std::move(images);
    return plot;
}

const CardSection* ReportCard::section(const std::string& id) const {
    for (const CardSection& s : sections) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

const CardNumber* ReportCard::number(const std::string& id) const {
    for (const CardSection& s : sections) {
        for (const CardNumber& n : s.numbers) {
            if (n.id == id) return &n;
        }
    }
    return nullptr;
}

std::string formatCardValue(double value) {
    if (!std::isfinite(value)) return "n/a";
    if (std::abs(value) >= 1000.0 || (value == std::round(value) && std::abs(value) < 1e15)) {
        const auto whole = static_cast<long long>(std::llround(value));
        std::string digits = std::to_string(whole < 0 ? -whole : whole);
        for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
        return (whole < 0 ? "-" : "") + digits;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

void writeReportCard(const std::filesystem::path& path, const ReportCard& card) {
    const std::string extension = path.extension().string();
    if (extension == ".json") {
        writeFileAtomically(path, reportCardJson(card));
    } else if (extension == ".html" || extension == ".htm") {
        writeFileAtomically(path, reportCardHtml(card));
    } else {
        throw Error(ErrorKind::InvalidArgument,
                    "a report card is written as .json or .html, not '" + extension + "' (PNG: from the window)");
    }
}

}  // namespace latent
