#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace latent {

// One non-blank line of a CSV/TSV file and its 1-based line number.
struct TextRow {
    std::size_t line = 0;
    std::vector<std::string> cells;
};

// Splits text into rows of cells. With ',' as delimiter, cells may be double-quoted
// ("a, b" and "say ""hi""") within one line; with a tab nothing is quoted (TensorBoard's
// TSV). A UTF-8 byte-order mark, '\r' before '\n' and blank lines at the end are ignored;
// a blank line in the middle is an error. Throws Error(BadFormat) naming `where` and
// the line.
std::vector<TextRow> splitDelimited(std::string_view text, char delimiter,
                                    const std::string& where);

// Parses a whole cell (surrounding spaces allowed) as a finite number.
bool parseFiniteNumber(std::string_view cell, double& value);

// ',' for a .csv path (any case), a tab otherwise.
char delimiterForExtension(const std::string& extension);

}  // namespace latent
