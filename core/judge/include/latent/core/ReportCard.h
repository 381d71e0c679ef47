#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/Image.h"

namespace latent {

// One measured number of the report card, with what it was measured on.
struct CardNumber {
    std::string id;       // for files: "separability.linear_latents"
    std::string label;    // for people: "linear classifier on the latents"
    double value = 0.0;   // NaN when it could not be measured
    std::string unit;     // "accuracy", "nats", "dimensions", ...
    std::string sample;   // "2,000 items, 5 folds, seed 1": every number says its sample
};

// A small plot beside a section's numbers.
struct CardPlot {
    enum class Kind { Bars, HeatMap, Strip };
    Kind kind = Kind::Bars;
    std::string title;
    std::vector<std::string> columns;  // bars: one label per bar; heat map: its columns
    std::vector<std::string> rows;     // heat map: its rows
    std::vector<double> values;        // bars: one per column; heat map: rows x columns
    double marker = 0.0;               // bars: a threshold line (0: none)
    double scaleMax = 0.0;             // bars: the top of the scale (0: the largest value)
    std::vector<Image> images;         // strip: the images, left to right
};

CardPlot barsPlot(std::string title, std::vector<std::string> columns, std::vector<double> values,
                  double marker = 0.0, double scaleMax = 0.0);
CardPlot heatMapPlot(std::string title, std::vector<std::string> columns);  // rows added one by one
CardPlot stripPlot(std::string title, std::vector<Image> images);

// One of the five properties.
struct CardSection {
    std::string id;       // "continuity"
    std::string title;    // "Continuity"
    std::string meaning;  // one line: what the property says about the latent space
    std::vector<CardNumber> numbers;
    std::vector<CardPlot> plots;
    std::string unavailable;  // why the section was not measured ("" when it was)
};

struct ReportCard {
    std::string model;  // file name
    std::string data;   // file or folder name, and split
    std::size_t items = 0;
    std::uint64_t seed = 0;
    double seconds = 0.0;  // time taken to measure it
    std::vector<CardSection> sections;

    const CardSection* section(const std::string& id) const;
    const CardNumber* number(const std::string& id) const;  // "section.number"
};

// The card as JSON (numbers, samples, plots' data; strip images as PNG data URIs).
std::string reportCardJson(const ReportCard& card);
// The card as plain text for a terminal: one line per number.
std::string reportCardText(const ReportCard& card);
// The card as one self-contained HTML page (inline CSS, SVG plots, PNG data URIs): no
// file beside it is needed to show it.
std::string reportCardHtml(const ReportCard& card);
// Writes .json or .html by the path's extension, atomically. Throws Error(InvalidArgument)
// for another extension, Error(Io) when it cannot be written.
void writeReportCard(const std::filesystem::path& path, const ReportCard& card);

// A number for people: 3 significant digits, thousands grouped ("12,345", "0.912").
std::string formatCardValue(double value);

}  // namespace latent
