#pragma once

#include <string>

namespace latent::detail {

// `text` without the spaces, tabs and line breaks around it (names users type).
inline std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace latent::detail
