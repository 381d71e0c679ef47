#include "latent/core/AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "latent/core/Error.h"

namespace latent {

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    const std::filesystem::path temp = path.string() + ".tmp";
    auto fail = [&](const std::string& what) {
        const std::string reason = std::strerror(errno);
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw Error(ErrorKind::Io, "cannot " + what + " '" + path.string() + "': " + reason);
    };
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
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
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("write");
    }
    if (::close(fd) != 0) fail("write");
    if (::rename(temp.c_str(), path.c_str()) != 0) fail("replace");
}

}  // namespace latent
