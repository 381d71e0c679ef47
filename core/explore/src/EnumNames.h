#pragma once

#include <cstddef>
#include <string>

#include "latent/core/Error.h"

namespace latent {

// An enum value and its name in saved files.
template <typename Enum>
struct EnumNames {
    Enum value;
    const char* name;
};

template <typename Enum, std::size_t N>
const char* nameOf(const EnumNames<Enum> (&table)[N], Enum value) {
    for (const auto& e : table)
        if (e.value == value) return e.name;
    return table[0].name;
}

// Throws Error(BadFormat) naming `field` for a name not in the table.
template <typename Enum, std::size_t N>
Enum valueOf(const EnumNames<Enum> (&table)[N], const std::string& name, const char* field) {
    for (const auto& e : table)
        if (name == e.name) return e.value;
    throw Error(ErrorKind::BadFormat, std::string("unknown ") + field + " '" + name + "'");
}

}  // namespace latent
