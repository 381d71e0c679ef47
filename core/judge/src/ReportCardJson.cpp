#include <nlohmann/json.hpp>

#include <cmath>

#include "PngDataUri.h"
#include "latent/core/ReportCard.h"

namespace latent {
namespace {

const char* kindName(CardPlot::Kind kind) {
    switch (kind) {
        case CardPlot::Kind::Bars: return "bars";
        case CardPlot::Kind::HeatMap: return "heat_map";
        case CardPlot::Kind::Strip: return "strip";
    }
    return "bars";
}

// JSON has no NaN: a number that could not be measured is null.
nlohmann::json valueOf(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json plotJson(const CardPlot& plot) {
    nlohmann::json j{{"kind", kindName(plot.kind)}, {"title", plot.title}};
    if (!plot.columns.empty()) j["columns"] = plot.columns;
    if (!plot.rows.empty()) j["rows"] = plot.rows;
    if (!plot.values.empty()) {
        j["values"] = nlohmann::json::array();
        for (double v : plot.values) j["values"].push_back(valueOf(v));
    }
    if (plot.marker != 0.0) j["marker"] = plot.marker;
    if (!plot.images.empty()) {
        j["images"] = nlohmann::json::array();
        for (const Image& image : plot.images) j["images"].push_back(detail::pngDataUri(image, 1));
    }
    return j;
}

}  // namespace

std::string reportCardJson(const ReportCard& card) {
    nlohmann::json j{{"model", card.model}, {"data", card.data}, {"items", card.items},
                     {"seed", card.seed}, {"seconds", card.seconds}, {"sections", nlohmann::json::array()}};
    for (const CardSection& s : card.sections) {
        nlohmann::json section{{"id", s.id}, {"title", s.title}, {"meaning", s.meaning}};
        if (!s.unavailable.empty()) section["unavailable"] = s.unavailable;
        section["numbers"] = nlohmann::json::array();
        for (const CardNumber& n : s.numbers) {
            section["numbers"].push_back(
                {{"id", n.id}, {"label", n.label}, {"value", valueOf(n.value)}, {"unit", n.unit}, {"sample", n.sample}});
        }
        section["plots"] = nlohmann::json::array();
        for (const CardPlot& p : s.plots) section["plots"].push_back(plotJson(p));
        j["sections"].push_back(std::move(section));
    }
    return j.dump(2) + "\n";
}

}  // namespace latent
