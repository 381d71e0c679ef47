#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "latent/core/Error.h"

// Runs `action`, expects a latent::Error of `kind` whose message contains `fragment`.
inline void expectError(const std::function<void()>& action, latent::ErrorKind kind,
                        const std::string& fragment) {
    try {
        action();
        ADD_FAILURE() << "expected an error containing '" << fragment << "'";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), kind) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
            << "message '" << e.what() << "' lacks '" << fragment << "'";
    }
}
