#pragma once
// Checked reads of numbers from JSON files users and programs write (sessions, model
// metadata). nlohmann's get<int>() of 5e90 or get<float>() of 1e39 is undefined behaviour,
// so every number is checked for its type and range before it is converted.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "latent/core/Error.h"

namespace latent::json_fields {

// Error(BadFormat) naming the field: "'perplexity' must be a number in 0..1e+06".
[[noreturn]] inline void outOfRange(const std::string& key, const std::string& expected) {
    throw Error(ErrorKind::BadFormat, "'" + key + "' must be " + expected);
}

// `value` as an integer in [low, high].
template <typename Int>
Int integer(const nlohmann::json& value, const std::string& key, Int low, Int high) {
    const std::string expected = "a whole number in " + std::to_string(low) + ".." + std::to_string(high);
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v < static_cast<std::uint64_t>(std::max<Int>(low, 0)) || v > static_cast<std::uint64_t>(high)) {
            outOfRange(key, expected);
        }
        return static_cast<Int>(v);
    }
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        if (low >= 0 || v < static_cast<std::int64_t>(low) || v > static_cast<std::int64_t>(high)) {
            outOfRange(key, expected);
        }
        return static_cast<Int>(v);
    }
    outOfRange(key, expected);
}

// object[key] as above, or `fallback` when the key is absent.
template <typename Int>
Int integer(const nlohmann::json& object, const std::string& key, Int low, Int high, Int fallback) {
    return object.contains(key) ? integer(object.at(key), key, low, high) : fallback;
}

// `value` as a finite number in [low, high].
inline double number(const nlohmann::json& value, const std::string& key, double low, double high) {
    if (!value.is_number()) outOfRange(key, "a number");
    const double v = value.get<double>();
    if (!(v >= low && v <= high)) {
        outOfRange(key, "a number in " + nlohmann::json(low).dump() + ".." + nlohmann::json(high).dump());
    }
    return v;
}

inline double number(const nlohmann::json& object, const std::string& key, double low, double high,
                     double fallback) {
    return object.contains(key) ? number(object.at(key), key, low, high) : fallback;
}

// An array of finite numbers that fit a float (latents, value ranges).
inline std::vector<float> floats(const nlohmann::json& value, const std::string& key) {
    if (!value.is_array()) outOfRange(key, "an array of numbers");
    constexpr double kLargest = std::numeric_limits<float>::max();
    std::vector<float> out;
    out.reserve(value.size());
    for (const auto& element : value) {
        out.push_back(static_cast<float>(number(element, key, -kLargest, kLargest)));
    }
    return out;
}

}  // namespace latent::json_fields
