#include "latent/core/ProjectionCache.h"

#include <algorithm>

namespace latent {
namespace {

ProjectionKey normalizedKey(ProjectionKey key) {
    key.params = normalized(key.params);
    return key;
}

}  // namespace

ProjectionCache::ProjectionCache(std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)) {}

std::shared_ptr<const ProjectionResult> ProjectionCache::find(const ProjectionKey& key) {
    const ProjectionKey wanted = normalizedKey(key);
    const auto it = std::find_if(entries_.begin(), entries_.end(),
                                 [&](const Entry& e) { return e.first == wanted; });
    if (it == entries_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it);
    return entries_.front().second;
}

void ProjectionCache::insert(const ProjectionKey& key, std::shared_ptr<const ProjectionResult> result) {
    ProjectionKey stored = normalizedKey(key);
    entries_.remove_if([&](const Entry& e) { return e.first == stored; });
    entries_.emplace_front(std::move(stored), std::move(result));
    while (entries_.size() > capacity_) entries_.pop_back();
}

}  // namespace latent
