#include "DelimitedText.h"

#include <charconv>
#include <cmath>

#include "latent/core/DataFormats.h"
#include "latent/core/Error.h"

namespace latent {
namespace {

[[noreturn]] void fail(const std::string& where, std::size_t line, const std::string& what) {
    throw Error(ErrorKind::BadFormat, where + ", line " + std::to_string(line) + ": " + what);
}

std::vector<std::string> splitQuoted(std::string_view line, char delimiter,
                                     const std::string& where, std::size_t lineNumber) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c != '"') {
                cells.back() += c;
            } else if (i + 1 < line.size() && line[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else {
                quoted = false;
            }
        } else if (c == '"' && cells.back().empty()) {
            quoted = true;
        } else if (c == delimiter) {
            cells.emplace_back();
        } else {
            cells.back() += c;
        }
    }
    if (quoted) fail(where, lineNumber, "a quoted cell is not closed");
    return cells;
}

}  // namespace

std::vector<TextRow> splitDelimited(std::string_view text, char delimiter,
                                    const std::string& where) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    while (!lines.empty() && lines.back().find_first_not_of(" \t") == std::string_view::npos) {
        lines.pop_back();
    }
    std::vector<TextRow> rows;
    rows.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].empty()) fail(where, i + 1, "blank line in the middle of the data");
        TextRow row;
        row.line = i + 1;
        if (delimiter == ',') {
            row.cells = splitQuoted(lines[i], delimiter, where, row.line);
        } else {
            std::string_view rest = lines[i];
            while (true) {
                const std::size_t cut = rest.find(delimiter);
                row.cells.emplace_back(rest.substr(0, cut));
                if (cut == std::string_view::npos) break;
                rest.remove_prefix(cut + 1);
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

bool parseFiniteNumber(std::string_view cell, double& value) {
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    if (cell.starts_with('+')) cell.remove_prefix(1);  // from_chars refuses a leading '+'
    if (cell.empty()) return false;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    return ec == std::errc() && end == cell.data() + cell.size() && std::isfinite(value);
}

char delimiterForExtension(const std::string& extension) {
    return matchesPattern(extension, ".csv") ? ',' : '\t';
}

}  // namespace latent
