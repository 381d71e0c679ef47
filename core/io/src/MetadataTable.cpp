#include "latent/core/MetadataTable.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "DelimitedText.h"
#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"

namespace latent {
namespace {

std::string csvCell(const std::string& cell) {
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

void classify(MetadataColumn& column) {
    std::vector<double> numbers(column.cells.size(), std::nan(""));
    bool any = false;
    for (std::size_t i = 0; i < column.cells.size(); ++i) {
        if (column.cells[i].empty()) continue;
        if (!parseFiniteNumber(column.cells[i], numbers[i])) return;
        any = true;
    }
    column.numeric = any;
    if (any) column.numbers = std::move(numbers);
}

std::string cleanCell(std::string cell) {
    std::replace_if(
        cell.begin(), cell.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return cell;
}

}  // namespace

Categories categoriesOf(const MetadataColumn& column) {
    Categories out;
    std::map<std::string, int> codeOf;
    if (column.numeric) {
        std::map<double, std::string> byValue;
        for (std::size_t i = 0; i < column.cells.size(); ++i) {
            if (!column.cells[i].empty()) byValue.emplace(column.numbers[i], column.cells[i]);
        }
        std::map<double, int> codeOfValue;
        for (const auto& [value, text] : byValue) {
            codeOfValue[value] = static_cast<int>(out.names.size());
            out.names.push_back(text);
        }
        for (std::size_t i = 0; i < column.cells.size(); ++i) {
            out.codes.push_back(column.cells[i].empty() ? -1 : codeOfValue[column.numbers[i]]);
        }
        return out;
    }
    for (const auto& name : column.categoryOrder) {
        if (name.empty() || codeOf.contains(name)) continue;
        codeOf[name] = static_cast<int>(out.names.size());
        out.names.push_back(name);
    }
    const std::set<std::string> distinct(column.cells.begin(), column.cells.end());
    for (const auto& name : distinct) {
        if (name.empty() || codeOf.contains(name)) continue;
        codeOf[name] = static_cast<int>(out.names.size());
        out.names.push_back(name);
    }
    for (const auto& cell : column.cells) out.codes.push_back(cell.empty() ? -1 : codeOf[cell]);
    return out;
}

const MetadataColumn& MetadataTable::column(const std::string& name) const {
    std::string names;
    for (const auto& c : columns) {
        if (c.name == name) return c;
        names += (names.empty() ? "'" : ", '") + c.name + "'";
    }
    throw Error(ErrorKind::InvalidArgument,
                "no metadata column '" + name + "' (there are " + names + ")");
}

void MetadataTable::checkJoinsWith(std::size_t pointCount, const std::string& where) const {
    if (rowCount != pointCount) {
        throw Error(ErrorKind::BadFormat, where + " has " + std::to_string(rowCount) +
                                              " rows for " + std::to_string(pointCount) +
                                              " points (metadata is joined by row)");
    }
}

MetadataTable parseMetadata(std::string_view text, char delimiter, HeaderRule rule,
                            const std::string& where) {
    const auto rows = splitDelimited(text, delimiter, where);
    if (rows.empty()) throw Error(ErrorKind::BadFormat, where + " is empty (no metadata)");
    const std::size_t width = rows.front().cells.size();
    const bool header = rule == HeaderRule::FirstRow || width > 1;
    MetadataTable table;
    table.columns.resize(width);
    for (std::size_t c = 0; c < width; ++c) {
        table.columns[c].name = header ? rows.front().cells[c] : "label";
        for (std::size_t k = 0; k < c; ++k) {
            if (header && table.columns[k].name == table.columns[c].name) {
                throw Error(ErrorKind::BadFormat, where + ", line 1: column '" +
                                                      table.columns[c].name + "' appears twice");
            }
        }
    }
    for (std::size_t r = header ? 1 : 0; r < rows.size(); ++r) {
        if (rows[r].cells.size() != width) {
            throw Error(ErrorKind::BadFormat, where + ", line " + std::to_string(rows[r].line) +
                                                  ": " + std::to_string(rows[r].cells.size()) +
                                                  " cells, but line 1 has " +
                                                  std::to_string(width) + " (ragged rows)");
        }
        for (std::size_t c = 0; c < width; ++c) table.columns[c].cells.push_back(rows[r].cells[c]);
    }
    table.rowCount = rows.size() - (header ? 1 : 0);
    for (auto& column : table.columns) classify(column);
    return table;
}

MetadataTable readMetadataFile(const std::filesystem::path& path, HeaderRule rule,
                               const ArrayReadLimits& limits) {
    const auto bytes = readFileBytes(path, limits.maxBytes);
    return parseMetadata(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()),
        delimiterForExtension(path.extension().string()), rule, quotedPath(path));
}

void applyLabels(Dataset& data, const MetadataColumn& column) {
    Categories categories = categoriesOf(column);
    data.labels = std::move(categories.codes);
    data.classNames = std::move(categories.names);
}

MetadataTable labelTable(const Dataset& data) {
    MetadataTable table;
    table.rowCount = data.labels.size();
    MetadataColumn column;
    column.name = "label";
    for (std::size_t i = 0; i < data.labels.size(); ++i) column.cells.push_back(data.className(i));
    classify(column);
    table.columns.push_back(std::move(column));
    return table;
}

void writeMetadataTsv(const std::filesystem::path& path, const MetadataTable& table) {
    std::string out;
    auto writeRow = [&](auto cellAt) {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c) out += '\t';
            out += cleanCell(cellAt(c));
        }
        out += '\n';
    };
    if (table.columns.size() > 1) writeRow([&](std::size_t c) { return table.columns[c].name; });
    for (std::size_t r = 0; r < table.rowCount; ++r) {
        writeRow([&](std::size_t c) { return table.columns[c].cells[r]; });
    }
    writeFileAtomically(path, out);
}

void writeMetadataCsv(const std::filesystem::path& path, const MetadataTable& table) {
    std::string out = "index";
    for (const auto& column : table.columns) out += ',' + csvCell(column.name);
    out += '\n';
    for (std::size_t r = 0; r < table.rowCount; ++r) {
        out += std::to_string(r);
        for (const auto& column : table.columns) out += ',' + csvCell(r < column.cells.size() ? column.cells[r] : "");
        out += '\n';
    }
    writeFileAtomically(path, out);
}

}  // namespace latent
