#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/NumericArray.h"

namespace latent {

// One column of per-point metadata. A column is numeric when every non-empty cell is a
// finite number (it can colour the map continuously); otherwise it is categorical.
struct MetadataColumn {
    std::string name;
    std::vector<std::string> cells;
    bool numeric = false;
    std::vector<double> numbers;  // numeric columns: one per row, NaN where the cell is empty
    // Categorical values in an order of their own (clusters, largest first), which their
    // colours and legend follow; empty: alphabetical.
    std::vector<std::string> categoryOrder;
};

// A column as categories: one code per row into `names` (sorted: by value for numeric
// columns, in the column's categoryOrder, else alphabetically; values the order lacks come
// after it, alphabetically; empty cells get code -1).
struct Categories {
    std::vector<int> codes;
    std::vector<std::string> names;
};
Categories categoriesOf(const MetadataColumn& column);

// Which first line is a header.
enum class HeaderRule {
    TensorBoard,  // a header only when there is more than one column (projector metadata)
    FirstRow,     // the first line always names the columns (CSV/TSV tables)
};

// Metadata rows joined to points by position: row i describes point i.
struct MetadataTable {
    std::size_t rowCount = 0;
    std::vector<MetadataColumn> columns;

    // Error(InvalidArgument) listing the column names when there is no such column.
    const MetadataColumn& column(const std::string& name) const;
    // Error(BadFormat) unless there is one row per point.
    void checkJoinsWith(std::size_t pointCount, const std::string& where) const;
};

// Parses CSV (',' with quoting) or TSV ('\t') metadata. Ragged rows, empty files and
// duplicate column names are reported with the line. Throws Error(BadFormat).
MetadataTable parseMetadata(std::string_view text, char delimiter, HeaderRule rule,
                            const std::string& where);

// Reads a .csv (',') or .tsv/.txt ('\t') file. Throws Error (Io, TooLarge, BadFormat).
MetadataTable readMetadataFile(const std::filesystem::path& path, HeaderRule rule,
                               const ArrayReadLimits& limits = {});

// Sets the dataset's labels and class names from a column's categories.
void applyLabels(Dataset& data, const MetadataColumn& column);

// The dataset's labels as a one-column table ("label": class names, or numbers).
MetadataTable labelTable(const Dataset& data);

// Writes TensorBoard projector metadata: a header row only when there are several
// columns; tabs and newlines inside cells become spaces. Atomic. Throws Error(Io).
void writeMetadataTsv(const std::filesystem::path& path, const MetadataTable& table);

// Writes the table as CSV: a header "index" and the column names, then one row per item;
// cells with commas, quotes or line breaks are quoted (RFC 4180), so parseMetadata reads
// it back. Atomic. Throws Error(Io).
void writeMetadataCsv(const std::filesystem::path& path, const MetadataTable& table);

}  // namespace latent
