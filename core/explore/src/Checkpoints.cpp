#include "latent/core/Checkpoints.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "latent/core/Error.h"
#include "latent/core/Model.h"

namespace latent {
namespace {

// The last run of digits in the file's stem ("epoch_012" -> 12), if any.
std::optional<std::int64_t> numberInName(const std::filesystem::path& path) {
    const std::string stem = path.stem().string();
    auto end = stem.find_last_of("0123456789");
    if (end == std::string::npos) return std::nullopt;
    auto begin = end;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(stem[begin - 1]))) --begin;
    const std::string digits = stem.substr(begin, std::min<std::size_t>(end - begin + 1, 18));
    return std::stoll(digits);
}

bool isModelFile(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".pt" || ext == ".pth" || ext == ".json";
}

}  // namespace

void sortCheckpoints(std::vector<Checkpoint>& checkpoints) {
    // (which order key the checkpoint has: epoch 0, step 1, file name 2, none 3; the key; the name)
    const auto key = [](const Checkpoint& c) {
        if (c.epoch) return std::make_tuple(0, *c.epoch, c.path.filename().string());
        if (c.step) return std::make_tuple(1, *c.step, c.path.filename().string());
        if (const auto n = numberInName(c.path)) return std::make_tuple(2, *n, c.path.filename().string());
        return std::make_tuple(3, std::int64_t{0}, c.path.filename().string());
    };
    std::stable_sort(checkpoints.begin(), checkpoints.end(),
                     [&](const Checkpoint& a, const Checkpoint& b) { return key(a) < key(b); });
    for (auto& c : checkpoints) {
        c.label = c.epoch  ? "epoch " + std::to_string(*c.epoch)
                  : c.step ? "step " + std::to_string(*c.step)
                           : c.path.filename().string();
    }
}

std::vector<Checkpoint> listCheckpoints(const std::filesystem::path& folder) {
    std::vector<Checkpoint> checkpoints;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (!entry.is_regular_file() || !isModelFile(entry.path())) continue;
        // A pair's encoder and decoder files are named by its manifest, not checkpoints.
        const std::string stem = entry.path().stem().string();
        if (stem.ends_with("_encoder") || stem.ends_with("_decoder")) continue;
        const auto info = Model::load(entry.path())->info();
        checkpoints.push_back({entry.path(), info.epoch, info.step, {}});
    }
    if (error) throw Error(ErrorKind::Io, "cannot read the folder " + folder.string() + ": " + error.message());
    if (checkpoints.size() < 2) {
        throw Error(ErrorKind::InvalidArgument, folder.string() + " holds " + std::to_string(checkpoints.size()) +
                                                    " model" + (checkpoints.size() == 1 ? "" : "s") +
                                                    "; a training run needs at least two checkpoints");
    }
    sortCheckpoints(checkpoints);
    return checkpoints;
}

}  // namespace latent
