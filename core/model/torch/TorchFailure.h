#pragma once
// Reading LibTorch's error texts for what a user can act on (private to core).

#include <exception>
#include <optional>
#include <string>

#include "latent/core/Error.h"

namespace latent::detail {

// What LibTorch threw, without the C++ backtrace a c10::Error carries. The TorchScript
// interpreter throws std::runtime_error with a traceback of the scripted code.
std::string torchErrorText(const std::exception& e);

// The line of a TorchScript failure that says what went wrong ("mat1 and mat2 shapes
// cannot be multiplied (1x10 and 8x16)"): its last non-empty line, without the Python
// exception name. The rest of the text is a traceback, kept for Error::details.
std::string torchFailureSummary(const std::string& what);

// The operator a file calls that this LibTorch does not have ("aten::foo" from "Unknown
// builtin op: aten::foo."), or nullopt when the failure is something else.
std::optional<std::string> unknownOperator(const std::string& what);

// Returns call(); an exception from LibTorch is thrown as makeError(summary, full text)
// instead, a latent::Error (already written for the user) as it is.
template <typename Call, typename MakeError>
auto callTorch(Call&& call, MakeError&& makeError) {
    try {
        return call();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        const std::string text = torchErrorText(e);
        throw makeError(torchFailureSummary(text), text);
    }
}

}  // namespace latent::detail
