#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "latent/core/MetadataTable.h"

namespace latent {

// The rows whose cell contains `query` (case-insensitive, ASCII); none for an empty query.
std::vector<std::size_t> matchingRows(const MetadataColumn& column, std::string_view query);

// The smallest and largest number of a numeric column and the first rows holding them.
struct NumericRange {
    double min = 0.0;
    double max = 0.0;
    std::size_t minRow = 0;
    std::size_t maxRow = 0;
    bool valid = false;  // false when the column has no number
};
NumericRange numericRange(const MetadataColumn& column);

// Where `value` lies in the range, clamped to [0, 1] (0.5 for a range of one value).
double normalizedIn(const NumericRange& range, double value);

// Whether a column reads best as a continuous scale: numeric with more than `maxCategories`
// distinct values, or with any non-integer value.
bool looksContinuous(const MetadataColumn& column, std::size_t maxCategories = 12);

}  // namespace latent
