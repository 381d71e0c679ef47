#pragma once

#include <cstddef>
#include <list>
#include <memory>

#include "latent/core/Projection.h"
#include "latent/core/Projector.h"
#include "latent/core/WorkspaceIdentity.h"

namespace latent {

// What a projection result depends on: the workspace whose latents it projects, and the
// parameters.
struct ProjectionKey {
    WorkspaceIdentity workspace;
    ProjectionParams params;

    bool operator==(const ProjectionKey&) const = default;
};

// Finished projections kept so that switching back to one is instant. Least recently used
// results are dropped beyond `capacity`, which bounds the memory (each holds N x dims
// coordinates and its inverse). Parameters are compared normalized(). Not thread-safe: the UI
// uses it from its own thread.
class ProjectionCache {
public:
    explicit ProjectionCache(std::size_t capacity = 16);

    // nullptr when absent; a hit becomes the most recently used entry.
    std::shared_ptr<const ProjectionResult> find(const ProjectionKey& key);
    void insert(const ProjectionKey& key, std::shared_ptr<const ProjectionResult> result);
    void clear() { entries_.clear(); }
    std::size_t size() const { return entries_.size(); }

private:
    using Entry = std::pair<ProjectionKey, std::shared_ptr<const ProjectionResult>>;
    std::list<Entry> entries_;  // most recently used first
    std::size_t capacity_;
};

}  // namespace latent
