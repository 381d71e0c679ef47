#include "latent/core/Shard.h"

#include <algorithm>
#include <charconv>

#include "latent/core/Error.h"

namespace latent {
namespace {

constexpr std::size_t kMaxShards = 1000000;

bool parseCount(const std::string& text, std::size_t& value) {
    const char* end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    return !text.empty() && error == std::errc() && at == end;
}

}  // namespace

RowRange shardRows(std::size_t total, const Shard& shard) {
    const std::size_t block = std::max<std::size_t>(1, shard.block);
    const std::size_t blocks = total / block + (total % block != 0);
    // floor(blocks x k / count) without overflow: the remainder's product stays below count^2.
    const std::size_t whole = blocks / shard.count, rest = blocks % shard.count;
    const auto bound = [&](std::size_t k) {
        return std::min(total, (whole * k + rest * k / shard.count) * block);
    };
    // Every shard of too many refuses, not only the empty ones: all of an array job fail alike.
    if (shard.count > blocks) {
        throw Error(ErrorKind::InvalidArgument,
                    std::to_string(shard.count) + " shards of " + std::to_string(total) +
                        " rows are too many: use at most " + std::to_string(blocks) +
                        " shards" + (block > 1 ? " (shards are whole batches of " + std::to_string(block) + ")" : ""));
    }
    return {bound(shard.index), bound(shard.index + 1)};
}

Shard parseShard(const std::string& spec) {
    const auto slash = spec.find('/');
    Shard shard;
    const bool parsed = slash != std::string::npos && parseCount(spec.substr(0, slash), shard.index) &&
                        parseCount(spec.substr(slash + 1), shard.count);
    if (!parsed || shard.count == 0 || shard.count > kMaxShards || shard.index >= shard.count) {
        throw Error(ErrorKind::InvalidArgument,
                    "shard '" + spec + "' must be K/N with 0 <= K < N <= " + std::to_string(kMaxShards) +
                        " (e.g. 0/4 for the first of four)");
    }
    return shard;
}

}  // namespace latent
