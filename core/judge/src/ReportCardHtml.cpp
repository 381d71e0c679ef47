#include <algorithm>
#include <cmath>
#include <sstream>

#include "PngDataUri.h"
#include "latent/core/ReportCard.h"

namespace latent {
namespace {

std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 24px auto; max-width: 980px; color: #1d232b; }
h1 { font-size: 22px; margin-bottom: 2px; }
.context { color: #5b6673; margin-bottom: 18px; }
section { border: 1px solid #d5dae0; border-radius: 6px; padding: 12px 16px; margin-bottom: 14px; }
h2 { font-size: 17px; margin: 0 0 2px 0; }
.meaning { color: #5b6673; margin: 0 0 8px 0; }
table { border-collapse: collapse; margin-bottom: 8px; }
td { padding: 2px 14px 2px 0; vertical-align: top; }
td.value { font-weight: bold; text-align: right; white-space: nowrap; }
td.sample { color: #7a8591; font-size: 12px; }
.plots { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
figure { margin: 0; }
figcaption { font-size: 12px; color: #5b6673; }
.unavailable { color: #8a5a00; }
svg text { font-size: 10px; fill: #3a4550; }
img.strip { image-rendering: pixelated; }
)";

void bars(std::ostream& out, const CardPlot& plot) {
    std::size_t longest = 0;
    for (const std::string& label : plot.columns) longest = std::max(longest, label.size());
    const double width = std::max(20.0, 6.5 * static_cast<double>(longest) + 8.0), height = 90.0, left = 44.0;
    const bool valueLabels = plot.values.size() <= 6;
    double top = std::max(plot.scaleMax, plot.marker);
    for (double v : plot.values) {
        if (std::isfinite(v)) top = std::max(top, v);
    }
    if (top <= 0.0) top = 1.0;
    const double upper = valueLabels ? 16.0 : 4.0;  // room for the values above the bars
    const double total = left + width * static_cast<double>(plot.values.size()) + 4.0;
    out << "<svg width=\"" << total << "\" height=\"" << upper + height + 20 << "\" role=\"img\">";
    out << "<text x=\"" << left - 6 << "\" y=\"" << upper + 4 << "\" text-anchor=\"end\">" << formatCardValue(top)
        << "</text><text x=\"" << left - 6 << "\" y=\"" << upper + height << "\" text-anchor=\"end\">0</text>";
    out << "<line x1=\"" << left << "\" x2=\"" << total << "\" y1=\"" << upper + height << "\" y2=\"" << upper + height
        << "\" stroke=\"#9aa4ae\"/>";
    for (std::size_t i = 0; i < plot.values.size(); ++i) {
        const double v = std::isfinite(plot.values[i]) ? std::max(plot.values[i], 0.0) : 0.0;
        const double h = v / top * height, x = left + width * static_cast<double>(i);
        out << "<rect x=\"" << x + 3 << "\" y=\"" << upper + height - h << "\" width=\"" << width - 6 << "\" height=\""
            << h << "\" fill=\"#4f7cac\"><title>" << escaped(i < plot.columns.size() ? plot.columns[i] : "") << ": "
            << formatCardValue(plot.values[i]) << "</title></rect>";
        if (valueLabels) {
            out << "<text x=\"" << x + width / 2 << "\" y=\"" << upper + height - h - 3 << "\" text-anchor=\"middle\">"
                << formatCardValue(plot.values[i]) << "</text>";
        }
        if (i < plot.columns.size()) {
            out << "<text x=\"" << x + width / 2 << "\" y=\"" << upper + height + 14 << "\" text-anchor=\"middle\">"
                << escaped(plot.columns[i]) << "</text>";
        }
    }
    if (plot.marker > 0.0) {
        const double y = upper + height - plot.marker / top * height;
        out << "<line x1=\"" << left << "\" x2=\"" << total << "\" y1=\"" << y << "\" y2=\"" << y
            << "\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>";
    }
    out << "</svg>";
}

void heatMap(std::ostream& out, const CardPlot& plot) {
    const double cell = 22.0, left = 110.0, top = 4.0;
    double largest = 0.0;
    for (double v : plot.values) {
        if (std::isfinite(v)) largest = std::max(largest, v);
    }
    if (largest <= 0.0) largest = 1.0;
    const std::size_t columns = plot.columns.size(), rows = plot.rows.size();
    out << "<svg width=\"" << left + cell * static_cast<double>(columns) + 4 << "\" height=\""
        << top + cell * static_cast<double>(rows) + 20 << "\" role=\"img\">";
    for (std::size_t r = 0; r < rows; ++r) {
        const double y = top + cell * static_cast<double>(r);
        out << "<text x=\"" << left - 4 << "\" y=\"" << y + 12 << "\" text-anchor=\"end\">" << escaped(plot.rows[r])
            << "</text>";
        for (std::size_t c = 0; c < columns && r * columns + c < plot.values.size(); ++c) {
            const double v = plot.values[r * columns + c];
            const double share = std::isfinite(v) ? std::clamp(v / largest, 0.0, 1.0) : 0.0;
            const int shade = static_cast<int>(std::lround(255.0 * (1.0 - share)));
            out << "<rect x=\"" << left + cell * static_cast<double>(c) << "\" y=\"" << y << "\" width=\"" << cell - 1
                << "\" height=\"" << cell - 1 << "\" fill=\"rgb(" << shade << "," << (shade + 255) / 2 << ",255)\"><title>"
                << escaped(plot.rows[r]) << ", " << escaped(plot.columns[c]) << ": " << formatCardValue(v)
                << "</title></rect>";
        }
    }
    for (std::size_t c = 0; c < columns; ++c) {
        out << "<text x=\"" << left + cell * static_cast<double>(c) + cell / 2 << "\" y=\""
            << top + cell * static_cast<double>(rows) + 12 << "\" text-anchor=\"middle\">" << escaped(plot.columns[c])
            << "</text>";
    }
    out << "</svg>";
}

void plotHtml(std::ostream& out, const CardPlot& plot) {
    out << "<figure>";
    switch (plot.kind) {
        case CardPlot::Kind::Bars: bars(out, plot); break;
        case CardPlot::Kind::HeatMap: heatMap(out, plot); break;
        case CardPlot::Kind::Strip:
            if (!plot.images.empty()) {
                const int scale = plot.images.front().shape.width >= 64 ? 1 : 2;
                out << "<img class=\"strip\" alt=\"" << escaped(plot.title) << "\" src=\""
                    << detail::stripDataUri(plot.images, scale) << "\">";
            }
            break;
    }
    out << "<figcaption>" << escaped(plot.title) << "</figcaption></figure>";
}

}  // namespace

std::string reportCardHtml(const ReportCard& card) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Latent report card: "
        << escaped(card.model) << "</title><style>" << kStyle << "</style></head><body>\n";
    out << "<h1>Latent report card</h1><div class=\"context\">" << escaped(card.model) << " on " << escaped(card.data)
        << " &middot; " << formatCardValue(static_cast<double>(card.items)) << " items &middot; seed " << card.seed
        << " &middot; measured in " << formatCardValue(card.seconds) << " s by Latent Explorer</div>\n";
    for (const CardSection& s : card.sections) {
        out << "<section id=\"" << escaped(s.id) << "\"><h2>" << escaped(s.title) << "</h2><p class=\"meaning\">"
            << escaped(s.meaning) << "</p>";
        if (!s.unavailable.empty()) {
            out << "<p class=\"unavailable\">Not measured: " << escaped(s.unavailable) << "</p></section>\n";
            continue;
        }
        out << "<table>";
        for (const CardNumber& n : s.numbers) {
            out << "<tr><td>" << escaped(n.label) << "</td><td class=\"value\">" << formatCardValue(n.value) << " "
                << escaped(n.unit) << "</td><td class=\"sample\">" << escaped(n.sample) << "</td></tr>";
        }
        out << "</table><div class=\"plots\">";
        for (const CardPlot& p : s.plots) plotHtml(out, p);
        out << "</div></section>\n";
    }
    out << "</body></html>\n";
    return out.str();
}

}  // namespace latent
