#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/Image.h"

namespace latent {

// A labelled image dataset held as 8-bit pixels (a quarter of the memory of floats).
struct Dataset {
    std::string name;
    ImageShape shape;
    std::size_t count = 0;
    std::vector<std::uint8_t> pixels;  // count * shape.pixelCount(), CHW per image
    std::vector<int> labels;           // empty, or one per image
    std::vector<std::string> classNames;

    Image image(std::size_t index) const;
    // Images [first, first + n) as floats in [0, 1], ready for a model.
    std::vector<float> floatPixels(std::size_t first, std::size_t n) const;
    std::string className(std::size_t index) const;  // "" when unlabelled
    // Drops every image (and label) after the first `n`; no-op when there are no more.
    void keepFirst(std::size_t n);
    // Keeps images (and labels) [first, last) only, clipped to the images there are.
    void keepRows(std::size_t first, std::size_t last);
};

// Fashion-MNIST's ten classes, in label order.
const std::vector<std::string>& fashionMnistClassNames();

// Reads an IDX image file (N x H x W or N x C x H x W, any IDX element type) and an
// optional IDX label file (N integers) into a Dataset. Throws latent::Error.
Dataset loadIdxDataset(const std::filesystem::path& imagesPath,
                       const std::filesystem::path& labelsPath,
                       std::vector<std::string> classNames = {});

// The MNIST-style pair of files in `dir` for a split ("test" -> t10k-*, "train" -> train-*);
// labels named in the MNIST fashion get Fashion-MNIST class names when the folder is
// fashion-mnist. Throws latent::Error when the files are missing.
Dataset loadMnistStyleSplit(const std::filesystem::path& dir, const std::string& split);

}  // namespace latent
