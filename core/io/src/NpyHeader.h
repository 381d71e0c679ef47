#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace latent::npy {

// The three fields of a .npy header dictionary, still as text where it matters.
struct HeaderFields {
    std::string descr;
    bool fortranOrder = false;
    std::vector<std::size_t> shape;
};

// Parses the Python dict literal of a .npy header, e.g.
// "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }".
// Throws Error(BadFormat) naming `where` and the offset within the header text.
HeaderFields parseHeaderDict(std::string_view text, const std::string& where);

}  // namespace latent::npy
