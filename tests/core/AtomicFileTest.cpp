#include "latent/core/AtomicFile.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "FileSizeLimit.h"
#include "TempDir.h"
#include "latent/core/Error.h"

namespace {

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t filesIn(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

TEST(AtomicFile, ReplacesTheFileAndLeavesNothingElse) {
    TempDir dir;
    const auto path = dir / "state.json";
    latent::writeFileAtomically(path, "first");
    latent::writeFileAtomically(path, "second, longer");
    EXPECT_EQ(readAll(path), "second, longer");
    EXPECT_EQ(filesIn(dir.path()), 1u);
    EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::others_read,
              std::filesystem::perms::others_read);
}

// Two windows saving one session, or an autosave meeting a save: each save has its own
// temporary file, so the file ends as one of them, whole.
TEST(AtomicFile, ConcurrentWritesToOnePathLeaveOneOfThemWhole) {
    TempDir dir;
    const auto path = dir / "session.json";
    constexpr std::size_t kWriters = 6, kSaves = 40, kBytes = 200000;
    std::vector<std::thread> writers;
    std::vector<std::string> errors(kWriters);
    for (std::size_t w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            const std::string text(kBytes + w, static_cast<char>('a' + w));
            try {
                for (std::size_t s = 0; s < kSaves; ++s) latent::writeFileAtomically(path, text);
            } catch (const std::exception& e) {
                errors[w] = e.what();
            }
        });
    }
    for (auto& t : writers) t.join();
    for (const auto& error : errors) EXPECT_EQ(error, "");
    const std::string text = readAll(path);
    ASSERT_GE(text.size(), kBytes);
    const std::size_t writer = text.size() - kBytes;
    ASSERT_LT(writer, kWriters);
    EXPECT_EQ(text, std::string(kBytes + writer, static_cast<char>('a' + writer)));
    EXPECT_EQ(filesIn(dir.path()), 1u);
}

TEST(AtomicFile, AFailedWriteLeavesTheOldFileAndNoTemporaryFile) {
    TempDir dir;
    const auto path = dir / "keep.json";
    latent::writeFileAtomically(path, "the old session");
    {
        const FileSizeLimit full(1000);  // the disk fills up during the save
        EXPECT_THROW(latent::writeFileAtomically(path, std::string(5000, 'x')), latent::Error);
    }
    EXPECT_EQ(readAll(path), "the old session");
    EXPECT_EQ(filesIn(dir.path()), 1u);
    EXPECT_THROW(latent::writeFileAtomically(dir / "no such folder" / "x.json", "x"), latent::Error);
}

}  // namespace
