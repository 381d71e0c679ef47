// Tags on items: names, adding and removing, and tag files.
#include <algorithm>
#include <charconv>
#include <set>

#include "Trimmed.h"
#include "latent/core/Annotations.h"
#include "latent/core/AtomicFile.h"
#include "latent/core/Error.h"
#include "latent/core/MetadataTable.h"

namespace latent {

using detail::trimmed;

namespace {

// Row r of a tag file is on line r + 2 (after the header).
[[noreturn]] void refuseLine(const std::filesystem::path& path, std::size_t row, const std::string& why) {
    throw Error(ErrorKind::BadFormat, "tag file '" + path.string() + "', line " + std::to_string(row + 2) + ": " + why);
}

}  // namespace

std::string cleanTagName(const std::string& name) {
    const std::string clean = trimmed(name);
    if (clean.empty()) throw Error(ErrorKind::InvalidArgument, "a tag needs a name");
    if (clean.find_first_of(std::string(1, kTagSeparator) + "\r\n") != std::string::npos) {
        throw Error(ErrorKind::InvalidArgument, "a tag name cannot hold '" + std::string(1, kTagSeparator) +
                                                    "' or a line break: '" + clean + "'");
    }
    return clean;
}

void addTag(Annotations& annotations, const std::string& name, const std::vector<std::size_t>& items) {
    const std::string clean = cleanTagName(name);
    if (items.empty()) return;
    auto& tagged = annotations.tags[clean];
    std::set<std::size_t> all(tagged.begin(), tagged.end());
    all.insert(items.begin(), items.end());
    tagged.assign(all.begin(), all.end());
}

void removeTag(Annotations& annotations, const std::string& name, const std::vector<std::size_t>& items) {
    const auto it = annotations.tags.find(cleanTagName(name));
    if (it == annotations.tags.end()) return;
    const std::set<std::size_t> drop(items.begin(), items.end());
    std::erase_if(it->second, [&](std::size_t i) { return drop.contains(i); });
    if (it->second.empty()) annotations.tags.erase(it);
}

void writeTags(const std::filesystem::path& path, const ItemTags& tags) {
    std::map<std::size_t, std::string> rows;  // by item
    for (const auto& [name, items] : tags) {
        for (const std::size_t i : items) {
            auto& row = rows[i];
            if (!row.empty()) row += kTagSeparator;
            row += name;
        }
    }
    std::string text = "index,tags\n";
    for (const auto& [item, names] : rows) {
        const bool quote = names.find_first_of(",\"") != std::string::npos;
        std::string cell = names;
        if (quote) {
            cell.clear();
            for (const char c : names) cell += c == '"' ? std::string("\"\"") : std::string(1, c);
            cell = '"' + cell + '"';
        }
        text += std::to_string(item) + ',' + cell + '\n';
    }
    writeFileAtomically(path, text);
}

ItemTags readTags(const std::filesystem::path& path, std::size_t items) {
    const MetadataTable table = readMetadataFile(path, HeaderRule::FirstRow);
    if (table.columns.size() != 2 || table.columns[0].name != "index" || table.columns[1].name != kTagColumn) {
        throw Error(ErrorKind::BadFormat, "tag file '" + path.string() + "' must start with the header \"index,tags\"");
    }
    Annotations read;
    const auto& indices = table.columns[0].cells;
    const auto& names = table.columns[1].cells;
    for (std::size_t r = 0; r < table.rowCount; ++r) {
        const std::string& cell = indices[r];
        std::size_t item = 0;
        const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), item);
        if (error != std::errc() || end != cell.data() + cell.size() || cell.empty()) {
            refuseLine(path, r, "'" + cell + "' is not an item index");
        }
        if (item >= items) {
            refuseLine(path, r, "item " + cell + " is not in the data, which has " + std::to_string(items) + " items");
        }
        std::size_t from = 0;
        while (from <= names[r].size()) {
            const std::size_t to = std::min(names[r].find(kTagSeparator, from), names[r].size());
            const std::string name = trimmed(names[r].substr(from, to - from));
            if (!name.empty()) {
                try {
                    addTag(read, name, {item});
                } catch (const Error& e) {
                    refuseLine(path, r, e.what());
                }
            }
            from = to + 1;
        }
    }
    return read.tags;
}

}  // namespace latent
