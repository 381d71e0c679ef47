#include <string>

#include "latent/core/AtomicFile.h"
#include "latent/core/Clustering.h"

namespace latent {

void writeClusters(const std::filesystem::path& path, const Clustering& clustering) {
    std::string text = "index,cluster\n";
    for (std::size_t i = 0; i < clustering.labels.size(); ++i) {
        text += std::to_string(i) + ',' + std::to_string(clustering.labels[i]) + '\n';
    }
    writeFileAtomically(path, text);
}

}  // namespace latent
