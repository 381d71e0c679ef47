#pragma once

#include <cstddef>
#include <cstdint>

#include "latent/core/Error.h"
#include "latent/core/NumericArray.h"

// Small enough that a fuzzer's lying headers are refused quickly, large enough to parse
// every seed.
inline const latent::ArrayReadLimits kFuzzLimits{std::size_t{16} << 20};

// Runs a reader on fuzz input: latent::Error is the expected way to refuse bad bytes;
// anything else (a crash, a sanitizer report, another exception) is a finding.
template <typename Reader>
int runReader(Reader&& reader) {
    try {
        reader();
    } catch (const latent::Error&) {
    }
    return 0;
}
