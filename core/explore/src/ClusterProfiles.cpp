#include "latent/core/ClusterProfiles.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "latent/core/Error.h"
#include "latent/core/InformationMeasures.h"

namespace latent {
namespace {

double squaredDistance(std::span<const float> a, std::span<const float> b) {
    double sum = 0.0;
    for (std::size_t d = 0; d < a.size(); ++d) {
        const double diff = static_cast<double>(a[d]) - static_cast<double>(b[d]);
        sum += diff * diff;
    }
    return sum;
}

std::size_t medoidOf(const std::vector<std::size_t>& members, const std::vector<float>& mean,
                     const LatentBatch& latents) {
    std::vector<std::pair<double, std::size_t>> byDistance;
    byDistance.reserve(members.size());
    for (const std::size_t m : members) byDistance.emplace_back(squaredDistance(latents.row(m), mean), m);
    const std::size_t candidates = std::min(kMedoidCandidates, members.size());
    std::partial_sort(byDistance.begin(), byDistance.begin() + static_cast<std::ptrdiff_t>(candidates),
                      byDistance.end());
    std::size_t best = members.front();
    double bestTotal = std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < candidates; ++c) {
        const std::size_t candidate = byDistance[c].second;
        double total = 0.0;
        for (const std::size_t m : members) total += std::sqrt(squaredDistance(latents.row(candidate), latents.row(m)));
        if (total < bestTotal || (total == bestTotal && candidate < best)) {
            bestTotal = total;
            best = candidate;
        }
    }
    return best;
}

void addMajority(ClusterProfile& profile, const std::vector<std::size_t>& members, const Categories& reference) {
    std::vector<std::size_t> counts(reference.names.size(), 0);
    for (const std::size_t m : members) {
        const int code = reference.codes[m];
        if (code >= 0 && static_cast<std::size_t>(code) < counts.size()) ++counts[static_cast<std::size_t>(code)];
    }
    const auto top = std::max_element(counts.begin(), counts.end());  // the first of equals: stable
    if (top == counts.end() || *top == 0) return;
    profile.majority = reference.names[static_cast<std::size_t>(top - counts.begin())];
    profile.purity = static_cast<double>(*top) / static_cast<double>(members.size());
}

void addAgreement(ClusterSummary& summary, const std::vector<int>& labels, const Categories& reference) {
    std::vector<int> ours, theirs;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] >= 0 && reference.codes[i] >= 0) {
            ours.push_back(labels[i]);
            theirs.push_back(reference.codes[i]);
        }
    }
    if (ours.empty()) return;
    summary.adjustedRand = adjustedRandIndex(ours, theirs);
    summary.mutualInformation = normalisedMutualInformation(ours, theirs);
}

}  // namespace

ClusterSummary summariseClusters(const std::vector<int>& labels, const LatentBatch& latents,
                                 const Categories* reference) {
    if (labels.size() != latents.count || (reference && reference->codes.size() != latents.count)) {
        throw Error(ErrorKind::InvalidArgument, "cluster labels and latents differ in count");
    }
    const int top = labels.empty() ? -1 : *std::max_element(labels.begin(), labels.end());
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(top + 1));
    ClusterSummary summary;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0) {
            ++summary.unclustered;
        } else {
            members[static_cast<std::size_t>(labels[i])].push_back(i);
        }
    }
    for (const auto& items : members) {
        ClusterProfile profile;
        profile.size = items.size();
        if (!items.empty()) {
            std::vector<double> sum(latents.dim, 0.0);
            for (const std::size_t m : items) {
                const auto row = latents.row(m);
                for (std::size_t d = 0; d < latents.dim; ++d) sum[d] += row[d];
            }
            for (const double s : sum) profile.mean.push_back(static_cast<float>(s / static_cast<double>(items.size())));
            profile.medoid = medoidOf(items, profile.mean, latents);
            if (reference) addMajority(profile, items, *reference);
        }
        summary.clusters.push_back(std::move(profile));
    }
    if (reference) addAgreement(summary, labels, *reference);
    return summary;
}

std::optional<ClusterReference> clusterReference(const Dataset& dataset, const MetadataTable& metadata,
                                                 std::size_t items) {
    if (dataset.labels.size() == items && items > 0) {
        ClusterReference reference{"label", {dataset.labels, dataset.classNames}};
        for (int& code : reference.categories.codes) {  // labels without a class name: named by number
            while (code >= 0 && static_cast<std::size_t>(code) >= reference.categories.names.size()) {
                reference.categories.names.push_back("class " + std::to_string(reference.categories.names.size()));
            }
        }
        return reference;
    }
    if (metadata.rowCount != items) return std::nullopt;
    for (const auto& column : metadata.columns) {
        if (column.numeric) continue;
        Categories categories = categoriesOf(column);
        if (!categories.names.empty() && categories.names.size() <= kMaxReferenceValues) {
            return ClusterReference{column.name, std::move(categories)};
        }
    }
    return std::nullopt;
}

std::vector<std::string> automaticClusterNames(const ClusterSummary& summary) {
    std::vector<std::string> names;
    std::set<std::string> taken;
    for (std::size_t c = 0; c < summary.clusters.size(); ++c) {
        const auto& profile = summary.clusters[c];
        const std::string number = std::to_string(c + 1);
        std::string name = "Cluster " + number;
        if (!profile.majority.empty()) {
            const auto percent = std::to_string(static_cast<int>(std::floor(profile.purity * 100.0)));
            name = profile.majority + " (" + percent + "%)";
            if (taken.contains(name)) name = profile.majority + " " + number + " (" + percent + "%)";
        }
        while (taken.contains(name)) name += " " + number;
        taken.insert(name);
        names.push_back(std::move(name));
    }
    return names;
}

}  // namespace latent
