#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/Progress.h"
#include "latent/core/Shard.h"

namespace latent {

// What to do with an image whose size differs from the target.
enum class FitPolicy {
    Stretch,     // resize to the target, changing the aspect ratio if needed
    CentreCrop,  // cut the largest centred region of the target's aspect ratio, then resize
};

struct ImageFolderOptions {
    // Every image is made this shape (channels: 1 converts colour to grey, 3 repeats grey).
    // Zero fields: taken from the first readable image.
    ImageShape target;
    FitPolicy fit = FitPolicy::CentreCrop;
    bool classesFromSubfolders = true;            // class = name of the first-level sub-folder
    std::size_t maxBytes = std::size_t{2} << 30;  // refuse datasets above this many pixels
    // Only this shard of the sorted files is read; classes still come from all of them, so
    // every shard codes them alike.
    Shard shard;
};

struct SkippedFile {
    std::filesystem::path path;
    std::string reason;
};

struct ImageFolderResult {
    Dataset dataset;
    std::vector<SkippedFile> skipped;  // unreadable files, with why
    std::size_t refitted = 0;          // images resized, cropped or converted
};

// Loads every .png/.jpg/.jpeg under `folder` (recursively, in sorted path order).
// Unreadable files are skipped and listed, not fatal. With class folders, the classes are
// the sorted sub-folder names; images directly in `folder` then get the class "(none)".
// Throws Error(Io) when the folder does not exist or holds no readable image,
// Error(TooLarge) when the images would exceed `maxBytes`, Error(Cancelled).
ImageFolderResult loadImageFolder(const std::filesystem::path& folder,
                                  const ImageFolderOptions& options = {},
                                  const ProgressFn& progress = {});

// The image files `files`, in order, each fitted to `target` (all fields set) as an image
// folder's images are: one dataset image per file, no labels. Throws Error naming the first
// file that cannot be read, and Error(InvalidArgument) for a target of other than 1 or 3
// channels.
Dataset loadImageFiles(const std::vector<std::filesystem::path>& files, const ImageShape& target,
                       FitPolicy fit = FitPolicy::CentreCrop);

// Whether `path` names a .png/.jpg/.jpeg file (by its extension).
bool isImagePath(const std::filesystem::path& path);

// Whether `folder` holds at least one .png/.jpg/.jpeg file (recursively).
bool looksLikeImageFolder(const std::filesystem::path& folder);

}  // namespace latent
