#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>

#include "latent/core/Image.h"

namespace latent {

// Least-recently-used cache of decoded images keyed by the exact bytes of the latent:
// revisiting a point (hover back and forth, a scrub returning to a frame) skips the model.
// Not thread-safe: the inference worker owns it.
class DecodeCache {
public:
    explicit DecodeCache(std::size_t capacity) : capacity_(capacity) {}

    // The cached image for `latent`, marking it most recently used.
    std::optional<Image> find(std::span<const float> latent);
    // Stores `image`, evicting the least recently used entry when full.
    void insert(std::span<const float> latent, Image image);
    void clear();

    std::size_t size() const { return index_.size(); }
    std::size_t capacity() const { return capacity_; }

private:
    using Entry = std::pair<std::string, Image>;
    static std::string keyOf(std::span<const float> latent);

    std::size_t capacity_;
    std::list<Entry> order_;  // front: most recently used
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace latent
