#include "latent/core/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "latent/core/Error.h"

namespace latent {
namespace {

// Makes a rename in `directory` survive a crash; best effort, as some file systems cannot
// sync a directory (the new file's data is already on disk either way).
void syncDirectory(const std::filesystem::path& directory) {
    const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    // A name of its own per save, beside the target: two saves at once (two windows, an
    // autosave and a save) never write into each other's temporary file.
    const std::string pattern = path.string() + ".XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    const std::filesystem::path temp = fd >= 0 ? std::filesystem::path(name.data()) : std::filesystem::path();
    auto fail = [&](const std::string& what) {
        const std::string reason = std::strerror(errno);
        std::error_code ignored;
        if (!temp.empty()) std::filesystem::remove(temp, ignored);
        throw Error(ErrorKind::Io, "cannot " + what + " '" + path.string() + "': " + reason);
    };
    if (fd < 0) fail("write");
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            fail("write");
        }
        written += static_cast<std::size_t>(n);
    }
    // Data must reach the disk before the rename makes it visible, or a crash could
    // leave an empty file where the old one was.
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        ::close(fd);
        fail("write");
    }
    if (::close(fd) != 0) fail("write");
    if (::rename(temp.c_str(), path.c_str()) != 0) fail("replace");
    syncDirectory(path.parent_path());
}

}  // namespace latent
