#include "latent/core/Annotations.h"

#include <algorithm>
#include <set>

#include "Trimmed.h"
#include "latent/core/Error.h"

namespace latent {

using detail::trimmed;

std::string annotationColumnName(const std::string& name, const MetadataTable& beside) {
    const auto taken = [&](const std::string& candidate) {
        return std::any_of(beside.columns.begin(), beside.columns.end(),
                           [&](const MetadataColumn& c) { return c.name == candidate; });
    };
    std::string candidate = name;
    for (int n = 1; taken(candidate); ++n) {
        candidate = name + " (annotated" + (n > 1 ? " " + std::to_string(n) : std::string()) + ")";
    }
    return candidate;
}

MetadataTable annotationColumns(const Annotations& annotations, std::size_t rows, const MetadataTable& beside) {
    MetadataTable table;
    table.rowCount = rows;
    if (const auto& c = annotations.clusters; c && c->labels.size() == rows) {
        MetadataColumn column;
        column.name = annotationColumnName(kClusterColumn, beside);
        column.cells.reserve(rows);
        for (const int label : c->labels) {
            const bool named = label >= 0 && static_cast<std::size_t>(label) < c->names.size();
            column.cells.push_back(named ? c->names[static_cast<std::size_t>(label)] : std::string());
        }
        column.categoryOrder = c->names;
        table.columns.push_back(std::move(column));
    }
    if (!annotations.tags.empty()) {
        MetadataColumn column;
        column.name = annotationColumnName(kTagColumn, beside);
        column.cells.assign(rows, {});
        for (const auto& [name, items] : annotations.tags) {  // in name order
            for (const std::size_t i : items) {
                if (i >= rows) continue;
                std::string& cell = column.cells[i];
                if (!cell.empty()) cell += std::string(1, kTagSeparator) + " ";
                cell += name;
            }
        }
        table.columns.push_back(std::move(column));
    }
    return table;
}

MetadataTable exportedMetadata(const MetadataTable& metadata, const Annotations& annotations, std::size_t rows) {
    MetadataTable table;
    table.rowCount = rows;
    if (metadata.rowCount == rows) table.columns = metadata.columns;
    for (auto& column : annotationColumns(annotations, rows, table).columns) table.columns.push_back(std::move(column));
    if (table.columns.empty()) {
        MetadataColumn index;
        index.name = "index";
        index.numeric = true;
        for (std::size_t i = 0; i < rows; ++i) {
            index.cells.push_back(std::to_string(i));
            index.numbers.push_back(static_cast<double>(i));
        }
        table.columns.push_back(std::move(index));
    }
    return table;
}

void checkAnnotations(const Annotations& annotations, std::size_t items) {
    for (const auto& [name, tagged] : annotations.tags) {
        if (cleanTagName(name) != name) throw Error(ErrorKind::InvalidArgument, "tag '" + name + "' is not trimmed");
        for (std::size_t k = 0; k < tagged.size(); ++k) {
            if (tagged[k] >= items) {
                throw Error(ErrorKind::InvalidArgument, "tag '" + name + "' is on item " + std::to_string(tagged[k]) +
                                                            ", but the data has " + std::to_string(items) + " items");
            }
            if (k > 0 && tagged[k] <= tagged[k - 1]) {
                throw Error(ErrorKind::InvalidArgument, "tag '" + name + "' lists its items out of order");
            }
        }
        if (tagged.empty()) throw Error(ErrorKind::InvalidArgument, "tag '" + name + "' is on no item");
    }
    const auto& c = annotations.clusters;
    if (!c) return;
    if (c->labels.size() != items) {
        throw Error(ErrorKind::InvalidArgument, "the clusters label " + std::to_string(c->labels.size()) +
                                                    " items, the data has " + std::to_string(items));
    }
    for (std::size_t i = 0; i < items; ++i) {
        const int label = c->labels[i];
        if (label < -1 || (label >= 0 && static_cast<std::size_t>(label) >= c->names.size())) {
            throw Error(ErrorKind::InvalidArgument, "item " + std::to_string(i) + " is in cluster " +
                                                        std::to_string(label) + ", but there are " +
                                                        std::to_string(c->names.size()) + " clusters");
        }
    }
    std::set<std::string> seen;
    for (const auto& name : c->names) {
        if (trimmed(name).empty()) throw Error(ErrorKind::InvalidArgument, "a cluster has no name");
        if (!seen.insert(name).second) {
            throw Error(ErrorKind::InvalidArgument, "two clusters are named '" + name + "'");
        }
    }
}

void renameCluster(ItemClusters& clusters, std::size_t cluster, const std::string& name) {
    const std::string clean = trimmed(name);
    if (cluster >= clusters.names.size()) {
        throw Error(ErrorKind::InvalidArgument, "there is no cluster " + std::to_string(cluster));
    }
    if (clean.empty()) throw Error(ErrorKind::InvalidArgument, "a cluster needs a name");
    for (std::size_t i = 0; i < clusters.names.size(); ++i) {
        if (i != cluster && clusters.names[i] == clean) {
            throw Error(ErrorKind::InvalidArgument, "another cluster is named '" + clean + "'");
        }
    }
    clusters.names[cluster] = clean;
}

}  // namespace latent
