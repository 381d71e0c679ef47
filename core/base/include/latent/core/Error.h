#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace latent {

// What went wrong, so callers (and tests) can react without parsing messages.
enum class ErrorKind {
    Io,               // the file could not be opened or read
    BadFormat,        // the bytes are not what the format promises (magic, types, shapes)
    Truncated,        // the file ends before the data it declares
    TooLarge,         // the declared size exceeds the memory limit
    ModelContract,    // a model file does not follow the model contract
    InvalidArgument,  // a caller passed something unusable
    Cancelled,        // the user cancelled a long job
    Inference,        // the model failed while running
};

const char* toString(ErrorKind kind);

// The one exception type core throws; its message is written for the user: one line
// that says what is wrong. `details` keeps what a developer needs to dig further (e.g. a
// TorchScript traceback); the GUI shows it behind a "Details" button, the CLI with
// --verbose. Empty when the message says it all.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message, std::string details = {})
        : std::runtime_error(message), kind_(kind), details_(std::move(details)) {}
    ErrorKind kind() const noexcept { return kind_; }
    const std::string& details() const noexcept { return details_; }

private:
    ErrorKind kind_;
    std::string details_;
};

}  // namespace latent
