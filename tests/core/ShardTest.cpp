// Shards of a dataset's rows: contiguous, covering every row once, on block boundaries.
#include <gtest/gtest.h>

#include "ErrorChecks.h"
#include "latent/core/Shard.h"

namespace {

TEST(Shard, ShardsCoverEveryRowOnceInWholeBlocks) {
    for (const std::size_t total : {1u, 7u, 1800u, 2048u, 10001u}) {
        for (const std::size_t block : {1u, 256u}) {
            const std::size_t blocks = (total + block - 1) / block;
            for (std::size_t count = 1; count <= std::min<std::size_t>(blocks, 9); ++count) {
                std::size_t next = 0, smallest = total, largest = 0;
                for (std::size_t k = 0; k < count; ++k) {
                    const latent::RowRange rows = latent::shardRows(total, {k, count, block});
                    EXPECT_EQ(rows.first, next) << total << " rows, shard " << k << "/" << count;
                    EXPECT_EQ(rows.first % block, 0u);
                    EXPECT_GT(rows.size(), 0u);
                    next = rows.last;
                    if (rows.last != total) {  // the last shard may end on a short block
                        smallest = std::min(smallest, rows.size());
                        largest = std::max(largest, rows.size());
                    }
                }
                EXPECT_EQ(next, total);
                if (largest > 0) {
                    EXPECT_LE(largest - smallest, block);
                }
            }
        }
    }
}

TEST(Shard, TooManyShardsAreRefusedForEveryIndex) {
    for (std::size_t k = 0; k < 9; ++k) {
        expectError([k] { latent::shardRows(1800, {k, 9, 256}); }, latent::ErrorKind::InvalidArgument,
                    "use at most 8 shards");
    }
}

TEST(Shard, ParsesKOfN) {
    const latent::Shard s = latent::parseShard("3/4");
    EXPECT_EQ(s.index, 3u);
    EXPECT_EQ(s.count, 4u);
    for (const char* bad : {"4/4", "1/0", "-1/4", "a/4", "3", "3/4/5", "", "/4", "3/"}) {
        expectError([bad] { latent::parseShard(bad); }, latent::ErrorKind::InvalidArgument, "K/N");
    }
}

}  // namespace
