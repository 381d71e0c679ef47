#include "latent/core/DecodeCache.h"

#include <cstring>

namespace latent {

std::string DecodeCache::keyOf(std::span<const float> latent) {
    std::string key(latent.size_bytes(), '\0');
    if (!latent.empty()) std::memcpy(key.data(), latent.data(), latent.size_bytes());
    return key;
}

std::optional<Image> DecodeCache::find(std::span<const float> latent) {
    const auto it = index_.find(keyOf(latent));
    if (it == index_.end()) return std::nullopt;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
}

void DecodeCache::insert(std::span<const float> latent, Image image) {
    if (capacity_ == 0) return;
    auto key = keyOf(latent);
    if (const auto it = index_.find(key); it != index_.end()) {
        it->second->second = std::move(image);
        order_.splice(order_.begin(), order_, it->second);
        return;
    }
    if (index_.size() == capacity_) {
        index_.erase(order_.back().first);
        order_.pop_back();
    }
    order_.emplace_front(key, std::move(image));
    index_.emplace(std::move(key), order_.begin());
}

void DecodeCache::clear() {
    index_.clear();
    order_.clear();
}

}  // namespace latent
