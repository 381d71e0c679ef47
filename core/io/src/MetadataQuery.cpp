#include "latent/core/MetadataQuery.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace latent {
namespace {

bool sameLetter(char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
}

}  // namespace

std::vector<std::size_t> matchingRows(const MetadataColumn& column, std::string_view query) {
    std::vector<std::size_t> rows;
    if (query.empty()) return rows;
    for (std::size_t r = 0; r < column.cells.size(); ++r) {
        const std::string& cell = column.cells[r];
        if (std::search(cell.begin(), cell.end(), query.begin(), query.end(), sameLetter) !=
            cell.end()) {
            rows.push_back(r);
        }
    }
    return rows;
}

NumericRange numericRange(const MetadataColumn& column) {
    NumericRange range;
    for (std::size_t r = 0; r < column.numbers.size(); ++r) {
        const double v = column.numbers[r];
        if (std::isnan(v)) continue;
        if (!range.valid || v < range.min) {
            range.min = v;
            range.minRow = r;
        }
        if (!range.valid || v > range.max) {
            range.max = v;
            range.maxRow = r;
        }
        range.valid = true;
    }
    return range;
}

double normalizedIn(const NumericRange& range, double value) {
    if (!(range.max > range.min)) return 0.5;
    return std::clamp((value - range.min) / (range.max - range.min), 0.0, 1.0);
}

bool looksContinuous(const MetadataColumn& column, std::size_t maxCategories) {
    if (!column.numeric) return false;
    std::set<double> distinct;
    for (const double v : column.numbers) {
        if (std::isnan(v)) continue;
        if (v != std::floor(v)) return true;
        distinct.insert(v);
        if (distinct.size() > maxCategories) return true;
    }
    return false;
}

}  // namespace latent
